"""Save As suggests the current project's name (never one left from an earlier project)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from tests.views.window_support import close_inside_the_test, shown_window


def test_save_as_suggests_the_current_projects_name(qtbot, monkeypatch, tmp_path):
    window = shown_window(qtbot, monkeypatch)
    suggested: list[str] = []
    answers = iter([str(tmp_path / "first.json"), ""])

    def ask(_parent, _title, suggestion, _filter):
        suggested.append(suggestion)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    window.files.new_from_example("xor")
    assert window.files.save_as()
    assert Path(suggested[-1]).name == "XOR (2-2-1).json"
    window.files.new_from_example("sine")
    window.files.save_as()  # cancelled
    assert Path(suggested[-1]).name == "Sine curve (1-6-1, tanh, biases).json"
    assert Path(suggested[-1]).parent == tmp_path  # the folder last saved to
    window.files.open_path(tmp_path / "first.json")
    answers = iter([""])
    window.files.save_as()
    assert suggested[-1] == str(tmp_path / "first.json")
    close_inside_the_test(window)
