"""One computation a view shows, run at once when small and on a thread when big.

``result`` is the newest result, or None while one is under way; ``changed`` says either.  A
result that arrives after a newer request is dropped (a view never shows the numbers of a state
that is gone), and requests made while a thread works wait for it and then only the newest
runs: a busy thread is never stacked with work that would be thrown away.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class _Done(QObject):
    """Carries a result from the worker thread to the job's (a queued signal)."""

    done = Signal(int, object)  # (request number, the result or the exception raised)


class BackgroundJob(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = 0
        self._running = False  # a thread is computing (maybe an older request)
        self._queued: tuple | None = None  # the newest request waiting for that thread
        self._done = _Done(self)
        self._done.done.connect(self._on_done)
        self.result = None

    @property
    def busy(self) -> bool:
        return self.result is None

    def run(self, compute: Callable, args: tuple, at_once: bool) -> None:
        """``compute(*args)``: here and now with ``at_once``, else on a thread."""
        self._request += 1
        if at_once:
            self._queued = None
            self.result = compute(*args)
            self.changed.emit()
            return
        self.result = None
        self.changed.emit()
        self._queued = (self._request, compute, args)
        if not self._running:
            self._start_queued()

    def _start_queued(self) -> None:
        request, compute, args = self._queued
        self._queued = None
        self._running = True
        thread = threading.Thread(target=self._compute, args=(request, compute, args), daemon=True)
        thread.start()

    def _compute(self, request: int, compute: Callable, args: tuple) -> None:
        try:
            result = compute(*args)
        except Exception as exc:  # noqa: BLE001 - raised again on the job's thread, not lost on this one
            result = exc
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._done.done.emit(request, result)

    def _on_done(self, request: int, result) -> None:
        self._running = False
        if self._queued is not None:
            self._start_queued()  # a newer request came: compute it, drop this result
            return
        if request != self._request:
            return  # a small request came since and was computed at once
        if isinstance(result, Exception):
            raise result
        self.result = result
        self.changed.emit()
