"""What a 2-input network computes over the plane: the decision-boundary / output heatmap.

The grid is laid over the RAW data (the axes a student reads) and each point is prepared as the
data are (standardised when that is on) before the forward pass, so the picture shows what the
network does to the numbers in the table.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.model.data.dataset import Dataset
from bpstudio.model.network import Network

DEFAULT_RESOLUTION = 80
MARGIN = 0.15  # of the data's extent, on every side, so edge points are not on the border


@dataclass(frozen=True)
class OutputGrid:
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    output: np.ndarray  # (resolution, resolution), [ix, iy]: the shown output value
    hidden: tuple[tuple[np.ndarray, ...], ...]  # per hidden layer, per unit, like ``output``
    output_label: str  # what ``output`` shows


def plot_bounds(inputs: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """The x and y ranges that show every point with a margin (never zero-width)."""
    lo, hi = inputs.min(axis=0), inputs.max(axis=0)
    pad = np.maximum((hi - lo) * MARGIN, 0.5 * (hi - lo == 0) + 1e-9)
    lo, hi = lo - pad, hi + pad
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


def grid_points(x_range, y_range, resolution: int) -> np.ndarray:
    """(resolution², 2) points, x varying slowest, at the centres of the image's pixels."""
    xs = _centres(x_range, resolution)
    ys = _centres(y_range, resolution)
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    return np.column_stack([gx.ravel(), gy.ravel()])


def _centres(span, n: int) -> np.ndarray:
    step = (span[1] - span[0]) / n
    return span[0] + step * (np.arange(n) + 0.5)


def output_grid(
    network: Network, dataset: Dataset, resolution: int = DEFAULT_RESOLUTION
) -> OutputGrid:
    """Every unit's activation over a grid covering the data (the network has 2 inputs)."""
    if network.n_inputs != 2:
        raise ValueError(f"a decision grid needs 2 inputs; the network has {network.n_inputs}")
    x_range, y_range = plot_bounds(dataset.inputs)
    points = dataset.prepare_inputs(grid_points(x_range, y_range, resolution))
    trace = network.forward(points)
    shape = (resolution, resolution)
    hidden = tuple(
        tuple(np.ascontiguousarray(a[:, k].reshape(shape)) for k in range(a.shape[1]))
        for a in trace.a[1:-1]
    )
    output, label = _shown_output(trace.output)
    return OutputGrid(x_range, y_range, output.reshape(shape), hidden, label)


def _shown_output(outputs: np.ndarray) -> tuple[np.ndarray, str]:
    """One output: its value.  Several: the winning class (argmax) as 0, 1, 2, ..."""
    if outputs.shape[1] == 1:
        return outputs[:, 0], "output"
    return np.argmax(outputs, axis=1).astype(float), "class"
