"""Training in a child process, so the GUI thread never waits for the training loop's GIL.

A training loop in Python holds the interpreter lock while it computes; on a thread, every Qt
call of the GUI thread gives the lock up and must wait to take it back, so a frame of the
window took several times its own work (benchmarks/gui.py, part lateness).  Here the same
`TrainingWorker` runs in a child process of its own, with an interpreter of its own:

* `ProcessWorker` stands in for the worker on the controller's "training" thread: the same
  slots and signals.  Each slot sends a command down a pipe; a reader thread passes what the
  child sends back on as the same signals (snapshots arrive unpickled off the GUI thread).
* `run_child` is the child's main: a QCoreApplication whose event loop runs the worker's timer
  and reads the commands between two ticks, exactly as the worker's thread did.

Everything crossing the pipe pickles (projects, configs, snapshots).  The worker's texts are
translated in the GUI's language: the child is handed their translations with every command
that can lead to one.  If the child dies, `failed` says so and the next command starts a new
one from the newest project the controller sent.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QSocketNotifier,
    QThread,
    QTranslator,
    Signal,
    Slot,
)

from bpstudio.controller.training_worker import WORKER_TEXTS, TrainingWorker
from bpstudio.model.project import Project

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

CONTEXT = "TrainingWorker"
CHILD_EXIT_SECONDS = 3.0  # then terminated (the controller waits 5 s for the whole thread)
# Commands that start or stop training, and so may end in a message: they carry the texts.
SPEAKING_COMMANDS = frozenset({"play", "pause", "step_once", "step_epoch", "reset"})
WORKER_SIGNALS = ("snapshotReady", "runningChanged", "stopped", "diverged", "failed")
# Training is background work: when the cores are busy, the GUI's frames come first (it
# halves the timer's worst lateness on a loaded 2-core machine: docs/performance.md).
CHILD_NICENESS = 10
THREAD_ENV = "BPSTUDIO_TRAINING_THREAD"  # set to 1: train on a thread of the GUI's process

_log = logging.getLogger(__name__)


def processes_available() -> bool:
    """False on Windows (the child listens to its pipe with a QSocketNotifier, which wants a
    socket there; not built or tested here), or when BPSTUDIO_TRAINING_THREAD=1 asks for the
    thread.  Frozen builds (the .deb) train in a process too: their entry script calls
    `multiprocessing.freeze_support()`, so a fork server or spawned child started from the
    frozen executable runs multiprocessing's code, not the application (bpstudio_main.py)."""
    if sys.platform == "win32":
        return False
    return os.environ.get(THREAD_ENV, "") in ("", "0")


def _process_context():
    """Never fork the GUI's process (Qt and its threads): children start afresh ("spawn"), or,
    on Linux, are forked from a server process that started afresh and imported the worker's
    modules once ("forkserver"): a child is then ready in milliseconds, not a second.
    (Imported here: the window opens without multiprocessing, ~13 ms of imports.)"""
    import multiprocessing

    if sys.platform != "linux":
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def prepare_processes() -> None:
    """Start the fork server (Linux) ahead of the first Play: the first child then forks from
    a ready interpreter instead of importing Qt, NumPy and the model afresh, ten times faster
    (docs/performance.md, "Figures behind the code's choices")."""
    if _process_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with one_blas_thread():
            forkserver.ensure_running()


# Read by the BLAS libraries when NumPy loads, so they must be set before a child starts.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextlib.contextmanager
def one_blas_thread():
    """Children started inside run their matrix products on one thread (unless the user set
    these variables): the GUI thread needs the other core, and two BLAS threads collapse when
    anything else loads a core (docs/performance.md)."""
    unset = [name for name in BLAS_THREAD_VARIABLES if name not in os.environ]
    os.environ.update({name: "1" for name in unset})
    try:
        yield
    finally:
        for name in unset:
            os.environ.pop(name, None)


def worker_texts() -> dict[str, str]:
    """The worker's texts in the language the GUI shows now."""
    return {text: QCoreApplication.translate(CONTEXT, text) for text in WORKER_TEXTS}


