"""Judging a typed answer: right, a named mistake, not yet, or too few digits to tell.

An answer is judged at the precision it was typed with: ``0.0213`` stands for anything that
rounds to it, so it is right for 0.02126278719 (within half a unit of its last digit, 0.00005).
The rules, in order:

1. a number that is not readable is ``unreadable``;
2. exactly the correct value is right, however few its digits (``0.5``, ``1``, ``0``);
3. fewer than 3 significant digits (or the walkthrough's digits, if those are fewer) gets
   ``more_digits``: too coarse to tell a slip from the right answer; except the number exactly
   as the walkthrough would show it (``1.6e-05`` for 1.59986e-05 at 4 digits, whose zeros
   were dropped), which is judged;
4. within the answer's rounding of the correct value: ``correct`` (the correct answer always
   wins, so a mistake that rounds the same is never named);
5. within the answer's rounding of a named mistake: ``mistake``, with its code;
6. off by one unit in the last digit (cut off instead of rounded): ``rounding``;
7. anything else: ``not_yet``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bpstudio.model.derivation.numbers import rounded
from bpstudio.model.practice.mistakes import Mistake

MIN_SIGNIFICANT = 3
VERDICTS = ("correct", "mistake", "not_yet", "more_digits", "rounding", "unreadable")
JUDGED = ("correct", "mistake", "not_yet", "rounding")  # the verdicts that count as a try

_WIDE = str.maketrans("０１２３４５６７８９．，－＋ｅＥ−–", "0123456789.,-+eE--")
_TIMES_TEN = re.compile(r"\s*(?:[x×*·]|\\times|\\cdot)\s*10\s*\^\s*\{?\s*([+-]?\d+)\s*\}?$")
_NUMBER = re.compile(r"^([+-]?)(\d*)(?:[.,](\d*))?(?:[eE]([+-]?\d+))?$")


@dataclass(frozen=True)
class TypedNumber:
    value: float
    significant: int  # significant digits typed (trailing zeros count: 0.0210 has 3)
    half_unit: float  # half a unit of the last digit typed: the answer's rounding


@dataclass(frozen=True)
class Verdict:
    kind: str  # one of VERDICTS
    code: str = ""  # the mistake's code, for kind "mistake"
    precise: bool = True  # False: right, but with fewer digits than the walkthrough shows

    @property
    def counts(self) -> bool:
        """Judged (a try), as opposed to asked to type again."""
        return self.kind in JUDGED


def parse_answer(text: str) -> TypedNumber | None:
    """The typed number with its precision, or None.  Accepts full-width digits, the Unicode
    minus, a decimal comma, ``2.13e-2`` and ``2.13×10^-2``."""
    text = text.strip().translate(_WIDE).replace(" ", "").replace("\u2009", "")
    match = _TIMES_TEN.search(text)
    if match:
        text = f"{text[: match.start()]}e{match.group(1)}"
    match = _NUMBER.match(text)
    if match is None:
        return None
    sign, whole, fraction, exponent = match.groups()
    fraction = fraction or ""
    if not whole and not fraction:
        return None
    mantissa = f"{sign}{whole or '0'}.{fraction or '0'}"
    power = int(exponent) if exponent else 0
    if abs(power) > 300:
        return None
    value = float(f"{mantissa}e{power}")
    digits = (whole + fraction).lstrip("0")
    half_unit = 0.5 * 10.0 ** (power - len(fraction))
    return TypedNumber(value, len(digits), half_unit)


def check_answer(
    text: str, correct: float, mistakes: Sequence[Mistake] = (), digits: int = 4
) -> Verdict:
    """Judge ``text`` against ``correct``; ``digits``: the walkthrough's significant digits."""
    typed = parse_answer(text)
    if typed is None:
        return Verdict("unreadable")
    slack = 1e-12 * max(1.0, abs(correct))  # binary floating point of the typed decimals
    if abs(typed.value - correct) <= slack:
        return Verdict("correct")
    candidates = [correct, *(m.value for m in mistakes)]
    as_shown = any(typed.value == rounded(v, digits) for v in candidates)
    if typed.significant < min(MIN_SIGNIFICANT, digits) and not as_shown:
        return Verdict("more_digits")
    tolerance = typed.half_unit + slack
    if abs(typed.value - correct) <= tolerance:
        return Verdict("correct", precise=typed.significant >= digits or as_shown)
    for mistake in mistakes:
        rounds_like_correct = abs(mistake.value - correct) <= tolerance
        if not rounds_like_correct and abs(typed.value - mistake.value) <= tolerance:
            return Verdict("mistake", mistake.code)
    if abs(typed.value - correct) <= 2 * typed.half_unit + slack:
        return Verdict("rounding")
    return Verdict("not_yet")
