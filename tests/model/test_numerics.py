"""No overflow warnings at |z| = 1000; divergence stops training with the weights kept."""

import warnings

import numpy as np
import pytest

from bpstudio.model import (
    ACTIVATION_NAMES,
    Dataset,
    DivergenceError,
    Network,
    Trainer,
    TrainingConfig,
)

EXTREME = np.array([[-1000.0, -1.0, 0.0, 1.0, 1000.0]])


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_activations_stay_finite_and_silent_at_extremes(name):
    from bpstudio.model import ACTIVATIONS

    act = ACTIVATIONS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a = act(EXTREME)
        dz = act.backward(np.ones_like(a), EXTREME, a)
    assert np.isfinite(a).all() and np.isfinite(dz).all()


@pytest.mark.parametrize(
    "output,loss",
    [
        ("sigmoid", "half_sse"),
        ("sigmoid", "cross_entropy"),
        ("softmax", "cross_entropy"),
        ("softmax", "mse"),
        ("tanh", "mse"),
    ],
)
def test_losses_and_gradients_silent_at_extremes(output, loss):
    net = Network([1, 2], [output], [np.array([[1000.0, -1000.0]])])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for x in (1.0, -1.0):
            value = net.loss([[x]], [[1.0, 0.0]], loss)
            g = net.gradients([[x]], [[1.0, 0.0]], loss)
            assert np.isfinite(value)
            assert all(np.isfinite(w).all() for w in g.dW)


def test_cross_entropy_of_a_saturated_wrong_answer_is_large_not_infinite():
    net = Network([1, 1], ["sigmoid"], [np.array([[1000.0]])])
    assert net.loss([[1.0]], [[0.0]], "cross_entropy") == pytest.approx(1000.0)


def test_divergence_names_the_step_and_keeps_the_weights():
    net = Network([1, 1, 1], ["linear", "linear"], [np.array([[2.0]]), np.array([[2.0]])])
    data = Dataset([[3.0]], [[1.0]])
    trainer = Trainer(net, data, "half_sse", TrainingConfig(learning_rate=1e5))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(DivergenceError) as info:
            for _ in range(100):
                before = [w.copy() for w in net.weights]
                steps_before = trainer.step_count
                trainer.step()
    assert f"step {steps_before}" in str(info.value)
    assert info.value.step == steps_before
    assert trainer.step_count == steps_before
    for w, b in zip(net.weights, before, strict=True):
        np.testing.assert_array_equal(w, b)
        assert np.isfinite(w).all()
    assert len(trainer.history.steps) == steps_before


def test_huge_weights_give_inf_silently_for_the_views_to_show():
    net = Network([1, 1, 1], ["linear", "linear"], [np.array([[1e200]]), np.array([[1e200]])])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trace = net.forward([[1e10]])
        grads = net.backward(trace, [[0.0]], "half_sse")
        loss = net.per_sample_loss(trace, [[0.0]], "half_sse")
    assert np.isinf(trace.output).all() and not np.isfinite(loss).all()
    assert not np.isfinite(grads.dW[0]).all()
