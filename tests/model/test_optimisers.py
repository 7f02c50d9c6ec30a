"""optimisers.update, THE update rule, against torch.optim and an independent plain-NumPy
reference (written from the papers' formulas in a different shape: whole-history loops), and
the settings' validation."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.model.optimisers import (
    ALL_SLOTS,
    OptimiserSettings,
    SettingsError,
    update,
)

torch = pytest.importorskip("torch")

SETTINGS = [
    OptimiserSettings("sgd"),
    OptimiserSettings("sgd", momentum=0.9),
    OptimiserSettings("sgd", momentum=0.7, nesterov=True),
    OptimiserSettings("sgd", momentum=0.5, weight_decay=0.1),
    OptimiserSettings("rmsprop"),
    OptimiserSettings("rmsprop", alpha=0.9, epsilon=1e-6, momentum=0.8),
    OptimiserSettings("rmsprop", weight_decay=0.05),
    OptimiserSettings("adam"),
    OptimiserSettings("adam", beta1=0.8, beta2=0.95, epsilon=1e-7, weight_decay=0.02),
]


def torch_optimiser(settings: OptimiserSettings, params, lr: float):
    s = settings
    if s.kind == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=s.momentum, nesterov=s.nesterov,
                               weight_decay=s.weight_decay)  # fmt: skip
    if s.kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=s.alpha, eps=s.epsilon,
                                   momentum=s.momentum, weight_decay=s.weight_decay)  # fmt: skip
    return torch.optim.Adam(params, lr=lr, betas=(s.beta1, s.beta2), eps=s.epsilon,
                            weight_decay=s.weight_decay)  # fmt: skip


def numpy_reference(settings: OptimiserSettings, p0, gradients, lr):
    """The papers' rules with the sums written over the whole history (no running slots)."""
    s, p, history, scaled = settings, p0.copy(), [], []
    for t, grad_of in enumerate(gradients, start=1):
        g = grad_of(p) + s.weight_decay * p
        history.append(g)
        if s.kind == "rmsprop":
            v = sum((1 - s.alpha) * s.alpha ** (t - k) * h**2 for k, h in enumerate(history, 1))
            scaled.append(g / (np.sqrt(v) + s.epsilon))
            b = sum(s.momentum ** (t - k) * c for k, c in enumerate(scaled, start=1))
            p = p - lr * (b if s.momentum else scaled[-1])
        if s.kind == "sgd":
            if s.momentum == 0.0:
                step = g
            else:
                b = sum(s.momentum ** (t - k) * h for k, h in enumerate(history, start=1))
                step = g + s.momentum * b if s.nesterov else b
            p = p - lr * step
        elif s.kind == "adam":
            m = sum((1 - s.beta1) * s.beta1 ** (t - k) * h for k, h in enumerate(history, 1))
            v = sum((1 - s.beta2) * s.beta2 ** (t - k) * h**2 for k, h in enumerate(history, 1))
            m_hat, v_hat = m / (1 - s.beta1**t), v / (1 - s.beta2**t)
            p = p - lr * m_hat / (np.sqrt(v_hat) + s.epsilon)
    return p


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: repr(s))
def test_update_matches_torch_for_100_steps(settings):
    rng = np.random.default_rng(5)
    p0 = rng.normal(size=(3, 4))
    target = rng.normal(size=(3, 4))
    lr = 0.01

    def grad_of(p):  # a quadratic bowl with a moving target: gradients that change sign
        return 2.0 * (p - target) * np.cos(p)

    tp = torch.tensor(p0.copy(), dtype=torch.float64, requires_grad=True)
    opt = torch_optimiser(settings, [tp], lr)
    p, slots = p0.copy(), {}
    for _ in range(100):
        g = grad_of(p)
        tp.grad = torch.tensor(grad_of(tp.detach().numpy()), dtype=torch.float64)
        opt.step()
        p, slots = update(p, g, slots, settings, lr)
        np.testing.assert_allclose(p, tp.detach().numpy(), rtol=0, atol=1e-10)
    state = opt.state[tp]
    for name in ALL_SLOTS:
        if name in state and state[name] is not None:
            np.testing.assert_allclose(slots[name], state[name].numpy(), rtol=0, atol=1e-10)
    assert slots["step"] == 100


@pytest.mark.parametrize("settings", SETTINGS, ids=repr)
def test_update_matches_an_independent_reference(settings):
    rng = np.random.default_rng(8)
    p0, target, lr = rng.normal(size=5), rng.normal(size=5), 0.05
    grads = [lambda p: 2.0 * (p - target)] * 30
    p, slots = p0.copy(), {}
    for grad_of in grads:
        p, slots = update(p, grad_of(p), slots, settings, lr)
    np.testing.assert_allclose(p, numpy_reference(settings, p0, grads, lr), rtol=1e-12)


def test_update_works_on_floats_and_leaves_its_inputs():
    slots = {"exp_avg": 0.5, "exp_avg_sq": 0.25, "step": 3}
    p, new = update(1.0, 0.2, slots, OptimiserSettings("adam"), 0.1)
    assert slots == {"exp_avg": 0.5, "exp_avg_sq": 0.25, "step": 3}
    assert new["step"] == 4 and isinstance(float(p), float)
    m = 0.9 * 0.5 + 0.1 * 0.2
    v = 0.999 * 0.25 + 0.001 * 0.04
    expected = 1.0 - 0.1 * (m / (1 - 0.9**4)) / (np.sqrt(v / (1 - 0.999**4)) + 1e-8)
    assert p == pytest.approx(expected, rel=1e-15)


def test_sgd_without_momentum_leaves_the_buffer():
    _, slots = update(1.0, 2.0, {"momentum_buffer": 0.5}, OptimiserSettings("sgd"), 0.1)
    assert slots["momentum_buffer"] == 0.5


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "adagrad"}, "optimizer"),
        ({"momentum": 1.0}, "momentum"),
        ({"momentum": -0.1}, "momentum"),
        ({"alpha": 1.0}, "alpha"),
        ({"epsilon": 0.0}, "epsilon"),
        ({"beta1": 1.0}, "beta1"),
        ({"beta2": float("nan")}, "beta2"),
        ({"weight_decay": -1e-3}, "weight_decay"),
        ({"nesterov": 1}, "nesterov"),
    ],
)
def test_bad_settings_name_their_field(changes, field):
    with pytest.raises(SettingsError) as caught:
        OptimiserSettings(**changes)
    assert caught.value.field == field
    assert " must be " in str(caught.value) and "got" in str(caught.value)
