"""The Document's part in keeping work safe: the signal before risky operations, restoring
autosaved work, and never showing trained weights of a shape the project no longer has."""

from __future__ import annotations

import pytest

from bpstudio.controller import document as document_module
from bpstudio.controller.document import Document
from bpstudio.model.examples import load_example
from bpstudio.model.project import save_project


@pytest.mark.parametrize(
    "operation, announced",
    [
        ("add_unit", False),
        ("remove_unit", True),
        ("remove_layer", True),
        ("load", True),
        ("new_from_example", True),
    ],
)
def test_which_operations_are_risky(qtbot, tmp_path, operation, announced):
    document = Document(load_example("xor"))
    path = tmp_path / "p.json"
    save_project(load_example("seed"), path)
    calls = {
        "add_unit": lambda: document.add_unit(2),
        "remove_unit": lambda: document.remove_unit(2, 1),
        "remove_layer": lambda: document.remove_layer(2),
        "load": lambda: document.load(path),
        "new_from_example": lambda: document.new_from_example("seed"),
    }
    before = document.project
    seen = []
    document.riskyOperationStarting.connect(lambda: seen.append(document.project))
    calls[operation]()
    assert seen == ([before] if announced else [])


def test_restored_work_is_modified_and_saves_to_its_original_file(qtbot, tmp_path):
    document = Document()
    restored = load_example("xor")
    original = tmp_path / "mine.json"
    with qtbot.waitSignal(document.fileStateChanged):
        document.restore_autosave(restored, original)
    assert document.project is restored
    assert document.is_modified() and document.file_path == original
    document.set_weight(2, 1, 1, 0.5)
    document.undo_stack.undo()
    assert document.is_modified()  # undo cannot make recovered work look saved
    document.save()
    assert original.exists() and not document.is_modified()


def test_trained_weights_of_an_old_shape_are_not_shown(qtbot):
    document = Document(load_example("xor"))
    trained = document.project.network.copy()
    trained.weights[0][0, 0] = 9.0
    document.set_live_network(trained)
    assert document.shown_network() is trained
    document.add_unit(2)  # structural: the trained weights no longer fit
    assert document.shown_network() is document.project.network
    document.set_use_bias(not document.project.network.use_bias)
    assert document.shown_network() is document.project.network


def test_the_undo_stack_keeps_the_newest_edits_up_to_its_limit(qtbot, monkeypatch):
    """A long session's edits do not pile up without end (each keeps two project copies)."""
    monkeypatch.setattr(document_module, "UNDO_LIMIT", 20)
    document = Document(load_example("seed"))
    for i in range(25):  # edits to two weights in turn (edits to one weight merge)
        document.set_weight(2, 1, 1 + i % 2, 0.01 * (i + 1))
    assert document.undo_stack.count() == 20
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    # back to the state after the first 5 edits: w11 = 0.05 (edit 5), w12 = 0.04 (edit 4)
    assert document.project.network.weights[0][0, :2].tolist() == [0.05, 0.04]
