"""The training hot path: forward, backward and SGD update with no allocation per step.

`Network.forward/backward` keep every z, a, dE/da and dE/dz for the walkthrough; training needs
none of that, and on small networks NumPy's per-call cost (about 1 µs a call here) outweighs
the arithmetic.  So the trainer keeps all parameters in ONE flat array (the network's weight
and bias arrays become views of it), computes into buffers made once per batch size, and
updates every parameter with a handful of whole-array calls.

Parameters: layer by layer, a block of ``(n_in + 1) x n_out`` numbers: the weights, then (when
the network has biases) the biases as one more row.  The gradient and the optimiser's slots
(`FlatSlots`) are flat arrays of the same layout.  The update is `optimisers.update` (SGD with
momentum or Nesterov, RMSprop, Adam; weight decay), written out as whole-array calls.

Activations are held transposed, one row per unit and one column per sample, with a row of
ones under each layer's units when the network has biases: every layer's activations are then
one contiguous block (elementwise calls run on contiguous memory, a product writes its result
straight into the block the next layer reads), and one product gives ``W^T a + b`` and one
gives dE/dW and dE/db together.

The step of each network shape is written out as straight-line Python (every NumPy call
spelled out with its buffers, no loop over layers, no lookups), compiled once per shape, as
scalar_step.py does for the smallest networks.  Work saved besides:

- for plain SGD, the learning rate and the loss's scale multiply the output layer's dE/dz
  (a few numbers), not the gradient (every parameter): the products give ``-lr g`` directly;
  with momentum the products give ``g``, which becomes the buffer ``mu b + g`` by swapping two
  arrays (no copy); the other optimisers write their new slots into spare arrays, swapped in
  when the step is kept (a step that fails changes nothing);
- the update is one in-place add, after one BLAS dot over the change: with every parameter
  finite and the sum of the squared changes finite, ``p + v`` cannot overflow, so there is
  nothing to check afterwards and no candidate copy (otherwise the sum is made aside and
  checked element by element, and kept only if finite);
- the slopes of consecutive hidden layers with the same activation come from one pair of calls
  over their stacked rows; ReLU's as booleans (``a > 0`` is ``z > 0``);
- small unshuffled data gets contiguous copies of its batches (the first product runs faster
  on them than on a transposed view); constants are arrays on small operands.

Matrix products use np.dot: with ``out=`` on small arrays it costs half as much per call as
matmul.  Results agree with the reference path to rounding (summation order differs: 1e-15
relative), which tests/model/test_fast_step.py checks over random networks.
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache
from time import perf_counter
from typing import Any

import numpy as np

from bpstudio.model.activations import LEAKY_SLOPE
from bpstudio.model.losses import softplus
from bpstudio.model.network import Network
from bpstudio.model.optimisers import adam_step_sizes

LOSS_NOT_FINITE = "the loss"
WEIGHT_NOT_FINITE = "an updated weight"


class FlatParameters:
    """Every weight and bias of ``network`` in one array; the network's arrays are views of it."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self.has_bias = network.use_bias
        self.sizes = sizes = list(network.layer_sizes)
        pairs = itertools.pairwise(sizes)
        self.shapes = shapes = [(n_in + self.has_bias, n_out) for n_in, n_out in pairs]
        self.values: np.ndarray = np.zeros(sum(r * c for r, c in shapes), dtype=network.dtype)
        self.blocks = _blocks_of(self.values, shapes)
        for i, block in enumerate(self.blocks):
            block[: sizes[i]] = network.weights[i]
            if network.biases is not None:  # self.has_bias
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
        blocks = _blocks_of(flat, self.shapes)
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


def _all_finite(values: np.ndarray) -> bool:
    # A sum of squares is finite only if every term is (squares cannot cancel an inf); one that
    # overflows from finite numbers falls through to the exact test.
    return math.isfinite(np.vdot(values, values)) or bool(np.isfinite(values).all())


# An Adam run's longest (its step sizes are lists of this length); the trainer goes on.
ADAM_RUN = 4096

# Contiguous copies of the batches (a transposed copy of the data) for data up to this size:
# the first layer's product runs 15% faster on them than on a transposed view.
COPY_BATCHES_UP_TO = 32 * 2**20  # bytes


def _views_of(X, Tt, start: int, batch: int, n_in: int, copy: bool) -> tuple:
    """The batch from row ``start``: where it stops, its inputs (a column per sample), the same
    without the row of ones, its targets (a column per sample); contiguous copies if ``copy``."""
    stop = min(start + batch, len(X))
    x, t = X[start:stop].T, Tt[:, start:stop]
    if copy:
        x, t = np.ascontiguousarray(x), np.ascontiguousarray(t)
    return stop, x, x[:n_in], t


# NumPy's call costs less with an array of the operand's shape than with a number (0.5 against
# 0.9-1.4 µs on small arrays here); on large arrays the number is cheaper (no second stream).
SMALL_CONSTANT = 4096  # elements: up to this size constants are arrays


