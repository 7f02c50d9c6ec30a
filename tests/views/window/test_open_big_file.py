"""A big project file opens in the background, with a progress box; the window keeps running."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from bpstudio.app import new_workspace
from bpstudio.controller import project_loader
from bpstudio.model.examples import load_example
from bpstudio.model.network import Network
from bpstudio.model.project import save_project
from bpstudio.views.window.main_window import MainWindow

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Discard)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    win = MainWindow(new_workspace())
    win.shown_errors = shown
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()


def _big_project_file(path, sizes=(2, 400, 400, 1)):
    project = load_example("seed")
    rng = np.random.default_rng(0)
    pairs = list(itertools.pairwise(sizes))
    weights = [rng.normal(0, 0.1, pair) for pair in pairs]
    project.network = Network(list(sizes), ["sigmoid"] * len(pairs), weights, None)
    project.dataset = project.dataset.__class__(
        rng.uniform(-1, 1, (3, sizes[0])), rng.uniform(0, 1, (3, sizes[-1]))
    )
    save_project(project, path)
    assert path.stat().st_size > project_loader.LOAD_IN_CHILD_BYTES
    return project


def test_a_big_file_is_read_in_a_child_process_while_a_progress_box_shows(window, qtbot, tmp_path):
    path = tmp_path / "big.json"
    saved = _big_project_file(path)
    before = window.document.project
    with qtbot.waitSignal(window.files.backgroundOpenFinished, timeout=60_000) as opened:
        assert window.files.open_path(path, ask=False)
        assert window.files.pending_load is not None
        assert window.document.project is before  # not read on the GUI thread
        progress = window.findChild(QProgressDialog, "openProgress")
        assert progress is not None and "big.json" in progress.labelText()
    assert opened.args == [True]
    assert window.document.project.equals(saved)
    assert window.document.file_path == path
    assert window.files.pending_load is None


def test_a_bad_big_file_is_reported_and_the_work_kept(window, qtbot, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "bpstudio-project", "padding": "' + "x" * 3_000_000 + '"')
    kept = window.document.project
    with qtbot.waitSignal(window.files.backgroundOpenFinished, timeout=60_000) as opened:
        window.files.open_path(path, ask=False)
    assert opened.args == [False]
    assert window.document.project is kept
    assert len(window.shown_errors) == 1 and "bad.json" in window.shown_errors[0]


def test_cancel_stops_the_reading_and_keeps_the_work(window, qtbot, tmp_path):
    path = tmp_path / "big.json"
    _big_project_file(path)
    kept = window.document.project
    with qtbot.waitSignal(window.files.backgroundOpenFinished, timeout=60_000) as opened:
        window.files.open_path(path, ask=False)
        load = window.files.pending_load
        progress = window.findChild(QProgressDialog, "openProgress")
        progress.findChild(QPushButton).click()
    assert opened.args == [False]
    qtbot.waitUntil(
        lambda: load._process is not None and not load._process.is_alive(), timeout=10_000
    )
    assert window.document.project is kept
