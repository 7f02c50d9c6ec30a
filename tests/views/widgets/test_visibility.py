"""Out of sight: a tab page behind another, a dock tabbed behind another (which Qt does not
hide, only moves out of the window); and the call back once it is chosen again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget

from bpstudio.views.widgets.visibility import SightWatch, out_of_sight


@pytest.fixture
def docks(qtbot):
    """A shown window with two docks tabbed together, the first one in front."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("centre"))
    front, back = QDockWidget("front"), QDockWidget("back")
    for dock in (front, back):
        dock.setWidget(QLabel(dock.windowTitle()))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(front, back)
    front.raise_()
    window.resize(600, 400)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not out_of_sight(front.widget()))
    return window, front, back


def test_a_dock_tabbed_behind_another_is_out_of_sight_until_chosen(qtbot, docks):
    _window, front, back = docks
    assert out_of_sight(back.widget()) and back.widget().isVisible()  # Qt calls it visible
    caught_up = []
    watch = SightWatch(back.widget(), lambda: caught_up.append(True))
    assert not watch.in_sight() and watch.missed
    back.raise_()
    qtbot.waitUntil(lambda: caught_up == [True])
    assert not out_of_sight(back.widget()) and watch.in_sight()
    assert out_of_sight(front.widget())


def test_nothing_to_catch_up_is_not_called_back(qtbot, docks):
    _window, front, back = docks
    caught_up = []
    watch = SightWatch(front.widget(), lambda: caught_up.append(True))
    assert watch.in_sight()
    back.raise_()
    front.raise_()
    qtbot.waitUntil(lambda: not out_of_sight(front.widget()))
    qtbot.waitUntil(lambda: not watch.missed)
    assert caught_up == []


def test_a_tab_page_behind_another_is_out_of_sight_until_shown(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    first, second = QLabel("first"), QLabel("second")
    tabs.addTab(first, "1")
    tabs.addTab(second, "2")
    tabs.show()
    qtbot.waitExposed(tabs)
    caught_up = []
    watch = SightWatch(second, lambda: caught_up.append(True))
    assert not watch.in_sight()
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: caught_up == [True])


def test_a_widget_in_a_window_not_shown_counts_as_in_sight(qtbot):
    label = QLabel("never shown")
    qtbot.addWidget(label)
    assert not out_of_sight(label)
