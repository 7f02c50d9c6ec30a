"""Pause/play, undo/redo and edits in the window continue training exactly (1e-12).

The reference is one uncut `Trainer` run on the same project: a run cut by pauses, commits,
undo and redo must reach the same weights, momentum, epoch position and losses.
"""

from __future__ import annotations

import numpy as np

from bpstudio.controller.document import Document
from bpstudio.model import editing
from bpstudio.model.examples import load_example
from bpstudio.model.project import Project
from bpstudio.model.training import Trainer
from tests.controller.test_training_session import session_on
from tests.model.test_fast_step import assert_close
from tests.model.test_resume import trainer_of


def reference_after(project: Project, steps: int) -> Trainer:
    trainer = trainer_of(project.copy())
    trainer.run_steps(steps)
    return trainer


def assert_document_matches(document: Document, reference: Trainer) -> None:
    project = document.project
    assert project.steps_taken == reference.step_count
    for a, b in zip(project.network.parameters(), reference.network.parameters(), strict=True):
        assert_close(a, b)
    state, expected = project.optimiser, reference.optimiser_state()
    for a, b in zip(state.momentum, expected.momentum, strict=True):
        assert_close(a, b)
    assert state.epoch.position == expected.epoch.position
    assert state.epoch.order == expected.epoch.order
    assert state.rng == expected.rng
    assert_close(project.history.steps.view(), reference.history.steps.view())


def spirals_project() -> Project:
    project = load_example("spirals")
    assert project.training.shuffle and project.training.momentum > 0
    return project


def test_pause_and_play_cut_a_run_without_changing_it(qtbot):
    project = spirals_project()
    with session_on(qtbot, project.copy()) as session:
        document, controller = session.document, session.controller
        for _ in range(3):
            controller.play()
            qtbot.waitUntil(
                lambda: session.latest_snapshot.step_count > document.project.steps_taken + 7
            )
            with qtbot.waitSignal(document.changed):
                controller.pause()
            assert_document_matches(
                document, reference_after(project, document.project.steps_taken)
            )
        assert document.undo_stack.count() == 3


def test_undo_and_redo_of_a_run_continue_exactly(qtbot):
    project = spirals_project()
    with session_on(qtbot, project.copy()) as session:
        document, controller = session.document, session.controller
        for _ in range(5):
            with qtbot.waitSignal(document.changed):
                controller.step_once()
        controller.play()
        qtbot.waitUntil(lambda: session.latest_snapshot.step_count > 40)
        with qtbot.waitSignal(document.changed):
            controller.pause()
        ran = document.project.steps_taken
        document.undo_stack.undo()  # back to 5 steps: the worker continues from there
        assert_document_matches(document, reference_after(project, 5))
        with qtbot.waitSignal(document.changed):
            controller.step_once()
        assert_document_matches(document, reference_after(project, 6))
        document.undo_stack.undo()
        document.undo_stack.redo()
        assert_document_matches(document, reference_after(project, 6))
        with qtbot.waitSignal(document.changed):
            controller.step_epoch()
        assert document.project.steps_taken > 6 and ran > 5
        assert_document_matches(document, reference_after(project, document.project.steps_taken))


def test_value_edits_keep_the_state_and_batch_edits_start_a_fresh_epoch(qtbot):
    project = spirals_project()
    with session_on(qtbot, project.copy()) as session:
        document, controller = session.document, session.controller
        for _ in range(3):
            with qtbot.waitSignal(document.changed):
                controller.step_once()
        state = document.project.optimiser
        messages = []
        document.optimiserReset.connect(messages.append)
        document.set_weight(2, 1, 1, 0.25)
        document.set_training_config(document.project.training.with_changes(learning_rate=0.01))
        assert document.project.optimiser is state and not messages
        document.set_training_config(document.project.training.with_changes(batch_size=7))
        assert document.project.optimiser.epoch is None
        assert document.project.optimiser.momentum == state.momentum
        assert messages == ["Training starts a fresh epoch: the data or the batch settings changed"]
        edited = document.project.copy()
        with qtbot.waitSignal(document.changed):
            controller.step_once()
        # what the window trained is what a trainer on the edited project trains
        expected = trainer_of(edited)
        expected.step()
        for a, b in zip(
            document.project.network.parameters(), expected.network.parameters(), strict=True
        ):
            assert_close(a, b)


def test_a_structural_edit_zeroes_the_momentum_of_what_it_reshapes():
    project = spirals_project()
    trainer = trainer_of(project)
    trainer.run_steps(5)
    project.optimiser = trainer.optimiser_state()
    after = editing.add_unit(project, 2)  # reshapes matrices 0 and 1, and bias 0
    state, reset = editing.carry_optimiser_state(project, after)
    assert reset == (editing.MOMENTUM_RESET,)
    shapes = [p.shape for p in after.network.parameters()]
    assert state.fits(shapes)
    n_w = len(after.network.weights)
    untouched = [2, n_w + 1, n_w + 2]  # the last weight matrix, the later bias vectors
    for i, buffer in enumerate(state.momentum):
        if i in untouched:
            np.testing.assert_array_equal(buffer, project.optimiser.momentum[i])
        else:
            assert not buffer.any()
    assert state.epoch == project.optimiser.epoch  # the data did not change
    inserted, reset = editing.carry_optimiser_state(
        project, editing.insert_layer(project, 2, 3, "tanh")
    )
    assert not any(b.any() for b in inserted.momentum) and reset == (editing.MOMENTUM_RESET,)
