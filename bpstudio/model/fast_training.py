"""The kernels behind `Trainer.steps`: one seam (`Kernel`), the reference and the generated.

`ReferenceKernel` is the step written plainly (`Network.forward/backward`, then
`optimisers.update` on every trainable parameter): the core everybody reads and everything is
checked against.  `GeneratedKernel` runs code generated per network shape and optimiser:
scalar_step.py's plain-float code for tiny networks one sample at a time, fast_step.py's
whole-array NumPy code otherwise; tests/model/test_fast_step.py checks it against the reference.

Both work on one `KernelState` (the network's parameters bound to one flat array, the
optimiser's slots as flat arrays, the epoch's rows), and see the trainer only through its
public surface: network, loss, dataset, config, batch_size, position, epoch_order,
steps_left_in_epoch, next_batch, record_run and the gradient-RMS switch.

A generated run goes on across epoch ends when the data is not shuffled (the kernels wrap to
row 0), so a one-sample dataset such as the seed's costs one kernel call per many steps, not
per step.  With shuffling, a run stops at the epoch's end: the next epoch's order is drawn
first, exactly as the reference does.
"""

from __future__ import annotations

import itertools
import math
from time import perf_counter
from typing import Protocol

import numpy as np

from bpstudio.model.fast_step import (
    LOSS_NOT_FINITE,
    WEIGHT_NOT_FINITE,
    ArrayKernel,
    FlatSlots,
    update_key,
)
from bpstudio.model.optimisers import adam_step_sizes, update
from bpstudio.model.scalar_step import (
    scalar_constants,
    scalar_kernel,
    scalar_kernel_fits,
)

# Scalar runs check the deadline between chunks; the first is this long (64 seed steps: ~0.1 ms).
SCALAR_CHUNK = 64
# A scalar run's longest: Adam's step sizes are lists of this length (no gain beyond it).
SCALAR_RUN = 4096

# What a kernel's run returns: (steps taken, the last step's loss, whether the last step
# finished an epoch, why it stopped early: "" or what was not finite).
KernelRun = tuple[int, float, bool, str]


class Kernel(Protocol):
    """Takes up to ``max_steps`` steps of ``trainer`` on ``state``; books each into the
    trainer (`Trainer.record_run`); stops early past ``deadline`` (at least one step is
    taken), at an epoch's end if asked, or at a non-finite (changing nothing of that step)."""

    def run(self, trainer, state: KernelState, max_steps: int, deadline: float | None,
            stop_at_epoch_end: bool, gradient_rms: list | None) -> KernelRun: ...  # fmt: skip


def weight_gradient_rms(weight_gradients: list[np.ndarray]) -> np.ndarray:
    """The root-mean-square of each layer's dE/dW: one number per weight matrix."""
    return np.array([np.sqrt(np.vdot(g, g) / g.size) for g in weight_gradients])


class KernelState:
    """A trainer's flat parameters, optimiser slots and epoch rows, rebuilt when the network
    changes shape (the slots then start from zero)."""

    def __init__(self, trainer, kind: str) -> None:
        self.trainer = trainer
        self.kernel: ArrayKernel | None = None
        self.slots: FlatSlots | None = None
        self.kind = kind
        self.rows_shuffled = False
        self._rows: dict = {}
        self._rows_source: tuple[np.ndarray, np.ndarray] | None = None
        self.ready_kernel()

    def ready_kernel(self) -> ArrayKernel:
        """The kernel bound to the trainer's network now (rebound if anyone replaced arrays)."""
        trainer, kernel = self.trainer, self.kernel
        net = trainer.network
        if kernel is not None and self._kernel_fits(kernel):
            return kernel
        size = _flat_size(net)
        if self.slots is None or not self.slots.same_layout(size, net.dtype):
            self.slots = FlatSlots(size, net.dtype, self.kind)
        self.kernel = ArrayKernel(net, trainer.loss, self.slots)
        self.forget_epoch_rows()  # the ones column and dtype may differ now
        return self.kernel

    def _kernel_fits(self, kernel: ArrayKernel) -> bool:
        net = self.trainer.network
        return (
            kernel.flat.still_bound(net)
            and kernel.activations == net.activations
            and kernel.frozen == (net.freeze_biases and net.use_bias)
            and kernel.loss == self.trainer.loss
        )

    def reset_slots(self, kind: str) -> None:
        """Zero slots and step 0 for optimiser ``kind`` (a new optimiser)."""
        self.kind = kind
        self.ready_kernel()
        assert self.slots is not None
        self.slots.reset(kind)

    def slot_views(self, name: str) -> list[np.ndarray] | None:
        """Slot ``name``'s per-parameter views (`Network.parameters` order), or None when the
        optimiser keeps no such slot.  Views of arrays a run may swap: never keep them."""
        kernel = self.ready_kernel()
        assert self.slots is not None
        array = self.slots.arrays.get(name)
        return None if array is None else kernel.flat.parameter_views(array)

    # the data in this epoch's order ---------------------------------------------------------
    def forget_epoch_rows(self) -> None:
        self._rows.clear()

    def epoch_rows(self, as_lists: bool):
        """Inputs and targets in the epoch's order: lists of floats (a row per sample), or
        arrays of the network's dtype: the inputs a row per sample, with a column of ones after
        them when the network has biases, the targets transposed (a row per output unit)."""
        trainer = self.trainer
        data = trainer.dataset
        if self._rows_source != (data.inputs, data.targets):  # identity: a new dataset
            self._rows.clear()
            self._rows_source = (data.inputs, data.targets)
        rows = self._rows.get(as_lists)
        if rows is None:
            rows = self._rows[as_lists] = self._make_rows(as_lists)
        return rows

    def _make_rows(self, as_lists: bool):
        trainer = self.trainer
        inputs, targets = trainer.dataset.inputs, trainer.dataset.targets
        self.rows_shuffled = bool(trainer.config.shuffle)
        if self.rows_shuffled:
            order = trainer.epoch_order
            inputs, targets = inputs[order], targets[order]
        if as_lists:
            return inputs.tolist(), targets.tolist()
        net = trainer.network
        if net.use_bias:
            inputs = np.hstack([inputs, np.ones((len(inputs), 1))])
        as_array = np.ascontiguousarray
        return as_array(inputs, dtype=net.dtype), as_array(targets.T, dtype=net.dtype)


