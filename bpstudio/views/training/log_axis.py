"""A pyqtgraph axis whose log scale labels as many ticks as it has room for (render/log_ticks)."""

from __future__ import annotations

import pyqtgraph as pg

from bpstudio.render.log_ticks import log_ticks, tick_text

LABEL_SPACING_PX = 24  # a label's height and some air, on a vertical axis
LABEL_WIDTH_PX = 60  # room for a number like 0.0005, on a horizontal axis


class LogFriendlyAxis(pg.AxisItem):
    """Plain numbers (no "x0.001" prefix); on a log scale, ticks that do not overlap."""

    def __init__(self, orientation: str, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803 - pyqtgraph's names
        if not self.logMode:
            return super().tickValues(minVal, maxVal, size)
        vertical = self.orientation in ("left", "right")
        room = LABEL_SPACING_PX if vertical else LABEL_WIDTH_PX
        low, high = sorted((minVal, maxVal))
        ticks = log_ticks(low, high, max(2, int(size // room)))
        return [(None, ticks)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        if not self.logMode:
            return super().tickStrings(values, scale, spacing)
        return [tick_text(v, list(values)) for v in values]
