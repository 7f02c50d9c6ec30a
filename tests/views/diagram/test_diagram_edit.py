"""Editing a weight in place on the diagram: double-click or Enter, type, Enter or Escape."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bpstudio.controller.document import Document
from bpstudio.model.examples import load_example
from bpstudio.model.refs import BiasRef, EdgeRef
from tests.views.diagram_support import shown_view, viewport_point_on


@pytest.fixture
def doc(qapp):
    return Document(load_example("seed"))


@pytest.fixture
def view(doc, qtbot):
    return shown_view(qtbot, doc)


def open_editor_by_double_click(qtbot, view, ref):
    edge = view.diagram_scene.items_.edges[ref]
    point = viewport_point_on(view, edge)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = view.diagram_scene.editor
    assert editor is not None, "double-clicking the edge did not open the editor"
    return editor


def type_into(qtbot, editor, text: str) -> None:
    editor.field.clear()
    qtbot.keyClicks(editor.field, text)


def test_double_click_type_enter_sets_the_weight_and_undo_restores_it(qtbot, view, doc):
    editor = open_editor_by_double_click(qtbot, view, EdgeRef(2, 1, 1))
    assert editor.field.text() == "0.1"
    type_into(qtbot, editor, "0.25")
    with qtbot.waitSignal(doc.changed):
        qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert doc.project.network.weight(2)[0, 0] == 0.25
    assert view.diagram_scene.editor is None
    assert view.diagram_scene.items_.labels[EdgeRef(2, 1, 1)].text == "0.2500"
    doc.undo_stack.undo()
    assert doc.project.network.weight(2)[0, 0] == 0.1


def test_escape_cancels_without_a_change(qtbot, view, doc):
    editor = open_editor_by_double_click(qtbot, view, EdgeRef(3, 2, 1))
    type_into(qtbot, editor, "5")
    qtbot.keyClick(editor.field, Qt.Key.Key_Escape)
    assert view.diagram_scene.editor is None
    assert doc.project.network.weight(3)[1, 0] == 0.8
    assert doc.undo_stack.count() == 0


@pytest.mark.parametrize("typed", ["abc", "", "nan", "1..2"])
def test_a_non_number_is_refused_with_a_message_and_nothing_changes(qtbot, view, doc, typed):
    editor = open_editor_by_double_click(qtbot, view, EdgeRef(3, 1, 1))
    type_into(qtbot, editor, typed)
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert view.diagram_scene.editor is editor  # still open, so the typing can be fixed
    assert editor.message.isVisibleTo(editor)
    assert "is not a number" in editor.message.text()
    assert doc.undo_stack.count() == 0
    assert doc.project.network.weight(3)[0, 0] == 0.7


def test_a_decimal_comma_is_accepted(qtbot, view, doc):
    editor = view.diagram_scene.begin_edit(EdgeRef(3, 1, 1))
    type_into(qtbot, editor, "-1,5")
    with qtbot.waitSignal(doc.changed):
        qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert doc.project.network.weight(3)[0, 0] == -1.5


def test_enter_without_a_change_closes_without_an_undo_step(qtbot, view, doc):
    editor = view.diagram_scene.begin_edit(EdgeRef(3, 1, 1))
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert view.diagram_scene.editor is None
    assert doc.undo_stack.count() == 0


def test_enter_on_a_selected_edge_opens_its_editor(qtbot, view, doc):
    doc.set_selection({EdgeRef(3, 2, 2)})
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.diagram_scene.editor
    assert editor is not None and editor.field.text() == "0.1"


def test_a_bias_edge_edits_the_bias(qtbot, view, doc):
    with qtbot.waitSignal(doc.structureChanged):
        doc.set_use_bias(True)
    editor = view.diagram_scene.begin_edit(BiasRef(2, 2))
    type_into(qtbot, editor, "0.75")
    with qtbot.waitSignal(doc.changed):
        qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert doc.project.network.biases[0][1] == 0.75
