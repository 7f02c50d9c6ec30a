"""A crosshair that snaps to the nearest data point of a curve and reports (x, value).

The mouse is followed through a rate-limited SignalProxy: a mouse move repaints two lines, and
sixty of those a second are plenty.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal

MOUSE_RATE_LIMIT = 60  # crosshair updates a second


class PlotCrosshair(QObject):
    moved = Signal(float, float)  # x, value of the nearest data point
    left = Signal()  # the mouse is off the data

    def __init__(
        self, plot: pg.PlotWidget, data: Callable[[], tuple[np.ndarray, np.ndarray]]
    ) -> None:
        """``data`` returns the shown curve's x (ascending) and y, in data units."""
        super().__init__(plot)
        self._plot = plot
        self._data = data
        pen = pg.mkPen((120, 120, 120), width=1, style=pg.QtCore.Qt.PenStyle.DashLine)
        self._vertical = pg.InfiniteLine(angle=90, movable=False, pen=pen)
        self._horizontal = pg.InfiniteLine(angle=0, movable=False, pen=pen)
        for line in (self._vertical, self._horizontal):
            line.setVisible(False)
            plot.addItem(line, ignoreBounds=True)
        self._proxy = pg.SignalProxy(
            plot.scene().sigMouseMoved, rateLimit=MOUSE_RATE_LIMIT, slot=self._on_mouse_moved
        )

    def _on_mouse_moved(self, event: tuple) -> None:
        scene_pos = event[0]
        view_box = self._plot.plotItem.vb
        if not self._plot.sceneBoundingRect().contains(scene_pos):
            return self._hide()
        self.point_at(view_box.mapSceneToView(scene_pos).x())

    def point_at(self, view_x: float) -> None:
        """Snap to the data point nearest ``view_x`` (view units: log10 on a log x-axis)."""
        xs, ys = self._data()
        if not len(xs):
            return self._hide()
        index = int(np.clip(np.searchsorted(xs, view_x), 0, len(xs) - 1))
        if index > 0 and abs(xs[index - 1] - view_x) < abs(xs[index] - view_x):
            index -= 1
        x, y = float(xs[index]), float(ys[index])
        log_y = self._plot.plotItem.getAxis("left").logMode
        self._vertical.setPos(x)
        self._horizontal.setPos(np.log10(y) if log_y and y > 0 else y)
        self._vertical.setVisible(True)
        self._horizontal.setVisible(bool(np.isfinite(y)))
        self.moved.emit(x, y)

    def _hide(self) -> None:
        self._vertical.setVisible(False)
        self._horizontal.setVisible(False)
        self.left.emit()
