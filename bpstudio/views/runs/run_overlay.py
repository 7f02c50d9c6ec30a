"""Kept runs drawn on the Loss plot beside the current run, with a legend of their names.

A kept run's curve is its mean loss per epoch, so the overlay shows while the plot shows
epochs; ticking a run switches the plot to epochs.  A long curve is handed over as its peak
envelope (render/decimation.py), as the plot's own curve is.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject

from bpstudio.model.runs import KeptRun
from bpstudio.render.decimation import peak_envelope
from bpstudio.views.training.loss_plot import EPOCHS, LossPlotWidget
from bpstudio.views.widgets.palette import RUN_COLOURS

ENVELOPE_COLUMNS = 1000  # a curve this many pixels wide would still look the same
LEGEND_GAP = 6  # pixels between the test-loss legend (when it shows) and this one
# More names than this go in two columns: a taller legend would run off the bottom of the Loss
# plot at its default height on a 1280x720 screen.
LEGEND_ROWS = 3
# Dark names on a light box: the curves may run under the legend.
LEGEND_STYLE = {"labelTextColor": "#202020", "brush": pg.mkBrush(255, 255, 255, 220)}


def run_pen(index: int):
    return pg.mkPen(RUN_COLOURS[index % len(RUN_COLOURS)], width=2)


class RunOverlay(QObject):
    def __init__(self, loss_plot: LossPlotWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plot = loss_plot
        self._curves: list[pg.PlotDataItem] = []
        self._runs: list[KeptRun] = []
        item = loss_plot.loss_plot.plotItem
        self.legend = pg.LegendItem(offset=(-10, 10), **LEGEND_STYLE)
        self.legend.setParentItem(item.vb)
        self.legend.setVisible(False)
        loss_plot.toolbar.seriesChanged.connect(self._on_series_changed)
        self._this_run = self.tr("this run")

    @property
    def names(self) -> list[str]:
        """The legend's names, the current run's first (empty while nothing is overlaid)."""
        return [label.text for _sample, label in self.legend.items]

    def show_runs(self, runs: list[KeptRun]) -> None:
        """Draw ``runs`` (none: take the overlay away)."""
        item = self._plot.loss_plot.plotItem
        for curve in self._curves:
            item.removeItem(curve)
        self.legend.clear()
        self._runs, self._curves = list(runs), []
        if not runs:
            self.legend.setVisible(False)
            return
        self.legend.addItem(self._plot.curve, self._this_run)
        for index, run in enumerate(runs):
            xs, ys = peak_envelope(*run.curve_points(), columns=ENVELOPE_COLUMNS)
            curve = item.plot(xs, ys, pen=run_pen(index))
            self._curves.append(curve)
            self.legend.addItem(curve, run.name)
        self.legend.setColumnCount(1 if len(runs) + 1 <= LEGEND_ROWS else 2)
        self._plot.set_series(EPOCHS)  # the runs' curves are per epoch
        self._place_legend()
        self._on_series_changed(EPOCHS)

    def retranslate(self) -> None:
        self._this_run = self.tr("this run")
        self.show_runs(self._runs)

    def _on_series_changed(self, series: str) -> None:
        shown = series == EPOCHS
        for curve in self._curves:
            curve.setVisible(shown)
        self.legend.setVisible(shown and bool(self._curves))

    def _place_legend(self) -> None:
        """Below the test-loss legend when the project has one showing, else at the top right."""
        other = self._plot.loss_plot.plotItem.legend
        below = 0.0
        if other is not None and other is not self.legend and other.isVisible():
            below = other.boundingRect().height() + LEGEND_GAP
        self.legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-10, 10 + below))
