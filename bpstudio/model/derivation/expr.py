"""A tiny expression tree that prints one formula two ways: with symbols, and with numbers.

Building each formula once and printing it twice guarantees that the substituted form has
exactly the shape of the symbolic one.  ``tex(None)`` prints symbols; ``tex(digits)`` prints
numbers to that many significant digits, or None when the expression has no numeric reading
(such as ``f(z_1^2)``), in which case the step leaves that side out of its substituted form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bpstudio.model.derivation.numbers import atom_number

Digits = int | None


class Expr:
    def tex(self, digits: Digits) -> str | None:
        raise NotImplementedError


def _all(parts: Sequence[Expr], digits: Digits) -> list[str] | None:
    texts = [p.tex(digits) for p in parts]
    return None if any(t is None for t in texts) else texts


@dataclass(frozen=True)
class Q(Expr):
    """A named quantity with its value: ``a_1^2`` or ``0.5646``."""

    symbol: str
    value: float

    def tex(self, digits: Digits) -> str:
        return self.symbol if digits is None else atom_number(self.value, digits)


@dataclass(frozen=True)
class C(Expr):
    """A constant, printed the same both ways (``1``, ``2``, ``\\frac{1}{2}``)."""

    text: str

    def tex(self, digits: Digits) -> str:
        return self.text


@dataclass(frozen=True)
class SymbolicOnly(Expr):
    """Printed only with symbols, e.g. ``f(z_1^2)``."""

    text: str

    def tex(self, digits: Digits) -> str | None:
        return self.text if digits is None else None


@dataclass(frozen=True)
class Joined(Expr):
    """Parts joined by an operator: products (``\\cdot``), sums (``+``), differences (``-``)."""

    operator: str
    parts: tuple[Expr, ...]

    def tex(self, digits: Digits) -> str | None:
        texts = _all(self.parts, digits)
        separator = f" {self.operator} " if self.operator else " "
        return None if texts is None else separator.join(texts)


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


@dataclass(frozen=True)
class Negated(Expr):
    inner: Expr

    def tex(self, digits: Digits) -> str | None:
        text = self.inner.tex(digits)
        return None if text is None else f"-{text}"


@dataclass(frozen=True)
class Fraction(Expr):
    numerator: Expr
    denominator: Expr

    def tex(self, digits: Digits) -> str | None:
        texts = _all((self.numerator, self.denominator), digits)
        return None if texts is None else rf"\frac{{{texts[0]}}}{{{texts[1]}}}"


@dataclass(frozen=True)
class Power(Expr):
    """``e^{...}``: the exponent in braces so any expression fits."""

    base: str
    exponent: Expr

    def tex(self, digits: Digits) -> str | None:
        text = self.exponent.tex(digits)
        return None if text is None else f"{self.base}^{{{text}}}"


@dataclass(frozen=True)
class Call(Expr):
    r"""A function applied to arguments: ``\tanh(z_1^2)``, ``\max(0, z_1^2)``."""

    name: str
    args: tuple[Expr, ...]

    def tex(self, digits: Digits) -> str | None:
        texts = _all(self.args, digits)
        return None if texts is None else f"{self.name}({', '.join(texts)})"


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
