"""The gradients drawn while training runs: those of the trainer's next step."""

from __future__ import annotations

import numpy as np

from bpstudio.controller.training_reporter import SnapshotReporter
from bpstudio.model.examples import load_example
from bpstudio.model.live_gradients import next_step_gradients, of_sample
from bpstudio.model.training import Trainer, TrainingConfig


def _xor_trainer(batch_size: int) -> Trainer:
    project = load_example("xor")
    config = TrainingConfig(learning_rate=0.5, momentum=0.0, batch_size=batch_size)
    return Trainer(project.network, project.dataset.training_set(), project.loss, config)


def test_they_are_the_gradients_the_next_update_applies():
    trainer = _xor_trainer(batch_size=2)
    trainer.step()  # the next batch is now samples 3 and 4
    grads = next_step_gradients(trainer)
    assert grads.batch_size == 2
    rows = trainer.next_batch()
    assert list(rows) == [2, 3]
    before = [w.copy() for w in trainer.network.weights]
    trainer.step()
    for w0, w1, g in zip(before, trainer.network.weights, grads.dW, strict=True):
        np.testing.assert_allclose(w1 - w0, -0.5 * g, rtol=1e-12, atol=1e-15)
    assert not grads.dW[0].flags.writeable  # a copy the GUI cannot change
    assert grads.fits([2, 2, 1]) and not grads.fits([2, 3, 1])


def test_a_snapshot_carries_them_when_gradients_are_recorded():
    trainer = _xor_trainer(batch_size=4)
    reporter = SnapshotReporter(0, 0)
    assert reporter.snapshot(trainer).batch_gradients is None
    trainer.record_gradient_rms = True
    snapshot = reporter.snapshot(trainer)
    assert snapshot.batch_gradients.batch_size == 4
    expected = trainer.network.gradients(
        trainer.dataset.inputs, trainer.dataset.targets, "half_sse"
    )
    np.testing.assert_array_equal(snapshot.batch_gradients.dW[1], expected.dW[1])


def test_one_samples_gradients_say_so():
    project = load_example()
    grads = project.network.gradients(project.dataset.inputs, project.dataset.targets, project.loss)
    assert of_sample(grads).batch_size == 0