class ProcessWorker(QObject):
    """The controller's worker, with the training done by a child process."""

    snapshotReady = Signal(object)  # TrainingSnapshot
    runningChanged = Signal(bool)
    stopped = Signal(str)
    diverged = Signal(str)
    failed = Signal(str)
    _childEnded = Signal(object)  # the Child whose pipe closed (from the reader thread)

    def __init__(self, project: Project) -> None:
        """``project`` becomes the worker's own: pass a copy."""
        super().__init__()
        self._project = project  # the newest one sent: a restarted child starts from it
        self._child: _Child | None = None
        self._closing = False
        self._childEnded.connect(self._on_child_ended)

    # lifecycle ------------------------------------------------------------------------------
    @Slot()
    def _on_thread_started(self) -> None:
        self._start_child()

    @Slot()
    def _on_shutdown_requested(self) -> None:
        self._closing = True
        if self._child is not None:
            self._child.close()
        QThread.currentThread().quit()

    @property
    def child_pid(self) -> int | None:
        return None if self._child is None else self._child.process.pid

    def _start_child(self) -> None:
        self._child = _Child(self._project, self._forward, self._childEnded.emit)

    # commands (the same slots as TrainingWorker's) -------------------------------------------
    @Slot()
    def play(self) -> None:
        self._send("play")

    @Slot()
    def pause(self) -> None:
        self._send("pause")

    @Slot()
    def step_once(self) -> None:
        self._send("step_once")

    @Slot()
    def step_epoch(self) -> None:
        self._send("step_epoch")

    @Slot()
    def reset(self) -> None:
        self._send("reset")

    @Slot(float)
    def set_speed(self, steps_per_second: float) -> None:
        self._send("set_speed", steps_per_second)

    @Slot(object)
    def set_config(self, config) -> None:
        self._send("set_config", config)

    @Slot(object)
    def set_stop_conditions(self, conditions) -> None:
        self._send("set_stop_conditions", conditions)

    @Slot(bool)
    def set_record_gradients(self, on: bool) -> None:
        self._send("set_record_gradients", on)

    @Slot(object)
    def replace_project(self, project: Project) -> None:
        self._project = project
        self._send("replace_project", project)

    @Slot(object)
    def open_project(self, project: Project) -> None:
        self._project = project
        self._send("open_project", project)

    def _send(self, command: str, *args) -> None:
        if self._closing:
            return
        if self._child is None or not self._child.alive:
            self._start_child()  # the last one died (and said so): start afresh
        if command in SPEAKING_COMMANDS:
            self._child.send("set_texts", worker_texts())
        self._child.send(command, *args)

    # from the child -------------------------------------------------------------------------
    def _forward(self, name: str, args: tuple) -> None:
        """On the reader thread: the child's signal, emitted here (queued to the GUI)."""
        getattr(self, name).emit(*args)

    @Slot(object)
    def _on_child_ended(self, child: _Child) -> None:
        if self._closing or child is not self._child:
            return
        code = child.reap()
        message = (
            QCoreApplication.translate(
                "TrainingProcess",
                "Training failed: the training process ended unexpectedly (exit code %s)",
            )
            % code
        )
        _log.error("%s", message)
        self.failed.emit(message)
        if child.running:
            self.runningChanged.emit(False)


