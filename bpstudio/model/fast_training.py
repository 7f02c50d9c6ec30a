"""`Trainer.steps`: runs of steps on the fast kernels, booked into the trainer's history.

A run goes on across epoch ends when the data is not shuffled (the kernels wrap to row 0), so
a one-sample dataset such as the seed's costs one kernel call per many steps, not per step.
With shuffling, a run stops at the epoch's end: the next epoch's order is drawn first, exactly
as the reference step does.
"""

from __future__ import annotations

import itertools
import math
from time import perf_counter

import numpy as np

from bpstudio.model.fast_step import ArrayKernel
from bpstudio.model.scalar_step import scalar_kernel, scalar_kernel_fits

# Scalar runs check the deadline between chunks; the first is this long (64 seed steps: ~0.1 ms).
SCALAR_CHUNK = 64


class FastState:
    """A trainer's kernel, flat momentum buffer and epoch rows, rebuilt when the network changes."""

    def __init__(self, trainer) -> None:
        self.trainer = trainer
        self.kernel: ArrayKernel | None = None
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
        if kernel is None or not kernel.flat.same_shape(net):
            momentum = np.zeros(_flat_size(net), dtype=net.dtype)
        else:
            momentum = kernel.momentum
        self.kernel = ArrayKernel(net, trainer.loss, momentum)
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

    @property
    def momentum(self) -> np.ndarray:
        """The kernel's (it swaps buffers each step: never keep this array)."""
        return self.ready_kernel().momentum

    def momentum_views(self) -> list[np.ndarray]:
        return self.ready_kernel().flat.parameter_views(self.momentum)

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
            inputs, targets = inputs[trainer._order], targets[trainer._order]
        if as_lists:
            return inputs.tolist(), targets.tolist()
        net = trainer.network
        if net.use_bias:
            inputs = np.hstack([inputs, np.ones((len(inputs), 1))])
        as_array = np.ascontiguousarray
        return as_array(inputs, dtype=net.dtype), as_array(targets.T, dtype=net.dtype)

    # runs -----------------------------------------------------------------------------------
    def run_scalar(self, start: int, count: int, lr: float, mu: float, record: bool):
        trainer, net = self.trainer, self.trainer.network
        kernel = self.ready_kernel()
        run = scalar_kernel(
            tuple(net.layer_sizes),
            tuple(net.activations),
            net.use_bias,
            kernel.frozen,
            trainer.loss,
            bool(mu),
            record,
        )
        inputs, targets = self.epoch_rows(as_lists=True)
        params, momentum = kernel.flat.values.tolist(), kernel.momentum.tolist()
        losses: list[float] = []
        rms: list[list[float]] = []
        reason = run(params, momentum, inputs, targets, start, count, lr, mu, losses, rms)
        kernel.flat.values[:] = params
        kernel.momentum[:] = momentum
        n_matrices = len(net.layer_sizes) - 1
        return losses, [rms[i : i + n_matrices] for i in range(0, len(rms), n_matrices)], reason

    def run_arrays(self, start: int, count: int, lr: float, mu: float, record: bool, deadline):
        kernel = self.ready_kernel()
        inputs, targets = self.epoch_rows(as_lists=False)
        batch = self.trainer.batch_size
        reused = not self.rows_shuffled
        return kernel.run(inputs, targets, start, batch, count, lr, mu, record, deadline, reused)


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


def run_steps(trainer, max_steps, deadline, stop_at_epoch_end, gradient_rms):
    """See `Trainer.steps`.  Returns (steps taken, last loss, epoch finished, why it stopped)."""
    state: FastState = trainer._fast
    net, config = trainer.network, trainer.config
    lr, mu = float(config.learning_rate), float(config.momentum)
    record = trainer.record_gradient_rms
    scalar = scalar_kernel_fits(net.layer_sizes, trainer.batch_size, net.dtype)
    taken, last_loss, finished, reason = 0, math.nan, False, ""
    pace = _ChunkPace()
    with np.errstate(all="ignore"):  # overflow is looked for in the results, once per step
        while taken < max_steps and not reason:
            count = max_steps - taken
            if config.shuffle or stop_at_epoch_end:
                count = min(count, trainer.steps_left_in_epoch)
            start = trainer._position
            if scalar:
                chunk = count if deadline is None else min(count, pace.next_chunk(deadline))
                losses, rms, reason = state.run_scalar(start, chunk, lr, mu, record)
                pace.took(len(losses))
            else:
                losses, rms, reason = state.run_arrays(start, count, lr, mu, record, deadline)
            if losses:
                finished = trainer._record_run(losses)
                taken, last_loss = taken + len(losses), losses[-1]
            if record and rms:
                block = np.array(rms, dtype=np.float64)
                trainer.last_gradient_rms = block[-1]
                if gradient_rms is not None:
                    gradient_rms.append(block)
            if (finished and stop_at_epoch_end) or (deadline and perf_counter() >= deadline):
                break
    return taken, last_loss, finished, reason
