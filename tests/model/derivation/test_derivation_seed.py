"""The seed network's derivation reads like the seed: same sections, symbols, order, numbers.

Every expected formula below is written out by hand from notation.md and the seed document;
every expected number comes from a hand-written forward pass or a finite difference.
"""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.model import Trainer
from bpstudio.model.derivation import derive_project
from bpstudio.model.examples import load_example
from bpstudio.model.refs import EdgeRef, UnitRef

P = r"\partial"


def dE(x: str) -> str:
    return rf"\frac{{{P} E}}{{{P} {x}}}"


def d(top: str, bottom: str) -> str:
    return rf"\frac{{{P} {top}}}{{{P} {bottom}}}"


@pytest.fixture(scope="module")
def seed():
    return derive_project(load_example("seed"), 0, lang="zh", expanded=False)


def test_sections_come_in_the_seeds_order(seed):
    assert [s.id for s in seed.sections] == [
        "forward.1", "forward.2", "forward.output",
        "backward.1", "backward.2", "backward.3", "backward.4", "backward.5", "backward.6",
        "update.7",
    ]  # fmt: skip
    titles = [s.title for s in seed.sections]
    assert titles[0] == "(1) 输入层 → 隐含层"
    assert titles[1] == "(2) 隐含层 → 输出层"
    assert titles[2] == "(3) 输出"
    assert titles[3] == "一、求 E 对 Y₁, Y₂ 或 a₁³, a₂³ 的偏导"
    assert titles[5].startswith("三、求 E 对 w₁₁³, w₂₁³, w₁₂³, w₂₂³")
    assert titles[8].startswith("六、求 E 对 w₁₁², w₂₁², w₃₁², w₁₂², w₂₂², w₃₂²")
    assert [p.title for p in seed.phases][:2] == ["正向传播", "反向传播（从后向前，所以是反向）"]


def test_forward_formulas_are_the_seeds(seed):
    forward = seed.steps_in_phase("forward")
    assert [s.symbolic for s in forward] == [
        r"z_1^2 = x_1 \cdot w_{11}^2 + x_2 \cdot w_{21}^2 + x_3 \cdot w_{31}^2",
        r"z_2^2 = x_1 \cdot w_{12}^2 + x_2 \cdot w_{22}^2 + x_3 \cdot w_{32}^2",
        r"a_1^2 = f(z_1^2) = \frac{1}{1 + e^{-z_1^2}}",
        r"a_2^2 = f(z_2^2) = \frac{1}{1 + e^{-z_2^2}}",
        r"z_1^3 = a_1^2 \cdot w_{11}^3 + a_2^2 \cdot w_{21}^3",
        r"z_2^3 = a_1^2 \cdot w_{12}^3 + a_2^2 \cdot w_{22}^3",
        r"a_1^3 = f(z_1^3) = \frac{1}{1 + e^{-z_1^3}}",
        r"a_2^3 = f(z_2^3) = \frac{1}{1 + e^{-z_2^3}}",
        r"Y_1 = a_1^3",
        r"Y_2 = a_2^3",
        r"E = \frac{1}{2} \left[(Y_1 - \hat{Y}_1)^2 + (Y_2 - \hat{Y}_2)^2\right]",
    ]
    assert forward[2].heading == "隐含层内部转化"
    assert forward[6].heading == "输出层内部转化"
    assert forward[0].substituted == r"z_1^2 = 1 \cdot 0.1 + 0.5 \cdot 0.2 + 0.2 \cdot 0.3 = 0.26"
    assert forward[0].touches == {
        UnitRef(2, 1), UnitRef(1, 1), UnitRef(1, 2), UnitRef(1, 3),
        EdgeRef(2, 1, 1), EdgeRef(2, 2, 1), EdgeRef(2, 3, 1),
    }  # fmt: skip


def test_backward_formulas_are_notation_md(seed):
    by_section = {s.id: [st.symbolic for st in seed.steps_in_section(s.id)] for s in seed.sections}
    assert by_section["backward.1"] == [
        rf"{dE('Y_1')} = {dE('a_1^3')} = Y_1 - \hat{{Y}}_1",
        rf"{dE('Y_2')} = {dE('a_2^3')} = Y_2 - \hat{{Y}}_2",
    ]
    assert by_section["backward.2"][0] == (
        rf"{dE('z_1^3')} = {dE('a_1^3')} \cdot {d('a_1^3', 'z_1^3')}"
        r" = (Y_1 - \hat{Y}_1) \cdot \frac{e^{-z_1^3}}{(1 + e^{-z_1^3})^2}"
        r" = (Y_1 - \hat{Y}_1) \cdot (a_1^3 - (a_1^3)^2)"
    )
    assert by_section["backward.3"] == [
        rf"{dE(f'w_{{{jk}}}^3')} = {dE(f'z_{k}^3')} \cdot {d(f'z_{k}^3', f'w_{{{jk}}}^3')}"
        rf" = {dE(f'z_{k}^3')} \cdot a_{j}^2"
        for jk, j, k in (("11", 1, 1), ("21", 2, 1), ("12", 1, 2), ("22", 2, 2))
    ]
    assert by_section["backward.4"][0] == (
        rf"{dE('a_1^2')} = {dE('z_1^3')} \cdot {d('z_1^3', 'a_1^2')}"
        rf" + {dE('z_2^3')} \cdot {d('z_2^3', 'a_1^2')}"
        rf" = {dE('z_1^3')} \cdot w_{{11}}^3 + {dE('z_2^3')} \cdot w_{{12}}^3"
    )
    assert by_section["backward.5"][1] == (
        rf"{dE('z_2^2')} = {dE('a_2^2')} \cdot {d('a_2^2', 'z_2^2')}"
        rf" = {dE('a_2^2')} \cdot \frac{{e^{{-z_2^2}}}}{{(1 + e^{{-z_2^2}})^2}}"
        rf" = {dE('a_2^2')} \cdot (a_2^2 - (a_2^2)^2)"
    )
    assert by_section["backward.6"][2] == (
        rf"{dE('w_{31}^2')} = {dE('z_1^2')} \cdot {d('z_1^2', 'w_{31}^2')}"
        rf" = {dE('z_1^2')} \cdot x_3"
    )
    assert (
        by_section["update.7"][0]
        == rf"w_{{11}}^2 \leftarrow w_{{11}}^2 - \eta \cdot {dE('w_{11}^2')}"
    )


