"""The window's start in two parts.

Everything the first frame shows is built in the window's constructor; what starts hidden
behind another tab is built just after the first frame is on screen (`firstFrameShown`), or at
once when anything asks for it before that (`finish`, which the properties handing such
contents out call).  The dock helpers get this, not the whole window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class StartupStages(QObject):
    # Once, just after the window's first frame is on screen (the deferred part is built by
    # then: see finish).
    firstFrameShown = Signal()
    # Once, when the contents left for after the first frame exist.
    startupFinished = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._deferred: list[Callable[[], None]] | None = []
        self._first_frame = _FirstFrameWatch(window, self._on_first_frame)

    def later(self, build: Callable[[], None]) -> None:
        """Run ``build`` once the first frame is on screen (or when `finish` is called); at
        once if the start has finished already."""
        if self._deferred is None:
            build()
        else:
            self._deferred.append(build)

    def finish(self) -> None:
        """Build what was left for after the first frame, now if not done yet.  Called after
        the first frame; anything that needs those contents earlier (a test, a script, a window
        never shown) gets them by calling it."""
        builds, self._deferred = self._deferred, None
        if builds is None:
            return
        for build in builds:
            build()
        self.startupFinished.emit()

    @property
    def finished(self) -> bool:
        return self._deferred is None

    def window_shown(self) -> None:
        """The window's showEvent: start watching for its first frame."""
        self._first_frame.watch()

    def _on_first_frame(self) -> None:
        self.finish()
        self.firstFrameShown.emit()


class _FirstFrameWatch(QObject):
    """Tells when a window's first frame is on screen.

    Qt paints a window's first frame while it handles the window's first Expose event, after
    every event posted before it (a 0 ms timer started in a constructor runs *before* the first
    frame).  So the watch waits for that Expose and posts the call from there: the call runs
    once the frame has been painted and flushed.
    """

    def __init__(self, window: QWidget, call: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._call = call
        self._handle = None
        self._done = False

    def watch(self) -> None:
        handle = self._window.windowHandle()
        if self._done or handle is None or handle is self._handle:
            return
        self._handle = handle
        if handle.isExposed():  # a platform that exposes a window while showing it
            self._seen(handle)
        else:
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and watched.isExposed() and not self._done:
            self._seen(watched)
        return False

    def _seen(self, handle) -> None:
        self._done = True
        handle.removeEventFilter(self)
        QTimer.singleShot(0, self, self._call)
