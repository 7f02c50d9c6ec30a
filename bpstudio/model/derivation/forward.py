"""The forward pass, in the seed's sections: (1) input → hidden, z then a; (2) ...; (n) output."""

from __future__ import annotations

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.expr import minus, product, total
from bpstudio.model.derivation.loss_tex import loss_expr
from bpstudio.model.derivation.slopes import activation_sides
from bpstudio.model.derivation.text import tr
from bpstudio.model.derivation.titles import layer_name
from bpstudio.model.refs import BiasRef, EdgeRef, ElementRef, UnitRef


def add_forward(ctx: Context, rec: Recorder) -> None:
    for layer in range(2, ctx.n_layers + 1):
        _open_link_section(ctx, rec, layer)
        for k in ctx.units(layer):
            _add_z(ctx, rec, layer, k)
        heading = _inside_heading(ctx, layer)
        for k in ctx.units(layer):
            _add_a(ctx, rec, layer, k, heading)
    _add_output(ctx, rec)


def _inside_heading(ctx: Context, layer: int) -> str:
    """隐含层内部转化, 隐含层 1 内部转化 (a space after a number, none between Chinese words)."""
    name = layer_name(layer, ctx.n_layers, ctx.lang)
    if ctx.lang == "zh" and name[-1].isdigit():
        name += " "
    a, z = (sym.glyph(role, layer, unit="") for role in ("activation", "net"))
    return tr("heading.inside", ctx.lang, layer=name, a=a.base, z=z.base)


def _open_link_section(ctx: Context, rec: Recorder, layer: int) -> None:
    names = [layer_name(n, ctx.n_layers, ctx.lang) for n in (layer - 1, layer)]
    if ctx.lang == "en":
        names = [n[0].upper() + n[1:] for n in names]
    title = tr("section.forward.link", ctx.lang, n=layer - 1, source=names[0], target=names[1])
    rec.open_section(f"forward.{layer - 1}", "forward", title, title)


def _add_z(ctx: Context, rec: Recorder, layer: int, k: int) -> None:
    sources = ctx.units(layer - 1)
    terms = [product(ctx.a(layer - 1, j), ctx.w(layer, j, k)) for j in sources]
    touches: set[ElementRef] = {UnitRef(layer, k)}
    touches |= {EdgeRef(layer, j, k) for j in sources} | {UnitRef(layer - 1, j) for j in sources}
    side = total(*terms)
    if ctx.network.use_bias:
        # 周志华 subtracts a threshold (β = Σ − θ); the others add a bias
        side = (
            minus(side, ctx.b(layer, k))
            if sym.bias_sign(layer) < 0
            else total(*terms, ctx.b(layer, k))
        )
        touches.add(BiasRef(layer, k))
    bias = tr("explain.z.bias", ctx.lang) if ctx.network.use_bias else ""
    explanation = tr("explain.z", ctx.lang, unit=sym.plain_z(layer, k), bias=bias)
    z = ctx.z(layer, k)
    rec.add("z", layer, (k,), [z.symbol], [side], z.value, explanation, touches)


def _add_a(ctx: Context, rec: Recorder, layer: int, k: int, heading: str) -> None:
    name = ctx.network.activations[layer - 2]
    layer_z = [ctx.z(layer, m) for m in ctx.units(layer)]
    sides = activation_sides(name, ctx.z(layer, k), layer_z)
    if name == "softmax":
        explanation = tr("explain.a.softmax", ctx.lang, a=sym.plain_a(layer, k))
        touches = {UnitRef(layer, m) for m in ctx.units(layer)}
    else:
        z, a = sym.plain_z(layer, k), sym.plain_a(layer, k)
        explanation = tr("explain.a", ctx.lang, name=name, z=z, a=a)
        touches = {UnitRef(layer, k)}
    a_k = ctx.a(layer, k)
    rec.add("a", layer, (k,), [a_k.symbol], sides, a_k.value, explanation, touches, heading)


def _add_output(ctx: Context, rec: Recorder) -> None:
    last = ctx.n_layers
    title = tr("section.forward.output", ctx.lang, n=last)
    rec.open_section("forward.output", "forward", title, title)
    for k in ctx.units(last):
        y = ctx.y(k)
        lhs = [y.symbol, sym.a_sym(last, k)]
        explanation = tr("explain.Y", ctx.lang, y=sym.plain_y(k), a=sym.plain_a(last, k))
        rec.add("Y", last, (k,), lhs, [], y.value, explanation, {UnitRef(last, k)})
    losses = ctx.network.per_sample_loss(ctx.trace, ctx.targets, ctx.loss)
    ys = [ctx.y(k) for k in ctx.units(last)]
    explanation = tr("explain.E", ctx.lang, E=ctx.E_plain)
    add_loss(ctx, rec, "E", ctx.E, ys, float(losses[ctx.row]), explanation)


def add_loss(
    ctx: Context, rec: Recorder, quantity: str, symbol: str, ys, value: float, explanation: str
) -> None:
    """The loss of the chosen sample for outputs ``ys`` (the current ones, or after 七)."""
    last = ctx.n_layers
    labels = [ctx.label(k) for k in ctx.units(last)]
    expr = loss_expr(ctx.loss, ctx.network.output_activation, ys, labels)
    touches = {UnitRef(last, k) for k in ctx.units(last)}
    rec.add(quantity, last, (), [symbol], [expr], value, explanation, touches)
