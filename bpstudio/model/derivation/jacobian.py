"""The "Jacobian" level of detail: why cross-entropy's steps 一 and 二 merge into Y − Ŷ.

Without it, cross-entropy with a softmax (or sigmoid) output goes straight to
``∂E/∂z_k = Y_k − Ŷ_k`` (backward_output.py).  With it the walkthrough takes the long way, with
the numbers of the followed sample:

- 一 ``∂E/∂Y_m = −Ŷ_m / Y_m`` (softmax), ``−Ŷ_m/Y_m + (1 − Ŷ_m)/(1 − Y_m)`` (sigmoid);
- the softmax Jacobian, every entry ``∂Y_m/∂z_k = Y_m (δ_mk − Y_k)`` (section
  ``backward.jacobian``, one step per entry, column by column);
- 二 ``∂E/∂z_k = Σ_m ∂E/∂Y_m · ∂Y_m/∂z_k = Σ_m (−Ŷ_m/Y_m) · Y_m(δ_mk − Y_k)
  = −Ŷ_k + Y_k (Ŷ_1 + … + Ŷ_n) = Y_k − Ŷ_k``, since each row of labels adds up to 1
  (label_rules.py); for a sigmoid the Jacobian is diagonal and ``Y_k(1 − Y_k)`` cancels.

With squared error and a softmax output the entries section is added the same way before 二,
which already sums over the Jacobian.  Every value is the engine's (``Gradients``); the
formulas only show where it comes from.
"""

from __future__ import annotations

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.detail_text import text
from bpstudio.model.derivation.expansion import readable
from bpstudio.model.derivation.expr import (
    C,
    Expr,
    Fraction,
    Negated,
    Q,
    Square,
    minus,
    paren,
    product,
    total,
)
from bpstudio.model.derivation.slopes import softmax_slope_expr
from bpstudio.model.derivation.text import numeral
from bpstudio.model.derivation.titles import fill, loss_list, symbol_list
from bpstudio.model.losses import get_loss
from bpstudio.model.refs import UnitRef


def jacobian_applies(loss: str, output_activation: str) -> bool:
    """Whether the Jacobian detail changes anything: a softmax output (its Jacobian), or
    cross-entropy (一 and 二 written apart)."""
    return output_activation == "softmax" or get_loss(loss).merges_output_steps


def add_merge_detail(ctx: Context, rec: Recorder) -> None:
    """一, the Jacobian (softmax), 二 for cross-entropy: the merge into Y − Ŷ, written out."""
    softmax = ctx.network.output_activation == "softmax"
    _add_cross_entropy_dE_dY(ctx, rec, softmax)
    if softmax:
        add_softmax_jacobian(ctx, rec)
    _open_dz_section(ctx, rec)
    for k in ctx.units(ctx.n_layers):
        _add_cross_entropy_dE_dz(ctx, rec, k, softmax)


def jacobian_value(ctx: Context, m: int, k: int) -> float:
    """∂Y_m/∂z_k = Y_m (δ_mk − Y_k) of the softmax output, from the forward pass's outputs."""
    y_m, y_k = ctx.y(m).value, ctx.y(k).value
    return y_m * ((1.0 if m == k else 0.0) - y_k)


def add_softmax_jacobian(ctx: Context, rec: Recorder) -> None:
    """Every entry of the softmax Jacobian, one column (one z_k) at a time."""
    last, units = ctx.n_layers, ctx.units(ctx.n_layers)
    ys = symbol_list([(sym.plain_y(m), sym.y_sym(m)) for m in units])
    zs = symbol_list([(sym.plain_z(last, k), sym.z_sym(last, k)) for k in units])
    title, title_tex = fill("section.backward.jacobian", ctx.lang, {"ys": ys, "zs": zs}, text)
    rec.open_section("backward.jacobian", "backward", title, title_tex)
    for k in units:
        for m in units:
            _add_jacobian_entry(ctx, rec, m, k)


def _add_jacobian_entry(ctx: Context, rec: Recorder, m: int, k: int) -> None:
    last = ctx.n_layers
    y_m, y_k, z_k = ctx.y(m), ctx.y(k), sym.z_sym(last, k)
    same = m == k
    delta = Q(rf"\delta_{{{sym.pair(m, k)}}}", 1.0 if same else 0.0)
    general = product(y_m, paren(minus(delta, y_k)))
    lhs = [sym.partial(y_m.symbol, z_k), sym.partial(sym.a_sym(last, m), z_k)]
    key = "explain.jacobian.diagonal" if same else "explain.jacobian.off"
    d = sym.plain("δ", sym.pair(m, k))
    names = {"y": sym.plain_y(m), "yk": sym.plain_y(k), "z": sym.plain_z(last, k), "d": d}
    explanation = text(key, ctx.lang, **names)
    touches = {UnitRef(last, m), UnitRef(last, k)}
    # standing alone (not a factor): Y_k - (Y_k)^2 on the diagonal, -Y_m Y_k off it
    entry = minus(y_k, Square(y_k)) if same else Negated(product(y_m, y_k))
    sides = [general, entry]
    rec.add("dY/dz", last, (m, k), lhs, sides, jacobian_value(ctx, m, k), explanation, touches)


