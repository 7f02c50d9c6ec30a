"""The named mistakes: for each step of a derivation, the numbers a student gets by making them.

Each value is computed from the real network of that step (the same pass the walkthrough shows),
so typing it means the student made exactly that mistake, and the checker can say which.  The
list of a step is in order of priority: where two mistakes give the same number, the first names
it.  A mistake whose number equals the correct one at the walkthrough's digits is left out
(``dropped_slope`` on a linear unit, whose slope is 1): it is no mistake there.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from bpstudio.model.activations import sigmoid
from bpstudio.model.derivation import Derivation, DerivationStep, batch_of
from bpstudio.model.network import Network
from bpstudio.model.next_step import next_batch_rows
from bpstudio.model.practice.facts import PassFacts, pass_facts
from bpstudio.model.practice.update_mistakes import optimiser_mistakes
from bpstudio.model.project_like import ProjectLike

# Every code, in the order the help and the tests list them.
MISTAKE_CODES = (
    "sign_flipped",
    "dropped_slope",
    "slope_from_z",
    "missed_path",
    "used_updated_weight",
    "wrong_input",
    "half_factor",
    "forgot_learning_rate",
    "swapped_indices",
    "weight_for_input",
    "used_z_for_a",
    "dropped_bias",
    "missed_mean",
    "extra_slope",
    "sum_not_mean",
    "one_sample",
    "dropped_weight",
    "old_weights",
    # 七's optimiser lines (update_mistakes.py)
    "dropped_decay",
    "decay_on_weight",
    "forgot_momentum",
    "damped_momentum",
    "no_lookahead",
    "dropped_one_minus",
    "swapped_rates",
    "unsquared_gradient",
    "no_bias_correction",
    "step_from_zero",
    "dropped_power",
    "inverted_correction",
    "dropped_root",
    "epsilon_inside_root",
)


MANY_UNITS = 6  # beyond this fan-in, wrong_input looks at the neighbouring units only


@dataclass(frozen=True)
class Mistake:
    code: str
    value: float


def derivation_mistakes(
    derivation: Derivation, network: Network, inputs: ArrayLike, targets: ArrayLike
) -> tuple[tuple[Mistake, ...], ...]:
    """For every step of ``derivation`` (in order), its named mistakes.

    ``inputs``/``targets``: the rows the network sees (prepared), as ``build_derivation`` got
    them."""
    facts = pass_facts(derivation, network, inputs, targets)
    with np.errstate(all="ignore"):
        return tuple(
            _clean(step, list(_candidates(facts, step)), derivation.digits)
            for step in derivation.steps
        )


def project_mistakes(
    project: ProjectLike, derivation: Derivation
) -> tuple[tuple[Mistake, ...], ...]:
    """``derivation_mistakes`` for a derivation made by ``derive_project(project, ...)``."""
    data = project.dataset.prepared()
    if derivation.next_step is not None:  # the trainer's next step: its batch (next_step.py)
        expected = next_batch_rows(project)
    else:
        expected = batch_of(derivation.sample, data.n_samples, project.training.batch_size)
    if tuple(expected) != tuple(derivation.batch):
        raise ValueError("the derivation does not belong to this project's batches")
    return derivation_mistakes(derivation, project.network, data.inputs, data.targets)


def same_at_digits(a: float, b: float, digits: int) -> bool:
    """Equal as the walkthrough shows them, at ``digits`` significant digits."""
    return f"{a:.{digits}g}" == f"{b:.{digits}g}"


def _clean(step: DerivationStep, found: list[Mistake], digits: int) -> tuple[Mistake, ...]:
    """Finite, different from the correct value, and no two with the same number."""
    kept: list[Mistake] = []
    seen = {f"{step.value:.{digits}g}"}
    for mistake in found:
        value = float(mistake.value)
        shown = f"{value:.{digits}g}"
        if math.isfinite(value) and shown not in seen:
            seen.add(shown)
            kept.append(Mistake(mistake.code, value))
    return tuple(kept)


# the candidates of each kind of step ----------------------------------------------------------
def _candidates(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    kind = _KINDS.get(step.quantity)
    if kind is not None:
        yield from kind(f, step)
    for code, value in optimiser_mistakes(f, step):  # 七's optimiser lines (update_mistakes.py)
        yield Mistake(code, value)


def _z(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    layer, (k,) = step.layer, step.indices
    w = f.weights(layer)
    a_prev = f.a_row(layer - 1)
    biases = f.network.biases
    bias = biases[layer - 2][k - 1] if biases is not None else 0.0
    if w.shape[0] == w.shape[1]:  # w_{kj} for w_{jk}: only a square matrix has both
        yield Mistake("swapped_indices", float(a_prev @ w[k - 1, :] + bias))
    if layer >= 3:
        yield Mistake("used_z_for_a", float(f.z_row(layer - 1) @ w[:, k - 1] + bias))
    if f.network.use_bias:
        yield Mistake("dropped_bias", step.value - bias)


def _a(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    layer, (k,) = step.layer, step.indices
    z = f.z_row(layer)[k - 1]
    name = f.activation(layer)
    if name == "sigmoid":  # 1 / (1 + e^{+z})
        yield Mistake("sign_flipped", float(sigmoid(np.array([-z]))[0]))
    elif name == "tanh":
        yield Mistake("sign_flipped", float(np.tanh(-z)))


def _loss(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    n = f.size(f.last)
    if f.loss == "half_sse":
        yield Mistake("half_factor", 2 * step.value)
    elif f.loss == "mse":
        yield Mistake("missed_mean", n * step.value)
        yield Mistake("half_factor", step.value / 2)


def _new_loss(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    yield from _loss(f, step)
    row = f.trace.a[0][f.row : f.row + 1]
    target = f.targets[f.row : f.row + 1]
    reversed_net = f.reversed_network()
    wrong_way = reversed_net.per_sample_loss(reversed_net.forward(row), target, f.loss)[0]
    yield Mistake("sign_flipped", float(wrong_way))
    old = f.network.per_sample_loss(f.network.forward(row), target, f.loss)[0]
    yield Mistake("old_weights", float(old))


def _dE_dY(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    yield Mistake("sign_flipped", -step.value)
    yield from _output_factors(f, step.value)


def _output_factors(f: PassFacts, value: float) -> Iterator[Mistake]:
    """The ½ of E or the 2 of the square lost (and the 1/n of a mean), carried along."""
    n = f.size(f.last)
    if f.loss == "half_sse":
        yield Mistake("half_factor", 2 * value)
        yield Mistake("half_factor", value / 2)
    elif f.loss == "mse":
        yield Mistake("half_factor", value / 2)
        yield Mistake("missed_mean", value * n)


def _dE_dz(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    layer, (k,) = step.layer, step.indices
    if layer == f.last and f.merged_output():
        yield Mistake("sign_flipped", -step.value)
        a = f.a_row(layer)[k - 1]
        yield Mistake("extra_slope", step.value * (a - a * a))
        return
    da = f.da_row(layer)[k - 1]
    yield Mistake("dropped_slope", float(da))
    yield Mistake("sign_flipped", -step.value)
    if not f.elementwise(layer):
        return
    slope = f.slope(layer, k)
    z = f.z_row(layer)[k - 1]
    name = f.activation(layer)
    if name == "sigmoid":
        yield Mistake("slope_from_z", float(da * (z - z * z)))
    elif name == "tanh":
        yield Mistake("slope_from_z", float(da * (1 - z * z)))
    if layer == f.last:
        yield from _output_factors(f, step.value)
        return
    for partial in _missed_paths(f, layer, k):
        yield Mistake("missed_path", float(partial * slope))
    yield Mistake("used_updated_weight", float(_updated_da(f, layer, k) * slope))


def _missed_paths(f: PassFacts, layer: int, j: int) -> list[float]:
    """∂E/∂a_j^l summed over only some of the paths to the next layer: each path left out
    once, and (with three or more paths) each path alone."""
    terms = f.dz_row(layer + 1) * f.weights(layer + 1)[j - 1, :]
    if len(terms) < 2:
        return []
    total = float(terms.sum())
    partials = [total - float(t) for t in terms]
    if len(terms) > 2:
        partials += [float(t) for t in terms]
    return partials


def _updated_da(f: PassFacts, layer: int, j: int) -> float:
    """∂E/∂a_j^l back-propagated through the next layer's weights as 七 leaves them."""
    return float(f.dz_row(layer + 1) @ f.updated_weights(layer + 1)[j - 1, :])


