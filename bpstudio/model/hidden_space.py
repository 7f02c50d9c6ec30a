"""The data as a hidden layer sees it: each sample at its activations (a_u, a_v) of that layer,
and the input plane's grid lines carried through the layers up to it (bent by each f).

For XOR in the seed-sized 2-2-1 network the four points cannot be split by a line in the input
plane, but after training they can in the hidden plane: that is what the hidden layer is for.
With the layer's two units chosen, the rest of the network (the layers above) is evaluated over
the hidden plane too, so the output's boundary can be drawn there as a line or curve.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpstudio.model.activations import ACTIVATIONS
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.data.grid import grid_points, plot_bounds
from bpstudio.model.network import Network

GRID_LINES = 11  # per direction
POINTS_PER_LINE = 48
RESOLUTION = 60  # of the output map over the hidden plane


def plane_layers(network: Network) -> list[int]:
    """The hidden layers that have a plane to show: 2 units, or 3 (two of them chosen)."""
    return [
        layer for layer in range(2, network.n_layers) if 2 <= network.layer_sizes[layer - 1] <= 3
    ]


@dataclass(frozen=True)
class HiddenSpace:
    layer: int
    units: tuple[int, int]  # 1-based: the two units on the axes
    points: np.ndarray  # (samples, 2): each sample's activations of those units
    grid_lines: tuple[np.ndarray, ...]  # each (POINTS_PER_LINE, 2), in the hidden plane
    x_range: tuple[float, float]  # of the hidden plane shown
    y_range: tuple[float, float]
    output: np.ndarray | None  # (RESOLUTION, RESOLUTION) [ix, iy] of the network's shown
    # output over the hidden plane (2-unit layers only: a third unit would need a value)


def hidden_space(
    network: Network, dataset: Dataset, layer: int, units: Sequence[int] = (1, 2)
) -> HiddenSpace:
    """``dataset`` raw (it is prepared here as training prepares it)."""
    if layer not in plane_layers(network):
        raise ValueError(f"layer {layer} has no hidden plane (a hidden layer of 2 or 3 units)")
    u, v = (int(units[0]) - 1, int(units[1]) - 1)
    width = network.layer_sizes[layer - 1]
    if not (0 <= u < width and 0 <= v < width and u != v):
        raise ValueError(f"choose two different units of layer {layer} (it has {width})")
    prepared = dataset.prepare_inputs(dataset.inputs)
    points = network.forward(prepared).a[layer - 1][:, [u, v]]
    lines = _grid_lines(network, dataset, layer, (u, v))
    x_range, y_range = _bounds(network, layer, points, lines)
    output = _output_over_plane(network, layer, (u, v), x_range, y_range) if width == 2 else None
    return HiddenSpace(layer, (u + 1, v + 1), points, lines, x_range, y_range, output)


def _grid_lines(
    network: Network, dataset: Dataset, layer: int, columns: tuple[int, int]
) -> tuple[np.ndarray, ...]:
    """The input plane's grid (over the data's extent) through the layers up to ``layer``;
    none when the inputs are not a plane."""
    if network.n_inputs != 2:
        return ()
    (x0, x1), (y0, y1) = plot_bounds(dataset.inputs)
    ts = np.linspace(0.0, 1.0, POINTS_PER_LINE)
    lines = []
    for s in np.linspace(0.0, 1.0, GRID_LINES):
        lines.append(np.column_stack([np.full_like(ts, x0 + s * (x1 - x0)), y0 + ts * (y1 - y0)]))
        lines.append(np.column_stack([x0 + ts * (x1 - x0), np.full_like(ts, y0 + s * (y1 - y0))]))
    raw = np.vstack(lines)
    hidden = network.forward(dataset.prepare_inputs(raw)).a[layer - 1][:, list(columns)]
    return tuple(np.split(hidden, len(lines)))


def _bounds(
    network: Network, layer: int, points: np.ndarray, lines: tuple[np.ndarray, ...]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The activation's own range where it has one (sigmoid (0, 1), tanh (-1, 1)), else the
    points' and lines' extent."""
    name = network.activations[layer - 2]
    if name == "sigmoid":
        return (-0.05, 1.05), (-0.05, 1.05)
    if name == "tanh":
        return (-1.05, 1.05), (-1.05, 1.05)
    everything = np.vstack([points, *lines]) if lines else points
    finite = everything[np.all(np.isfinite(everything), axis=1)]
    return plot_bounds(finite if len(finite) else np.zeros((1, 2)))


def _output_over_plane(
    network: Network,
    layer: int,
    axes: tuple[int, int],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
) -> np.ndarray:
    """The layers above ``layer`` evaluated with its two activations on a grid, unit
    ``axes[0]`` along x and ``axes[1]`` along y."""
    grid = grid_points(x_range, y_range, RESOLUTION)
    a = np.empty_like(grid)
    a[:, list(axes)] = grid
    with np.errstate(over="ignore", invalid="ignore"):
        for index in range(layer - 1, network.n_layers - 1):
            z = a @ network.weights[index]
            if network.biases is not None:
                z = z + network.biases[index]
            a = ACTIVATIONS[network.activations[index]](z)
    shown = a[:, 0] if a.shape[1] == 1 else np.argmax(a, axis=1).astype(float)
    return shown.reshape(RESOLUTION, RESOLUTION)
