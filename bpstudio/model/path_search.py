"""The paths from E to one unit with the largest |product|, without visiting the others.

A path is a head (the way from E into z_m of the output layer) and one unit in each layer
below, down to the target unit.  Its |value| is a product, so its log is a sum: a best-first
search with an exact bound finds the paths in order of |value|.  The bound of a node is the
best |product| still possible below it (one max-product pass from the target up, like
backpropagation with max instead of sum).  Each node's children are sorted by that bound once,
and a child's next sibling joins the queue only when the child leaves it, so the queue grows by
about two entries a pop: listing k paths of depth d costs about k·d pops, whatever the widths.
"""

from __future__ import annotations

import heapq
import itertools
from typing import Protocol

import numpy as np
from numpy.typing import ArrayLike

from bpstudio.model.network import Network

# A found path: the index of its head, and the unit (0-based) chosen in each layer below.
FoundPath = tuple[int, tuple[int, ...]]


class PassNumbers(Protocol):
    """What the search reads of one sample's pass (gradient_paths.SamplePass)."""

    @property
    def network(self) -> Network: ...

    @property
    def n_layers(self) -> int: ...

    @property
    def heads(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]: ...

    def width(self, layer: int) -> int: ...

    def slope(self, layer: int) -> np.ndarray: ...


def _log_abs(values: ArrayLike) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return np.log(np.abs(np.asarray(values, dtype=np.float64)))


class _Children:
    """A node's children, best first: each child's index, its log |factor| and its bound."""

    def __init__(
        self, factor_logs: np.ndarray, bounds: np.ndarray, valid: ArrayLike | None = None
    ) -> None:
        keys = factor_logs + bounds
        order = np.arange(len(keys)) if valid is None else np.asarray(valid)
        order = order[np.argsort(-keys[order], kind="stable")]
        self.order = order
        self.keys = keys[order]
        self.factor_logs = factor_logs[order]


def best_paths(
    sp: PassNumbers, layer: int, unit: int, tail: float, weight_target: bool, limit: int
) -> list[FoundPath]:
    """Up to ``limit`` paths from E to ``unit`` (1-based) of ``layer``, largest |value| first,
    as (head index, units chosen from layer L - 1 down to ``layer``, 0-based).

    ``tail`` multiplies every path at the target (a weight's source activation, or 1);
    ``weight_target``: arriving at the target passes through its slope (for ∂E/∂w).
    """
    last = sp.n_layers
    target = unit - 1
    hop_logs, bounds = _hops_and_bounds(sp, layer, target, tail, weight_target)
    _, heads_m, head_values = sp.heads
    head_logs = _log_abs(head_values)
    valid_heads = np.flatnonzero(heads_m == target) if layer == last else None
    root = _Children(head_logs, bounds[last][heads_m], valid_heads)
    cache: dict[tuple[int, int], _Children] = {}

    def children(node_layer: int, node: int) -> _Children:
        key = (node_layer, node)
        if key not in cache:
            below = node_layer - 1
            valid = [target] if below == layer else None
            cache[key] = _Children(hop_logs[node_layer][:, node], bounds[below], valid)
        return cache[key]

    counter = itertools.count()
    # entry: (-bound of the child, tie, log |product| of its parent, parent's path, siblings,
    # rank of the child among them, the child's layer)
    queue: list[tuple[float, int, float, tuple[int, ...], _Children, int, int]]
    queue = [(-root.keys[0], next(counter), 0.0, (), root, 0, last)] if len(root.keys) else []
    found: list[FoundPath] = []
    while queue and len(found) < limit:
        _, _, parent_log, path, siblings, rank, node_layer = heapq.heappop(queue)
        if rank + 1 < len(siblings.keys):
            bound = parent_log + siblings.keys[rank + 1]
            entry = (-bound, next(counter), parent_log, path, siblings, rank + 1, node_layer)
            heapq.heappush(queue, entry)
        node = int(siblings.order[rank])
        node_log = parent_log + siblings.factor_logs[rank]
        node_path = (*path, node)
        if node_layer == layer:
            found.append((node_path[0], node_path[1:]))
            continue
        here = int(heads_m[node]) if not path else node  # a head arrives at z_m
        kids = children(node_layer, here)
        entry = (-(node_log + kids.keys[0]), next(counter), node_log, node_path, kids, 0,
                 node_layer - 1)  # fmt: skip
        heapq.heappush(queue, entry)
    return found


def _hops_and_bounds(
    sp: PassNumbers, layer: int, target: int, tail: float, weight_target: bool
) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """log |w_{vu}^i · slope_v^{i-1}| for every hop (indexed [i][v, u]), and per layer the best
    log |product| from arriving at each unit down to the target (the search's exact bound)."""
    last = sp.n_layers
    hop_logs: dict[int, np.ndarray] = {}
    bounds: dict[int, np.ndarray] = {}
    width = sp.width(layer)
    bounds[layer] = np.full(width, -np.inf)
    bounds[layer][target] = _log_abs(tail)
    for i in range(layer + 1, last + 1):
        below = i - 1
        arrive = np.zeros(sp.width(below))
        if below > layer or weight_target:
            arrive = _log_abs(sp.slope(below))
        logs = _log_abs(sp.network.weights[i - 2]) + arrive[:, None]
        hop_logs[i] = logs
        if below == layer:
            bounds[i] = logs[target] + bounds[below][target]
        else:
            bounds[i] = np.max(logs + bounds[below][:, None], axis=0)
    return hop_logs, bounds
