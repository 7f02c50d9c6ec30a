"""Each activation's formula and slope, written the way a textbook writes them.

The slope is written in terms of the unit's own output where that is the custom (sigmoid
``a - a^2`` as in the seed, tanh ``1 - a^2``), and as a case split on ``z`` for ReLU.
"""

from __future__ import annotations

from collections.abc import Sequence

from bpstudio.model.activations import LEAKY_SLOPE
from bpstudio.model.derivation.expr import (
    C,
    Call,
    Expr,
    Fraction,
    Negated,
    Power,
    Q,
    Square,
    Step01,
    SymbolicOnly,
    Wrapped,
    minus,
    paren,
    product,
    total,
)

SLOPE_PLAIN = {
    "sigmoid": "{a} − ({a})²",
    "tanh": "1 − ({a})²",
    "relu": "1 if {z} > 0, else 0",
    "leaky_relu": f"1 if {{z}} > 0, else {LEAKY_SLOPE}",
    "linear": "1",
}

SLOPE_PLAIN_ZH = {
    "relu": "{z} > 0 时为 1，否则为 0",
    "leaky_relu": f"{{z}} > 0 时为 1，否则为 {LEAKY_SLOPE}",
}


def slope_plain(name: str, lang: str, a: str = "a", z: str = "z") -> str:
    """The slope in words and symbols of one unit: ``a₁³ − (a₁³)²``."""
    table = SLOPE_PLAIN_ZH if lang == "zh" and name in SLOPE_PLAIN_ZH else SLOPE_PLAIN
    return table[name].format(a=a, z=z)


def activation_sides(name: str, z: Q, layer_z: Sequence[Q]) -> list[Expr]:
    """The right-hand sides of ``a = f(z) = ...`` for one unit (``layer_z``: the whole layer)."""
    f_of_z = SymbolicOnly(f"f({z.symbol})")
    if name == "sigmoid":
        return [f_of_z, Fraction(C("1"), total(C("1"), Power("e", Negated(z))))]
    if name == "tanh":
        return [f_of_z, Call(r"\tanh", (z,))]
    if name == "relu":
        return [f_of_z, Call(r"\max", (C("0"), z))]
    if name == "leaky_relu":
        return [f_of_z, Call(r"\max", (product(C(str(LEAKY_SLOPE)), z), z))]
    if name == "linear":
        return [f_of_z, z]
    if name == "softmax":
        exps = [Power("e", zm) for zm in layer_z]
        return [f_of_z, Fraction(Power("e", z), total(*exps))]
    raise ValueError(f"no formula for activation {name!r}")


def slope_expr(name: str, a: Q, z: Q) -> Expr:
    """da/dz of an elementwise activation, ready to be one factor of a product."""
    if name == "sigmoid":
        return paren(minus(a, Square(a)))
    if name == "tanh":
        return paren(minus(C("1"), Square(a)))
    if name == "relu":
        return Step01(z)
    if name == "leaky_relu":
        return Step01(z, str(LEAKY_SLOPE))
    if name == "linear":
        return C("1")
    raise ValueError(f"activation {name!r} has no elementwise slope")


def softmax_slope_expr(a_m: Q, a_k: Q, same: bool) -> Expr:
    """∂a_m/∂z_k = a_m (δ_mk − a_k): ``a_k - (a_k)^2`` on the diagonal, ``-a_m a_k`` off it."""
    if same:
        return paren(minus(a_k, Square(a_k)))
    # the braces make the minus a sign (typeset tight), not a subtraction from nothing
    return Wrapped(product(a_m, a_k), "({-", "})")
