"""The test-loss curve on the loss plot and the accuracy readout under the training panel.

Both are fed by the training snapshots' evaluations (measured on the training thread at
epoch ends, see controller/epoch_evaluator.py); they are separate from the loss plot and the
training panel so that those stay about the training loss alone.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QObject

from bpstudio.controller.training_snapshot import TrainingSnapshot
from bpstudio.model.evaluation import Evaluation
from bpstudio.model.history import GrowingArray
from bpstudio.render.decimation import peak_envelope
from bpstudio.views.widgets.language import Retranslating
from bpstudio.views.widgets.steady_label import SteadyLabel

TEST_COLOUR = "#d62728"
MIN_COLUMNS = 100  # envelope width before the plot has a size
STEPS = "steps"


class HeldOutLossCurve(QObject):
    """A red curve of test loss, against steps or epochs as the loss plot shows them.

    The measurements are kept in growing arrays (up to ten a second over a long run), and the
    curve gets a peak envelope of a few points per pixel column once it has more."""

    def __init__(self, loss_plot, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._series = STEPS
        self._plot_widget = loss_plot.loss_plot
        self._steps, self._epochs, self._losses = _new_columns()
        item = loss_plot.loss_plot.plotItem
        self._legend = item.addLegend(offset=(-10, 10))
        self._legend.setVisible(False)
        self.curve = item.plot(
            pen=pg.mkPen(TEST_COLOUR, width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
            name=self.tr("test loss"),
        )
        self._legend.addItem(loss_plot.curve, self.tr("training loss"))
        loss_plot.toolbar.seriesChanged.connect(self._on_series_changed)

    def retranslate(self) -> None:
        """The legend's names (this is no widget: the data docks call this on a switch)."""
        for sample, label in self._legend.items:
            test = sample.item is self.curve
            label.setText(self.tr("test loss") if test else self.tr("training loss"))

    def append_snapshot(self, snapshot: TrainingSnapshot) -> None:
        if snapshot.history_reset:
            self._steps, self._epochs, self._losses = _new_columns()
        fresh = [e for e in snapshot.new_evaluations if not math.isnan(e.test_loss)]
        if fresh or snapshot.history_reset:
            self._steps.extend([e.step for e in fresh])
            self._epochs.extend([e.epoch for e in fresh])
            self._losses.extend([e.test_loss for e in fresh])
            self.redraw()

    def point_count(self) -> int:
        return len(self._losses)

    def redraw(self) -> None:
        xs = (self._steps if self._series == STEPS else self._epochs).view()
        columns = max(int(self._plot_widget.plotItem.vb.width()), MIN_COLUMNS)
        self.curve.setData(*peak_envelope(xs, self._losses.view(), columns))
        self._legend.setVisible(bool(len(self._losses)))

    def _on_series_changed(self, series: str) -> None:
        self._series = series
        self.redraw()


def _new_columns() -> tuple[GrowingArray, GrowingArray, GrowingArray]:
    """Steps, epochs and test losses of the measurements, one row each."""
    return GrowingArray(), GrowingArray(), GrowingArray()


class AccuracyReadout(Retranslating, SteadyLabel):
    """ "Accuracy: train 97.5 % · test 93.3 %" (classification), "Test loss …" otherwise;
    a new measurement repaints the line without laying the window out again."""

    _shown: Evaluation | None = None

    def retranslate(self) -> None:
        if self._shown is not None:
            self.show_evaluation(self._shown)

    def show_snapshot(self, snapshot: TrainingSnapshot) -> None:
        if snapshot.latest_evaluation is not None:
            self.show_evaluation(snapshot.latest_evaluation)

    def show_evaluation(self, result: Evaluation) -> None:
        self._shown = result
        parts = []
        if result.is_classification:
            text = self.tr("Accuracy: train %s") % _percent(result.train_accuracy)
            if not math.isnan(result.test_accuracy):
                text += self.tr(" · test %s") % _percent(result.test_accuracy)
            parts.append(text)
        if not math.isnan(result.test_loss):
            parts.append(self.tr("test loss %s") % f"{result.test_loss:.4g}")
        self.setText(" · ".join(parts))
        self.setVisible(bool(parts))


def _percent(value: float) -> str:
    return f"{100 * value:.1f} %"
