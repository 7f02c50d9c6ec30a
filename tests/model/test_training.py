"""SGD against an independent plain-Python implementation; batching, momentum, freezing."""

import math

import numpy as np
import pytest

from bpstudio.model import Dataset, Network, Trainer, TrainingConfig


def plain_python_online_sgd(w2, w3, xs, ys, lr, steps):
    """The seed's 3-2-2 sigmoid network trained online, written without NumPy."""
    w2 = [row[:] for row in w2]
    w3 = [row[:] for row in w3]
    sig = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    losses = []
    for s in range(steps):
        x, yh = xs[s % len(xs)], ys[s % len(ys)]
        a2 = [sig(sum(x[j] * w2[j][k] for j in range(3))) for k in range(2)]
        y = [sig(sum(a2[j] * w3[j][k] for j in range(2))) for k in range(2)]
        losses.append(0.5 * sum((y[k] - yh[k]) ** 2 for k in range(2)))
        d3 = [(y[k] - yh[k]) * (y[k] - y[k] ** 2) for k in range(2)]
        d2 = [sum(d3[k] * w3[j][k] for k in range(2)) * (a2[j] - a2[j] ** 2) for j in range(2)]
        for j in range(2):
            for k in range(2):
                w3[j][k] -= lr * d3[k] * a2[j]
        for i in range(3):
            for k in range(2):
                w2[i][k] -= lr * d2[k] * x[i]
    return w2, w3, losses


def test_online_sgd_matches_plain_python_over_several_steps():
    w2 = [[0.1, -0.3], [0.25, 0.45], [-0.5, 0.2]]
    w3 = [[0.6, -0.1], [-0.35, 0.8]]
    xs = [[1.0, 0.5, 0.2], [-0.3, 0.8, 0.1], [0.0, -1.0, 0.7]]
    ys = [[0.9, 0.1], [0.2, 0.7], [0.5, 0.5]]
    net = Network([3, 2, 2], ["sigmoid", "sigmoid"], [np.array(w2), np.array(w3)])
    trainer = Trainer(net, Dataset(xs, ys), "half_sse", TrainingConfig(learning_rate=0.7))
    results = [trainer.step() for _ in range(7)]
    ew2, ew3, elosses = plain_python_online_sgd(w2, w3, xs, ys, 0.7, 7)
    np.testing.assert_allclose(net.weights[0], ew2, rtol=1e-12)
    np.testing.assert_allclose(net.weights[1], ew3, rtol=1e-12)
    np.testing.assert_allclose([r.loss for r in results], elosses, rtol=1e-12)
    assert [int(r.samples[0]) for r in results] == [s % 3 for s in range(7)]
    assert trainer.epoch_count == 2 and len(trainer.history.epochs) == 2
    assert trainer.history.epochs.view()[0] == pytest.approx(np.mean(elosses[:3]))


def test_mini_batches_cover_the_data_and_the_last_batch_is_short():
    data = Dataset(np.arange(5.0)[:, None], np.zeros((5, 1)))
    net = Network([1, 1], ["linear"], [np.array([[0.0]])])
    trainer = Trainer(net, data, "mse", TrainingConfig(learning_rate=0.01, batch_size=2))
    batches = [trainer.step().samples.tolist() for _ in range(3)]
    assert batches == [[0, 1], [2, 3], [4]]
    assert trainer.epoch_count == 1


def test_shuffling_is_reproducible_from_the_seed_and_covers_every_sample():
    data = Dataset(np.arange(6.0)[:, None], np.zeros((6, 1)))

    def order(seed):
        net = Network([1, 1], ["linear"], [np.array([[0.0]])])
        cfg = TrainingConfig(learning_rate=0.01, shuffle=True, seed=seed)
        trainer = Trainer(net, data, "mse", cfg)
        return [int(trainer.step().samples[0]) for _ in range(12)]

    assert order(4) == order(4)
    assert sorted(order(4)[:6]) == list(range(6))
    assert order(4) != order(5)


def test_momentum_accumulates_the_buffer():
    # E = 1/2 (w x - y)^2 with x = 1, y = 0: gradient = w.
    net = Network([1, 1], ["linear"], [np.array([[1.0]])])
    trainer = Trainer(
        net, Dataset([[1.0]], [[0.0]]), "half_sse", TrainingConfig(learning_rate=0.1, momentum=0.5)
    )
    trainer.step()  # b = 1, w = 1 - 0.1 * 1 = 0.9
    trainer.step()  # b = 0.5 * 1 + 0.9 = 1.4, w = 0.9 - 0.1 * 1.4 = 0.76
    assert net.weights[0][0, 0] == pytest.approx(0.76)


def test_frozen_biases_do_not_move_but_weights_do():
    net = Network([1, 1], ["linear"], [np.array([[1.0]])], [np.array([0.5])], freeze_biases=True)
    trainer = Trainer(net, Dataset([[1.0]], [[0.0]]), "half_sse", TrainingConfig(learning_rate=0.1))
    trainer.run_steps(3)
    assert net.biases[0][0] == 0.5
    assert net.weights[0][0, 0] != 1.0


def test_full_batch_training_reduces_xor_loss():
    from bpstudio.model.examples import load_example

    project = load_example("xor")
    trainer = Trainer(project.network, project.dataset, project.loss, project.training)
    start = trainer.dataset_loss()
    trainer.run_epochs(3000)
    assert trainer.dataset_loss() < min(0.01, start)


def test_history_copies_share_numbers_until_either_changes():
    from bpstudio.model.history import GrowingArray, LossHistory

    original = GrowingArray([1.0, 2.0, 3.0])
    twin = original.copy()
    assert np.shares_memory(original.view(), twin.view())  # no copy made
    original.append(4.0)
    twin.append(9.0)  # the frozen twin takes a private buffer before it writes
    assert original.view().tolist() == [1.0, 2.0, 3.0, 4.0]
    assert twin.view().tolist() == [1.0, 2.0, 3.0, 9.0]
    frozen = original.copy()
    original.truncate(1)  # a truncation must not let later appends overwrite what copies see
    original.extend([7.0, 7.0, 7.0])
    assert frozen.view().tolist() == [1.0, 2.0, 3.0, 4.0]
    assert original.view().tolist() == [1.0, 7.0, 7.0, 7.0]

    history = LossHistory(range(100_000))
    copies = [history.copy() for _ in range(50)]
    assert all(np.shares_memory(c.steps.view(), history.steps.view()) for c in copies)
    copies[0].clear()
    assert len(copies[0].steps) == 0 and len(history.steps) == 100_000
