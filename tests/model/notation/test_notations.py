"""Notation presets: the seed derived in each, each preset's own symbols and no other's, the
same numbers in every notation, 周志华's conventions, Mazur's fallback, and a teacher's file."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from bpstudio.model import Network, notation
from bpstudio.model.derivation import build_derivation, derive_project
from bpstudio.model.examples import load_example
from bpstudio.model.notation import preset, registry

# symbols only one preset writes (LaTeX, as in the steps' formulas)
OWN = {
    "seed": [r"\hat{Y}_1", "Y_1", "a_1^2", "w_{11}^3", "z_1^3"],
    "mazur": [r"\mathrm{net}_{h1}", r"\mathrm{out}_{o1}", "w_5", r"\mathrm{target}_{o1}",
              "E_{total}", r"\delta_{o1}"],
    "cs231n": ["W1_{11}", "h1_1", "s_1", "p_1", r"\mathrm{d}s_1", r"\partial L}"],
    "qiu": [r"\delta_1^{(2)}", "w_{11}^{(2)}", "a_1^{(1)}", r"\mathcal{L}"],
    "zhou": [r"\beta_1", "v_{11}", "-g_1", "-e_1", r"\partial E}{\partial b_1}"],
}  # fmt: skip


@pytest.fixture(autouse=True)
def _default_notation():
    yield
    notation.choose(notation.DEFAULT)


def _mazur_network() -> tuple[Network, np.ndarray, np.ndarray]:
    """Mazur's worked example: 2-2-2, sigmoid, with biases (his numbers)."""
    weights = [np.array([[0.15, 0.25], [0.20, 0.30]]), np.array([[0.40, 0.50], [0.45, 0.55]])]
    biases = [np.array([0.35, 0.35]), np.array([0.60, 0.60])]
    net = Network([2, 2, 2], ["sigmoid", "sigmoid"], weights, biases)
    return net, np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]])


def _latex(derivation) -> str:
    return "\n".join(f"{s.symbolic}\n{s.substituted}" for s in derivation.steps)


def _derive(name: str):
    if name == "mazur":  # his names exist for his network only (see test_mazur_falls_back)
        net, x, y = _mazur_network()
        return build_derivation(net, x, y, "half_sse", 0, 0.5, notation=name)
    return derive_project(load_example("seed"), 0, expanded=False, notation=name)


@pytest.mark.parametrize("name", list(OWN))
def test_each_preset_writes_its_own_symbols_and_no_others(name):
    derivation = _derive(name)
    text = _latex(derivation)
    assert derivation.notation == name and derivation.notation_fallback == ""
    for symbol in OWN[name]:
        assert symbol in text, (name, symbol)
    for other, symbols in OWN.items():
        if other != name:
            leaked = [s for s in symbols if s in text]
            assert not leaked, f"{other}'s {leaked} in the {name} derivation"


@pytest.mark.parametrize("name", [n for n in OWN if n != "mazur"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_seed_has_the_same_numbers_in_every_notation(name, lang):
    seed = derive_project(load_example("seed"), 0, lang=lang, notation="seed")
    other = derive_project(load_example("seed"), 0, lang=lang, notation=name)
    assert [(s.quantity, s.layer, s.indices) for s in other.steps] == [
        (s.quantity, s.layer, s.indices) for s in seed.steps
    ]
    assert [s.value for s in other.steps] == [s.value for s in seed.steps]


def test_every_shipped_preset_has_both_languages():
    for name in notation.names():
        assert set(notation.get(name).title) >= {"en", "zh"}, name


def test_zhou_subtracts_thresholds_and_names_g_and_e():
    net, x, y = _mazur_network()
    seed = build_derivation(net, x, y, "half_sse", 0, 0.5, notation="seed")
    zhou = build_derivation(net, x, y, "half_sse", 0, 0.5, notation="zhou")
    z = zhou.find("z", 3, 1)
    assert z.symbolic == r"\beta_1 = b_1 \cdot w_{11} + b_2 \cdot w_{21} - \theta_1"
    assert "- (-0.6)" in z.substituted or "- ({-0.6})" in z.substituted
    assert z.value == seed.find("z", 3, 1).value
    for layer in (2, 3):
        for k in (1, 2):
            assert zhou.find("dE/db", layer, k).value == -seed.find("dE/db", layer, k).value
            assert zhou.find("b_new", layer, k).value == -seed.find("b_new", layer, k).value
    assert zhou.find("dE/db", 3, 1).symbolic.startswith(r"\frac{\partial E}{\partial \theta_1}")
    assert zhou.find("dE/db", 2, 1).symbolic.startswith(r"\frac{\partial E}{\partial \gamma_1}")
    assert zhou.find("dE/dz", 3, 1).symbolic.startswith(
        r"-g_1 = \frac{\partial E}{\partial \beta_1}"
    )
    assert zhou.find("dE/dz", 2, 1).symbolic.startswith(
        r"-e_1 = \frac{\partial E}{\partial \alpha_1}"
    )
    # his ŷ is the output and y the label: the reverse of the seed's Y and Ŷ
    assert zhou.find("E", 3).symbolic == (
        r"E = \frac{1}{2} \left[(\hat{y}_1 - y_1)^2 + (\hat{y}_2 - y_2)^2\right]"
    )
    assert "ŷ" in zhou.intro and "θ" in zhou.intro


def test_mazur_names_his_weights_w1_to_w8():
    derivation = _derive("mazur")
    text = _latex(derivation)
    assert all(f"w_{n}" in text for n in range(1, 9))
    # w₅ joins h1 to o1, w₆ h2 to o1 (his figure)
    assert derivation.find("dE/dw", 3, 1, 1).symbol.endswith(r"{\partial w_5}")
    assert derivation.find("dE/dw", 3, 2, 1).symbol.endswith(r"{\partial w_6}")
    assert derivation.find("dE/dw", 2, 2, 2).symbol.endswith(r"{\partial w_4}")
    # his numbers: E_total = 0.298371109, ∂E/∂w₅ = 0.082167041
    assert derivation.find("E", 3).value == pytest.approx(0.298371109, abs=1e-9)
    assert derivation.find("dE/dw", 3, 1, 1).value == pytest.approx(0.082167041, abs=1e-9)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Mazur", "2-2-2", "3-2-2", "indexed symbols"]),
        ("zh", ["Mazur", "2-2-2", "3-2-2", "种子文档"]),
    ],
)
def test_mazur_falls_back_to_indexed_symbols_and_says_so(lang, words):
    derivation = derive_project(load_example("seed"), 0, lang=lang, notation="mazur")
    assert derivation.notation == "seed"
    for word in words:
        assert word in derivation.notation_fallback
    assert derivation.notation_fallback in derivation.intro
    assert "w_{11}^3" in _latex(derivation) and r"\mathrm{net}" not in _latex(derivation)


