"""Text items of the diagram: edge value labels, walkthrough callouts and layer headers."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from bpstudio.views.diagram import style
from bpstudio.views.widgets.language import translate

LABEL_Z = 5.0
CALLOUT_Z = 20.0
LABEL_LOD = 0.45  # an edge label smaller than this zoom would be noise


class PillItem(QGraphicsItem):
    """A short text on a rounded background, centred on (0, 0) unless anchored otherwise."""

    def __init__(self, font: QFont, fill: QColor, outline: QColor, ink: QColor) -> None:
        super().__init__()
        self.text = ""
        self._font, self._fill, self._outline, self._ink = font, fill, outline, ink
        self._rect = QRectF()
        self._anchor_left = False

    def set_text(self, text: str) -> None:
        if text == self.text:
            return
        self.prepareGeometryChange()
        self.text = text
        metrics = QFontMetricsF(self._font)
        width, height = metrics.horizontalAdvance(text) + 10, metrics.height() + 4
        left = 0.0 if self._anchor_left else -width / 2
        self._rect = QRectF(left, -height / 2, width, height)

    def set_colors(self, outline: QColor, ink: QColor) -> None:
        if (outline, ink) != (self._outline, self._ink):
            self._outline, self._ink = outline, ink
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._outline, 1))
        painter.setBrush(QBrush(self._fill))
        radius = self._rect.height() / 2
        painter.drawRoundedRect(self._rect, radius, radius)
        painter.setFont(self._font)
        painter.setPen(self._ink)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


class EdgeLabelItem(PillItem):
    """The value of one edge, written on the edge; double-click edits it like the edge."""

    def __init__(self, ref, position: QPointF) -> None:
        white = QColor(255, 255, 255, 235)
        super().__init__(style.text_font(11), white, style.FAINT, style.INK)
        self.ref = ref
        self.dimmed = False
        self.setPos(position)
        self.setZValue(LABEL_Z)

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LABEL_LOD:
            return
        if self.dimmed:
            painter.setOpacity(style.DIMMED_OPACITY + 0.1)
        super().paint(painter, option, widget)

    def mouseDoubleClickEvent(self, event) -> None:
        self.scene().begin_edit(self.ref)
        event.accept()


class CalloutItem(PillItem):
    """The number a walkthrough step is computing, set next to the element it belongs to."""

    def __init__(self, text: str, position: QPointF, anchor_left: bool) -> None:
        font = style.text_font(13, bold=True)
        super().__init__(font, style.HIGHLIGHT_FILL, style.HIGHLIGHT, style.INK)
        self._anchor_left = anchor_left
        self.set_text(text)
        self.setPos(position)
        self.setZValue(CALLOUT_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)


class LayerHeaderItem(QGraphicsItem):
    """ "Layer 2 · sigmoid" over its column; right-click for the layer's edits."""

    def __init__(self, layer: int, title: str, subtitle: str, position: QPointF) -> None:
        super().__init__()
        self.layer = layer
        self.title, self.subtitle = title, subtitle
        self._title_font = style.text_font(15, bold=True)
        self._subtitle_font = style.text_font(12)
        self._hovered = False
        self._bounds: QRectF | None = None
        self.setPos(position)
        self.setAcceptHoverEvents(True)
        self.setToolTip(
            translate(
                "NetworkDiagram",
                "Right-click for layer actions: insert, remove, activation, biases",
            )
        )

    def text(self) -> str:
        return self.title

    def boundingRect(self) -> QRectF:
        if self._bounds is None:  # measured once: Qt asks several times a frame
            width = max(
                QFontMetricsF(self._title_font).horizontalAdvance(self.title),
                QFontMetricsF(self._subtitle_font).horizontalAdvance(self.subtitle),
            )
            self._bounds = QRectF(-width / 2 - 10, -24, width + 20, 46)
        return self._bounds

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget=None) -> None:
        rect = self.boundingRect()
        if self._hovered:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(style.FAINT, 1))
            painter.setBrush(QColor("#f1f3f6"))
            painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(style.INK)
        painter.setFont(self._title_font)
        painter.drawText(rect.adjusted(0, 2, 0, -22), Qt.AlignmentFlag.AlignCenter, self.title)
        painter.setPen(style.MUTED_INK)
        painter.setFont(self._subtitle_font)
        painter.drawText(rect.adjusted(0, 24, 0, -2), Qt.AlignmentFlag.AlignCenter, self.subtitle)

    def hoverEnterEvent(self, _event) -> None:
        self._hovered = True
        self.update()

    def hoverLeaveEvent(self, _event) -> None:
        self._hovered = False
        self.update()

    def contextMenuEvent(self, event) -> None:
        self.scene().show_layer_menu(self.layer, event.screenPos())
        event.accept()
