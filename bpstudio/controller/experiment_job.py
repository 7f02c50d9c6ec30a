"""An experiment (model/experiment.py) trained off the GUI thread, with progress and Cancel.

The runs train in a child process of their own, started as the training process's children
are (controller/training_process.py: a fork server on Linux, one BLAS thread, a lower
priority), so the window's interpreter never waits for the training loop; where processes are
not used (Windows, ``BPSTUDIO_TRAINING_THREAD=1``) on a thread.  Either way the work sends
``("progress", done, total)`` and finally ``("done", runs)`` or ``("failed", error)`` down one
channel; a reader thread passes them on as this object's signals (queued to the GUI thread).
Cancel asks the work to stop between two runs of the engine (a tenth of a second at most): the
runs finished by then still arrive, with ``complete`` False.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from bpstudio.controller.training_process import (
    CHILD_EXIT_SECONDS,
    CHILD_NICENESS,
    _process_context,
    one_blas_thread,
    processes_available,
)
from bpstudio.model.experiment import Plan, run_experiment
from bpstudio.model.network import Network
from bpstudio.model.project import Project

CANCEL = "cancel"


def experiment_work(project, plan, start, send: Callable, cancel_requested: Callable) -> None:
    """The work on the other side: the runs, with progress; what ended it, sent last."""
    try:
        progress = lambda done, total: send(("progress", done, total))  # noqa: E731
        runs = run_experiment(project, plan, start, progress, cancel_requested)
    except Exception as exc:  # noqa: BLE001 - reported to the window, not lost in a child
        send(("failed", exc))
        return
    send(("done", runs, len(runs) == len(plan.values)))


def _child_main(project, plan, start, connection) -> None:
    """The child process's main: the work, its messages down ``connection``."""
    with contextlib.suppress(OSError):
        os.nice(CHILD_NICENESS)

    def cancel_requested() -> bool:
        return connection.poll() and connection.recv() == CANCEL

    with contextlib.suppress(BrokenPipeError, EOFError, OSError):
        experiment_work(project, plan, start, connection.send, cancel_requested)
    connection.close()


class _Relay(QObject):
    """Carries the work's messages from the reader thread to the job's (a queued signal)."""

    message = Signal(object)


class ExperimentJob(QObject):
    progressed = Signal(int, int)  # steps done, steps in all
    finished = Signal(object, bool)  # the runs (list[KeptRun]), complete (False: cancelled)
    failed = Signal(object)  # the exception the work raised (a ModelError names what)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.message.connect(self._on_message)
        self._cancel: Callable[[], None] | None = None
        self._process = None
        self._reader: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(self, project: Project, plan: Plan, start: Network | None = None) -> None:
        if self.running:
            raise RuntimeError("an experiment is already running")
        if processes_available():
            self._start_process(project, plan, start)
        else:
            self._start_thread(project, plan, start)

    def cancel(self) -> None:
        """Stop after the current run of the engine; `finished` brings the finished runs."""
        if self._cancel is not None:
            self._cancel()

    def shutdown(self) -> None:
        """Cancel and wait for the work to end (the window is closing)."""
        process = self._process
        self.cancel()
        if process is not None:
            process.join(CHILD_EXIT_SECONDS)
            if process.is_alive():
                process.terminate()
                process.join(1.0)
        if self._reader is not None:
            self._reader.join(CHILD_EXIT_SECONDS)

    # the two ways of running it -------------------------------------------------------------
    def _start_process(self, project: Project, plan: Plan, start: Network | None) -> None:
        context = _process_context()
        mine, theirs = context.Pipe(duplex=True)
        process = context.Process(
            target=_child_main,
            args=(project, plan, start, theirs),
            name="bpstudio-experiment",
            daemon=True,
        )
        with one_blas_thread():
            process.start()
        theirs.close()  # so the child's end reads as end of file here
        self._process = process
        self._cancel = lambda: _send_quietly(mine, CANCEL)
        self._reader = _reading(lambda: mine.recv(), self._relay.message.emit, mine.close)

    def _start_thread(self, project: Project, plan: Plan, start: Network | None) -> None:
        messages: queue.SimpleQueue = queue.SimpleQueue()
        stop = threading.Event()
        args = (project, plan, start, messages.put, stop.is_set)
        threading.Thread(target=experiment_work, args=args, daemon=True).start()
        self._cancel = stop.set
        self._reader = _reading(messages.get, self._relay.message.emit, lambda: None)

    # messages -------------------------------------------------------------------------------
    def _on_message(self, message: tuple) -> None:
        kind = message[0]
        if kind == "progress":
            self.progressed.emit(message[1], message[2])
            return
        self._end()
        if kind == "done":
            self.finished.emit(message[1], message[2])
        elif kind == "failed":
            self.failed.emit(message[1])
        else:  # the child ended without a word (killed, crashed)
            self.failed.emit(RuntimeError(self.tr("The experiment's process ended unexpectedly")))

    def _end(self) -> None:
        self._cancel = None
        if self._process is not None:
            self._process.join(CHILD_EXIT_SECONDS)
            self._process = None


def _send_quietly(connection, message) -> None:
    with contextlib.suppress(BrokenPipeError, OSError):
        connection.send(message)


def _reading(receive: Callable, deliver: Callable, close: Callable) -> threading.Thread:
    """A thread that delivers each message received until the last one (or end of file)."""

    def read() -> None:
        while True:
            try:
                message = receive()
            except (EOFError, OSError):
                message = ("ended",)
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                deliver(message)
            if message[0] != "progress":
                break
        close()

    thread = threading.Thread(target=read, name="bpstudio-experiment-reader", daemon=True)
    thread.start()
    return thread