def _constant(value: float, shape: tuple[int, int], dtype) -> float | np.ndarray:
    return np.full(shape, value, dtype) if shape[0] * shape[1] <= SMALL_CONSTANT else value


def _constant_like(a: np.ndarray, value: float) -> float | np.ndarray:
    return _constant(value, a.shape, a.dtype)


def _sigmoid_cross_entropy(z: np.ndarray, targets: np.ndarray) -> float:
    return float(np.sum(targets * softplus(-z) + (1.0 - targets) * softplus(z)))


class FlatSlots:
    """The optimiser's slots of every parameter (torch's names), each one flat array in
    `FlatParameters`' layout, with the optimiser's kind and step count: the state the kernels
    update and the reference step reads.  A kernel may swap an entry of ``arrays`` for
    another array of the same layout (never keep one across runs)."""

    def __init__(self, size: int, dtype, kind: str = "sgd") -> None:
        self.size, self.dtype = size, np.dtype(dtype)
        self.arrays: dict[str, np.ndarray] = {}
        self.reset(kind)

    def reset(self, kind: str) -> None:
        """Zero slots and step 0 for optimiser ``kind`` (a new optimiser)."""
        self.kind, self.step = kind, 0
        self.arrays = {name: np.zeros(self.size, self.dtype) for name in SLOTS_KEPT[kind]}

    def same_layout(self, size: int, dtype) -> bool:
        return size == self.size and np.dtype(dtype) == self.dtype


# The slots each kind keeps in `FlatSlots` (SGD's momentum buffer also for RMSprop's momentum).
SLOTS_KEPT = {
    "sgd": ("momentum_buffer",),
    "rmsprop": ("momentum_buffer", "square_avg"),
    "adam": ("momentum_buffer", "exp_avg", "exp_avg_sq"),
}


def update_key(settings) -> tuple:
    """What the generated update depends on: the kind, and which terms are there."""
    momentum = settings.kind != "adam" and settings.momentum != 0.0
    nesterov = settings.kind == "sgd" and settings.nesterov and momentum
    return (settings.kind, momentum, nesterov, settings.weight_decay != 0.0)


