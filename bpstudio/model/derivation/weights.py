"""Steps 三 and 六: ∂E/∂w_{jk}^l = ∂E/∂z_k^l · a_j^{l-1} (x_j for layer 2), and ∂E/∂b_k^l."""

from __future__ import annotations

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.expansion import expanded_dz
from bpstudio.model.derivation.expr import Expr, Q, product
from bpstudio.model.derivation.text import numeral, tr
from bpstudio.model.derivation.titles import fill, loss_list, symbol_list
from bpstudio.model.refs import BiasRef, EdgeRef, ElementRef, UnitRef


def add_parameter_gradients(
    ctx: Context, rec: Recorder, layer: int, section_id: str, number: int
) -> None:
    _open_section(ctx, rec, layer, section_id, number)
    # the seed's order: w_{11}, w_{21}, w_{31}, then w_{12}, ... (all edges into unit 1 first)
    for k in ctx.units(layer):
        for j in ctx.units(layer - 1):
            _add_dE_dw(ctx, rec, layer, j, k)
    if ctx.network.use_bias:
        for k in ctx.units(layer):
            _add_dE_db(ctx, rec, layer, k)


def _open_section(ctx: Context, rec: Recorder, layer: int, section_id: str, number: int) -> None:
    params = [
        (sym.plain_w(layer, j, k), sym.w_sym(layer, j, k))
        for k in ctx.units(layer)
        for j in ctx.units(layer - 1)
    ]
    if ctx.network.use_bias:
        params += [(sym.plain_b(layer, k), sym.b_sym(layer, k)) for k in ctx.units(layer)]
    title, title_tex = fill(
        "section.backward.n",
        ctx.lang,
        {"symbols": symbol_list(params), **loss_list(ctx)},
        numeral=numeral(number, ctx.lang),
    )
    rec.open_section(section_id, "backward", title, title_tex)


def _add_dE_dw(ctx: Context, rec: Recorder, layer: int, j: int, k: int) -> None:
    dz, a_prev = ctx.dE_dz(layer, k), ctx.a(layer - 1, j)
    w = sym.w_sym(layer, j, k)
    chain = product(dz, Q(sym.partial(sym.z_sym(layer, k), w), a_prev.value))
    sides = [chain, product(dz, a_prev), *_expanded(ctx, layer, k, a_prev)]
    dw = ctx.dE_dw(layer, j, k)
    explanation = tr(
        "explain.dE/dw",
        ctx.lang,
        z=sym.plain_z(layer, k),
        a=sym.plain_a(layer - 1, j),
        w=sym.plain_w(layer, j, k),
        E=ctx.E_plain,
    )
    touches: set[ElementRef] = {EdgeRef(layer, j, k), UnitRef(layer - 1, j), UnitRef(layer, k)}
    rec.add("dE/dw", layer, (j, k), [dw.symbol], sides, dw.value, explanation, touches)


def _expanded(ctx: Context, layer: int, k: int, *factors: Q) -> list[Expr]:
    """The seed's last line, ∂E/∂z written out and times the factors, if asked and readable."""
    if not ctx.expanded:
        return []
    full = expanded_dz(ctx, layer, k, *factors)
    return [full] if full is not None else []


def _add_dE_db(ctx: Context, rec: Recorder, layer: int, k: int) -> None:
    dz = ctx.dE_dz(layer, k)
    b = sym.b_sym(layer, k)
    sign = sym.bias_sign(layer)  # 周志华's θ = −b: ∂z/∂θ = −1
    chain = product(dz, Q(sym.partial(sym.z_sym(layer, k), b), float(sign)))
    value = sign * ctx.grads.dE_db_(layer, k, ctx.row)
    z_plain, b_plain = sym.plain_z(layer, k), sym.plain_b(layer, k)
    explanation = tr("explain.dE/db", ctx.lang, z=z_plain, b=b_plain, E=ctx.E_plain)
    touches: set[ElementRef] = {BiasRef(layer, k), UnitRef(layer, k)}
    sides = [chain, dz, *_expanded(ctx, layer, k)] if sign > 0 else [chain]
    rec.add("dE/db", layer, (k,), [ctx.dE(b)], sides, value, explanation, touches)
