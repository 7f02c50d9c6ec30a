"""Units that pass almost no gradient back: saturated sigmoid/tanh units and dead ReLUs.

Step 五 multiplies ∂E/∂a by the unit's slope da/dz.  A sigmoid or tanh unit far out on its flat
tails has a slope near zero, so every path through it carries almost nothing back: it is
*saturated* when its slope is below 5 % of the activation's largest slope (¼ for the sigmoid,
1 for tanh), on the one sample the walkthrough shows, or on at least 90 % of the training
samples while the network trains.  A ReLU unit whose z is negative on every training sample
outputs 0 and has slope 0 everywhere: it is *dead*, and no gradient will ever revive it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from bpstudio.model.network import Network
from bpstudio.model.refs import UnitRef
from bpstudio.model.trace import ForwardTrace

SATURATION_SLOPE = 0.05  # of the activation's largest slope
SATURATED_SHARE = 0.9  # of the training samples, while training
MAX_SLOPE = {"sigmoid": 0.25, "tanh": 1.0}  # the slopes at z = 0
SATURATING = tuple(MAX_SLOPE)
DYING = ("relu",)


@dataclass(frozen=True)
class UnitHealth:
    """Which units pass little or no gradient back, and the numbers that say so."""

    saturated: frozenset[UnitRef] = frozenset()
    dead: frozenset[UnitRef] = frozenset()
    # for each saturated unit: its slope as a share of the largest (one sample), or the share
    # of training samples on which it is saturated (a training set)
    detail: dict[UnitRef, float] = field(default_factory=dict)
    on_training_set: bool = False  # saturation judged over the training set, not one sample

    def badge(self, ref: UnitRef) -> str | None:
        """ "saturated", "dead" or None."""
        if ref in self.dead:
            return "dead"
        return "saturated" if ref in self.saturated else None


def relative_slopes(network: Network, layer: int, inputs: ArrayLike) -> np.ndarray | None:
    """Each sample's (rows) slope of each unit of ``layer`` over its activation's largest
    slope; None for a layer that cannot saturate."""
    name = network.activations[layer - 2]
    if name not in MAX_SLOPE:
        return None
    trace = network.forward(np.atleast_2d(inputs))
    return _relative(network, trace, layer)


def _relative(network: Network, trace: ForwardTrace, layer: int) -> np.ndarray:
    z, a = trace.z_at(layer), trace.a[layer - 1]
    name = network.activations[layer - 2]
    relative: np.ndarray = network.activation(layer).slope(z, a) / MAX_SLOPE[name]
    return relative


def unit_health(
    network: Network, training_inputs: ArrayLike, sample_inputs: ArrayLike | None = None
) -> UnitHealth:
    """Saturation on ``sample_inputs`` (one row: the walkthrough's sample) or, without it, on
    the training set; dead ReLUs always on the training set (``training_inputs``)."""
    train = np.atleast_2d(np.asarray(training_inputs, dtype=np.float64))
    train_trace = network.forward(train) if len(train) else None
    dead = _dead_units(network, train_trace)
    if sample_inputs is not None:
        trace = network.forward(np.atleast_2d(np.asarray(sample_inputs, dtype=np.float64))[:1])
        saturated = _saturated(network, trace, 0.0)
    elif train_trace is not None:
        saturated = _saturated(network, train_trace, SATURATED_SHARE)
    else:
        saturated = {}
    saturated = {ref: v for ref, v in saturated.items() if ref not in dead}
    return UnitHealth(frozenset(saturated), frozenset(dead), saturated, sample_inputs is None)


def _saturated(network: Network, trace: ForwardTrace, share: float) -> dict[UnitRef, float]:
    """{unit: detail} of the units whose slope is below the threshold on more than ``share``
    of the rows (share 0: one row, detail = its relative slope)."""
    found: dict[UnitRef, float] = {}
    for layer in range(2, network.n_layers + 1):
        if network.activations[layer - 2] not in SATURATING:
            continue
        relative = _relative(network, trace, layer)
        low = relative < SATURATION_SLOPE
        shares = low.mean(axis=0)
        for unit in np.flatnonzero(shares >= share if share > 0 else low[0]):
            detail = float(shares[unit]) if share > 0 else float(relative[0, unit])
            found[UnitRef(layer, int(unit) + 1)] = detail
    return found


def _dead_units(network: Network, trace: ForwardTrace | None) -> set[UnitRef]:
    if trace is None:
        return set()
    dead = set()
    for layer in range(2, network.n_layers + 1):
        if network.activations[layer - 2] not in DYING:
            continue
        never = np.all(trace.z_at(layer) <= 0, axis=0)
        dead |= {UnitRef(layer, int(u) + 1) for u in np.flatnonzero(never)}
    return dead


def layers_parting(gradient_rms: np.ndarray, ratio: float = 100.0) -> int | None:
    """The first row (step) at which the largest layer's gradient size exceeds ``ratio`` times
    the smallest's: where the layers' sizes part (the vanishing-gradient lesson); None if never.

    ``gradient_rms``: one row per step, one column per weight matrix."""
    rows = np.asarray(gradient_rms, dtype=np.float64)
    if rows.ndim != 2 or rows.shape[1] < 2 or not len(rows):
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        parted = rows.max(axis=1) > ratio * rows.min(axis=1)
    hits = np.flatnonzero(parted & np.all(np.isfinite(rows), axis=1))
    return int(hits[0]) if len(hits) else None