class ArrayKernel:
    """Trains one network with NumPy whole-array calls into preallocated buffers."""

    def __init__(self, network: Network, loss: str, slots: FlatSlots) -> None:
        self.flat = flat = FlatParameters(network)
        self.loss = loss
        self.sizes = list(network.layer_sizes)
        self.activations = list(network.activations)
        self.frozen = network.freeze_biases and network.use_bias
        self.slots = slots
        self.grad = np.zeros_like(flat.values)
        self.scratch = np.empty_like(flat.values)  # mu * b; -lr * b; candidate parameters
        self.spares: dict[str, np.ndarray] = {}  # a spare array per slot: its next values
        # Adam's gradient and its square side by side, [G | G^2], and its moments side by side,
        # [m | v] (and a spare), so that one call updates both moments (`_Layout.emit_update`).
        size = flat.values.size
        self.pair = np.zeros(2 * size, flat.values.dtype)
        self.pair_grad, self.pair_square = self.pair[:size], self.pair[size:]
        self._moments: list[tuple] | None = None
        self.forget_frozen_slots()
        self.layout = _Layout(self.sizes, self.activations, flat.has_bias, self.frozen, loss)
        self._buffers: dict[int, tuple] = {}
        self._sets: dict[int, tuple] = {}
        self._views: dict[int, tuple] = {}  # batch start -> the batch's views of the data
        self._views_of: tuple = ()  # the data and batch size they are of

    def forget_frozen_slots(self) -> None:
        """Frozen biases never move, whatever slots they had before."""
        if self.frozen:
            for array in self.slots.arrays.values():
                for view in self.flat.parameter_views(array)[len(self.sizes) - 1 :]:
                    view.fill(0.0)

    @property
    def trainable(self) -> np.ndarray:
        """1.0 for each trainable parameter, 0.0 for frozen biases (flat layout)."""
        mask = np.ones_like(self.flat.values)
        if self.frozen:
            for view in self.flat.parameter_views(mask)[len(self.sizes) - 1 :]:
                view.fill(0.0)
        return mask

    def buffers(self, n: int) -> tuple:
        buffers = self._buffers.get(n)
        if buffers is None:
            buffers = self._buffers[n] = self.layout.buffers(n, self.flat.values.dtype)
        return buffers

    def _parameter_set(self, flat: np.ndarray) -> tuple:
        views = self._sets.get(id(flat))
        if views is None or views[0] is not flat:
            views = self._sets[id(flat)] = self.layout.parameter_set(flat, self.flat.shapes)
        return views

    def _gradient_set(self, flat: np.ndarray) -> tuple:
        views = self._sets.get(id(flat))
        if views is None or views[0] is not flat:
            views = self._sets[id(flat)] = self.layout.gradient_set(flat, self.flat.shapes)
        return views

    def _moment_pairs(self) -> list[tuple]:
        """Adam's [m | v] and a spare, each with its two halves: the slots' arrays are the
        halves of the first (copied in when the slots were replaced, as after a reset)."""
        arrays, size = self.slots.arrays, self.flat.values.size
        pairs = self._moments
        if (
            pairs is None
            or pairs[0][1] is not arrays["exp_avg"]
            or (pairs[0][2] is not arrays["exp_avg_sq"])
        ):
            both = np.concatenate([arrays["exp_avg"], arrays["exp_avg_sq"]])
            spare = np.zeros_like(both)
            pairs = [(both, both[:size], both[size:]), (spare, spare[:size], spare[size:])]
            arrays["exp_avg"], arrays["exp_avg_sq"] = pairs[0][1], pairs[0][2]
        return pairs

    def _spare(self, name: str) -> np.ndarray:
        spare = self.spares.get(name)
        if spare is None or spare.shape != self.flat.values.shape:
            spare = self.spares[name] = np.zeros_like(self.flat.values)
        return spare

    def run(self, inputs, targets_t, start, batch, count, lr, settings, record_rms,
            deadline=None, reused=False):  # fmt: skip
        """Up to ``count`` steps of ``settings``' optimiser on batches of rows from ``start`` on
        (an epoch's last batch is short, the next starts at row 0); stops at a non-finite or
        once past ``deadline``.

        ``inputs`` has a row per sample (and the column of ones when the network has biases);
        ``targets_t`` a row per output unit (a column per sample).  ``reused``: the same arrays
        will come back for later epochs (not shuffled), so contiguous copies of small data's
        batches pay off.

        Returns (losses, gradient-RMS rows, why it stopped or "")."""
        key = update_key(settings)
        run = _compiled_run(self.layout.key, key, bool(record_rms))
        if key[0] == "adam":
            count = min(count, ADAM_RUN)
        flat = self.flat
        losses: list[float] = []
        rms_rows: list[list[float]] = []
        seen = self._views_of
        if not seen or seen[0] is not inputs or seen[1] is not targets_t or seen[2] != batch:
            self._views.clear()
            copy = reused and inputs.nbytes + targets_t.nbytes <= COPY_BATCHES_UP_TO
            self._views_of = (inputs, targets_t, batch, copy)
        names = _slot_names(key)
        arrays = self.slots.arrays
        adam = key[0] == "adam"
        if key[:2] == ("sgd", True) and not key[2]:  # classical momentum: the buffer swaps
            slots: list = [self._gradient_set(arrays["momentum_buffer"])]
        elif adam:
            slots = self._moment_pairs()
        else:
            slots = [a for name in names for a in (arrays[name], self._spare(name))]
        reason, grad, slots = run(
            self.buffers,
            self._views,
            self._views_of[3],
            self._parameter_set(flat.values),
            self._gradient_set(self.pair_grad if adam else self.grad),
            slots,
            self.scratch,
            inputs,
            targets_t,
            start,
            batch,
            count,
            self._constants(key, settings, lr, count),
            self.slots.step,
            losses,
            rms_rows,
            deadline,
        )
        if adam:
            self._moments = slots
            arrays["exp_avg"], arrays["exp_avg_sq"] = slots[0][1], slots[0][2]
        else:
            self.grad = grad
        for i, name in enumerate(names):
            if key[:2] == ("sgd", True) and not key[2]:
                arrays[name] = slots[0][0]
            elif not adam:
                arrays[name], self.spares[name] = slots[2 * i], slots[2 * i + 1]
        self.slots.step += len(losses)
        return losses, rms_rows, reason

    def _constants(self, key: tuple, settings, lr: float, count: int) -> dict[str, Any]:
        """The numbers the update multiplies by: arrays of the flat layout when small (see
        `SMALL_CONSTANT`), Python floats for those that change every step (Adam's)."""
        kind, _, _, decay = key
        shape, dtype = (self.flat.values.size, 1), self.flat.values.dtype

        def constant(value: float):
            made = _constant(value, shape, dtype)
            return made.reshape(-1) if isinstance(made, np.ndarray) else made

        # The products give G = scale x dE/dp (`_Layout.source`): -lr for plain SGD, sig for
        # RMSprop (sqrt(1 - alpha)) and Adam (sqrt(1 - beta2)): then v grows by G^2.
        s = settings
        sig = math.sqrt(1.0 - (s.alpha if kind == "rmsprop" else s.beta2))
        plain = kind == "sgd" and not key[1]
        scale = sig if kind != "sgd" else -lr if plain else 1.0
        k: dict[str, Any] = {"NLR": constant(-lr), "lr": lr, "scale": scale}
        if decay:  # g + λ p on trainable parameters, times the scale of G
            k["WD"] = self.trainable * (s.weight_decay * scale)
        if kind in ("sgd", "rmsprop"):
            k["MU"] = constant(s.momentum)
        if kind == "rmsprop":  # g / (sqrt(v) + eps) = (1 / sig) G / (sqrt(v) + eps)
            k["ALPHA"], k["EPS"] = constant(s.alpha), constant(s.epsilon)
            k["IS"], k["NLRS"] = constant(1.0 / sig), constant(-lr / sig)
        if kind == "adam":  # [m | v] <- [b1 m | b2 v] + [(1 - b1) / sig G | G^2]
            n = self.flat.values.size
            k["BB"] = np.repeat(np.array([s.beta1, s.beta2], dtype), n)
            k["KX"] = np.repeat(np.array([(1.0 - s.beta1) / sig, 1.0], dtype), n)
            k["GQ"], k["Q"] = self.pair, self.pair_square
            k["AA"], k["EE"] = np.empty(n, dtype), np.empty(n, dtype)
            k["beta1"], k["beta2"], k["c1_sig"] = s.beta1, s.beta2, (1.0 - s.beta1) / sig
            k["KS"], k["ES"] = adam_step_sizes(s, lr, self.slots.step + 1, count)
        return k


