"""The named mistakes of 七's optimiser lines (optimiser_update.py): weight decay, the momentum
buffer, the running averages, Adam's bias corrections and the step itself.

Each number is the step made with one slip, from the same numbers `optimisers.update` used
(the derivation's optimiser settings and state slots, the batch gradient), as the notation
names them (周志华's θ = −b: the first-order numbers change sign with the parameter).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from bpstudio.model import notation as notations
from bpstudio.model.derivation import DerivationStep
from bpstudio.model.derivation.optimiser_update import slot_value
from bpstudio.model.optimisers import OptimiserSettings, update
from bpstudio.model.practice.facts import PassFacts

Slip = tuple[str, float]  # a mistake's code and the number it gives

# the lines of 七 before the update, by their quantity without the parameter's kind
LINES = ("grad", "buffer", "square_avg", "exp_avg", "exp_avg_sq", "exp_avg_hat", "exp_avg_sq_hat")


@dataclass(frozen=True)
class UpdateNumbers:
    """One parameter's step: what `update` was given and what it returned."""

    s: OptimiserSettings
    current: float
    gradient: float  # ∂E/∂p, the batch mean
    stored: dict[str, float]  # the slots before the step
    new: dict[str, Any]  # the slots after it
    t: int  # this step's number
    lr: float

    @property
    def g(self) -> float:
        """The gradient the optimiser uses (∂E/∂p + λp with weight decay)."""
        return self.gradient + self.s.weight_decay * self.current

    def stepped(self, **changes: Any) -> tuple[float, dict[str, Any]]:
        """`update` with some settings changed: (new parameter, new slots)."""
        slots = {**self.stored, "step": self.t - 1}
        p, new = update(self.current, self.gradient, slots, replace(self.s, **changes), self.lr)
        return float(p), new


def line_of(quantity: str) -> tuple[str, str] | None:
    """(line, kind "w" | "b") of an optimiser step's quantity, "update" for the new value."""
    if quantity in ("w_new", "b_new"):
        return "update", quantity[0]
    line, _, kind = quantity.rpartition("_")
    return (line, kind) if line in LINES and kind in ("w", "b") else None


def optimiser_mistakes(f: PassFacts, step: DerivationStep) -> Iterator[Slip]:
    """The named mistakes of an optimiser line of 七 (none for the plain step)."""
    opt = f.derivation.optimiser_step
    found = line_of(step.quantity)
    if opt is None or opt.is_plain or found is None:
        return
    line, kind = found
    yield from _BY_LINE[line](update_numbers(f, step, kind))


def update_numbers(f: PassFacts, step: DerivationStep, kind: str) -> UpdateNumbers:
    """The numbers of the parameter ``step`` belongs to (``kind`` "w" or "b"), before and
    after `update`, as the derivation's notation names them."""
    opt = f.derivation.optimiser_step
    assert opt is not None
    layer, idx = step.layer, step.indices
    net, grads = f.network, f.grads
    index = layer - 2 if kind == "w" else len(net.weights) + layer - 2
    slots = opt.slots[index]
    sign = f.bias_sign(layer) if kind == "b" else 1
    with notations.writing(f.derivation.notation, f.derivation.layer_sizes):
        stored = {name: slot_value(slots, name, kind, layer, idx) for name in opt.settings.slots}
    if kind == "w":
        current = float(net.weights[layer - 2][idx[0] - 1, idx[1] - 1])
        gradient = float(grads.dW[layer - 2][idx[0] - 1, idx[1] - 1])
    else:
        if net.biases is None or grads.db is None:
            raise ValueError(f"a bias step ({step.quantity}) of a network without biases")
        current = sign * float(net.biases[layer - 2][idx[0] - 1])
        gradient = sign * float(grads.db[layer - 2][idx[0] - 1])
    t = int(slots.get("step") or 0) + 1
    numbers = UpdateNumbers(opt.settings, current, gradient, stored, {}, t, f.learning_rate)
    return replace(numbers, new=numbers.stepped()[1])


def _grad(n: UpdateNumbers) -> Iterator[Slip]:
    yield ("dropped_decay", n.gradient)


