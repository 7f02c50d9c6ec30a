import numpy as np

from bpstudio.model import Dataset, Network, Trainer, TrainingConfig
from bpstudio.model.examples import load_example
from bpstudio.model.walkthrough_update import sgd_update


def test_update_equals_the_trainers_step_with_batch_size_one():
    project = load_example("seed")
    expected = project.network.copy()
    Trainer(expected, project.dataset, project.loss, project.training).step()
    updated = sgd_update(project, 0)
    for a, b in zip(updated.weights, expected.weights, strict=True):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-15)
    assert not np.array_equal(updated.weights[0], project.network.weights[0])


def test_update_uses_the_batch_mean_and_respects_frozen_biases():
    net = Network([1, 1], ["linear"], [np.array([[1.0]])], [np.array([0.5])], freeze_biases=True)
    project = load_example("seed")
    project.network = net
    project.dataset = Dataset([[1.0], [3.0], [2.0]], [[0.0], [0.0], [0.0]])
    project.training = TrainingConfig(learning_rate=0.1, batch_size=2)
    project.loss = "half_sse"
    updated = sgd_update(project, 1)  # batch = samples 0 and 1
    # dE/dw = mean over samples of (w x + b - 0) x = ((1.5)(1) + (3.5)(3)) / 2 = 6
    assert updated.weights[0][0, 0] == 1.0 - 0.1 * 6.0
    assert updated.biases[0][0] == 0.5