def _slot_names(key: tuple) -> tuple[str, ...]:
    """The slots a generated update reads and writes, in its argument order."""
    kind, momentum, _nesterov, _ = key
    if kind == "sgd":
        return ("momentum_buffer",) if momentum else ()
    if kind == "rmsprop":
        return ("square_avg", "momentum_buffer") if momentum else ("square_avg",)
    return ("exp_avg", "exp_avg_sq")


# the step, written out per network shape ----------------------------------------------------
_NAMESPACE = {
    "np": np,
    "dot": np.dot,
    "vdot": np.vdot,
    "add": np.add,
    "subtract": np.subtract,
    "multiply": np.multiply,
    "divide": np.divide,
    "negative": np.negative,
    "maximum": np.maximum,
    "greater": np.greater,
    "exp": np.exp,
    "square_root": np.sqrt,
    "log": np.log,
    "tanh": np.tanh,
    "max_reduce": np.maximum.reduce,
    "add_reduce": np.add.reduce,
    "isfinite": math.isfinite,
    "sqrt": math.sqrt,
    "perf_counter": perf_counter,
    "all_finite": _all_finite,
    "constant_like": _constant_like,
    "views_of": _views_of,
    "sigmoid_cross_entropy": _sigmoid_cross_entropy,
    "LEAKY": LEAKY_SLOPE,
    "LOSS_NOT_FINITE": LOSS_NOT_FINITE,
    "WEIGHT_NOT_FINITE": WEIGHT_NOT_FINITE,
}


@lru_cache(maxsize=64)
def _compiled_run(key: tuple, update: tuple, record_rms: bool):
    source = _Layout(*key).source(update, record_rms)
    namespace = dict(_NAMESPACE)
    exec(compile(source, f"<array kernel {key[0]}>", "exec"), namespace)
    return namespace["run"]


