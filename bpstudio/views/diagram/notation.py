"""The symbols (x_1, a_1^2, Y_1, w_{jk}^l, b_k^l in the seed's notation) as text, HTML and
painted glyphs, in the notation in force (model.notation).

Sub- and superscripts are painted as small text at shifted baselines rather than through a
QTextDocument: it costs a few font-metric look-ups per unit, and SVG export keeps real text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QPainter

from bpstudio.model.notation import Glyph
from bpstudio.model.refs import BiasRef, EdgeRef, UnitRef
from bpstudio.views.diagram.style import math_font
from bpstudio.views.widgets.symbols import parameter_glyph, unit_glyph

SCRIPT_SCALE = 0.62


@dataclass(frozen=True)
class Symbol:
    base: str
    sub: str = ""
    sup: str = ""

    @property
    def plain(self) -> str:
        """x_1, a_1^2, w_{12}^3: the way the notation document writes it."""
        sub = self.sub if len(self.sub) == 1 else "{" + self.sub + "}"
        text = self.base + (f"_{sub}" if self.sub else "")
        return text + (f"^{self.sup}" if self.sup else "")

    @property
    def unicode(self) -> str:
        """x₁, a₁², w₁₂³: for menus and messages, where a_1^2 would be read as code."""
        return Glyph(self.base, "", self.sub, self.sup).plain

    @property
    def html(self) -> str:
        sub = f"<sub>{self.sub}</sub>" if self.sub else ""
        sup = f"<sup>{self.sup}</sup>" if self.sup else ""
        return f"<i>{self.base}</i>{sub}{sup}"


def _symbol(glyph: Glyph) -> Symbol:
    return Symbol(glyph.base, glyph.sub, glyph.sup)


def unit_symbol(ref: UnitRef, n_layers: int) -> Symbol:
    """x_j for the inputs, Y_k for the outputs, a_k^l in between, in the notation in force."""
    return _symbol(unit_glyph(ref.layer, ref.unit, n_layers))


def parameter_symbol(ref: EdgeRef | BiasRef) -> Symbol:
    if isinstance(ref, BiasRef):
        return _symbol(parameter_glyph(ref.layer, None, ref.unit))
    return _symbol(parameter_glyph(ref.layer, ref.j, ref.k))


def symbol_rect(symbol: Symbol, pixel_size: float) -> QRectF:
    """The painted extent, with the base's baseline at y = 0 and its left edge at x = 0."""
    base = QFontMetricsF(math_font(pixel_size))
    script = QFontMetricsF(math_font(pixel_size * SCRIPT_SCALE))
    width = base.horizontalAdvance(symbol.base)
    width += max(script.horizontalAdvance(symbol.sub), script.horizontalAdvance(symbol.sup))
    top = -base.ascent() - (0.25 * pixel_size if symbol.sup else 0)
    bottom = base.descent() + (0.3 * pixel_size if symbol.sub else 0)
    return QRectF(0, top, width, bottom - top)


def draw_symbol(painter: QPainter, center: QPointF, symbol: Symbol, pixel_size: float) -> None:
    """Paint ``symbol`` centred on ``center`` in the painter's current pen."""
    base_font, script_font, placed = _symbol_layout(symbol, pixel_size)
    painter.setFont(base_font)
    (dx, dy, text), *scripts = placed
    painter.drawText(QPointF(center.x() + dx, center.y() + dy), text)
    if scripts:
        painter.setFont(script_font)
        for dx, dy, text in scripts:
            painter.drawText(QPointF(center.x() + dx, center.y() + dy), text)


@lru_cache(maxsize=4096)
def _symbol_layout(symbol: Symbol, pixel_size: float):
    """Fonts and offsets from the centre, measured once per symbol: a frame of a big network
    paints hundreds of units, and font metrics were most of their painting time."""
    rect = symbol_rect(symbol, pixel_size)
    ox, oy = -rect.width() / 2, -rect.center().y()
    base_font = math_font(pixel_size)
    placed = [(ox, oy, symbol.base)]
    x = ox + QFontMetricsF(base_font).horizontalAdvance(symbol.base) + 0.5
    script_font = math_font(pixel_size * SCRIPT_SCALE)
    script_font.setItalic(False)  # indices are numbers: upright, as in print
    if symbol.sub:
        placed.append((x, oy + 0.3 * pixel_size, symbol.sub))
    if symbol.sup:
        placed.append((x, oy - 0.42 * pixel_size, symbol.sup))
    return base_font, script_font, tuple(placed)
