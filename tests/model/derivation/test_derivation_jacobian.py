"""The "Jacobian" level of detail: the softmax Jacobian written out with the sample's numbers,
and why cross-entropy's ∂E/∂z is Y − Ŷ, checked against NumPy computed here from the weights."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from bpstudio.cli import main
from bpstudio.model import Network
from bpstudio.model.derivation import build_derivation
from bpstudio.model.examples import example_path
from tests.model.derivation.derivation_helpers import evaluate, numeric_parts


def _softmax_case(seed: int, n_out: int, use_bias: bool = False):
    rng = np.random.default_rng(seed)
    sizes = [3, 4, n_out]
    weights = [rng.normal(0, 1.2, (a, b)) for a, b in itertools.pairwise(sizes)]
    biases = [rng.normal(0, 0.5, n) for n in sizes[1:]] if use_bias else None
    net = Network(sizes, ["tanh", "softmax"], weights, biases)
    inputs = rng.normal(0, 1, (2, 3))
    targets = rng.random((2, n_out))
    targets /= targets.sum(axis=1, keepdims=True)  # a distribution per row (label_rules.py)
    return net, inputs, targets


def _independent_outputs(net: Network, x: np.ndarray) -> np.ndarray:
    """The softmax outputs for one input row, from the weights alone (not the engine)."""
    h = np.tanh(x @ net.weights[0] + (net.biases[0] if net.biases else 0.0))
    z = h @ net.weights[1] + (net.biases[1] if net.biases else 0.0)
    e = np.exp(z - z.max())
    return e / e.sum()


def _steps(d, quantity):
    return [s for s in d.steps if s.quantity == quantity and s.layer == len(d.layer_sizes)]


@pytest.mark.parametrize("seed, n_out", [(1, 2), (2, 3), (3, 4), (4, 5)])
def test_jacobian_entries_and_their_product_are_numpys(seed, n_out):
    net, inputs, targets = _softmax_case(seed, n_out, use_bias=seed % 2 == 0)
    d = build_derivation(net, inputs, targets, "cross_entropy", sample=1, jacobian=True)
    y, label = _independent_outputs(net, inputs[1]), targets[1]
    jacobian = np.diag(y) - np.outer(y, y)  # J[m, k] = ∂y_m/∂z_k
    entries = _steps(d, "dY/dz")
    assert len(entries) == n_out * n_out
    for step in entries:
        m, k = step.indices
        assert step.value == pytest.approx(jacobian[m - 1, k - 1], abs=1e-12)
    dE_dY = -label / y
    for step in _steps(d, "dE/dY"):
        assert step.value == pytest.approx(dE_dY[step.indices[0] - 1], rel=1e-12)
    delta = jacobian.T @ dE_dY  # the vector-Jacobian product the chain rule writes out
    assert np.allclose(delta, y - label, atol=1e-12)  # Y − Ŷ: 一 and 二 merge
    for step in _steps(d, "dE/dz"):
        assert step.value == pytest.approx(delta[step.indices[0] - 1], abs=1e-12)


def test_the_jacobian_of_a_finite_difference_agrees():
    net, inputs, _ = _softmax_case(7, 3)
    d = build_derivation(net, inputs, np.full((2, 3), 1 / 3), "cross_entropy", jacobian=True)
    h = np.tanh(inputs[0] @ net.weights[0])
    z = h @ net.weights[1]
    eps = 1e-6
    for step in _steps(d, "dY/dz"):
        m, k = step.indices
        up, down = z.copy(), z.copy()
        up[k - 1] += eps
        down[k - 1] -= eps
        soft = [np.exp(v) / np.exp(v).sum() for v in (up, down)]
        assert step.value == pytest.approx((soft[0] - soft[1])[m - 1] / (2 * eps), abs=1e-8)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_substituted_formula_computes_its_value(lang):
    net, inputs, targets = _softmax_case(11, 3, use_bias=True)
    d = build_derivation(net, inputs, targets, "cross_entropy", jacobian=True, digits=17, lang=lang)
    for step in d.steps_in_phase("backward"):
        for part in numeric_parts(step.substituted):
            assert evaluate(part) == pytest.approx(step.value, rel=1e-9, abs=1e-9), (part, step)


def test_the_detail_is_off_unless_asked_and_sections_follow_the_seed():
    net, inputs, targets = _softmax_case(5, 3)
    plain = build_derivation(net, inputs, targets, "cross_entropy")
    assert not plain.jacobian and not _steps(plain, "dY/dz") and not _steps(plain, "dE/dY")
    assert "backward.1" not in [s.id for s in plain.sections]
    d = build_derivation(net, inputs, targets, "cross_entropy", jacobian=True)
    ids = [s.id for s in d.sections if s.phase == "backward"]
    assert ids[:4] == ["backward.1", "backward.jacobian", "backward.2", "backward.3"]
    # the gradients of the weights do not change with the level of detail
    assert [s.value for s in d.steps if s.quantity == "dE/dw"] == [
        s.value for s in plain.steps if s.quantity == "dE/dw"
    ]


def test_both_languages_say_why_the_steps_merge():
    net, inputs, targets = _softmax_case(6, 3)
    zh = build_derivation(net, inputs, targets, "cross_entropy", jacobian=True, lang="zh")
    en = build_derivation(net, inputs, targets, "cross_entropy", jacobian=True, lang="en")
    assert zh.section("backward.jacobian").title.startswith("softmax 的雅可比矩阵")
    assert en.section("backward.jacobian").title.startswith("The softmax Jacobian")
    dz_zh, dz_en = _steps(zh, "dE/dz")[0], _steps(en, "dE/dz")[0]
    assert "一、二两步合并" in dz_zh.explanation and "add up to 1" in dz_en.explanation
    assert dz_en.symbolic.endswith(r"= Y_1 - \hat{Y}_1")
    assert r"\delta_{11}" in _steps(en, "dY/dz")[0].symbolic


def test_sigmoid_cross_entropy_cancels_the_slope():
    rng = np.random.default_rng(3)
    net = Network([2, 2], ["sigmoid"], [rng.normal(size=(2, 2))], None)
    inputs, targets = np.array([[0.5, -1.0]]), np.array([[0.3, 1.0]])
    d = build_derivation(net, inputs, targets, "cross_entropy", jacobian=True, digits=17)
    y = 1 / (1 + np.exp(-(inputs[0] @ net.weights[0])))
    for step in _steps(d, "dE/dY"):
        k = step.indices[0] - 1
        assert step.value == pytest.approx((y[k] - targets[0, k]) / (y[k] * (1 - y[k])))
    for step in _steps(d, "dE/dz"):
        assert step.value == pytest.approx(y[step.indices[0] - 1] - targets[0, step.indices[0] - 1])
        for part in numeric_parts(step.substituted):
            assert evaluate(part) == pytest.approx(step.value, rel=1e-9, abs=1e-12)
    assert not _steps(d, "dY/dz")  # a sigmoid's Jacobian is diagonal: no section of its own


def test_softmax_with_squared_error_gets_the_entries_before_two():
    net, inputs, targets = _softmax_case(8, 3)
    d = build_derivation(net, inputs, targets, "half_sse", jacobian=True)
    ids = [s.id for s in d.sections if s.phase == "backward"]
    assert ids[:3] == ["backward.1", "backward.jacobian", "backward.2"]
    plain = build_derivation(net, inputs, targets, "half_sse")
    assert [s.value for s in _steps(d, "dE/dz")] == [s.value for s in _steps(plain, "dE/dz")]


def test_the_command_line_flag(tmp_path):
    out = tmp_path / "d.json"
    path = tmp_path / "softmax.json"
    project = json.loads(example_path("seed").read_text(encoding="utf-8"))
    project["network"]["activations"][-1] = "softmax"
    project["loss"] = "cross_entropy"
    targets = project["dataset"]["targets"]
    project["dataset"]["targets"] = [[1.0, 0.0] if t[0] >= t[1] else [0.0, 1.0] for t in targets]
    path.write_text(json.dumps(project), encoding="utf-8")
    assert main(["derive", str(path), "--format", "json", "--jacobian", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["jacobian"] and any(s["quantity"] == "dY/dz" for s in data["steps"])
    assert main(["derive", str(path), "--format", "json", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert not data["jacobian"] and not any(s["quantity"] == "dY/dz" for s in data["steps"])
