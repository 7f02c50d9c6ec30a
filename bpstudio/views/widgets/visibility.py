"""Whether the student can see a view, and a call when they can again.

A view that redraws on every training snapshot should not redraw while nobody can see it: on a
tab page behind another, or in a dock tabbed behind another.  The second case is not "hidden"
to Qt (a dock tabbed away keeps isVisible() true, with nothing of it on screen), so both are
checked here, and both ways back into sight (the tab page shown, the dock's tab chosen) call
the view back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget


def out_of_sight(widget: QWidget) -> bool:
    """True while ``widget``'s window is shown but the widget is not on screen.  A widget in a
    window that is not shown (tests, exports) counts as in sight: it draws as it always did."""
    window = widget.window()
    if not window.isVisible():
        return False
    if not widget.isVisible():
        return True
    # A dock tabbed behind another is moved outside its window, not hidden.
    return not QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()).intersects(window.rect())


class SightWatch(QObject):
    """Tells ``widget``'s owner whether to draw now, and calls ``catch_up`` once the widget
    comes back into sight after an update it skipped."""

    def __init__(self, widget: QWidget, catch_up: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._catch_up = catch_up
        self._missed = False
        self._watched_docks: list[QDockWidget] = []
        widget.installEventFilter(self)

    def in_sight(self) -> bool:
        """Whether to draw now; if not, the skipped update is remembered."""
        if not out_of_sight(self._widget):
            self._missed = False
            return True
        self._missed = True
        self._watch_docks()
        return False

    @property
    def missed(self) -> bool:
        return self._missed

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._missed:
            self._schedule_catch_up()
        return False

    def _watch_docks(self) -> None:
        parent = self._widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QDockWidget) and parent not in self._watched_docks:
                parent.visibilityChanged.connect(self._on_dock_visibility_changed)
                self._watched_docks.append(parent)
            parent = parent.parentWidget()

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible and self._missed:
            self._schedule_catch_up()

    def _schedule_catch_up(self) -> None:
        # On the next turn of the event loop: the dock's new geometry is laid out by then.
        QTimer.singleShot(0, self, self._on_catch_up_due)

    def _on_catch_up_due(self) -> None:
        if self._missed:
            self._missed = False
            self._catch_up()
