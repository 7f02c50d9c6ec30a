"""Training with torch.optim's optimisers (model/optimisers.py): online, mini-batch or full batch.

One *step* is one optimiser update on one batch.  With batch size 1 and no shuffling, step ``s``
uses sample ``s mod n``, so a run can be followed by hand.  The loss recorded for a step is the
batch loss before its update; an epoch's loss is the mean of its step losses.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from bpstudio.model import fast_training
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.fast_training import Kernel, weight_gradient_rms  # noqa: F401 - re-exported
from bpstudio.model.history import LossHistory
from bpstudio.model.losses import get_loss
from bpstudio.model.network import Network
from bpstudio.model.optimiser_state import EpochState, OptimiserState
from bpstudio.model.optimisers import AVERAGES, OptimiserSettings, update


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
    """The training settings, flat as the project file's ``training`` holds them; the
    optimiser's part (``optimizer`` .. ``weight_decay``) is `optimiser` (model/optimisers.py)."""

    learning_rate: float = 0.5
    momentum: float = 0.0
    batch_size: int = 1
    shuffle: bool = False
    seed: int = 0
    optimizer: str = "sgd"  # torch's spelling, as the file's field
    nesterov: bool = False
    alpha: float = 0.99
    epsilon: float = 1e-8
    beta1: float = 0.9
    beta2: float = 0.999
    weight_decay: float = 0.0
    optimiser: OptimiserSettings = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not (np.isfinite(self.learning_rate) and self.learning_rate > 0):
            raise ValueError(f"learning rate must be a positive number, got {self.learning_rate}")
        if int(self.batch_size) < 1:
            raise ValueError(f"batch size must be at least 1, got {self.batch_size}")
        settings = OptimiserSettings(  # raises SettingsError naming the field
            self.optimizer, self.momentum, self.nesterov, self.alpha, self.epsilon,
            self.beta1, self.beta2, self.weight_decay,
        )  # fmt: skip
        object.__setattr__(self, "optimiser", settings)

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
    """SGD with momentum μ, THE update rule's sgd case (`optimisers.update`): the buffer
    ``b <- mu b + dE/dw``, then ``w <- w - lr b``; without momentum ``w <- w - lr dE/dw`` and
    the buffer is left as it is (torch keeps it too).  Returns (new parameter, new buffer)."""
    settings = OptimiserSettings("sgd", momentum=mu)
    p_new, slots = update(p, g, {"momentum_buffer": b}, settings, lr)
    return p_new, slots["momentum_buffer"]


