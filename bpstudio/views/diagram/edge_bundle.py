"""All resting edges drawn by one item, grouped by pen: a few drawLines calls per repaint,
and none while no pen changed (the item is cached as a pixmap on screen).

Why one item: with 10,000 edges, one Python ``paint`` per edge costs tens of milliseconds per
frame, while ``drawLines`` on a group of lines runs entirely in C++.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from bpstudio.views.diagram import style

BUNDLE_Z = 0.0
THIN_EDGE_LOD = 0.25  # below this zoom, the faintest edges of a large network are skipped
HAIRLINE = 1.01
BIG_NETWORK_OPACITY = 0.6
FADE_EDGE_LIMIT = 3000  # above this many edges, faded hairlines: a mesh, not single lines
# Above this many, no antialiasing: it costs ten times the drawing time (docs/performance.md),
# while the many crossing lines hide the jagged steps.
ANTIALIAS_EDGE_LIMIT = 400


class EdgeBundleItem(QGraphicsItem):
    def __init__(self, lines: list[QLineF], dashed: list[bool], coords: np.ndarray) -> None:
        """``coords``: one row (x1, y1, x2, y2) per line, gathered while the lines were made
        (reading them back from 10,000 QLineF here took a slow step of a sliced build)."""
        super().__init__()
        self._lines = lines
        self._dashed = dashed  # bias edges are drawn dashed, as textbooks draw "+1" inputs
        self._dashed_array = np.asarray(dashed, dtype=np.int64).reshape(-1)
        self._groups: dict[tuple[bool, int, bool], list[QLineF]] = {}
        self._keys: np.ndarray | None = None
        self._rect = _bounds(np.asarray(coords, dtype=float).reshape(-1, 4))
        self.dimmed = False
        self.gradient = False  # drawn in the gradient's colours (∂E/∂w), not the weight's
        self.setZValue(BUNDLE_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        # Drawn into a pixmap, drawn again only when a pen changes (set_display, dimming, a
        # zoom): the units repaint at every training snapshot, and each repaint of a unit's
        # rectangle used to stroke every line again.  Exports draw lines, not this pixmap.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_display(self, negatives, levels, gradient: bool = False) -> None:
        """One (negative, level) pair per line, in the order the lines were given; in the
        gradient's colours when ``gradient``."""
        if gradient != self.gradient:
            self.gradient = gradient
            self._keys = None  # other pens: repaint even if the groups stay the same
        negatives = np.asarray(negatives, dtype=bool)
        levels = np.asarray(levels, dtype=np.int64)
        if len(negatives) != len(self._lines) or len(levels) != len(self._lines):
            raise ValueError("one (negative, level) pair per line")
        # One integer key per line, ordered by level first: strong edges are drawn last, so
        # they lie on top of the faint ones.
        keys = (levels * 2 + negatives) * 2 + self._dashed_array
        if self._keys is not None and np.array_equal(keys, self._keys):
            return  # the same picture: no regrouping, no repaint
        self._keys = keys
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        bounds = np.flatnonzero(np.diff(sorted_keys)) + 1
        starts = [0, *bounds.tolist()] if len(order) else []
        ends = [*bounds.tolist(), len(order)] if len(order) else []
        order_list = order.tolist()
        lines = self._lines
        groups: dict[tuple[bool, int, bool], list[QLineF]] = {}
        for start, end in zip(starts, ends, strict=True):
            key = int(sorted_keys[start])
            group = [lines[i] for i in order_list[start:end]]
            groups[(bool((key >> 1) & 1), key >> 2, bool(key & 1))] = group
        self._groups = groups
        self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, _widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        big = len(self._lines) > FADE_EDGE_LIMIT
        painter.setRenderHint(
            QPainter.RenderHint.Antialiasing, len(self._lines) <= ANTIALIAS_EDGE_LIMIT
        )
        fade = 1.0
        if big:
            # Thousands of crossing lines: faded, so that the units stand out of the mesh.
            # The fade is mixed into opaque colours rather than painted with an opacity.
            fade = style.DIMMED_OPACITY if self.dimmed else BIG_NETWORK_OPACITY
        elif self.dimmed:
            painter.setOpacity(style.DIMMED_OPACITY)
        for (negative, level, dashed), lines in self._groups.items():
            if big and lod < THIN_EDGE_LOD and level == 0:
                continue
            painter.setPen(self._pen(negative, level, dashed, lod, fade))
            painter.drawLines(lines)

    def _pen(self, negative: bool, level: int, dashed: bool, lod: float, fade: float) -> QPen:
        pen = style.edge_pen(negative, level, self.gradient)
        device_width = pen.widthF() * lod
        big = len(self._lines) > FADE_EDGE_LIMIT
        if not dashed and device_width >= 1.0 and not big:
            return pen
        pen = QPen(pen)
        if fade < 1.0:
            pen.setColor(style.faded_edge_color(negative, level, fade, self.gradient))
        # A cosmetic pen is as wide on screen at any zoom: at least one pixel, so that a
        # zoomed-out edge is a continuous hairline and not a moire of dots.  1.01, not 1:
        # Qt rasterises exactly-1-pixel lines on a path about five times slower.
        pen.setCosmetic(True)
        pen.setWidthF(max(HAIRLINE, device_width))
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen


def _bounds(coords: np.ndarray) -> QRectF:
    if not len(coords):
        return QRectF()
    xs, ys = coords[:, 0::2], coords[:, 1::2]
    x0, y0, x1, y1 = float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())
    margin = style.MAX_EDGE_WIDTH
    return QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(-margin, -margin, margin, margin)
