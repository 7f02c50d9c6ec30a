"""The test-loss curve keeps its measurements in arrays and draws a peak envelope of them, so a
long run's redraw costs what the plot's width allows, not what the run measured."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.controller.training_snapshot import TrainingSnapshot, snapshot_network
from bpstudio.model.evaluation import Evaluation
from bpstudio.model.examples import load_example
from bpstudio.views.training.held_out_curve import HeldOutLossCurve
from bpstudio.views.training.loss_plot import LossPlotWidget


@pytest.fixture
def curve(qtbot):
    plot = LossPlotWidget()
    qtbot.addWidget(plot)
    plot.resize(600, 300)
    return HeldOutLossCurve(plot, plot)


def measured(first: int, test_losses, reset: bool = False) -> TrainingSnapshot:
    evaluations = tuple(
        Evaluation(step=10 * (first + i), epoch=first + i, train_loss=0.0, test_loss=loss,
                   train_accuracy=float("nan"), test_accuracy=float("nan"))
        for i, loss in enumerate(test_losses)
    )  # fmt: skip
    return TrainingSnapshot(
        **snapshot_network(load_example("xor").network),
        step_count=10 * (first + len(test_losses)),
        epoch_count=first + len(test_losses),
        new_evaluations=evaluations,
        history_reset=reset,
    )


def test_measurements_are_drawn_against_steps_or_epochs(curve):
    curve.append_snapshot(measured(0, [0.5, 0.4]))
    curve.append_snapshot(measured(2, [0.3, float("nan")]))  # no test split: not a point
    assert curve.point_count() == 3
    xs, ys = curve.curve.getOriginalDataset()
    np.testing.assert_array_equal(xs, [0, 10, 20])
    np.testing.assert_array_equal(ys, [0.5, 0.4, 0.3])
    curve._on_series_changed("epochs")
    np.testing.assert_array_equal(curve.curve.getOriginalDataset()[0], [0, 1, 2])
    curve.append_snapshot(measured(0, [0.9], reset=True))
    assert curve.point_count() == 1


def test_a_long_run_is_drawn_as_an_envelope(curve):
    losses = np.full(50_000, 0.2)
    losses[12_345] = 0.9  # one bad measurement must stay visible
    for start in range(0, len(losses), 5_000):
        curve.append_snapshot(measured(start, losses[start : start + 5_000]))
    assert curve.point_count() == 50_000
    xs, ys = curve.curve.getOriginalDataset()
    assert len(xs) <= 2 * 600 + 3 and 0.9 in ys and xs[-1] == 10 * 49_999
