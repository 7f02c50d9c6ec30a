"""One weight (or bias) edge: the hit area, hover, selection and the in-place edit entry.

At rest an edge paints nothing itself: the EdgeBundleItem below draws every resting edge in
a few batched calls.  An edge paints only while it is hovered, selected or highlighted, by
clearing ItemHasNoContents, so a 10,000-edge diagram makes no per-edge Python paint calls.
A resting edge is also fully transparent, so that Qt does not even visit it for a frame (or
a hit test); the scene makes the one under the pointer opaque, found by an EdgeHitIndex.

The wide hit area is QGraphicsLineItem's own C++ ``shape()``: the line stroked with an
invisible pen HIT_WIDTH wide (``setLine`` calls ``prepareGeometryChange`` itself).  A Python
``shape``/``boundingRect`` override would be asked by the scene on every mouse move, for each
of the thousands of edges whose bounds contain the pointer: 60 ms a move at 10,000 edges.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QStyleOptionGraphicsItem

from bpstudio.model.refs import BiasRef, EdgeRef
from bpstudio.views.diagram import style
from bpstudio.views.diagram.notation import parameter_symbol

EDGE_Z = 1.0
GLOW_WIDTH = 8.0
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
# Invisible; its width is the hit band and the room for the glow (boundingRect follows it).
_HIT_PEN = QPen(Qt.GlobalColor.transparent, max(style.HIT_WIDTH, GLOW_WIDTH + style.MAX_EDGE_WIDTH))
HIT_RADIUS = _HIT_PEN.widthF() / 2  # the EdgeHitIndex's reach, the same band


class EdgeValues:
    """The numbers of every edge of one build, as whole arrays: a refresh stores them in a few
    NumPy operations instead of 10,000 Python calls, and each EdgeItem reads its own entry."""

    def __init__(self, count: int) -> None:
        self.values = np.zeros(count)  # the weights w_{jk}^l (or biases b_k^l)
        self.gradients: np.ndarray | None = None  # dE/dw of the shown sample
        self.known: np.ndarray | None = None  # which gradients are computed (None: all)
        self.negatives = np.zeros(count, dtype=bool)
        self.levels = np.zeros(count, dtype=np.int64)
        self.gradient_colours = False  # the edges show ∂E/∂w: drawn in the gradient's colours
        self.painting: set[EdgeItem] = set()  # the edges that paint themselves just now

    def store(self, values, gradients, known, negatives, levels) -> None:
        self.values, self.gradients, self.known = values, gradients, known
        self.negatives, self.levels = negatives, levels
        for edge in self.painting:
            edge.update()


class EdgeItem(QGraphicsLineItem):
    def __init__(
        self, ref: EdgeRef | BiasRef, source: QPointF, target: QPointF, store=None, index=0
    ) -> None:
        super().__init__(QLineF(source, target))
        self.ref = ref
        self._store = store if store is not None else EdgeValues(1)
        self._index = index
        self.highlighted = False
        self._hovered = False
        self._active = False  # under the pointer: hittable although at rest
        self.setPen(_HIT_PEN)
        self.setZValue(EDGE_Z)
        self.setFlags(_SELECTABLE | _NO_CONTENTS)
        # Fully transparent at rest: Qt skips the item when it paints or hit-tests, which at
        # 10,000 edges is most of a frame.  The scene makes the edge under the pointer opaque.
        self.setOpacity(0.0)
        self.setAcceptHoverEvents(True)

    @property
    def is_bias(self) -> bool:
        return isinstance(self.ref, BiasRef)

    def point_at(self, fraction: float) -> QPointF:
        return self.line().pointAt(fraction)

    # state set by the scene, through the shared EdgeValues ------------------------------------
    @property
    def value(self) -> float:
        return float(self._store.values[self._index])

    @property
    def gradient(self) -> float | None:
        store = self._store
        if store.gradients is None or (store.known is not None and not store.known[self._index]):
            return None
        return float(store.gradients[self._index])

    @property
    def negative(self) -> bool:
        return bool(self._store.negatives[self._index])

    @property
    def level(self) -> int:
        return int(self._store.levels[self._index])

    def set_highlighted(self, highlighted: bool) -> None:
        if highlighted != self.highlighted:
            self.highlighted = highlighted
            self.refresh_emphasis()

    def tooltip_html(self) -> str:
        symbol = parameter_symbol(self.ref).html
        text = f"{symbol} = {style.format_value(self.value)}"
        if self.gradient is not None:
            text += f"<br>∂<i>E</i>/∂{symbol} = {style.format_value(self.gradient)}"
        return text + "<br><span style='color:#5f6b7a'>double-click to edit</span>"

    # QGraphicsItem ---------------------------------------------------------------------------
    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self.line()
        width = style.edge_width(self.level)
        if self.highlighted:
            glow = style.round_pen(style.HIGHLIGHT, width + GLOW_WIDTH)
            painter.setPen(glow)
            painter.drawLine(line)
        if self.isSelected():
            painter.setPen(style.round_pen(style.SELECTION, width + 5))
            painter.drawLine(line)
        colour = style.edge_color(self.negative, self.level, self._store.gradient_colours)
        pen = style.round_pen(colour, width)
        if self._hovered or self.isSelected():
            pen.setWidthF(width + 2)
        if self.is_bias:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(line)

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self.setToolTip(self.tooltip_html())  # built on demand: 10,000 tooltips cost time
        self.refresh_emphasis()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self.refresh_emphasis()
        super().hoverLeaveEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.scene().begin_edit(self.ref)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:
        self.scene().show_edge_menu(self.ref, event.screenPos())
        event.accept()

    def set_active(self, active: bool) -> None:
        if active != self._active:
            self._active = active
            self.refresh_emphasis()

    def refresh_emphasis(self) -> None:
        """Paint (or stop painting) this edge itself; the scene calls it when the selection
        changes, which is cheaper than an itemChange override run on every item change."""
        emphasised = self._hovered or self.isSelected() or self.highlighted
        was_painting = self in self._store.painting
        if emphasised:
            self._store.painting.add(self)
        else:
            self._store.painting.discard(self)
        self.setFlag(_NO_CONTENTS, not emphasised)
        self.setOpacity(1.0 if emphasised or self._active else 0.0)
        self.setZValue(EDGE_Z + (1 if emphasised else 0))  # above the bundle's resting edges
        if was_painting and not emphasised and self.scene() is not None:
            # The item's own update() is dropped now: Qt discards repaints of an item that
            # has no contents or is fully transparent, so the glow it painted would stay on
            # screen.  The scene repaints the area instead.
            self.scene().update(self.sceneBoundingRect())
        else:
            self.update()
