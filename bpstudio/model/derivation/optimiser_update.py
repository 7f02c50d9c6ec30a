"""七 for every optimiser: the formulas of `optimisers.update`, written out with the numbers.

The numbers are never recomputed here: each parameter's step is `optimisers.update` itself,
THE rule the trainer applies, called on the parameter's own number, its batch gradient and its
state slots (torch's names) from the trainer; the lines show its intermediate results (the new
slots it returns, Adam's bias-corrected m̂ and v̂ as it forms them) and end in its new value.

Like formulas come in runs, one run per kind of line over every trained parameter, each run
under its sub-heading (so the seed's 同理可得 is said once per run):

- weight decay (λ ≠ 0): ``g = ∂E/∂w + λ·w``, then ``g`` stands for the gradient below;
- sgd: ``b ← μ·b + g`` (μ > 0), then ``w ← w − η·g``, ``w − η·b``, or ``w − η·(g + μ·b)``
  (Nesterov);
- rmsprop: ``v ← α·v + (1 − α)·g²``, (μ > 0: ``b ← μ·b + g/(√v + ε)``), then
  ``w ← w − η·g/(√v + ε)`` or ``w − η·b``;
- adam: ``m ← β₁·m + (1 − β₁)·g``, ``v ← β₂·v + (1 − β₂)·g²``, ``m̂ = m/(1 − β₁ᵗ)``,
  ``v̂ = v/(1 − β₂ᵗ)``, then ``w ← w − η·m̂/(√v̂ + ε)``.

周志华's thresholds θ = −b: the gradient and the first-order slots (the momentum buffer, m)
are negated with the parameter and the squares are not, which is exactly `update` on −b.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.context import Context, Recorder
from bpstudio.model.derivation.expr import (
    C,
    Expr,
    Fraction,
    Q,
    Raised,
    Root,
    Square,
    minus,
    paren,
    product,
    total,
)
from bpstudio.model.derivation.optimiser_step import OptimiserStep
from bpstudio.model.derivation.optimiser_text import superscript, text
from bpstudio.model.optimisers import OptimiserSettings, bias_corrections, update
from bpstudio.model.refs import BiasRef, EdgeRef

# slots that change sign with the parameter (θ = −b): the first-order ones
_SIGNED_SLOTS = ("momentum_buffer", "exp_avg")

Param = tuple[str, int, tuple[int, ...]]  # (kind "w" | "b", layer, indices), update.parameters


@dataclass(frozen=True)
class _Param:
    """One parameter's numbers before and after `update`, as the notation names it."""

    param: Param
    p: str  # LaTeX of the parameter
    plain: str  # its plain name
    current: float
    gradient: float  # ∂E/∂p (the batch mean)
    g: Q  # the gradient the optimiser uses: ∂E/∂p, or g = ∂E/∂p + λp with weight decay
    stored: dict[str, float]  # the slots before the step
    new: dict[str, Any]  # the slots `update` returned
    new_value: float  # `update`'s new parameter
    step: int  # t: this step's number (the stored step + 1)
    learning_rate: float


def slot_value(
    slots: Mapping[str, Any], name: str, kind: str, layer: int, idx: tuple[int, ...]
) -> float:
    """One parameter's number in a state slot, as the notation in force names it."""
    value = slots.get(name)
    if value is None:
        return 0.0  # torch's lazy state: a slot never written is zero
    number = float(value[idx[0] - 1, idx[1] - 1] if kind == "w" else value[idx[0] - 1])
    return sym.bias_sign(layer) * number if kind == "b" and name in _SIGNED_SLOTS else number


def numbers_of(
    ctx: Context, opt: OptimiserStep, param: Param, names: tuple[str, str], current: float,
    gradient: float, learning_rate: float,
) -> _Param:  # fmt: skip
    """`update` on one parameter, named as the notation names it (``names``: LaTeX, plain)."""
    kind, layer, idx = param
    index = layer - 2 if kind == "w" else len(ctx.network.weights) + layer - 2
    slots = opt.slots[index]
    stored = {name: slot_value(slots, name, kind, layer, idx) for name in opt.settings.slots}
    step = int(slots.get("step") or 0)
    new_value, new = update(current, gradient, {**stored, "step": step}, opt.settings,
                            learning_rate)  # fmt: skip
    p, plain = names
    decay = opt.settings.weight_decay
    g = Q(sym.dE(p), gradient)
    if decay != 0.0:
        g = Q(sym.state_sym("grad", p), gradient + decay * current)  # as `update` forms it
    return _Param(param, p, plain, current, gradient, g, stored, new, float(new_value),
                  step + 1, learning_rate)  # fmt: skip


