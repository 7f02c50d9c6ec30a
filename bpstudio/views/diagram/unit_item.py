"""A unit (circle with its symbol and current value) and the "+1" node that feeds biases."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from bpstudio.model.refs import UnitRef
from bpstudio.views.diagram import style
from bpstudio.views.diagram.layout import BIAS_HALF_SIDE, UNIT_RADIUS
from bpstudio.views.diagram.notation import Symbol, draw_symbol, symbol_rect
from bpstudio.views.widgets.language import translate

UNIT_Z = 10.0
GLOW = 9.0  # room around the circle for the highlight ring
TEXT_LOD = 0.3  # below this zoom, text would be unreadable specks: draw the circle only
STEADY_REFRESHES = 2  # refreshes without a new value before a unit is cached as a pixmap


class UnitItem(QGraphicsItem):
    def __init__(self, ref: UnitRef, role: str, symbol: Symbol, position: QPointF) -> None:
        super().__init__()
        self.ref = ref
        self.role = role  # "input" | "hidden" | "output"
        self.symbol = symbol
        self.value_text = "—"
        self._value_at: tuple[QFont, QPointF] | None = None
        # The disc's and the symbol's (pixmap, target, source) for _faces_key's look and zoom.
        self._faces_key: tuple | None = None
        self._faces: tuple = ()
        self._steady = 0  # refreshes in a row that left the value and fill as they were
        self._cached = False
        self.fill = style.UNIT_FILL[role]
        self.highlighted = False
        self.dimmed = False
        self._hovered = False
        self._tooltip = ""
        self.setPos(position)
        self.setZValue(UNIT_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)

    # state set by the scene ------------------------------------------------------------------
    def set_value(self, text: str, fill: QColor, tooltip) -> None:
        """``tooltip``: the text, or a function that makes it (called only when shown)."""
        if text != self.value_text or fill != self.fill:
            if text != self.value_text:
                self._value_at = None  # measured again at the next paint
            self.value_text, self.fill = text, fill
            self._steady = 0
            if self._cached:
                self._cached = False
                self.setCacheMode(_NO_CACHE)
            self.update()
        elif not self._cached:
            self._steady += 1
            if self._steady >= STEADY_REFRESHES:
                # A value that training does not move (an input's): a pixmap Qt copies
                # without calling paint, until the value changes again.
                self._cached = True
                self.setCacheMode(_DEVICE_CACHE)
        self._tooltip = tooltip
        if self._hovered:
            self._show_tooltip()

    def tooltip_html(self) -> str:
        return self._tooltip() if callable(self._tooltip) else self._tooltip

    def _show_tooltip(self) -> None:
        self.setToolTip(self.tooltip_html())

    def set_emphasis(self, highlighted: bool, dimmed: bool) -> None:
        if (highlighted, dimmed) != (self.highlighted, self.dimmed):
            self.highlighted, self.dimmed = highlighted, dimmed
            self.update()

    # QGraphicsItem ---------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return _BOUNDS  # asked several times per frame: no new rectangle each time

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), UNIT_RADIUS + 2, UNIT_RADIUS + 2)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, _widget=None) -> None:
        # Hundreds of units a frame: no enum arithmetic, no new pens or brushes when avoidable,
        # and on screen as few calls into Qt as possible (each costs a microsecond or two).
        painter.setRenderHint(_ANTIALIASING)
        if self.dimmed:
            # An opaque disc first: a faded unit must still hide the edges behind it.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.BACKGROUND)
            painter.drawEllipse(QPointF(0, 0), UNIT_RADIUS, UNIT_RADIUS)
            painter.setOpacity(style.DIMMED_OPACITY + 0.15)
        if self.highlighted:
            painter.setPen(QPen(style.HIGHLIGHT, GLOW))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), UNIT_RADIUS + GLOW / 2, UNIT_RADIUS + GLOW / 2)
        selected = self.isSelected()
        transform = painter.worldTransform()
        scale = transform.m11()
        text = option.levelOfDetailFromTransform(transform) >= TEXT_LOD
        if not _in_pixels(painter, scale):  # SVG (real shapes), a printer, or zoomed in far
            painter.setPen(self._outline_pen(selected))
            painter.setBrush(self.fill)
            painter.drawEllipse(_ORIGIN, UNIT_RADIUS, UNIT_RADIUS)
            if text:
                painter.setPen(style.INK)
                draw_symbol(painter, _SYMBOL_AT, self.symbol, 19)
                self._paint_value(painter)
            return
        # The disc (fill and outline) and the symbol as pixmaps made once per colour, outline
        # and zoom: an antialiased stroked ellipse costs about fifteen pixmap copies, the
        # symbol three font switches and glyph runs.  Looked up again only when they change.
        key = (self.fill.rgba(), selected, self._hovered, scale)
        if key != self._faces_key:
            zoom = _pixmap_zoom(scale)
            disc = _disc_pixmap((key[0], self.role, selected, self._hovered), zoom)
            self._faces = (disc, _symbol_pixmap(self.symbol, zoom))
            self._faces_key = key
        disc, symbol = self._faces
        painter.drawPixmap(*disc)
        if text:
            painter.drawPixmap(*symbol)
            self._paint_value(painter)

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self._show_tooltip()
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def contextMenuEvent(self, event) -> None:
        self.scene().show_unit_menu(self.ref, event.screenPos())
        event.accept()

    # painting helpers ------------------------------------------------------------------------
    def _outline_pen(self, selected: bool) -> QPen:
        return _outline_pen(self.role, selected, self._hovered)

    def _paint_value(self, painter: QPainter) -> None:
        if self._value_at is None:
            self._value_at = _value_layout(self.value_text)
        font, origin = self._value_at
        painter.setFont(font)
        painter.setPen(style.MUTED_INK if self.value_text == "—" else style.INK)
        painter.drawText(origin, self.value_text)


_BOUNDS = QRectF(
    -UNIT_RADIUS - GLOW, -UNIT_RADIUS - GLOW, 2 * (UNIT_RADIUS + GLOW), 2 * (UNIT_RADIUS + GLOW)
)
_ORIGIN = QPointF(0, 0)
_SYMBOL_AT = QPointF(0, -9)
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_RASTER = QPaintEngine.Type.Raster
_NO_CACHE = QGraphicsItem.CacheMode.NoCache
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache


def _in_pixels(painter: QPainter, scale: float) -> bool:
    """Painting into pixels (the screen, a PNG) at a zoom where cached pixmaps stay small."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() == _RASTER and 0 < scale <= 4


