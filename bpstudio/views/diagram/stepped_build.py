"""Runs a diagram build a slice at a time, between turns of the event loop.

A network of thousands of edges takes a few hundred milliseconds to build, which would freeze
the window (issue 21: never an event-loop stall over 200 ms).  The builder yields after every
few items; this runs its steps until a slice's time is used, then lets the event loop paint
and take input before the next slice.  Cancelling drops the generator: its items are removed
by the scene's ``clear`` of the build that replaces it, so no stale item survives.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer

SLICE_SECONDS = 0.03  # well under the 100 ms a slice may take, and few slices in all


class SteppedBuild(QObject):
    def __init__(self, steps: Iterator, on_done: Callable[[], None], parent=None) -> None:
        super().__init__(parent)
        self._steps: Iterator | None = steps
        self._on_done = on_done
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_slice)
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._steps is not None

    def cancel(self) -> None:
        """Never runs another step nor calls ``on_done``."""
        self._timer.stop()
        self._steps = None

    def finish_now(self) -> None:
        """Runs the remaining steps at once (an export needs every item)."""
        self._run(deadline=None)

    def _run_slice(self) -> None:
        self._run(deadline=time.perf_counter() + SLICE_SECONDS)

    def _run(self, deadline: float | None) -> None:
        steps = self._steps
        if steps is None:
            return
        for _ in steps:
            if deadline is not None and time.perf_counter() >= deadline:
                self._timer.start()
                return
        self.cancel()
        self._on_done()
