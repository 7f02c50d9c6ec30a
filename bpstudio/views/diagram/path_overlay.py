"""The path explorer's paths on the diagram: one polyline per path, each in its own colour.

One item draws every path (at most 64) over the resting edges: a 10,000-edge diagram draws a
few dozen polylines, never an item per edge.  Paths that share an edge (the seed's two paths to
w₁₁² both run along it) are drawn side by side, a few pixels apart, so each colour shows.  The
hovered path is drawn wide and on top, the others faint.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from bpstudio.views.diagram.layout import UNIT_RADIUS
from bpstudio.views.widgets import palette

PATH_Z = 3.0  # above the edges (and a hovered edge), below labels and callouts
PATH_WIDTH = 4.0
HOVER_WIDTH = 7.0
SPREAD = 5.0  # pixels between paths that share an edge
SPREAD_PATHS = len(palette.PATH_COLOURS)  # side by side: the coloured ones; the rest overlap
OTHER_PATHS = QColor("#9aa5b1")  # paths beyond the palette, listed after the coloured ones
FAINT_OPACITY = 0.25


def path_colour(index: int) -> QColor:
    """The colour of the path listed at ``index`` (the panel's swatch uses the same)."""
    colours = palette.PATH_COLOURS
    return QColor(colours[index]) if index < len(colours) else OTHER_PATHS


class PathOverlayItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self._paths: list[list[QLineF]] = []
        self._rect = QRectF()
        self.hovered: int | None = None
        self.setZValue(PATH_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    @property
    def n_paths(self) -> int:
        return len(self._paths)

    def set_paths(self, polylines: list[list[QPointF]]) -> None:
        """Each path as the centres of its units, from the output end to the target."""
        self.prepareGeometryChange()
        count = min(len(polylines), SPREAD_PATHS)
        self._paths = [
            _segments(points, (i - (count - 1) / 2) * SPREAD if i < count else 0.0)
            for i, points in enumerate(polylines)
        ]
        self.hovered = None
        self._rect = _bounds(self._paths)
        self.update()

    def set_hovered(self, index: int | None) -> None:
        if index != self.hovered:
            self.hovered = index
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(FAINT_OPACITY if self.hovered is not None else 1.0)
        coloured = len(palette.PATH_COLOURS)
        others = [line for i, path in enumerate(self._paths[coloured:], coloured)
                  if i != self.hovered for line in path]  # fmt: skip
        if others:  # one call for the uncoloured rest, under the coloured ones
            painter.setPen(_pen(OTHER_PATHS, PATH_WIDTH))
            painter.drawLines(others)
        for index in reversed(range(min(coloured, len(self._paths)))):  # the largest on top
            if index != self.hovered:
                painter.setPen(_pen(path_colour(index), PATH_WIDTH))
                painter.drawLines(self._paths[index])
        if self.hovered is not None and self.hovered < len(self._paths):
            painter.setOpacity(1.0)
            painter.setPen(_pen(path_colour(self.hovered), HOVER_WIDTH))
            painter.drawLines(self._paths[self.hovered])


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)  # as wide on screen at any zoom: a zoomed-out network still shows it
    # Flat caps: antialiased round caps cost fifty times more (docs/performance.md); the
    # segments end at the unit circles, where no cap shows.
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _segments(points: list[QPointF], offset: float) -> list[QLineF]:
    """The polyline between unit circles (not over the discs), shifted sideways by
    ``offset``."""
    lines = []
    for a, b in itertools.pairwise(points):
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(dx, dy)
        if length <= 2 * UNIT_RADIUS:
            continue
        ux, uy = dx / length, dy / length
        shift = QPointF(-uy * offset, ux * offset)
        start = QPointF(a.x() + ux * UNIT_RADIUS, a.y() + uy * UNIT_RADIUS) + shift
        end = QPointF(b.x() - ux * UNIT_RADIUS, b.y() - uy * UNIT_RADIUS) + shift
        lines.append(QLineF(start, end))
    return lines


def _bounds(paths: list[list[QLineF]]) -> QRectF:
    lines = [line for path in paths for line in path]
    if not lines:
        return QRectF()
    xs = [p for line in lines for p in (line.x1(), line.x2())]
    ys = [p for line in lines for p in (line.y1(), line.y2())]
    margin = HOVER_WIDTH + SPREAD * SPREAD_PATHS
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(
        -margin, -margin, margin, margin
    )
