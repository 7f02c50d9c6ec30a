"""Export the whole diagram (not just the visible part) as PNG or SVG.

The image is made in memory and written by the app's one atomic writer
(bpstudio.model.safe_files), which refuses devices, folders and read-only files."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from bpstudio.model.safe_files import check_target, write_file

EXPORT_MARGIN = 24.0
PNG_SCALE = 2.0  # crisp on slides and high-density screens
MAX_PNG_SIDE = 8000  # pixels; a 200-unit diagram is scaled down to stay a sensible file
NO_CACHE = QGraphicsItem.CacheMode.NoCache


def export_png(scene, path) -> None:
    source = _source_rect(scene)
    scale = min(PNG_SCALE, MAX_PNG_SIDE / max(source.width(), source.height()))
    size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(scene.backgroundBrush().color())
    painter = QPainter(image)
    _render(scene, painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"could not make a PNG of {size.width()} x {size.height()} pixels")
    write_file(path, bytes(buffer.data()))


def export_svg(scene, path, title: str = "BP Studio network diagram") -> None:
    source = _source_rect(scene)
    check_target(path)  # before the drawing, which can take a while
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription("Exported from BP Studio")
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, source.width(), source.height()), scene.backgroundBrush())
    _render(scene, painter, QRectF(0, 0, source.width(), source.height()), source)
    if not painter.end():
        raise OSError("could not draw the SVG")
    write_file(path, bytes(buffer.data()))


def _source_rect(scene) -> QRectF:
    rect = scene.itemsBoundingRect()
    return rect.adjusted(-EXPORT_MARGIN, -EXPORT_MARGIN, EXPORT_MARGIN, EXPORT_MARGIN)


def _render(scene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    # Selection outlines are the user's state on screen, not part of a figure.
    selected = scene.selectedItems()
    # Items cached as pixmaps on screen are drawn as shapes: an SVG gets lines, not an image.
    cached = {item: item.cacheMode() for item in scene.items() if item.cacheMode() != NO_CACHE}
    with QSignalBlocker(scene):
        for item in selected:
            item.setSelected(False)
        for item in cached:
            item.setCacheMode(NO_CACHE)
        try:
            scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            for item in selected:
                item.setSelected(True)
            for item, mode in cached.items():
                item.setCacheMode(mode)
