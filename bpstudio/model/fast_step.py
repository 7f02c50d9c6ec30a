"""The training hot path: forward, backward and SGD update with no allocation per step.

`Network.forward/backward` keep every z, a, dE/da and dE/dz for the walkthrough; training needs
none of that, and on small networks NumPy's per-call cost (about 1 µs a call here) outweighs
the arithmetic.  So the trainer keeps all parameters in ONE flat array (the network's weight
and bias arrays become views of it), computes into buffers made once per batch size, and
updates every parameter with a handful of whole-array calls.

Layout: layer by layer, a block of ``(n_in + 1) x n_out`` numbers: the weights, then (when the
network has biases) the biases as one more row.  With a column of ones after the inputs, one
matmul then gives ``a @ W + b``, and ``a_aug.T @ dE/dz`` gives dE/dW and dE/db together.

Matrix products use np.dot, not matmul: with ``out=`` on small arrays it costs half as much
per call here (0.8 against 1.5 µs).

Results agree with the reference path to rounding (summation order differs: 1e-15 relative),
which tests/model/test_fast_step.py checks over random networks.
"""

from __future__ import annotations

import math
from time import perf_counter

import numpy as np

from bpstudio.model.activations import LEAKY_SLOPE, softmax
from bpstudio.model.losses import log_softmax, softplus
from bpstudio.model.network import Network

LOSS_NOT_FINITE = "the loss"
WEIGHT_NOT_FINITE = "an updated weight"


class FlatParameters:
    """Every weight and bias of ``network`` in one array; the network's arrays are views of it."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self.has_bias = network.use_bias
        self.sizes = sizes = list(network.layer_sizes)
        pairs = zip(sizes, sizes[1:], strict=False)
        shapes = [(n_in + self.has_bias, n_out) for n_in, n_out in pairs]
        self.values = np.zeros(sum(r * c for r, c in shapes), dtype=network.dtype)
        self.blocks = _blocks_of(self.values, shapes)
        for i, block in enumerate(self.blocks):
            block[: sizes[i]] = network.weights[i]
            if self.has_bias:
                block[sizes[i]] = network.biases[i]
        self._views = self.attach(network)

    def attach(self, network: Network) -> list[np.ndarray]:
        """Make ``network``'s weights and biases views of the flat array."""
        sizes = network.layer_sizes
        network.weights = [block[: sizes[i]] for i, block in enumerate(self.blocks)]
        if self.has_bias:
            network.biases = [block[sizes[i]] for i, block in enumerate(self.blocks)]
        return network.parameters()

    def still_bound(self, network: Network) -> bool:
        """False when someone replaced the network or one of its arrays since `attach`."""
        if network is not self.network or network.use_bias != self.has_bias:
            return False
        current = network.parameters()
        return len(current) == len(self._views) and all(
            a is b for a, b in zip(current, self._views, strict=True)
        )

    def same_shape(self, network: Network) -> bool:
        return (
            network.layer_sizes == self.sizes
            and network.use_bias == self.has_bias
            and network.dtype == self.values.dtype
        )

    def parameter_views(self, flat: np.ndarray) -> list[np.ndarray]:
        """Views of another array of this layout, in `Network.parameters` order."""
        sizes = self.sizes
        shapes = [b.shape for b in self.blocks]
        blocks = _blocks_of(flat, shapes)
        views = [block[: sizes[i]] for i, block in enumerate(blocks)]
        if self.has_bias:
            views += [block[sizes[i]] for i, block in enumerate(blocks)]
        return views


def _blocks_of(flat: np.ndarray, shapes: list[tuple[int, int]]) -> list[np.ndarray]:
    blocks, offset = [], 0
    for rows, cols in shapes:
        blocks.append(flat[offset : offset + rows * cols].reshape(rows, cols))
        offset += rows * cols
    return blocks


def _nothing(*args) -> None:
    pass


# activations, in place ------------------------------------------------------------------------
def _sigmoid_into(z, out, scratch):
    # 1 / (1 + e^-z): e^-z may overflow to inf for z < -709, giving 0 (errstate covers it).
    np.negative(z, out=out)
    np.exp(out, out=out)
    out += 1.0
    np.divide(1.0, out, out=out)


def _leaky_into(z, out, scratch):
    np.multiply(z, LEAKY_SLOPE, out=scratch)
    np.maximum(z, scratch, out=out)  # max(z, 0.01 z) is z for z > 0, else 0.01 z


def _softmax_into(z, out, scratch):
    out[...] = softmax(z)


FORWARD_INTO = {
    "sigmoid": _sigmoid_into,
    "tanh": lambda z, out, scratch: np.tanh(z, out=out),
    "relu": lambda z, out, scratch: np.maximum(z, 0.0, out=out),
    "leaky_relu": _leaky_into,
    "linear": lambda z, out, scratch: np.copyto(out, z),
    "softmax": _softmax_into,
}


