"""The GUI thread's handle on training: owns the worker thread, throttles its snapshots.

Every method here only emits a signal; the worker, on its own thread, receives it queued and
acts between two ticks.  The worker on that thread trains itself (`TrainingWorker`) or, by
default, hands the training to a child process (`ProcessWorker`, training_process.py) so that
the GUI thread never waits for the training loop's GIL.  Snapshots come back faster than a
screen refreshes (one per tick when training flat out), so they are merged and passed on at
most about 30 times a second (the newest state, with every loss point since the last one
passed on).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QThread, QTimer, Signal, Slot

from bpstudio.controller.coalescer import Coalescer
from bpstudio.controller.training_pace import FLAT_OUT, StopConditions
from bpstudio.controller.training_process import (
    ProcessWorker,
    prepare_processes,
    processes_available,
)
from bpstudio.controller.training_snapshot import TrainingSnapshot, merge_snapshots
from bpstudio.controller.training_worker import TrainingWorker
from bpstudio.model.project import Project
from bpstudio.model.training import TrainingConfig

MIN_SNAPSHOT_INTERVAL_MS = 33  # ~30 snapshots a second: as often as anyone can see a change
# The training process's fork server starts this long after the controller: not while the
# window opens, but before a student is likely to press Play.
PREPARE_PROCESS_AFTER_MS = 2000
SHUTDOWN_TIMEOUT_MS = 5000

_log = logging.getLogger(__name__)


class TrainingController(QObject):
    snapshotReady = Signal(object)  # TrainingSnapshot, at most ~30 a second
    runningChanged = Signal(bool)
    diverged = Signal(str)  # why, with a smaller learning rate to try
    stopped = Signal(str)  # why: "Paused", a stop condition reached, a divergence, a failure
    failed = Signal(str)
    resetStarting = Signal()  # before a reset throws the trained weights away (autosave)
    # Before every command that trains (play, step, epoch, reset), connected directly: an edit
    # the session has not sent yet goes first, or the worker would take the command on the
    # project before the edit and then drop what it trained when the edit arrives.
    commandStarting = Signal()

    # Requests to the worker; queued, because the worker lives on another thread.
    _playRequested = Signal()
    _pauseRequested = Signal()
    _stepRequested = Signal()
    _epochRequested = Signal()
    _resetRequested = Signal()
    _speedRequested = Signal(float)
    _configRequested = Signal(object)
    _stopConditionsRequested = Signal(object)
    _gradientRecordingRequested = Signal(bool)
    _projectReplaced = Signal(object)
    _projectOpened = Signal(object)
    _shutdownRequested = Signal()

    def __init__(
        self, project: Project, parent: QObject | None = None, in_process: bool | None = None
    ) -> None:
        """A worker on a copy of ``project`` (paused).  Its thread starts with the first
        command that trains (play, step, epoch, reset): a window whose student never trains
        runs no thread, and opens faster.

        ``in_process``: train in a child process (training_process.py), so the GUI thread
        never waits for the training loop's GIL; None: wherever processes can be used."""
        super().__init__(parent)
        self._running = False
        self._shut_down = False
        self._latest: TrainingSnapshot | None = None
        self._unsent_project: Project | None = None  # the newest project, until the thread runs
        self._thread_was_started = False
        self._pending: list[TrainingSnapshot] = []
        self._speed = FLAT_OUT
        self._since_flush = QElapsedTimer()
        self._flush_soon = Coalescer(self._on_flush_due, 0, self)
        self._thread = QThread(self)
        self._thread.setObjectName("training")
        if in_process is None:
            in_process = processes_available()
        self.in_process = in_process
        worker_class = ProcessWorker if in_process else TrainingWorker
        self._worker = worker_class(project.copy())
        if in_process:
            QTimer.singleShot(PREPARE_PROCESS_AFTER_MS, self, self._prepare_process)
        self._worker.moveToThread(self._thread)
        self._connect_worker()
        app = QCoreApplication.instance()
        if app is not None:  # a window closed without shutdown() must still stop the thread
            app.aboutToQuit.connect(self.shutdown)

    def start(self) -> None:
        """Start the worker's thread now (it announces itself with a first snapshot)."""
        self._start_thread()

    def _start_thread(self) -> None:
        if self._thread_was_started or self._shut_down:
            return
        self._thread_was_started = True
        self._thread.start()
        if self._unsent_project is not None:
            # Nothing was trained yet, so "open" and "replace" mean the same: start from it.
            self._projectOpened.emit(self._unsent_project)
            self._unsent_project = None

    def _prepare_process(self) -> None:
        if self._shut_down or self._thread_was_started:
            return
        try:
            prepare_processes()
        except OSError:  # tried again, and reported, when training starts
            _log.warning("could not start the training process's fork server", exc_info=True)

    @property
    def thread_started(self) -> bool:
        return self._thread.isRunning()

    def _connect_worker(self) -> None:
        worker, thread = self._worker, self._thread
        thread.started.connect(worker._on_thread_started)
        thread.finished.connect(worker.deleteLater)
        pairs = [
            (self._playRequested, worker.play),
            (self._pauseRequested, worker.pause),
            (self._stepRequested, worker.step_once),
            (self._epochRequested, worker.step_epoch),
            (self._resetRequested, worker.reset),
            (self._speedRequested, worker.set_speed),
            (self._configRequested, worker.set_config),
            (self._stopConditionsRequested, worker.set_stop_conditions),
            (self._gradientRecordingRequested, worker.set_record_gradients),
            (self._projectReplaced, worker.replace_project),
            (self._projectOpened, worker.open_project),
            (self._shutdownRequested, worker._on_shutdown_requested),
        ]
        for signal, slot in pairs:
            signal.connect(slot)
        worker.snapshotReady.connect(self._on_worker_snapshot)
        worker.runningChanged.connect(self._on_worker_running_changed)
        worker.stopped.connect(self._on_worker_stopped)
        worker.diverged.connect(self._on_worker_diverged)
        worker.failed.connect(self._on_worker_failed)

    def __enter__(self) -> TrainingController:
        return self

    def __exit__(self, *exc_info) -> None:
        self.shutdown()

    # state ----------------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def latest_snapshot(self) -> TrainingSnapshot | None:
        """The newest snapshot passed on by snapshotReady (None before the first)."""
        return self._latest

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def training_pid(self) -> int | None:
        """The process id of the training child (None on a thread, or before it starts)."""
        return self._worker.child_pid if self.in_process else None

    # commands -------------------------------------------------------------------------------
    def play(self) -> None:
        self.commandStarting.emit()
        self._start_thread()
        self._playRequested.emit()

    def pause(self) -> None:
        self._pauseRequested.emit()

    def toggle_running(self) -> None:
        self.pause() if self._running else self.play()

    def step_once(self) -> None:
        """One optimiser update (pauses first if running)."""
        self.commandStarting.emit()
        self._start_thread()
        self._stepRequested.emit()

    def step_epoch(self) -> None:
        """Train until the current epoch ends (pauses first if running)."""
        self.commandStarting.emit()
        self._start_thread()
        self._epochRequested.emit()

    def reset(self) -> None:
        """Re-initialise with the project's scheme and seed, and clear the loss history."""
        self.commandStarting.emit()
        self.resetStarting.emit()
        self._start_thread()
        self._resetRequested.emit()

    def set_speed(self, steps_per_second: float) -> None:
        """Steps per second; ``FLAT_OUT`` (math.inf) for as fast as possible."""
        if not steps_per_second > 0:
            raise ValueError(f"speed must be positive, got {steps_per_second}")
        self._speed = float(steps_per_second)
        self._speedRequested.emit(self._speed)

    def set_config(self, config: TrainingConfig) -> None:
        """Learning rate, momentum, batch size: takes effect from the next step."""
        self._configRequested.emit(config)

    def set_stop_conditions(self, conditions: StopConditions) -> None:
        self._stopConditionsRequested.emit(conditions)

    def set_record_gradients(self, on: bool) -> None:
        """Record each step's per-layer gradient RMS (for the gradient-size plot)."""
        self._gradientRecordingRequested.emit(bool(on))

    def replace_project(self, project: Project) -> None:
        """An edit made while training: lands between two ticks; history and counters kept."""
        if not self._thread_was_started:
            self._unsent_project = project.copy()
            return
        self._projectReplaced.emit(project.copy())

    def open_project(self, project: Project) -> None:
        """Train a different project from its own saved history (pauses)."""
        if not self._thread_was_started:
            self._unsent_project = project  # the worker copies it once it has it
            return
        # The worker copies it on its own thread: copying a 10^7-weight network here stalled
        # the window a second each time a file opened.
        self._projectOpened.emit(project)

    def shutdown(self) -> None:
        """Stop training and the thread, and wait for it: call when the window closes."""
        if self._shut_down:
            return
        self._shut_down = True
        self._flush_soon.cancel()
        if not self._thread_was_started:
            self._worker.deleteLater()  # thread.finished, which would delete it, never comes
            return
        if not self._thread.isRunning():
            return  # already stopped (and the worker deleted on thread.finished)
        self._shutdownRequested.emit()
        if not self._thread.wait(SHUTDOWN_TIMEOUT_MS):
            self._thread.requestInterruption()
            self._thread.quit()
            self._thread.wait()
        if self._running:
            self._running = False
            self.runningChanged.emit(False)

    # from the worker ------------------------------------------------------------------------
    @Slot(object)
    def _on_worker_snapshot(self, snapshot: TrainingSnapshot) -> None:
        if self._shut_down:
            return
        # Merged once, at the flush: merging one by one copies the growing pending points
        # again and again, which falls behind a fast worker for good.
        self._pending.append(snapshot)
        if self._flush_soon.pending:
            return
        since = self._since_flush.elapsed() if self._since_flush.isValid() else None
        wait = 0 if since is None else max(0, MIN_SNAPSHOT_INTERVAL_MS - since)
        self._flush_soon.restart(wait)

    @Slot()
    def _on_flush_due(self) -> None:
        self._flush()

    def _flush(self) -> None:
        """Pass the pending snapshot on now (before any state change that depends on it)."""
        self._flush_soon.cancel()
        if not self._pending:
            return
        snapshot, self._pending = merge_snapshots(self._pending), []
        self._latest = snapshot
        self._since_flush.restart()
        self.snapshotReady.emit(snapshot)

    @Slot(bool)
    def _on_worker_running_changed(self, running: bool) -> None:
        if self._shut_down:
            return
        self._flush()
        self._running = running
        self.runningChanged.emit(running)

    @Slot(str)
    def _on_worker_stopped(self, reason: str) -> None:
        if not self._shut_down:
            self._flush()
            self.stopped.emit(reason)

    @Slot(str)
    def _on_worker_diverged(self, message: str) -> None:
        if not self._shut_down:
            self._flush()
            self.diverged.emit(message)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        if not self._shut_down:
            self._flush()
            self.failed.emit(message)
