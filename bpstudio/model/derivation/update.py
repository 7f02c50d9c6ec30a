"""After the gradients: the batch mean (for a batch of several samples), then 七 the update."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.expr import C, Q, bracket, juxtapose, minus, product, total
from bpstudio.model.derivation.forward import add_loss
from bpstudio.model.derivation.optimiser_step import OptimiserStep
from bpstudio.model.derivation.optimiser_text import optimiser_title
from bpstudio.model.derivation.optimiser_text import text as optimiser_text
from bpstudio.model.derivation.optimiser_update import add_optimiser_lines, numbers_of
from bpstudio.model.derivation.text import tr, update_title_key
from bpstudio.model.network import Network
from bpstudio.model.optimisers import OptimiserSettings
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
    """SGD's momentum μ and the stored buffers (`Network.parameters` order): a shorthand for
    an `OptimiserStep` of kind sgd."""

    mu: float
    buffers: Sequence[np.ndarray]

    def as_step(self) -> OptimiserStep:
        settings = OptimiserSettings("sgd", momentum=self.mu)
        return OptimiserStep(settings, [{"momentum_buffer": b, "step": 0} for b in self.buffers])


def add_update(
    ctx: Context,
    rec: Recorder,
    learning_rate: float,
    batch: Sequence[int],
    inputs: np.ndarray,
    optimiser: OptimiserStep | None = None,
) -> None:
    """七: for each weight and (unless frozen) bias the optimiser's step, `optimisers.update`
    (None: plain SGD, w ← w − η ∂E/∂w, the seed's own 七; optimiser_update.py for the others).
    Then the new loss."""
    plain = optimiser is None or optimiser.is_plain
    key = update_title_key(ctx.network.use_bias, ctx.network.freeze_biases)
    title = tr(key, ctx.lang) if plain or optimiser is None else _title(ctx, optimiser, key)
    rec.open_section("update.7", "update", title, title)
    updated = ctx.network.copy()
    batch_note = tr("explain.update.batch", ctx.lang) if len(batch) > 1 else ""
    trained = [
        (kind, layer, idx)
        for kind, layer, idx in parameters(ctx)
        if not (kind == "b" and ctx.network.freeze_biases)
    ]
    if plain or optimiser is None:
        for param in trained:
            new_value = _add_plain_step(ctx, rec, learning_rate, param, batch_note)
            _store(updated, *param, new_value)
    else:
        steps = [
            numbers_of(
                ctx,
                optimiser,
                param,
                (_symbol(*param), _plain(*param)),
                _current(ctx.network, *param),
                _batch_gradient(ctx, *param),
                learning_rate,
            )
            for param in trained
        ]
        add_optimiser_lines(ctx, rec, optimiser, steps, batch_note)
        for numbers in steps:
            _store(updated, *numbers.param, numbers.new_value)
    _add_new_loss(ctx, rec, updated, inputs)


def _add_plain_step(ctx: Context, rec: Recorder, learning_rate: float, param, batch_note: str):
    """w ← w − η ∂E/∂w (the trainer's rule with μ = 0); returns the new value."""
    kind, layer, idx = param
    p = _symbol(kind, layer, idx)
    current = _current(ctx.network, kind, layer, idx)
    gradient = _batch_gradient(ctx, kind, layer, idx)
    new_value = momentum_update(current, gradient, None, learning_rate, 0.0)[0]
    side = minus(Q(p, current), product(Q(sym.rate_sym(), learning_rate), Q(sym.dE(p), gradient)))
    explanation = tr("explain.update", ctx.lang, p=_plain(kind, layer, idx), batch=batch_note)
    rec.add(f"{kind}_new", layer, idx, [p], [side], new_value, explanation,
            {_ref(kind, layer, idx)}, relation=r"\leftarrow")  # fmt: skip
    return new_value


def _title(ctx: Context, optimiser: OptimiserStep, key: str) -> str:
    """七's title for an optimiser other than plain SGD: what it updates, how, its rule."""
    what = {"section.update": "what", "section.update.no_bias": "what.no_bias"}.get(
        key, "what.frozen"
    )
    return optimiser_title(optimiser.settings, optimiser_text(what, ctx.lang), ctx.lang)


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
