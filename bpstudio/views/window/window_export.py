"""File > Export diagram as PNG / SVG: ask for a file, write it, say so in the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from bpstudio.views.widgets.language import model_message, translate

SUFFIXES = {"png": ".png", "svg": ".svg"}


def _filter(kind: str) -> str:
    if kind == "png":
        return translate("WindowMenus", "PNG images (*.png)")
    return translate("WindowMenus", "SVG drawings (*.svg)")


def export_diagram(window, kind: str) -> None:
    title = translate("WindowMenus", "Export diagram")
    path, _f = QFileDialog.getSaveFileName(window, title, "", _filter(kind))
    if not path:
        return
    path = Path(path) if Path(path).suffix else Path(path + SUFFIXES[kind])
    export = window.diagram.export_png if kind == "png" else window.diagram.export_svg
    try:
        export(path)
    except OSError as exc:  # FileWriteError says which file and why, translated
        message = translate("WindowMenus", "Could not export: %s") % model_message(exc)
        window.show_status(message)
        return
    window.show_status(translate("WindowMenus", "Exported the diagram to %s") % path)
