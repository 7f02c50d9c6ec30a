"""Kept runs through the document: keep, rename, delete and restore are each one undo step."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.controller.document import Document
from bpstudio.model import Trainer
from bpstudio.model.examples import load_example
from bpstudio.model.messages import ModelError


@pytest.fixture
def doc(qapp):
    return Document(load_example("xor"))


def train(doc, epochs):
    """Training as the session commits it: the trained weights and history, one command."""
    project = doc.project.copy()
    trainer = Trainer(project.network, project.dataset.training_set(), project.loss,
                      project.training, project.history, project.steps_taken)  # fmt: skip
    trainer.run_epochs(epochs)
    state = trainer.optimiser_state()
    doc.replace_network(project.network, "Train", history=project.history,
                        steps_taken=trainer.step_count, optimiser=state)  # fmt: skip


def test_the_start_is_found_back_through_the_training_commands(doc):
    start = doc.project.network.copy()
    train(doc, 30)
    train(doc, 30)
    assert doc.project.steps_taken == 60
    np.testing.assert_array_equal(doc.run_start_network().weights[1], start.weights[1])


def test_keep_then_undo_then_redo(doc):
    train(doc, 40)
    doc.keep_run("lr 2")
    (run,) = doc.project.runs
    assert run.name == "lr 2" and run.epochs == 40
    assert doc.undo_stack.undoText() == "Keep run lr 2"
    doc.undo_stack.undo()
    assert doc.project.runs == ()
    doc.undo_stack.redo()
    assert doc.project.runs == (run,)


def test_restore_brings_back_the_settings_and_the_starting_weights_in_one_step(doc):
    start = doc.project.network.copy()
    train(doc, 40)
    doc.keep_run("first")
    doc.set_training_config(doc.project.training.with_changes(learning_rate=0.1))
    doc.set_loss("mse")
    train(doc, 10)
    before = doc.project
    count = doc.undo_stack.count()
    doc.restore_run(0)
    assert doc.undo_stack.count() == count + 1
    restored = doc.project
    assert restored.training.learning_rate == 2.0 and restored.loss == "half_sse"
    np.testing.assert_array_equal(restored.network.weights[0], start.weights[0])
    assert restored.steps_taken == 0 and len(restored.history.epochs) == 0
    assert restored.optimiser is None and restored.runs == before.runs
    doc.undo_stack.undo()
    assert doc.project is before


def test_restoring_another_shape_is_structural(doc, qtbot):
    train(doc, 5)
    doc.keep_run("2-2-1")
    doc.add_unit(2)
    with qtbot.waitSignal(doc.structureChanged):
        doc.restore_run(0)
    assert doc.project.network.layer_sizes == [2, 2, 1]


def test_a_run_that_does_not_fit_the_data_is_refused_and_nothing_changes(doc):
    doc.keep_run("two inputs")
    doc.add_unit(1)  # a third input column
    before = doc.project
    with pytest.raises(ModelError, match="has 2 inputs and 1 outputs; the data has 3 input"):
        doc.restore_run(0)
    assert doc.project is before


def test_rename_and_delete_are_undoable(doc):
    doc.keep_run("a")
    doc.keep_run("b")
    doc.rename_run(0, "first")
    assert [r.name for r in doc.project.runs] == ["first", "b"]
    doc.delete_run(1)
    assert [r.name for r in doc.project.runs] == ["first"]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert [r.name for r in doc.project.runs] == ["a", "b"]


def test_runs_follow_every_other_edit(doc):
    doc.keep_run("kept")
    doc.set_weight(2, 1, 1, 0.25)
    doc.add_unit(2)
    train(doc, 3)
    assert [r.name for r in doc.project.runs] == ["kept"]
