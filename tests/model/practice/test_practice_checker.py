"""The answer checker at the edges of rounding, and reading what students type."""

from __future__ import annotations

import pytest

from bpstudio.model.practice import Mistake, check_answer, parse_answer

VALUE = 0.02126278719


@pytest.mark.parametrize(
    ("text", "value", "significant", "half_unit"),
    [
        ("0.0213", 0.0213, 3, 0.00005),
        ("-0.0213", -0.0213, 3, 0.00005),
        ("−0.0213", -0.0213, 3, 0.00005),  # the Unicode minus
        ("０.０２１３", 0.0213, 3, 0.00005),  # full-width, as a Chinese keyboard types
        ("0,0213", 0.0213, 3, 0.00005),
        ("2.13e-2", 0.0213, 3, 0.00005),
        ("2.13×10^-2", 0.0213, 3, 0.00005),
        ("2.13 \\times 10^{-2}", 0.0213, 3, 0.00005),
        (".5", 0.5, 1, 0.05),
        ("0.0210", 0.021, 3, 0.00005),
        ("12", 12.0, 2, 0.5),
        (" +1.50 ", 1.5, 3, 0.005),
    ],
)
def test_reading_a_number_and_its_precision(text, value, significant, half_unit):
    typed = parse_answer(text)
    assert typed is not None
    assert typed.value == pytest.approx(value)
    assert typed.significant == significant
    assert typed.half_unit == pytest.approx(half_unit)


@pytest.mark.parametrize("text", ["", ".", "-", "abc", "1.2.3", "1e", "0x10", "1e999"])
def test_unreadable(text):
    assert parse_answer(text) is None
    assert check_answer(text, VALUE).kind == "unreadable"


def test_the_issue_examples():
    assert check_answer("0.0213", VALUE).kind == "correct"
    assert not check_answer("0.0213", VALUE, digits=4).precise  # 3 of 4 digits: a note
    assert check_answer("0.02126", VALUE, digits=4).precise
    assert check_answer("0.021", VALUE).kind == "more_digits"  # the decision: >= 3 digits
    assert check_answer("0.021", VALUE, digits=2).kind == "correct"  # the walkthrough's 2


def test_rounding_edges():
    # exactly half a unit away still rounds to the answer; a hair more does not
    assert check_answer("0.0213", 0.02125).kind == "correct"
    assert check_answer("0.0212", 0.02125).kind == "correct"
    assert check_answer("0.0213", 0.021249).kind == "rounding"  # cut off, not rounded
    assert check_answer("0.0212", VALUE).kind == "rounding"
    assert check_answer("0.0210", VALUE).kind == "not_yet"
    assert check_answer("-0.0213", VALUE).kind == "not_yet"


def test_the_number_as_the_walkthrough_shows_it_is_judged():
    tiny = 1.599856855003915e-05  # shown "1.6e-05" at 4 digits: its zeros were dropped
    assert check_answer("1.6e-05", tiny, digits=4).kind == "correct"
    assert check_answer("1.6e-05", 1.62e-05, digits=4).kind == "more_digits"


def test_exact_values_need_no_extra_digits():
    assert check_answer("0.5", 0.5).kind == "correct"
    assert check_answer("1", 1.0).kind == "correct"
    assert check_answer("0", 0.0).kind == "correct"
    assert check_answer("0.50", 0.5).kind == "correct"
    assert check_answer("1", 1.004).kind == "more_digits"


def test_a_mistake_that_rounds_like_the_answer_is_not_named():
    close = [Mistake("dropped_slope", 0.02128)]
    assert check_answer("0.0213", VALUE, close).kind == "correct"  # the correct answer wins
    verdict = check_answer("0.02128", VALUE, close)
    assert (verdict.kind, verdict.code) == ("mistake", "dropped_slope")
    far = [Mistake("sign_flipped", -VALUE), Mistake("missed_path", -VALUE)]
    verdict = check_answer("-0.0213", VALUE, far)
    assert (verdict.kind, verdict.code) == ("mistake", "sign_flipped")  # the first one listed
    assert check_answer("-0.021", VALUE, far).kind == "more_digits"
