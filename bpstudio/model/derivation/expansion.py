"""The seed's fully expanded final lines of 三-六: every ∂E/∂z written out down to the outputs.

The seed ends 六 with ``[(Y_1 - \\hat{Y}_1)(a_1^3 - (a_1^3)^2) w_{11}^3 + ...] (a_1^2 - (a_1^2)^2)
x_1``: each gradient in terms of the forward quantities alone.  This optional level of detail
("expanded", on by default) adds that line to 三-六 where it stays readable: a formula of more
than ``MAX_QUANTITIES`` numbers (a wide or deep network) keeps the short form only.
"""

from __future__ import annotations

from bpstudio.model.derivation.context import Context
from bpstudio.model.derivation.expr import (
    C,
    Expr,
    Fraction,
    Joined,
    Negated,
    Power,
    Q,
    Square,
    Wrapped,
    bracket,
    minus,
    product,
    total,
)
from bpstudio.model.derivation.loss_tex import as_factor, dE_dY_expr
from bpstudio.model.derivation.slopes import slope_expr, softmax_slope_expr
from bpstudio.model.losses import get_loss

MAX_QUANTITIES = 24  # the seed's longest line (六) holds 9; a 3-4-4-2 network's still fits


def dz_expanded(ctx: Context, layer: int, k: int) -> Expr:
    """∂E/∂z_k^l in forward quantities only, ready to be one factor of a product."""
    last = ctx.n_layers
    if layer == last:
        return _output_dz(ctx, k)
    name = ctx.network.activations[layer - 2]
    return product(
        bracket(da_expanded(ctx, layer, k)), slope_expr(name, ctx.a(layer, k), ctx.z(layer, k))
    )


def da_expanded(ctx: Context, layer: int, j: int) -> Expr:
    """∂E/∂a_j^l = Σ_k (∂E/∂z_k^{l+1} expanded) · w_{jk}^{l+1}."""
    after = layer + 1
    return total(
        *[product(dz_expanded(ctx, after, k), ctx.w(after, j, k)) for k in ctx.units(after)]
    )


def _output_dz(ctx: Context, k: int) -> Expr:
    last, units = ctx.n_layers, ctx.units(ctx.n_layers)
    if get_loss(ctx.loss).merges_output_steps:
        return as_factor(minus(ctx.y(k), ctx.label(k)))
    name = ctx.network.output_activation
    if name == "softmax":
        a_k = ctx.a(last, k)
        terms = [
            product(
                as_factor(dE_dY_expr(ctx.loss, len(units), ctx.y(m), ctx.label(m))),
                softmax_slope_expr(ctx.a(last, m), a_k, m == k),
            )
            for m in units
        ]
        return as_factor(total(*terms))
    known = as_factor(dE_dY_expr(ctx.loss, len(units), ctx.y(k), ctx.label(k)))
    return product(known, slope_expr(name, ctx.a(last, k), ctx.z(last, k)))


def expanded_dz(ctx: Context, layer: int, k: int, *factors: Q) -> Expr | None:
    """∂E/∂z_k^l expanded, times ``factors``; None where the line would not be readable."""
    if not _may_fit(ctx, layer):
        return None
    return readable(product(dz_expanded(ctx, layer, k), *factors))


def expanded_da(ctx: Context, layer: int, j: int) -> Expr | None:
    """∂E/∂a_j^l expanded; None where the line would not be readable."""
    if not _may_fit(ctx, layer + 1):
        return None
    return readable(da_expanded(ctx, layer, j))


def _may_fit(ctx: Context, layer: int) -> bool:
    """A cheap bound before building: ∂E/∂z^l expands into one term per path to the outputs,
    each with at least two quantities per layer (a weight and a slope, or Y and Ŷ), so deep
    wide networks stop here (building their expansion would take exponential time)."""
    paths = 1
    for later in range(layer + 1, ctx.n_layers + 1):
        paths *= ctx.size(later)
    return paths * 2 * (ctx.n_layers - layer + 1) <= MAX_QUANTITIES


def readable(expr: Expr) -> Expr | None:
    """``expr`` if it is short enough to read, else None."""
    return expr if count_quantities(expr) <= MAX_QUANTITIES else None


def count_quantities(expr: Expr) -> int:
    if isinstance(expr, Q):
        return 1
    if isinstance(expr, Joined):
        return sum(count_quantities(p) for p in expr.parts)
    if isinstance(expr, (Wrapped, Square)):
        return count_quantities(expr.inner if isinstance(expr, Wrapped) else expr.base)
    if isinstance(expr, Fraction):
        return count_quantities(expr.numerator) + count_quantities(expr.denominator)
    if isinstance(expr, Power):
        return count_quantities(expr.exponent)
    return 0


def sigmoid_slope_intermediate(z: Q) -> Expr:
    """The seed's middle form of the sigmoid's slope: e^{-z} / (1 + e^{-z})^2."""
    e = Power("e", Negated(z))
    return Fraction(e, Square(total(C("1"), e)))
