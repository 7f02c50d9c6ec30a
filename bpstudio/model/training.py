"""Stochastic gradient descent with momentum: online, mini-batch or full batch.

One *step* is one optimiser update on one batch.  With batch size 1 and no shuffling, step ``s``
uses sample ``s mod n``, so a run can be followed by hand.  The loss recorded for a step is the
batch loss before its update; an epoch's loss is the mean of its step losses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from bpstudio.model import fast_training
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.history import LossHistory
from bpstudio.model.losses import get_loss
from bpstudio.model.network import Network
from bpstudio.model.optimiser_state import EpochState, OptimiserState


class DivergenceError(ArithmeticError):
    """A step produced a non-finite loss or weight.  The network is left as before that step."""

    def __init__(self, step: int, what: str) -> None:
        super().__init__(
            f"training diverged at step {step}: {what} is not finite; "
            "the weights are kept as they were before this step (try a smaller learning rate)"
        )
        self.step = step


@dataclass(frozen=True)
class TrainingConfig:
    learning_rate: float = 0.5
    momentum: float = 0.0
    batch_size: int = 1
    shuffle: bool = False
    seed: int = 0

    def __post_init__(self) -> None:
        if not (np.isfinite(self.learning_rate) and self.learning_rate > 0):
            raise ValueError(f"learning rate must be a positive number, got {self.learning_rate}")
        if not (0.0 <= self.momentum < 1.0):
            raise ValueError(f"momentum must be in [0, 1), got {self.momentum}")
        if int(self.batch_size) < 1:
            raise ValueError(f"batch size must be at least 1, got {self.batch_size}")

    def with_changes(self, **changes) -> TrainingConfig:
        return replace(self, **changes)


@dataclass(frozen=True)
class StepResult:
    step: int  # the number of the step just taken (0-based)
    loss: float  # batch loss before the update
    samples: np.ndarray  # which samples formed the batch
    epoch_finished: bool


@dataclass(frozen=True)
class StepRun:
    """What `Trainer.steps` did."""

    taken: int
    last_loss: float  # NaN when no step was taken
    epoch_finished: bool  # the last step finished an epoch


def starts_fresh_epoch(before: TrainingConfig, after: TrainingConfig) -> bool:
    """Whether a change of settings starts a fresh epoch order (the learning rate and the
    momentum are values the next step simply uses)."""
    return (before.batch_size, before.shuffle, before.seed) != (
        after.batch_size,
        after.shuffle,
        after.seed,
    )


def momentum_update(p, g, b, lr: float, mu: float):
    """THE update rule, torch.optim.SGD's: the momentum buffer ``b <- mu b + dE/dw``, then
    ``w <- w - lr b``; without momentum ``w <- w - lr dE/dw`` and the buffer is left as it is
    (torch keeps it too).  Returns (new parameter, new buffer).  The kernels (fast_step.py,
    scalar_step.py) write this out per shape; the walkthrough's 七 shows it with its numbers."""
    if not mu:
        return p - lr * g, b
    b_new = mu * b + g
    return p - lr * b_new, b_new


def weight_gradient_rms(weight_gradients: list[np.ndarray]) -> np.ndarray:
    """The root-mean-square of each layer's dE/dW: one number per weight matrix."""
    return np.array([np.sqrt(np.vdot(g, g) / g.size) for g in weight_gradients])


