"""How fast and how long the training worker runs: its pace, its step rate, its stop conditions.

Plain Python (no Qt), so the rules can be read and tested without a thread.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from time import perf_counter

from PySide6.QtCore import QCoreApplication

from bpstudio.model.training import StepResult, StepRun, Trainer

# QCoreApplication.translate under the name lupdate recognises (the views' helper lives in
# bpstudio.views, which the controller does not import).
translate = QCoreApplication.translate

FLAT_OUT = math.inf  # steps per second: as fast as the machine goes
# The window's pace until the student picks another: each update visibly moves the seed
# network's weights, and XOR's loss curve is drawn over half a minute, not in one frame.
DEFAULT_STEPS_PER_SECOND = 20.0
# One tick's work: short, so queued edits and pauses land quickly, and so the GUI thread never
# waits long for the GIL (a Python training loop holds it: every Qt call the GUI thread makes
# releases the GIL and must take it back).
TIME_SLICE_SECONDS = 0.004
# Flat out, the worker still rests this long between slices: the GUI thread then paints with
# the GIL to itself instead of convoying behind the worker (benchmarks/gui.py, lateness).
FLAT_OUT_GAP_MS = 3
PACED_TICK_MS = 10  # how often a paced (slow-motion) run looks whether a step is due


@dataclass(frozen=True)
class StopConditions:
    """Pause on their own: after ``max_epochs`` epochs, or once an epoch's loss <= target."""

    max_epochs: int | None = None
    target_loss: float | None = None

    @property
    def looks_at_epoch_loss(self) -> bool:
        return self.target_loss is not None

    def steps_allowed(self, trainer: Trainer) -> float:
        """How many steps may run before `reason_to_stop` must look again."""
        if self.max_epochs is None:
            return math.inf
        epochs_to_go = self.max_epochs - trainer.epoch_count
        if epochs_to_go <= 0:
            return 1  # already there: one step, then stop (as when checked after each step)
        return trainer.steps_left_in_epoch + (epochs_to_go - 1) * trainer.steps_per_epoch

    def reason_to_stop(self, trainer: Trainer, result: StepResult | StepRun) -> str:
        """Why training should stop after ``result``, or "" to go on."""
        if self.max_epochs is not None and trainer.epoch_count >= self.max_epochs:
            return translate("TrainingWorker", "Stopped: reached the epoch limit (%d)") % (
                self.max_epochs
            )
        if self.target_loss is not None and result.epoch_finished:
            epoch_loss = trainer.history.epochs.latest
            if epoch_loss <= self.target_loss:
                text = translate(
                    "TrainingWorker", "Stopped: the epoch loss %s reached the target %s"
                )
                return text % (f"{epoch_loss:.4g}", f"{self.target_loss:.4g}")
        return ""


class Pace:
    """Which steps are due at a given speed: the first at once, then one every 1/speed seconds.

    A run that cannot keep up starts counting afresh instead of bursting to catch up, so a
    slow-motion run never jumps ahead of what the student can follow.
    """

    def __init__(self, steps_per_second: float = FLAT_OUT) -> None:
        self.steps_per_second = steps_per_second
        self.restart()

    @property
    def flat_out(self) -> bool:
        return math.isinf(self.steps_per_second)

    def tick_interval_ms(self) -> int:
        return FLAT_OUT_GAP_MS if self.flat_out else PACED_TICK_MS

    def set_speed(self, steps_per_second: float) -> None:
        if not steps_per_second > 0:
            raise ValueError(f"speed must be positive, got {steps_per_second}")
        self.steps_per_second = steps_per_second
        self.restart()

    def restart(self) -> None:
        self._started = perf_counter()
        self._taken = 0

    def steps_due(self) -> float:
        if self.flat_out:
            return math.inf
        elapsed = perf_counter() - self._started
        return max(0, int(elapsed * self.steps_per_second) + 1 - self._taken)

    def took(self, steps: int, fell_behind: bool) -> None:
        self._taken += steps
        if fell_behind:
            self.restart()


class StepRate:
    """Steps per second, measured over windows of a quarter second so the readout is steady."""

    WINDOW_SECONDS = 0.25

    def __init__(self) -> None:
        self.per_second = 0.0
        self._window_start = perf_counter()
        self._window_first_step = 0

    def restart(self, step_count: int) -> None:
        self._window_start = perf_counter()
        self._window_first_step = step_count

    def update(self, step_count: int) -> float:
        elapsed = perf_counter() - self._window_start
        if elapsed >= self.WINDOW_SECONDS:
            self.per_second = (step_count - self._window_first_step) / elapsed
            self.restart(step_count)
        return self.per_second

    def stop(self) -> None:
        self.per_second = 0.0
