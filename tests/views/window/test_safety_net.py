"""The safety net of a main window: uncaught exceptions (in slots and threads) are logged and
shown with Copy details and a working Save As; orphaned autosaves are offered at start."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import uuid

import pytest
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog

from bpstudio.app import new_workspace
from bpstudio.controller.autosave_store import AutosaveSession, read_autosave
from bpstudio.controller.crash_log import log_training_failure
from bpstudio.model.project import load_project
from bpstudio.views.window import recent_files
from bpstudio.views.window.main_window import MainWindow
from bpstudio.views.window.recovery_dialog import RecoveryAnswer, ask_about_recovery
from bpstudio.views.window.safety_net import SafetyNet


class Emitter(QObject):
    fired = Signal()


@pytest.fixture
def net(qtbot, tmp_path):
    # Not qtbot.addWidget: pytest-qt would close the window before this fixture marks the
    # work clean, and the unsaved-changes question would wait forever.
    recent = recent_files.recent_files()
    workspace = new_workspace()
    workspace.start_autosave(AutosaveSession(tmp_path / "autosave"))
    window = MainWindow(workspace)
    window.show()
    safety = SafetyNet(workspace, window)
    yield safety
    QSettings().setValue(recent_files.KEY, [str(p) for p in recent])  # as other tests left it
    safety.finish()
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def raise_in_a_slot(marker: str) -> None:
    emitter = Emitter()

    def broken_slot():
        raise ZeroDivisionError(marker)

    emitter.fired.connect(broken_slot)
    emitter.fired.emit()  # PySide6 hands the exception to sys.excepthook


def shown_details(qtbot, net) -> str:
    qtbot.waitUntil(lambda: net.crash_dialog is not None and net.crash_dialog.isVisible())
    return net.crash_dialog.details.toPlainText()


def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, net):
    marker = uuid.uuid4().hex
    raise_in_a_slot(marker)
    details = shown_details(qtbot, net)
    assert "ZeroDivisionError" in details and marker in details
    assert marker in net.log_path.read_text(encoding="utf-8")
    assert net._window.isVisible()  # the window lives on


def test_an_exception_in_a_thread_is_logged_and_shown(qtbot, net):
    marker = uuid.uuid4().hex

    def broken():
        raise RuntimeError(marker)

    thread = threading.Thread(target=broken, name="helper")
    thread.start()
    thread.join()
    details = shown_details(qtbot, net)
    assert marker in details
    assert "in thread helper" in net.log_path.read_text(encoding="utf-8")


def test_repeated_exceptions_share_one_dialog(qtbot, net):
    for _ in range(3):
        raise_in_a_slot("again")
    shown_details(qtbot, net)
    assert "3 times" in net.crash_dialog.summary.text()
    assert net.crash_dialog.details.toPlainText().count("again") == 3


def test_copy_details_puts_them_on_the_clipboard(qtbot, net):
    raise_in_a_slot("copy me")
    details = shown_details(qtbot, net)
    net.crash_dialog.copy_button.click()
    assert QApplication.clipboard().text() == details


def test_save_as_in_the_crash_dialog_saves_the_work(qtbot, net, tmp_path, monkeypatch):
    document = net._window.document
    document.set_weight(2, 1, 1, 0.625)
    raise_in_a_slot("save it")
    shown_details(qtbot, net)
    target = tmp_path / "rescued.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    net.crash_dialog.save_as_button.click()
    assert load_project(target).equals(document.project)
    assert not document.is_modified()


def test_a_crash_autosaves_the_work_first(qtbot, net):
    net._window.document.set_weight(2, 1, 1, 0.625)
    raise_in_a_slot("autosave it")
    shown_details(qtbot, net)
    autosaved = read_autosave(net.autosaver.file).project
    assert autosaved.equals(net._window.document.project)


def test_training_failures_are_logged(net):
    marker = uuid.uuid4().hex
    log_training_failure(f"Training failed: {marker}")
    assert marker in net.log_path.read_text(encoding="utf-8")


# recovery ------------------------------------------------------------------------------------
def orphan(net, tmp_path, weight: float):
    """An autosave left by a process that died, with one weight edited."""
    pid = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                             capture_output=True, text=True, check=True).stdout)  # fmt: skip
    document = net._window.document
    document.set_weight(2, 1, 1, weight)
    net.autosaver.save_now()
    data = json.loads(net.autosaver.file.read_text())
    data["pid"], data["original_path"] = pid, str(tmp_path / "mine.json")
    file = net.autosaver.session.folder / f"autosave-{pid}-1.json"
    file.write_text(json.dumps(data))
    document.new_from_example("seed")  # this session starts afresh
    return file


def test_restore_gives_the_work_back_modified_with_its_path(net, tmp_path):
    file = orphan(net, tmp_path, 0.875)
    asked = []
    assert net.offer_recovery(lambda work: asked.append(work) or RecoveryAnswer.RESTORE)
    document = net._window.document
    assert document.project.network.weights[0][0, 0] == 0.875
    assert document.is_modified() and document.file_path == tmp_path / "mine.json"
    assert asked[0].project.name and not file.exists()
    assert read_autosave(net.autosaver.file).project.equals(document.project)


def test_discard_deletes_and_later_keeps(net, tmp_path):
    file = orphan(net, tmp_path, 0.875)
    assert not net.offer_recovery(lambda _work: RecoveryAnswer.LATER)
    assert file.exists()
    assert not net.offer_recovery(lambda _work: RecoveryAnswer.DISCARD)
    assert not file.exists()


def test_the_recovery_question_names_the_work_and_closing_it_means_later(qtbot, net, tmp_path):
    orphan(net, tmp_path, 0.5)
    work = net.autosaver.session.orphaned_work()[0][0]
    net.autosaver.session.release_claims()
    seen = []

    def answer_with_escape():
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        box.reject()

    QTimer.singleShot(0, answer_with_escape)
    assert ask_about_recovery(work, net._window) is RecoveryAnswer.LATER
    assert "mine.json" in seen[0] and work.project.name in seen[0]
