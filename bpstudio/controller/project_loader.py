"""Opening a big project file without freezing the window: read and checked in a child process.

A project of a few million weights takes seconds to read: the JSON parser and the loader's
checks run in Python, and the parser holds the interpreter lock for all of its time, so on a
thread of the window's process it would still freeze the window.  A child process (started
like the training's: never a fork of the GUI) reads the file and sends the checked project
back through a pipe; a thread of this process waits for it and hands it to the GUI thread as
a signal.  Small files are read at once, as before: a child costs more than they do.
"""

from __future__ import annotations

import contextlib
import os
import threading

from PySide6.QtCore import QObject, Signal

from bpstudio.model.project import load_project
from bpstudio.model.validation import ProjectFileError

# Files bigger than this are read in a child process: parsing a bigger one on the GUI thread
# takes longer than a frame (docs/performance.md, "Figures behind the code's choices").
LOAD_IN_CHILD_BYTES = 2**20


def loads_in_background(path) -> bool:
    try:
        return os.stat(path).st_size > LOAD_IN_CHILD_BYTES
    except OSError:
        return False  # read at once: the loader says what is wrong with the path


def _load_in_child(path, connection) -> None:
    """The child's main: load ``path`` and send ("ok", project) or ("error", exception)."""
    try:
        result = ("ok", load_project(path))
    except ProjectFileError as exc:
        result = ("error", exc)
    except Exception as exc:  # noqa: BLE001 - sent as text: the exception itself may not pickle
        result = ("crash", f"{type(exc).__name__}: {exc}")
    connection.send(result)
    connection.close()


class ProjectLoad(QObject):
    """One file being opened in the background; ``loaded`` or ``failed`` ends it."""

    loaded = Signal(object)  # the Project
    failed = Signal(object)  # a ProjectFileError (the loader's message), or an error's text
    _finished = Signal(object)  # (kind, payload) from the waiting thread to this object's

    def __init__(self, path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._process = None
        self._cancelled = False
        self._finished.connect(self._on_finished)

    def start(self) -> None:
        # The child is started by the waiting thread too: starting one waits for the fork
        # server, which, the first time, takes a second to import NumPy and the model.
        threading.Thread(target=self._run, daemon=True).start()

    def cancel(self) -> None:
        self._cancelled = True
        process = self._process
        if process is not None and process.is_alive():
            process.terminate()

    def _run(self) -> None:
        from bpstudio.controller.training_process import _process_context

        try:
            context = _process_context()
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(
                target=_load_in_child, args=(str(self.path), sending), daemon=True
            )
            process.start()
            self._process = process
            sending.close()  # the child has its own end: recv() ends if the child dies
            if self._cancelled:
                process.terminate()
            result = receiving.recv()
        except EOFError:
            result = ("crash", "the process reading the file ended before it finished")
        except Exception as exc:  # noqa: BLE001 - no child, no pipe: said in the box, never left waiting
            result = ("crash", f"{type(exc).__name__}: {exc}")
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._finished.emit(result)

    def _on_finished(self, result) -> None:
        if self._process is not None:
            self._process.join(timeout=1.0)
        if self._cancelled:
            return
        kind, payload = result
        if kind == "ok":
            self.loaded.emit(payload)
        else:
            self.failed.emit(payload)
