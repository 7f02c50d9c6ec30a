"""One home for "do this soon, once": many requests in a short while become one call.

A view that redraws on every snapshot, a panel that refreshes on every change: each asks its
`Coalescer`, which calls back once, ``interval_ms`` after the first request it has not served
yet (later requests join that call: a throttle, like pyqtgraph's SignalProxy with a rate
limit).  `restart` moves the call to ``interval_ms`` from now instead (a debounce: wait for the
requests to settle).  QtCore only, so controllers and views share it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Coalescer(QObject):
    def __init__(self, call: Callable[[], object], interval_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._call = call
        self._timer = QTimer(self, singleShot=True, interval=interval_ms)
        self._timer.timeout.connect(call)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def request(self) -> None:
        """Call back once, ``interval_ms`` after the first request not yet served."""
        if not self._timer.isActive():
            self._timer.start()

    def restart(self, interval_ms: int | None = None) -> None:
        """Call back ``interval_ms`` (or the usual interval) from now, once."""
        if interval_ms is None:
            self._timer.start()
        else:
            self._timer.start(interval_ms)

    def cancel(self) -> None:
        self._timer.stop()

    def flush(self) -> None:
        """Make the pending call now (nothing when none is pending)."""
        if self._timer.isActive():
            self._timer.stop()
            self._call()
