"""The decision grid: what a 2-input network computes over the plane around the data."""

import numpy as np
import pytest

from bpstudio.model.data.grid import grid_points, output_grid, plot_bounds
from bpstudio.model.data.registry import generate
from bpstudio.model.examples import load_example


def test_grid_covers_the_data_with_a_margin():
    data = generate("circle", 100, seed=1)
    (x0, x1), (y0, y1) = plot_bounds(data.inputs)
    assert x0 < data.inputs[:, 0].min() and x1 > data.inputs[:, 0].max()
    assert y0 < data.inputs[:, 1].min() and y1 > data.inputs[:, 1].max()


def test_grid_values_are_the_network_outputs_at_the_pixel_centres():
    project = load_example("xor")
    grid = output_grid(project.network, project.dataset, resolution=7)
    points = grid_points(grid.x_range, grid.y_range, 7)
    expected = project.network.predict(points)[:, 0].reshape(7, 7)
    np.testing.assert_array_equal(grid.output, expected)
    assert len(grid.hidden) == 1 and len(grid.hidden[0]) == 2
    assert grid.hidden[0][0].shape == (7, 7)


def test_grid_points_are_standardised_like_the_data():
    project = load_example("xor")
    data = project.dataset.with_settings(standardise=True)
    grid = output_grid(project.network, data, resolution=5)
    points = data.prepare_inputs(grid_points(grid.x_range, grid.y_range, 5))
    np.testing.assert_array_equal(grid.output.ravel(), project.network.predict(points)[:, 0])


def test_only_two_input_networks_have_a_grid():
    project = load_example("seed")
    with pytest.raises(ValueError, match="2 inputs"):
        output_grid(project.network, project.dataset)
