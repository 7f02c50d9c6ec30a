"""Per-layer gradient RMS, recorded by the Trainer only when asked (the gradient-size plot)."""

from __future__ import annotations

import numpy as np

from bpstudio.model.examples import load_example
from bpstudio.model.history import GrowingArray
from bpstudio.model.training import Trainer, weight_gradient_rms


def test_weight_gradient_rms_is_the_root_mean_square_of_each_matrix():
    grads = [np.array([[3.0, -4.0]]), np.array([[0.0], [2.0]])]
    np.testing.assert_allclose(weight_gradient_rms(grads), [np.sqrt(12.5), np.sqrt(2.0)])


def test_recording_is_off_by_default_and_matches_the_step_gradients_when_on():
    project = load_example("xor")
    trainer = Trainer(project.network, project.dataset, project.loss, project.training)
    trainer.step()
    assert trainer.last_gradient_rms is None
    trainer.record_gradient_rms = True
    ds = project.dataset
    expected = weight_gradient_rms(project.network.gradients(ds.inputs, ds.targets, "half_sse").dW)
    trainer.step()
    np.testing.assert_allclose(trainer.last_gradient_rms, expected)


def test_growing_array_extend_appends_a_chunk_past_its_capacity():
    values = GrowingArray(capacity=2)
    values.extend([1.0])
    values.extend(np.arange(2.0, 10.0))
    np.testing.assert_array_equal(values.view(), np.arange(1.0, 10.0))