def _logistic_slope_into(da, z, a, out, scratch):  # sigmoid: a - a^2
    np.multiply(a, a, out=scratch)
    np.subtract(a, scratch, out=scratch)
    np.multiply(da, scratch, out=out)


def _tanh_slope_into(da, z, a, out, scratch):  # 1 - a^2
    np.multiply(a, a, out=scratch)
    np.subtract(1.0, scratch, out=scratch)
    np.multiply(da, scratch, out=out)


def _relu_slope_into(da, z, a, out, scratch):
    np.multiply(da, z > 0, out=out)


def _leaky_slope_into(da, z, a, out, scratch):
    np.multiply(da, np.where(z > 0, 1.0, LEAKY_SLOPE), out=out)


def _softmax_slope_into(da, z, a, out, scratch):
    out[...] = a * (da - np.sum(da * a, axis=-1, keepdims=True))


BACKWARD_INTO = {
    "sigmoid": _logistic_slope_into,
    "tanh": _tanh_slope_into,
    "relu": _relu_slope_into,
    "leaky_relu": _leaky_slope_into,
    "linear": lambda da, z, a, out, scratch: np.copyto(out, da),
    "softmax": _softmax_slope_into,
}


class _BatchBuffers:
    """Every intermediate array of one step at one batch size, made once."""

    def __init__(self, sizes: list[int], has_bias: bool, n: int, dtype, linear_out: bool) -> None:
        hidden = sizes[1:-1]
        self.inputs_of = [None] + [np.ones((n, k + has_bias), dtype) for k in hidden]
        self.z = [np.empty((n, k), dtype) for k in sizes[1:]]
        # A linear output layer's a is its z: one copy fewer per step.
        self.output = self.z[-1] if linear_out else np.empty((n, sizes[-1]), dtype)
        self.a = [buf[:, : sizes[i + 1]] for i, buf in enumerate(self.inputs_of[1:])]
        self.a.append(self.output)
        self.dE_da = [np.empty((n, k), dtype) for k in sizes[1:]]
        self.dE_dz = [np.empty((n, k), dtype) for k in sizes[1:]]
        self.scratch = [np.empty((n, k), dtype) for k in sizes[1:]]
        self.diff = np.empty((n, sizes[-1]), dtype)