def _flat_size(net) -> int:
    sizes, bias = net.layer_sizes, net.use_bias
    return sum((a + bias) * b for a, b in itertools.pairwise(sizes))


class _ChunkPace:
    """How many scalar steps to run before looking at the deadline again.  Each chunk costs a
    conversion of the parameters to and from lists, about as much as ten seed steps, so chunks
    grow: after a first SCALAR_CHUNK, each takes half the time left (measured per step), so a
    0.1 s run takes about a dozen chunks instead of 1,500 and still ends near its deadline."""

    def __init__(self) -> None:
        self.started = perf_counter()
        self.steps = 0

    def next_chunk(self, deadline: float) -> int:
        if not self.steps:
            return SCALAR_CHUNK
        per_step = (perf_counter() - self.started) / self.steps
        return max(SCALAR_CHUNK, int((deadline - perf_counter()) / 2 / max(per_step, 1e-9)))

    def took(self, steps: int) -> None:
        self.steps += steps


# the reference ----------------------------------------------------------------------------------
class ReferenceKernel:
    """The step written plainly, one step at a time: what the generated kernels match."""

    def run(self, trainer, state, max_steps, deadline, stop_at_epoch_end, gradient_rms):
        taken, last_loss, finished = 0, math.nan, False
        while taken < max_steps:
            if deadline is not None and taken and perf_counter() >= deadline:
                break
            loss, rms, reason = self.step(trainer, state, trainer.next_batch())
            if reason:
                return taken, last_loss, finished, reason
            finished = trainer.record_run([loss])
            taken, last_loss = taken + 1, loss
            if rms is not None:
                trainer.last_gradient_rms = rms
                if gradient_rms is not None:
                    gradient_rms.append(rms[np.newaxis])
            if finished and stop_at_epoch_end:
                break
        return taken, last_loss, finished, ""

    @staticmethod
    def step(trainer, state: KernelState, samples: np.ndarray):
        """One step on ``samples``: (loss, gradient RMS or None, why it failed or "")."""
        state.ready_kernel()  # the network's arrays are the flat array's views
        net = trainer.network
        inputs, targets = trainer.dataset.inputs[samples], trainer.dataset.targets[samples]
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            trace = net.forward(inputs)
            loss = float(np.mean(net.per_sample_loss(trace, targets, trainer.loss)))
            if not np.isfinite(loss):
                return loss, None, LOSS_NOT_FINITE
            grads = net.backward(trace, targets, trainer.loss)
            updated = _updated(trainer, state, grads.parameter_gradients())
        if updated is None:
            return loss, None, WEIGHT_NOT_FINITE
        slots = state.slots
        assert slots is not None
        views = {name: state.slot_views(name) for name in slots.arrays}
        params = net.parameters()
        for i, p_new, new_slots in updated:
            params[i][...] = p_new  # in place: the views of the flat array
            for name, slot_views in views.items():
                slot_views[i][...] = new_slots[name]  # type: ignore[index]
        slots.step += 1
        rms = weight_gradient_rms(grads.dW) if trainer.record_gradient_rms else None
        return loss, rms, ""


