"""The training panel drives a real TrainingController (and its thread) and shows what it says."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from PySide6.QtGui import QKeySequence

from bpstudio.controller.training_controller import TrainingController
from bpstudio.model.examples import load_example
from bpstudio.model.history import LossHistory
from bpstudio.model.training import Trainer
from bpstudio.views.training.training_panel import TrainingPanel


@contextmanager
def panel_for(qtbot, project) -> Iterator[TrainingPanel]:
    """A panel on a live controller; the controller's thread stops when the block ends."""
    with TrainingController(project) as controller:
        panel = TrainingPanel(controller)
        qtbot.addWidget(panel)
        panel.set_project(project)
        controller.start()
        qtbot.waitUntil(lambda: controller.latest_snapshot is not None)
        yield panel


def test_play_and_pause_through_the_action(qtbot):
    with panel_for(qtbot, load_example("xor")) as panel:
        controller = panel._controller
        assert panel.play_action.shortcut() == QKeySequence("Space")
        with qtbot.waitSignal(controller.runningChanged):
            panel.play_action.trigger()
        assert panel.play_action.text() == "Pause"
        qtbot.waitUntil(lambda: "steps/s" in panel.readout.text())
        with qtbot.waitSignal(controller.stopped):
            panel.play_action.trigger()
        assert panel.play_action.text() == "Play"
        assert panel.status_label.text() == "Paused"


def test_a_new_learning_rate_applies_to_the_next_step(qtbot):
    project = load_example("xor")
    with panel_for(qtbot, project) as panel:
        with qtbot.waitSignal(panel.configEdited) as edited:
            panel.learning_rate_box.setValue(0.25)
        assert edited.args[0].learning_rate == 0.25
        with qtbot.waitSignal(panel._controller.snapshotReady):
            panel.step_action.trigger()
        snapshot = panel._controller.latest_snapshot
        config = project.training.with_changes(learning_rate=0.25)
        reference = Trainer(
            project.network.copy(), project.dataset, project.loss, config, LossHistory()
        )
        reference.step()
        np.testing.assert_array_equal(snapshot.weights[0], reference.network.weights[0])
        assert "Step 1 ·" in panel.readout.text()


def test_showing_a_project_does_not_echo_an_edit(qtbot):
    project = load_example("sine")
    with panel_for(qtbot, load_example("xor")) as panel:
        with qtbot.assertNotEmitted(panel.configEdited):
            panel.set_project(project)
        assert panel.learning_rate_box.value() == project.training.learning_rate
        assert panel.batch_size_box.maximum() == project.dataset.n_samples
        assert panel.learning_rate_box.text() == "0.1"  # not "0.100000"


def test_the_epoch_limit_pauses_and_says_why(qtbot):
    with panel_for(qtbot, load_example("xor")) as panel:
        panel.max_epochs_box.setValue(3)
        with qtbot.waitSignal(panel._controller.stopped, timeout=5000):
            panel.play_action.trigger()
        qtbot.waitUntil(lambda: "epoch limit (3)" in panel.status_label.text())
        assert panel._controller.latest_snapshot.epoch_count == 3


def test_divergence_is_shown_in_the_panel(qtbot):
    project = load_example("sine")
    project.training = project.training.with_changes(learning_rate=1e6)
    with panel_for(qtbot, project) as panel:
        with qtbot.waitSignal(panel._controller.diverged, timeout=5000):
            panel.play_action.trigger()
        assert "smaller learning rate" in panel.status_label.text()
        assert panel.status_label.isVisibleTo(panel)


def test_slow_motion_speed_reaches_the_controller(qtbot):
    with panel_for(qtbot, load_example("xor")) as panel:
        panel.speed_slider.setValue(0)
        assert panel._controller.speed == 1.0
        assert panel.speed_label.text() == "1 step/s"
        panel.speed_slider.setValue(panel.speed_slider.maximum())
        assert panel.speed_label.text() == "flat out"


def test_every_control_has_a_tooltip_and_actions_name_their_shortcut(qtbot):
    with panel_for(qtbot, load_example("xor")) as panel:
        for widget in (
            panel.speed_slider,
            panel.learning_rate_box,
            panel.batch_size_box,
            panel.max_epochs_box,
            panel.target_loss_box,
            panel.readout,
        ):
            assert widget.toolTip(), widget
        for action in (panel.play_action, panel.step_action, panel.epoch_action):
            assert action.shortcut().toString() in action.toolTip()
        assert "Ctrl+Shift+R" in panel.reset_action.toolTip()
