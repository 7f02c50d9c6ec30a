"""ziamath's speed-ups change nothing a student sees: the same SVG, byte for byte."""

from __future__ import annotations

import types
import warnings

import pytest

from bpstudio.render import ziamath_speedups
from bpstudio.render.formula_svg import DEFAULT_SIZE, _ziamath
from tests.render.test_formulas_render import formulas_of_distinct_shapes

# Rows that stretch (fences, \left..\right at several depths) next to rows that do not, and
# styles (<mstyle>) that ziamath folds into their children.
UNUSUAL = (
    r"E = \frac{1}{2} \left[(Y_1 - \hat{Y}_1)^2 + (Y_2 - \hat{Y}_2)^2\right]",
    r"\left(\frac{a}{b}\right)^2 + \left\{x_{\left(i\right)}\right\}",
    r"\frac{1}{1 + e^{-\left(z_1^2 + \frac{1}{2}\right)}} = \sqrt{\left|x\right|}",
    r"\sum_{k=1}^{3} \left[\frac{\partial E}{\partial a_k^3} \cdot w_{jk}^3\right]",
    r"\begin{pmatrix} 1 & \frac{1}{2} \\ x^2 & \left(y\right) \end{pmatrix}",
    r"f(z) = \max(0, z) \quad \|x\| \quad \langle a, b \rangle",
    r"\displaystyle \frac{a}{b} + {\color{red} x_1^2} + \textstyle \sum_{k} \left(y_k\right)",
)


def typeset_all(formulas) -> list[bytes]:
    ziamath = _ziamath()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return [
            ziamath.Math.fromlatex(latex, size=DEFAULT_SIZE, color="black").svg().encode()
            for latex in formulas
        ]


@pytest.fixture
def speedups_off_then_on():
    ziamath = _ziamath()
    assert ziamath_speedups.installed(), "formula_svg installs the speed-ups on first use"
    ziamath_speedups.uninstall()
    yield lambda: ziamath_speedups.install(ziamath)
    ziamath_speedups.install(ziamath)


def assert_same_svg(formulas, switch_on) -> None:
    plain = typeset_all(formulas)
    assert switch_on()
    fast = typeset_all(formulas)
    for latex, before, after in zip(formulas, plain, fast, strict=True):
        assert before == after, f"the speed-ups changed {latex!r}"


def test_stretching_styled_and_plain_rows_typeset_as_before(speedups_off_then_on):
    assert_same_svg(UNUSUAL, speedups_off_then_on)


def test_walkthrough_formulas_typeset_as_before(speedups_off_then_on):
    formulas = formulas_of_distinct_shapes(2, fine=False)
    assert len(formulas) > 50
    assert_same_svg(formulas, speedups_off_then_on)


@pytest.mark.slow
def test_many_more_walkthrough_formulas_typeset_as_before(speedups_off_then_on):
    assert_same_svg(formulas_of_distinct_shapes(10, fine=True), speedups_off_then_on)


def test_an_untested_ziamath_version_is_left_alone(speedups_off_then_on):
    assert not ziamath_speedups.install(types.SimpleNamespace(__version__="0.0"))
    assert not ziamath_speedups.installed()


def test_only_rows_that_could_stretch_are_measured_twice(speedups_off_then_on):
    from xml.etree.ElementTree import fromstring

    ziamath = _ziamath()
    font = ziamath.zmath.loadedfonts["default"]
    stretchy = ziamath_speedups._stretchy_operators(ziamath.operators.operators)

    def may_stretch(xml: str) -> bool:
        def grows_taller(char):
            return ziamath_speedups._grows_taller(font, char, ziamath.operators.leftfences, {})

        return ziamath_speedups._may_stretch(fromstring(xml), stretchy, grows_taller)

    assert may_stretch('<mo stretchy="true">[</mo>')
    assert may_stretch("<mo>|</mo>")  # stretchy by the dictionary, with taller forms
    assert not may_stretch('<mo stretchy="false">(</mo>')
    assert not may_stretch("<mo>+</mo>")
    assert not may_stretch("<mi>x</mi>")
    assert not may_stretch("<mo>←</mo>")  # stretchy, but only sideways


def test_an_arrow_beside_a_fence_still_gets_the_first_pass(speedups_off_then_on):
    assert_same_svg(
        (r"w \leftarrow \left(\frac{a}{b}\right)", r"x \rightarrow \left[y^2\right]"),
        speedups_off_then_on,
    )
