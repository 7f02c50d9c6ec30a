"""The fast training path (fast_step.py, scalar_step.py) against the reference step.

The reference is `fast_training.REFERENCE`: `Network.forward/backward` and `optimisers.update`.
Both must agree to 1e-12 relative (of each array's scale: summation order differs) on weights,
biases, velocity, losses, epochs and gradient sizes, over random networks and settings.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from bpstudio.model import Dataset, Network, Trainer, TrainingConfig
from bpstudio.model.fast_training import REFERENCE
from bpstudio.model.optimisers import ALL_SLOTS
from bpstudio.model.training import DivergenceError

HIDDEN = ["sigmoid", "tanh", "relu", "leaky_relu", "linear"]


def random_case(seed: int):
    rng = np.random.default_rng(seed)
    sizes = [int(n) for n in rng.integers(1, 6, size=rng.integers(2, 5))]
    loss = ["half_sse", "mse", "cross_entropy"][seed % 3]
    if loss == "cross_entropy":
        out = "softmax" if sizes[-1] > 1 and seed % 2 else "sigmoid"
    else:
        out = str(rng.choice([*HIDDEN, "softmax"]))
    activations = [str(rng.choice(HIDDEN)) for _ in sizes[2:]] + [out]
    weights = [rng.normal(0, 0.8, (a, b)) for a, b in itertools.pairwise(sizes)]
    use_bias = bool(seed % 4)
    biases = [rng.normal(0, 0.5, b) for b in sizes[1:]] if use_bias else None
    net = Network(sizes, activations, weights, biases, freeze_biases=use_bias and seed % 5 == 0)
    n = int(rng.integers(1, 9))
    targets = rng.random((n, sizes[-1]))
    if out == "softmax":
        targets /= targets.sum(axis=1, keepdims=True)
    data = Dataset(rng.normal(size=(n, sizes[0])), targets)
    config = TrainingConfig(
        learning_rate=float(rng.choice([0.05, 0.3])),
        momentum=float(rng.choice([0.0, 0.0, 0.6])),
        batch_size=int(rng.integers(1, n + 1)),
        shuffle=bool(seed % 3 == 1),
        seed=seed,
    )
    optimiser = OPTIMISERS[int(rng.integers(len(OPTIMISERS)))]
    decay = float(rng.choice([0.0, 0.0, 0.05]))
    if optimiser.get("optimizer", "sgd") != "sgd" or optimiser.get("nesterov"):
        # steps of about lr each (Nesterov's: up to 1 + 2 mu times SGD's): smaller ones
        optimiser = optimiser | {"learning_rate": config.learning_rate / 10}
    return net, data, loss, config.with_changes(**optimiser, weight_decay=decay)


# Every optimiser and its variants (momentum or not, Nesterov); weight decay is drawn apart.
OPTIMISERS = [
    {},
    {"momentum": 0.0},
    {"momentum": 0.6, "nesterov": True},
    {"optimizer": "rmsprop", "momentum": 0.0},
    {"optimizer": "rmsprop", "momentum": 0.5, "alpha": 0.9, "epsilon": 1e-6},
    {"optimizer": "adam"},
    {"optimizer": "adam", "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-7},
]


def trainer_pair(net, data, loss, config):
    fast = Trainer(net.copy(), data, loss, config)
    reference = Trainer(net.copy(), data, loss, config, kernel=REFERENCE)
    for trainer in (fast, reference):
        trainer.record_gradient_rms = True
    return fast, reference


def assert_close(actual, expected):
    actual, expected = np.asarray(actual, float), np.asarray(expected, float)
    scale = max(1.0, float(np.max(np.abs(expected)))) if expected.size else 1.0
    np.testing.assert_allclose(actual, expected, rtol=1e-12, atol=1e-12 * scale)


def assert_same_state(fast: Trainer, reference: Trainer):
    for a, b in zip(fast.network.parameters(), reference.network.parameters(), strict=True):
        assert_close(a, b)
    for name in ALL_SLOTS:
        ours, theirs = fast.slot_views(name), reference.slot_views(name)
        assert (ours is None) == (theirs is None)
        for a, b in zip(ours or [], theirs or [], strict=True):
            assert_close(a, b)
    assert fast.optimiser_state().step == reference.optimiser_state().step
    assert_close(fast.history.steps.view(), reference.history.steps.view())
    assert_close(fast.history.epochs.view(), reference.history.epochs.view())
    assert (fast.step_count, fast.epoch_count) == (reference.step_count, reference.epoch_count)
    assert fast.next_batch().tolist() == reference.next_batch().tolist()


@pytest.mark.parametrize("seed", range(100))
def test_fast_steps_match_the_reference_step(seed):
    fast, reference = trainer_pair(*random_case(seed))
    for _ in range(7):
        result, expected = fast.step(), reference.step()
        assert result.samples.tolist() == expected.samples.tolist()
        assert result.epoch_finished == expected.epoch_finished
        assert_close(result.loss, expected.loss)
        assert_close(fast.last_gradient_rms, reference.last_gradient_rms)
    assert_same_state(fast, reference)


@pytest.mark.parametrize("seed", range(0, 60, 3))
def test_a_run_of_steps_matches_single_steps(seed):
    fast, reference = trainer_pair(*random_case(seed))
    rows: list[np.ndarray] = []
    run = fast.steps(23, gradient_rms=rows)
    expected = [reference.step() for _ in range(23)]
    assert run.taken == 23 and run.epoch_finished == expected[-1].epoch_finished
    assert_close(run.last_loss, expected[-1].loss)
    assert np.vstack(rows).shape == (23, len(fast.network.weights))
    assert_close(np.vstack(rows)[-1], reference.last_gradient_rms)
    assert_same_state(fast, reference)


def test_the_seed_network_uses_the_scalar_kernel_and_matches_over_many_steps():
    from bpstudio.model.examples import load_example

    project = load_example("seed")
    fast, reference = trainer_pair(project.network, project.dataset, "half_sse", project.training)
    fast.run_steps(500)
    for _ in range(500):
        reference.step()
    assert_same_state(fast, reference)


def test_divergence_names_the_step_and_keeps_the_weights_of_the_step_before():
    for batch in (1, 2):  # the scalar kernel and the array kernel
        net = Network([1, 3, 1], ["linear", "linear"], [np.full((1, 3), 3.0), np.full((3, 1), 3.0)])
        data = Dataset([[1e3], [2e3]], [[0.0], [1.0]])
        fast, reference = trainer_pair(net, data, "half_sse", TrainingConfig(5.0, batch_size=batch))
        with pytest.raises(DivergenceError) as expected:
            for _ in range(50):
                reference.step()
        with pytest.raises(DivergenceError) as caught:
            fast.steps(50)
        assert caught.value.step == expected.value.step > 0  # slots that were not zero
        assert_same_state(fast, reference)


@pytest.mark.parametrize("optimizer", ["rmsprop", "adam"])
def test_a_step_that_fails_changes_no_slot(optimizer):
    """Adam's and RMSprop's steps are about the learning rate: a huge one takes a weight near
    the largest float past it.  The slots stay as they were before that step, as the weights."""
    for batch in (1, 2):  # the scalar kernel and the array kernel
        net = Network([1, 1], ["linear"], [np.array([[1.75e308]])])  # no biases
        data = Dataset([[1e-160], [1e-160]], [[1e149], [1e149]])  # dE/dw < 0: w grows
        config = TrainingConfig(2e305, batch_size=batch, optimizer=optimizer, epsilon=1e-30)
        fast, reference = trainer_pair(net, data, "half_sse", config)
        with pytest.raises(DivergenceError) as expected:
            for _ in range(50):
                reference.step()
        with pytest.raises(DivergenceError) as caught:
            fast.steps(50)
        assert caught.value.step == expected.value.step > 0  # slots that were not zero
        assert "weight" in str(caught.value)
        assert_same_state(fast, reference)
        assert fast.optimiser_state().step == caught.value.step


def test_weights_replaced_between_steps_are_trained_from_their_new_values():
    net, data, loss, config = random_case(4)
    fast, reference = trainer_pair(net, data, loss, config)
    fast.step(), reference.step()
    for trainer in (fast, reference):
        trainer.network.weights[0] = trainer.network.weights[0] * 0.5  # a new array
        trainer.network.weights[-1][0, 0] = 0.25  # changed in place
    fast.steps(5)
    for _ in range(5):
        reference.step()
    assert_same_state(fast, reference)


def test_float32_networks_train_in_float32_close_to_float64():
    net, data, loss, config = random_case(7)
    net32 = Network(net.layer_sizes, net.activations, net.weights, net.biases, dtype=np.float32)
    fast32 = Trainer(net32, data, loss, config)
    fast64 = Trainer(net.copy(), data, loss, config)
    fast32.steps(5), fast64.steps(5)
    assert all(w.dtype == np.float32 for w in fast32.network.parameters())
    for a, b in zip(fast32.network.parameters(), fast64.network.parameters(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-3, atol=1e-4)


def test_a_deadline_stops_a_run_after_at_least_one_step():
    net, data, loss, config = random_case(2)
    fast, _ = trainer_pair(net, data, loss, config)
    assert fast.steps(10_000, deadline=0.0).taken >= 1


@pytest.mark.parametrize(
    "hidden",
    [
        ["tanh", "tanh", "tanh"],
        ["relu", "relu", "sigmoid"],
        ["leaky_relu", "leaky_relu", "relu"],
        ["sigmoid", "linear", "sigmoid"],
        ["relu", "tanh", "relu"],
    ],
)
@pytest.mark.parametrize("use_bias", [True, False])
def test_deep_networks_with_runs_of_one_activation_match(hidden, use_bias):
    """Hidden layers with the same activation share their slope calls: runs of them, mixed."""
    rng = np.random.default_rng(len(hidden[0]) + 7 * use_bias)
    sizes = [3, 6, 5, 4, 3]
    weights = [rng.normal(0, 0.9, (a, b)) for a, b in itertools.pairwise(sizes)]
    biases = [rng.normal(0, 0.4, b) for b in sizes[1:]] if use_bias else None
    for loss, out in (("mse", "tanh"), ("cross_entropy", "softmax"), ("half_sse", "relu")):
        net = Network(sizes, [*hidden, out], weights, biases)
        targets = rng.random((11, 3))
        if out == "softmax":
            targets /= targets.sum(axis=1, keepdims=True)
        data = Dataset(rng.normal(size=(11, 3)), targets)
        config = TrainingConfig(learning_rate=0.2, momentum=0.5, batch_size=4)
        fast, reference = trainer_pair(net, data, loss, config)
        run = fast.steps(9)
        expected = [reference.step() for _ in range(9)]
        assert_close(run.last_loss, expected[-1].loss)
        assert_same_state(fast, reference)


def test_a_change_whose_squares_overflow_is_checked_exactly_and_kept_when_finite():
    """The in-place update trusts a finite sum of squared changes; a change too big for that
    (|v| > 1e154) is added aside and checked element by element instead."""
    net = Network([1, 1], ["linear"], [np.array([[1e-155]])], [np.array([0.0])])
    data = Dataset([[1e155], [1e155]], [[0.0], [0.5]])
    fast, reference = trainer_pair(net, data, "half_sse", TrainingConfig(0.5, batch_size=2))
    fast.step(), reference.step()  # the change (about 1e154) is finite: kept
    assert abs(fast.network.weights[0][0, 0]) > 1e150
    assert_same_state(fast, reference)
    with pytest.raises(DivergenceError) as expected:
        reference.step()
    with pytest.raises(DivergenceError) as caught:
        fast.step()
    assert (caught.value.step, str(caught.value)) == (expected.value.step, str(expected.value))
    assert_same_state(fast, reference)


def test_a_weight_that_is_not_finite_before_a_run_stops_it_like_the_reference():
    weights = [np.array([[np.inf, 0.5]]), np.array([[0.3], [0.2]])]
    net = Network([1, 2, 1], ["tanh", "linear"], weights, [np.zeros(2), np.zeros(1)])
    data = Dataset([[0.5], [1.0]], [[0.1], [0.2]])
    fast, reference = trainer_pair(net, data, "mse", TrainingConfig(0.1, batch_size=2))
    with pytest.raises(DivergenceError) as expected:
        reference.step()
    with pytest.raises(DivergenceError) as caught:
        fast.steps(3)
    assert (caught.value.step, str(caught.value)) == (expected.value.step, str(expected.value))
    assert fast.history.steps.view().size == 0


@pytest.mark.parametrize("seed", range(0, 60, 4))
def test_float32_stays_float32_and_matches_the_float32_reference(seed):
    net, data, loss, config = random_case(seed)
    net32 = Network(net.layer_sizes, net.activations, net.weights, net.biases,
                    net.freeze_biases, dtype=np.float32)  # fmt: skip
    fast, reference = trainer_pair(net32, data, loss, config)
    fast.steps(5)
    for _ in range(5):
        reference.step()
    kernel = fast._state.ready_kernel()
    arrays = [kernel.flat.values, kernel.grad, kernel.scratch, *kernel.slots.arrays.values()]
    arrays += [b for n in kernel._buffers for b in kernel.buffers(n) if isinstance(b, np.ndarray)]
    assert {a.dtype for a in arrays} <= {np.dtype(np.float32), np.dtype(bool)}
    assert all(p.dtype == np.float32 for p in fast.network.parameters())
    for a, b in zip(fast.network.parameters(), reference.network.parameters(), strict=True):
        np.testing.assert_allclose(a, b, rtol=2e-5, atol=2e-5)
    np.testing.assert_allclose(fast.history.steps.view(), reference.history.steps.view(),
                               rtol=2e-5, atol=1e-6)  # fmt: skip


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_wide_layers_use_number_constants_and_match(hidden):
    """Above `SMALL_CONSTANT` elements the step's constants are numbers, not arrays."""
    from bpstudio.model.fast_step import SMALL_CONSTANT

    rng = np.random.default_rng(3)
    sizes, n = [4, 300, 5, 3], 20
    assert sizes[1] * n > SMALL_CONSTANT >= sizes[2] * n
    weights = [rng.normal(0, 0.5, (a, b)) for a, b in itertools.pairwise(sizes)]
    biases = [rng.normal(0, 0.3, b) for b in sizes[1:]]
    data = Dataset(rng.normal(size=(2 * n, sizes[0])), rng.random((2 * n, sizes[-1])))
    for loss, out in (("mse", hidden), ("cross_entropy", "sigmoid")):
        net = Network(sizes, [hidden, hidden, out], weights, biases)
        config = TrainingConfig(learning_rate=0.1, batch_size=n)
        fast, reference = trainer_pair(net, data, loss, config)
        fast.steps(4)
        for _ in range(4):
            reference.step()
        assert_same_state(fast, reference)


