"""The workspace without a window: what the app builds and hands to the window works on its own
(training shows its weights in the document, the walkthrough rests while it runs, a reset is
autosaved first)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from bpstudio.controller.autosave_store import AutosaveSession, read_autosave
from bpstudio.controller.document import Document
from bpstudio.controller.workspace import Workspace
from bpstudio.model.examples import load_example


@contextmanager
def xor_workspace() -> Iterator[Workspace]:
    workspace = Workspace(Document(load_example("xor")))
    try:
        yield workspace
    finally:
        if workspace.autosaver is not None:
            workspace.autosaver.finish()
        workspace.shutdown()  # inside the test: the worker thread must be gone before teardown


def test_the_parts_share_one_document(qtbot):
    with xor_workspace() as workspace:
        _check_the_parts(workspace)


def _check_the_parts(workspace: Workspace) -> None:
    document = workspace.document
    assert workspace.session.document is document
    assert workspace.controller is workspace.session.controller
    assert workspace.cursor.steps and workspace.practice is not None
    assert workspace.autosaver is None  # only when asked: a test never writes the user's files


def test_training_shows_its_weights_in_the_document_and_rests_the_walkthrough(qtbot):
    with xor_workspace() as workspace:
        _train_and_pause(workspace, qtbot)


def _train_and_pause(workspace: Workspace, qtbot) -> None:
    document, controller, cursor = workspace.document, workspace.controller, workspace.cursor
    before = document.project.network
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
        controller.play()
    assert cursor.suspended
    qtbot.waitUntil(lambda: not document.shown_network().equals(before), timeout=5000)
    assert document.project.network is before  # not an undo step while it runs
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: not on):
        controller.pause()
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1, timeout=5000)
    assert not cursor.suspended
    assert document.shown_network().equals(document.project.network)


def test_a_reset_autosaves_unsaved_work_first(qtbot, tmp_path):
    with xor_workspace() as workspace:
        _reset_after_an_edit(workspace, tmp_path)


def _reset_after_an_edit(workspace: Workspace, tmp_path) -> None:
    autosaver = workspace.start_autosave(AutosaveSession(tmp_path / "autosave"), 60_000)
    assert workspace.start_autosave() is autosaver  # one autosave per workspace
    workspace.document.set_weight(2, 1, 1, 0.75)
    edited = workspace.document.project
    workspace.controller.reset()  # the worker has not answered yet: the edit is what is saved
    assert read_autosave(autosaver.file).project.equals(edited)
