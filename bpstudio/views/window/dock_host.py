"""The window's docks: each made with its name (the one QSettings restores the layout by) and a
title that follows the language; every new dock's show/hide action is announced
(``dockAdded``) for the View menu.  The dock helpers get this, not the whole window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from bpstudio.views.widgets.language import translate

Area = Qt.DockWidgetArea


class DockHost(QObject):
    dockAdded = Signal(QAction)  # the new dock's show/hide action

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.docks: dict[str, QDockWidget] = {}
        self._titles: dict[str, Callable[[], str]] = {}

    def add(
        self,
        widget: QWidget | None,
        object_name: str,
        title: str | Callable[[], str],
        area: Area = Area.RightDockWidgetArea,
    ) -> QDockWidget:
        """Put ``widget`` in a dock named ``object_name``.  ``title`` is best a function
        returning the translated title (``lambda: self.tr("Data")``), so that it follows a
        language switch; a plain English text is looked up in the "MainWindow" context
        instead.  ``widget`` None: the dock is there (for the saved layout and the View menu)
        and gets its widget later, with ``dock.setWidget``."""
        if isinstance(title, str):
            source = title
            title = lambda: translate("MainWindow", source)  # noqa: E731
        dock = QDockWidget(self._window)
        dock.setObjectName(object_name)
        if widget is not None:
            dock.setWidget(widget)
        self._window.addDockWidget(area, dock)
        self.docks[object_name] = dock
        self._titles[object_name] = title
        self._show_title(dock, title())
        self.dockAdded.emit(dock.toggleViewAction())
        return dock

    def tabify(self, first: str, second: str) -> None:
        """``second`` becomes a tab behind ``first``."""
        self._window.tabifyDockWidget(self.docks[first], self.docks[second])

    def split(self, first: str, second: str, orientation: Qt.Orientation) -> None:
        self._window.splitDockWidget(self.docks[first], self.docks[second], orientation)

    def raise_(self, name: str) -> None:
        self.docks[name].raise_()

    def retranslate(self) -> None:
        for name, dock in self.docks.items():
            self._show_title(dock, self._titles[name]())

    @staticmethod
    def _show_title(dock: QDockWidget, title: str) -> None:
        dock.setWindowTitle(title)
        tip = translate("MainWindow", "Show or hide the %s panel") % title
        dock.toggleViewAction().setToolTip(tip)
