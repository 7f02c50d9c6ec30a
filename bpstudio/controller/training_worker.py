"""The training worker: lives on its own QThread and trains one project copy on a timer.

Every slot here is reached through a queued signal from the GUI thread, so it runs between two
ticks of the worker's timer: a pause, a new learning rate or an edited network never lands in
the middle of an optimiser step, and no array is ever shared with a widget (the GUI gets
`TrainingSnapshot` copies).  The worker reports its own failures as signals: an exception
escaping a slot on this thread would only reach stderr.
"""

from __future__ import annotations

import functools
import logging
import sys
import traceback
from time import perf_counter

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from bpstudio.controller.epoch_evaluator import EpochEvaluator
from bpstudio.controller.training_pace import (
    TIME_SLICE_SECONDS,
    Pace,
    StepRate,
    StopConditions,
)
from bpstudio.controller.training_reporter import SnapshotReporter
from bpstudio.model.editing import carry_optimiser_state
from bpstudio.model.initialisation import initialise
from bpstudio.model.project import Project
from bpstudio.model.training import DivergenceError, StepRun, Trainer, TrainingConfig

GIL_SWITCH_SECONDS = 0.001
# Every text the worker (and training_pace) translates, in context "TrainingWorker": a worker in
# a child process is handed their translations in the GUI's language (training_process.py).
WORKER_TEXTS = (
    "Paused",
    "The learning rate is %s; try %s.",
    "Stopped: reached the epoch limit (%d)",
    "Stopped: the epoch loss %s reached the target %s",
)
MAX_RUN_STEPS = 1 << 30  # "flat out" is math.inf steps; the time slice ends the run

_log = logging.getLogger(__name__)


def _reporting_failures(slot):
    """Turn a divergence into a pause, and any other exception into `failed`."""

    @functools.wraps(slot)
    def guarded(self: TrainingWorker, *args):
        try:
            slot(self, *args)
        except DivergenceError as exc:
            self._on_diverged(exc)
        except Exception as exc:  # noqa: BLE001 - a worker thread must never die silently
            self._on_failed(exc)

    return guarded