def _add_cross_entropy_dE_dY(ctx: Context, rec: Recorder, softmax: bool) -> None:
    last, units = ctx.n_layers, ctx.units(ctx.n_layers)
    ys = symbol_list([(sym.plain_y(k), sym.y_sym(k)) for k in units])
    as_ = symbol_list([(sym.plain_a(last, k), sym.a_sym(last, k)) for k in units])
    title, title_tex = fill("section.backward.1", ctx.lang, {"ys": ys, "as": as_, **loss_list(ctx)})
    rec.open_section("backward.1", "backward", title, title_tex)
    for k in units:
        y, label, da = ctx.y(k), ctx.label(k), ctx.dE_da(last, k)
        lhs = [ctx.dE(y.symbol), da.symbol]
        words = {"y": sym.plain_y(k), "label": sym.plain_label(k), "E": ctx.E_plain}
        if softmax:
            sides: list[Expr] = [Negated(Fraction(label, y))]
            explanation = text("explain.ce.dE/dY.softmax", ctx.lang, **words)
        else:
            one = C("1")
            sides = [
                total(Negated(Fraction(label, y)), Fraction(minus(one, label), minus(one, y))),
                Fraction(minus(y, label), product(y, paren(minus(one, y)))),
            ]
            explanation = text("explain.ce.dE/dY.sigmoid", ctx.lang, **words)
        rec.add("dE/dY", last, (k,), lhs, sides, da.value, explanation, {UnitRef(last, k)})


def _open_dz_section(ctx: Context, rec: Recorder) -> None:
    last = ctx.n_layers
    zs = symbol_list([(sym.plain_z(last, k), sym.z_sym(last, k)) for k in ctx.units(last)])
    title = fill(
        "section.backward.n",
        ctx.lang,
        {"symbols": zs, **loss_list(ctx)},
        numeral=numeral(2, ctx.lang),
    )
    rec.open_section("backward.2", "backward", *title)


def _dE_dY_factor(ctx: Context, m: int) -> Expr:
    """−Ŷ_m/Y_m, parenthesised to be a factor."""
    return paren(Negated(Fraction(ctx.label(m), ctx.y(m))))


def _add_cross_entropy_dE_dz(ctx: Context, rec: Recorder, k: int, softmax: bool) -> None:
    last, units = ctx.n_layers, ctx.units(ctx.n_layers)
    y_k, label_k, z_k = ctx.y(k), ctx.label(k), sym.z_sym(last, k)
    dz = ctx.dE_dz(last, k)
    words = {"z": sym.plain_z(last, k), "y": sym.plain_y(k), "label": sym.plain_label(k)}
    words["E"] = ctx.E_plain
    if softmax:
        chain = total(
            *[
                product(
                    Q(ctx.dE(sym.y_sym(m)), ctx.dE_da(last, m).value),
                    Q(sym.partial(sym.y_sym(m), z_k), jacobian_value(ctx, m, k)),
                )
                for m in units
            ]
        )
        written = readable(
            total(
                *[
                    product(_dE_dY_factor(ctx, m), softmax_slope_expr(ctx.y(m), y_k, m == k))
                    for m in units
                ]
            )
        )
        labels = total(*[ctx.label(m) for m in units])
        cancelled = total(Negated(label_k), product(y_k, paren(labels)))
        sides = [chain, *([written] if written is not None else []), cancelled]
        explanation = text("explain.ce.dE/dz.softmax", ctx.lang, **words)
        touches = {UnitRef(last, m) for m in units}
    else:
        slope = Q(sym.partial(y_k.symbol, z_k), y_k.value * (1.0 - y_k.value))
        chain = product(Q(ctx.dE(y_k.symbol), ctx.dE_da(last, k).value), slope)
        one = C("1")
        dE_dy = Fraction(minus(y_k, label_k), product(y_k, paren(minus(one, y_k))))
        sides = [chain, product(dE_dy, paren(minus(y_k, Square(y_k))))]
        explanation = text("explain.ce.dE/dz.sigmoid", ctx.lang, **words)
        touches = {UnitRef(last, k)}
    sides.append(minus(y_k, label_k))
    rec.add("dE/dz", last, (k,), [dz.symbol], sides, dz.value, explanation, touches)
