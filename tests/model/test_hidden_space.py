"""The data as a hidden layer sees it, the bent grid, and the output over the hidden plane."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.model.activations import sigmoid
from bpstudio.model.data.grid import grid_points
from bpstudio.model.examples import load_example
from bpstudio.model.hidden_space import GRID_LINES, RESOLUTION, hidden_space, plane_layers


def test_xor_points_are_the_hidden_activations_and_the_map_is_the_layers_above():
    project = load_example("xor")
    net, data = project.network, project.dataset
    space = hidden_space(net, data, 2)
    hidden = net.forward(data.prepare_inputs(data.inputs)).a[1]
    np.testing.assert_array_equal(space.points, hidden)
    assert space.x_range == space.y_range == (-0.05, 1.05)  # the sigmoid's own range
    assert len(space.grid_lines) == 2 * GRID_LINES
    points = grid_points(space.x_range, space.y_range, RESOLUTION)
    expected = sigmoid(points @ net.weights[1] + net.biases[1])[:, 0]
    np.testing.assert_allclose(space.output.ravel(), expected, rtol=1e-12)


def test_a_grid_line_bends_through_the_layer():
    project = load_example("xor")
    space = hidden_space(project.network, project.dataset, 2)
    line = space.grid_lines[0]
    assert line.shape[1] == 2 and np.all((line > 0) & (line < 1))
    assert not np.allclose(np.diff(line, 2, axis=0), 0)  # not a straight line any more


def test_which_layers_have_a_plane_and_bad_choices():
    project = load_example()  # 3-2-2: its hidden layer has 2 units
    assert plane_layers(project.network) == [2]
    with pytest.raises(ValueError, match="layer 3"):
        hidden_space(project.network, project.dataset, 3)
    with pytest.raises(ValueError, match="two different units"):
        hidden_space(project.network, project.dataset, 2, (1, 1))
    space = hidden_space(project.network, project.dataset, 2, (2, 1))  # swapped axes
    assert space.units == (2, 1) and space.grid_lines == ()  # 3 inputs: no input plane
    straight = hidden_space(project.network, project.dataset, 2, (1, 2))
    np.testing.assert_allclose(space.output, straight.output.T, rtol=1e-12)
