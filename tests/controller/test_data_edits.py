"""Data edits on the document: each is one undo command; undo restores the project exactly."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.controller.document import Document
from bpstudio.model.data.registry import generate
from bpstudio.model.examples import load_example
from bpstudio.model.project import dumps


@pytest.fixture
def doc(qapp):
    return Document(load_example("xor"))


EDITS = {
    "cell": lambda d: d.set_data_cell(1, 0, 0.25),
    "target_cell": lambda d: d.set_data_cell(2, 2, 0.5),
    "add_row": lambda d: d.add_data_row(),
    "add_row_after": lambda d: d.add_data_row(0),
    "remove_row": lambda d: d.remove_data_row(1),
    "split": lambda d: d.set_split(0.25, 3),
    "standardise": lambda d: d.set_standardise(True),
    "replace_same_shape": lambda d: d.replace_dataset(generate("circle", 20, seed=1)),
    "replace_resized": lambda d: d.replace_dataset(generate("iris"), resize=True),
    "regenerate": lambda d: d.regenerate_builtin("spirals", 50, 0.1, 4, resize=True),
    "regenerate_seed_set": lambda d: d.regenerate_builtin("seed", 1, 0.0, 0, resize=True),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_each_data_edit_is_one_command_and_undo_restores_exactly(doc, edit):
    before = dumps(doc.project)
    edit(doc)
    assert doc.undo_stack.count() == 1
    after = dumps(doc.project)
    assert after != before
    doc.undo_stack.undo()
    assert dumps(doc.project) == before
    doc.undo_stack.redo()
    assert dumps(doc.project) == after


def test_row_edit_undo_redo(doc):
    doc.set_data_cell(3, 1, 7.5)
    assert doc.project.dataset.inputs[3, 1] == 7.5
    doc.undo_stack.undo()
    assert doc.project.dataset.inputs[3, 1] == 1.0
    doc.undo_stack.redo()
    assert doc.project.dataset.inputs[3, 1] == 7.5
    assert doc.undo_stack.undoText() == "Set data row 4, column 2 to 7.5"


def test_replacing_with_other_shape_needs_resize_and_resizes_as_one_step(doc, qtbot):
    iris = generate("iris")
    with pytest.raises(ValueError, match="input columns"):
        doc.replace_dataset(iris)
    assert doc.undo_stack.count() == 0
    original = doc.project.copy()
    with qtbot.waitSignal(doc.structureChanged):
        doc.replace_dataset(iris, resize=True)
    assert doc.project.network.layer_sizes == [4, 2, 3]
    assert doc.project.dataset.equals(iris)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.project.equals(original)
    assert doc.project.network.equals(original.network)


def test_removing_the_shown_sample_moves_the_walkthrough_into_range(doc):
    doc.set_sample_index(3)
    doc.remove_data_row(3)
    assert doc.sample_index == 2


def test_the_last_row_cannot_be_removed(qapp):
    doc = Document(load_example("seed"))
    with pytest.raises(ValueError, match="at least one sample"):
        doc.remove_data_row(0)
    assert doc.undo_stack.count() == 0


def test_standardisation_changes_what_the_network_sees_not_the_data(doc):
    raw = doc.project.dataset.inputs.copy()
    doc.set_standardise(True)
    np.testing.assert_array_equal(doc.project.dataset.inputs, raw)
    seen = doc.trace().a[0]
    np.testing.assert_allclose(seen, (raw[:1] - 0.5) / 0.5)


def test_evaluation_reports_accuracy_on_the_split(doc):
    doc.replace_dataset(generate("circle", 40, seed=2))
    doc.set_split(0.25, 0)
    result = doc.evaluation()
    assert 0.0 <= result.train_accuracy <= 1.0 and 0.0 <= result.test_accuracy <= 1.0
    assert np.isfinite(result.test_loss)
