"""File > Export handout…: the current walkthrough as Markdown, LaTeX, HTML or PDF.

The text formats come from bpstudio.render (the same as ``bpstudio derive``).  The PDF is the
window's own: Qt's PDF writer (QPdfWriter) prints a QTextDocument whose formulas are the same
SVG typesetting rendered to images, so no TeX installation is needed.  Every file is made in
memory and written by the app's one atomic writer (bpstudio.model.safe_files), so a failed
export never leaves half a handout, and devices, folders and read-only files are refused.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSize, Qt, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFileDialog, QWidget

from bpstudio.model.safe_files import check_target, write_file
from bpstudio.render import render_derivation
from bpstudio.render.formula_svg import formula_svg
from bpstudio.render.outline import (
    network_line,
    new_heading,
    outline,
    same_way_lead,
    shown_explanation,
)
from bpstudio.views.widgets.language import model_message, translate
from bpstudio.views.widgets.status import ShowStatus

if TYPE_CHECKING:
    from bpstudio.controller.document import Document
    from bpstudio.controller.walkthrough import WalkthroughCursor

# Suffix -> the renderer's format name; PDF is drawn here.
FORMATS = {".pdf": "pdf", ".html": "html", ".md": "markdown", ".tex": "latex"}
FORMULA_PT = 15.0  # the formulas' size on the page
FORMULA_OVERSAMPLING = 3  # pixels per point of the formula images: sharp when printed
PAGE_MARGIN_MM = 18.0


def file_filters() -> str:
    return ";;".join(
        (
            translate("HandoutExport", "PDF document (*.pdf)"),
            translate("HandoutExport", "Web page (*.html)"),
            translate("HandoutExport", "Markdown (*.md)"),
            translate("HandoutExport", "LaTeX source (*.tex)"),
        )
    )


def target_path(path: str, chosen_filter: str) -> Path:
    """The path with the suffix of its format: the one typed, else the chosen filter's."""
    target = Path(path)
    if target.suffix.lower() in FORMATS:
        return target
    for suffix in FORMATS:
        if f"*{suffix})" in chosen_filter:
            return target.with_name(target.name + suffix)
    return target.with_name(target.name + ".pdf")


def write_handout(derivation, path: Path) -> None:
    """Write ``derivation`` to ``path`` in the format its suffix names (atomically)."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"unknown handout format {path.suffix!r}")
    check_target(path)  # before the typesetting, which takes a while
    if fmt == "pdf":
        write_file(path, _pdf_bytes(derivation))
    else:
        write_file(path, render_derivation(derivation, fmt))


def export_handout(
    parent: QWidget, document: Document, cursor: WalkthroughCursor, show_status: ShowStatus
) -> Path | None:
    """Ask where, then write the cursor's current walkthrough; reports in the status bar."""
    derivation = cursor.derivation
    if derivation is None:
        return None
    title = translate("HandoutExport", "Export handout")
    suggestion = document.display_name().removesuffix(".json") + ".pdf"
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggestion, file_filters())
    if not path:
        return None
    target = target_path(path, chosen)
    try:
        write_handout(derivation, target)
    except OSError as exc:  # FileWriteError names the file and why, translated
        message = translate("HandoutExport", "Could not export the handout: %s")
        show_status(message % model_message(exc))
        return None
    show_status(translate("HandoutExport", "Exported the handout to %s") % target)
    return target


# PDF ----------------------------------------------------------------------------------------
def pdf_document(derivation) -> QTextDocument:
    """The handout as a QTextDocument, each formula an image resource (formula:N)."""
    document = QTextDocument()
    images: list[QImage] = []

    def formula(latex: str) -> str:
        image = _formula_image(latex)
        images.append(image)
        url = f"formula:{len(images)}"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        width = image.width() / FORMULA_OVERSAMPLING
        return f'<p><img src="{url}" width="{width:.0f}"></p>'

    document.setHtml(_pdf_html(derivation, formula))
    return document


def _pdf_html(d, formula: Callable[[str], str]) -> str:
    out = [
        f"<h1>{escape(d.title)}</h1>",
        f"<p>{escape(d.intro)}</p>",
        f"<p><i>{escape(network_line(d))}</i></p>",
    ]
    for phase, sections in outline(d):
        out.append(f"<h2>{escape(phase.title)}</h2>")
        for section, steps in sections:
            out.append(f"<h3>{escape(section.title)}</h3>")
            for i, step in enumerate(steps):
                heading = new_heading(steps, i)
                if heading:
                    out.append(f"<h4>{escape(heading)}</h4>")
                lead = same_way_lead(steps, i, d.lang)  # the seed's 同理可得, said once
                out += [f"<p>{escape(lead)}</p>"] if lead else []
                out.append(formula(step.symbolic))
                out.append(formula(step.substituted))
                if why := shown_explanation(step):
                    out.append(f'<p style="color:#555555">{escape(why)}</p>')
    for note in d.notes:  # the closing notes, as the web page has them
        out.append(f"<h2>{escape(note.title)}</h2>")
        for line in note.lines:
            out += [f"<p>{escape(line.caption)}</p>"] if line.caption else []
            out.append(formula(line.formula))
    return "\n".join(out)


def _formula_image(latex: str) -> QImage:
    renderer = QSvgRenderer(QByteArray(formula_svg(latex, FORMULA_PT)))
    size = renderer.defaultSize() * FORMULA_OVERSAMPLING
    image = QImage(size.expandedTo(QSize(1, 1)), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def _pdf_bytes(derivation) -> bytes:
    """The PDF, made in memory (the app's one writer puts it on disk)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(derivation.title)
    writer.setCreator("BP Studio")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    margins = QMarginsF(*(PAGE_MARGIN_MM,) * 4)
    writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    pdf_document(derivation).print_(writer)  # pages laid out on the writer's A4
    del writer  # the PDF is complete once the writer is gone
    return bytes(buffer.data())