def _ref(param: Param) -> EdgeRef | BiasRef:
    kind, layer, idx = param
    return EdgeRef(layer, *idx) if kind == "w" else BiasRef(layer, *idx)


def _lines(settings: OptimiserSettings) -> list[str]:
    """The runs of 七, in order (see the module's docstring)."""
    runs = ["grad"] if settings.weight_decay != 0.0 else []
    if settings.kind == "sgd":
        runs += ["momentum_buffer"] if settings.momentum != 0.0 else []
    elif settings.kind == "rmsprop":
        runs += ["square_avg"] + (["momentum_buffer"] if settings.momentum != 0.0 else [])
    else:
        runs += ["exp_avg", "exp_avg_sq", "exp_avg_hat", "exp_avg_sq_hat"]
    return [*runs, "update"]


def add_optimiser_lines(
    ctx: Context, rec: Recorder, opt: OptimiserStep, params: Sequence[_Param], batch_note: str
) -> None:
    """Every run of 七's lines for ``params`` (numbers_of each trained parameter)."""
    for line in _lines(opt.settings):
        heading = text("heading.exp_avg_hat" if line.endswith("_hat") else f"heading.{line}",
                       ctx.lang)  # fmt: skip
        for numbers in params:
            _add_line(ctx, rec, opt.settings, line, numbers, heading, batch_note)


def _setting(role: str, value: float) -> Q:
    return Q(sym.setting_sym(role), value)


def _state(role: str, numbers: _Param, value: float, hat: bool = False) -> Q:
    return Q(sym.state_sym(role, numbers.p, hat), value)


def _scaled(numbers: _Param, v: Q, eps: float) -> Expr:
    """g / (√v + ε)."""
    return Fraction(numbers.g, total(Root(v), _setting("epsilon", eps)))


def _one_minus(q: Q) -> Expr:
    return paren(minus(C("1"), q))


def _add_line(
    ctx: Context,
    rec: Recorder,
    s: OptimiserSettings,
    line: str,
    numbers: _Param,
    heading: str,
    batch_note: str,
) -> None:
    kind, layer, idx = numbers.param
    new, stored, g = numbers.new, numbers.stored, numbers.g
    relation = r"\leftarrow"
    if line == "grad":
        lhs, value = g.symbol, g.value
        side: Expr = total(
            Q(sym.dE(numbers.p), numbers.gradient),
            product(_setting("weight_decay", s.weight_decay), Q(numbers.p, numbers.current)),
        )
        relation, key = "=", "explain.grad"
    elif line == "momentum_buffer":
        b_old = _state("momentum_buffer", numbers, stored["momentum_buffer"])
        added = g if s.kind == "sgd" else _scaled(numbers, _v_new(numbers), s.epsilon)
        side = total(product(_setting("momentum", s.momentum), b_old), added)
        lhs, value = b_old.symbol, float(new["momentum_buffer"])
        key = "explain.momentum_buffer" if s.kind == "sgd" else "explain.rmsprop_buffer"
    elif line in ("square_avg", "exp_avg_sq"):
        rate = _setting("alpha" if line == "square_avg" else "beta2",
                        s.alpha if line == "square_avg" else s.beta2)  # fmt: skip
        old = _state(line, numbers, stored[line])
        side = total(product(rate, old), product(_one_minus(rate), Square(g)))
        lhs, value, key = old.symbol, float(new[line]), f"explain.{line}"
    elif line == "exp_avg":
        rate = _setting("beta1", s.beta1)
        old = _state("exp_avg", numbers, stored["exp_avg"])
        side = total(product(rate, old), product(_one_minus(rate), g))
        lhs, value, key = old.symbol, float(new["exp_avg"]), "explain.exp_avg"
    elif line in ("exp_avg_hat", "exp_avg_sq_hat"):
        role = line.removesuffix("_hat")
        rate = _setting("beta1" if role == "exp_avg" else "beta2",
                        s.beta1 if role == "exp_avg" else s.beta2)  # fmt: skip
        t = Q(sym.setting_sym("step"), float(numbers.step))
        moment = _state(role, numbers, float(new[role]))
        side = Fraction(moment, minus(C("1"), Raised(rate, t)))
        lhs, value = sym.state_sym(role, numbers.p, hat=True), _corrected(s, numbers, role)
        relation, key = "=", f"explain.{line}"
    else:
        lhs, value = numbers.p, numbers.new_value
        side, key = _update_side(s, numbers), _update_key(s)
    explanation = text(key, ctx.lang, **_words(numbers, s, batch_note, key))
    rec.add(_quantity(line, kind), layer, idx, [lhs], [side], value, explanation,
            {_ref(numbers.param)}, heading=heading, relation=relation)  # fmt: skip


