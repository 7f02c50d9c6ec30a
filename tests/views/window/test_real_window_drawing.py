"""What the X server shows of the diagram equals a fresh render of it, after every change.

Offscreen grabs re-render the whole widget, so they cannot see an area Qt forgot to repaint;
only the pixels read back from a real screen can (a stale highlight glow stayed on screen until
the window was covered).  Run under Xvfb by .ci/run: ``pytest -m xvfb``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication, QImage

from tests.views.window_support import close_inside_the_test, shown_window

pytestmark = pytest.mark.xvfb

# Antialiased lines repainted in a small clipped rectangle can differ by a step or two per
# channel from the same lines painted whole; a stale glow differs by a hundred or more.
CHANNEL_TOLERANCE = 24
MATCH_TIMEOUT_MS = 3000


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = rows.reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3]


def stale_fraction(view) -> float:
    """The share of the diagram's pixels where the screen differs from a fresh render."""
    viewport = view.viewport()
    corner = viewport.mapToGlobal(QPoint(0, 0))
    width, height = viewport.width(), viewport.height()
    on_screen = viewport.screen().grabWindow(0, corner.x(), corner.y(), width, height)
    fresh = viewport.grab()
    a, b = pixels(on_screen.toImage()), pixels(fresh.toImage())
    assert a.shape == b.shape, "the viewport lies partly off the screen"
    differs = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2) > CHANNEL_TOLERANCE
    return float(differs.mean())


def assert_screen_is_fresh(qtbot, view, what: str) -> None:
    """Waits (polling) until the screen shows what a fresh render shows; fails naming ``what``."""
    last = [1.0]

    def fresh() -> bool:
        last[0] = stale_fraction(view)
        return last[0] == 0.0

    try:
        qtbot.waitUntil(fresh, timeout=MATCH_TIMEOUT_MS)
    except qtbot.TimeoutError:
        pytest.fail(
            f"after {what}, the screen still differs from a fresh render in {last[0]:.2%} "
            "of the diagram's pixels: an area was not repainted"
        )


@contextmanager
def seed_window(qtbot, monkeypatch) -> Iterator:
    """The seed network in a real window, closed (its training thread stopped) in the test."""
    assert QGuiApplication.platformName() == "xcb"
    win = shown_window(qtbot, monkeypatch)
    win.resize(1400, 900)
    win.move(0, 0)
    qtbot.waitExposed(win)
    win.finish_startup()
    qtbot.waitUntil(lambda: len(win.workspace.cursor.steps) > 0, timeout=10000)
    assert_screen_is_fresh(qtbot, win.diagram, "opening the window")
    try:
        yield win
    finally:
        close_inside_the_test(win)


def test_every_walkthrough_step_reaches_the_screen(qtbot, monkeypatch):
    with seed_window(qtbot, monkeypatch) as window:
        cursor = window.workspace.cursor
        count = len(cursor.steps)
        assert count > 20  # the seed network's whole lesson, forward and backward
        for index in range(1, count):
            with qtbot.waitSignal(cursor.stepChanged, timeout=3000):
                cursor.next()
            assert_screen_is_fresh(qtbot, window.diagram, f"walkthrough step {index + 1}/{count}")
        # And back to the start, where nothing is highlighted any more.
        cursor.go_to(0)
        assert_screen_is_fresh(qtbot, window.diagram, "going back to the first step")


def test_a_weight_edit_and_its_undo_reach_the_screen(qtbot, monkeypatch):
    with seed_window(qtbot, monkeypatch) as window:
        cursor = window.workspace.cursor
        for _ in range(3):  # some edges highlighted while the weight changes
            cursor.next()
        assert_screen_is_fresh(qtbot, window.diagram, "three walkthrough steps")
        document = window.document
        document.set_weight(2, 1, 1, -2.5)  # w_11^2 changes sign and grows
        assert_screen_is_fresh(qtbot, window.diagram, "editing a weight")
        document.undo_stack.undo()
        assert_screen_is_fresh(qtbot, window.diagram, "undoing the edit")
        document.undo_stack.redo()
        assert_screen_is_fresh(qtbot, window.diagram, "redoing the edit")


def test_training_paused_mid_run_reaches_the_screen(qtbot, monkeypatch):
    with seed_window(qtbot, monkeypatch) as window:
        cursor = window.workspace.cursor
        for _ in range(5):
            cursor.next()
        panel = window.learning.training_panel
        controller = window.workspace.controller
        with qtbot.waitSignal(controller.runningChanged, timeout=5000):
            panel.play_action.trigger()
        qtbot.waitUntil(
            lambda: (s := controller.latest_snapshot) is not None and s.step_count >= 20,
            timeout=20000,
        )
        with qtbot.waitSignal(controller.stopped, timeout=5000):
            panel.play_action.trigger()
        assert not controller.is_running
        assert_screen_is_fresh(qtbot, window.diagram, "pausing training mid-run")


def test_selecting_zooming_and_switching_language_reach_the_screen(qtbot, monkeypatch):
    with seed_window(qtbot, monkeypatch) as window:
        document, view = window.document, window.diagram
        edge = view.diagram_scene.items_.edge_order[0]
        document.set_selection(frozenset({edge}))
        assert_screen_is_fresh(qtbot, view, "selecting an edge")
        document.set_selection(frozenset())
        assert_screen_is_fresh(qtbot, view, "clearing the selection")
        view.zoom_in()
        assert_screen_is_fresh(qtbot, view, "zooming in")
        view.fit()
        assert_screen_is_fresh(qtbot, view, "fitting the diagram")
        window.workspace.cursor.next()
        view.set_edge_overlay("gradient")
        assert_screen_is_fresh(qtbot, view, "showing gradients on the edges")
