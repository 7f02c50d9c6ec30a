"""The first window's rectangle comes from the screen's available geometry."""

from PySide6.QtCore import QRect

from bpstudio.views.window.window_geometry import DEFAULT_SIZE, FRAME_MARGIN, first_window_rect


def test_a_big_screen_gets_the_default_size_centred():
    available = QRect(0, 30, 2560, 1400)  # a panel at the top
    rect = first_window_rect(available)
    assert rect.size() == DEFAULT_SIZE
    assert rect.center() == available.center()


def test_a_small_screen_gets_a_window_inside_it():
    available = QRect(0, 0, 1280, 720)
    rect = first_window_rect(available)
    assert available.contains(rect)
    assert rect.width() == 1280 - 2 * FRAME_MARGIN and rect.height() == 720 - 2 * FRAME_MARGIN


def test_a_second_screen_to_the_right_is_used_where_it_is():
    available = QRect(1920, 0, 1366, 768)
    assert available.contains(first_window_rect(available))