def _corrected(s: OptimiserSettings, numbers: _Param, role: str) -> float:
    """m̂ or v̂ exactly as `update` forms it: the new moment over its bias correction."""
    correction1, correction2 = bias_corrections(s, numbers.step)
    return float(numbers.new[role]) / (correction1 if role == "exp_avg" else correction2)


def _v_new(numbers: _Param) -> Q:
    return _state("square_avg", numbers, float(numbers.new["square_avg"]))


def _update_side(s: OptimiserSettings, numbers: _Param) -> Expr:
    eta = Q(sym.rate_sym(), numbers.learning_rate)
    p = Q(numbers.p, numbers.current)
    if s.kind == "adam":
        m_hat = _state("exp_avg", numbers, _corrected(s, numbers, "exp_avg"), hat=True)
        v_hat = _state("exp_avg_sq", numbers, _corrected(s, numbers, "exp_avg_sq"), hat=True)
        step: Expr = Fraction(m_hat, total(Root(v_hat), _setting("epsilon", s.epsilon)))
    elif s.momentum != 0.0:
        b = _state("momentum_buffer", numbers, float(numbers.new["momentum_buffer"]))
        step = b
        if s.kind == "sgd" and s.nesterov:
            step = paren(total(numbers.g, product(_setting("momentum", s.momentum), b)))
    elif s.kind == "rmsprop":
        step = _scaled(numbers, _v_new(numbers), s.epsilon)
    else:
        step = numbers.g
    return minus(p, product(eta, step))


def _update_key(s: OptimiserSettings) -> str:
    if s.kind == "adam":
        return "explain.adam"
    if s.momentum != 0.0:
        return "explain.nesterov" if s.kind == "sgd" and s.nesterov else "explain.momentum"
    return "explain.rmsprop" if s.kind == "rmsprop" else "explain.sgd"


_QUANTITY = {"momentum_buffer": "buffer", "update": None}


def _quantity(line: str, kind: str) -> str:
    """``w_new``/``b_new`` for the update, ``buffer_w``, ``exp_avg_w``, ... before it."""
    if line == "update":
        return f"{kind}_new"
    return f"{_QUANTITY.get(line, line)}_{kind}"


def _words(numbers: _Param, s: OptimiserSettings, batch_note: str, key: str) -> dict[str, Any]:
    """The names the sentences use, in the notation in force, and ``value``: the setting the
    sentence ``key`` quotes."""
    plain = numbers.plain
    E = sym.words()["E"]
    return {
        "p": plain,
        "g": sym.plain_state("grad", plain) if s.weight_decay else f"∂{E}/∂{plain}",
        "b": sym.plain_state("momentum_buffer", plain),
        "v": sym.plain_state("square_avg" if s.kind == "rmsprop" else "exp_avg_sq", plain),
        "m": sym.plain_state("exp_avg", plain),
        "mhat": sym.plain_state("exp_avg", plain, hat=True),
        "vhat": sym.plain_state("exp_avg_sq", plain, hat=True),
        "mu": sym.plain_setting("momentum"),
        "alpha": sym.plain_setting("alpha"),
        "beta1": sym.plain_setting("beta1"),
        "beta2": sym.plain_setting("beta2"),
        "eps": sym.plain_setting("epsilon"),
        "lam": sym.plain_setting("weight_decay"),
        "t": sym.plain_setting("step"),
        "t_sup": superscript(sym.plain_setting("step")),
        "step": str(numbers.step),
        "step_sup": superscript(str(numbers.step)),
        "batch": batch_note,
        "value": f"{getattr(s, _QUOTED.get(key, 'epsilon')):g}",
    }


# the setting each sentence quotes ("keep β₁ = 0.9 of it")
_QUOTED = {
    "explain.grad": "weight_decay",
    "explain.momentum_buffer": "momentum",
    "explain.rmsprop_buffer": "momentum",
    "explain.nesterov": "momentum",
    "explain.square_avg": "alpha",
    "explain.exp_avg": "beta1",
    "explain.exp_avg_sq": "beta2",
}
