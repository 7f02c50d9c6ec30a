"""A main window for tests, and closing it inside the test (tests/conftest.py fails a test whose
training thread is still running when it ends)."""

from PySide6.QtWidgets import QMessageBox

from bpstudio.app import new_workspace
from bpstudio.views.window.main_window import MainWindow


def shown_window(qtbot, monkeypatch, answer=QMessageBox.StandardButton.Discard) -> MainWindow:
    """A shown main window on the seed network; every question is answered with ``answer``."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answer)
    win = MainWindow(new_workspace())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def close_inside_the_test(win: MainWindow) -> None:
    win.document.undo_stack.setClean()
    win.close()
    assert not win.workspace.controller.thread_started
