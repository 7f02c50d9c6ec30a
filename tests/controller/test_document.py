"""The document: every edit is one undo command whose undo/redo restores the project exactly."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.controller.document import Document
from bpstudio.model.examples import load_example
from bpstudio.model.initialisation import InitScheme
from bpstudio.model.project import Project
from bpstudio.model.refs import EdgeRef, UnitRef
from bpstudio.model.validation import ProjectFileError


@pytest.fixture
def doc(qapp):
    return Document(load_example("seed"))


EDITS = {
    "set_weight": lambda d: d.set_weight(3, 2, 1, -1.25),
    "set_bias": lambda d: (d.set_use_bias(True), d.set_bias(2, 1, 0.5)),
    "add_input_unit": lambda d: d.add_unit(1),
    "add_hidden_unit": lambda d: d.add_unit(2),
    "add_output_unit": lambda d: d.add_unit(3),
    "remove_input_unit": lambda d: d.remove_unit(1, 1),
    "remove_hidden_unit": lambda d: d.remove_unit(2, 2),
    "remove_output_unit": lambda d: d.remove_unit(3, 1),
    "insert_layer": lambda d: d.insert_layer(3, 4, "tanh"),
    "remove_layer": lambda d: d.remove_layer(2),
    "set_activation": lambda d: d.set_activation(2, "relu"),
    "biases_on": lambda d: d.set_use_bias(True),
    "set_loss": lambda d: d.set_loss("mse"),
    "reinitialise": lambda d: d.reinitialise(InitScheme("he", seed=3)),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_undo_redo_round_trip_is_exact(doc, edit):
    before = doc.project.copy()
    edit(doc)
    after = doc.project.copy()
    assert not after.equals(before)
    assert doc.is_modified()
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.project.equals(before)
    assert not doc.is_modified()
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert doc.project.equals(after)


def test_removal_undo_restores_data_column(doc):
    inputs = doc.project.dataset.inputs.copy()
    doc.remove_unit(1, 2)
    assert doc.project.dataset.n_inputs == 2
    doc.undo_stack.undo()
    assert np.array_equal(doc.project.dataset.inputs, inputs)


def test_structural_edit_signals_structure_before_changed(doc, qtbot):
    order = []
    doc.structureChanged.connect(lambda: order.append("structure"))
    doc.changed.connect(lambda: order.append("changed"))
    doc.add_unit(2)
    assert order == ["structure", "changed"]
    order.clear()
    doc.set_weight(2, 1, 1, 0.0)
    assert order == ["changed"]


def test_consecutive_edits_of_one_weight_merge(doc):
    original = doc.project.copy()
    doc.set_weight(2, 1, 1, 1.0)
    doc.set_weight(2, 1, 1, 2.0)
    doc.set_weight(2, 1, 2, 3.0)
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.project.equals(original)


def test_refused_edit_pushes_nothing(doc):
    with pytest.raises(ValueError):
        doc.remove_layer(1)
    with pytest.raises(ValueError):
        doc.set_activation(2, "softmax")
    assert doc.undo_stack.count() == 0


def test_trace_and_gradients_follow_the_model(doc):
    net = doc.project.network
    expected = net.forward(doc.project.dataset.inputs[:1]).output
    assert np.array_equal(doc.trace().output, expected)
    old_dw = doc.gradients().dW[1].copy()
    doc.set_weight(3, 1, 1, 2.0)
    assert doc.trace().output[0, 0] != expected[0, 0]
    assert not np.array_equal(doc.gradients().dW[1], old_dw)


def test_sample_index_selects_the_row(qapp):
    project = load_example("xor")
    doc = Document(project)
    doc.set_sample_index(2)
    assert np.array_equal(doc.trace().inputs[0], project.dataset.inputs[2])
    doc.set_sample_index(99)
    assert doc.sample_index == project.dataset.n_samples - 1


def test_weight_update_is_last_change(doc):
    assert doc.weight_update() is None
    old = doc.project.network.weight(3)[1, 0]
    doc.set_weight(3, 2, 1, old + 0.25)
    doc.set_loss("mse")  # changes no weight: Δw still shows the weight edit
    update = doc.weight_update()
    assert update[1][1, 0] == pytest.approx(0.25)
    assert np.count_nonzero(update[0]) == 0
    doc.add_unit(2)
    assert doc.weight_update() is None


def test_selection_signal_and_no_echo(doc, qtbot):
    ref = frozenset({EdgeRef(2, 1, 1)})
    with qtbot.waitSignal(doc.selectionChanged, check_params_cb=lambda s: s == ref):
        doc.set_selection(ref)
    with qtbot.assertNotEmitted(doc.selectionChanged):
        doc.set_selection(ref)


def test_structural_edit_drops_vanished_selection(doc):
    doc.set_selection({UnitRef(2, 2), EdgeRef(3, 2, 1), UnitRef(1, 1)})
    doc.remove_unit(2, 2)
    assert doc.selection == frozenset({UnitRef(1, 1)})


def test_highlight_values(doc, qtbot):
    refs = {UnitRef(2, 1)}
    with qtbot.waitSignal(doc.highlightChanged):
        doc.set_highlight(refs, {UnitRef(2, 1): "z = 0.21"})
    assert doc.highlight_values == {UnitRef(2, 1): "z = 0.21"}


def test_replace_network_is_one_command(doc):
    net = doc.project.network.copy()
    net.weights[0][:] = 0.0
    doc.replace_network(net, "Training: 10 steps", steps_taken=10)
    assert doc.undo_stack.text(0) == "Training: 10 steps"
    assert doc.project.steps_taken == 10
    doc.undo_stack.undo()
    assert doc.project.steps_taken == 0


def test_save_and_reopen(doc, tmp_path, qtbot):
    doc.add_unit(2)
    path = tmp_path / "p.json"
    with qtbot.waitSignal(doc.fileStateChanged):
        doc.save(path)
    assert not doc.is_modified()
    assert doc.file_path == path
    other = Document(load_example("xor"))
    other.load(path)
    assert other.project.equals(doc.project)
    assert other.display_name() == "p.json"


def test_save_without_path_is_refused(doc):
    with pytest.raises(ValueError, match="never been saved"):
        doc.save()


def test_failed_load_keeps_the_work(doc, tmp_path):
    doc.set_weight(2, 1, 1, 9.0)
    kept: Project = doc.project
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bpstudio-project", "vers')
    with pytest.raises(ProjectFileError, match="not valid JSON"):
        doc.load(bad)
    assert doc.project is kept
    assert doc.is_modified()
    assert doc.file_path is None


def test_new_from_example_resets(doc, qtbot):
    doc.add_unit(2)
    with qtbot.waitSignals([doc.structureChanged, doc.changed, doc.fileStateChanged]):
        doc.new_from_example("xor")
    assert doc.undo_stack.count() == 0
    assert not doc.is_modified()
    assert doc.project.equals(load_example("xor"))
