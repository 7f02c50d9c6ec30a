"""The hint ladder of one step: the formula with the numbers, then one factor at a time, then
the answer itself (which counts as revealed).

Hint 1 is the walkthrough's own substituted formula with its result left out; hint 2 lists the
numbers that go into it, each worked out on its own line (LaTeX), from the same pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from bpstudio.model.derivation import DerivationStep, atom_number, plain_number
from bpstudio.model.derivation import symbols as sym
from bpstudio.model.practice.facts import PassFacts
from bpstudio.model.practice.update_hints import optimiser_hints

HINT_LEVELS = 3  # 1: the formula with the numbers, 2: one factor at a time, 3: the answer


def formula_hint(step: DerivationStep) -> str:
    """The substituted formula with its final number replaced by a question mark."""
    head, sep, _value = step.substituted.rpartition(" = ")
    if not sep or head.count(" = ") < step.symbol.count(" = "):
        return step.symbolic
    return f"{head} = ?"


def factor_hints(facts: PassFacts, step: DerivationStep, digits: int) -> tuple[str, ...]:
    """The numbers that go into ``step``, one worked line each (LaTeX)."""
    shown = _Numbers(digits)
    kind = _FACTORS.get(step.quantity)
    with np.errstate(all="ignore"):
        optimiser = optimiser_hints(facts, step, shown)  # 七's optimiser lines
        if optimiser or kind is None:
            return optimiser
        return tuple(kind(facts, step, shown))


class _Numbers:
    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __call__(self, value: float) -> str:
        return plain_number(float(value), self.digits)

    def atom(self, value: float) -> str:
        return atom_number(float(value), self.digits)


def _z(f: PassFacts, step: DerivationStep, n: _Numbers) -> Iterator[str]:
    layer, (k,) = step.layer, step.indices
    a_prev, w = f.a_row(layer - 1), f.weights(layer)
    for j in range(1, len(a_prev) + 1):
        a, weight = a_prev[j - 1], w[j - 1, k - 1]
        product = rf"{sym.a_sym(layer - 1, j)} \cdot {sym.w_sym(layer, j, k)}"
        yield rf"{product} = {n.atom(a)} \cdot {n.atom(weight)} = {n(a * weight)}"
    if f.network.biases is not None:
        yield rf"{sym.b_sym(layer, k)} = {n(f.network.biases[layer - 2][k - 1])}"


def _a(f: PassFacts, step: DerivationStep, n: _Numbers) -> Iterator[str]:
    layer, (k,) = step.layer, step.indices
    z = f.z_row(layer)[k - 1]
    name, z_sym = f.activation(layer), sym.z_sym(layer, k)
    yield rf"{z_sym} = {n(z)}"
    if name == "sigmoid":
        yield rf"e^{{-{z_sym}}} = {n(np.exp(-z))}"
        yield rf"1 + e^{{-{z_sym}}} = {n(1 + np.exp(-z))}"
    elif name == "tanh":
        yield rf"e^{{{z_sym}}} = {n(np.exp(z))}, \quad e^{{-{z_sym}}} = {n(np.exp(-z))}"
    elif name == "softmax":
        zs = f.z_row(layer)
        shown = ", ".join(
            rf"e^{{{sym.z_sym(layer, m)}}} = {n(np.exp(v))}" for m, v in enumerate(zs, 1)
        )
        yield shown
        yield rf"\sum_m e^{{z_m^{{{layer}}}}} = {n(np.exp(zs).sum())}"


def _loss(f: PassFacts, step: DerivationStep, n: _Numbers) -> Iterator[str]:
    new = step.quantity == "E_new"
    outputs = _new_outputs(f) if new else f.a_row(f.last)
    for k in range(1, f.size(f.last) + 1):
        y, label = outputs[k - 1], f.targets[f.row, k - 1]
        y_sym = sym.y_new_sym(k) if new else sym.y_sym(k)
        left = rf"({y_sym} - {sym.label_sym(k)})^2"
        yield rf"{left} = ({n(y)} - {n(label)})^2 = {n((y - label) ** 2)}"


def _new_outputs(f: PassFacts) -> np.ndarray:
    net = f.network.copy()
    for step in f.derivation.steps:
        if step.quantity == "w_new":
            j, k = step.indices
            net.weights[step.layer - 2][j - 1, k - 1] = step.value
        elif step.quantity == "b_new" and net.biases is not None:
            net.biases[step.layer - 2][step.indices[0] - 1] = step.value
    outputs: np.ndarray = net.forward(f.trace.a[0][f.row : f.row + 1]).output[0]
    return outputs


def _dE_dY(f: PassFacts, step: DerivationStep, n: _Numbers) -> Iterator[str]:
    (k,) = step.indices
    yield rf"{sym.y_sym(k)} = {n(f.a_row(f.last)[k - 1])}"
    yield rf"{sym.label_sym(k)} = {n(f.targets[f.row, k - 1])}"


def _dE_dz(f: PassFacts, step: DerivationStep, n: _Numbers) -> Iterator[str]:
    layer, (k,) = step.layer, step.indices
    if layer == f.last and f.merged_output():
        yield from _dE_dY(f, step, n)
        return
    a_sym, z_sym = sym.a_sym(layer, k), sym.z_sym(layer, k)
    yield rf"{sym.dE(a_sym)} = {n(f.da_row(layer)[k - 1])}"
    if f.elementwise(layer):
        a = f.a_row(layer)[k - 1]
        yield rf"{a_sym} = {n(a)}"
        yield rf"{sym.partial(a_sym, z_sym)} = {n(f.slope(layer, k))}"


def _dE_da(f: PassFacts, step: DerivationStep, n: _Numbers) -> Iterator[str]:
    layer, (j,) = step.layer, step.indices
    after = layer + 1
    dz, w = f.dz_row(after), f.weights(after)
    for k in range(1, f.size(after) + 1):
        left = rf"{sym.dE(sym.z_sym(after, k))} \cdot {sym.w_sym(after, j, k)}"
        d, weight = dz[k - 1], w[j - 1, k - 1]
        yield rf"{left} = {n.atom(d)} \cdot {n.atom(weight)} = {n(d * weight)}"


def _dE_dw(f: PassFacts, step: DerivationStep, n: _Numbers) -> Iterator[str]:
    layer, (j, k) = step.layer, step.indices
    yield rf"{sym.dE(sym.z_sym(layer, k))} = {n(f.dz_row(layer)[k - 1])}"
    yield rf"{sym.a_sym(layer - 1, j)} = {n(f.a_row(layer - 1)[j - 1])}"


def _dE_db(f: PassFacts, step: DerivationStep, n: _Numbers) -> Iterator[str]:
    layer, (k,) = step.layer, step.indices
    yield rf"{sym.dE(sym.z_sym(layer, k))} = {n(f.dz_row(layer)[k - 1])}"


def _batch(f: PassFacts, step: DerivationStep, n: _Numbers) -> Iterator[str]:
    size = len(f.derivation.batch)
    layer = step.layer
    for row, sample in enumerate(f.derivation.batch):
        if step.quantity == "dE/dw_batch":
            j, k = step.indices
            value = f.trace.a[layer - 2][row, j - 1] * f.grads.dE_dz_at(layer)[row, k - 1]
            p = sym.w_sym(layer, j, k)
        else:
            (k,) = step.indices
            value = f.grads.dE_dz_at(layer)[row, k - 1]
            p = sym.b_sym(layer, k)
        yield rf"{sym.sample_dE(p, sample + 1)} = {n(value)}"
    yield rf"B = {size}"


def _update(f: PassFacts, step: DerivationStep, n: _Numbers) -> Iterator[str]:
    layer = step.layer
    if step.quantity == "w_new":
        j, k = step.indices
        p, current = sym.w_sym(layer, j, k), f.weights(layer)[j - 1, k - 1]
        gradient = f.grads.dW[layer - 2][j - 1, k - 1]
    else:
        (k,) = step.indices
        biases, db = f.network.biases, f.grads.db
        if biases is None or db is None:
            raise ValueError(f"a bias step ({step.quantity}) of a network without biases")
        p, current = sym.b_sym(layer, k), biases[layer - 2][k - 1]
        gradient = db[layer - 2][k - 1]
    yield rf"{p} = {n(current)}"
    yield rf"\eta = {n(f.learning_rate)}"
    yield rf"{sym.dE(p)} = {n(gradient)}"


_FACTORS: dict[str, Callable[[PassFacts, DerivationStep, _Numbers], Iterator[str]]] = {
    "z": _z,
    "a": _a,
    "E": _loss,
    "E_new": _loss,
    "dE/dY": _dE_dY,
    "dE/dz": _dE_dz,
    "dE/da": _dE_da,
    "dE/dw": _dE_dw,
    "dE/db": _dE_db,
    "dE/dw_batch": _batch,
    "dE/db_batch": _batch,
    "w_new": _update,
    "b_new": _update,
}
