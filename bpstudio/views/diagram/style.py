"""Colours, pens, fonts and number formats of the diagram: the one place to restyle it.

Edge colours follow the convention students know from the TensorFlow Playground: blue for a
positive value, orange for a negative one, width and saturation growing with the magnitude.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen

from bpstudio.views.widgets import palette

POSITIVE = QColor(palette.WEIGHT_POSITIVE)
NEGATIVE = QColor(palette.WEIGHT_NEGATIVE)
# Edges drawn by their gradient ∂E/∂w (View > Show gradients): other hues than the weights'
GRADIENT_POSITIVE = QColor(palette.GRADIENT_POSITIVE)
GRADIENT_NEGATIVE = QColor(palette.GRADIENT_NEGATIVE)
FAINT = QColor("#d5d9df")  # what a near-zero edge fades to
INK = QColor("#1f2933")
MUTED_INK = QColor("#5f6b7a")
BACKGROUND = QColor("#fbfbfc")
SELECTION = QColor("#1f2933")
HIGHLIGHT = QColor(palette.HIGHLIGHT)  # what the walkthrough's formula touches
HIGHLIGHT_FILL = QColor(palette.HIGHLIGHT_FILL)
ERROR = QColor("#c62828")

UNIT_FILL = {"input": QColor("#eef4fb"), "hidden": QColor("#ffffff"), "output": QColor("#f3f0fb")}
UNIT_OUTLINE = {
    "input": QColor("#5b8fc7"),
    "hidden": QColor("#5f6b7a"),
    "output": QColor("#7a5cc2"),
}

# Edge magnitudes are quantised into levels, so that a 10,000-edge diagram needs only
# 2 x LEVELS pens and can draw each group of lines in one call.
LEVELS = 8
MIN_EDGE_WIDTH = 0.8
MAX_EDGE_WIDTH = 6.0
HIT_WIDTH = 12.0  # the clickable band around a thin edge, in scene units

DIMMED_OPACITY = 0.22  # elements a walkthrough step does not touch


@lru_cache(maxsize=8 * LEVELS)
def edge_color(negative: bool, level: int, gradient: bool = False) -> QColor:
    """Faint grey for a tiny magnitude, the full signed colour for the largest (a weight's
    colours, or a gradient's when ``gradient``)."""
    strength = 0.3 + 0.7 * (level + 1) / LEVELS
    if gradient:
        target = GRADIENT_NEGATIVE if negative else GRADIENT_POSITIVE
    else:
        target = NEGATIVE if negative else POSITIVE
    return _blend(FAINT, target, strength)


@lru_cache(maxsize=32 * LEVELS)
def faded_edge_color(negative: bool, level: int, opacity: float, gradient: bool = False) -> QColor:
    """The edge colour as it looks at ``opacity`` over the background, but opaque: the
    raster engine fills opaque lines about five times faster than translucent ones."""
    return _blend(BACKGROUND, edge_color(negative, level, gradient), opacity)


def edge_width(level: int) -> float:
    return MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * level / (LEVELS - 1)


@lru_cache(maxsize=8 * LEVELS)
def edge_pen(negative: bool, level: int, gradient: bool = False) -> QPen:
    # Flat caps: round caps make antialiased wide lines many times slower to rasterise,
    # and the unit circles cover the line ends anyway.
    pen = QPen(edge_color(negative, level, gradient), edge_width(level))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def round_pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def unit_fill(role: str, value: float | None, scale: float) -> QColor:
    """The role's pale fill, tinted towards blue/orange by the shown value."""
    base = UNIT_FILL[role]
    if value is None or scale <= 0 or not math.isfinite(value):
        return base
    # In FILL_STEPS steps, so that the colours (and the units' disc pixmaps) can be cached:
    # a frame of a big network asks for hundreds of them.
    return _tinted(role, value < 0, round(FILL_STEPS * min(1.0, abs(value) / scale)))


# At most 28 % of the way to blue/orange in 64 steps: under one colour channel's step apart.
FILL_STEPS = 64


@lru_cache(maxsize=4096)
def _tinted(role: str, negative: bool, amount: int) -> QColor:
    return _blend(UNIT_FILL[role], NEGATIVE if negative else POSITIVE, 0.28 * amount / FILL_STEPS)


def format_value(value: float | None) -> str:
    """Four decimals, as the seed writes its numbers; scientific when that would show 0.0000."""
    if value is None:
        return "—"
    if not math.isfinite(value):
        return str(value)
    if value != 0 and (abs(value) < 1e-3 or abs(value) >= 1e5):
        return f"{value:.2e}"
    return f"{value:.4f}"


def math_font(pixel_size: float) -> QFont:
    """Italic serif for symbols, the way a textbook sets x, a, w."""
    font = QFont("DejaVu Serif")
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setItalic(True)
    font.setPixelSize(max(1, round(pixel_size)))
    return font


def text_font(pixel_size: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    return font


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    t = max(0.0, min(1.0, t))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )
