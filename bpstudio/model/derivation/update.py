"""After the gradients: the batch mean (for a batch of several samples), then 七 the update."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.expr import C, Q, bracket, juxtapose, minus, product, total
from bpstudio.model.derivation.forward import add_loss
from bpstudio.model.derivation.text import tr, update_title_key
from bpstudio.model.network import Network
from bpstudio.model.refs import BiasRef, EdgeRef


def parameters(ctx: Context) -> Iterator[tuple[str, int, tuple[int, ...]]]:
    """Every weight and bias as ``(kind, layer, indices)``, layer 2 first, in the seed's order."""
    for layer in range(2, ctx.n_layers + 1):
        for k in ctx.units(layer):
            for j in ctx.units(layer - 1):
                yield "w", layer, (j, k)
        if ctx.network.use_bias:
            for k in ctx.units(layer):
                yield "b", layer, (k,)


def _symbol(kind: str, layer: int, idx: tuple[int, ...]) -> str:
    return sym.w_sym(layer, *idx) if kind == "w" else sym.b_sym(layer, *idx)


def _ref(kind: str, layer: int, idx: tuple[int, ...]):
    return EdgeRef(layer, *idx) if kind == "w" else BiasRef(layer, *idx)


def _batch_gradient(ctx: Context, kind: str, layer: int, idx: tuple[int, ...]) -> float:
    if kind == "w":
        return float(ctx.grads.dW[layer - 2][idx[0] - 1, idx[1] - 1])
    db = ctx.grads.db
    if db is None:
        raise ValueError("this network has no biases")
    return float(db[layer - 2][idx[0] - 1])


def _sample_gradient(ctx: Context, kind: str, layer: int, idx: tuple[int, ...], row: int):
    if kind == "w":
        return ctx.grads.dE_dw_(layer, idx[0], idx[1], row)
    return ctx.grads.dE_db_(layer, idx[0], row)


def add_batch_mean(ctx: Context, rec: Recorder, batch: Sequence[int]) -> None:
    """∂E/∂w = (1/B)[∂E^{(s_1)}/∂w + ...]: the batch loss is the mean of the samples' losses."""
    names = ", ".join(str(s + 1) for s in batch)
    title = tr("section.batch", ctx.lang, samples=names)
    rec.open_section("batch", "backward", title, title)
    explanation = tr("explain.batch", ctx.lang, samples=names)
    for kind, layer, idx in parameters(ctx):
        p = _symbol(kind, layer, idx)
        terms = [
            Q(sym.sample_dE(p, s + 1), _sample_gradient(ctx, kind, layer, idx, row))
            for row, s in enumerate(batch)
        ]
        side = juxtapose(C(rf"\frac{{1}}{{{len(batch)}}}"), bracket(total(*terms)))
        value = _batch_gradient(ctx, kind, layer, idx)
        quantity = f"dE/d{kind}_batch"
        touches = {_ref(kind, layer, idx)}
        rec.add(quantity, layer, idx, [sym.dE(p)], [side], value, explanation, touches)


def add_update(
    ctx: Context, rec: Recorder, learning_rate: float, batch: Sequence[int], inputs: np.ndarray
) -> None:
    """七: w ← w - η ∂E/∂w for each weight and (unless frozen) bias, then the new loss."""
    title = tr(update_title_key(ctx.network.use_bias, ctx.network.freeze_biases), ctx.lang)
    rec.open_section("update.7", "update", title, title)
    updated = ctx.network.copy()
    eta = Q(r"\eta", learning_rate)
    batch_note = tr("explain.update.batch", ctx.lang) if len(batch) > 1 else ""
    for kind, layer, idx in parameters(ctx):
        if kind == "b" and ctx.network.freeze_biases:
            continue
        p = _symbol(kind, layer, idx)
        current = _current(ctx.network, kind, layer, idx)
        gradient = _batch_gradient(ctx, kind, layer, idx)
        new_value = current - learning_rate * gradient
        _store(updated, kind, layer, idx, new_value)
        side = minus(Q(p, current), product(eta, Q(sym.dE(p), gradient)))
        explanation = tr("explain.update", ctx.lang, p=_plain(kind, layer, idx), batch=batch_note)
        touches = {_ref(kind, layer, idx)}
        rec.add(f"{kind}_new", layer, idx, [p], [side], new_value, explanation, touches,
                relation=r"\leftarrow")  # fmt: skip
    _add_new_loss(ctx, rec, updated, inputs)


def _plain(kind: str, layer: int, idx: tuple[int, ...]) -> str:
    return sym.plain_w(layer, *idx) if kind == "w" else sym.plain_b(layer, *idx)


def _current(net: Network, kind: str, layer: int, idx: tuple[int, ...]) -> float:
    if kind == "w":
        return float(net.weights[layer - 2][idx[0] - 1, idx[1] - 1])
    if net.biases is None:
        raise ValueError("this network has no biases")
    return float(net.biases[layer - 2][idx[0] - 1])


def _store(net: Network, kind: str, layer: int, idx: tuple[int, ...], value: float) -> None:
    if kind == "w":
        net.weights[layer - 2][idx[0] - 1, idx[1] - 1] = value
    elif net.biases is not None:
        net.biases[layer - 2][idx[0] - 1] = value
    else:
        raise ValueError("this network has no biases")


def _add_new_loss(ctx: Context, rec: Recorder, updated: Network, inputs: np.ndarray) -> None:
    """The chosen sample's loss E' with the updated weights (outputs Y'_k)."""
    trace = updated.forward(inputs[None, :])
    target = ctx.targets[ctx.row : ctx.row + 1]
    value = float(updated.per_sample_loss(trace, target, ctx.loss)[0])
    ys = [Q(sym.y_new_sym(k), float(trace.output[0, k - 1])) for k in ctx.units(ctx.n_layers)]
    old = float(ctx.network.per_sample_loss(ctx.trace, ctx.targets, ctx.loss)[ctx.row])
    compare = tr("explain.E_new.lower" if value < old else "explain.E_new.higher", ctx.lang)
    explanation = tr("explain.E_new", ctx.lang, compare=compare)
    add_loss(ctx, rec, "E_new", "E'", ys, value, explanation)
