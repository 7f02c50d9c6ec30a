"""Every colour that carries a meaning, in one place, so no two meanings share a colour.

Plain hex strings (no Qt import): views wrap them in ``QColor`` or pyqtgraph pens, the exports
use them as they are.  `MEANINGS` lists each meaning once; a test checks they are all distinct.
"""

from __future__ import annotations

# The sign of a weight (edges, weight tables, unit values).
WEIGHT_POSITIVE = "#0877bd"  # blue
WEIGHT_NEGATIVE = "#e8710a"  # orange

# What the current walkthrough formula touches (units, edges, table cells).  Neither sign's hue.
HIGHLIGHT = "#d81b60"  # magenta
HIGHLIGHT_FILL = "#fde4ee"  # its light background, for cells and unit discs

# The sign of a gradient dE/dw, when gradients are drawn on the diagram.
GRADIENT_POSITIVE = "#2e7d32"  # green
GRADIENT_NEGATIVE = "#6a1b9a"  # purple

# One colour per path from E to a weight or unit (the path explorer), in order of |term|.
PATH_COLOURS = ("#00acc1", "#7cb342", "#5e35b1", "#8d6e63", "#fdd835", "#546e7a")

# Badges on units that pass back little gradient: saturated (sigmoid/tanh on a flat tail), dead
# (a ReLU that is zero on every training sample).
BADGE_SATURATED = "#a15c00"  # dark amber
BADGE_DEAD = "#37474f"  # slate

# One colour per kept run drawn beside the current run's loss (the Runs dock, the experiment).
RUN_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d")

MEANINGS: dict[str, tuple[str, ...]] = {
    "weight sign": (WEIGHT_POSITIVE, WEIGHT_NEGATIVE),
    "highlight": (HIGHLIGHT, HIGHLIGHT_FILL),
    "gradient sign": (GRADIENT_POSITIVE, GRADIENT_NEGATIVE),
    "path": PATH_COLOURS,
    "unit badge": (BADGE_SATURATED, BADGE_DEAD),
    "kept run": RUN_COLOURS,
}
