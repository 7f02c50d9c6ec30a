"""Numbers as they appear in substituted formulas: significant digits, LaTeX, safe to multiply.

A number written into a formula must read correctly wherever it lands: a negative number is
parenthesised (``0.5 \\cdot ({-0.2})``, never ``0.5 \\cdot -0.2``), and its minus sign is
braced, ``{-0.2}``, so that typesetters (ziamath too) space it as a sign, not as a subtraction.
A very large or small one becomes ``1.2 \\times 10^{-5}``, also parenthesised so that a
following ``\\cdot`` or ``^2`` applies to the whole number.  Zero is always ``0``, never ``-0``.

How many digits a formula's numbers get (the project's rule, testable): the chosen digits,
unless the formula, evaluated with its numbers exactly as shown, would give a result that
differs from the shown value by more than half a unit of its last digit, or in sign (a sum that
cancels, the branch of a ReLU); then the numbers inside the formula get more digits, as few as
make it hold (at most ``MAX_DIGITS``).  The value itself keeps the chosen digits.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

MAX_DIGITS = 17  # enough to write every float64 exactly


def plain_number(value: float, digits: int) -> str:
    """``value`` to ``digits`` significant digits in LaTeX, without surrounding parentheses."""
    if not math.isfinite(value):
        return r"\infty" if value > 0 else (r"-\infty" if value < 0 else r"\mathrm{NaN}")
    text = f"{value:.{digits}g}"
    if float(text) == 0.0:
        return "0"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return f"{{{text}}}" if text.startswith("-") else text


def atom_number(value: float, digits: int) -> str:
    """The number as one factor: parenthesised when negative or in scientific notation."""
    text = plain_number(value, digits)
    if text.startswith("{-") or r"\times" in text:
        return f"({text})"
    return text


def shown_text(value: float, digits: int) -> str:
    """Plain text for labels and tables: ``digits`` significant digits, ``0`` never ``-0``."""
    if not math.isfinite(value):
        return str(value)
    text = f"{value:.{digits}g}"
    return "0" if float(text) == 0.0 else text


def rounded(value: float, digits: int) -> float:
    """The number a reader sees: ``value`` rounded to ``digits`` significant digits."""
    if not math.isfinite(value):
        return value
    return float(f"{value:.{digits}g}") + 0.0  # + 0.0 turns -0.0 into 0.0


def _half_unit(shown: float, digits: int) -> float:
    """Half a unit of the last shown digit of ``shown`` (0 for zero: it has no last digit)."""
    if shown == 0.0:
        return 0.0
    return 0.5 * 10.0 ** (math.floor(math.log10(abs(shown))) - digits + 1)


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def agrees(evaluated: float | None, value: float, digits: int) -> bool:
    """Whether a formula that evaluates (as shown) to ``evaluated`` may end in ``= value`` shown
    to ``digits`` digits: same sign, and within half a unit of the shown value's last digit."""
    if evaluated is None or not (math.isfinite(evaluated) and math.isfinite(value)):
        return True  # nothing a reader could check, or nothing more digits would mend
    shown = rounded(value, digits)
    if _sign(evaluated) != _sign(shown):
        return False
    # a hair of slack for the float arithmetic of the check itself
    return abs(evaluated - shown) <= _half_unit(shown, digits) * (1 + 1e-9) + 1e-300


def operand_digits(
    evaluate: Callable[[int], Iterable[float | None]], value: float, digits: int
) -> int:
    """The fewest digits (at least ``digits``) for the numbers inside a formula such that every
    side, evaluated as shown by ``evaluate(d)``, agrees with ``value`` shown to ``digits``."""
    for d in range(digits, MAX_DIGITS + 1):
        if all(agrees(result, value, digits) for result in evaluate(d)):
            return d
    return MAX_DIGITS
