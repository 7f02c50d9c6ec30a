"""The gradient-size plot draws what a screen can show: a peak envelope of the rows in view,
and nothing while its tab is hidden in a shown window (until the tab is shown)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel, QTabWidget

from bpstudio.views.training.gradient_plot import GradientSizePlot


@pytest.fixture
def tabs(qtbot):
    """The plot on the second tab of a shown window, as in the loss plot dock."""
    widget = QTabWidget()
    qtbot.addWidget(widget)
    widget.addTab(QLabel("loss"), "Loss")
    plot = GradientSizePlot()
    widget.addTab(plot, "Gradient size")
    widget.resize(500, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, plot


def rows(first: int, n: int) -> np.ndarray:
    steps = np.arange(first, first + n, dtype=float) + 1
    return np.column_stack([1 / steps, 2 / steps])


def shown(plot: GradientSizePlot, curve: int = 0):
    return plot._curves[curve].getOriginalDataset()


def test_a_hidden_tab_is_drawn_only_when_shown(qtbot, tabs):
    widget, plot = tabs
    plot.append(1, rows(0, 50))
    plot.refresh()
    assert shown(plot)[0] is None  # hidden: nothing handed to pyqtgraph
    widget.setCurrentIndex(1)
    qtbot.waitUntil(lambda: shown(plot)[0] is not None)
    xs, ys = shown(plot)
    np.testing.assert_array_equal(xs, np.arange(1, 51))
    np.testing.assert_allclose(ys, 1 / np.arange(1, 51))


def test_a_long_run_is_drawn_as_an_envelope_of_a_few_points_per_pixel_column(tabs):
    widget, plot = tabs
    widget.setCurrentIndex(1)
    values = np.ones((100_000, 2))
    values[31_415] = [50.0, 0.5]  # one spike up in the first curve, one down in the second
    plot.append(1, values)
    plot.refresh()
    columns = max(int(plot.plotItem.vb.width()), 100)
    for curve, extreme in ((0, 50.0), (1, 0.5)):
        xs, ys = shown(plot, curve)
        assert len(xs) <= 2 * columns + 3
        assert extreme in ys  # the spike survives the decimation
        assert xs[0] == 1 and xs[-1] == 100_000  # the whole run, end to end


def test_zoomed_in_only_the_rows_in_view_are_drawn(tabs):
    widget, plot = tabs
    widget.setCurrentIndex(1)
    plot.append(1, rows(0, 10_000))
    plot.plotItem.vb.setXRange(2000, 2200, padding=0)  # turns following off, redraws
    xs, _ys = shown(plot)
    # every row in view (fewer than there are pixel columns), and one more on each side
    np.testing.assert_array_equal(xs, np.arange(1999, 2202))


def test_zero_gradients_leave_gaps(tabs):
    widget, plot = tabs
    widget.setCurrentIndex(1)
    plot.append(1, np.array([[0.1, 0.2], [0.0, 0.2], [0.1, 0.2]]))
    plot.refresh()
    assert np.isnan(shown(plot)[1][1])


def test_a_mark_where_the_layers_gradient_sizes_part(tabs):
    widget, plot = tabs
    widget.setCurrentIndex(1)
    together = np.column_stack([np.ones(30), np.full(30, 0.5)])
    parted = np.column_stack([np.ones(20), np.full(20, 0.005)])  # ratio 200
    plot.append(1, together)
    assert plot.parting_step is None and not plot._parting_line.isVisible()
    plot.append(31, parted)
    assert plot.parting_step == 31
    assert plot._parting_line.value() == 31
    assert "31" in plot._parting_line.toolTip()
    plot.append(51, parted)
    assert plot.parting_step == 31  # the first time only
    plot.clear_data()
    assert plot.parting_step is None
