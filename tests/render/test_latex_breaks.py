"""Long formulas of the handout break where the seed breaks them, and nowhere inside a group."""

from __future__ import annotations

from bpstudio.render.latex_breaks import break_points, visible_length, wrapped

SIDE = (
    r"= \left[(0.719516 - 0.9) \cdot (0.719516 - (0.719516)^2) \cdot 0.8 + (0.640267 - 0.1)"
    r" \cdot (0.640267 - (0.640267)^2) \cdot 0.1\right] \cdot (0.683521 - (0.683521)^2)"
)


def test_a_short_side_stays_one_line():
    assert wrapped(r"= (Y_1 - \hat{Y}_1) \cdot a_1^2") == [r"= (Y_1 - \hat{Y}_1) \cdot a_1^2"]


def test_a_long_side_breaks_after_a_sum_and_keeps_every_piece():
    lines = wrapped(SIDE)
    assert len(lines) == 2
    assert lines[1].startswith("+ (0.640267 - 0.1)")  # after the "+", a term stays whole
    assert all(visible_length(line) <= 72 for line in lines)
    # \left[ ... \right] cannot span lines; \bigl[ ... \bigr] can
    joined = " ".join(lines)
    assert r"\left[" not in joined and joined.count(r"\bigl[") == joined.count(r"\bigr]") == 1
    assert joined == SIDE.replace(r"\left[", r"\bigl[").replace(r"\right]", r"\bigr]")


def test_no_break_inside_parentheses_or_braces():
    text = r"= \frac{e^{-0.26 + 1}}{(1 + e^{-0.26})^2} \cdot (a + b) + c"
    for point in break_points(text):
        before = text[:point]
        assert before.count("(") == before.count(")")
        assert before.count("{") == before.count("}")
    assert len(break_points(text)) == 2  # the \cdot and the last +