def _dE_da(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    layer, (j,) = step.layer, step.indices
    for partial in _missed_paths(f, layer, j):
        yield Mistake("missed_path", partial)
    yield Mistake("used_updated_weight", _updated_da(f, layer, j))
    w = f.weights(layer + 1)
    if not (layer + 1 == f.last and f.merged_output()):
        yield Mistake("dropped_slope", float(f.da_row(layer + 1) @ w[j - 1, :]))
    yield Mistake("sign_flipped", -step.value)
    if w.shape[0] == w.shape[1]:
        yield Mistake("swapped_indices", float(f.dz_row(layer + 1) @ w[:, j - 1]))


def _dE_dw(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    layer, (j, k) = step.layer, step.indices
    dz = f.dz_row(layer)[k - 1]
    a_prev = f.a_row(layer - 1)
    for other in _other_units(j, len(a_prev)):
        yield Mistake("wrong_input", float(dz * a_prev[other - 1]))
    yield Mistake("wrong_input", float(dz * f.a_row(layer)[k - 1]))
    if j <= f.size(layer) and k <= f.size(layer - 1) and j != k:
        yield Mistake("swapped_indices", float(f.dz_row(layer)[j - 1] * a_prev[k - 1]))
    yield Mistake("weight_for_input", float(dz * f.weights(layer)[j - 1, k - 1]))
    if not (layer == f.last and f.merged_output()):
        yield Mistake("dropped_slope", float(f.da_row(layer)[k - 1] * a_prev[j - 1]))
    yield Mistake("sign_flipped", -step.value)
    if layer == f.last and not f.merged_output():
        yield from _output_factors(f, step.value)


def _other_units(j: int, count: int) -> list[int]:
    """The units a student may take for unit ``j``: any of a few, the neighbours of many."""
    if count <= MANY_UNITS:
        return [u for u in range(1, count + 1) if u != j]
    return [u for u in (j - 2, j - 1, j + 1, j + 2) if 1 <= u <= count]


def _dE_db(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    layer, (k,) = step.layer, step.indices
    if not (layer == f.last and f.merged_output()):
        yield Mistake("dropped_slope", float(f.da_row(layer)[k - 1]))
    yield Mistake("sign_flipped", -step.value)


def _batch_mean(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    layer = step.layer
    if step.quantity == "dE/dw_batch":
        j, k = step.indices
        own = f.a_row(layer - 1)[j - 1] * f.dz_row(layer)[k - 1]
    else:
        (k,) = step.indices
        own = f.dz_row(layer)[k - 1]
    yield Mistake("sum_not_mean", step.value * len(f.derivation.batch))
    yield Mistake("one_sample", float(own))


def _update(f: PassFacts, step: DerivationStep) -> Iterator[Mistake]:
    layer = step.layer
    if step.quantity == "w_new":
        j, k = step.indices
        current = float(f.weights(layer)[j - 1, k - 1])
    else:
        (k,) = step.indices
        biases = f.network.biases
        if biases is None:
            raise ValueError(f"a bias step ({step.quantity}) of a network without biases")
        current = f.bias_sign(layer) * float(biases[layer - 2][k - 1])
    change = step.value - current  # -η·∂E/∂w for plain SGD
    yield Mistake("sign_flipped", current - change)
    if f.learning_rate > 0:
        yield Mistake("forgot_learning_rate", current + change / f.learning_rate)
    yield Mistake("dropped_weight", change)


_KINDS = {
    "z": _z,
    "a": _a,
    "E": _loss,
    "E_new": _new_loss,
    "dE/dY": _dE_dY,
    "dE/dz": _dE_dz,
    "dE/da": _dE_da,
    "dE/dw": _dE_dw,
    "dE/db": _dE_db,
    "dE/dw_batch": _batch_mean,
    "dE/db_batch": _batch_mean,
    "w_new": _update,
    "b_new": _update,
}
