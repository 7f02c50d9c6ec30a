"""File > Export diagram as PNG / SVG: ask for a file, write it, say so in the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from bpstudio.views.widgets.language import model_message, translate
from bpstudio.views.widgets.status import ShowStatus

if TYPE_CHECKING:
    from bpstudio.views.diagram import NetworkDiagramView

SUFFIXES = {"png": ".png", "svg": ".svg"}


def _filter(kind: str) -> str:
    if kind == "png":
        return translate("WindowMenus", "PNG images (*.png)")
    return translate("WindowMenus", "SVG drawings (*.svg)")


def export_diagram(
    parent: QWidget, diagram: NetworkDiagramView, kind: str, show_status: ShowStatus
) -> None:
    title = translate("WindowMenus", "Export diagram")
    path, _f = QFileDialog.getSaveFileName(parent, title, "", _filter(kind))
    if not path:
        return
    path = Path(path) if Path(path).suffix else Path(path + SUFFIXES[kind])
    export = diagram.export_png if kind == "png" else diagram.export_svg
    try:
        export(path)
    except OSError as exc:  # FileWriteError says which file and why, translated
        show_status(translate("WindowMenus", "Could not export: %s") % model_message(exc))
        return
    show_status(translate("WindowMenus", "Exported the diagram to %s") % path)
