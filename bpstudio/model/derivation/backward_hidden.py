"""The backward pass through each hidden layer, from the back: 四 ∂E/∂a, 五 ∂E/∂z, 六 ∂E/∂w.

The seed has one hidden layer; deeper networks repeat 四-六 for each earlier layer.  The layer
just before the output gets the seed's ids (``backward.4``); earlier ones name their layer
(``backward.4.layer2``), so every id is unique and the seed's stay as the seed numbers them.
"""

from __future__ import annotations

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.backward_output import add_elementwise_dE_dz_step
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.expansion import expanded_da
from bpstudio.model.derivation.expr import Q, product, total
from bpstudio.model.derivation.text import numeral, tr
from bpstudio.model.derivation.titles import fill, loss_list, symbol_list
from bpstudio.model.derivation.weights import add_parameter_gradients
from bpstudio.model.refs import EdgeRef, ElementRef, UnitRef


def section_id(ctx: Context, number: int, layer: int) -> str:
    base = f"backward.{number}"
    return base if layer == ctx.n_layers - 1 else f"{base}.layer{layer}"


def add_hidden_layers(ctx: Context, rec: Recorder) -> None:
    for layer in range(ctx.n_layers - 1, 1, -1):
        _open(
            ctx,
            rec,
            layer,
            4,
            [(sym.plain_a(layer, j), sym.a_sym(layer, j)) for j in ctx.units(layer)],
        )
        for j in ctx.units(layer):
            _add_dE_da(ctx, rec, layer, j)
        _open(
            ctx,
            rec,
            layer,
            5,
            [(sym.plain_z(layer, j), sym.z_sym(layer, j)) for j in ctx.units(layer)],
        )
        for j in ctx.units(layer):
            add_elementwise_dE_dz_step(ctx, rec, layer, j)
        add_parameter_gradients(ctx, rec, layer, section_id(ctx, 6, layer), 6)


def _open(ctx: Context, rec: Recorder, layer: int, number: int, symbols) -> None:
    title, title_tex = fill(
        "section.backward.n",
        ctx.lang,
        {"symbols": symbol_list(symbols), **loss_list(ctx)},
        numeral=numeral(number, ctx.lang),
    )
    rec.open_section(section_id(ctx, number, layer), "backward", title, title_tex)


def _add_dE_da(ctx: Context, rec: Recorder, layer: int, j: int) -> None:
    """∂E/∂a_j^l = Σ_k ∂E/∂z_k^{l+1} · ∂z_k^{l+1}/∂a_j^l = Σ_k ∂E/∂z_k^{l+1} · w_{jk}^{l+1}."""
    after = layer + 1
    a = sym.a_sym(layer, j)
    chain_terms, expanded_terms = [], []
    for k in ctx.units(after):
        dz, w = ctx.dE_dz(after, k), ctx.w(after, j, k)
        chain_terms.append(product(dz, Q(sym.partial(sym.z_sym(after, k), a), w.value)))
        expanded_terms.append(product(dz, w))
    da = ctx.dE_da(layer, j)
    explanation = tr("explain.dE/da", ctx.lang, a=sym.plain_a(layer, j), E=ctx.E_plain)
    touches: set[ElementRef] = {UnitRef(layer, j)}
    touches |= {EdgeRef(after, j, k) for k in ctx.units(after)}
    touches |= {UnitRef(after, k) for k in ctx.units(after)}
    sides = [total(*chain_terms), total(*expanded_terms)]
    if ctx.expanded:
        full = expanded_da(ctx, layer, j)
        sides += [full] if full is not None else []
    rec.add("dE/da", layer, (j,), [da.symbol], sides, da.value, explanation, touches)
