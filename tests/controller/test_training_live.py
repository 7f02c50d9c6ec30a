"""Changes that reach the worker while it trains: speed, config, stop conditions, a new project;
and what happens when training diverges or fails."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QElapsedTimer

from bpstudio.controller.training_pace import FLAT_OUT, StopConditions
from bpstudio.model.examples import load_example
from tests.controller.training_support import training


def test_slow_motion_paces_steps_and_flat_out_speeds_up(qtbot):
    with training(qtbot) as controller:
        controller.set_speed(10.0)
        clock = QElapsedTimer()
        controller.play()
        clock.start()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count >= 4, timeout=3000)
        steps, elapsed_s = controller.latest_snapshot.step_count, clock.elapsed() / 1000
        assert steps <= 10.0 * elapsed_s + 2, f"{steps} steps in {elapsed_s:.2f} s at 10 steps/s"
        controller.set_speed(FLAT_OUT)
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count > steps + 500, timeout=3000)
        controller.pause()
        qtbot.waitUntil(lambda: not controller.is_running)


def test_batch_size_change_while_running_takes_effect(qtbot):
    project = load_example("xor")
    project.training = project.training.with_changes(batch_size=1, momentum=0.0)
    with training(qtbot, project) as controller:
        controller.play()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count > 100)
        controller.set_config(project.training.with_changes(batch_size=4))

        def one_epoch_per_step(snapshot) -> bool:
            n_steps = len(snapshot.new_steps)  # steps taken, kept by the history or thinned
            return n_steps >= 8 and len(snapshot.new_epochs) == n_steps

        with qtbot.waitSignal(controller.snapshotReady, check_params_cb=one_epoch_per_step):
            pass
        with qtbot.waitSignal(controller.stopped):
            controller.pause()


def test_project_replaced_during_flat_out_training_lands_between_ticks(qtbot):
    project = load_example("xor")
    with training(qtbot, project) as controller:
        controller.play()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count > 200)
        edited = project.copy()
        edited.network.weights[0][:] = 0.125  # a pattern training would never reach by itself
        edited.training = edited.training.with_changes(learning_rate=1e-12, momentum=0.0)
        controller.replace_project(edited)
        edited.network.weights[0][:] = 7.0  # the controller sent a copy: this must not land

        with qtbot.waitSignal(
            controller.snapshotReady, check_params_cb=lambda s: s.generation == 1
        ):
            pass
        snapshot = controller.latest_snapshot
        np.testing.assert_allclose(snapshot.weights[0], 0.125, atol=1e-6)
        assert snapshot.step_count > 200  # the history and the counters went on
        assert controller.is_running
        with qtbot.waitSignal(controller.stopped):
            controller.pause()


def test_divergence_pauses_with_a_message_and_finite_weights(qtbot):
    project = load_example("sine")  # linear output: nothing bounds the loss
    project.training = project.training.with_changes(learning_rate=1e6)
    with training(qtbot, project) as controller:
        with qtbot.waitSignal(controller.diverged, timeout=5000) as blocker:
            controller.play()
        message = blocker.args[0]
        assert "diverged" in message and "learning rate" in message
        assert "try 100000" in message
        qtbot.waitUntil(lambda: not controller.is_running)
        snapshot = controller.latest_snapshot
        assert snapshot.diverged and snapshot.stop_reason == message
        assert all(np.isfinite(w).all() for w in snapshot.weights)
        assert all(np.isfinite(b).all() for b in snapshot.biases)


def test_max_epochs_stops_training_with_the_reason(qtbot):
    with training(qtbot) as controller:
        controller.set_stop_conditions(StopConditions(max_epochs=30))
        at_limit = lambda why: "epoch limit (30)" in why  # noqa: E731
        with qtbot.waitSignal(controller.stopped, check_params_cb=at_limit):
            controller.play()
        qtbot.waitUntil(lambda: not controller.is_running)
        assert controller.latest_snapshot.epoch_count == 30


def test_target_loss_stops_training_with_the_reason(qtbot):
    with training(qtbot) as controller:
        controller.set_stop_conditions(StopConditions(target_loss=0.05))
        with qtbot.waitSignal(controller.stopped, timeout=10_000) as blocker:
            controller.play()
        assert "target" in blocker.args[0]
        qtbot.waitUntil(lambda: not controller.is_running)
        snapshot = controller.latest_snapshot
        assert len(snapshot.new_epoch_losses) and snapshot.new_epoch_losses[-1] <= 0.05


def test_a_failure_in_the_worker_is_reported_not_swallowed(qtbot):
    with training(qtbot) as controller:
        with qtbot.waitSignal(controller.failed) as blocker:
            controller.set_config(None)  # not a TrainingConfig: the worker's slot raises
        assert "AttributeError" in blocker.args[0]
        with qtbot.waitSignal(controller.snapshotReady):
            controller.step_once()  # the worker survived


def test_speed_must_be_positive(qtbot):
    with training(qtbot) as controller:
        with pytest.raises(ValueError):
            controller.set_speed(0)
        controller.set_speed(math.inf)
        assert controller.speed == FLAT_OUT
