"""Colours for numbers: blue for positive, orange for negative, stronger for larger |value|.

The convention students know from the TensorFlow Playground, and what the diagram uses for
edges, so a weight looks the same in the table and on the diagram.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from bpstudio.views.widgets import palette

POSITIVE = QColor(palette.WEIGHT_POSITIVE)  # blue, as the diagram's edges
NEGATIVE = QColor(palette.WEIGHT_NEGATIVE)  # orange
# The walkthrough's highlight, as on the diagram: a hue no sign tint uses.
HIGHLIGHT_BACKGROUND = palette.HIGHLIGHT_FILL
MAX_ALPHA = 150  # keeps black text readable on the strongest tint


def value_tint(value: float, scale: float) -> QColor:
    """A translucent blue/orange whose opacity grows with |value| / scale (capped at 1)."""
    colour = QColor(POSITIVE if value >= 0 else NEGATIVE)
    strength = min(abs(value) / scale, 1.0) if scale > 0 else 0.0
    colour.setAlpha(round(20 + (MAX_ALPHA - 20) * strength) if value != 0 else 0)
    return colour
