"""Every formula a derivation can produce typesets with ziamath, with no unknown command."""

from __future__ import annotations

import itertools
import warnings

import latex2mathml.converter
import numpy as np
import pytest

from bpstudio.model import Network
from bpstudio.model.derivation import build_derivation, derive_project
from bpstudio.model.examples import load_example
from bpstudio.render.formula_svg import formula_svg

ACTS = ("sigmoid", "tanh", "relu", "leaky_relu", "linear")


def random_derivation(rng, lang):
    sizes = [int(n) for n in rng.integers(1, 4, size=int(rng.integers(2, 5)))]
    out = str(rng.choice((*ACTS, "softmax")))
    loss = "cross_entropy" if out in ("softmax", "sigmoid") and rng.random() < 0.5 else "mse"
    loss = "half_sse" if loss == "mse" and rng.random() < 0.5 else loss
    acts = [str(rng.choice(ACTS)) for _ in sizes[2:]] + [out]
    ws = [rng.normal(0, 3, (a, b)) for a, b in itertools.pairwise(sizes)]
    bs = [rng.normal(0, 1, n) for n in sizes[1:]] if rng.random() < 0.5 else None
    n = int(rng.integers(1, 4))
    x = rng.normal(0, 1e3, (n, sizes[0]))  # wild values: scientific notation, negatives
    y = rng.random((n, sizes[-1]))
    net = Network(sizes, acts, ws, bs)
    return build_derivation(net, x, y, loss, n - 1, 0.1, tuple(range(n)), lang=lang)


def formulas_of_distinct_shapes(n_networks: int, fine: bool):
    """One step per shape of formula: a quantity, with the activation and loss it depends on
    (``fine``: also bias, first layer, sign of the value), drawn from random networks."""
    rng = np.random.default_rng(7)
    chosen = {}
    for i in range(n_networks):
        d = random_derivation(rng, "zh" if i % 2 else "en")
        for step in d.steps:
            act = d.activations[max(step.layer - 2, 0)]
            key = (
                step.quantity,
                act,
                d.activations[-1] if step.layer == len(d.layer_sizes) else "",
                d.loss,
            )
            if fine:
                key += (d.use_bias, step.layer == 2, step.value < 0, len(d.batch))
            chosen.setdefault(key, step)
    return [f for step in chosen.values() for f in (step.symbolic, step.substituted)]


def assert_typesets(latex: str) -> None:
    mathml = latex2mathml.converter.convert(latex)
    assert "<mi>\\" not in mathml, f"unknown command in {latex!r}"
    svg = formula_svg(latex)
    assert svg.startswith(b"<svg") and b"<path" in svg


def test_every_formula_of_the_seed_typesets():
    d = derive_project(load_example("seed"), 0, lang="zh")
    for step in d.steps:
        assert_typesets(step.symbolic)
        assert_typesets(step.substituted)


def test_formulas_of_random_networks_typeset():
    formulas = formulas_of_distinct_shapes(60, fine=False)
    assert len(formulas) > 100
    for latex in formulas:
        assert_typesets(latex)


@pytest.mark.slow
def test_formulas_of_many_more_random_networks_typeset():
    for latex in formulas_of_distinct_shapes(150, fine=True):
        assert_typesets(latex)


def test_an_unknown_command_is_caught_by_the_check():
    with pytest.raises(AssertionError, match="unknown command"):
        assert_typesets(r"\notacommand{x}")


def test_renders_are_cached_and_raise_no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first = formula_svg(r"a_1^2 - (a_1^2)^2", 20.0)
    assert formula_svg(r"a_1^2 - (a_1^2)^2", 20.0) is first
