"""Issue 21 in the window: autosave failures are shown (item 21), labels the loss cannot use
are refused with a message naming the row (16, the shared rule of issue 14), an empty CSV says
so (22), and exports go through the one writer (4)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from bpstudio.app import new_workspace
from bpstudio.controller.autosave_store import AutosaveSession
from bpstudio.model.safe_files import FileWriteError
from bpstudio.views.window import recent_files
from bpstudio.views.window.main_window import MainWindow
from bpstudio.views.window.safety_net import SafetyNet
from tests.views.window_support import close_inside_the_test, shown_window


@pytest.fixture
def net(qtbot, tmp_path):
    recent = recent_files.recent_files()
    workspace = new_workspace()
    workspace.start_autosave(AutosaveSession(tmp_path / "autosave"))
    window = MainWindow(workspace)
    window.show()
    safety = SafetyNet(workspace, window)
    yield safety
    QSettings().setValue(recent_files.KEY, [str(p) for p in recent])
    safety.finish()
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


@pytest.fixture
def window(qtbot, monkeypatch):
    return shown_window(qtbot, monkeypatch, QMessageBox.StandardButton.Yes)


def test_an_autosave_failure_is_shown_once_without_blocking(net, monkeypatch):
    window = net._window

    def disk_full(*_args):
        raise FileWriteError(
            "cannot write {path}: {reason}", path="autosave.json", reason="No space left on device"
        )

    real_write = net.autosaver.session.write
    monkeypatch.setattr(net.autosaver.session, "write", disk_full)
    window.document.set_weight(2, 1, 1, 0.5)
    assert not net.autosaver.save_now()
    assert window.statusBar().currentMessage() == (
        "Autosave failed: cannot write autosave.json: No space left on device"
    )
    box = net.autosave_warning
    assert box is not None and box.isVisible()
    assert box.windowModality() == Qt.WindowModality.NonModal
    assert "No space left on device" in box.text()
    window.document.set_weight(2, 1, 1, 0.25)
    assert not net.autosaver.save_now()
    assert net.autosave_warning is box  # one box for a run of failures, not one a minute
    monkeypatch.setattr(net.autosaver.session, "write", real_write)
    assert net.autosaver.save_now()
    assert window.statusBar().currentMessage() == "Autosave works again"
    box.close()


def test_a_data_table_edit_the_loss_cannot_use_is_refused_naming_the_row(window):
    window.document.new_from_example("and_gate")  # cross-entropy, targets 0 or 1
    model = window.data.data_panel.model
    refused = []
    model.editRefused.connect(refused.append)
    target_column = model.columnCount() - 1
    assert not model.setData(model.index(2, target_column), "3")
    assert refused == ["row 3: cross-entropy needs targets from 0 to 1; target 1 is 3"]
    assert window.document.undo_stack.count() == 0
    close_inside_the_test(window)


def test_a_csv_the_loss_cannot_use_is_refused_with_a_message(window, tmp_path, monkeypatch):
    window.document.new_from_example("and_gate")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: warnings.append(text))
    csv = tmp_path / "counts.csv"
    csv.write_text("a,b,count\n0,0,0\n0,1,4\n1,0,1\n1,1,2\n", encoding="utf-8")
    dialog = window.data.import_csv(str(csv))
    dialog.accept()
    assert warnings == ["row 3: cross-entropy needs targets from 0 to 1; target 1 is 4"]
    assert window.document.undo_stack.count() == 0
    close_inside_the_test(window)


def test_an_empty_csv_says_it_is_empty(window, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    dialog = window.data.import_csv(str(empty))
    assert dialog.message.text() == "the file is empty: there is no row of data in it"
    dialog.reject()
    close_inside_the_test(window)


def test_export_data_refuses_to_replace_the_open_project(window, tmp_path, monkeypatch):
    project = tmp_path / "p.json"
    window.files._save_to(project)
    before = project.read_bytes()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: warnings.append(text))
    window.data._write("a,b\n1,2\n", str(project))
    assert warnings and "is the input file" in warnings[0]
    assert project.read_bytes() == before
    close_inside_the_test(window)


def test_export_data_is_atomic_when_the_disk_is_full(window, tmp_path, monkeypatch):
    out = tmp_path / "data.csv"
    out.write_text("old", encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: warnings.append(text))

    def disk_full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)
    window.data._write("a,b\n1,2\n", str(out))
    monkeypatch.undo()
    assert warnings == [f"cannot write {out}: No space left on device"]
    assert out.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["data.csv"]
    close_inside_the_test(window)


def test_save_as_refuses_a_fifo_and_a_read_only_file_with_a_message(window, tmp_path, monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: boxes.append(text))
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    read_only = tmp_path / "kept.json"
    read_only.write_text("{}", encoding="utf-8")
    read_only.chmod(0o444)
    assert not window.files._save_to(fifo) and not window.files._save_to(read_only)
    assert "is not a regular file" in boxes[0] and "is read-only" in boxes[1]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and read_only.read_text(encoding="utf-8") == "{}"
    assert window.document.file_path is None
    close_inside_the_test(window)


def test_a_relative_path_is_remembered_absolute(window, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    recent = recent_files.recent_files()
    assert window.files._save_to(Path("mine.json"))
    assert window.document.file_path == tmp_path / "mine.json"
    assert recent_files.recent_files()[0] == tmp_path / "mine.json"
    QSettings().setValue(recent_files.KEY, [str(p) for p in recent])  # as other tests left it
    close_inside_the_test(window)
