"""Hint 2 of 七's optimiser lines: the numbers that go into the line, one per row (LaTeX), in
the derivation's notation: the setting(s), the slots before the step (or, for m̂, v̂ and the
update, the new ones the line uses) and the gradient."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bpstudio.model import notation as notations
from bpstudio.model.derivation import DerivationStep
from bpstudio.model.derivation import symbols as sym
from bpstudio.model.practice.facts import PassFacts
from bpstudio.model.practice.update_mistakes import UpdateNumbers, line_of, update_numbers

Shown = Callable[[float], str]  # a number as the walkthrough writes it


def optimiser_hints(f: PassFacts, step: DerivationStep, shown: Shown) -> tuple[str, ...]:
    """The factor hints of an optimiser line of 七 (none for the plain step)."""
    opt = f.derivation.optimiser_step
    found = line_of(step.quantity)
    if opt is None or opt.is_plain or found is None:
        return ()
    line, kind = found
    numbers = update_numbers(f, step, kind)
    with notations.writing(f.derivation.notation, f.derivation.layer_sizes):
        name = sym.w_sym if kind == "w" else sym.b_sym
        p = name(step.layer, *step.indices)
        return tuple(_Lines(numbers, p, shown).of(line))


class _Lines:
    def __init__(self, n: UpdateNumbers, p: str, shown: Shown) -> None:
        self.n, self.p, self.shown = n, p, shown

    def setting(self, role: str) -> str:
        return f"{sym.setting_sym(role)} = {self.shown(getattr(self.n.s, role))}"

    def slot(self, role: str, value: float, hat: bool = False) -> str:
        return f"{sym.state_sym(role, self.p, hat)} = {self.shown(value)}"

    def gradient(self) -> str:
        n = self.n
        name = sym.state_sym("grad", self.p) if n.s.weight_decay else sym.dE(self.p)
        return f"{name} = {self.shown(n.g)}"

    def of(self, line: str) -> Iterator[str]:
        n, stored, new = self.n, self.n.stored, self.n.new
        if line == "grad":
            yield f"{sym.dE(self.p)} = {self.shown(n.gradient)}"
            yield self.setting("weight_decay")
            yield f"{self.p} = {self.shown(n.current)}"
        elif line == "buffer":
            yield self.setting("momentum")
            yield self.slot("momentum_buffer", stored["momentum_buffer"])
            yield self.gradient()
            if n.s.kind == "rmsprop":
                yield self.slot("square_avg", float(new["square_avg"]))
                yield self.setting("epsilon")
        elif line in ("square_avg", "exp_avg_sq", "exp_avg"):
            rate = {"square_avg": "alpha", "exp_avg_sq": "beta2", "exp_avg": "beta1"}[line]
            yield self.setting(rate)
            yield self.slot(line, stored[line])
            yield self.gradient()
        elif line in ("exp_avg_hat", "exp_avg_sq_hat"):
            role = line.removesuffix("_hat")
            yield self.slot(role, float(new[role]))
            yield self.setting("beta1" if role == "exp_avg" else "beta2")
            yield f"{sym.setting_sym('step')} = {n.t}"
        else:
            yield from self.update()

    def update(self) -> Iterator[str]:
        n, new = self.n, self.n.new
        yield f"{self.p} = {self.shown(n.current)}"
        yield rf"{sym.rate_sym()} = {self.shown(n.lr)}"
        if n.s.kind == "adam":
            t = n.t
            yield self.slot("exp_avg", float(new["exp_avg"]) / (1 - n.s.beta1**t), hat=True)
            yield self.slot("exp_avg_sq", float(new["exp_avg_sq"]) / (1 - n.s.beta2**t), hat=True)
            yield self.setting("epsilon")
        elif n.s.momentum:
            yield self.slot("momentum_buffer", float(new["momentum_buffer"]))
            if n.s.kind == "sgd" and n.s.nesterov:
                yield self.gradient()
                yield self.setting("momentum")
        elif n.s.kind == "rmsprop":
            yield self.gradient()
            yield self.slot("square_avg", float(new["square_avg"]))
            yield self.setting("epsilon")
        else:
            yield self.gradient()
