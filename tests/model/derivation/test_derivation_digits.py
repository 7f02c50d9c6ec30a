"""The digits rule (issue 14): a formula's numbers, evaluated as shown, give its shown value.

Shown numbers use the chosen digits unless, evaluated as shown, a substituted formula's result
would differ from the shown value by more than half a unit of its last digit or in sign; then
more digits, as few as make it hold.  Never "-0".  The formulas are read back from their LaTeX
text by the tests' own evaluator, independent of the code under test.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from bpstudio.model import Network
from bpstudio.model.derivation import build_derivation
from bpstudio.model.derivation.expr import Q, total
from bpstudio.model.derivation.numbers import (
    agrees,
    operand_digits,
    plain_number,
    rounded,
    shown_text,
)
from tests.model.derivation.derivation_helpers import evaluate, numeric_parts, random_case

MINUS_ZERO = re.compile(r"(?<![\w)}\]])-0(?![\d.])|−0(?![\d.])")  # a signed zero, not "x - 0"


def _shown_value(substituted: str) -> float:
    return evaluate(re.split(r" = | \\leftarrow ", substituted)[-1])


def _half_unit(shown: float, digits: int) -> float:
    return 0.5 * 10.0 ** (math.floor(math.log10(abs(shown))) - digits + 1)


def _holds(part: str, shown: float, digits: int) -> bool:
    got = evaluate(part)
    if shown == 0:
        return got == 0
    return np.sign(got) == np.sign(shown) and abs(got - shown) <= _half_unit(shown, digits) * (
        1 + 1e-6
    )


def _relu_case():
    """z_1^2 = x_1 w_11 + x_2 w_21 = +0.0005497, just before a ReLU; at 4 digits the terms
    read 1.234 · 1 + 1 · (-1.234) = 0, the wrong sign (and the ReLU's other branch)."""
    x = np.array([[1.23449, 1.0]])
    w = [np.array([[1.0], [-(1.23449 - 0.0005497)]]), np.array([[1.0]])]
    net = Network([2, 1, 1], ["relu", "linear"], w)
    return build_derivation(net, x, np.array([[1.0]]), "half_sse", digits=4)


def test_the_issues_example_a_z_before_a_relu_gets_the_digits_it_needs():
    d = _relu_case()
    z = d.find("z", 2, 1)
    assert z.value == pytest.approx(0.0005497)
    assert z.substituted.endswith("= 0.0005497")  # the value keeps the chosen digits
    (part,) = numeric_parts(z.substituted)[:-1]
    assert evaluate(part) > 0 and _holds(part, 0.0005497, 4)
    # as few digits as make it hold: one fewer would not
    assert "1.23449" in part and "1.2339403" in part
    four = f"1.234 \\cdot 1 + 1 \\cdot ({{{-1.234}}})"
    assert evaluate(four.replace("{", "(").replace("}", ")")) == pytest.approx(0.0, abs=1e-12)
    a = d.find("a", 2, 1)  # the ReLU lets it through: shown positive, not 0
    assert a.substituted.endswith("= 0.0005497")
    assert r"\max(0, 0.0005497)" in a.substituted


def test_a_sum_that_cancels_to_zero_shows_more_digits_than_chosen():
    sides = [total(Q("a", 1.23449), Q("b", -1.2339403))]
    value = 1.23449 - 1.2339403
    assert not agrees(sides[0].shown_value(4), value, 4)
    d = operand_digits(lambda n: [s.shown_value(n) for s in sides], value, 4)
    assert d > 4
    assert agrees(sides[0].shown_value(d), value, 4)
    assert not agrees(sides[0].shown_value(d - 1), value, 4)  # as few as make it hold


def test_the_chosen_digits_stay_when_the_formula_adds_up():
    sides = [total(Q("a", 0.25), Q("b", 0.5))]
    assert operand_digits(lambda n: [s.shown_value(n) for s in sides], 0.75, 4) == 4


@pytest.mark.parametrize(
    "evaluated, value, digits, ok",
    [
        (0.12345, 0.1234, 4, True),  # within half a unit of 0.1234
        (0.12346, 0.1234, 4, False),  # more than half a unit away
        (0.12335, 0.1234, 4, True),  # exactly half a unit: holds
        (-1e-9, 1e-9, 4, False),  # the sign differs
        (0.0, 1e-9, 4, False),  # zero against a positive value: the sign differs
        (0.0, -0.0, 4, True),
        (1e-12, 0.0, 4, False),  # a value of 0 (shown "0") needs a result of 0
        (None, 1.0, 4, True),  # a side with no numeric reading
    ],
)
def test_agrees_at_the_edges(evaluated, value, digits, ok):
    assert agrees(evaluated, value, digits) is ok


def test_never_minus_zero():
    for value in (-0.0, -1e-30 * 0, -0.00001 * 0):
        assert plain_number(value, 4) == "0" and shown_text(value, 4) == "0"
    assert plain_number(-0.00004, 1) == r"{-4 \times 10^{-5}}"
    assert shown_text(-0.0, 6) == "0"
    assert rounded(-0.0, 4) == 0.0 and math.copysign(1, rounded(-0.0, 4)) == 1


def test_no_minus_zero_anywhere_in_a_derivation():
    # a weight of -0.0 and a ReLU unit that is off give zeros of both signs
    w = [np.array([[-0.0, 0.5], [0.3, -0.7]]), np.array([[-0.0], [0.2]])]
    net = Network([2, 2, 1], ["relu", "sigmoid"], w)
    for lang in ("en", "zh"):
        d = build_derivation(net, [[1.0, 2.0]], [[0.0]], "half_sse", digits=4, lang=lang)
        for step in d.steps:
            assert not MINUS_ZERO.search(step.substituted), step.substituted


CASES = [random_case(np.random.default_rng(1400 + i)) for i in range(60)]


@pytest.mark.parametrize("case", range(len(CASES)))
@pytest.mark.parametrize("digits, expanded", [(2, False), (4, False), (4, True)])
def test_every_formula_evaluated_as_shown_gives_its_shown_value(case, digits, expanded):
    net, inputs, targets, loss, sample, batch = CASES[case]
    d = build_derivation(
        net, inputs, targets, loss, sample, 0.3, batch, digits=digits, expanded=expanded
    )
    for step in d.steps:
        if not math.isfinite(step.value):
            continue
        *parts, _last = numeric_parts(step.substituted)
        shown = _shown_value(step.substituted)
        assert shown == pytest.approx(rounded(step.value, digits), rel=1e-12)
        shown = rounded(step.value, digits)
        for part in parts:
            if "10^" in part and "e^" not in part and len(part) < 24:
                continue  # the value itself in scientific notation
            assert _holds(part, shown, digits) or _at_most_digits(part), step.substituted
        assert not MINUS_ZERO.search(step.substituted)


def _at_most_digits(part: str) -> bool:
    """The rule gives up at 17 digits (every float written exactly)."""
    return any(len(n.replace(".", "").lstrip("0")) >= 17 for n in re.findall(r"[\d.]+", part))
