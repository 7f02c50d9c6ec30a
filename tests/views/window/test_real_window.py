"""The app in a real X11 window (run under Xvfb by .ci/run: pytest -m xvfb)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.views.window_support import close_inside_the_test, shown_window

pytestmark = pytest.mark.xvfb


def distinct_colours(image, step: int = 7) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_the_seed_network_opens_in_a_real_window_and_the_walkthrough_moves(qtbot, monkeypatch):
    assert QGuiApplication.platformName() == "xcb"
    window = shown_window(qtbot, monkeypatch)
    window.resize(1400, 900)
    qtbot.waitExposed(window)

    # What the X server shows, not what Qt would paint offscreen; painting reaches the
    # server a moment after the window is exposed.
    def screen_shows_the_window() -> bool:
        shot = window.screen().grabWindow(window.winId()).toImage()
        return shot.width() >= 800 and distinct_colours(shot) > 50

    qtbot.waitUntil(screen_shows_the_window, timeout=5000)
    cursor = window.workspace.cursor
    window.activateWindow()  # shortcuts go to the active window; there is no window manager
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.diagram.setFocus()
    with qtbot.waitSignal(cursor.stepChanged, timeout=3000):
        qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
    assert cursor.index == 1 and window.document.highlight == cursor.current.touches
    close_inside_the_test(window)