def test_zhou_falls_back_for_two_hidden_layers():
    sizes = [2, 3, 3, 1]
    weights = [np.full((a, b), 0.1) for a, b in itertools.pairwise(sizes)]
    net = Network(sizes, ["sigmoid"] * 3, weights)
    derivation = build_derivation(net, [[0.1, 0.2]], [[1.0]], "half_sse", notation="zhou")
    assert derivation.notation == "seed"
    assert "1 hidden layer" in derivation.notation_fallback


def test_the_chosen_notation_is_used_when_none_is_given():
    notation.choose("qiu")
    derivation = derive_project(load_example("seed"), 0)
    assert derivation.notation == "qiu" and r"\delta_1^{(2)}" in _latex(derivation)


def test_an_unknown_notation_is_refused_by_name():
    with pytest.raises(ValueError, match=r"unknown notation 'knuth'.*seed, mazur"):
        notation.choose("knuth")


def test_a_teachers_file_adds_a_preset(tmp_path, monkeypatch):
    own = json.loads((preset.PRESETS_DIR / "seed.json").read_text(encoding="utf-8"))
    own["title"] = {"en": "Our course", "zh": "本课程"}
    own["symbols"]["activation"] = {"base": "o", "sub": "{unit}", "sup": "[{layer}]"}
    (tmp_path / "course.json").write_text(json.dumps(own), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"title": "x"}', encoding="utf-8")
    monkeypatch.setenv("BPSTUDIO_NOTATIONS", str(tmp_path))
    registry.presets.cache_clear()
    try:
        assert notation.names()[-1] == "course" and "broken" not in notation.names()
        derivation = derive_project(load_example("seed"), 0, notation="course")
        assert "o_1^{[2]}" in _latex(derivation)
    finally:
        monkeypatch.delenv("BPSTUDIO_NOTATIONS")
        registry.presets.cache_clear()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("title"), '"title" needs an English text'),
        (lambda d: d["symbols"].pop("weight"), '"symbols" lacks weight'),
        (lambda d: d["symbols"].update(spin={"base": "s"}), "unknown role"),
        (lambda d: d["symbols"]["net"].update(sub="{unt}"), r"unknown placeholder.*unt"),
        (lambda d: d["symbols"]["bias"].update(sign=2), '"sign" must be 1 or -1'),
        (lambda d: d.update(sizes=[2, 0]), '"sizes" must be a list'),
    ],
)
def test_a_bad_file_names_the_file_and_what_is_wrong(tmp_path, change, message):
    data = json.loads((preset.PRESETS_DIR / "seed.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as caught:
        preset.load_file(path)
    assert str(path) in str(caught.value)


def test_a_file_that_is_not_json_is_named(tmp_path):
    path = tmp_path / "typo.json"
    path.write_text('{"title": ', encoding="utf-8")
    with pytest.raises(ValueError, match=r"typo.json: not valid JSON"):
        preset.load_file(path)


def test_zhou_thresholds_with_momentum_negate_the_bias_buffers():
    from bpstudio.model.derivation.update import Momentum

    net, x, y = _mazur_network()
    buffers = [np.full_like(w, 0.1) for w in net.weights]
    buffers += [np.full_like(b, 0.2) for b in net.biases]
    momentum = Momentum(0.9, buffers)
    seed = build_derivation(net, x, y, "half_sse", 0, 0.5, momentum=momentum, notation="seed")
    zhou = build_derivation(net, x, y, "half_sse", 0, 0.5, momentum=momentum, notation="zhou")
    for layer in (2, 3):
        for k in (1, 2):
            assert zhou.find("buffer_b", layer, k).value == -seed.find("buffer_b", layer, k).value
            assert zhou.find("b_new", layer, k).value == pytest.approx(
                -seed.find("b_new", layer, k).value, abs=1e-15
            )
    assert zhou.find("w_new", 3, 1, 1).value == seed.find("w_new", 3, 1, 1).value
