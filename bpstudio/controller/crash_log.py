"""Uncaught exceptions: logged to a rotating file in the user's data directory and announced
by a signal, so the window can show them (and offer Save As) instead of dying silently.

PySide6 hands an exception escaping a slot or a virtual override (paintEvent, ...) to
``sys.excepthook``; exceptions escaping a Python thread go to ``threading.excepthook``.  Both
hooks are replaced here.  They may run on any thread: ``crashed`` is emitted from there and
reaches the GUI through a queued connection.  Ctrl+C (KeyboardInterrupt) keeps its usual
behaviour.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal

from bpstudio.model.safe_files import private_folder

LOG_FILE_NAME = "bpstudio.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3  # bpstudio.log.1 .. .3: a few megabytes at most, however long BP Studio runs
LOGGER_NAME = "bpstudio"

_log = logging.getLogger(__name__)


def log_folder() -> Path:
    """``<user data dir>/logs`` (on Linux ``~/.local/share/BPStudio/BP Studio/logs``)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "logs"


def start_log_file(folder: Path | None = None) -> logging.Handler:
    """Send the ``bpstudio`` loggers' warnings and errors to a rotating file; returns the
    handler (remove it with ``stop_log_file``)."""
    # The log names the student's files: a folder only its owner can read (0700).
    folder = private_folder(folder if folder is not None else log_folder())
    handler = logging.handlers.RotatingFileHandler(
        folder / LOG_FILE_NAME, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setLevel(logging.INFO)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return handler


def stop_log_file(handler: logging.Handler) -> None:
    logging.getLogger(LOGGER_NAME).removeHandler(handler)
    handler.close()


def format_exception(exc_type, exc, tb) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


class CrashReporter(QObject):
    """Installs the exception hooks; create it on the GUI thread."""

    crashed = Signal(str)  # the formatted traceback

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous_hooks = None

    def install(self) -> None:
        if self._previous_hooks is None:
            self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_uncaught
        threading.excepthook = self._on_thread_uncaught

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks
            self._previous_hooks = None

    def report(self, exc_type, exc, tb, where: str = "") -> None:
        """Log one exception and announce it; never raises (it runs inside a hook)."""
        try:
            details = format_exception(exc_type, exc, tb)
            _log.critical("Uncaught exception%s\n%s", where, details.rstrip())
            self.crashed.emit(details)
        except Exception:  # noqa: BLE001 - a failing hook must not hide the first exception
            sys.__excepthook__(exc_type, exc, tb)

    # hooks ----------------------------------------------------------------------------------
    def _on_uncaught(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb, _thread_note(threading.current_thread()))

    def _on_thread_uncaught(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return  # a thread ending itself, as threading's own hook treats it
        self.report(args.exc_type, args.exc_value, args.exc_traceback, _thread_note(args.thread))


def _thread_note(thread: threading.Thread | None) -> str:
    if thread is None or thread is threading.main_thread():
        return ""
    return f" in thread {thread.name}"


def log_training_failure(message: str) -> None:
    """The training worker reports its own exceptions as a signal; keep them in the log too."""
    _log.error("%s", message)
