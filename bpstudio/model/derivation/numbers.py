"""Numbers as they appear in substituted formulas: significant digits, LaTeX, safe to multiply.

A number written into a formula must read correctly wherever it lands: a negative number is
parenthesised (``0.5 \\cdot ({-0.2})``, never ``0.5 \\cdot -0.2``), and its minus sign is
braced, ``{-0.2}``, so that typesetters (ziamath too) space it as a sign, not as a subtraction.
A very large or small one becomes ``1.2 \\times 10^{-5}``, also parenthesised so that a
following ``\\cdot`` or ``^2`` applies to the whole number.
"""

from __future__ import annotations

import math


def plain_number(value: float, digits: int) -> str:
    """``value`` to ``digits`` significant digits in LaTeX, without surrounding parentheses."""
    if not math.isfinite(value):
        return r"\infty" if value > 0 else (r"-\infty" if value < 0 else r"\mathrm{NaN}")
    text = f"{value:.{digits}g}"
    if text in ("-0", "0"):
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
