"""Fewer points for a curve that still looks the same: the lowest and highest point of each
pixel column (a "peak" envelope), over the part of the curve that is in view.

Pure NumPy, so the plots only hand pyqtgraph what a screen can show: about two points per
pixel column however long the curve is.
"""

from __future__ import annotations

import numpy as np


def visible_slice(xs: np.ndarray, x_min: float, x_max: float) -> slice:
    """The points with ``x_min <= x <= x_max`` and one more on each side (so the curve runs
    to the plot's edges); ``xs`` ascending."""
    first = max(int(np.searchsorted(xs, x_min, side="left")) - 1, 0)
    last = min(int(np.searchsorted(xs, x_max, side="right")) + 1, len(xs))
    return slice(first, last)


def peak_envelope(xs: np.ndarray, ys: np.ndarray, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """At most ``2 * columns + 3`` points: each run of consecutive points becomes its lowest
    and its highest point (in the order they come); the last point is always kept.

    Every local extreme the eye could see at ``columns`` pixels survives, and so do the
    overall minimum and maximum (what auto-range fits to).  Short curves come back unchanged.
    """
    n = len(ys)
    columns = max(int(columns), 1)
    if n <= 2 * columns + 3:
        return xs, ys
    run = n // columns
    whole = columns * run
    tail = np.arange(whole, n)
    if len(tail) > 2:
        tail = tail[[np.argmin(ys[tail]), np.argmax(ys[tail])]]
    kept = np.unique(np.concatenate([_extremes_of_runs(ys[:whole], columns, run), tail, [n - 1]]))
    return xs[kept], ys[kept]


def _extremes_of_runs(ys: np.ndarray, columns: int, run: int) -> np.ndarray:
    """The positions of each run's lowest and highest value."""
    blocks = ys.reshape(columns, run)
    starts = np.arange(columns) * run
    return np.concatenate([starts + np.argmin(blocks, axis=1), starts + np.argmax(blocks, axis=1)])


def sticky_range(
    data: tuple[float, float], shown: tuple[float, float], headroom: float = 0.25
) -> tuple[float, float] | None:
    """A new axis range for ``data`` (min, max), or None when ``shown`` may stay: it still
    holds all of the data and the data fill at least half of it.

    A following plot that refits its axes every frame re-lays them out every frame; with this
    an axis moves only now and then, with ``headroom`` (a share of the data's span) above the
    data, where a growing curve goes next, and a little below.
    """
    low, high = data
    span = high - low if high > low else max(abs(high), 1.0) * 1e-3
    inside = shown[0] <= low and high <= shown[1]
    if inside and span >= 0.5 * (shown[1] - shown[0]):
        return None
    return low - 0.02 * span, high + headroom * span
