"""Where the first window goes: sized and placed from the screen's available geometry.

A window larger than its screen puts docks off screen, where a student never finds them; so
the default size shrinks to the screen (minus a margin for the window frame and panels the
window manager adds) and the window is centred there.  A saved geometry overrides this.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

DEFAULT_SIZE = QSize(1440, 900)  # on a screen with room to spare
FRAME_MARGIN = 16  # each side: room for the window manager's frame and shadows


def first_window_rect(available: QRect, preferred: QSize = DEFAULT_SIZE) -> QRect:
    """The window's rectangle (without frame) inside ``available``, centred."""
    width = min(preferred.width(), max(1, available.width() - 2 * FRAME_MARGIN))
    height = min(preferred.height(), max(1, available.height() - 2 * FRAME_MARGIN))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def place_first_window(window) -> None:
    """Size and centre ``window`` on its screen (the primary one before it is shown)."""
    screen = window.screen()
    if screen is None:
        window.resize(DEFAULT_SIZE)
        return
    window.setGeometry(first_window_rect(screen.availableGeometry()))