class ArrayKernel:
    """Trains one network with NumPy whole-array calls into preallocated buffers."""

    def __init__(self, network: Network, loss: str, velocity: np.ndarray) -> None:
        self.flat = FlatParameters(network)
        self.loss = loss
        self.sizes = list(network.layer_sizes)
        self.activations = list(network.activations)
        self.frozen = network.freeze_biases and network.use_bias
        self.velocity = velocity
        if self.frozen:  # frozen biases never move, however much momentum they had before
            for view in self.flat.parameter_views(velocity)[len(self.sizes) - 1 :]:
                view.fill(0.0)
        values = self.flat.values
        self.grad = np.zeros_like(values)
        self.grad_blocks = _blocks_of(self.grad, [b.shape for b in self.flat.blocks])
        self.grad_w = [g[: self.sizes[i]] for i, g in enumerate(self.grad_blocks)]
        self.weights_t = [b[: self.sizes[i]].T for i, b in enumerate(self.flat.blocks)]
        self.candidate = np.empty_like(values)
        self.step_change = np.empty_like(values)
        self._buffers: dict[int, _BatchBuffers] = {}
        self._forward = [FORWARD_INTO[name] for name in self.activations]
        if self.activations[-1] == "linear":
            self._forward[-1] = _nothing
        self._backward = [BACKWARD_INTO[name] for name in self.activations]

    def buffers(self, n: int) -> _BatchBuffers:
        buffers = self._buffers.get(n)
        if buffers is None:
            dtype = self.flat.values.dtype
            linear_out = self.activations[-1] == "linear"
            buffers = _BatchBuffers(self.sizes, self.flat.has_bias, n, dtype, linear_out)
            self._buffers[n] = buffers
        return buffers

    # one step ---------------------------------------------------------------------------------
    def forward(self, inputs: np.ndarray, buf: _BatchBuffers) -> None:
        """``inputs`` has the column of ones already when the network has biases."""
        a = inputs
        blocks = self.flat.blocks
        last = len(blocks) - 1
        for i, block in enumerate(blocks):
            z = buf.z[i]
            np.dot(a, block, out=z)
            self._forward[i](z, buf.a[i], buf.scratch[i])
            a = buf.output if i == last else buf.inputs_of[i + 1]

    def output_error(self, targets: np.ndarray, buf: _BatchBuffers) -> tuple[float, float]:
        """The batch loss, and the factor ``c`` by which the output layer's dE/dz (left in
        ``buf``) must be multiplied to be the batch mean's: folding ``c`` into the learning
        rate saves a whole-array multiply per step."""
        n, m = targets.shape
        y, dz = buf.output, buf.dE_dz[-1]
        out_act = self.activations[-1]
        if self.loss == "cross_entropy":
            np.subtract(y, targets, out=dz)
            return _cross_entropy(buf.z[-1], targets, out_act) / n, 1.0 / n
        diff = dz if out_act == "linear" else buf.dE_da[-1]
        np.subtract(y, targets, out=diff)
        squares = float(np.vdot(diff, diff))
        if out_act != "linear":
            self._backward[-1](diff, buf.z[-1], y, dz, buf.scratch[-1])
        if self.loss == "half_sse":
            return 0.5 * squares / n, 1.0 / n
        return squares / (m * n), 2.0 / (m * n)

    def backward(self, inputs: np.ndarray, buf: _BatchBuffers) -> None:
        """dE/dW and dE/db (batch means) into `grad`, from the output layer's dE/dz."""
        sizes = self.sizes
        for i in range(len(self.flat.blocks) - 1, -1, -1):
            a_in = inputs if i == 0 else buf.inputs_of[i]
            dz = buf.dE_dz[i]
            if self.frozen:  # bias rows of `grad` stay zero, so frozen biases never move
                np.dot(a_in[:, : sizes[i]].T, dz, out=self.grad_w[i])
            else:
                np.dot(a_in.T, dz, out=self.grad_blocks[i])
            if i:
                da = buf.dE_da[i - 1]
                np.dot(dz, self.weights_t[i], out=da)
                self._backward[i - 1](da, buf.z[i - 1], buf.a[i - 1], buf.dE_dz[i - 1],
                                      buf.scratch[i - 1])  # fmt: skip

    def gradient_rms(self, scale: float) -> list[float]:
        return [scale * math.sqrt(float(np.vdot(g, g)) / g.size) for g in self.grad_w]

    def update(self, learning_rate: float, momentum: float) -> bool:
        """v = mu v - lr g; p += v (the reference's arithmetic); False, and nothing changed,
        on a non-finite.  ``learning_rate`` has the gradient's scale folded in."""
        change, grad = self.step_change, self.grad
        if momentum:
            np.multiply(self.velocity, momentum, out=change)
            np.multiply(grad, learning_rate, out=grad)
            np.subtract(change, grad, out=change)
        else:
            np.multiply(grad, -learning_rate, out=change)
        values, candidate = self.flat.values, self.candidate
        np.add(values, change, out=candidate)
        if not _all_finite(candidate):
            return False
        np.copyto(values, candidate)
        # The change is the new velocity (as the reference: v = -lr g even without momentum):
        # swap the buffers instead of copying.
        self.velocity, self.step_change = change, self.velocity
        return True

    # a run of steps -----------------------------------------------------------------------------
    def run(self, inputs, targets, start, batch, count, lr, mu, record_rms, deadline=None):
        """Up to ``count`` steps on batches of rows from ``start`` on (an epoch's last batch is
        short, the next starts at row 0); stops at a non-finite or once past ``deadline``.

        Returns (losses, gradient-RMS rows, why it stopped or "")."""
        losses, rms_rows = [], []
        n_rows = len(inputs)
        for _ in range(count):
            if deadline is not None and losses and perf_counter() >= deadline:
                break
            stop = min(start + batch, n_rows)
            x, t = inputs[start:stop], targets[start:stop]
            start = stop if stop < n_rows else 0
            buf = self.buffers(len(x))
            self.forward(x, buf)
            loss, scale = self.output_error(t, buf)
            if not math.isfinite(loss):
                return losses, rms_rows, LOSS_NOT_FINITE
            self.backward(x, buf)
            if record_rms:
                rms = self.gradient_rms(scale)
            if not self.update(lr * scale, mu):
                return losses, rms_rows, WEIGHT_NOT_FINITE
            losses.append(loss)
            if record_rms:
                rms_rows.append(rms)
        return losses, rms_rows, ""


def _all_finite(values: np.ndarray) -> bool:
    # One reduction instead of isfinite().all(): a sum is finite only if every term is; a
    # non-finite sum of finite numbers (overflow) falls through to the exact test.
    total = float(np.add.reduce(values))
    return math.isfinite(total) or bool(np.isfinite(values).all())


def _cross_entropy(z_out: np.ndarray, targets: np.ndarray, activation: str) -> float:
    if activation == "softmax":
        return float(-np.sum(targets * log_softmax(z_out)))
    return float(np.sum(targets * softplus(-z_out) + (1.0 - targets) * softplus(z_out)))