def _pixmap_zoom(scale: float) -> float:
    """``scale`` rounded so that nearby zooms share their cached pixmaps: to 1/64 where a disc
    is several pixels wide, to a power of 2**(1/4) below that.  Never 0: a column of a thousand
    units fits the window at a scale under 1/128, which rounded to 1/64 would be 0."""
    if scale >= 1 / 16:
        return round(scale * 64) / 64
    return 2 ** (round(4 * math.log2(scale)) / 4)


@lru_cache(maxsize=512)
def _disc_pixmap(key: tuple[int, str, bool, bool], scale: float) -> tuple[QRectF, QPixmap, QRectF]:
    """The unit's disc for ``key`` = (fill rgba, role, selected, hovered) at ``scale`` device
    pixels per unit, as the arguments of drawPixmap: where it goes in the item, the pixmap,
    all of the pixmap."""
    rgba, role, selected, hovered = key
    pen = _outline_pen(role, selected, hovered)
    # An even number of whole pixels, centred on the item's origin: copied 1:1, not resampled.
    half_side = max(1, math.ceil((UNIT_RADIUS + pen.widthF() / 2 + 1) * scale))
    half = half_side / scale
    target = QRectF(-half, -half, 2 * half, 2 * half)
    image = QImage(QSize(2 * half_side, 2 * half_side), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(half_side, half_side)
    painter.scale(scale, scale)
    painter.setPen(pen)
    painter.setBrush(QColor.fromRgba(rgba))
    painter.drawEllipse(_ORIGIN, UNIT_RADIUS, UNIT_RADIUS)
    painter.end()
    return target, QPixmap.fromImage(image), QRectF(image.rect())


@lru_cache(maxsize=2048)
def _symbol_pixmap(symbol: Symbol, scale: float) -> tuple[QRectF, QPixmap, QRectF]:
    """The symbol drawn at ``scale`` device pixels per unit, as the arguments of drawPixmap
    (where it goes in the item, the pixmap, all of it): three font switches and glyph runs a
    unit a frame become one pixmap copy."""
    rect = symbol_rect(symbol, 19)
    # symbol_rect has the baseline at 0 and the left edge at 0; draw_symbol centres it.
    target = QRectF(rect).translated(-rect.width() / 2, -rect.center().y() - 9 - rect.top())
    target.moveTop(-9 - rect.height() / 2)
    target = target.adjusted(-2, -2, 2, 2)
    size = QSize(
        max(1, math.ceil(target.width() * scale)), max(1, math.ceil(target.height() * scale))
    )
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(size.width() / target.width(), size.height() / target.height())
    painter.translate(-target.left(), -target.top())
    painter.setPen(style.INK)
    draw_symbol(painter, _SYMBOL_AT, symbol, 19)
    painter.end()
    return target, QPixmap.fromImage(image), QRectF(image.rect())


@lru_cache(maxsize=16)
def _outline_pen(role: str, selected: bool, hovered: bool) -> QPen:
    if selected:
        return QPen(style.SELECTION, 3.5)
    color = style.UNIT_OUTLINE[role]
    return QPen(color.darker(135) if hovered else color, 2.5 if hovered else 2)


@lru_cache(maxsize=2)
def _value_font(pixel_size: int) -> tuple[QFont, QFontMetricsF]:
    font = style.text_font(pixel_size)
    return font, QFontMetricsF(font)


def _value_layout(text: str) -> tuple[QFont, QPointF]:
    """The value's font (12 px, or 10 px if it would not fit) and where its baseline starts,
    centred under the symbol: measured when the value changes, not at every paint."""
    font, metrics = _value_font(12)
    width = metrics.horizontalAdvance(text)
    if width > 2 * UNIT_RADIUS - 10:
        font, metrics = _value_font(10)  # a long scientific value still fits inside
        width = metrics.horizontalAdvance(text)
    return font, QPointF(-width / 2, 3 + metrics.ascent())


class BiasNodeItem(QGraphicsItem):
    """The constant input 1 whose edges carry the biases b_k^l of ``layer``."""

    def __init__(self, layer: int, position: QPointF) -> None:
        super().__init__()
        self.layer = layer
        self.dimmed = False
        self.setPos(position)
        self.setZValue(UNIT_Z)
        self.setToolTip(
            translate(
                "NetworkDiagram", "Bias input of layer %d: a constant 1; its edges carry b_k^%d"
            )
            % (layer, layer)
        )

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def boundingRect(self) -> QRectF:
        h = BIAS_HALF_SIDE + 2
        return QRectF(-h, -h, 2 * h, 2 * h)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget=None) -> None:
        painter.setRenderHint(_ANTIALIASING)
        if self.dimmed:
            painter.setOpacity(style.DIMMED_OPACITY + 0.15)
        h = BIAS_HALF_SIDE
        square = QRectF(-h, -h, 2 * h, 2 * h)
        painter.setPen(QPen(style.MUTED_INK, 1.5))
        painter.setBrush(QBrush(QColor("#f4f5f7")))
        painter.drawRoundedRect(square, 4, 4)
        painter.setFont(style.text_font(12, bold=True))
        painter.setPen(style.INK)
        painter.drawText(square, Qt.AlignmentFlag.AlignCenter, "+1")

    def contextMenuEvent(self, event) -> None:
        self.scene().show_layer_menu(self.layer, event.screenPos())
        event.accept()