@pytest.mark.parametrize("optimiser", OPTIMISERS, ids=lambda o: "-".join(map(str, o.values())))
@pytest.mark.parametrize("freeze", [False, True])
def test_many_parameters_take_the_large_update_and_match(optimiser, freeze):
    """Above `SMALL_CONSTANT` parameters the update's constants are numbers and Adam updates
    its moments apart (fewer passes over memory)."""
    from bpstudio.model.fast_step import SMALL_CONSTANT

    rng = np.random.default_rng(9)
    sizes = [30, 150, 4]
    assert (sizes[0] + 1) * sizes[1] > SMALL_CONSTANT
    weights = [rng.normal(0, 0.2, (a, b)) for a, b in itertools.pairwise(sizes)]
    biases = [rng.normal(0, 0.3, b) for b in sizes[1:]]
    net = Network(sizes, ["tanh", "sigmoid"], weights, biases, freeze_biases=freeze)
    data = Dataset(rng.normal(size=(24, sizes[0])), rng.random((24, sizes[-1])))
    config = TrainingConfig(learning_rate=0.01, batch_size=8, weight_decay=0.01, **optimiser)
    fast, reference = trainer_pair(net, data, "mse", config)
    fast.steps(7)
    for _ in range(7):
        reference.step()
    assert_same_state(fast, reference)


def test_scalar_chunks_grow_to_half_the_time_left(monkeypatch):
    """Chunks start at SCALAR_CHUNK, then take half the time left at the measured pace: a
    0.1 s run is a dozen kernel calls, not one per 64 steps (each call converts the weights)."""
    from bpstudio.model import fast_training

    clock = [100.0]
    monkeypatch.setattr(fast_training, "perf_counter", lambda: clock[0])
    pace = fast_training._ChunkPace()
    deadline = clock[0] + 0.1
    assert pace.next_chunk(deadline) == fast_training.SCALAR_CHUNK
    pace.took(64)
    clock[0] += 64e-6  # 1 µs a step
    assert abs(pace.next_chunk(deadline) - (0.1 - 64e-6) / 2 / 1e-6) <= 1
    clock[0] = deadline - 10e-6  # almost there: never below the first chunk
    assert pace.next_chunk(deadline) == fast_training.SCALAR_CHUNK
