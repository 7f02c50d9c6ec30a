"""Help > Getting started: offered on a user's first start only, dismissible, in the Help menu;
and the walkthrough's one-line hint before the first step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from bpstudio.views.window import getting_started
from tests.views.window_support import close_inside_the_test, shown_window


@pytest.fixture
def first_start():
    """A user's settings that have never shown the page (restored afterwards)."""
    QSettings().remove(getting_started.SEEN_KEY)
    yield
    getting_started.mark_seen()


def test_tests_start_with_the_page_marked_seen():
    assert getting_started.is_seen()


def test_the_first_start_shows_the_page_once_and_it_closes(qtbot, monkeypatch, first_start):
    window = shown_window(qtbot, monkeypatch)
    dialog = getting_started.offer_on_first_start(window)
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName() == "gettingStartedDialog"
    text = dialog.browser.toPlainText()
    assert "press →" in text and "Play" in text and "diagram" in text
    assert window.screen().availableGeometry().contains(dialog.frameGeometry())
    dialog.buttons.rejected.emit()  # Close (or Esc)
    assert not dialog.isVisible()
    assert getting_started.offer_on_first_start(window) is None  # not again
    close_inside_the_test(window)


def test_help_menu_opens_it_at_any_time(qtbot, monkeypatch):
    window = shown_window(qtbot, monkeypatch)
    action = window.findChild(QAction, "actionGettingStarted")
    assert action is not None and action.text() == "&Getting started"
    help_menu = window.menus._menus["menuHelp"]
    assert help_menu.actions()[0] is action
    action.trigger()
    dialog = window.findChild(getting_started.GettingStartedDialog)
    assert dialog.isVisible()
    dialog.close()
    close_inside_the_test(window)


def test_the_walkthrough_hints_where_to_start_until_the_first_step(qtbot, monkeypatch):
    window = shown_window(qtbot, monkeypatch)
    panel = window.learning.derivation_panel
    qtbot.waitUntil(lambda: panel.card.section.text() != "")
    assert panel.start_hint.isVisible() and "→" in panel.start_hint.text()
    window.workspace.cursor.next()
    assert not panel.start_hint.isVisible()
    window.workspace.cursor.go_to(0)
    assert panel.start_hint.isVisible()
    close_inside_the_test(window)
