"""Weight tables: model contract, editing through the document, refusal, modes, selection sync."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from bpstudio.controller.document import Document
from bpstudio.model.examples import load_example
from bpstudio.model.refs import BiasRef, EdgeRef, UnitRef
from bpstudio.views.weights.weight_tables import TableMode, WeightTableModel, WeightTablesPanel

EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def doc(qapp):
    return Document(load_example("seed"))


@pytest.fixture
def panel(doc, qtbot):
    widget = WeightTablesPanel(doc)
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize("mode", list(TableMode))
@pytest.mark.parametrize("use_bias", [False, True])
def test_model_passes_qt_model_tester(doc, qtmodeltester, mode, use_bias):
    doc.set_use_bias(use_bias)
    model = WeightTableModel(doc, 2)
    model.set_mode(mode)
    qtmodeltester.check(model)
    doc.set_weight(2, 1, 1, 3.0)  # the tester keeps watching signals across changes
    doc.add_unit(1)
    doc.undo_stack.undo()


def test_headers_use_the_seed_notation(doc):
    hidden, output = WeightTableModel(doc, 2), WeightTableModel(doc, 3)
    assert hidden.headerData(0, Qt.Orientation.Vertical, DISPLAY) == "x₁"
    assert hidden.headerData(1, Qt.Orientation.Horizontal, DISPLAY) == "a₂²"
    assert output.headerData(0, Qt.Orientation.Vertical, DISPLAY) == "a₁²"
    assert output.headerData(1, Qt.Orientation.Horizontal, DISPLAY) == "Y₂"


def test_set_data_edits_through_the_document_and_undoes(doc):
    model = WeightTableModel(doc, 3)
    original = doc.project.copy()
    assert model.setData(model.index(0, 1), "-2.5", EDIT)
    assert doc.project.network.weight(3)[0, 1] == -2.5
    assert model.data(model.index(0, 1), DISPLAY) == "-2.5000"
    doc.undo_stack.undo()
    assert doc.project.equals(original)
    assert model.data(model.index(0, 1), DISPLAY) == "0.9000"


@pytest.mark.parametrize("typed", ["abc", "", "nan", "1e999", "0.5x"])
def test_non_number_is_refused_and_nothing_changes(doc, qtbot, typed):
    model = WeightTableModel(doc, 2)
    original = doc.project
    with qtbot.waitSignal(model.editRefused, check_params_cb=lambda m: "not a number" in m):
        assert not model.setData(model.index(1, 0), typed, EDIT)
    assert doc.project is original
    assert doc.undo_stack.count() == 0


def test_bias_row_edits_the_bias(doc):
    doc.set_use_bias(True)
    model = WeightTableModel(doc, 2)
    assert model.rowCount() == 4
    assert model.headerData(3, Qt.Orientation.Vertical, DISPLAY) == "bias b²"
    assert model.setData(model.index(3, 1), "0.75", EDIT)
    assert doc.project.network.biases[0][1] == 0.75


def test_gradient_and_update_modes_are_read_only_values_from_the_document(doc):
    model = WeightTableModel(doc, 3)
    model.set_mode(TableMode.GRADIENTS)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    expected = doc.gradients().dE_dw_(3, 1, 1)
    assert model.value_at(0, 0) == expected
    assert not model.setData(model.index(0, 0), "1", EDIT)
    model.set_mode(TableMode.UPDATES)
    assert model.data(model.index(0, 0), DISPLAY) == "—"
    doc.set_weight(3, 1, 1, 0.75)
    assert model.value_at(0, 0) == pytest.approx(0.75 - 0.7)
    assert model.value_at(1, 1) == 0.0


def test_typing_into_a_real_editor(panel, doc, qtbot):
    table = panel.tables[0]
    index = table.model().index(2, 1)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "1.25")
    with qtbot.waitSignal(doc.changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.project.network.weight(2)[2, 1] == 1.25
    assert table.model().data(index, DISPLAY) == "1.2500"
    doc.undo_stack.undo()
    assert doc.project.network.weight(2)[2, 1] == 0.6
    assert table.model().data(index, DISPLAY) == "0.6000"


def test_typing_a_word_into_a_real_editor_is_refused(panel, doc, qtbot):
    table = panel.tables[1]
    index = table.model().index(0, 0)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "heavy")
    with qtbot.waitSignal(panel.statusMessage, check_params_cb=lambda m: "heavy" in m):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.undo_stack.count() == 0
    assert doc.project.network.weight(3)[0, 0] == 0.7


def test_selecting_a_cell_selects_the_edge(panel, doc, qtbot):
    table = panel.tables[1]
    with qtbot.waitSignal(doc.selectionChanged, check_params_cb=lambda s: s == {EdgeRef(3, 2, 1)}):
        table.selectionModel().select(
            table.model().index(1, 0), table.selectionModel().SelectionFlag.ClearAndSelect
        )


def test_document_selection_selects_the_cell_without_echo(panel, doc, qtbot):
    with qtbot.waitSignal(doc.selectionChanged) as blocker:
        doc.set_selection({EdgeRef(2, 3, 2), UnitRef(1, 1)})
    assert blocker.args == [frozenset({EdgeRef(2, 3, 2), UnitRef(1, 1)})]
    selected = [(i.row(), i.column()) for i in panel.tables[0].selectionModel().selectedIndexes()]
    assert selected == [(2, 1)]
    assert not panel.tables[1].selectionModel().hasSelection()
    assert doc.selection == {EdgeRef(2, 3, 2), UnitRef(1, 1)}  # the echo did not overwrite it


def test_bias_selection_syncs(panel, doc):
    doc.set_use_bias(True)
    doc.set_selection({BiasRef(3, 2)})
    selected = panel.tables[1].selectionModel().selectedIndexes()
    assert [(i.row(), i.column()) for i in selected] == [(2, 1)]


def test_structure_change_rebuilds_tables(panel, doc):
    doc.insert_layer(3, 4, "tanh")
    assert len(panel.tables) == 3
    assert panel.tables[1].model().columnCount() == 4
    doc.undo_stack.undo()
    assert len(panel.tables) == 2


def test_mode_switch_applies_to_every_table(panel, doc):
    panel.set_mode(TableMode.GRADIENTS)
    assert all(t.model().mode is TableMode.GRADIENTS for t in panel.tables)
    doc.add_unit(2)  # rebuilt tables keep the mode
    assert all(t.model().mode is TableMode.GRADIENTS for t in panel.tables)


def test_highlight_gets_its_own_background(doc, qtbot):
    model = WeightTableModel(doc, 2)
    plain = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    with qtbot.waitSignal(model.dataChanged):
        doc.set_highlight({EdgeRef(2, 1, 1)})
    lit = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert lit != plain
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) != lit