class TrainingWorker(QObject):
    snapshotReady = Signal(object)  # TrainingSnapshot
    runningChanged = Signal(bool)
    stopped = Signal(str)  # why: "Paused", a stop condition, a divergence, a failure
    diverged = Signal(str)
    failed = Signal(str)

    def __init__(self, project: Project, shares_gil: bool = True) -> None:
        """``project`` becomes the worker's own: pass a copy.  ``shares_gil``: the worker runs
        on a thread of the GUI's process, so flat-out slices rest FLAT_OUT_GAP_MS between them
        and the GUI thread gets the interpreter lock; in a process of its own (False) the next
        slice starts as soon as waiting commands are read."""
        super().__init__()
        self._project = project
        self._shares_gil = shares_gil
        self._record_gradients = False
        self._evaluator = EpochEvaluator()
        self._trainer = self._new_trainer(project.history, project.steps_taken, project.optimiser)
        self._timer: QTimer | None = None  # made on the worker's thread, in _on_thread_started
        self._running = False
        self._pace = Pace()
        self._rate = StepRate()
        self._stop_conditions = StopConditions()
        self._reporter = SnapshotReporter(len(project.history.steps), len(project.history.epochs))
        self._generation = 0

    # lifecycle ------------------------------------------------------------------------------
    @Slot()
    def _on_thread_started(self) -> None:
        if self._shares_gil:
            # A thread waiting for the GIL gets it after at most this long (Python's default
            # is 5 ms): the GUI thread's timers then fire within about a millisecond mid-slice.
            sys.setswitchinterval(GIL_SWITCH_SECONDS)
        # Single shot, started again after each slice: the rest between two slices is a rest,
        # not a periodic timer already overdue when a 4 ms slice ends.
        self._timer = QTimer(self, timerType=Qt.TimerType.PreciseTimer, singleShot=True)
        self._timer.timeout.connect(self._on_tick)
        self._emit_snapshot()

    @Slot()
    def _on_shutdown_requested(self) -> None:
        self.halt()
        QThread.currentThread().quit()

    def halt(self) -> None:
        """Stop ticking, without a word to the GUI: the worker is going away."""
        if self._timer is not None:
            self._timer.stop()  # here, on the timer's own thread, as Qt requires
        self._running = False

    # commands -------------------------------------------------------------------------------
    @Slot()
    @_reporting_failures
    def play(self) -> None:
        if self._running:
            return
        self._running = True
        self._pace.restart()
        self._rate.restart(self._trainer.step_count)
        self.runningChanged.emit(True)
        self._on_tick()  # the first steps at once (a pause right after play still trained)

    @Slot()
    def pause(self) -> None:
        self._stop(self._paused())

    @Slot()
    @_reporting_failures
    def step_once(self) -> None:
        self._stop(self._paused())
        self._train_and_report(max_steps=1)

    @Slot()
    @_reporting_failures
    def step_epoch(self) -> None:
        self._stop(self._paused())
        self._train_and_report(max_steps=self._trainer.steps_per_epoch, until_epoch_end=True)

    @Slot()
    @_reporting_failures
    def reset(self) -> None:
        """Fresh weights from the project's initialisation scheme and seed; history cleared."""
        self._stop(self._paused())
        project = self._project
        project.network = initialise(project.network, project.initialisation)
        self._trainer.history.clear()
        self._trainer = self._new_trainer(self._trainer.history, 0, None)
        self._start_history_afresh()
        self._emit_snapshot(reinitialised=True)

    @Slot(float)
    @_reporting_failures
    def set_speed(self, steps_per_second: float) -> None:
        self._pace.set_speed(steps_per_second)
        if self._running:
            self._timer.start(self._rest_ms())

    @Slot(object)
    @_reporting_failures
    def set_config(self, config: TrainingConfig) -> None:
        self._project.training = config
        self._trainer.set_config(config)

    @Slot(object)
    def set_stop_conditions(self, conditions: StopConditions) -> None:
        self._stop_conditions = conditions

    @Slot(bool)
    def set_record_gradients(self, on: bool) -> None:
        self._record_gradients = on
        self._trainer.record_gradient_rms = on

    @Slot(object)
    @_reporting_failures
    def replace_project(self, project: Project) -> None:
        """An edit made while training: new weights/structure/data, same history and counters.

        The optimiser's state goes on as for an edit while paused (`carry_optimiser_state`):
        value edits keep it, reshaped parameters lose their momentum, a change of data or batch
        settings starts a fresh epoch."""
        trainer = self._trainer
        self._project.optimiser = trainer.optimiser_state()
        state, _reset = carry_optimiser_state(self._project, project)
        self._project = project
        self._trainer = self._new_trainer(trainer.history, trainer.step_count, state)
        self._generation += 1
        self._emit_snapshot()

    @Slot(object)
    @_reporting_failures
    def open_project(self, project: Project) -> None:
        """A different project (opened, or a new example): its own history, paused.  Copied
        here, on the worker's thread: the document keeps ``project``, training changes ours."""
        self._stop(self._paused())
        self._project = project.copy()
        self._trainer = self._new_trainer(project.history, project.steps_taken, project.optimiser)
        self._start_history_afresh()  # the next snapshot carries the project's whole history
        self._emit_snapshot()

    # training -------------------------------------------------------------------------------
    @Slot()
    @_reporting_failures
    def _on_tick(self) -> None:
        if not self._running:
            return
        steps_before = self._trainer.step_count
        due = self._pace.steps_due()
        reason = self._take_steps(due, seconds=TIME_SLICE_SECONDS)
        taken = self._trainer.step_count - steps_before
        self._pace.took(taken, fell_behind=taken < due)
        self._rate.update(self._trainer.step_count)
        if reason:
            self._stop(reason)
            return
        if taken:
            self._emit_snapshot()
        if self._running:
            self._timer.start(self._rest_ms())

    def _rest_ms(self) -> int:
        """How long until the next tick: a paced run's look, or the flat-out rest."""
        if self._pace.flat_out and not self._shares_gil:
            return 0
        return self._pace.tick_interval_ms()

    def _train_and_report(self, max_steps: int, until_epoch_end: bool = False) -> None:
        reason = self._take_steps(max_steps, until_epoch_end=until_epoch_end)
        self._emit_snapshot(stop_reason=reason)
        if reason:
            self.stopped.emit(reason)

    def _take_steps(
        self, max_steps: float, seconds: float | None = None, until_epoch_end: bool = False
    ) -> str:
        """Step until ``max_steps``, the time is up, or a stop condition; return its reason.

        Steps go in runs (`Trainer.steps`): a run ends where a stop condition or an evaluation
        could apply (an epoch end), so neither is checked after every step."""
        deadline = perf_counter() + seconds if seconds is not None else None
        trainer, conditions, taken = self._trainer, self._stop_conditions, 0
        while taken < max_steps:
            limit = int(min(max_steps - taken, conditions.steps_allowed(trainer), MAX_RUN_STEPS))
            at_epoch_end = until_epoch_end or conditions.looks_at_epoch_loss
            run = self._run(trainer, limit, deadline, at_epoch_end or self._evaluator.is_due())
            taken += run.taken
            if run.epoch_finished:
                self._evaluator.at_epoch_end(self._project, trainer)
            reason = conditions.reason_to_stop(trainer, run)
            if reason:
                return reason
            if until_epoch_end and run.epoch_finished:
                break
            if deadline is not None and perf_counter() >= deadline:
                break
        return ""

    def _run(self, trainer: Trainer, limit: int, deadline, stop_at_epoch_end: bool) -> StepRun:
        rows: list = []
        try:
            return trainer.steps(limit, deadline, stop_at_epoch_end, rows)
        finally:  # the steps before a divergence count: their gradient sizes go to the GUI
            for block in rows:
                self._reporter.record_gradient(block)

    def _new_trainer(self, history, step_count: int, state) -> Trainer:
        project = self._project
        # The training rows, standardised when that is on: see Dataset.training_set.
        data = project.dataset.training_set()
        trainer = Trainer(
            project.network, data, project.loss, project.training, history, step_count, state
        )
        trainer.record_gradient_rms = self._record_gradients
        return trainer

    # stopping and reporting -----------------------------------------------------------------
    def _paused(self) -> str:
        return self.tr("Paused")

    def _stop(self, reason: str, diverged: bool = False) -> None:
        """Pause (if running) and tell the GUI why, with a snapshot of where training stopped."""
        was_running = self._running
        if self._timer is not None:
            self._timer.stop()
        self._running = False
        self._rate.stop()
        if not was_running and not diverged:
            return
        self._emit_snapshot(stop_reason=reason, diverged=diverged)
        if was_running:
            self.runningChanged.emit(False)
        self.stopped.emit(reason)

    def _on_diverged(self, exc: DivergenceError) -> None:
        rate = self._trainer.config.learning_rate
        message = f"{exc}. " + self.tr("The learning rate is %s; try %s.") % (
            f"{rate:g}",
            f"{rate / 10:g}",
        )
        self._stop(message, diverged=True)
        self.diverged.emit(message)

    def _on_failed(self, exc: Exception) -> None:
        last = traceback.extract_tb(exc.__traceback__)[-1]
        message = f"Training failed: {type(exc).__name__}: {exc} ({last.name}, line {last.lineno})"
        _log.error("%s", message, exc_info=exc)  # the whole traceback, for the log file
        self._stop(message)
        self.failed.emit(message)

    def _start_history_afresh(self) -> None:
        self._generation += 1
        self._reporter.start_afresh()
        self._evaluator.clear()

    def _emit_snapshot(
        self, stop_reason: str = "", diverged: bool = False, reinitialised: bool = False
    ) -> None:
        if not self._running:  # where training stopped, measured exactly
            self._evaluator.evaluate_now(self._project, self._trainer)
        snapshot = self._reporter.snapshot(
            self._trainer,
            new_evaluations=self._evaluator.take(),
            steps_per_second=self._rate.per_second,
            running=self._running,
            stop_reason=stop_reason,
            diverged=diverged,
            reinitialised=reinitialised,
            generation=self._generation,
            optimiser=None if self._running else self._trainer.optimiser_state(),
        )
        self.snapshotReady.emit(snapshot)