def _updated(trainer, state: KernelState, gradients: list[np.ndarray]):
    """`optimisers.update` on every trainable parameter: (index, new value, new slots) each,
    or None if a new value is not finite."""
    net, config = trainer.network, trainer.config
    settings, lr = config.optimiser, config.learning_rate
    slots = state.slots
    assert slots is not None
    views = {name: state.slot_views(name) for name in slots.arrays}
    n_trainable = len(net.weights) if net.freeze_biases else len(gradients)
    out = []
    for i, (p, g) in enumerate(zip(net.parameters()[:n_trainable], gradients, strict=False)):
        current = {name: v[i] for name, v in views.items() if v is not None}
        p_new, new_slots = update(p, g, current | {"step": slots.step}, settings, lr)
        if not np.isfinite(p_new).all():
            return None
        out.append((i, p_new, new_slots))
    return out


# the generated kernels ----------------------------------------------------------------------------
class GeneratedKernel:
    """Runs of steps on the generated code: scalar_step.py or fast_step.py."""

    def run(self, trainer, state, max_steps, deadline, stop_at_epoch_end, gradient_rms):
        net, config = trainer.network, trainer.config
        settings, lr = config.optimiser, float(config.learning_rate)
        record = trainer.record_gradient_rms
        scalar = scalar_kernel_fits(net.layer_sizes, trainer.batch_size, net.dtype)
        taken, last_loss, finished, reason = 0, math.nan, False, ""
        pace = _ChunkPace()
        with np.errstate(all="ignore"):  # overflow is looked for in the results, once per step
            while taken < max_steps and not reason:
                count = max_steps - taken
                if config.shuffle or stop_at_epoch_end:
                    count = min(count, trainer.steps_left_in_epoch)
                start = trainer.position
                if scalar:
                    chunk = count if deadline is None else min(count, pace.next_chunk(deadline))
                    chunk = min(chunk, SCALAR_RUN)
                    losses, rms, reason = _run_scalar(trainer, state, start, chunk, settings,
                                                      lr, record)  # fmt: skip
                    pace.took(len(losses))
                else:
                    losses, rms, reason = _run_arrays(trainer, state, start, count, settings,
                                                      lr, record, deadline)  # fmt: skip
                if losses:
                    finished = trainer.record_run(losses)
                    taken, last_loss = taken + len(losses), losses[-1]
                if record and rms:
                    block = np.array(rms, dtype=np.float64)
                    trainer.last_gradient_rms = block[-1]
                    if gradient_rms is not None:
                        gradient_rms.append(block)
                if (finished and stop_at_epoch_end) or (deadline and perf_counter() >= deadline):
                    break
        return taken, last_loss, finished, reason


def _run_scalar(trainer, state: KernelState, start, count, settings, lr, record):
    net = trainer.network
    kernel = state.ready_kernel()
    slots = state.slots
    assert slots is not None
    key = update_key(settings)
    run = scalar_kernel(tuple(net.layer_sizes), tuple(net.activations), net.use_bias,
                        kernel.frozen, trainer.loss, key, record)  # fmt: skip
    inputs, targets = state.epoch_rows(as_lists=True)
    params = kernel.flat.values.tolist()
    lists = {name: array.tolist() for name, array in slots.arrays.items()}
    constants = scalar_constants(settings)
    sizes: tuple[list[float], list[float]] = ([], [])
    if settings.kind == "adam":
        sizes = adam_step_sizes(settings, lr, slots.step + 1, count)
    losses: list[float] = []
    rms: list[float] = []
    reason = run(params, lists, inputs, targets, start, count, lr, constants, *sizes, losses,
                 rms)  # fmt: skip
    if reason:  # the slots (Adam's parameters too) are the failed step's: replay up to the
        params = kernel.flat.values.tolist()  # step before, from the run's start
        lists = {name: array.tolist() for name, array in slots.arrays.items()}
        if losses:
            run(params, lists, inputs, targets, start, len(losses), lr, constants, *sizes, [], [])
    kernel.flat.values[:] = params
    for name, values in lists.items():
        slots.arrays[name][:] = values
    slots.step += len(losses)
    n_matrices = len(net.layer_sizes) - 1
    return losses, [rms[i : i + n_matrices] for i in range(0, len(rms), n_matrices)], reason


def _run_arrays(trainer, state: KernelState, start, count, settings, lr, record, deadline):
    kernel = state.ready_kernel()
    inputs, targets = state.epoch_rows(as_lists=False)
    reused = not state.rows_shuffled
    return kernel.run(inputs, targets, start, trainer.batch_size, count, lr, settings, record,
                      deadline, reused)  # fmt: skip


REFERENCE = ReferenceKernel()
GENERATED = GeneratedKernel()
