"""Python's cyclic garbage collector runs on the GUI thread only.

Automatic collection runs in whichever thread happens to allocate when a threshold is passed:
a walkthrough being derived on a thread, an evaluation in the background.  If that collection
frees a Qt widget caught in a reference cycle, the widget is destroyed on the wrong thread,
which Qt forbids; seen here as a deadlock (the build thread's collection destroying a QMenu
waited for the interpreter lock for ever).  So automatic collection is switched off and the
GUI thread collects instead, with the same thresholds, on a timer (pyqtgraph's
GarbageCollector does the same).  The tests collect between two tests (tests/conftest.py).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


def collect_due() -> None:
    """The collection that automatic garbage collection would make now, if any."""
    threshold0, threshold1, threshold2 = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if count2 > threshold2:
        gc.collect(2)
    elif count1 > threshold1:
        gc.collect(1)
    elif count0 > threshold0:
        gc.collect(0)


class GuiThreadCollector(QObject):
    """Owned by the application: from its creation on, only the GUI thread collects."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(collect_due)
        self._timer.start()

    @staticmethod
    def freeze_start_up() -> None:
        """Collect once, then move every object alive now (the modules, the window, its
        widgets: hundreds of thousands) to the permanent generation, which no collection
        scans.  Without it each collection of the older generations walks them all: 25-45 ms
        on the GUI thread while training (docs/performance.md), where a frame is 16 ms.  Call
        it once the window's start is complete."""
        gc.collect()
        gc.freeze()
