"""TrainingController through the real worker thread: play, pause, step, epoch, reset, shutdown.

Every test waits on signals (never sleeps) and shuts its controller down, which stops the thread.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from bpstudio.controller.training_controller import TrainingController
from bpstudio.model.examples import load_example
from bpstudio.model.history import LossHistory, LossSeries
from bpstudio.model.initialisation import initialise
from bpstudio.model.training import Trainer
from tests.controller.training_support import training


def collect(controller: TrainingController) -> list:
    snapshots: list = []
    controller.snapshotReady.connect(snapshots.append)
    return snapshots


def independent_trainer(project) -> Trainer:
    return Trainer(
        project.network.copy(), project.dataset, project.loss, project.training, LossHistory(), 0
    )


def new_step_losses(snapshots) -> np.ndarray:
    return np.concatenate([s.new_step_losses for s in snapshots])


def test_play_trains_and_pause_stops(qtbot):
    with training(qtbot) as controller:
        with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
            controller.play()
        assert controller.is_running
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count > 50)
        with qtbot.waitSignal(controller.stopped, check_params_cb=lambda why: why == "Paused"):
            controller.pause()
        assert not controller.is_running
        paused_at = controller.latest_snapshot.step_count
        assert not controller.latest_snapshot.running
        with qtbot.waitSignal(controller.snapshotReady):
            controller.step_once()
        assert controller.latest_snapshot.step_count == paused_at + 1  # nothing ran while paused


def test_step_once_matches_an_independent_trainer(qtbot):
    project = load_example("xor")
    with training(qtbot, project) as controller:
        snapshots = collect(controller)
        for _ in range(5):
            controller.step_once()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count == 5)
        reference = independent_trainer(project)
        expected = [reference.step().loss for _ in range(5)]
        np.testing.assert_allclose(new_step_losses(snapshots), expected, rtol=0, atol=1e-15)
        latest = controller.latest_snapshot
        for got, want in zip(latest.weights, reference.network.weights, strict=True):
            np.testing.assert_array_equal(got, want)
        for got, want in zip(latest.biases, reference.network.biases, strict=True):
            np.testing.assert_array_equal(got, want)


def test_snapshot_weights_are_read_only_copies(qtbot):
    project = load_example("xor")
    with training(qtbot, project) as controller:
        with qtbot.waitSignal(controller.snapshotReady):
            controller.step_once()
        first = controller.latest_snapshot
        assert not first.weights[0].flags.writeable
        with pytest.raises(ValueError):
            first.weights[0][0, 0] = 99.0
        scribbled = first.to_network()
        scribbled.weights[0][:] = 99.0  # a writable copy: must not reach the worker
        with qtbot.waitSignal(controller.snapshotReady):
            controller.step_once()
        reference = independent_trainer(project)
        reference.run_steps(2)
        np.testing.assert_array_equal(
            controller.latest_snapshot.weights[0], reference.network.weights[0]
        )
        assert first.weights[0][0, 0] != 99.0


def test_step_epoch_runs_exactly_one_epoch(qtbot):
    project = load_example("xor")
    project.training = project.training.with_changes(batch_size=1)  # 4 steps an epoch
    with training(qtbot, project) as controller:
        with qtbot.waitSignal(
            controller.snapshotReady, check_params_cb=lambda s: s.epoch_count == 1
        ):
            controller.step_epoch()
        snapshot = controller.latest_snapshot
        assert snapshot.step_count == 4
        assert len(snapshot.new_epoch_losses) == 1
        np.testing.assert_allclose(snapshot.new_epoch_losses[0], snapshot.new_step_losses.mean())


def test_reset_reinitialises_with_the_seed_and_clears_history(qtbot):
    project = load_example("xor")
    with training(qtbot, project) as controller:
        for _ in range(3):
            controller.step_once()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count == 3)
        with qtbot.waitSignal(controller.snapshotReady, check_params_cb=lambda s: s.history_reset):
            controller.reset()
        snapshot = controller.latest_snapshot
        assert snapshot.step_count == 0 and snapshot.epoch_count == 0
        assert len(snapshot.new_step_losses) == 0
        fresh = initialise(project.network, project.initialisation)
        for got, want in zip(snapshot.weights, fresh.weights, strict=True):
            np.testing.assert_array_equal(got, want)


def test_reset_while_running_pauses(qtbot):
    with training(qtbot) as controller:
        controller.play()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count > 20)
        with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: not on):
            controller.reset()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count == 0)


def test_snapshots_are_throttled_and_lose_no_loss_point(qtbot):
    from PySide6.QtCore import QElapsedTimer

    with training(qtbot) as controller:
        snapshots = collect(controller)
        clock = QElapsedTimer()
        controller.play()
        clock.start()
        qtbot.waitUntil(lambda: clock.elapsed() >= 1000, timeout=5000)
        elapsed_ms, count = clock.elapsed(), len(snapshots)
        with qtbot.waitSignal(controller.stopped):
            controller.pause()
        # ~30 a second: allow half as many again (timers are not exact), far below one per tick.
        assert count <= 1.5 * elapsed_ms / 33 + 3, f"{count} snapshots in {elapsed_ms} ms"
        assert count >= 5
        steps = controller.latest_snapshot.step_count
        chunks = [s.new_steps for s in snapshots if len(s.new_steps)]
        # no range missed: each chunk starts where the one before ended
        assert all(a.end == b.start for a, b in itertools.pairwise(chunks))
        assert chunks[0].start == 0 and chunks[-1].end == steps
        received = LossSeries()
        for chunk in chunks:
            received.place(chunk)
        # every step up to the thinning limit, then every stride-th (a fast machine gets there)
        np.testing.assert_array_equal(received.indices(), np.arange(0, steps, received.stride))


def test_shutdown_mid_training_stops_the_thread(qtbot):
    with training(qtbot) as controller:
        controller.play()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count > 20)
        thread = controller._thread
        controller.shutdown()
        assert thread.isFinished()
        assert not controller.is_running
        controller.shutdown()  # twice is harmless (window close after an explicit shutdown)


def test_gradient_rms_is_recorded_on_request(qtbot):
    project = load_example("xor")
    with training(qtbot, project) as controller:
        snapshots = collect(controller)
        controller.set_record_gradients(True)
        for _ in range(3):
            controller.step_once()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count == 3)
        rows = np.vstack([s.new_gradient_rms for s in snapshots if len(s.new_gradient_rms)])
        assert rows.shape == (3, 2)
        reference = independent_trainer(project)
        reference.record_gradient_rms = True
        reference.step()
        np.testing.assert_allclose(rows[0], reference.last_gradient_rms)
        assert np.all(rows > 0)
