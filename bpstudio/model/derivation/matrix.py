"""The same step as matrices: one formula per layer with the numbers as small matrices.

Weights are shown as the project stores them, one row per unit of the layer before and one
column per unit of the layer (inputs × outputs).  So the weighted sums are z⁽ˡ⁾ = (W⁽ˡ⁾)ᵀ a⁽ˡ⁻¹⁾,
the error goes back as W⁽ˡ⁺¹⁾ δ⁽ˡ⁺¹⁾ and the weight gradient is a⁽ˡ⁻¹⁾ δ⁽ˡ⁾ᵀ (books that store
the transpose write W a, Wᵀ δ and δ aᵀ).  Vectors are columns.  The numbers are computed here
with matrix products, apart from the per-unit builders, and must equal theirs (a test checks).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.model import notation as notations
from bpstudio.model.activations import ACTIVATIONS
from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.numbers import plain_number
from bpstudio.model.losses import get_loss


@dataclass(frozen=True)
class MatrixStep:
    quantity: str  # "z", "a", "dE/dz", "dE/dw", "dE/db": the per-unit steps it gathers
    layer: int  # seed numbering: inputs are layer 1
    symbolic: str  # LaTeX with the names
    substituted: str  # LaTeX with the numbers as matrices
    value: np.ndarray  # the result: a column (n × 1), or a matrix (inputs × outputs)


def matrix_steps(derivation) -> tuple[MatrixStep, ...]:
    """The forward and backward pass of ``derivation``'s sample as matrix formulas."""
    network, x, target = derivation.source
    with notations.writing(derivation.notation, network.layer_sizes):
        return tuple(_Builder(network, x, target, derivation.loss, derivation.digits).steps())


