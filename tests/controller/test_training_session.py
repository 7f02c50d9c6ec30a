"""Training wired to the Document: one undo step per run, edits during training land and undo."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from bpstudio.controller.document import Document
from bpstudio.controller.training_session import TrainingSession
from bpstudio.model.examples import load_example
from bpstudio.model.history import LossHistory
from bpstudio.model.training import Trainer


@contextmanager
def session_on(qtbot, project) -> Iterator[TrainingSession]:
    document = Document(project)
    session = TrainingSession(document)
    try:
        session.controller.start()
        qtbot.waitUntil(lambda: session.latest_snapshot is not None)
        yield session
    finally:
        session.shutdown()  # inside the test: the worker thread must be gone before teardown


def top_command_text(document: Document) -> str:
    stack = document.undo_stack
    return stack.command(stack.index() - 1).text()


def test_a_paused_run_is_one_undoable_command(qtbot):
    project = load_example("xor")
    with session_on(qtbot, project) as session:
        document, controller = session.document, session.controller
        controller.play()
        qtbot.waitUntil(lambda: session.latest_snapshot.step_count > 100)
        assert document.undo_stack.count() == 0  # nothing committed while running
        with qtbot.waitSignal(document.changed):
            controller.pause()
        n = document.project.steps_taken
        assert document.undo_stack.count() == 1
        assert top_command_text(document) == f"Train {n} steps"
        np.testing.assert_array_equal(
            document.project.network.weights[0], session.latest_snapshot.weights[0]
        )
        assert len(document.project.history.steps) == n
        document.undo_stack.undo()
        assert document.project.network.equals(project.network)
        assert document.project.steps_taken == 0


def test_single_steps_commit_and_undo_brings_the_worker_back(qtbot):
    project = load_example("xor")
    with session_on(qtbot, project) as session:
        document, controller = session.document, session.controller
        with qtbot.waitSignal(document.changed):
            controller.step_once()
        assert top_command_text(document) == "Train 1 step"
        document.undo_stack.undo()  # the worker must restart from the document's weights
        with qtbot.waitSignal(session.snapshotApplied, check_params_cb=lambda s: s.step_count == 1):
            controller.step_once()
        reference = Trainer(
            project.network.copy(), project.dataset, project.loss, project.training, LossHistory()
        )
        reference.step()
        np.testing.assert_array_equal(
            session.latest_snapshot.weights[0], reference.network.weights[0]
        )


def test_an_edit_during_flat_out_training_lands_and_is_undoable(qtbot):
    with session_on(qtbot, load_example("xor")) as session:
        document, controller = session.document, session.controller
        start_weights = [w.copy() for w in document.project.network.weights]
        controller.play()
        qtbot.waitUntil(lambda: session.latest_snapshot.step_count > 300)
        document.set_weight(2, 1, 1, 50.0)  # saturates a sigmoid: training barely moves it
        edit_generation = session.latest_snapshot.generation + 1

        def has_edit(snapshot) -> bool:
            return snapshot.generation >= edit_generation

        with qtbot.waitSignal(session.snapshotApplied, check_params_cb=has_edit):
            pass
        shown = session.latest_snapshot
        assert abs(shown.weights[0][0, 0] - 50.0) < 0.1
        # the other weights kept their training, not the document's pre-training values
        assert not np.allclose(shown.weights[1], start_weights[1])
        with qtbot.waitSignal(document.changed):
            controller.pause()
        texts = [document.undo_stack.command(i).text() for i in range(document.undo_stack.count())]
        assert texts[0].startswith("Set w") and texts[1].startswith("Train ")
        document.undo_stack.undo()
        document.undo_stack.undo()
        for got, want in zip(document.project.network.weights, start_weights, strict=True):
            np.testing.assert_array_equal(got, want)


def test_an_edit_while_paused_is_what_the_next_step_trains(qtbot):
    project = load_example("xor")
    with session_on(qtbot, project) as session:
        document, controller = session.document, session.controller
        document.set_weight(2, 1, 1, 0.75)
        edited = document.project
        with qtbot.waitSignal(session.snapshotApplied, check_params_cb=lambda s: s.step_count == 1):
            controller.step_once()
        reference = Trainer(
            edited.network.copy(), edited.dataset, edited.loss, edited.training, LossHistory()
        )
        reference.step()
        np.testing.assert_array_equal(
            session.latest_snapshot.weights[0], reference.network.weights[0]
        )


def test_reset_is_its_own_undoable_command(qtbot):
    with session_on(qtbot, load_example("xor")) as session:
        document, controller = session.document, session.controller
        with qtbot.waitSignal(document.changed):
            controller.step_once()
        with qtbot.waitSignal(document.changed):
            controller.reset()
        assert top_command_text(document) == "Reset training"
        assert document.project.steps_taken == 0
        assert len(document.project.history.steps) == 0


def test_opening_another_project_while_training_starts_over_from_it(qtbot):
    with session_on(qtbot, load_example("xor")) as session:
        document, controller = session.document, session.controller
        controller.play()
        qtbot.waitUntil(lambda: session.latest_snapshot.step_count > 50)
        with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: not on):
            document.new_from_example("seed")

        def is_seed(snapshot) -> bool:
            return snapshot.layer_sizes == (3, 2, 2)

        qtbot.waitUntil(lambda: is_seed(session.latest_snapshot))
        assert session.latest_snapshot.step_count == 0
        assert document.undo_stack.count() == 0  # the new project starts with a clean history


def test_a_step_in_the_same_turn_as_opening_a_project_trains_the_opened_project(qtbot):
    """Opening a file moves no undo index, so the session sends it on the next turn of the
    event loop; a Step (or Play) pressed before that turn must wait for it, not train the old
    project and be thrown away when the new one arrives."""
    with session_on(qtbot, load_example("xor")) as session:
        document, controller = session.document, session.controller
        with qtbot.waitSignal(document.changed, timeout=10_000) as changed:
            document.new_from_example("seed")
            controller.step_once()  # the same turn: the open is not sent yet
        assert changed.signal_triggered
        qtbot.waitUntil(lambda: document.project.steps_taken == 1, timeout=10_000)
        assert document.project.network.layer_sizes == [3, 2, 2]
        assert top_command_text(document) == "Train 1 step"
        reference = load_example("seed")
        Trainer(reference.network, reference.dataset, reference.loss, reference.training).step()
        np.testing.assert_array_equal(
            document.project.network.weights[0], reference.network.weights[0]
        )