class _Layout:
    """The buffers of one network shape and the source of its step.

    Layers: block ``i`` (0-based) takes layer ``i`` (``sizes[i]`` units, the inputs for i = 0)
    to layer ``i + 1``; hidden layers are ``h = 1 .. L - 1``, the output layer ``L``.  Buffers
    (one column per sample): ``H`` stacks every hidden layer's activations, each with its row of
    ones (``A{h}``: augmented, ``a{h}``: the units); ``S`` their slopes (``SB``: as booleans, for
    ReLU: ``a > 0``); ``d{h}`` dE/da, then dE/dz in place; ``Y`` the outputs, ``Z`` the output
    layer's z when the loss needs it, ``D`` the output layer's dE/dz times -(learning rate) x
    (the loss's scale); ``ZR`` zeros, for ReLU (``maximum`` with an array of zeros takes half
    the time it takes with the number 0.0); ``one_{tag}``, ``leak_{tag}`` and ``nil_{tag}`` the
    constants 1, 0.01 and 0 for the activations of hidden layer ``h{h}``, slope group ``g{j}``
    and the outputs ``Y``: arrays of their shape when small (see `SMALL_CONSTANT`)."""

    def __init__(self, sizes, activations, has_bias, frozen, loss) -> None:
        self.key = (tuple(sizes), tuple(activations), bool(has_bias), bool(frozen), loss)
        self.sizes, self.acts = list(sizes), list(activations)
        self.bias, self.frozen, self.loss = int(bool(has_bias)), bool(frozen), loss
        self.L = L = len(sizes) - 1
        self.offsets, row = {}, 0
        for h in range(1, L):
            self.offsets[h] = row
            row += sizes[h] + self.bias
        self.h_rows = row
        self.out_act = activations[-1]
        hidden = set(activations[:-1])
        self.has_slopes = bool(hidden & {"sigmoid", "tanh", "leaky_relu"})
        self.has_relu = "relu" in hidden
        relu_rows = [sizes[h] for h in range(1, L) if activations[h - 1] == "relu"]
        if activations[-1] == "relu":
            relu_rows.append(sizes[-1])
        self.zero_rows = max(relu_rows, default=0)
        # runs of consecutive hidden layers with the same (non-linear) activation
        self.groups: list[tuple[str, int, int]] = []
        for h in range(1, L):
            act = activations[h - 1]
            if act == "linear":
                continue
            if self.groups and self.groups[-1][0] == act and self.groups[-1][2] == h - 1:
                self.groups[-1] = (act, self.groups[-1][1], h)
            else:
                self.groups.append((act, h, h))
        self.keep_z = loss == "cross_entropy"
        self.out_scratch = loss != "cross_entropy" and self.out_act != "linear"
        self.softmax = self.out_act == "softmax"

    # buffers ----------------------------------------------------------------------------------
    def buffer_names(self) -> list[str]:
        names = ["H", "S", "SB", "ZR", "ZRY"]
        for h in range(1, self.L):
            names += [f"A{h}", f"a{h}", f"s{h}", f"zr{h}", f"d{h}", f"dT{h}"]
        names += [f"Hg{j}" for j in range(len(self.groups))]
        names += [f"Sg{j}" for j in range(len(self.groups))]
        names += [f"{c}_{tag}" for tag in self.constant_tags() for c in ("one", "leak", "nil")]
        return [*names, "Y", "Z", "D", "DT", "O", "cm", "cs", "E"]

    def constant_tags(self) -> list[str]:
        tags = [f"h{h}" for h in range(1, self.L)]
        return tags + [f"g{j}" for j in range(len(self.groups))] + ["Y"]

    def buffers(self, n: int, dtype) -> tuple:
        sizes, b, m = self.sizes, self.bias, self.sizes[-1]
        H = np.ones((self.h_rows, n), dtype)  # the rows of ones stay ones
        S = np.zeros((self.h_rows, n), dtype) if self.has_slopes else None
        SB = np.zeros((self.h_rows, n), bool) if self.has_relu else None
        ZR = np.zeros((self.zero_rows, n), dtype) if self.zero_rows else None
        # name -> buffer, as the generated kernel's arguments are named (None: not used)
        found: dict[str, Any] = {
            "H": H,
            "S": S,
            "SB": SB,
            "ZR": ZR,
            "ZRY": ZR if ZR is None else ZR[:m],
        }
        for h in range(1, self.L):
            row, k = self.offsets[h], sizes[h]
            relu = self.acts[h - 1] == "relu"
            found[f"A{h}"] = H[row : row + k + b]
            found[f"a{h}"] = H[row : row + k]
            slopes = SB if relu else S
            found[f"s{h}"] = None if slopes is None else slopes[row : row + k]
            found[f"zr{h}"] = ZR[:k] if relu and ZR is not None else None
            found[f"d{h}"] = d = np.zeros((k, n), dtype)
            found[f"dT{h}"] = d.T
        for j, (act, first, last) in enumerate(self.groups):
            rows = slice(self.offsets[first], self.offsets[last] + sizes[last])
            slopes = SB if act == "relu" else S
            found[f"Hg{j}"] = H[rows]
            found[f"Sg{j}"] = None if slopes is None else slopes[rows]
        shapes = {f"h{h}": found[f"a{h}"].shape for h in range(1, self.L)}
        shapes.update({f"g{j}": found[f"Hg{j}"].shape for j in range(len(self.groups))})
        shapes["Y"] = (m, n)
        for tag, shape in shapes.items():
            for name, value in (("one", 1.0), ("leak", LEAKY_SLOPE), ("nil", 0.0)):
                found[f"{name}_{tag}"] = _constant(value, shape, dtype)
        found["Y"] = np.zeros((m, n), dtype)
        found["Z"] = np.zeros((m, n), dtype) if self.keep_z else found["Y"]
        found["D"] = np.zeros((m, n), dtype)
        found["DT"] = found["D"].T
        found["O"] = np.zeros((m, n), dtype) if self.out_scratch else None
        found["cm"] = np.zeros(n, dtype) if self.softmax else None
        found["cs"] = np.zeros(n, dtype) if self.softmax else None
        found["E"] = np.zeros((m, n), dtype) if self.softmax else None
        return tuple(found[name] for name in self.buffer_names())

    def parameter_set_names(self) -> list[str]:
        names = ["P"] + [f"W{i}t" for i in range(self.L)]
        return names + [f"W{i}w" for i in range(1, self.L)]

    def parameter_set(self, flat: np.ndarray, shapes) -> tuple:
        blocks = _blocks_of(flat, shapes)
        return (
            flat,
            *(w.T for w in blocks),
            *(blocks[i][: self.sizes[i]] for i in range(1, self.L)),
        )

    def gradient_set_names(self) -> list[str]:
        return ["G"] + [f"G{i}" for i in range(self.L)] + [f"Gw{i}" for i in range(self.L)]

    def gradient_set(self, flat: np.ndarray, shapes) -> tuple:
        blocks = _blocks_of(flat, shapes)
        return (flat, *blocks, *(blocks[i][: self.sizes[i]] for i in range(self.L)))

    # source -----------------------------------------------------------------------------------
    def source(self, update: tuple, record_rms: bool) -> str:
        """The step's source for optimiser ``update`` (`update_key`)."""
        kind, momentum, nesterov, decay = update
        plain = kind == "sgd" and not momentum  # the products give -lr g
        swapped = kind == "sgd" and momentum and not nesterov  # the buffer swaps with G
        self.lines: list[str] = []
        emit = self.emit
        L, sizes = self.L, self.sizes
        emit("def run(buffers, views, copy, params, grad, slots, C, X, Tt, start, batch, count,", 0)
        emit("        K, t, losses, rms_rows, deadline):", 0)
        emit("reason = ''", 1)
        emit("nlr = -K['lr']", 1)
        emit("step_scale = K['scale']", 1)  # G is step_scale x dE/dp (`ArrayKernel._constants`)
        for name in sorted(k for k in self.constants(update)):
            emit(f"{name} = K[{name!r}]", 1)
        names = self.slot_variables(update)
        if swapped:
            emit("vel = slots[0]", 1)
        elif kind == "adam":
            emit("(MV, M, V), (MV_, M_, V_) = slots", 1)
        elif names:
            emit(f"{', '.join(names)}, = slots", 1)
        emit(f"{', '.join(self.parameter_set_names())}, = params", 1)
        emit("P_finite = all_finite(P)", 1)
        emit("n_rows = len(X)", 1)
        emit("n = -1", 1)
        emit("for step in range(count):", 1)
        emit("if deadline is not None and step and perf_counter() >= deadline:")
        emit("break", 3)
        emit("batch_views = views.get(start)")
        emit("if batch_views is None:")
        emit(f"batch_views = views[start] = views_of(X, Tt, start, batch, {sizes[0]}, copy)", 3)
        emit("stop, x, xw, t_ = batch_views")
        emit("if stop - start != n:")
        emit("n = stop - start", 3)
        emit(f"{', '.join(self.buffer_names())}, = buffers(n)", 3)
        self.emit_scales()
        emit("start = stop if stop < n_rows else 0")
        emit("# forward")
        for i in range(L):
            source = "x" if i == 0 else f"A{i}"
            target = f"a{i + 1}" if i < L - 1 else "Z"
            emit(f"dot(W{i}t, {source}, out={target})")
            if i < L - 1:
                self.emit_activation(self.acts[i], f"a{i + 1}", f"s{i + 1}", f"zr{i + 1}",
                                     f"h{i + 1}")  # fmt: skip
        self.emit_output()
        emit("# slopes of the hidden layers")
        for j, (act, _, _) in enumerate(self.groups):
            self.emit_slope(act, f"Hg{j}", f"Sg{j}", f"g{j}")
        emit("# backward: dE/dW and dE/db (times -lr for plain SGD), dE/da of the layer below")
        emit(f"{', '.join(self.gradient_set_names())}, = grad")
        for i in range(L - 1, -1, -1):
            delta, delta_t = ("D", "DT") if i == L - 1 else (f"d{i + 1}", f"dT{i + 1}")
            if self.frozen:  # the bias rows of the gradient stay zero
                source = "xw" if i == 0 else f"a{i}"
                emit(f"dot({source}, {delta_t}, out=Gw{i})")
            else:
                source = "x" if i == 0 else f"A{i}"
                emit(f"dot({source}, {delta_t}, out=G{i})")
            if i:
                emit(f"dot(W{i}w, {delta}, out=d{i})")
                if self.acts[i - 1] != "linear":
                    emit(f"multiply(d{i}, s{i}, out=d{i})")
        if record_rms:
            per = " / abs(step_scale)" if plain or kind != "sgd" else ""  # G is scale x g
            terms = [f"sqrt(float(vdot(Gw{i}, Gw{i})) / {sizes[i] * sizes[i + 1]}.0){per}"
                     for i in range(L)]  # fmt: skip
            emit(f"rms = [{', '.join(terms)}]")
        if decay:  # torch's weight decay: g + λ p (WD is λ, or -lr λ when G is -lr g)
            emit("multiply(P, WD, out=C)")
            emit("add(G, C, out=G)")
        change = self.emit_update(update)
        # With every p finite and the sum of the squared changes finite (every |c| < 1.8e19
        # in float32), p + c cannot overflow (it would take |c| > ulp(max float) / 2 = 1e31):
        # update in place.  Otherwise try the sum aside and keep it only if it is finite.
        emit(f"if P_finite and isfinite(vdot({change}, {change})):")
        emit(f"add(P, {change}, out=P)", 3)
        emit("else:")
        emit(f"add(P, {change}, out=C)", 3)
        emit("if not all_finite(C):", 3)
        emit("reason = WEIGHT_NOT_FINITE", 4)
        emit("break", 4)
        emit("P[...] = C", 3)
        emit("P_finite = True", 3)
        if swapped:
            emit("grad, vel = vel, grad")
        for a, b in zip(names[::2], names[1::2], strict=True):  # the new slots are kept
            emit(f"{a}, {b} = {b}, {a}")
        if kind == "adam":
            emit("MV, MV_, M, M_, V, V_ = MV_, MV, M_, M, V_, V")
        emit("losses.append(loss)")
        if record_rms:
            emit("rms_rows.append(rms)")
        if swapped:
            emit("return reason, grad[0], [vel]", 1)
        elif kind == "adam":
            emit("return reason, grad[0], [(MV, M, V), (MV_, M_, V_)]", 1)
        else:
            emit(f"return reason, grad[0], [{', '.join(names)}]", 1)
        return "\n".join(self.lines) + "\n"

    @staticmethod
    def constants(update: tuple) -> set[str]:
        """The names of `ArrayKernel._constants` that ``update``'s source reads."""
        kind, momentum, _, decay = update
        names = {"WD"} if decay else set()
        if kind == "sgd" and momentum:
            names |= {"MU", "NLR"}
        elif kind == "rmsprop" and momentum:
            names |= {"ALPHA", "EPS", "IS", "MU", "NLR"}
        elif kind == "rmsprop":
            names |= {"ALPHA", "EPS", "NLRS"}
        elif kind == "adam":
            names |= {"BB", "KX", "GQ", "Q", "AA", "EE", "KS", "ES", "beta1", "beta2", "c1_sig"}
        return names

    @staticmethod
    def slot_variables(update: tuple) -> list[str]:
        """Each slot's array and its spare (the next values), as the source names them."""
        kind, momentum, nesterov, _ = update
        if kind == "sgd":
            return ["B", "B_next"] if nesterov else []
        if kind == "rmsprop":
            return ["SQ", "SQ_next"] + (["B", "B_next"] if momentum else [])
        return []  # Adam's moments side by side: MV, M, V and the spare MV_, M_, V_

    def emit_update(self, update: tuple) -> str:
        """The optimiser's update from the gradient G into the change (returned: its name),
        the new slots into their spares (`optimisers.update`'s rules)."""
        kind, momentum, nesterov, _ = update
        emit = self.emit
        if kind == "sgd" and not momentum:  # G is -lr g already (SD); the buffer stays
            emit("# update: p += -lr g")
            return "G"
        if kind == "sgd" and not nesterov:  # torch's: b = mu b + g (in G: it becomes b)
            emit("# update: b = mu b + g; p += -lr b")
            emit("multiply(vel[0], MU, out=C)")
            emit("add(G, C, out=G)")
            emit("multiply(G, NLR, out=C)")
            return "C"
        if kind == "sgd":
            emit("# update (Nesterov): b = mu b + g; p += -lr (g + mu b)")
            emit("multiply(B, MU, out=B_next)")
            emit("add(B_next, G, out=B_next)")
            emit("multiply(B_next, MU, out=C)")
            emit("add(C, G, out=C)")
            emit("multiply(C, NLR, out=C)")
            return "C"
        if kind == "rmsprop":  # G = sig g, sig = sqrt(1 - alpha): v = alpha v + G^2
            emit("# update (RMSprop): v = alpha v + (1 - alpha) g^2; c = g / (sqrt(v) + eps)")
            emit("multiply(SQ, ALPHA, out=SQ_next)")
            emit("multiply(G, G, out=C)")
            emit("add(SQ_next, C, out=SQ_next)")
            emit("square_root(SQ_next, out=C)")
            emit("add(C, EPS, out=C)")
            emit("divide(G, C, out=C)")
            if momentum:  # c = (1 / sig) G / (sqrt(v) + eps); b = mu b + c; p += -lr b
                emit("multiply(C, IS, out=C)")
                emit("multiply(B, MU, out=B_next)")
                emit("add(B_next, C, out=B_next)")
                emit("multiply(B_next, NLR, out=C)")
            else:  # -lr c = (-lr / sig) G / (sqrt(v) + eps)
                emit("multiply(C, NLRS, out=C)")
            return "C"
        # Adam, G = sig g with sig = sqrt(1 - beta2); GQ = [G | Q] and MV = [m | v] side by side
        emit("# update (Adam): [m | v] = [b1 m + (1 - b1) g | b2 v + (1 - b2) g^2];")
        emit("# p += -k_t m / (sqrt(v) + eps_t)  (`optimisers.adam_step_sizes`)")
        small = self.flat_size() <= SMALL_CONSTANT
        if small:  # two calls on [m | v] instead of four on m and v (calls cost most here)
            emit("multiply(G, G, out=Q)")
            emit("multiply(GQ, KX, out=GQ)")
            emit("multiply(MV, BB, out=MV_)")
            emit("add(MV_, GQ, out=MV_)")
        else:  # large: fewer passes over memory (constant arrays and [G | G^2] cost passes)
            emit("multiply(M, beta1, out=M_)")
            emit("multiply(G, c1_sig, out=C)")
            emit("add(M_, C, out=M_)")
            emit("multiply(V, beta2, out=V_)")
            emit("multiply(G, G, out=C)")
            emit("add(V_, C, out=V_)")
        emit("square_root(V_, out=C)")
        if small:
            emit("EE.fill(ES[step])")
            emit("AA.fill(-KS[step])")
        emit(f"add(C, {'EE' if small else 'ES[step]'}, out=C)")
        emit("divide(M_, C, out=C)")
        emit(f"multiply(C, {'AA' if small else '-KS[step]'}, out=C)")
        return "C"

    def flat_size(self) -> int:
        sizes, b = self.sizes, self.bias
        return sum((a + b) * c for a, c in itertools.pairwise(sizes))

    def emit(self, line: str, depth: int = 2) -> None:
        self.lines.append("    " * depth + line)

    def emit_scales(self) -> None:
        """KL: the loss per sum of squares (or of cross-entropy terms); SD: dE/dz's factor
        (times -lr without momentum)."""
        m = self.sizes[-1]
        if self.loss == "mse":
            self.emit(f"KL = 1.0 / ({m} * n)", 3)
            self.emit(f"SD = constant_like(D, step_scale * (2.0 / ({m} * n)))", 3)
        else:
            self.emit(f"KL = {0.5 if self.loss == 'half_sse' else 1.0} / n", 3)
            self.emit("SD = constant_like(D, step_scale * (1.0 / n))", 3)

    def emit_activation(self, act: str, a: str, scratch: str, zeros: str, tag: str) -> None:
        """``act`` of the z in ``a``, in place (``scratch``: an array like ``a``; ``tag``: of
        the constants for ``a``)."""
        emit = self.emit
        if act == "sigmoid":  # 1 / (1 + e^-z): e^-z may overflow to inf, giving 0
            emit(f"negative({a}, out={a})")
            emit(f"exp({a}, out={a})")
            emit(f"add({a}, one_{tag}, out={a})")
            emit(f"divide(one_{tag}, {a}, out={a})")
        elif act == "tanh":
            emit(f"tanh({a}, out={a})")
        elif act == "relu":
            emit(f"maximum({a}, {zeros}, out={a})")
        elif act == "leaky_relu":  # max(z, 0.01 z) is z for z > 0, else 0.01 z
            emit(f"multiply({a}, leak_{tag}, out={scratch})")
            emit(f"maximum({a}, {scratch}, out={a})")
        elif act == "softmax":  # by column (sample), shifted by its maximum
            emit(f"max_reduce({a}, axis=0, out=cm)")
            emit(f"subtract({a}, cm, out={a})")
            emit(f"exp({a}, out={a})")
            emit(f"add_reduce({a}, axis=0, out=cs)")
            emit(f"divide({a}, cs, out={a})")

    def emit_slope(self, act: str, a: str, s: str, tag: str) -> None:
        """da/dz into ``s``, from the activations ``a`` (a > 0 exactly when z > 0)."""
        emit = self.emit
        if act == "sigmoid":  # a - a^2
            emit(f"multiply({a}, {a}, out={s})")
            emit(f"subtract({a}, {s}, out={s})")
        elif act == "tanh":  # 1 - a^2
            emit(f"multiply({a}, {a}, out={s})")
            emit(f"subtract(one_{tag}, {s}, out={s})")
        elif act == "relu":  # into booleans for hidden layers (a float multiplies them fast)
            emit(f"greater({a}, nil_{tag}, out={s})")
        elif act == "leaky_relu":  # 1 or 0.01
            emit(f"greater({a}, nil_{tag}, out={s})")
            emit(f"maximum({s}, leak_{tag}, out={s})")

    def emit_output(self) -> None:
        """The loss (stop if it is not finite) and D = dE/dz of the outputs times s."""
        emit, act = self.emit, self.out_act
        emit("# the loss and the output layer's dE/dz")
        if self.loss == "cross_entropy":
            if act == "softmax":  # log_softmax = z - max - log(sum(e^(z - max)))
                emit("max_reduce(Z, axis=0, out=cm)")
                emit("subtract(Z, cm, out=E)")
                emit("exp(E, out=Y)")
                emit("add_reduce(Y, axis=0, out=cs)")
                emit("divide(Y, cs, out=Y)")
                emit("log(cs, out=cs)")
                emit("subtract(E, cs, out=E)")
                emit("loss = -KL * float(vdot(t_, E))")
            else:  # sigmoid
                emit("negative(Z, out=Y)")
                emit("exp(Y, out=Y)")
                emit("add(Y, one_Y, out=Y)")
                emit("divide(one_Y, Y, out=Y)")
                emit("loss = KL * sigmoid_cross_entropy(Z, t_)")
        else:
            self.emit_activation(act, "Y", "D", "ZRY", "Y")
        emit("subtract(Y, t_, out=D)")
        if self.loss != "cross_entropy":
            emit("loss = KL * float(vdot(D, D))")
        emit("if not isfinite(loss):")
        emit("reason = LOSS_NOT_FINITE", 3)
        emit("break", 3)
        emit("multiply(D, SD, out=D)")
        if self.loss == "cross_entropy" or act == "linear":
            return  # cross-entropy: dE/dz = Y - Y_hat
        if act == "softmax":  # a (dE/da - sum(dE/da a))
            emit("multiply(D, Y, out=O)")
            emit("add_reduce(O, axis=0, out=cs)")
            emit("subtract(D, cs, out=D)")
            emit("multiply(D, Y, out=D)")
        else:
            self.emit_slope(act, "Y", "O", "Y")
            emit("multiply(D, O, out=D)")
