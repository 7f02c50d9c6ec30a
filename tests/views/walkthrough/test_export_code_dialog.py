"""File > Export as code…: the dialog's choices, the file it writes, the status message."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from bpstudio.views.walkthrough import export_code_dialog as module
from bpstudio.views.walkthrough.export_code_dialog import CodeChoice, ExportCodeDialog, write_code
from tests.views.window_support import close_inside_the_test, shown_window


@pytest.fixture
def window(qtbot, monkeypatch):
    win = shown_window(qtbot, monkeypatch)
    yield win
    close_inside_the_test(win)


def test_the_dialog_offers_each_target_and_remembers_the_choice(qtbot):
    dialog = ExportCodeDialog(None, n_samples=4, sample=2, lang="zh")
    qtbot.addWidget(dialog)
    assert [dialog.target.itemData(i) for i in range(dialog.target.count())] == [
        "numpy", "pytorch", "notebook",
    ]  # fmt: skip
    assert dialog.choice() == CodeChoice("numpy", "zh", 2, 0)
    assert dialog.sample.maximum() == 4 and dialog.steps.specialValueText() == "no training"
    dialog.target.setCurrentIndex(2)
    dialog.steps.setValue(25)
    dialog.remember()
    again = ExportCodeDialog(None, n_samples=4, sample=0, lang="en")
    qtbot.addWidget(again)
    assert again.choice() == CodeChoice("notebook", "en", 0, 25)


def test_the_menu_action_writes_the_chosen_code(window, monkeypatch, tmp_path):
    action = window.findChild(type(window.menus.actions["actionExportPng"]), "actionExportCode")
    assert action is not None and action.text() == "Export as &code…"
    target = tmp_path / "seed"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def accept(dialog):
        dialog.target.setCurrentIndex(0)
        dialog.steps.setValue(3)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportCodeDialog, "exec", accept)
    action.trigger()
    written = tmp_path / "seed.py"  # the suffix added
    result = subprocess.run(
        [sys.executable, "-I", str(written)], capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "z_1^2 = 0.26" in result.stdout and "step 3: E = " in result.stdout
    assert window.statusBar().currentMessage() == f"Exported NumPy script (.py) to {written}"


def test_a_notebook_and_a_failure_are_reported(window, tmp_path):
    path = tmp_path / "seed.ipynb"
    document, show = window.document, window.show_status
    assert write_code(document, CodeChoice("notebook", "zh", 0, 0), path, show)
    assert json.loads(path.read_text(encoding="utf-8"))["nbformat"] == 4
    assert not write_code(document, CodeChoice("numpy", "en", 0, 0), tmp_path / "no" / "x.py", show)
    assert window.statusBar().currentMessage().startswith("Could not export: ")


def test_cancel_writes_nothing(window, monkeypatch, tmp_path):
    monkeypatch.setattr(ExportCodeDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    module.export_code_dialog(window, window.document, window.show_status)
    assert list(tmp_path.iterdir()) == []
