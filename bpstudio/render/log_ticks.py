"""Tick marks for a logarithmic axis that never crowd: as many labels as the axis has room for.

pyqtgraph labels every minor tick of a decade (0.2, 0.3, ... 0.9) whatever the axis' length, so
on a short axis spanning a decade or two the labels overlap; and on a range inside one decade
it labels nothing.  Here the ticks are picked from 1-2-5 steps per decade (or every n-th decade
on a long range, or plain linear steps inside one decade) so that at most ``max_labels`` fall in
the range.  Values in and out are log10 of the data, as pyqtgraph's log axis uses them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

# The multipliers of a power of ten used as ticks, from sparse to dense.
DECADE_STEPS = ((1,), (1, 2, 5), (1, 2, 3, 4, 5, 6, 7, 8, 9))


def log_ticks(low: float, high: float, max_labels: int) -> list[float]:
    """log10 tick positions in [low, high] (log10 units), at most ``max_labels`` of them."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low or max_labels < 1:
        return []
    best: list[float] = []
    for steps in DECADE_STEPS:
        ticks = _decade_ticks(low, high, steps, every=1)
        if len(ticks) > max_labels:
            break
        best = ticks
    if not best:  # even one tick per decade is too many: every n-th decade
        decades = math.floor(high) - math.ceil(low) + 1
        every = max(1, math.ceil(decades / max_labels))
        best = _decade_ticks(low, high, (1,), every)
        while len(best) > max_labels:  # the ends rounded in: one more step apart
            every += 1
            best = _decade_ticks(low, high, (1,), every)
    if len(best) < 2 and high - low < 1:  # inside a decade: plain steps of the numbers
        linear = _linear_ticks(10.0**low, 10.0**high, max_labels)
        best = linear if len(linear) > len(best) else best
    return best


def tick_text(log_value: float, neighbours: list[float]) -> str:
    """The number at ``log_value`` with the fewest digits that write every tick exactly (so
    0.115 is never shown as 0.12) and tell the ticks apart."""
    values = [10.0**v for v in neighbours] or [10.0**log_value]
    for digits in range(1, 7):
        texts = [f"{v:.{digits}g}" for v in values]
        exact = all(
            math.isclose(float(t), v, rel_tol=1e-6) for t, v in zip(texts, values, strict=True)
        )
        if exact and len(set(texts)) == len(texts):
            return f"{10.0**log_value:.{digits}g}"
    return f"{10.0**log_value:.6g}"


def _decade_ticks(low: float, high: float, steps: tuple[int, ...], every: int) -> list[float]:
    ticks = []
    for decade in range(math.floor(low), math.ceil(high) + 1):
        if decade % every:
            continue
        for step in steps:
            position = decade + math.log10(step)
            if low - 1e-9 <= position <= high + 1e-9:
                ticks.append(position)
    return ticks


def _linear_ticks(low: float, high: float, max_labels: int) -> list[float]:
    """log10 of round numbers (1, 2 or 5 times a power of ten apart) between low and high."""
    if low <= 0:
        return []
    for spacing in _nice_spacings(high - low):
        first = math.ceil(low / spacing - 1e-9)
        last = math.floor(high / spacing + 1e-9)
        if last - first + 1 <= max_labels:
            return [math.log10(n * spacing) for n in range(first, last + 1) if n > 0]
    return []


def _nice_spacings(span: float) -> Iterator[float]:
    """Round spacings from about span/10 upwards."""
    exponent = math.floor(math.log10(span / 10)) if span > 0 else 0
    while True:
        for step in (1, 2, 5):
            yield step * 10.0**exponent
        exponent += 1