class _Builder:
    def __init__(self, network, x, target, loss: str, digits: int) -> None:
        self.net, self.loss, self.digits = network, loss, digits
        self.x = np.asarray(x, dtype=np.float64).reshape(-1, 1)
        self.target = np.asarray(target, dtype=np.float64).reshape(-1, 1)
        self.L = network.n_layers
        self.z: dict[int, np.ndarray] = {}
        self.a: dict[int, np.ndarray] = {1: self.x}
        self.delta: dict[int, np.ndarray] = {}

    # names ---------------------------------------------------------------------------------
    def _vector(self, role: str, layer: int) -> str:
        if role == "activation" and layer == 1:
            role = "input"
        return sym.glyph(role, layer, unit="").latex

    def _matrix(self, layer: int) -> str:
        glyph = sym.glyph("weight", layer, j="", k="")
        base = glyph.tex or glyph.base
        base = base.upper() if len(base) == 1 else base  # w → W, v → V; W1 stays
        sup = glyph.sup or ("" if self._distinct_weights() else f"({layer - 1})")
        return base + (f"^{{{sup}}}" if sup else "")

    def _distinct_weights(self) -> bool:
        """Whether the weight names alone tell the layers apart (V and W, W1 and W2)."""
        names = {sym.glyph("weight", n, j="", k="").latex for n in range(2, self.L + 1)}
        return len(names) == self.L - 1

    def _delta(self, layer: int) -> str:
        """The book's δ, or δ^l (defined on first use as ∂E/∂z^l, see ``_delta_lhs``)."""
        named = sym.delta_name(layer, "")
        return named if named and not named.startswith("-") else rf"\delta^{{{layer}}}"

    def _delta_lhs(self, layer: int) -> str:
        return f"{self._delta(layer)} = {sym.dE(self._vector('net', layer))}"

    def _numbers(self, m: np.ndarray) -> str:
        rows = [" & ".join(plain_number(float(v), self.digits) for v in row) for row in m]
        return r"\begin{bmatrix} " + r" \\ ".join(rows) + r" \end{bmatrix}"

    # steps ---------------------------------------------------------------------------------
    def steps(self):
        for layer in range(2, self.L + 1):
            yield self._z(layer)
            yield self._a(layer)
        yield self._output_delta()
        for layer in range(self.L, 1, -1):
            if layer < self.L:
                yield self._hidden_delta(layer)
            yield self._dW(layer)
            if self.net.use_bias:
                yield self._db(layer)

    def _z(self, layer: int) -> MatrixStep:
        W = self.net.weights[layer - 2]
        a_prev = self.a[layer - 1]
        z = W.T @ a_prev
        names = rf"{_transposed(self._matrix(layer))} {self._vector('activation', layer - 1)}"
        numbers = rf"\left({self._numbers(W)}\right)^{{T}} {self._numbers(a_prev)}"
        if self.net.use_bias:
            sign = sym.bias_sign(layer)  # 周志华's thresholds are subtracted
            b = sign * self.net.biases[layer - 2].reshape(-1, 1)
            op = "-" if sign < 0 else "+"
            z = z - b if sign < 0 else z + b
            names += f" {op} {self._vector('bias', layer)}"
            numbers += f" {op} {self._numbers(b)}"
        self.z[layer] = z
        lhs = self._vector("net", layer)
        return MatrixStep("z", layer, f"{lhs} = {names}",
                          f"{lhs} = {numbers} = {self._numbers(z)}", z)  # fmt: skip

    def _a(self, layer: int) -> MatrixStep:
        a = ACTIVATIONS[self.net.activations[layer - 2]](self.z[layer].T).T
        self.a[layer] = a
        lhs, z = self._vector("activation", layer), self._vector("net", layer)
        numbers = rf"f\left({self._numbers(self.z[layer])}\right) = {self._numbers(a)}"
        return MatrixStep("a", layer, f"{lhs} = f({z})", f"{lhs} = {numbers}", a)

    def _output_delta(self) -> MatrixStep:
        L, out_act = self.L, self.net.output_activation
        loss = get_loss(self.loss)
        y, t = self.a[L], self.target
        lhs = self._delta_lhs(L)
        if loss.merges_output_steps:
            delta = y - t
            names = f"{self._vector('output', L)} - {self._vector('label', L)}"
            numbers = f"{self._numbers(y)} - {self._numbers(t)}"
        else:
            dE_da = loss.output_dE_da(y.T, t.T, out_act)
            delta = ACTIVATIONS[out_act].backward(dE_da, self.z[L].T, y.T).T
            slope = ACTIVATIONS[out_act].slope(self.z[L].T, y.T).T if out_act != "softmax" else None
            da = sym.dE(self._vector("activation", L))
            if slope is None:  # softmax: every output depends on every z (its Jacobian)
                names = numbers = rf"J^{{T}} {da}"
                numbers = rf"J^{{T}} {self._numbers(dE_da.T)}"
            else:
                names = rf"f'({self._vector('net', L)}) \odot {da}"
                numbers = rf"{self._numbers(slope)} \odot {self._numbers(dE_da.T)}"
        self.delta[L] = delta
        return MatrixStep("dE/dz", L, f"{lhs} = {names}",
                          f"{lhs} = {numbers} = {self._numbers(delta)}", delta)  # fmt: skip

    def _hidden_delta(self, layer: int) -> MatrixStep:
        W = self.net.weights[layer - 1]  # into the layer after: rows are this layer's units
        back = W @ self.delta[layer + 1]
        slope = (
            ACTIVATIONS[self.net.activations[layer - 2]].slope(self.z[layer].T, self.a[layer].T).T
        )
        delta = slope * back
        self.delta[layer] = delta
        lhs = self._delta_lhs(layer)
        back_names = f"{self._matrix(layer + 1)} {self._delta(layer + 1)}"
        names = rf"f'({self._vector('net', layer)}) \odot ({back_names})"
        numbers = (
            rf"{self._numbers(slope)} \odot \left({self._numbers(W)} "
            rf"{self._numbers(self.delta[layer + 1])}\right)"
        )
        return MatrixStep("dE/dz", layer, f"{lhs} = {names}",
                          f"{lhs} = {numbers} = {self._numbers(delta)}", delta)  # fmt: skip

    def _dW(self, layer: int) -> MatrixStep:
        a_prev, delta = self.a[layer - 1], self.delta[layer]
        grad = a_prev @ delta.T  # inputs × outputs, as the weights are stored
        lhs = sym.dE(self._matrix(layer))
        names = rf"{self._vector('activation', layer - 1)} \, {_transposed(self._delta(layer))}"
        numbers = rf"{self._numbers(a_prev)} \left({self._numbers(delta)}\right)^{{T}}"
        return MatrixStep("dE/dw", layer, f"{lhs} = {names}",
                          f"{lhs} = {numbers} = {self._numbers(grad)}", grad)  # fmt: skip

    def _db(self, layer: int) -> MatrixStep:
        sign = sym.bias_sign(layer)
        grad = sign * self.delta[layer]
        lhs = sym.dE(self._vector("bias", layer))
        names = ("-" if sign < 0 else "") + self._delta(layer)
        return MatrixStep("dE/db", layer, f"{lhs} = {names}",
                          f"{lhs} = {self._numbers(grad)}", grad)  # fmt: skip


def _transposed(name: str) -> str:
    """Mᵀ, or (W^{(2)})ᵀ where the name has a superscript of its own."""
    return f"({name})^{{T}}" if "^" in name or "frac" in name else f"{name}^{{T}}"


_FORWARD = ("z", "a")
_BACKWARD = ("dE/dz", "dE/dw", "dE/db")


def matrix_steps_for(steps: tuple[MatrixStep, ...], step) -> tuple[MatrixStep, ...]:
    """The matrix steps that hold a per-unit ``step``'s number (or that it leads to): the
    forward pass of its layer, or the error and gradients of its layer."""
    layer, quantity = step.layer, step.quantity
    last = max((s.layer for s in steps), default=0)
    wanted: tuple[str, ...]
    if quantity in ("Y", "E", "E_new"):
        layer, wanted = last, _FORWARD
    elif quantity in _FORWARD:
        wanted = _FORWARD
    elif quantity in ("dE/dY", "dE/da", "dY/dz"):
        wanted = ("dE/dz",)
    else:  # ∂E/∂z, ∂E/∂w, ∂E/∂b, the batch means and the update
        wanted = _BACKWARD
    return tuple(s for s in steps if s.layer == layer and s.quantity in wanted)
