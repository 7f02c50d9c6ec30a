"""The loss plot: fed by snapshots and saved histories, a million points, export round trips."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.controller.training_snapshot import TrainingSnapshot, snapshot_network
from bpstudio.model.examples import load_example
from bpstudio.model.history import THINNING_LIMIT, LossHistory, SeriesChunk
from bpstudio.views.training.loss_plot import LossPlotWidget


@pytest.fixture
def plot(qtbot) -> LossPlotWidget:
    widget = LossPlotWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    return widget


def snapshot(first_step, losses, first_epoch=0, epochs=(), rms=None, reset=False):
    rms = np.empty((0, 2)) if rms is None else np.asarray(rms, dtype=float)
    return TrainingSnapshot(
        **snapshot_network(load_example("xor").network),
        step_count=first_step + len(losses),
        epoch_count=first_epoch + len(epochs),
        new_steps=SeriesChunk.consecutive(first_step, losses),
        new_epochs=SeriesChunk.consecutive(first_epoch, epochs),
        new_gradient_rms=rms,
        history_reset=reset,
    )


def test_snapshots_append_and_a_reset_starts_over(qtbot, plot):
    plot.append_snapshot(snapshot(0, [0.5, 0.4], epochs=[0.45]))
    plot.append_snapshot(snapshot(2, [0.3], first_epoch=1))
    qtbot.waitUntil(lambda: plot.curve.getOriginalDataset()[1] is not None)
    xs, ys = plot.curve.getOriginalDataset()
    np.testing.assert_array_equal(xs, [1, 2, 3])
    np.testing.assert_array_equal(ys, [0.5, 0.4, 0.3])
    plot.append_snapshot(snapshot(0, [0.9], reset=True))
    assert plot.point_count() == 1 and plot.point_count("epochs") == 0


def test_queued_snapshots_are_taken_in_order_and_a_new_history_drops_them(qtbot, plot):
    plot.append_snapshot(snapshot(0, [0.5, 0.4]))
    plot.append_snapshot(snapshot(0, [0.9], reset=True))
    plot.append_snapshot(snapshot(1, [0.8]))
    xs, ys = plot.shown_data()  # taken in when asked for, not only when drawn
    np.testing.assert_array_equal(xs, [1, 2])
    np.testing.assert_array_equal(ys, [0.9, 0.8])
    plot.append_snapshot(snapshot(2, [0.7]))
    plot.set_history(LossHistory([0.3]))  # a project opened: its history, not the old run's
    np.testing.assert_array_equal(plot.shown_data()[1], [0.3])
    plot.refresh_now()
    np.testing.assert_array_equal(plot.curve.getOriginalDataset()[1], [0.3])


def test_epoch_series_shows_epoch_means(qtbot, plot):
    plot.append_snapshot(snapshot(0, [0.5, 0.4, 0.3, 0.2], epochs=[0.45, 0.25]))
    plot.set_series("epochs")
    xs, ys = plot.curve.getOriginalDataset()
    np.testing.assert_array_equal(xs, [1, 2])
    np.testing.assert_array_equal(ys, [0.45, 0.25])
    assert plot.toolbar.series_box.currentData() == "epochs"
    assert plot.loss_plot.plotItem.getAxis("bottom").labelText == "epoch"


def test_redraws_are_coalesced(qtbot, plot):
    calls = []
    original = plot.curve.setData
    plot.curve.setData = lambda *a, **k: (calls.append(1), original(*a, **k))
    for i in range(50):
        plot.append_snapshot(snapshot(i, [1.0 / (i + 1)]))
    qtbot.waitUntil(lambda: len(calls) >= 1)
    assert len(calls) <= 2  # fifty snapshots in one go: one redraw, not fifty
    assert len(plot.curve.getOriginalDataset()[1]) == 50


def test_a_million_steps_are_thinned_and_drawn_as_peaks_per_pixel_column(qtbot, plot):
    n = 1_000_000
    steps = np.exp(-np.arange(n) / 2e5) * (1.0 + 0.3 * np.random.default_rng(0).random(n))
    plot.set_history(LossHistory(steps, steps[::1000]))
    plot.refresh_now()
    plot.set_log_scale(True)
    image = plot.grab()
    assert not image.isNull() and image.width() > 0
    xs, ys = plot.shown_data()
    # the history thinned itself: every k-th step of the million (k a power of two)
    stride = int(xs[1] - xs[0])
    assert stride > 1 and stride & (stride - 1) == 0 and np.all(np.diff(xs) == stride)
    assert plot.point_count() == n and n / stride <= len(ys) <= THINNING_LIMIT
    assert xs[0] == 1 and xs[-1] > n - stride
    np.testing.assert_array_equal(ys, steps[::stride])
    drawn_x, drawn_y = plot.curve.getOriginalDataset()
    width = plot.loss_plot.plotItem.vb.width()
    assert len(drawn_y) <= 2 * width + 50  # about two points per pixel column
    assert drawn_y.max() == ys.max() and drawn_y.min() == ys.min()
    assert drawn_x[-1] == xs[-1] and drawn_y[-1] == ys[-1]  # the newest point as it is


def test_zooming_in_draws_every_kept_point_in_view(qtbot, plot):
    n = 1_000_000
    plot.set_history(LossHistory(np.linspace(1.0, 0.1, n)))
    plot.refresh_now()
    view = plot.loss_plot.plotItem.vb
    view.sigRangeChangedManually.emit([True, False])  # as a drag-zoom does, then:
    view.setXRange(100_001, 100_401, padding=0)
    in_view = (plot.shown_data()[0] >= 100_001) & (plot.shown_data()[0] <= 100_401)

    def zoomed_curve_drawn() -> bool:
        drawn_x = plot.curve.getOriginalDataset()[0]
        return drawn_x is not None and drawn_x[0] > 90_000 and drawn_x[-1] < 110_000

    qtbot.waitUntil(zoomed_curve_drawn)
    drawn_x = plot.curve.getOriginalDataset()[0]
    np.testing.assert_array_equal(drawn_x[1:-1], plot.shown_data()[0][in_view])


def test_csv_export_round_trips(qtbot, plot, tmp_path):
    losses = np.array([0.5, 0.123456789012345678, 1e-12, 3.0])
    plot.set_history(LossHistory(losses, [0.4]))
    path = tmp_path / "losses.csv"
    plot.export_csv(path)
    assert path.read_text().splitlines()[0] == "step,loss"
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    np.testing.assert_array_equal(table[:, 0], [1, 2, 3, 4])
    np.testing.assert_array_equal(table[:, 1], losses)  # full precision, not rounded


def test_png_export_writes_an_image(qtbot, plot, tmp_path):
    plot.set_history(LossHistory([0.5, 0.3, 0.2]))
    plot.refresh_now()
    path = tmp_path / "loss.png"
    plot.export_png(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_crosshair_reads_the_nearest_point(qtbot, plot):
    plot.set_history(LossHistory([0.5, 0.25, 0.125]))
    plot._crosshair.point_at(2.2)
    assert plot.readout.text() == "step 2: loss 0.25"


def test_panning_by_hand_turns_follow_off(qtbot, plot):
    plot.set_history(LossHistory(np.linspace(1, 0.1, 100)))
    assert plot.toolbar.follow_box.isChecked()
    plot.loss_plot.plotItem.vb.sigRangeChangedManually.emit([True, True])
    assert not plot.toolbar.follow_box.isChecked()
    plot.toolbar.follow_box.setChecked(True)
    assert plot.is_following()


def shown_range(plot):
    return [tuple(r) for r in plot.loss_plot.plotItem.vb.viewRange()]


def test_following_moves_the_axes_only_when_the_curve_leaves_them(qtbot, plot):
    plot.append_snapshot(snapshot(0, np.linspace(1.0, 0.5, 100)))
    plot.refresh_now()
    (x0, x1), (y0, y1) = first = shown_range(plot)
    assert x0 <= 1 and x1 >= 100 and y0 <= 0.5 and y1 >= 1.0  # the whole curve in view
    plot.append_snapshot(snapshot(100, np.linspace(0.5, 0.45, 5)))
    plot.refresh_now()
    assert shown_range(plot) == first  # still fits: the axes stay as they were
    plot.append_snapshot(snapshot(105, np.linspace(0.45, 0.1, 400)))
    plot.refresh_now()
    (x0, x1), (y0, y1) = shown_range(plot)
    assert x1 >= 505 and y0 <= 0.1  # grown to hold the new points
    plot.set_log_scale(True)
    (_, _), (y0, y1) = shown_range(plot)
    assert y0 <= np.log10(0.1) and y1 >= 0.0  # refitted to the log scale


def test_gradient_sizes_plot_one_curve_per_weight_matrix(qtbot, plot):
    plot.append_snapshot(snapshot(0, [0.5, 0.4, 0.3], rms=[[0.1, 0.4], [0.1, 0.3], [0.0, 0.2]]))
    plot.refresh_now()
    curves = plot.gradient_plot._curves
    assert len(curves) == 2
    xs, ys = curves[0].getOriginalDataset()
    np.testing.assert_array_equal(xs, [1, 2, 3])
    assert np.isnan(ys[2])  # a zero gradient has no logarithm: a gap, not a warning
    plot.tabs.setCurrentIndex(1)
    assert not plot.grab().isNull()


def test_every_control_has_a_tooltip(plot):
    bar = plot.toolbar
    for widget in (bar.series_box, bar.log_box, bar.follow_box, bar.png_button, bar.csv_button):
        assert widget.toolTip()


def test_a_long_run_keeps_a_bounded_number_of_gradient_rows(qtbot, plot, monkeypatch):
    from bpstudio.views.training import gradient_plot

    monkeypatch.setattr(gradient_plot, "MAX_ROWS", 1000)
    rows_per_snapshot = 300
    for k in range(20):  # 6,000 steps
        first = k * rows_per_snapshot
        rms = np.column_stack([np.arange(first, first + rows_per_snapshot) + 1.0] * 2)
        plot.append_snapshot(snapshot(first, np.ones(rows_per_snapshot), rms=rms))
    plot.refresh_now()  # snapshots are queued as they come, taken in when drawn
    grads = plot.gradient_plot
    assert grads.n_points <= 1000 and grads.stride == 8
    xs = grads._xs.view()
    assert np.all(np.diff(xs) == grads.stride)  # evenly spaced, the newest steps included
    assert xs[-1] >= 6000 - grads.stride
    shown_x, shown_y = grads._curves[0].getOriginalDataset()
    np.testing.assert_array_equal(shown_y, shown_x)  # each kept row sits at its own step