# numbers: a forward pass written by hand, with a hook to nudge any intermediate quantity ------
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def hand_loss(W2, W3, x, y_hat, nudge=None):
    """E of the seed network; ``nudge = (name, index, eps)`` adds eps to one quantity."""

    def bump(name, v):
        v = v.copy()
        if nudge and nudge[0] == name:
            v[nudge[1]] += nudge[2]
        return v

    z2 = bump("z2", x @ W2)
    a2 = bump("a2", sigmoid(z2))
    z3 = bump("z3", a2 @ W3)
    y = bump("y", sigmoid(z3))
    return 0.5 * np.sum((y - y_hat) ** 2)


def finite_difference(W2, W3, x, y_hat, name, index, eps=1e-6):
    up = hand_loss(W2, W3, x, y_hat, (name, index, eps))
    down = hand_loss(W2, W3, x, y_hat, (name, index, -eps))
    return (up - down) / (2 * eps)


def weight_difference(W2, W3, x, y_hat, layer, j, k, eps=1e-6):
    out = []
    for sign in (1, -1):
        W = [W2.copy(), W3.copy()]
        W[layer - 2][j, k] += sign * eps
        out.append(hand_loss(W[0], W[1], x, y_hat))
    return (out[0] - out[1]) / (2 * eps)


@pytest.mark.parametrize("seed_value", [0, 1, 2, 3])
def test_gradients_equal_finite_differences_and_hand_closed_forms(seed_value):
    project = load_example("seed")
    rng = np.random.default_rng(seed_value)
    if seed_value:  # any weights and any sample, not only the seed's
        project.network.weights = [rng.normal(0, 1, w.shape) for w in project.network.weights]
        project.dataset.inputs = rng.normal(0, 1, (1, 3))
        project.dataset.targets = rng.random((1, 2))
    W2, W3 = (w.copy() for w in project.network.weights)
    x, y_hat = project.dataset.inputs[0], project.dataset.targets[0]
    deriv = derive_project(project, 0)
    a2 = sigmoid(x @ W2)
    y = sigmoid(a2 @ W3)
    dz3 = (y - y_hat) * (y - y**2)
    da2 = W3 @ dz3
    dz2 = da2 * (a2 - a2**2)
    for k in (1, 2):
        for q, closed, name, layer in (
            ("dE/dY", y[k - 1] - y_hat[k - 1], "y", 3),
            ("dE/dz", dz3[k - 1], "z3", 3),
            ("dE/da", da2[k - 1], "a2", 2),
            ("dE/dz", dz2[k - 1], "z2", 2),
        ):
            value = deriv.find(q, layer, k).value
            assert value == pytest.approx(closed, abs=1e-12)
            assert abs(value - finite_difference(W2, W3, x, y_hat, name, k - 1)) < 1e-9
        for j in (1, 2):
            value = deriv.find("dE/dw", 3, j, k).value
            assert value == pytest.approx(dz3[k - 1] * a2[j - 1], abs=1e-12)
            assert abs(value - weight_difference(W2, W3, x, y_hat, 3, j - 1, k - 1)) < 1e-9
        for i in (1, 2, 3):
            value = deriv.find("dE/dw", 2, i, k).value
            assert value == pytest.approx(dz2[k - 1] * x[i - 1], abs=1e-12)
            assert abs(value - weight_difference(W2, W3, x, y_hat, 2, i - 1, k - 1)) < 1e-9


def test_update_is_one_trainer_step_and_the_new_loss_follows():
    project = load_example("seed")
    deriv = derive_project(project, 0)
    trained = project.network.copy()
    Trainer(trained, project.dataset, project.loss, project.training).step()
    assert project.training.batch_size == 1
    for step in deriv.steps_in_section("update.7")[:-1]:
        j, k = step.indices
        assert step.value == pytest.approx(trained.weights[step.layer - 2][j - 1, k - 1], abs=1e-15)
    new_loss = trained.loss(project.dataset.inputs, project.dataset.targets, project.loss)
    assert deriv.steps[-1].value == pytest.approx(new_loss, abs=1e-15)
    assert deriv.steps[-1].value < deriv.find("E", 3).value
