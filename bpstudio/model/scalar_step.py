"""Online training of tiny networks in straight-line Python: no NumPy call per step.

The seed's 3-2-2 network has 10 weights.  NumPy pays about 1 µs per call whatever the array
size, and one step needs some twenty calls; plain Python floats do the same step in a few µs.
So for a tiny network trained one sample at a time, the trainer writes a function with every
weight in a local variable and every sum spelled out (``z2_0 = a1_0 * p0 + a1_1 * p2 + ...``),
compiles it once per shape, and runs many steps in one call.

The arithmetic is the reference's (`Network.forward/backward`, `optimisers.update`), in the
same order, but for Adam's step, which divides by the bias corrections once per step instead of
once per parameter; NumPy's own exp and BLAS's fused multiply-add differ by an ulp.
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache

import numpy as np

from bpstudio.model.activations import LEAKY_SLOPE
from bpstudio.model.fast_step import LOSS_NOT_FINITE, WEIGHT_NOT_FINITE

# Above this many parameters the unrolled code grows long and NumPy's calls pay off.
MAX_SCALAR_PARAMETERS = 96


def _softplus(x: float) -> float:
    return (x if x > 0.0 else 0.0) + math.log1p(math.exp(-abs(x)))


def _all_finite(values) -> bool:
    return all(math.isfinite(v) for v in values)


_NAMESPACE = {
    "exp": math.exp,
    "tanh": math.tanh,
    "log": math.log,
    "sqrt": math.sqrt,
    "softplus": _softplus,
    "all_finite": _all_finite,
    "LOSS_NOT_FINITE": LOSS_NOT_FINITE,
    "WEIGHT_NOT_FINITE": WEIGHT_NOT_FINITE,
}


def scalar_kernel_fits(layer_sizes, batch_size: int, dtype) -> bool:
    n = sum((a + 1) * b for a, b in itertools.pairwise(layer_sizes))
    return batch_size == 1 and n <= MAX_SCALAR_PARAMETERS and np.dtype(dtype) == np.float64


@lru_cache(maxsize=64)
def scalar_kernel(layer_sizes, activations, has_bias, frozen, loss, update, record_rms):
    """``run(P, SL, X, T, start, count, lr, K, KS, ES, losses, rms) -> reason`` for one network
    shape and optimiser ``update`` (`fast_step.update_key`).

    P is a list of the parameters (`FlatParameters` layout), SL a dict of lists, the slots the
    update keeps, all changed in place (after a failed step, the slots, and Adam's parameters,
    are that step's: replay the run to the step before); K the optimiser's numbers
    (`scalar_constants`), KS and ES Adam's step sizes of each step (`adam_step_sizes`); X and
    T rows in epoch order.
    Step s uses row ``(start + s) % len(X)``; the loss of each step is appended to ``losses``
    and, when recorded, each layer's gradient RMS to ``rms``.  Returns why it stopped early
    ("" after ``count`` steps)."""
    writer = _Writer(layer_sizes, activations, has_bias, frozen, loss, update, record_rms)
    source = writer.source()
    namespace = dict(_NAMESPACE)
    exec(compile(source, f"<scalar kernel {layer_sizes}>", "exec"), namespace)
    return namespace["run"]


class _Writer:
    """Writes the source of one scalar kernel."""

    def __init__(self, sizes, activations, has_bias, frozen, loss, update, record_rms):
        self.sizes, self.acts, self.bias = list(sizes), list(activations), has_bias
        self.frozen, self.loss, self.record = frozen, loss, record_rms
        self.kind, self.momentum, self.nesterov, self.decay = update
        self.lines: list[str] = []
        self.offsets, offset = [], 0
        for n_in, n_out in itertools.pairwise(sizes):
            self.offsets.append(offset)
            offset += (n_in + has_bias) * n_out
        self.n_params = offset

    # parameter indices --------------------------------------------------------------------
    def w(self, layer: int, j: int, k: int) -> int:
        """Flat index of the weight from unit j of layer ``layer - 1`` to unit k of ``layer``."""
        return self.offsets[layer - 1] + j * self.sizes[layer] + k

    def b(self, layer: int, k: int) -> int:
        return self.offsets[layer - 1] + self.sizes[layer - 1] * self.sizes[layer] + k

    def trainable(self) -> list[int]:
        idx = []
        for layer in range(1, len(self.sizes)):
            n_in, n_out = self.sizes[layer - 1], self.sizes[layer]
            idx += [self.w(layer, j, k) for j in range(n_in) for k in range(n_out)]
            if self.bias and not self.frozen:
                idx += [self.b(layer, k) for k in range(n_out)]
        return idx

    def emit(self, line: str, depth: int = 2) -> None:
        self.lines.append("    " * depth + line)

    # the function -------------------------------------------------------------------------
    def slot_prefixes(self) -> dict[str, str]:
        """The slots this update keeps, by the prefix of their variables (u1, s1, m1, v1)."""
        kind, momentum = self.kind, self.momentum
        found = {"u": "momentum_buffer"} if momentum and kind != "adam" else {}
        if kind == "rmsprop":
            found["s"] = "square_avg"
        if kind == "adam":
            found |= {"m": "exp_avg", "v": "exp_avg_sq"}
        return found

    def source(self) -> str:
        params = [f"p{i}" for i in range(self.n_params)]
        prefixes = self.slot_prefixes()
        self.lines.append(
            "def run(P, SL, X, T, start, count, lr, K, KS, ES, losses, rms, sqrt=sqrt):"
        )
        self.emit(f"{', '.join(params)}, = P", 1)
        for prefix, name in prefixes.items():
            values = ", ".join(f"{prefix}{i}" for i in range(self.n_params))
            self.emit(f"{values}, = SL[{name!r}]", 1)
        self.emit("nlr = -lr", 1)
        self.emit("mu, alpha, ca, eps, b1, b2, sig, c1_sig, wd, sig_wd = K", 1)
        self.emit("reason = ''", 1)
        self.emit("rows = len(X)", 1)
        if self.kind == "adam":  # each step's k and eps_t (`adam_step_sizes`)
            self.emit("for s, k, eps_t in zip(range(start, start + count), KS, ES):", 1)
        else:
            self.emit("for s in range(start, start + count):", 1)
        self.emit("r = s % rows")
        self.emit(f"{', '.join(self.names('a', 0))}, = X[r]")
        self.emit(f"{', '.join(f't{k}' for k in range(self.sizes[-1]))}, = T[r]")
        self.forward()
        self.loss_and_output_delta()
        self.hidden_deltas()
        self.update()
        self.emit(f"P[:] = [{', '.join(params)}]", 1)
        for prefix, name in prefixes.items():
            values = ", ".join(f"{prefix}{i}" for i in range(self.n_params))
            self.emit(f"SL[{name!r}][:] = [{values}]", 1)
        self.emit("return reason", 1)
        return "\n".join(self.lines) + "\n"

    def names(self, prefix: str, layer: int) -> list[str]:
        return [f"{prefix}{layer}_{k}" for k in range(self.sizes[layer])]

    def forward(self) -> None:
        for layer in range(1, len(self.sizes)):
            for k in range(self.sizes[layer]):
                terms = [f"a{layer - 1}_{j} * p{self.w(layer, j, k)}"
                         for j in range(self.sizes[layer - 1])]  # fmt: skip
                total = " + ".join(terms)
                if self.bias:
                    total = f"({total}) + p{self.b(layer, k)}"
                self.emit(f"z{layer}_{k} = {total}")
            self.activation(layer, self.acts[layer - 1])

    def activation(self, layer: int, name: str) -> None:
        for k in range(self.sizes[layer]):
            z, a = f"z{layer}_{k}", f"a{layer}_{k}"
            if name == "sigmoid":  # the reference's overflow-free form
                self.emit(f"e = exp(-abs({z}))")
                self.emit(f"{a} = 1.0 / (1.0 + e) if {z} >= 0.0 else e / (1.0 + e)")
            elif name == "tanh":
                self.emit(f"{a} = tanh({z})")
            elif name == "relu":  # NaN stays NaN, as np.maximum keeps it
                self.emit(f"{a} = 0.0 if {z} <= 0.0 else {z}")
            elif name == "leaky_relu":
                self.emit(f"{a} = {z} if {z} > 0.0 else {LEAKY_SLOPE!r} * {z}")
            elif name == "linear":
                self.emit(f"{a} = {z}")
        if name == "softmax":
            zs = self.names("z", layer)
            self.emit(f"m = max(({', '.join(zs)},))")
            for k, z in enumerate(zs):
                self.emit(f"e{k} = exp({z} - m)")
            self.emit(f"S = {' + '.join(f'e{k}' for k in range(len(zs)))}")
            for k in range(len(zs)):
                self.emit(f"a{layer}_{k} = e{k} / S")

    def loss_and_output_delta(self) -> None:
        L, m = len(self.sizes) - 1, self.sizes[-1]
        for k in range(m):
            self.emit(f"d{k} = a{L}_{k} - t{k}")
        squares = " + ".join(f"d{k} * d{k}" for k in range(m))
        out_act = self.acts[-1]
        if self.loss == "half_sse":
            self.emit(f"loss = 0.5 * ({squares})")
            das = [f"d{k}" for k in range(m)]
        elif self.loss == "mse":
            self.emit(f"loss = ({squares}) / {float(m)!r}")
            das = [f"{2.0 / m!r} * d{k}" for k in range(m)]
        else:
            self.cross_entropy_loss(L, m, out_act)
            das = None
        self.emit("if loss - loss != 0.0:")  # true only for inf and NaN
        self.emit("reason = LOSS_NOT_FINITE", 3)
        self.emit("break", 3)
        # Adam's gradients come scaled by sig = sqrt(1 - b2) (every one is linear in the
        # outputs' dE/dz): v then grows by q * q, one multiply less per parameter (`update_one`).
        scale = "sig * " if self.kind == "adam" else ""
        if das is None:  # cross-entropy: dE/dz = Y - Y_hat
            for k in range(m):
                self.emit(f"g{L}_{k} = {scale}d{k}")
        else:
            for k, da in enumerate(das):
                self.emit(f"da{L}_{k} = {scale}({da})" if scale else f"da{L}_{k} = {da}")
            self.slope(L, out_act)

    def cross_entropy_loss(self, L: int, m: int, out_act: str) -> None:
        if out_act == "softmax":
            self.emit(f"lse = log(S)")  # noqa: F541 - S is the softmax's sum of exp(z - max)
            terms = [f"t{k} * (z{L}_{k} - m - lse)" for k in range(m)]
            self.emit(f"loss = -({' + '.join(terms)})")
        else:
            terms = [f"t{k} * softplus(-z{L}_{k}) + (1.0 - t{k}) * softplus(z{L}_{k})"
                     for k in range(m)]  # fmt: skip
            self.emit(f"loss = {' + '.join(terms)}")

    def slope(self, layer: int, name: str) -> None:
        """dE/dz (named g{layer}_k) from dE/da (da{layer}_k)."""
        for k in range(self.sizes[layer]):
            da, z, a, g = f"da{layer}_{k}", f"z{layer}_{k}", f"a{layer}_{k}", f"g{layer}_{k}"
            if name == "sigmoid":
                self.emit(f"{g} = {da} * ({a} - {a} * {a})")
            elif name == "tanh":
                self.emit(f"{g} = {da} * (1.0 - {a} * {a})")
            elif name == "relu":
                self.emit(f"{g} = {da} * (1.0 if {z} > 0.0 else 0.0)")
            elif name == "leaky_relu":
                self.emit(f"{g} = {da} * (1.0 if {z} > 0.0 else {LEAKY_SLOPE!r})")
            elif name == "linear":
                self.emit(f"{g} = {da}")
        if name == "softmax":
            n = self.sizes[layer]
            self.emit(f"sd = {' + '.join(f'da{layer}_{k} * a{layer}_{k}' for k in range(n))}")
            for k in range(n):
                self.emit(f"g{layer}_{k} = a{layer}_{k} * (da{layer}_{k} - sd)")

    def hidden_deltas(self) -> None:
        for layer in range(len(self.sizes) - 2, 0, -1):
            for j in range(self.sizes[layer]):
                terms = [f"g{layer + 1}_{k} * p{self.w(layer + 1, j, k)}"
                         for k in range(self.sizes[layer + 1])]  # fmt: skip
                self.emit(f"da{layer}_{j} = {' + '.join(terms)}")
            self.slope(layer, self.acts[layer - 1])

    def gradient(self, index: int) -> str:
        """dE/dp for flat parameter ``index``: a_j * dE/dz_k, or dE/dz_k for a bias."""
        for layer in range(1, len(self.sizes)):
            n_in, n_out = self.sizes[layer - 1], self.sizes[layer]
            local = index - self.offsets[layer - 1]
            if 0 <= local < (n_in + self.bias) * n_out:
                j, k = divmod(local, n_out)
                return f"g{layer}_{k}" if j == n_in else f"a{layer - 1}_{j} * g{layer}_{k}"
        raise IndexError(index)

    def update(self) -> None:
        """`optimisers.update` on every trainable parameter, into new locals (kept only when
        every new parameter is finite)."""
        trainable = self.trainable()
        kind = self.kind
        for i in trainable:
            self.emit(f"q{i} = {self.gradient(i)}")
            g = f"q{i}"
            if self.decay:  # torch's weight decay: g + λ p (q stays dE/dp, for the RMS)
                self.emit(f"qd{i} = q{i} + {'sig_wd' if kind == 'adam' else 'wd'} * p{i}")
                g = f"qd{i}"
            self.update_one(i, g)
        in_place = kind == "adam"  # a failed step is replayed anyway (`update_one`)
        new = [f"{'p' if in_place else 'n'}{i}" for i in trainable]
        self.emit(f"check = {' + '.join(new)}")
        self.emit(f"if check - check != 0.0 and not all_finite(({', '.join(new)},)):")
        self.emit("reason = WEIGHT_NOT_FINITE", 3)
        self.emit("break", 3)
        if not in_place:
            for i in trainable:
                self.emit(f"p{i} = n{i}")
        self.emit("losses.append(loss)")
        if self.record:
            self.gradient_rms()

    def update_one(self, i: int, g: str) -> None:
        """Parameter i's new value n{i} from its gradient ``g``; its slots in place (a step
        that fails has changed them: the caller replays the run up to it, see
        `fast_training._run_scalar`)."""
        emit, kind = self.emit, self.kind
        if kind == "sgd" and not self.momentum:  # p <- p - lr g; the buffer is left as it is
            emit(f"n{i} = p{i} + nlr * {g}")
        elif kind == "sgd":  # torch's: b <- mu b + g; p <- p - lr b (or lr (g + mu b))
            emit(f"u{i} = mu * u{i} + {g}")
            step = f"({g} + mu * u{i})" if self.nesterov else f"u{i}"
            emit(f"n{i} = p{i} + nlr * {step}")
        elif kind == "rmsprop":  # v <- alpha v + (1 - alpha) g^2; c = g / (sqrt(v) + eps)
            emit(f"s{i} = alpha * s{i} + ca * ({g} * {g})")
            emit(f"c{i} = {g} / (sqrt(s{i}) + eps)")
            if self.momentum:  # b <- mu b + c; p <- p - lr b
                emit(f"u{i} = mu * u{i} + c{i}")
                emit(f"n{i} = p{i} + nlr * u{i}")
            else:
                emit(f"n{i} = p{i} + nlr * c{i}")
        else:  # Adam, with g = sig q: m <- b1 m + (1 - b1) q, v <- b2 v + (1 - b2) q^2, and
            # lr m / (1 - b1^t) / (sqrt(v / (1 - b2^t)) + eps) = k m / (sqrt(v) + eps_t)
            # (the parameter in place too: after a failed step the caller replays the run)
            m, v = f"(m{i} := b1 * m{i} + c1_sig * {g})", f"(v{i} := b2 * v{i} + {g} * {g})"
            emit(f"p{i} = p{i} - k * {m} / (sqrt({v}) + eps_t)")

    def gradient_rms(self) -> None:
        for layer in range(1, len(self.sizes)):
            n_in, n_out = self.sizes[layer - 1], self.sizes[layer]
            qs = [f"q{self.w(layer, j, k)}" for j in range(n_in) for k in range(n_out)]
            per_sig = " / sig" if self.kind == "adam" else ""  # Adam's q is sig dE/dw
            squares = " + ".join(f"{q} * {q}" for q in qs)
            self.emit(f"rms.append(sqrt(({squares}) / {len(qs)}.0){per_sig})")


def scalar_constants(settings) -> tuple:
    """The optimiser's numbers as a scalar kernel reads them (K); sig = sqrt(1 - b2) scales
    Adam's gradients."""
    s = settings
    sig = math.sqrt(1.0 - s.beta2)
    return (s.momentum, s.alpha, 1.0 - s.alpha, s.epsilon, s.beta1, s.beta2, sig,
            (1.0 - s.beta1) / sig, s.weight_decay, sig * s.weight_decay)  # fmt: skip
