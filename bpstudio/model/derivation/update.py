"""After the gradients: the batch mean (for a batch of several samples), then 七 the update."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation import update_text
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.expr import C, Q, bracket, juxtapose, minus, product, total
from bpstudio.model.derivation.forward import add_loss
from bpstudio.model.derivation.text import tr, update_title_key
from bpstudio.model.network import Network
from bpstudio.model.refs import BiasRef, EdgeRef
from bpstudio.model.training import momentum_update


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
    return sym.bias_sign(layer) * float(db[layer - 2][idx[0] - 1])


def _sample_gradient(ctx: Context, kind: str, layer: int, idx: tuple[int, ...], row: int):
    if kind == "w":
        return ctx.grads.dE_dw_(layer, idx[0], idx[1], row)
    return sym.bias_sign(layer) * ctx.grads.dE_db_(layer, idx[0], row)


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


@dataclass(frozen=True)
class Momentum:
    """The optimiser's momentum μ and the stored buffers (`Network.parameters` order)."""

    mu: float
    buffers: Sequence[np.ndarray]


def add_update(
    ctx: Context,
    rec: Recorder,
    learning_rate: float,
    batch: Sequence[int],
    inputs: np.ndarray,
    momentum: Momentum | None = None,
) -> None:
    """七: for each weight and (unless frozen) bias, w ← w − η ∂E/∂w; with momentum, torch's
    rule (`training.momentum_update`): b ← μ·b + ∂E/∂w, then w ← w − η·b.  Then the new loss."""
    with_momentum = momentum is not None and momentum.mu != 0.0
    key = update_title_key(ctx.network.use_bias, ctx.network.freeze_biases)
    if with_momentum:  # the same three titles, with momentum (update_text.py)
        title = update_text.text(key.replace("section.update", "section.update.momentum"), ctx.lang)
    else:
        title = tr(key, ctx.lang)
    rec.open_section("update.7", "update", title, title)
    updated = ctx.network.copy()
    eta = Q(sym.rate_sym(), learning_rate)
    batch_note = tr("explain.update.batch", ctx.lang) if len(batch) > 1 else ""
    trained = [
        (kind, layer, idx)
        for kind, layer, idx in parameters(ctx)
        if not (kind == "b" and ctx.network.freeze_biases)
    ]
    # With momentum every buffer first, then every weight (as torch.optim.SGD steps): each run
    # of like formulas is then said once (同理可得), not after every other line.
    buffers = {}
    if with_momentum and momentum is not None:
        for param in trained:
            stored = _buffer_value(ctx.network, momentum.buffers, *param)
            gradient = _batch_gradient(ctx, *param)
            step = momentum_update(0.0, gradient, stored, 0.0, momentum.mu)[1]
            _add_buffer(ctx, rec, momentum.mu, param, stored, gradient, step, batch_note)
            buffers[param] = stored
    for kind, layer, idx in trained:
        p = _symbol(kind, layer, idx)
        current = _current(ctx.network, kind, layer, idx)
        gradient = _batch_gradient(ctx, kind, layer, idx)
        touches = {_ref(kind, layer, idx)}
        if with_momentum and momentum is not None:  # the trainer's rule, training.momentum_update
            stored = buffers[(kind, layer, idx)]
            new_value, step = momentum_update(current, gradient, stored, learning_rate, momentum.mu)
            side = minus(Q(p, current), product(eta, Q(buffer_sym(p), step)))
            explanation = update_text.text(
                "explain.update.momentum", ctx.lang, p=_plain(kind, layer, idx)
            )
        else:
            new_value = momentum_update(current, gradient, None, learning_rate, 0.0)[0]
            side = minus(Q(p, current), product(eta, Q(sym.dE(p), gradient)))
            explanation = tr(
                "explain.update", ctx.lang, p=_plain(kind, layer, idx), batch=batch_note
            )
        _store(updated, kind, layer, idx, new_value)
        rec.add(f"{kind}_new", layer, idx, [p], [side], new_value, explanation, touches,
                relation=r"\leftarrow")  # fmt: skip
    _add_new_loss(ctx, rec, updated, inputs)


def buffer_sym(p: str) -> str:
    """The momentum buffer of parameter ``p`` (LaTeX): b with the parameter as its subscript,
    so it is never read as a bias b_k^l."""
    return rf"b_{{[{p}]}}"


def _add_buffer(ctx, rec, mu: float, param, stored, gradient, new_buffer, batch_note) -> None:
    """b ← μ·b + ∂E/∂w for ``param`` (kind, layer, indices), with the stored buffer's number."""
    kind, layer, idx = param
    p = _symbol(kind, layer, idx)
    b = buffer_sym(p)
    side = total(product(Q(r"\mu", mu), Q(b, stored)), Q(sym.dE(p), gradient))
    explanation = update_text.text(
        "explain.buffer",
        ctx.lang,
        b=f"b[{_plain(kind, layer, idx)}]",
        p=_plain(kind, layer, idx),
        mu=f"{mu:g}",
        batch=batch_note,
    )
    rec.add(f"buffer_{kind}", layer, idx, [b], [side], new_buffer, explanation,
            {_ref(kind, layer, idx)}, relation=r"\leftarrow")  # fmt: skip


def _buffer_value(net: Network, buffers, kind: str, layer: int, idx: tuple[int, ...]) -> float:
    if kind == "w":
        return float(buffers[layer - 2][idx[0] - 1, idx[1] - 1])
    # 周志华's threshold θ = −b: its buffer is the negated bias buffer
    return sym.bias_sign(layer) * float(buffers[len(net.weights) + layer - 2][idx[0] - 1])


def _plain(kind: str, layer: int, idx: tuple[int, ...]) -> str:
    return sym.plain_w(layer, *idx) if kind == "w" else sym.plain_b(layer, *idx)


def _current(net: Network, kind: str, layer: int, idx: tuple[int, ...]) -> float:
    """A parameter as the notation names it (周志华's threshold θ is the negated bias)."""
    if kind == "w":
        return float(net.weights[layer - 2][idx[0] - 1, idx[1] - 1])
    if net.biases is None:
        raise ValueError("this network has no biases")
    return sym.bias_sign(layer) * float(net.biases[layer - 2][idx[0] - 1])


def _store(net: Network, kind: str, layer: int, idx: tuple[int, ...], value: float) -> None:
    """Store a parameter given as the notation names it (θ back to the bias −θ)."""
    if kind == "w":
        net.weights[layer - 2][idx[0] - 1, idx[1] - 1] = value
    elif net.biases is not None:
        net.biases[layer - 2][idx[0] - 1] = sym.bias_sign(layer) * value
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
    add_loss(ctx, rec, "E_new", ctx.E_new, ys, value, explanation)
