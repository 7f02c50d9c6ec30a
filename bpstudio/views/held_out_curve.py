"""The test-loss curve on the loss plot and the accuracy readout under the training panel.

Both are fed by the training snapshots' evaluations (measured on the training thread at
epoch ends, see controller/epoch_evaluator.py); they are separate from the loss plot and the
training panel so that those stay about the training loss alone.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject

from bpstudio.controller.training_snapshot import TrainingSnapshot
from bpstudio.model.evaluation import Evaluation
from bpstudio.views.language import Retranslating
from bpstudio.views.steady_label import SteadyLabel

TEST_COLOUR = "#d62728"
STEPS = "steps"


class HeldOutLossCurve(QObject):
    """A red curve of test loss, against steps or epochs as the loss plot shows them."""

    def __init__(self, loss_plot, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._series = STEPS
        self._evaluations: list[Evaluation] = []
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
            self._evaluations.clear()
        fresh = [e for e in snapshot.new_evaluations if not math.isnan(e.test_loss)]
        if fresh or snapshot.history_reset:
            self._evaluations.extend(fresh)
            self.redraw()

    def point_count(self) -> int:
        return len(self._evaluations)

    def redraw(self) -> None:
        evaluations = self._evaluations
        if self._series == STEPS:
            xs = np.array([e.step for e in evaluations], dtype=float)
        else:
            xs = np.array([e.epoch for e in evaluations], dtype=float)
        ys = np.array([e.test_loss for e in evaluations], dtype=float)
        self.curve.setData(xs, ys)
        self._legend.setVisible(bool(evaluations))

    def _on_series_changed(self, series: str) -> None:
        self._series = series
        self.redraw()


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
