"""A tiny expression tree that prints one formula two ways: with symbols, and with numbers.

Building each formula once and printing it twice guarantees that the substituted form has
exactly the shape of the symbolic one.  ``tex(None)`` prints symbols; ``tex(digits)`` prints
numbers to that many significant digits, or None when the expression has no numeric reading
(such as ``f(z_1^2)``), in which case the step leaves that side out of its substituted form.
``shown_value(digits)`` is what that printed form evaluates to, every number rounded as shown:
the digits rule of ``numbers.py`` checks it against the step's value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bpstudio.model.derivation.numbers import atom_number, rounded

Digits = int | None


class Expr:
    def tex(self, digits: Digits) -> str | None:
        raise NotImplementedError

    def symbolic_tex(self) -> str:
        """The symbolic form (``tex(None)``), which every expression has."""
        text = self.tex(None)
        if text is None:
            raise ValueError(f"{self!r} has no symbolic form")
        return text

    def shown_value(self, digits: int) -> float | None:
        """The printed form's value, each number rounded to ``digits`` as shown; None if it
        has no numeric reading."""
        raise NotImplementedError


def _values(parts: Sequence[Expr], digits: int) -> list[float] | None:
    values = [p.shown_value(digits) for p in parts]
    return None if any(v is None for v in values) else values  # type: ignore[return-value]


def _sum(values: Sequence[float]) -> float:
    """The exactly rounded sum; past float's range (a weight of 1e308), ±inf or NaN as the
    arithmetic of the step itself gives, where `math.fsum` raises."""
    try:
        return math.fsum(values)
    except (OverflowError, ValueError):  # an overflow on the way; inf - inf
        return sum(values)


def _guarded(compute, *args) -> float | None:
    """A function of shown numbers may leave its domain (ln of a rounded 0): no reading then."""
    try:
        return float(compute(*args))
    except (ValueError, OverflowError, ZeroDivisionError):
        return None


def _all(parts: Sequence[Expr], digits: Digits) -> list[str] | None:
    texts = [p.tex(digits) for p in parts]
    present = [t for t in texts if t is not None]
    return present if len(present) == len(texts) else None


@dataclass(frozen=True)
class Q(Expr):
    """A named quantity with its value: ``a_1^2`` or ``0.5646``."""

    symbol: str
    value: float

    def tex(self, digits: Digits) -> str:
        return self.symbol if digits is None else atom_number(self.value, digits)

    def shown_value(self, digits: int) -> float:
        return rounded(self.value, digits)


@dataclass(frozen=True)
class C(Expr):
    """A constant, printed the same both ways (``1``, ``2``, ``\\frac{1}{2}``)."""

    text: str

    def tex(self, _digits: Digits) -> str:
        return self.text

    def shown_value(self, _digits: int) -> float:
        fraction = re.fullmatch(r"\\frac\{(.+)\}\{(.+)\}", self.text)
        if fraction:
            return float(fraction[1]) / float(fraction[2])
        return float(self.text)


@dataclass(frozen=True)
class SymbolicOnly(Expr):
    """Printed only with symbols, e.g. ``f(z_1^2)``."""

    text: str

    def tex(self, digits: Digits) -> str | None:
        return self.text if digits is None else None

    def shown_value(self, _digits: int) -> None:
        return None


@dataclass(frozen=True)
class Joined(Expr):
    """Parts joined by an operator: products (``\\cdot``), sums (``+``), differences (``-``)."""

    operator: str
    parts: tuple[Expr, ...]

    def tex(self, digits: Digits) -> str | None:
        texts = _all(self.parts, digits)
        separator = f" {self.operator} " if self.operator else " "
        return None if texts is None else separator.join(texts)

    def shown_value(self, digits: int) -> float | None:
        values = _values(self.parts, digits)
        if values is None:
            return None
        if self.operator == "+":
            return _sum(values)
        if self.operator == "-":
            return values[0] - _sum(values[1:])
        return math.prod(values)  # \cdot, or side by side


def product(*factors: Expr) -> Expr:
    return factors[0] if len(factors) == 1 else Joined(r"\cdot", tuple(factors))


def juxtapose(*factors: Expr) -> Expr:
    """Written side by side, as in ``\\frac{1}{2} \\left[...\\right]``."""
    return Joined("", tuple(factors))


def total(*terms: Expr) -> Expr:
    return terms[0] if len(terms) == 1 else Joined("+", tuple(terms))


def minus(a: Expr, b: Expr) -> Expr:
    return Joined("-", (a, b))


@dataclass(frozen=True)
class Wrapped(Expr):
    """``inner`` between two delimiters, then an optional suffix (``(...)^2``, ``[...]``)."""

    inner: Expr
    left: str = "("
    right: str = ")"
    suffix: str = ""

    def tex(self, digits: Digits) -> str | None:
        text = self.inner.tex(digits)
        return None if text is None else f"{self.left}{text}{self.right}{self.suffix}"

    def shown_value(self, digits: int) -> float | None:
        value = self.inner.shown_value(digits)
        if value is None:
            return None
        if self.left.endswith("-"):  # ({-a_m a_k}): a sign in front of the whole product
            value = -value
        return value**2 if self.suffix == "^2" else value


def paren(inner: Expr) -> Expr:
    return Wrapped(inner)


def bracket(inner: Expr) -> Expr:
    return Wrapped(inner, r"\left[", r"\right]")


@dataclass(frozen=True)
class Square(Expr):
    """``(a_1^3)^2``; a number that is already parenthesised is not parenthesised twice."""

    base: Expr

    def tex(self, digits: Digits) -> str | None:
        text = self.base.tex(digits)
        if text is None:
            return None
        if digits is not None and isinstance(self.base, Q) and text.startswith("("):
            return f"{text}^2"
        return f"({text})^2"

    def shown_value(self, digits: int) -> float | None:
        value = self.base.shown_value(digits)
        return None if value is None else value * value


@dataclass(frozen=True)
class Negated(Expr):
    inner: Expr

    def tex(self, digits: Digits) -> str | None:
        text = self.inner.tex(digits)
        if text == "0":
            return text  # a negated zero is zero: never "-0"
        return None if text is None else f"-{text}"

    def shown_value(self, digits: int) -> float | None:
        value = self.inner.shown_value(digits)
        return None if value is None else -value


@dataclass(frozen=True)
class Fraction(Expr):
    numerator: Expr
    denominator: Expr

    def tex(self, digits: Digits) -> str | None:
        texts = _all((self.numerator, self.denominator), digits)
        return None if texts is None else rf"\frac{{{texts[0]}}}{{{texts[1]}}}"

    def shown_value(self, digits: int) -> float | None:
        values = _values((self.numerator, self.denominator), digits)
        return None if values is None else _guarded(lambda n, d: n / d, *values)


@dataclass(frozen=True)
class Power(Expr):
    """``e^{...}``: the exponent in braces so any expression fits."""

    base: str
    exponent: Expr

    def tex(self, digits: Digits) -> str | None:
        text = self.exponent.tex(digits)
        return None if text is None else f"{self.base}^{{{text}}}"

    def shown_value(self, digits: int) -> float | None:
        value = self.exponent.shown_value(digits)
        if value is None:
            return None
        if self.base == "e":
            return _guarded(math.exp, value)
        return _guarded(lambda b, x: b**x, float(self.base.strip("()")), value)


@dataclass(frozen=True)
class Call(Expr):
    r"""A function applied to arguments: ``\tanh(z_1^2)``, ``\max(0, z_1^2)``."""

    name: str
    args: tuple[Expr, ...]

    def tex(self, digits: Digits) -> str | None:
        texts = _all(self.args, digits)
        return None if texts is None else f"{self.name}({', '.join(texts)})"

    def shown_value(self, digits: int) -> float | None:
        values = _values(self.args, digits)
        if values is None:
            return None
        return _guarded(_FUNCTIONS[self.name], *values)


_FUNCTIONS = {r"\ln": math.log, r"\tanh": math.tanh, r"\max": max}


@dataclass(frozen=True)
class Step01(Expr):
    """The slope of a ReLU: a case split on symbols; with numbers, the case that applies."""

    z: Q
    below: str = "0"

    def tex(self, digits: Digits) -> str:
        if digits is not None:
            return "1" if self.z.value > 0 else self.below
        z = self.z.symbol
        return rf"\begin{{cases}}1, & {z} > 0\\{self.below}, & {z} \le 0\end{{cases}}"

    def shown_value(self, _digits: int) -> float:
        return 1.0 if self.z.value > 0 else float(self.below)


@dataclass(frozen=True)
class Root(Expr):
    r"""``\sqrt{...}`` (RMSprop's and Adam's denominators)."""

    inner: Expr

    def tex(self, digits: Digits) -> str | None:
        text = self.inner.tex(digits)
        return None if text is None else rf"\sqrt{{{text}}}"

    def shown_value(self, digits: int) -> float | None:
        value = self.inner.shown_value(digits)
        return None if value is None else _guarded(math.sqrt, value)


@dataclass(frozen=True)
class Raised(Expr):
    """``base^{exponent}`` of two expressions: Adam's ``\\beta_1^{t}``, ``0.9^{3}``."""

    base: Expr
    exponent: Expr

    def tex(self, digits: Digits) -> str | None:
        texts = _all((self.base, self.exponent), digits)
        return None if texts is None else f"{texts[0]}^{{{texts[1]}}}"

    def shown_value(self, digits: int) -> float | None:
        values = _values((self.base, self.exponent), digits)
        return None if values is None else _guarded(lambda b, x: b**x, *values)
