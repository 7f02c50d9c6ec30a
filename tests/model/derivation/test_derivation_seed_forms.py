"""What the seed document has, the walkthrough has too (issue 14): the expanded last lines of
三-六, the middle form e^{-z}/(1+e^{-z})^2 in 二 and 五, the closing "Ps" on the sigmoid's
slope; and the Chinese reads as the seed's Chinese.  Expected forms are copied from the seed
document (/work/shared/seed), with the walkthrough's spacing."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest

from bpstudio.model import Network
from bpstudio.model.derivation import build_derivation, derive_project
from bpstudio.model.derivation.expansion import MAX_QUANTITIES
from bpstudio.model.examples import load_example

P = r"\partial"
D1 = r"(Y_1 - \hat{Y}_1) \cdot (a_1^3 - (a_1^3)^2)"
D2 = r"(Y_2 - \hat{Y}_2) \cdot (a_2^3 - (a_2^3)^2)"


def _last_side(step) -> str:
    return step.symbolic.rsplit(" = ", 1)[1]


@pytest.fixture(scope="module", params=["en", "zh"])
def seed(request):
    return derive_project(load_example("seed"), 0, lang=request.param)  # expanded by default


def test_expanded_is_on_by_default_for_the_seed(seed):
    assert seed.expanded


def test_the_seeds_expanded_last_lines_of_three_to_six(seed):
    assert _last_side(seed.find("dE/dw", 3, 1, 1)) == rf"{D1} \cdot a_1^2"
    assert _last_side(seed.find("dE/dw", 3, 2, 2)) == rf"{D2} \cdot a_2^2"
    assert _last_side(seed.find("dE/da", 2, 1)) == rf"{D1} \cdot w_{{11}}^3 + {D2} \cdot w_{{12}}^3"
    bracket = rf"\left[{D1} \cdot w_{{21}}^3 + {D2} \cdot w_{{22}}^3\right]"
    assert _last_side(seed.find("dE/dz", 2, 2)) == rf"{bracket} \cdot (a_2^2 - (a_2^2)^2)"
    assert _last_side(seed.find("dE/dw", 2, 3, 2)) == (
        rf"{bracket} \cdot (a_2^2 - (a_2^2)^2) \cdot x_3"
    )


def test_expanded_numbers_compute_the_same_value(seed):
    from tests.model.derivation.derivation_helpers import evaluate

    step = seed.find("dE/dw", 2, 3, 2)
    last_numeric = step.substituted.split(" = ")[-2]
    assert last_numeric.count(r"\left[") == 1
    assert evaluate(last_numeric) == pytest.approx(step.value, rel=1e-3)


def test_without_expanded_the_short_forms_stay():
    d = derive_project(load_example("seed"), 0, expanded=False)
    assert not d.expanded
    assert _last_side(d.find("dE/dw", 2, 3, 2)) == rf"\frac{{{P} E}}{{{P} z_2^2}} \cdot x_3"


def test_a_wide_network_keeps_the_short_form_where_the_expansion_would_not_read():
    rng = np.random.default_rng(3)
    sizes = [2, 6, 6, 6, 2]
    weights = [rng.normal(0, 1, (a, b)) for a, b in itertools.pairwise(sizes)]
    net = Network(sizes, ["sigmoid"] * 4, weights)
    d = build_derivation(net, [[0.5, -1.0]], [[1.0, 0.0]], "half_sse", expanded=True)
    for step in d.steps_in_section("backward.6.layer2"):
        assert step.symbolic.count(r"\cdot") < 4 * MAX_QUANTITIES


def test_the_sigmoid_slope_shows_its_middle_form_in_two_and_five(seed):
    two = seed.find("dE/dz", 3, 1).symbolic
    assert r"\cdot \frac{e^{-z_1^3}}{(1 + e^{-z_1^3})^2} = (Y_1 - \hat{Y}_1)" in two
    five = seed.find("dE/dz", 2, 1)
    assert r"\frac{e^{-z_1^2}}{(1 + e^{-z_1^2})^2}" in five.symbolic
    assert r"\frac{e^{-0.26}}{(1 + e^{-0.26})^2}" in five.substituted


def test_the_closing_ps_on_the_sigmoids_slope(seed):
    (note,) = seed.notes
    assert note.id == "ps.sigmoid"
    if seed.lang == "zh":
        assert note.title == "Ps：关于 sigmoid 函数求导"
        assert [line.caption for line in note.lines] == [
            "",
            "变形：",
            "求导（记 y = f(z)）：",
            "",
            "得：",
        ]
    formulas = [line.formula for line in note.lines]
    assert formulas[0] == r"f(z) = \frac{1}{1 + e^{-z}}"
    assert formulas[1] == r"f(z) = (1 + e^{-z})^{-1}"
    assert (
        formulas[-1] == r"\frac{\partial y}{\partial z} = \frac{e^{-z}}{(1 + e^{-z})^2} = y - y^2"
    )
    # it goes with the steps that use the slope: 二 and 五
    assert {seed.steps[i].quantity for i in note.steps} == {"dE/dz"}
    assert len(note.steps) == 4


def test_no_ps_without_a_sigmoid():
    net = Network([2, 2, 1], ["tanh", "linear"], [np.ones((2, 2)), np.ones((2, 1))])
    assert build_derivation(net, [[1.0, 2.0]], [[0.0]], "half_sse").notes == ()


# the Chinese, read as a Chinese-speaking student would ---------------------------------------
def _zh_prose(d) -> list[str]:
    texts = [d.title, d.intro, d.network_line, *(p.title for p in d.phases)]
    texts += [s.title for s in d.sections] + [s.heading for s in d.steps if s.heading]
    texts += [s.explanation for s in d.steps]
    texts += [n.title for n in d.notes] + [ln.caption for n in d.notes for ln in n.lines]
    return texts


def _chinese_cases():
    seed = derive_project(load_example("seed"), 0, lang="zh")
    rng = np.random.default_rng(5)
    w = [rng.normal(0, 1, (2, 3)), rng.normal(0, 1, (3, 3)), rng.normal(0, 1, (3, 2))]
    b = [rng.normal(0, 1, 3), rng.normal(0, 1, 3), rng.normal(0, 1, 2)]
    deep = Network([2, 3, 3, 2], ["relu", "tanh", "softmax"], w, b)
    x, y = rng.normal(0, 1, (2, 2)), np.array([[1.0, 0.0], [0.0, 1.0]])
    batched = build_derivation(deep, x, y, "cross_entropy", 1, 0.1, (0, 1), lang="zh")
    frozen = Network([2, 3, 3, 2], ["relu", "tanh", "sigmoid"], w, b, freeze_biases=True)
    mse = build_derivation(frozen, x, y, "mse", 0, 0.1, (0,), lang="zh")
    return {"seed": seed, "batched": batched, "frozen": mse}


ZH = _chinese_cases()


@pytest.mark.parametrize("name", list(ZH))
def test_chinese_has_no_english_words_and_full_width_punctuation(name):
    allowed = {"BP", "label", "sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax", "Ps"}
    allowed |= {"f", "e", "z", "a", "w", "b", "x", "y", "E", "Y", "ln", "max"}
    for text in _zh_prose(ZH[name]):
        words = set(re.findall(r"[A-Za-z_]{2,}", text)) - allowed
        assert not words, (words, text)
        assert "z_k" not in text and "求解得" not in text and "同理可得" not in text
        # next to Chinese characters, punctuation is full-width
        assert not re.search(r"[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]", text), text


def test_the_issues_phrases():
    seed = ZH["seed"]
    assert seed.network_line.startswith("网络 3-2-2（sigmoid、sigmoid；无偏置）；损失函数 ")
    assert "标准答案（即 label，标签）" in seed.intro
    assert seed.find("dE/dY", 3, 1).explanation == "E 中只有 (Y₁ − Ŷ₁)² 一项含 Y₁，对 Y₁ 求导即得。"
    assert seed.find("z", 2, 1).explanation == "将上一层各输出乘以对应权重后相加，即得 z₁²。"
    assert seed.find("dE/dz", 3, 1).explanation.endswith(
        "再乘以 ∂a₁³/∂z₁³ = a₁³ − (a₁³)²，即可求得。"
    )
    assert "沿梯度的反方向调整" in seed.find("w_new", 2, 1, 1).explanation
    assert seed.section("update.7").title.startswith("七、更新权重：")  # the seed has no biases
    batched, frozen = ZH["batched"], ZH["frozen"]
    assert batched.find("z", 2, 1).explanation == (
        "将上一层各输出乘以对应权重后相加，再加上偏置，即得 z₁²。"
    )
    assert "将 w₁₁² 沿（批量平均）梯度的反方向调整" in batched.find("w_new", 2, 1, 1).explanation
    assert batched.section("update.7").title.startswith("七、更新权重（和偏置）：")
    assert frozen.section("update.7").title.startswith("七、更新权重（偏置固定，不更新）：")
    headings = {s.heading for s in batched.steps if s.heading}
    assert "隐含层 1 内部转化" in headings and "隐含层 2 内部转化" in headings


def test_same_way_is_said_once_before_the_formula_not_glued_to_explanations():
    seed = ZH["seed"]
    z2 = seed.find("z", 2, 2)
    assert z2.same_way and not seed.find("z", 2, 1).same_way
    assert not z2.explanation.startswith("同理")
    from bpstudio.render import render_derivation

    md = render_derivation(seed, "markdown")
    assert md.count("同理可得：") == sum(
        1 for i, s in enumerate(seed.steps) if s.same_way and not seed.steps[i - 1].same_way
    )


def test_with_a_batch_steps_one_to_six_name_their_sample():
    d = ZH["batched"]  # sample 2 of the batch (1, 2)
    for step in d.steps:
        if step.phase == "backward" and step.section != "batch":
            assert r"E^{(2)}" in step.symbol and r"\partial E}" not in step.symbolic
            assert "E⁽²⁾" in step.section_title
    assert next(s for s in d.steps if s.quantity == "E").symbol == "E^{(2)}"
    batch = d.steps_in_section("batch")[0]
    assert batch.symbol == rf"\frac{{{P} E}}{{{P} w_{{11}}^2}}"  # the mean has no superscript


def test_a_single_sample_has_no_superscript():
    for step in ZH["seed"].steps:
        assert "E^{(" not in step.symbolic


def test_a_deep_wide_network_does_not_even_build_its_expansion(monkeypatch):
    """Its expansion would grow exponentially with depth; a cheap bound stops it first."""
    from bpstudio.model.derivation import expansion

    calls = []
    original = expansion.dz_expanded
    monkeypatch.setattr(
        expansion,
        "dz_expanded",
        lambda ctx, layer, k: calls.append(layer) or original(ctx, layer, k),
    )
    rng = np.random.default_rng(1)
    sizes = [4, 16, 16, 16, 8]
    weights = [rng.normal(0, 1, (a, b)) for a, b in itertools.pairwise(sizes)]
    net = Network(sizes, ["sigmoid"] * 4, weights)
    build_derivation(net, rng.normal(0, 1, (1, 4)), rng.random((1, 8)), "half_sse", expanded=True)
    assert calls and set(calls) == {5}  # only the output layer's ∂E/∂z, one call per use
