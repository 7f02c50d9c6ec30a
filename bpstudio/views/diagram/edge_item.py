"""One weight (or bias) edge: the hit area, hover, selection and the in-place edit entry.

At rest an edge paints nothing itself: the EdgeBundleItem below draws every resting edge in
a few batched calls.  An edge paints only while it is hovered, selected or highlighted, by
clearing ItemHasNoContents, so a 10,000-edge diagram makes no per-edge Python paint calls.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from bpstudio.model.refs import BiasRef, EdgeRef
from bpstudio.views.diagram import style
from bpstudio.views.diagram.notation import parameter_symbol

EDGE_Z = 1.0
GLOW_WIDTH = 9.0
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class EdgeItem(QGraphicsItem):
    def __init__(self, ref: EdgeRef | BiasRef, source: QPointF, target: QPointF) -> None:
        super().__init__()
        self.ref = ref
        self.line = QLineF(source, target)
        self.value = 0.0  # the weight w_{jk}^l (or bias b_k^l)
        self.gradient: float | None = None  # dE/dw of the shown sample, once computed
        self.negative = False
        self.level = 0
        self.highlighted = False
        self._hovered = False
        self._shape: QPainterPath | None = None
        self.setZValue(EDGE_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(_NO_CONTENTS)
        self.setAcceptHoverEvents(True)

    @property
    def is_bias(self) -> bool:
        return isinstance(self.ref, BiasRef)

    def point_at(self, fraction: float) -> QPointF:
        return self.line.pointAt(fraction)

    # state set by the scene ------------------------------------------------------------------
    def set_values(self, value: float, gradient: float | None) -> None:
        self.value, self.gradient = value, gradient

    def set_display(self, negative: bool, level: int) -> None:
        if (negative, level) != (self.negative, self.level):
            self.negative, self.level = negative, level
            if not self.flags() & _NO_CONTENTS:
                self.update()

    def set_highlighted(self, highlighted: bool) -> None:
        if highlighted != self.highlighted:
            self.highlighted = highlighted
            self._refresh_emphasis()

    def set_line(self, source: QPointF, target: QPointF) -> None:
        self.prepareGeometryChange()  # boundingRect and shape follow the line
        self.line = QLineF(source, target)
        self._shape = None

    def tooltip_html(self) -> str:
        symbol = parameter_symbol(self.ref).html
        text = f"{symbol} = {style.format_value(self.value)}"
        if self.gradient is not None:
            text += f"<br>∂<i>E</i>/∂{symbol} = {style.format_value(self.gradient)}"
        return text + "<br><span style='color:#5f6b7a'>double-click to edit</span>"

    # QGraphicsItem ---------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        margin = max(style.HIT_WIDTH, GLOW_WIDTH) / 2 + 1
        rect = QRectF(self.line.p1(), self.line.p2()).normalized()
        return rect.adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        # A wide band around the line: a 1-pixel edge is still easy to hover and click.
        if self._shape is None:
            path = QPainterPath(self.line.p1())
            path.lineTo(self.line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(style.HIT_WIDTH)
            self._shape = stroker.createStroke(path)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = style.edge_width(self.level)
        if self.highlighted:
            glow = style.round_pen(style.HIGHLIGHT, width + GLOW_WIDTH)
            painter.setPen(glow)
            painter.drawLine(self.line)
        if self.isSelected():
            painter.setPen(style.round_pen(style.SELECTION, width + 5))
            painter.drawLine(self.line)
        pen = QPen(style.edge_pen(self.negative, self.level))
        if self._hovered or self.isSelected():
            pen.setWidthF(width + 2)
        if self.is_bias:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(self.line)

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._refresh_emphasis()
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self.setToolTip(self.tooltip_html())  # built on demand: 10,000 tooltips cost time
        self._refresh_emphasis()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self._refresh_emphasis()
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

    def _refresh_emphasis(self) -> None:
        emphasised = self._hovered or self.isSelected() or self.highlighted
        self.setFlag(_NO_CONTENTS, not emphasised)
        self.setZValue(EDGE_Z + (1 if emphasised else 0))  # above the bundle's resting edges
        self.update()
