"""The window trains at a pace to watch; flat out is one click away (and one click back)."""

from __future__ import annotations

import math

from bpstudio.controller.training_pace import DEFAULT_STEPS_PER_SECOND
from tests.views.window_support import close_inside_the_test, shown_window


def test_the_window_starts_at_the_default_pace_and_flat_out_is_one_click(qtbot, monkeypatch):
    window = shown_window(qtbot, monkeypatch)
    panel = window.learning.training_panel
    controller = window.workspace.controller
    assert controller.speed == DEFAULT_STEPS_PER_SECOND
    assert panel.speed_label.text() == "20 steps/s"
    assert not panel.flat_out_button.isChecked()
    panel.flat_out_button.click()
    assert math.isinf(controller.speed) and panel.speed_label.text() == "flat out"
    panel.flat_out_button.click()
    assert controller.speed == DEFAULT_STEPS_PER_SECOND
    panel.speed_slider.setValue(panel.speed_slider.maximum())  # the slider's end: flat out too
    assert panel.flat_out_button.isChecked()
    close_inside_the_test(window)
