"""The symmetry problem, said where it shows: hidden units that are exact copies of each other.

Two hidden units of one layer with the same incoming weights (and bias) compute the same
number for every input; with the same outgoing weights too they get the same error δ, so every
weight into them changes by the same amount, and so does every weight out of them: they stay
copies for ever, whatever the data (all-zero or constant starting weights do this to every
hidden unit: the symmetry lesson).  An optimiser's state slots must match as well (equal
momentum or Adam moments), or the next step could part them.

``copied_units`` finds them; ``with_symmetry`` adds one sentence to the explanation of 五 (the
copy's ∂E/∂z, where the equal errors appear) and of 七's update of each weight or bias of the
copy (equal to its twin's update), in the derivation's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.detail_text import text
from bpstudio.model.derivation.steps import DerivationStep
from bpstudio.model.network import Network


def copied_units(
    network: Network, slots: Sequence[Mapping[str, Any]] | None = None
) -> dict[tuple[int, int], int]:
    """``{(layer, k): j}``: hidden unit k of ``layer`` (seed numbering, from 1) is an exact
    copy of unit j < k of the same layer (the first such j).  ``slots``: the optimiser's state
    per parameter (`Network.parameters` order), which must match too."""
    copies: dict[tuple[int, int], int] = {}
    for layer in range(2, network.n_layers):
        features = _unit_features(network, layer, slots)
        for k in range(1, len(features)):
            for j in range(k):
                if all(np.array_equal(a, b) for a, b in zip(features[j], features[k], strict=True)):
                    copies[(layer, k + 1)] = j + 1
                    break
    return copies


def _unit_features(
    network: Network, layer: int, slots: Sequence[Mapping[str, Any]] | None
) -> list[list[np.ndarray]]:
    """Everything a hidden unit's future depends on, one list per unit of ``layer``."""
    n_weights = len(network.weights)
    before, after = layer - 2, layer - 1  # the weight matrices into and out of the layer
    arrays: list[tuple[int, Callable[[np.ndarray, int], np.ndarray]]] = [
        (before, lambda a, k: a[:, k]),
        (after, lambda a, k: a[k, :]),
    ]
    if network.biases is not None:
        arrays.append((n_weights + before, lambda a, k: a[k : k + 1]))
    parameters = network.parameters()
    features = []
    for k in range(network.layer_sizes[layer - 1]):
        unit = [pick(parameters[index], k) for index, pick in arrays]
        if slots is not None:
            for index, pick in arrays:
                unit += [pick(np.asarray(value), k) for value in _slot_arrays(slots[index])]
        features.append(unit)
    return features


def _slot_arrays(slots: Mapping[str, Any]) -> list[Any]:
    return [value for name, value in sorted(slots.items()) if name != "step" and value is not None]


def with_symmetry(
    steps: Sequence[DerivationStep], copies: Mapping[tuple[int, int], int], lang: str
) -> tuple[DerivationStep, ...]:
    """``steps`` with the symmetry said at the copies' 五 and 七 (unchanged without copies)."""
    if not copies:
        return tuple(steps)
    return tuple(_said(step, copies, lang) for step in steps)


def _said(step: DerivationStep, copies: Mapping[tuple[int, int], int], lang: str) -> DerivationStep:
    sentence = ""
    if step.quantity == "dE/dz" and (step.layer, step.indices[0]) in copies:
        k = step.indices[0]
        j = copies[(step.layer, k)]
        sentence = text("symmetry.delta", lang, unit=sym.plain_a(step.layer, k),
                        other=sym.plain_a(step.layer, j))  # fmt: skip
    elif step.quantity in ("w_new", "b_new"):
        twin = _twin(step, copies)
        if twin is not None:
            unit, other, parameter = twin
            sentence = text("symmetry.update", lang, unit=unit, other=other, twin=parameter)
    if not sentence:
        return step
    space = "" if lang == "zh" else " "
    return replace(step, explanation=f"{step.explanation}{space}{sentence}", remark=sentence)


def _twin(
    step: DerivationStep, copies: Mapping[tuple[int, int], int]
) -> tuple[str, str, str] | None:
    """(the copy, its original, the original's matching parameter) for a parameter of a copy,
    plain names; None for a parameter of no copy."""
    layer, idx = step.layer, step.indices
    if step.quantity == "b_new" or len(idx) == 1:
        if (layer, idx[0]) not in copies:
            return None
        j = copies[(layer, idx[0])]
        return sym.plain_a(layer, idx[0]), sym.plain_a(layer, j), sym.plain_b(layer, j)
    source, target = idx
    if (layer, target) in copies:  # a weight into a copy
        j = copies[(layer, target)]
        return sym.plain_a(layer, target), sym.plain_a(layer, j), sym.plain_w(layer, source, j)
    if (layer - 1, source) in copies:  # a weight out of a copy
        j = copies[(layer - 1, source)]
        unit, other = sym.plain_a(layer - 1, source), sym.plain_a(layer - 1, j)
        return unit, other, sym.plain_w(layer, j, target)
    return None