class Trainer:
    """Owns the optimiser state of one network on one dataset; the network is updated in place.

    ``kernel``: what takes the steps (fast_training.py): the generated kernels by default,
    `fast_training.REFERENCE` for the plain reference step (tests and benchmarks)."""

    # Off by default: the gradient-size plot switches it on; the cost is one dot per layer.
    record_gradient_rms = False
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
        kernel: Kernel | None = None,
    ) -> None:
        """``state``: where an earlier trainer stopped (`optimiser_state`), to continue exactly;
        None starts from zero slots and a fresh epoch."""
        dataset.check_fits(network.layer_sizes)
        get_loss(loss).check_output_activation(network.output_activation)
        self.network = network
        self.dataset = dataset
        self.loss = loss
        self.config = config or TrainingConfig()
        self.kernel: Kernel = kernel or fast_training.GENERATED
        self.history = history if history is not None else LossHistory()
        self.step_count = step
        self.epoch_count = len(self.history.epochs)
        self._state = fast_training.KernelState(self, self.config.optimizer)
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
        slots = self._slots
        averages = {}
        for name in AVERAGES:
            views = self._state.slot_views(name)
            if views is not None:
                averages[name] = [v.copy() for v in views]
        buffers = [b.copy() for b in self.momentum_buffers]
        rng = dict(self._rng.bit_generator.state)
        return OptimiserState.of(buffers, epoch, rng, averages, slots.step, slots.kind)

    @property
    def _slots(self):
        self._state.ready_kernel()
        assert self._state.slots is not None
        return self._state.slots

    def _restore(self, state: OptimiserState) -> None:
        shapes = [p.shape for p in self.network.parameters()]
        if not state.fits(shapes):
            raise ValueError(f"the optimiser state does not fit this network ({shapes})")
        state = state.for_kind(self.config.optimizer)
        for name in self._slots.arrays:
            saved = state.slot(name)
            views = self._state.slot_views(name)
            if saved is not None and views is not None:
                for view, array in zip(views, saved, strict=True):
                    view[...] = array
        self._slots.step = state.step
        self._state.ready_kernel().forget_frozen_slots()
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
            self._state.forget_epoch_rows()
        self._position = epoch.position
        self._epoch_loss_sum, self._epoch_steps = epoch.loss_sum, epoch.steps

    # configuration -----------------------------------------------------------------------
    def set_config(self, config: TrainingConfig) -> None:
        """Change the settings between steps.  The learning rate and the optimiser's numbers
        keep the state (as editing a torch optimiser's param_groups does); another kind of
        optimiser starts from zero slots and step 0 (a new optimiser); a change of batch size,
        shuffle or seed starts a fresh epoch order (from the seed), as `starts_fresh_epoch`
        says."""
        fresh = starts_fresh_epoch(self.config, config)
        new_kind = config.optimizer != self.config.optimizer
        self.config = config
        if new_kind:
            self._state.reset_slots(config.optimizer)
        if fresh:
            self.start_fresh_epoch()

    def start_fresh_epoch(self) -> None:
        """A new epoch order drawn from the seed, from its first batch; the slots stay."""
        self._rng = np.random.default_rng(self.config.seed)
        self._epoch_loss_sum, self._epoch_steps = 0.0, 0
        self._start_epoch()

    @property
    def momentum_buffers(self) -> list[np.ndarray]:
        """The momentum buffers (torch's ``momentum_buffer``), views in `Network.parameters`
        order of the kernels' flat array."""
        views = self._state.slot_views("momentum_buffer")
        assert views is not None  # every kind keeps one (RMSprop's momentum, Adam's unused)
        return views

    def slot_views(self, name: str) -> list[np.ndarray] | None:
        """The optimiser's slot ``name`` (torch's name) per parameter, or None if not kept."""
        return self._state.slot_views(name)

    # batches -----------------------------------------------------------------------------
    @property
    def batch_size(self) -> int:
        return min(int(self.config.batch_size), self.dataset.n_samples)

    @property
    def steps_per_epoch(self) -> int:
        return -(-self.dataset.n_samples // self.batch_size)

    @property
    def position(self) -> int:
        """Where the next batch starts in the epoch's order."""
        return self._position

    @property
    def epoch_order(self) -> np.ndarray:
        """The training rows in this epoch's order (do not change it)."""
        return self._order

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
            self._state.forget_epoch_rows()
        elif len(self._order) != self.dataset.n_samples or self._state.rows_shuffled:
            self._order = np.arange(self.dataset.n_samples)
            self._state.forget_epoch_rows()

    # stepping ----------------------------------------------------------------------------
    def step(self) -> StepResult:
        """One optimiser update.  Raises DivergenceError and changes nothing on a non-finite."""
        samples = self.next_batch()
        run = self.steps(1)
        return StepResult(self.step_count - 1, run.last_loss, samples, run.epoch_finished)

    def steps(
        self,
        max_steps: int,
        deadline: float | None = None,
        stop_at_epoch_end: bool = False,
        gradient_rms: list[np.ndarray] | None = None,
    ) -> StepRun:
        """Up to ``max_steps`` steps on the trainer's kernel; stop early once
        ``perf_counter()`` passes ``deadline`` (at least one step is taken) or, if asked, when
        an epoch ends.

        With `record_gradient_rms`, each step's per-layer gradient RMS goes to ``gradient_rms``
        as blocks of rows (kept even when a later step diverges).  Raises DivergenceError like
        `step`, after recording the steps before the one that diverged."""
        taken, loss, finished, failure = self.kernel.run(
            self, self._state, max_steps, deadline, stop_at_epoch_end, gradient_rms
        )
        if failure:
            raise DivergenceError(self.step_count, failure)
        return StepRun(taken, loss, finished)

    def record_run(self, losses: list[float]) -> bool:
        """Book consecutive steps' losses from the current position (a kernel calls this);
        True if the last step finished an epoch."""
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

    def _finish_epoch(self) -> None:
        self.history.epochs.append(self._epoch_loss_sum / self._epoch_steps)
        self.epoch_count += 1
        self._epoch_loss_sum, self._epoch_steps = 0.0, 0
        self._start_epoch()

    def run_steps(self, n: int) -> float:
        """Take ``n`` steps; return the last step's loss."""
        return self.steps(n).last_loss if n else float("nan")

    def run_epochs(self, n: int) -> float:
        """Train until ``n`` more epochs have finished; return the last epoch's loss."""
        target = self.epoch_count + n
        while self.epoch_count < target:
            self.steps(self.steps_left_in_epoch, stop_at_epoch_end=True)
        return self.history.epochs.latest if n else float("nan")

    def dataset_loss(self) -> float:
        """The loss over the whole dataset with the current weights."""
        return self.network.loss(self.dataset.inputs, self.dataset.targets, self.loss)
