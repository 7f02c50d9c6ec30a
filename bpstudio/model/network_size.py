"""How big a network each view shows element by element; above that, a view shows a summary.

One place for the limits, so that the diagram, the weight tables and the walkthrough agree on
what "too big" means, and a test can check each view's choice.  The costs per edge, per step
and per term that set them are in docs/performance.md ("Figures behind the code's choices").
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for annotations only: numpy loads when a summary is asked for
    import numpy as np

    from bpstudio.model.network import Network

DIAGRAM_MAX_EDGES = 10_000  # one item an edge: more would take over a second to build
DIAGRAM_SYNC_EDGES = 1_500  # above this, the diagram is built in slices between event-loop turns
TABLE_MAX_WEIGHTS = 250_000  # cells of one weight table (a 500 x 500 matrix)
WALKTHROUGH_MAX_WEIGHTS = 20_000  # a 784-16-10 network (12,704) is walked through
WALKTHROUGH_SYNC_WEIGHTS = 2_000  # above this, the walkthrough is built off the event loop
# Multiply-adds and activations of a forward pass over every sample: above this, the loss and
# accuracy are evaluated off the event loop (a 1-10^7-1 network on 8 samples stalled 16 s).
EVALUATION_SYNC_COST = 2_000_000
# Weights a project file is written with on the GUI thread; above, on a thread behind a
# progress box (encoding 10^6 weights takes about 2 s).
SAVE_SYNC_WEIGHTS = 100_000
# Weights the tables' summaries (min, max, mean, rms) cover at once; above, on a thread.
SUMMARY_SYNC_WEIGHTS = 2_000_000


def weight_count(layer_sizes: Sequence[int], use_bias: bool = False) -> int:
    """Weights (and biases): the diagram's edges and the derivation's ∂E/∂w steps."""
    sizes = [int(n) for n in layer_sizes]
    weights = sum(a * b for a, b in itertools.pairwise(sizes))
    return weights + (sum(sizes[1:]) if use_bias else 0)


def network_weights(network: Network) -> int:
    return weight_count(network.layer_sizes, network.use_bias)


def diagram_draws_edges(network: Network) -> bool:
    return network_weights(network) <= DIAGRAM_MAX_EDGES


def diagram_builds_at_once(network: Network) -> bool:
    return network_weights(network) <= DIAGRAM_SYNC_EDGES


def table_shows_cells(rows: int, columns: int) -> bool:
    return rows * columns <= TABLE_MAX_WEIGHTS


def walkthrough_shows_steps(network: Network) -> bool:
    return network_weights(network) <= WALKTHROUGH_MAX_WEIGHTS


def walkthrough_builds_at_once(network: Network) -> bool:
    return network_weights(network) <= WALKTHROUGH_SYNC_WEIGHTS


def forward_pass_cost(layer_sizes: Sequence[int], samples: int, use_bias: bool = False) -> int:
    """Multiply-adds and activations of one forward pass over ``samples`` rows."""
    units = sum(int(n) for n in layer_sizes[1:])
    return (weight_count(layer_sizes, use_bias) + units) * max(int(samples), 0)


def evaluation_runs_at_once(network: Network, samples: int) -> bool:
    cost = forward_pass_cost(network.layer_sizes, samples, network.use_bias)
    return cost <= EVALUATION_SYNC_COST


def hidden_space_runs_at_once(network: Network, samples: int) -> bool:
    """The hidden-space plot passes the samples, its grid lines' points and its output map's
    cells through the network: at most that many forward passes' worth of work."""
    from bpstudio.model.hidden_space import GRID_LINES, POINTS_PER_LINE, RESOLUTION

    rows = samples + 2 * GRID_LINES * POINTS_PER_LINE + RESOLUTION**2
    return forward_pass_cost(network.layer_sizes, rows, network.use_bias) <= EVALUATION_SYNC_COST


def saves_at_once(network: Network) -> bool:
    return network_weights(network) <= SAVE_SYNC_WEIGHTS


def summaries_run_at_once(matrices: Iterable[np.ndarray]) -> bool:
    return sum(int(m.size) for m in matrices) <= SUMMARY_SYNC_WEIGHTS


def matrix_summary(matrix: np.ndarray) -> tuple[float, float, float, float]:
    """(min, max, mean, root mean square) of a weight matrix: what a table too big to list
    shows instead of its cells."""
    import numpy as np

    values = np.asarray(matrix, dtype=np.float64)
    if values.size == 0:
        return (0.0, 0.0, 0.0, 0.0)
    return (
        float(values.min()),
        float(values.max()),
        float(values.mean()),
        float(np.sqrt(np.mean(np.square(values)))),
    )
