"""The Runs dock in the main window: keep, tick to overlay, restore, rename, delete."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from tests.views.window_support import close_inside_the_test, shown_window

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot, monkeypatch):
    win = shown_window(qtbot, monkeypatch, Button.Discard)
    win.files.new_from_example("xor")
    return win


def train_epochs(window, qtbot, times=1):
    doc, learning = window.document, window.learning
    for _ in range(times):
        count = doc.undo_stack.count()
        learning.training_panel.epoch_action.trigger()
        qtbot.waitUntil(lambda: doc.undo_stack.count() == count + 1, timeout=10_000)  # noqa: B023


def test_the_actions_and_the_dock_are_there_with_names_tooltips_and_shortcuts(window):
    runs = window.runs
    assert runs.keep.objectName() == "actionKeepRun" and "(Ctrl+K)" in runs.keep.toolTip()
    assert "(Ctrl+Shift+K)" in runs.experiment.toolTip()
    assert "runsPanel" in window.docks
    training_menu = window.learning_menus.training
    assert runs.keep in training_menu.actions() and runs.experiment in training_menu.actions()
    panel = runs.panel
    for widget in (panel.restore_button, panel.rename_button, panel.delete_button, panel.share):
        assert widget.toolTip()
    assert panel.empty_hint.isVisibleTo(panel)
    close_inside_the_test(window)


def test_keep_asks_a_name_with_a_sensible_default(window, qtbot, monkeypatch):
    train_epochs(window, qtbot, 2)
    asked = {}

    def answer(_parent, _title, _label, _mode, default):
        asked["default"] = default
        return "my first run", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    window.runs.keep.trigger()
    assert asked["default"] == "Run 1: sigmoid, η 2, 2 epochs"
    (run,) = window.document.project.runs
    assert run.name == "my first run" and run.epochs == 2
    model = window.runs.panel.model
    assert model.rowCount() == 1 and model.index(0, 0).data() == "my first run"
    assert not window.runs.panel.empty_hint.isVisibleTo(window.runs.panel)
    assert window.docks["runsPanel"].isVisible()
    close_inside_the_test(window)


def test_ticking_runs_overlays_their_curves_with_a_legend(window, qtbot):
    train_epochs(window, qtbot, 3)
    window.runs.keep_run("first")
    doc = window.document
    doc.set_training_config(doc.project.training.with_changes(learning_rate=0.5))
    window.runs.keep_run("second")
    model, overlay = window.runs.panel.model, window.runs.overlay
    with qtbot.waitSignal(model.overlaidChanged):
        model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.set_overlaid(1, True)
    assert overlay.names == ["this run", "first", "second"]
    assert overlay.legend.isVisible() and overlay.legend.columnCount == 1
    window.runs.keep_run("third")
    model.set_overlaid(2, True)
    assert overlay.legend.columnCount == 2  # four names: two rows of two, not one tall column
    model.set_overlaid(2, False)
    _xs, ys = overlay._curves[0].getData()
    np.testing.assert_array_equal(ys, doc.project.runs[0].curve.view())
    assert window.learning.loss_plot.toolbar is not None
    model.set_overlaid(0, False)
    assert overlay.names == ["this run", "second"]
    close_inside_the_test(window)


def test_the_dock_says_what_differs_from_now(window, qtbot):
    window.runs.keep_run("kept")
    doc = window.document
    doc.set_training_config(doc.project.training.with_changes(learning_rate=0.5))
    differs = window.runs.panel.model.index(0, 4).data()
    assert differs == "learning rate 2 (now 0.5)"
    close_inside_the_test(window)


def test_restore_is_one_undo_step_and_rename_and_delete_are_undoable(window, qtbot):
    doc = window.document
    start = doc.project.network.copy()
    train_epochs(window, qtbot, 2)
    window.runs.keep_run("kept")
    doc.set_loss("mse")
    panel = window.runs.panel
    panel.table.selectRow(0)
    count = doc.undo_stack.count()
    panel.restore_button.click()
    assert doc.undo_stack.count() == count + 1
    assert doc.project.loss == "half_sse" and doc.project.steps_taken == 0
    plot = window.learning.loss_plot
    qtbot.waitUntil(lambda: plot.point_count("epochs") == 0, timeout=10_000)  # starts afresh
    np.testing.assert_array_equal(doc.project.network.weights[0], start.weights[0])
    panel.model.setData(panel.model.index(0, 0), "renamed")
    assert doc.project.runs[0].name == "renamed"
    panel.table.selectRow(0)
    panel.delete_button.click()
    assert doc.project.runs == ()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.project.runs[0].name == "kept"
    close_inside_the_test(window)


def test_keep_and_restore_wait_for_a_pause(window, qtbot):
    window.runs.keep_run("kept")
    panel, controller = window.runs.panel, window.workspace.controller
    panel.table.selectRow(0)
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
        window.learning.training_panel.play_action.trigger()
    assert not window.runs.keep.isEnabled() and not panel.restore_button.isEnabled()
    assert panel.restore_button.toolTip() == "Pause training to restore a run"
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: not on):
        controller.pause()
    assert window.runs.keep.isEnabled() and panel.restore_button.isEnabled()
    close_inside_the_test(window)


def test_the_runs_model_is_sound(window, qtmodeltester):
    window.runs.keep_run("a")
    window.runs.keep_run("b")
    qtmodeltester.check(window.runs.panel.model)
    close_inside_the_test(window)