def _buffer(n: UpdateNumbers) -> Iterator[Slip]:
    mu, old = n.s.momentum, n.stored["momentum_buffer"]
    added = n.g
    if n.s.kind == "rmsprop":
        added = n.g / (math.sqrt(n.new["square_avg"]) + n.s.epsilon)
    yield ("forgot_momentum", added)
    yield ("damped_momentum", mu * old + (1 - mu) * added)
    if n.s.weight_decay:
        yield ("dropped_decay", float(n.stepped(weight_decay=0.0)[1]["momentum_buffer"]))


def _average(rate: float, old: float, new_term: float, undecayed: float | None) -> Iterator[Slip]:
    """A running average r·old + (1 − r)·new_term, with its slips (``undecayed``: the new term
    without weight decay, None without decay)."""
    yield ("dropped_one_minus", rate * old + new_term)
    yield ("swapped_rates", (1 - rate) * old + rate * new_term)
    if undecayed is not None:
        yield ("dropped_decay", rate * old + (1 - rate) * undecayed)


def _square_avg(n: UpdateNumbers) -> Iterator[Slip]:
    line = "square_avg" if n.s.kind == "rmsprop" else "exp_avg_sq"
    rate, old = (n.s.alpha if line == "square_avg" else n.s.beta2), n.stored[line]
    yield ("unsquared_gradient", rate * old + (1 - rate) * n.g)
    yield from _average(rate, old, n.g * n.g, n.gradient**2 if n.s.weight_decay else None)


def _exp_avg(n: UpdateNumbers) -> Iterator[Slip]:
    yield from _average(n.s.beta1, n.stored["exp_avg"], n.g,
                        n.gradient if n.s.weight_decay else None)  # fmt: skip


def _corrected(role: str) -> Callable[[UpdateNumbers], Iterator[Slip]]:
    def mistakes(n: UpdateNumbers) -> Iterator[Slip]:
        moment = float(n.new[role])
        rate = n.s.beta1 if role == "exp_avg" else n.s.beta2
        yield ("no_bias_correction", moment)
        yield ("step_from_zero", moment / (1 - rate ** (n.t - 1)) if n.t > 1 else math.inf)
        yield ("dropped_power", moment / (1 - rate))
        yield ("inverted_correction", moment * (1 - rate**n.t))

    return mistakes


def _update(n: UpdateNumbers) -> Iterator[Slip]:
    s, p, eta = n.s, n.current, n.lr
    if s.kind == "adam":
        m, v = float(n.new["exp_avg"]), float(n.new["exp_avg_sq"])
        m_hat, v_hat = m / (1 - s.beta1**n.t), v / (1 - s.beta2**n.t)
        yield ("no_bias_correction", p - eta * m / (math.sqrt(v) + s.epsilon))
        yield ("dropped_root", p - eta * m_hat / (v_hat + s.epsilon))
        yield ("epsilon_inside_root", p - eta * m_hat / math.sqrt(v_hat + s.epsilon))
    elif s.kind == "rmsprop":
        v = float(n.new["square_avg"])
        if s.momentum:
            yield ("forgot_momentum", n.stepped(momentum=0.0)[0])
        buffered = s.momentum * n.stored["momentum_buffer"] if s.momentum else 0.0
        yield ("dropped_root", p - eta * (buffered + n.g / (v + s.epsilon)))
        yield ("epsilon_inside_root",
                      p - eta * (buffered + n.g / math.sqrt(v + s.epsilon)))  # fmt: skip
    elif s.momentum:
        if s.nesterov:
            yield ("no_lookahead", n.stepped(nesterov=False)[0])
        yield ("forgot_momentum", p - eta * n.g)
    if s.weight_decay:
        without = n.stepped(weight_decay=0.0)[0]
        yield ("dropped_decay", without)
        yield ("decay_on_weight", without - eta * s.weight_decay * p)


_BY_LINE: dict[str, Callable[[UpdateNumbers], Iterator[Slip]]] = {
    "grad": _grad,
    "buffer": _buffer,
    "square_avg": _square_avg,
    "exp_avg": _exp_avg,
    "exp_avg_sq": _square_avg,
    "exp_avg_hat": _corrected("exp_avg"),
    "exp_avg_sq_hat": _corrected("exp_avg_sq"),
    "update": _update,
}
