"""The backward pass at the output layer: 一 ∂E/∂Y, 二 ∂E/∂z, 三 ∂E/∂w (and ∂E/∂b)."""

from __future__ import annotations

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.expansion import expanded_dz, sigmoid_slope_intermediate
from bpstudio.model.derivation.expr import Expr, Q, SymbolicOnly, minus, product, total
from bpstudio.model.derivation.jacobian import add_merge_detail, add_softmax_jacobian
from bpstudio.model.derivation.loss_tex import as_factor, dE_dY_expr
from bpstudio.model.derivation.slopes import slope_expr, slope_plain, softmax_slope_expr
from bpstudio.model.derivation.text import numeral, tr
from bpstudio.model.derivation.titles import fill, loss_list, symbol_list
from bpstudio.model.derivation.weights import add_parameter_gradients
from bpstudio.model.losses import get_loss
from bpstudio.model.refs import UnitRef


def add_output_layer(ctx: Context, rec: Recorder) -> None:
    if get_loss(ctx.loss).merges_output_steps:
        if ctx.jacobian:  # the level of detail that shows why 一 and 二 merge
            add_merge_detail(ctx, rec)
        else:
            _add_merged_dE_dz(ctx, rec)
    else:
        _add_dE_dY(ctx, rec)
        _add_dE_dz(ctx, rec)
    add_parameter_gradients(ctx, rec, ctx.n_layers, "backward.3", 3)


def _z_list(ctx: Context, layer: int) -> tuple[str, str]:
    units = ctx.units(layer)
    return symbol_list([(sym.plain_z(layer, k), sym.z_sym(layer, k)) for k in units])


def _add_dE_dY(ctx: Context, rec: Recorder) -> None:
    last, units = ctx.n_layers, ctx.units(ctx.n_layers)
    ys = symbol_list([(sym.plain_y(k), sym.y_sym(k)) for k in units])
    as_ = symbol_list([(sym.plain_a(last, k), sym.a_sym(last, k)) for k in units])
    title, title_tex = fill("section.backward.1", ctx.lang, {"ys": ys, "as": as_, **loss_list(ctx)})
    rec.open_section("backward.1", "backward", title, title_tex)
    for k in units:
        da = ctx.dE_da(last, k)
        lhs = [ctx.dE(sym.y_sym(k)), da.symbol]
        side = dE_dY_expr(ctx.loss, len(units), ctx.y(k), ctx.label(k))
        label = "Ŷ" + sym.plain_y(k)[1:]
        explanation = tr("explain.dE/dY", ctx.lang, y=sym.plain_y(k), label=label, E=ctx.E_plain)
        rec.add("dE/dY", last, (k,), lhs, [side], da.value, explanation, {UnitRef(last, k)})


def _add_dE_dz(ctx: Context, rec: Recorder) -> None:
    last, units = ctx.n_layers, ctx.units(ctx.n_layers)
    softmax = ctx.network.output_activation == "softmax"
    if softmax and ctx.jacobian:  # the entries 二 sums over, each with its numbers
        add_softmax_jacobian(ctx, rec)
    numeral_title = fill(
        "section.backward.n",
        ctx.lang,
        {"symbols": _z_list(ctx, last), **loss_list(ctx)},
        numeral=numeral(2, ctx.lang),
    )
    rec.open_section("backward.2", "backward", *numeral_title)
    for k in units:
        if softmax:
            _add_softmax_dE_dz(ctx, rec, k)
        else:
            _add_elementwise_dE_dz(ctx, rec, last, k, output_layer=True)


def add_elementwise_dE_dz_step(ctx: Context, rec: Recorder, layer: int, k: int) -> None:
    _add_elementwise_dE_dz(ctx, rec, layer, k, output_layer=False)