class Trainer:
    """Owns the optimiser state of one network on one dataset; the network is updated in place."""

    # Off by default: the gradient-size plot switches it on; the cost is one dot per layer.
    record_gradient_rms = False
    # The fast kernels (fast_step.py, scalar_step.py); False: the plain reference step.
    use_fast_path = True
    last_gradient_rms: np.ndarray | None = None  # of the last successful step, when recorded

    def __init__(
        self,
        network: Network,
        dataset: Dataset,
        loss: str,
        config: TrainingConfig | None = None,
        history: LossHistory | None = None,
        step: int = 0,
        state: OptimiserState | None = None,
    ) -> None:
        """``state``: where an earlier trainer stopped (`optimiser_state`), to continue exactly;
        None starts from zero buffers and a fresh epoch."""
        dataset.check_fits(network.layer_sizes)
        get_loss(loss).check_output_activation(network.output_activation)
        self.network = network
        self.dataset = dataset
        self.loss = loss
        self.config = config or TrainingConfig()
        self.history = history if history is not None else LossHistory()
        self.step_count = step
        self.epoch_count = len(self.history.epochs)
        self._fast = fast_training.FastState(self)
        self._order = np.arange(dataset.n_samples)
        self._position = 0
        self._epoch_loss_sum = 0.0
        self._epoch_steps = 0
        self._rng = np.random.default_rng(self.config.seed)
        self._start_epoch()
        if state is not None:
            self._restore(state)

    # the optimiser's state -----------------------------------------------------------------
    def optimiser_state(self) -> OptimiserState:
        """Everything the next steps depend on besides the weights and the settings (copies)."""
        order = tuple(self._order.tolist()) if self.config.shuffle else None
        epoch = EpochState(order, self._position, self._epoch_loss_sum, self._epoch_steps)
        buffers = [b.copy() for b in self.momentum_buffers]
        return OptimiserState.of(buffers, epoch, dict(self._rng.bit_generator.state))

    def _restore(self, state: OptimiserState) -> None:
        shapes = [p.shape for p in self.network.parameters()]
        if not state.fits(shapes):
            raise ValueError(f"the optimiser state does not fit this network ({shapes})")
        for buffer, saved in zip(self.momentum_buffers, state.momentum, strict=True):
            buffer[...] = saved
        if state.rng is not None:
            self._rng = np.random.Generator(np.random.PCG64())
            self._rng.bit_generator.state = state.rng
            if state.epoch is None:
                self._start_epoch()  # drawn from the saved generator, not the seed
        epoch = state.epoch
        if epoch is None:
            return
        n = self.dataset.n_samples
        if epoch.position >= n or (epoch.order is not None and len(epoch.order) != n):
            raise ValueError(f"the saved epoch does not fit {n} training rows")
        if self.config.shuffle and epoch.order is not None:
            self._order = np.array(epoch.order, dtype=np.intp)
            self._fast.forget_epoch_rows()
        self._position = epoch.position
        self._epoch_loss_sum, self._epoch_steps = epoch.loss_sum, epoch.steps

    # configuration -----------------------------------------------------------------------
    def set_config(self, config: TrainingConfig) -> None:
        """Change the settings between steps.  The learning rate and the momentum keep the
        state; a change of batch size, shuffle or seed starts a fresh epoch order (from the
        seed), as `starts_fresh_epoch` says."""
        fresh = starts_fresh_epoch(self.config, config)
        self.config = config
        if fresh:
            self.start_fresh_epoch()

    def start_fresh_epoch(self) -> None:
        """A new epoch order drawn from the seed, from its first batch; the momentum stays."""
        self._rng = np.random.default_rng(self.config.seed)
        self._epoch_loss_sum, self._epoch_steps = 0.0, 0
        self._start_epoch()

    @property
    def momentum_buffers(self) -> list[np.ndarray]:
        """The momentum buffers (torch's ``momentum_buffer``), views in `Network.parameters` order
        of the fast path's flat array."""
        return self._fast.momentum_views()

    # batches -----------------------------------------------------------------------------
    @property
    def batch_size(self) -> int:
        return min(int(self.config.batch_size), self.dataset.n_samples)

    @property
    def steps_per_epoch(self) -> int:
        return -(-self.dataset.n_samples // self.batch_size)

    def next_batch(self) -> np.ndarray:
        """The indices of the samples the next step will use."""
        return self._order[self._position : self._position + self.batch_size]

    @property
    def steps_left_in_epoch(self) -> int:
        return -(-(self.dataset.n_samples - self._position) // self.batch_size)

    def _start_epoch(self) -> None:
        self._position = 0
        if self.config.shuffle:
            self._order = self._rng.permutation(self.dataset.n_samples)
            self._fast.forget_epoch_rows()
        elif len(self._order) != self.dataset.n_samples or self._fast.rows_shuffled:
            self._order = np.arange(self.dataset.n_samples)
            self._fast.forget_epoch_rows()

    # stepping ----------------------------------------------------------------------------
    def step(self) -> StepResult:
        """One optimiser update.  Raises DivergenceError and changes nothing on a non-finite."""
        samples = self.next_batch()
        if not self.use_fast_path:
            return self._reference_step(samples)
        run = self.steps(1)
        return StepResult(self.step_count - 1, run.last_loss, samples, run.epoch_finished)

    def steps(
        self,
        max_steps: int,
        deadline: float | None = None,
        stop_at_epoch_end: bool = False,
        gradient_rms: list[np.ndarray] | None = None,
    ) -> StepRun:
        """Up to ``max_steps`` steps on the fast path; stop early once ``perf_counter()`` passes
        ``deadline`` (at least one step is taken) or, if asked, when an epoch ends.

        With `record_gradient_rms`, each step's per-layer gradient RMS goes to ``gradient_rms``
        as blocks of rows (kept even when a later step diverges).  Raises DivergenceError like
        `step`, after recording the steps before the one that diverged."""
        taken, loss, finished, failure = fast_training.run_steps(
            self, max_steps, deadline, stop_at_epoch_end, gradient_rms
        )
        if failure:
            raise DivergenceError(self.step_count, failure)
        return StepRun(taken, loss, finished)

    def _record_run(self, losses: list[float]) -> bool:
        """Book consecutive steps' losses from the current position; True if the last step
        finished an epoch."""
        self.history.steps.extend(losses)
        self.step_count += len(losses)
        if self.steps_per_epoch == 1 and self._position == 0 and not self.config.shuffle:
            # Every step is an epoch (the seed's one sample): its mean is its own loss.
            self.history.epochs.extend(losses)
            self.epoch_count += len(losses)
            return True
        n, batch, finished, i = self.dataset.n_samples, self.batch_size, False, 0
        while i < len(losses):
            part = losses[i : i + self.steps_left_in_epoch]
            i += len(part)
            self._epoch_loss_sum = sum(part, self._epoch_loss_sum)  # in order, as the reference
            self._epoch_steps += len(part)
            self._position = min(n, self._position + len(part) * batch)
            finished = self._position >= n
            if finished:
                self._finish_epoch()
        return finished

    def _reference_step(self, samples: np.ndarray) -> StepResult:
        """The step written plainly with `Network.forward/backward`: what the fast path matches."""
        net = self.network
        inputs, targets = self.dataset.inputs[samples], self.dataset.targets[samples]
        with np.errstate(over="ignore", invalid="ignore"):
            trace = net.forward(inputs)
            loss = float(np.mean(net.per_sample_loss(trace, targets, self.loss)))
            if not np.isfinite(loss):
                raise DivergenceError(self.step_count, "the loss")
            grads = net.backward(trace, targets, self.loss)
            updated = self._updated_parameters(grads.parameter_gradients())
        if updated is None:
            raise DivergenceError(self.step_count, "an updated weight")
        self._commit(updated)
        if self.record_gradient_rms:
            self.last_gradient_rms = weight_gradient_rms(grads.dW)
        return self._advance(loss, samples)

    def _updated_parameters(self, gradients: list[np.ndarray]):
        """`momentum_update` on every trainable parameter; None if a new value is not finite."""
        lr, mu = self.config.learning_rate, self.config.momentum
        params = self.network.parameters()
        n_weights = len(self.network.weights)
        frozen = self.network.freeze_biases
        new_params, new_buffers = [], []
        for i, (p, g, b) in enumerate(zip(params, gradients, self.momentum_buffers, strict=True)):
            if frozen and i >= n_weights:
                new_params.append(p)
                new_buffers.append(b)
                continue
            p_new, b_new = momentum_update(p, g, b, lr, mu)
            if not np.isfinite(p_new).all():
                return None
            new_params.append(p_new)
            new_buffers.append(b_new)
        return new_params, new_buffers

    def _commit(self, updated) -> None:
        new_params, new_buffers = updated
        n_weights = len(self.network.weights)
        self.network.weights = new_params[:n_weights]
        if self.network.biases is not None:
            self.network.biases = new_params[n_weights:]
        for b, b_new in zip(self.momentum_buffers, new_buffers, strict=True):
            b[...] = b_new  # in place: the fast path shares these arrays

    def _advance(self, loss: float, samples: np.ndarray) -> StepResult:
        step = self.step_count
        self.step_count += 1
        self.history.steps.append(loss)
        self._epoch_loss_sum += loss
        self._epoch_steps += 1
        self._position += len(samples)
        finished = self._position >= self.dataset.n_samples
        if finished:
            self._finish_epoch()
        return StepResult(step, loss, samples, finished)

    def _finish_epoch(self) -> None:
        self.history.epochs.append(self._epoch_loss_sum / self._epoch_steps)
        self.epoch_count += 1
        self._epoch_loss_sum, self._epoch_steps = 0.0, 0
        self._start_epoch()

    def run_steps(self, n: int) -> float:
        """Take ``n`` steps; return the last step's loss."""
        if not self.use_fast_path:
            loss = float("nan")
            for _ in range(n):
                loss = self.step().loss
            return loss
        return self.steps(n).last_loss if n else float("nan")

    def run_epochs(self, n: int) -> float:
        """Train until ``n`` more epochs have finished; return the last epoch's loss."""
        target = self.epoch_count + n
        while self.epoch_count < target:
            if self.use_fast_path:
                self.steps(self.steps_left_in_epoch, stop_at_epoch_end=True)
            else:
                self.step()
        return self.history.epochs.latest if n else float("nan")

    def dataset_loss(self) -> float:
        """The loss over the whole dataset with the current weights."""
        return self.network.loss(self.dataset.inputs, self.dataset.targets, self.loss)
