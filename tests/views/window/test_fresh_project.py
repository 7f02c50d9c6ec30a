"""A project opened (an example, a file) starts clean: the walkthrough at its first formula,
no status left from the previous run, no built-in set chosen; and a built-in set picked
replaces the data at once, as one undo step."""

from __future__ import annotations

from bpstudio.model.project import dumps
from tests.views.window_support import close_inside_the_test, shown_window


def test_an_example_opened_mid_walkthrough_starts_at_formula_1(qtbot, monkeypatch):
    window = shown_window(qtbot, monkeypatch)
    cursor = window.workspace.cursor
    for _ in range(30):
        cursor.next()
    assert cursor.index == 30
    window.learning.training_panel._show_status("Paused")
    window.files.new_from_example("xor")
    assert cursor.index == 0 and len(cursor.steps) > 30
    assert cursor.current.section == cursor.steps[0].section
    assert window.learning.training_panel.status_label.text() == ""
    assert window.learning.loss_plot.point_count() == 0
    close_inside_the_test(window)


def test_stepping_over_an_update_cannot_be_taken_back_into_another_project(qtbot, monkeypatch):
    window = shown_window(qtbot, monkeypatch)
    cursor = window.workspace.cursor
    while cursor.index < len(cursor.steps) - 1:
        cursor.next()
    cursor.next()  # applies the update, undoable from the walkthrough
    window.files.new_from_example("and_gate")
    before = dumps(window.document.project)
    cursor.previous()  # at formula 1 of a fresh project: nothing to take back
    assert dumps(window.document.project) == before and cursor.index == 0
    close_inside_the_test(window)


def test_a_built_in_set_picked_replaces_the_data_at_once_and_undo_restores(qtbot, monkeypatch):
    window = shown_window(qtbot, monkeypatch)
    window.document.new_from_example("xor")
    doc, controls = window.document, window.data.data_panel.controls
    assert controls.builtin_box.currentIndex() == -1  # the data are the project's own
    before = dumps(doc.project)
    index = controls.builtin_box.findData("circle")
    controls.builtin_box.setCurrentIndex(index)
    controls.builtin_box.activated.emit(index)  # what a pick with the mouse or keys sends
    assert doc.project.dataset.n_samples == 200 and doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert dumps(doc.project) == before
    window.files.new_from_example("seed")
    assert controls.builtin_box.currentIndex() == -1
    assert not controls.regenerate_button.isEnabled()
    close_inside_the_test(window)