def _add_elementwise_dE_dz(ctx: Context, rec, layer: int, k: int, output_layer: bool) -> None:
    name = ctx.network.activations[layer - 2]
    a, z, da = ctx.a(layer, k), ctx.z(layer, k), ctx.dE_da(layer, k)
    slope = Q(sym.partial(a.symbol, z.symbol), ctx.slope_value(layer, k))
    chain = product(da, slope)
    # at the output the seed writes ∂E/∂a out as step 一's expression: (Y_1 - \hat{Y}_1)
    known: Expr = da
    if output_layer:
        known = as_factor(dE_dY_expr(ctx.loss, ctx.size(layer), ctx.y(k), ctx.label(k)))
    sides = [chain]
    if name == "sigmoid":  # the seed's middle form of the slope, e^{-z}/(1+e^{-z})^2
        sides.append(product(known, sigmoid_slope_intermediate(z)))
    sides.append(product(known, slope_expr(name, a, z)))
    if ctx.expanded and not output_layer:
        full = expanded_dz(ctx, layer, k)
        sides += [full] if full is not None else []
    dz = ctx.dE_dz(layer, k)
    explanation = tr(
        "explain.dE/dz",
        ctx.lang,
        z=sym.plain_z(layer, k),
        a=sym.plain_a(layer, k),
        slope=slope_plain(name, ctx.lang, sym.plain_a(layer, k), sym.plain_z(layer, k)),
        E=ctx.E_plain,
    )
    touches = {UnitRef(layer, k)}
    rec.add("dE/dz", layer, (k,), [dz.symbol], sides, dz.value, explanation, touches)


def _add_softmax_dE_dz(ctx: Context, rec: Recorder, k: int) -> None:
    last, units = ctx.n_layers, ctx.units(ctx.n_layers)
    a_k, z_k = ctx.a(last, k), ctx.z(last, k)
    chain_terms, expanded_terms = [], []
    for m in units:
        a_m = ctx.a(last, m)
        jacobian = a_m.value * ((1.0 if m == k else 0.0) - a_k.value)
        chain_terms.append(
            product(ctx.dE_da(last, m), Q(sym.partial(a_m.symbol, z_k.symbol), jacobian))
        )
        dE_dY = as_factor(dE_dY_expr(ctx.loss, len(units), ctx.y(m), ctx.label(m)))
        expanded_terms.append(product(dE_dY, softmax_slope_expr(a_m, a_k, m == k)))
    dz = ctx.dE_dz(last, k)
    explanation = tr("explain.dE/dz.softmax", ctx.lang, z=sym.plain_z(last, k), E=ctx.E_plain)
    touches = {UnitRef(last, m) for m in units}
    sides = [total(*chain_terms), total(*expanded_terms)]
    rec.add("dE/dz", last, (k,), [dz.symbol], sides, dz.value, explanation, touches)


def _add_merged_dE_dz(ctx: Context, rec: Recorder) -> None:
    """Cross-entropy: ∂E/∂z_k = Y_k - Ŷ_k directly; the chain is shown with symbols only."""
    last, units = ctx.n_layers, ctx.units(ctx.n_layers)
    lists = {"zs": _z_list(ctx, last), **loss_list(ctx)}
    title, title_tex = fill("section.backward.merged", ctx.lang, lists)
    rec.open_section("backward.2", "backward", title, title_tex)
    name = ctx.network.output_activation
    for k in units:
        z = sym.z_sym(last, k)
        if name == "softmax":
            terms = [rf"{ctx.dE(sym.y_sym(m))} \cdot {sym.partial(sym.y_sym(m), z)}" for m in units]
            chain = " + ".join(terms)
        else:
            chain = rf"{ctx.dE(sym.y_sym(k))} \cdot {sym.partial(sym.y_sym(k), z)}"
        dz = ctx.dE_dz(last, k)
        sides = [SymbolicOnly(chain), minus(ctx.y(k), ctx.label(k))]
        explanation = tr("explain.dE/dz.merged", ctx.lang, name=name, E=ctx.E_plain)
        touches = {UnitRef(last, m) for m in units} if name == "softmax" else {UnitRef(last, k)}
        rec.add("dE/dz", last, (k,), [dz.symbol], sides, dz.value, explanation, touches)
