"""ziamath's speed-ups change nothing a student sees: the same SVG, byte for byte."""

from __future__ import annotations

import random
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
    r"\left[x\right]^2 + a + \left. \frac{x}{y} \right|_{0}^{1} + \sqrt{\left(x\right)}",
    r"E = \frac{1}{2} \left[\left(\frac{a}{b}\right)^2 + y\right] + \left|\hat{Y}_1\right|",
    r"\displaystyle \frac{a}{b} + {\color{red} x_1^2} + \textstyle \sum_{k} \left(y_k\right)",
)


FENCES = (
    (r"\left(", r"\right)"),
    (r"\left[", r"\right]"),
    (r"\left|", r"\right|"),
    (r"\left.", r"\right|"),
    ("(", ")"),
)
ATOMS = ("x", "1", r"\alpha", r"\hat{Y}_1", "0.25", r"w_{12}^3", r"\partial E", "-3")
OPERATORS = ("+", "-", r"\cdot", "=", r"\leftarrow")


def random_formula(rng: random.Random, depth: int) -> str:
    """Fences, scripts, fractions, roots and sums nested at random."""
    if depth <= 0 or rng.random() < 0.25:
        return rng.choice(ATOMS)
    a, b = random_formula(rng, depth - 1), random_formula(rng, depth - 1)
    opening, closing = rng.choice(FENCES)
    return rng.choice(
        (
            rf"\frac{{{a}}}{{{b}}}",
            f"{{{a}}}^{{{b}}}",
            f"{{{a}}}_{{{b}}}",
            f"{opening} {a} {closing}",
            f"{opening} {a} {closing}^{{{b}}}",
            rf"\sqrt{{{a}}} {rng.choice(OPERATORS)} {b}",
            rf"\sum_{{{a}}}^{{3}} {b}",
            f"{a} {rng.choice(OPERATORS)} {b}",
        )
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


def test_randomly_nested_formulas_typeset_as_before(speedups_off_then_on):
    rng = random.Random(3)
    assert_same_svg([random_formula(rng, 3) for _ in range(40)], speedups_off_then_on)


def test_walkthrough_formulas_typeset_as_before(speedups_off_then_on):
    formulas = formulas_of_distinct_shapes(1, fine=False)
    assert len(formulas) > 50
    assert_same_svg(formulas, speedups_off_then_on)


@pytest.mark.slow
def test_many_more_walkthrough_and_random_formulas_typeset_as_before(speedups_off_then_on):
    rng = random.Random(4)
    formulas = formulas_of_distinct_shapes(2, fine=True)
    assert_same_svg(formulas + [random_formula(rng, 4) for _ in range(50)], speedups_off_then_on)


def test_outline_numbers_lose_the_same_zeros_as_in_ziafont(speedups_off_then_on):
    from ziafont.glyph import SimpleGlyph
    from ziafont.svgpath import Cubic, Lineto, Moveto, Point, Quad

    font = _ziamath().zmath.loadedfonts["default"]
    scale_factor = font.info.layout.unitsperem / 12  # one font unit is then one point
    awkward = (0, 100, -0.0004, 10, 0.1, 2.5, 1000.01, -7.0006, 0.0005, 99.9999)
    points = [Point(x, y) for x, y in zip(awkward, reversed(awkward), strict=True)]
    glyph = SimpleGlyph(
        0,
        [
            Moveto(points[0]),
            Lineto(points[1]),
            Quad(points[2], points[3]),
            Moveto(points[4]),
            Cubic(points[5], points[6], points[7]),
            Lineto(points[8]),
            Lineto(points[9]),
        ],
        font.glyph("x").bbox,
        font,
    )
    plain = [glyph.svgpath(x0, y0, scale_factor).get("d") for x0, y0 in ((0, 0), (1.5, -20))]
    assert "100 " in plain[0] and " 10 " in plain[0] and "2.5 " in plain[0]
    assert speedups_off_then_on()
    fast = [glyph.svgpath(x0, y0, scale_factor).get("d") for x0, y0 in ((0, 0), (1.5, -20))]
    assert fast == plain


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
