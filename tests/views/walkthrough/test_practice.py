"""Practice mode in the window: a student works the seed network out, number by number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QToolButton, QTreeWidget

from bpstudio.model.refs import UnitRef
from tests.views.window_support import close_inside_the_test, shown_window


@pytest.fixture
def practice(qtbot, monkeypatch):
    win = shown_window(qtbot, monkeypatch)
    win.finish_startup()
    win.findChild(QAction, "actionPractice").trigger()
    yield win
    close_inside_the_test(win)


def _widgets(win):
    return (
        win.findChild(QLineEdit, "practiceAnswer"),
        win.findChild(QLabel, "practiceFeedback"),
        win.workspace.cursor,
        win.workspace.practice,
    )


def _set_level(win, level):
    box = win.findChild(QComboBox, "practiceLevel")
    box.setCurrentIndex(level)
    box.activated.emit(level)


def _answer(qtbot, field, text):
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _go(cursor, quantity, layer, *indices):
    cursor.go_to(cursor.derivation.find(quantity, layer, *indices).index)


def test_the_right_answer_at_every_step_then_two_named_mistakes(practice, qtbot):
    win = practice
    field, feedback, cursor, session = _widgets(win)
    _set_level(win, session.max_level)
    steps = cursor.steps
    assert session.is_concealed(0) and field.isVisible()
    for i, step in enumerate(steps):
        assert cursor.index == i
        assert not win.findChild(QLabel, "stepValue").isVisible()  # the value waits
        if step.quantity == "z":
            assert win.document.highlight_values == {}  # nor does the diagram show it
        _answer(qtbot, field, f"{step.value:.6g}")
        assert feedback.property("verdict") == "correct", (step.symbol, feedback.text())
        assert session.progress(i).outcome == "first_try"
        assert win.findChild(QLabel, "stepValue").isVisible()
        if i < len(steps) - 1:
            qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter again: the next formula
    summary = win.findChild(QLabel, "practiceSummary")
    assert summary.text().startswith(f"{len(steps)} of {len(steps)} right first time")
    assert summary.property("finished")  # the end of the walkthrough: the result stands out
    assert win.isWindowModified()  # the student's work is kept with the project

    qtbot.keyClick(field, Qt.Key.Key_Return)  # after 七: the update, the next round
    assert cursor.index == 0 and session.is_concealed(0)
    d = cursor.derivation
    _go(cursor, "dE/dz", 3, 1)
    dropped_slope = d.find("dE/dY", 3, 1).value  # ∂E/∂a₁³ alone, the slope left out
    _answer(qtbot, field, f"{dropped_slope:.5g}")
    assert feedback.property("verdict") == "mistake"
    assert "derivative is missing" in feedback.text()
    assert session.progress(cursor.index).mistakes == ("dropped_slope",)

    _go(cursor, "dE/da", 2, 1)
    w = win.document.project.network.weights[1]
    one_path = d.find("dE/dz", 3, 2).value * w[0, 1]  # the path through z₂³ only
    _answer(qtbot, field, f"{one_path:.5g}")
    assert feedback.property("verdict") == "mistake"
    assert "A path is missing" in feedback.text()
    assert session.progress(cursor.index).mistakes == ("missed_path",)


def test_hints_climb_to_the_answer(practice, qtbot):
    win = practice
    field, feedback, cursor, session = _widgets(win)
    _set_level(win, session.max_level)
    hint = win.findChild(QToolButton, "practiceHint")
    lines = [w for w in win.findChildren(QLabel, "practiceHintLine")]
    _go(cursor, "dE/dz", 2, 1)
    qtbot.mouseClick(hint, Qt.MouseButton.LeftButton)
    assert next(line.latex() for line in lines if line.isVisibleTo(win)).endswith("= ?")
    qtbot.mouseClick(hint, Qt.MouseButton.LeftButton)
    assert sum(line.isVisibleTo(win) for line in lines) >= 3  # then one factor at a time
    _answer(qtbot, field, "0.987")
    assert feedback.property("verdict") == "not_yet"
    qtbot.mouseClick(hint, Qt.MouseButton.LeftButton)  # the third rung: the answer
    assert feedback.property("verdict") == "revealed"
    assert session.progress(cursor.index).outcome == "revealed"
    assert field.isReadOnly()
    assert "revealed" in session.summary().what


def test_stepping_back_and_fading(practice, qtbot):
    win = practice
    field, _feedback, cursor, session = _widgets(win)
    _set_level(win, 1)  # only 七 to compute
    cursor.go_to(0)
    assert not field.isVisible() and win.findChild(QLabel, "stepValue").isVisible()
    seven = cursor.derivation.section("update.7")
    cursor.go_to(seven.first)
    assert field.isVisible() and session.is_concealed(seven.first)
    assert win.document.highlight_values == {}
    step = cursor.current
    _answer(qtbot, field, f"{step.value:.6g}")
    assert win.document.highlight_values  # answered: the diagram may show it
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(win.diagram, Qt.Key.Key_Left)  # back to the answered step
    assert cursor.index == seven.first
    assert (
        field.isReadOnly() and "Right first time" in win.findChild(QLabel, "practicePrompt").text()
    )
    assert win.findChild(QLabel, "stepValue").isVisible()
    outline = win.findChild(QTreeWidget, "derivationOutline")
    texts = [
        it.text(0)
        for it in outline.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
    ]
    assert sum(t.endswith("= ?") for t in texts) == seven.count - 1  # the rest still to do
    # backward fading: a clean first hidden section offers one more
    for i in seven.step_range:
        cursor.go_to(i)
        if session.is_concealed(i):
            _answer(qtbot, field, f"{cursor.current.value:.6g}")
    offer = win.findChild(QPushButton, "practiceNextLevel")
    assert offer.isVisible()
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert session.level == 2
    six = cursor.derivation.sections[-2]
    assert session.is_concealed(six.first) and not session.is_hidden(six.first - 1)


def test_progress_survives_save_and_open(practice, qtbot, tmp_path):
    win = practice
    field, _feedback, cursor, session = _widgets(win)
    _set_level(win, 3)
    first = cursor.derivation.sections[-3].first
    cursor.go_to(first)
    _answer(qtbot, field, f"{-cursor.current.value:.5g}")  # the sign flipped
    _answer(qtbot, field, f"{cursor.current.value:.5g}")
    record = session.record
    path = tmp_path / "practised.json"
    win.document.save(path)
    win.document.new_from_example("xor")
    assert not session.enabled
    win.document.load(path)
    assert session.record == record and session.enabled and session.level == 3
    progress = session.progress(first)
    assert (progress.outcome, progress.mistakes) == ("after_help", ("sign_flipped",))
    assert not session.is_concealed(first) and session.is_concealed(first + 1)


def test_new_exercise_is_one_undoable_edit(practice, qtbot):
    win = practice
    before = win.document.project.network.weights[0].copy()
    win.findChild(QAction, "actionNewExercise").trigger()
    assert win.document.undo_stack.undoText() == "New exercise (seed 1)"
    after = win.document.project.network.weights[0]
    assert (after != before).any()
    win.document.undo_stack.undo()
    assert (win.document.project.network.weights[0] == before).all()
    win.findChild(QAction, "actionNewExercise").trigger()
    assert win.document.undo_stack.undoText() == "New exercise (seed 2)"


def test_practice_is_in_the_walkthrough_menu_with_its_keys(practice):
    from bpstudio.views.window.learning_menus import shortcut_rows

    rows = shortcut_rows(practice)
    keys = [k for _m, _a, k in rows]
    assert "Ctrl+P" in keys and "Ctrl+Shift+N" in keys
    assert len(keys) == len(set(keys)), "two actions share a shortcut"


def test_export_exercise_sheets_from_the_file_menu(practice, qtbot, tmp_path, monkeypatch):
    from bpstudio.views.walkthrough.exercise_sheets_dialog import ExerciseSheetsDialog

    def fill_in(dialog):
        dialog.students.setValue(3)
        dialog.format.setCurrentIndex(dialog.format.findData("json"))
        dialog.folder.setText(str(tmp_path))
        return ExerciseSheetsDialog.DialogCode.Accepted

    monkeypatch.setattr(ExerciseSheetsDialog, "exec", fill_in)
    practice.findChild(QAction, "actionExportSheets").trigger()
    assert (tmp_path / "exercises.json").exists()
    assert str(tmp_path) in practice.statusBar().currentMessage()


def test_the_diagram_keeps_unworked_unit_values_hidden(practice, qtbot):
    win = practice
    field, _feedback, cursor, session = _widgets(win)
    unit = win.diagram.diagram_scene.items_.units[UnitRef(2, 1)]
    assert unit_text(unit) != "?"  # level 1: only 七 to work out
    _set_level(win, session.max_level)
    assert unit_text(unit) == "?"  # a₁² is the student's to compute
    _go(cursor, "a", 2, 1)
    _answer(qtbot, field, f"{cursor.current.value:.6g}")
    assert unit_text(unit) != "?"
    win.findChild(QAction, "actionPractice").trigger()  # practice off: every value shows
    assert not win.document.concealed


def unit_text(unit) -> str:
    return unit.value_text
