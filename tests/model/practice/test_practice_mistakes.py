"""Named mistakes: on random networks each one's number is what making that mistake gives.

Every expected number is worked out here by a small, separate forward/backward pass written
for this test (sigmoid, tanh, linear; loss ½ Σ (Y − Ŷ)²), not with the engine.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from bpstudio.model import Network
from bpstudio.model.derivation import build_derivation
from bpstudio.model.practice import check_answer, derivation_mistakes

F = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh, "linear": lambda z: z}
SLOPE = {"sigmoid": lambda a: a - a * a, "tanh": lambda a: 1 - a * a, "linear": np.ones_like}


def _case(seed: int):
    rng = np.random.default_rng(seed)
    sizes = [int(n) for n in rng.integers(1, 5, size=int(rng.integers(3, 5)))]
    sizes[-1] = max(sizes[-1], 1)
    sizes[-2] = max(sizes[-2], 1)
    acts = [str(rng.choice(("sigmoid", "tanh"))) for _ in sizes[1:-1]]
    acts.append(str(rng.choice(("sigmoid", "tanh", "linear"))))
    weights = [rng.normal(0, 0.9, (a, b)) for a, b in itertools.pairwise(sizes)]
    x = rng.normal(0, 1, (1, sizes[0]))
    y_hat = rng.uniform(0.05, 0.95, (1, sizes[-1]))
    lr = float(rng.choice((0.1, 0.5, 1.0)))
    return Network(sizes, acts, weights), x, y_hat, lr


def _reference(net: Network, x, y_hat):
    """a, z per layer (index l - 1), and dE/dz, dE/da for the seed's ½ Σ (Y − Ŷ)²."""
    a, z = [x[0]], [None]
    for w, name in zip(net.weights, net.activations, strict=True):
        z.append(a[-1] @ w)
        a.append(F[name](z[-1]))
    L = len(a)
    da, dz = [None] * L, [None] * L
    da[L - 1] = a[-1] - y_hat[0]
    for i in range(L - 1, 0, -1):
        dz[i] = da[i] * SLOPE[net.activations[i - 1]](a[i])
        da[i - 1] = net.weights[i - 1] @ dz[i]
    return a, z, da, dz


def _codes(mistakes, code):
    return [m.value for m in mistakes if m.code == code]


def _expect(step, mistakes, code, value):
    """``value`` is offered under ``code``, unless it shows the same as the correct value or
    as a mistake listed before it (then it is no separate mistake)."""
    shown = f"{value:.4g}"
    if shown == f"{step.value:.4g}":
        assert all(f"{m.value:.4g}" != shown for m in mistakes)
        return
    match = [m for m in mistakes if f"{m.value:.4g}" == shown]
    assert match, (step.symbol, code, value, mistakes)
    if match[0].code == code:
        assert match[0].value == pytest.approx(value, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("seed", range(25))
def test_each_mistake_is_what_making_it_gives(seed):
    net, x, y_hat, lr = _case(seed)
    d = build_derivation(net, x, y_hat, "half_sse", 0, lr)
    all_mistakes = derivation_mistakes(d, net, x, y_hat)
    a, z, da, dz = _reference(net, x, y_hat)
    L = net.n_layers
    dW = [np.outer(a[i], dz[i + 1]) for i in range(L - 1)]
    checked = set()
    for step, mistakes in zip(d.steps, all_mistakes, strict=True):
        layer, idx = step.layer, step.indices
        q = step.quantity
        if q == "dE/dY":
            (k,) = idx
            _expect(step, mistakes, "sign_flipped", y_hat[0, k - 1] - a[-1][k - 1])
            _expect(step, mistakes, "half_factor", 2 * (a[-1][k - 1] - y_hat[0, k - 1]))
        elif q == "dE/dz":
            (k,) = idx
            _expect(step, mistakes, "dropped_slope", da[layer - 1][k - 1])
            zk = z[layer - 1][k - 1]
            if net.activations[layer - 2] == "sigmoid":
                _expect(step, mistakes, "slope_from_z", da[layer - 1][k - 1] * (zk - zk * zk))
            if layer == L and net.activations[-1] == "linear":
                assert not _codes(mistakes, "dropped_slope")  # slope 1: no mistake there
        elif q == "dE/da" and net.layer_sizes[layer] >= 2:
            (j,) = idx
            terms = dz[layer] * net.weights[layer - 1][j - 1]
            for m in range(len(terms)):
                _expect(step, mistakes, "missed_path", float(terms.sum() - terms[m]))
            updated = net.weights[layer - 1] - lr * dW[layer - 1]
            _expect(step, mistakes, "used_updated_weight", float(dz[layer] @ updated[j - 1]))
        elif q == "dE/dw":
            j, k = idx
            for i in range(1, net.layer_sizes[layer - 2] + 1):
                if i != j:
                    value = dz[layer - 1][k - 1] * a[layer - 2][i - 1]
                    _expect(step, mistakes, "wrong_input", value)
        elif q == "w_new":
            j, k = idx
            w, g = net.weights[layer - 2][j - 1, k - 1], dW[layer - 2][j - 1, k - 1]
            _expect(step, mistakes, "sign_flipped", w + lr * g)
            _expect(step, mistakes, "forgot_learning_rate", w - g)
        elif q == "E":
            half = 0.5 * np.sum((a[-1] - y_hat[0]) ** 2)
            _expect(step, mistakes, "half_factor", 2 * half)
        else:
            continue
        checked.add(q)
    assert {"dE/dY", "dE/dz", "dE/dw", "w_new", "E"} <= checked


@pytest.mark.parametrize("seed", range(25))
def test_the_checker_names_each_value(seed):
    net, x, y_hat, lr = _case(seed)
    d = build_derivation(net, x, y_hat, "half_sse", 0, lr)
    rng = np.random.default_rng(1000 + seed)
    for step, mistakes in zip(d.steps, derivation_mistakes(d, net, x, y_hat), strict=True):
        assert check_answer(f"{step.value:.4g}", step.value, mistakes).kind == "correct"
        assert check_answer(repr(step.value), step.value, mistakes).kind == "correct"
        for mistake in mistakes:
            verdict = check_answer(f"{mistake.value:.9g}", step.value, mistakes)
            assert verdict.kind == "mistake", (step.symbol, mistake)
            first = next(m for m in mistakes if f"{m.value:.9g}" == f"{mistake.value:.9g}")
            assert verdict.code == first.code
        guess = float(rng.uniform(-3, 3))
        values = [step.value, *(m.value for m in mistakes)]
        if all(abs(guess - v) > 1e-3 for v in values):
            assert check_answer(f"{guess:.6f}", step.value, mistakes).kind == "not_yet"


def test_linear_output_offers_no_dropped_slope_and_mistakes_differ_from_the_answer():
    net = Network([2, 2, 1], ["sigmoid", "linear"], [np.full((2, 2), 0.3), np.full((2, 1), 0.4)])
    x, y = np.array([[0.5, 0.2]]), np.array([[0.9]])
    d = build_derivation(net, x, y, "half_sse")
    for step, mistakes in zip(d.steps, derivation_mistakes(d, net, x, y), strict=True):
        shown = {f"{m.value:.4g}" for m in mistakes}
        assert f"{step.value:.4g}" not in shown and len(shown) == len(mistakes)
        if step.quantity == "dE/dz" and step.layer == 3:
            assert "dropped_slope" not in {m.code for m in mistakes}
