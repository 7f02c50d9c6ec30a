"""A project saved mid-run in the window continues exactly after reopening (1e-12).

Driven as a student would: open the spirals example (momentum, shuffled batches, a held-out
split), press Play, pause mid-epoch, save; open the file again and press Step a few times.  The
weights, momentum and losses must equal one uncut run of the same number of steps.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from bpstudio.model.examples import load_example
from bpstudio.model.project import load_project
from tests.controller.test_training_resume import assert_document_matches, reference_after
from tests.views.window_support import close_inside_the_test, shown_window


def test_a_project_saved_mid_run_continues_exactly_after_reopening(qtbot, monkeypatch, tmp_path):
    window = shown_window(qtbot, monkeypatch, QMessageBox.StandardButton.Discard)
    try:
        run_save_reopen_and_step(window, qtbot, tmp_path)
    finally:
        close_inside_the_test(window)


def run_save_reopen_and_step(window, qtbot, tmp_path) -> None:
    document, panel = window.document, window.learning.training_panel
    controller = window.workspace.controller
    window.files.new_from_example("spirals")
    session = window.workspace.session
    controller.start()  # the worker has the example before Play is pressed, as for a student
    qtbot.waitUntil(lambda: _shown_sizes(session) == (2, 8, 8, 1), timeout=10000)
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
        panel.play_action.trigger()
    qtbot.waitUntil(
        lambda: document.undo_stack.count() == 0 and _trained(session) > 3, timeout=10000
    )
    with qtbot.waitSignal(document.changed, timeout=5000):
        panel.play_action.trigger()  # pause: the run becomes one undo step, with its state
    if document.project.optimiser.epoch.position == 0:  # mid-epoch, as a student would stop
        step_and_wait(qtbot, document, panel)
    saved_steps = document.project.steps_taken
    path = tmp_path / "mid-run.json"
    document.save(path)
    assert load_project(path).optimiser.rng == document.project.optimiser.rng

    window.files.new_from_example("xor")
    qtbot.waitUntil(lambda: _shown_sizes(session) == (2, 2, 1), timeout=10000)
    with qtbot.waitSignal(session.snapshotApplied, timeout=5000):  # the worker has the file
        assert window.files.open_path(path, ask=False)
    for _ in range(4):
        step_and_wait(qtbot, document, panel)
    assert document.project.steps_taken == saved_steps + 4
    assert_document_matches(document, reference_after(load_example("spirals"), saved_steps + 4))


def _trained(session) -> int:
    snapshot = session.latest_snapshot
    return 0 if snapshot is None else snapshot.step_count


def _shown_sizes(session) -> tuple[int, ...]:
    snapshot = session.latest_snapshot
    return () if snapshot is None else tuple(snapshot.layer_sizes)


def test_opening_a_file_with_unknown_fields_names_them_in_the_status_bar(
    qtbot, monkeypatch, tmp_path
):
    import json

    from bpstudio.model.project import dumps

    window = shown_window(qtbot, monkeypatch, QMessageBox.StandardButton.Discard)
    try:
        data = json.loads(dumps(load_example("xor")))
        data["training"]["momentun"] = 0.9
        path = tmp_path / "typo.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert window.files.open_path(path, ask=False)
        message = window.statusBar().currentMessage()
        assert "training.momentun" in message and "ignored" in message
    finally:
        close_inside_the_test(window)


def step_and_wait(qtbot, document, panel) -> None:
    """Press Step and wait for its commit (the walkthrough's own changes come and go too)."""
    before = document.project.steps_taken
    panel.step_action.trigger()
    qtbot.waitUntil(lambda: document.project.steps_taken == before + 1, timeout=5000)