class _Child:
    """One child process, its two pipes, and the thread that reads what it sends."""

    def __init__(self, project: Project, forward, ended) -> None:
        context = _process_context()
        commands_in, self._commands = context.Pipe(duplex=False)
        self._events, events_out = context.Pipe(duplex=False)
        self.process = context.Process(
            target=run_child,
            args=(project, worker_texts(), commands_in, events_out),
            name="bpstudio-training",
            daemon=True,  # never outlives the application
        )
        with one_blas_thread():
            self.process.start()
        commands_in.close()  # the child's ends: closed here, so its death reads as end of file
        events_out.close()
        self.alive = True
        self.running = False
        self._send_lock = threading.Lock()
        self._reader = threading.Thread(
            target=self._read, args=(forward, ended), name="bpstudio-training-reader", daemon=True
        )
        self._reader.start()

    def send(self, command: str, *args) -> None:
        with self._send_lock:
            try:
                self._commands.send((command, args))
            except (BrokenPipeError, ConnectionError, OSError):
                self.alive = False  # the reader reports the end

    def _read(self, forward, ended) -> None:
        try:
            while True:
                try:
                    name, args = self._events.recv()
                except (EOFError, OSError):
                    break
                if name == "log":  # the child's log record, into this process's log file
                    level, logger, text = args
                    logging.getLogger(logger).log(level, "%s", text)
                    continue
                if name == "runningChanged":
                    self.running = bool(args[0])
                forward(name, tuple(read_only(arg) for arg in args))
            self.alive = False
            ended(self)
        except RuntimeError:  # the worker was deleted without closing us (its thread killed)
            self.alive = False

    def reap(self) -> int | None:
        self.process.join(CHILD_EXIT_SECONDS)
        return self.process.exitcode

    def close(self) -> None:
        """Ask the child to stop, wait for it (terminate it if it hangs), and for the reader."""
        self.send("shutdown")
        self.process.join(CHILD_EXIT_SECONDS)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(1.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self._reader.join(CHILD_EXIT_SECONDS)
        self._commands.close()
        self._events.close()
        self.alive = False


def read_only(value):
    """``value`` with every array in it read-only again, as the worker made it (pickling
    does not keep the flag); dataclasses, tuples and lists are looked through."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif isinstance(value, tuple | list):
        for item in value:
            read_only(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            read_only(getattr(value, field.name))
    return value


# the child ----------------------------------------------------------------------------------
class _TextTable(QTranslator):
    """Translations handed over by the GUI process (the worker's texts only)."""

    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self.texts = texts

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002
        # None, not "": Qt takes an empty text for a translation (PySide's tr asks again
        # with the base classes' names when the first answer is the source text itself).
        if context != CONTEXT:
            return None
        return self.texts.get(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


class _LogToParent(logging.Handler):
    """In the child: each log record (a failure's traceback) goes to the GUI process's log."""

    def __init__(self, tell) -> None:
        super().__init__(logging.INFO)
        self._tell = tell
        self.setFormatter(logging.Formatter("%(message)s (in the training process)"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._tell("log", (record.levelno, record.name, self.format(record)))
        except Exception:  # noqa: BLE001 - logging must never raise
            self.handleError(record)


class _ChildBridge(QObject):
    """In the child: commands from the pipe to the worker, the worker's signals to the pipe."""

    def __init__(self, worker: TrainingWorker, texts: _TextTable, commands, events) -> None:
        super().__init__()
        self._worker, self._texts = worker, texts
        self._commands, self._events = commands, events
        self.finished = False  # told to stop (or the GUI process is gone)
        for name in WORKER_SIGNALS:
            getattr(worker, name).connect(lambda *args, n=name: self.tell(n, args))
        self._notifier = QSocketNotifier(commands.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_commands)

    def tell(self, name: str, args: tuple) -> None:
        try:
            self._events.send((name, args))
        except (BrokenPipeError, ConnectionError, OSError):
            self._quit()  # the GUI process is gone

    def _on_commands(self) -> None:
        try:
            while self._commands.poll():
                command, args = self._commands.recv()
                if not self._obey(command, args):
                    return
        except (EOFError, OSError):
            self._quit()

    def _obey(self, command: str, args: tuple) -> bool:
        if command == "shutdown":
            self._quit()
            return False
        if command == "set_texts":
            self._texts.texts = args[0]
        else:
            getattr(self._worker, command)(*args)
        return True

    def _quit(self) -> None:
        self.finished = True
        self._notifier.setEnabled(False)
        self._worker.halt()
        QCoreApplication.quit()  # does nothing before the event loop runs: see `finished`


def run_child(project: Project, texts: dict[str, str], commands: Connection, events) -> None:
    """The child process: train ``project`` as told through ``commands``; report on ``events``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the GUI process to handle
    if hasattr(os, "nice"):
        os.nice(CHILD_NICENESS)  # a busy machine runs the GUI first, then the training
    app = QCoreApplication.instance() or QCoreApplication(["bpstudio-training"])
    table = _TextTable(texts)
    app.installTranslator(table)
    worker = TrainingWorker(project, shares_gil=False)
    bridge = _ChildBridge(worker, table, commands, events)
    logger = logging.getLogger("bpstudio")  # crash_log.LOGGER_NAME, whose file is the GUI's
    logger.addHandler(_LogToParent(bridge.tell))
    logger.setLevel(logging.INFO)
    worker._on_thread_started()  # the timer, and the first snapshot
    if not bridge.finished:  # the GUI may have gone already (its first snapshot unsent)
        app.exec()
    del bridge
    events.close()
    commands.close()
