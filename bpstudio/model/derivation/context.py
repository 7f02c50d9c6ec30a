"""What every part of the builder shares: the numbers of one pass, and the growing step list.

``Context`` turns the seed's symbols into quantities with their values for the chosen sample
(``ctx.a(2, 1)`` is ``a_1^2`` with its value), so the builders never index arrays themselves.
``Recorder`` prints each formula both ways and numbers the steps and sections.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.expr import Expr, Q
from bpstudio.model.derivation.numbers import atom_number, operand_digits, plain_number
from bpstudio.model.derivation.steps import DerivationStep, Section
from bpstudio.model.network import Network
from bpstudio.model.refs import ElementRef
from bpstudio.model.trace import ForwardTrace, Gradients


@dataclass(frozen=True)
class Context:
    network: Network
    trace: ForwardTrace  # of the whole batch
    grads: Gradients  # of the whole batch
    targets: np.ndarray  # of the whole batch
    row: int  # the chosen sample's row in the batch
    loss: str
    lang: str
    # the chosen sample's number (from 1) when its batch holds several: steps 一-六 then name
    # its own loss, E^{(n)}, so that ∂E/∂w never means two numbers (the batch mean is ∂E/∂w)
    sample_number: int | None = None
    expanded: bool = False  # add the seed's fully expanded last line to 三-六 (expansion.py)
    jacobian: bool = False  # write out the softmax Jacobian and why 一、二 merge (jacobian.py)

    @property
    def E(self) -> str:
        return sym.loss_sym(self.sample_number)

    @property
    def E_new(self) -> str:
        """The loss after the update, E' (in the notation in force)."""
        return sym.loss_sym() + "'"

    @property
    def E_plain(self) -> str:
        return sym.plain_loss(self.sample_number)

    def dE(self, symbol: str) -> str:
        return sym.partial(self.E, symbol)

    @property
    def n_layers(self) -> int:
        return self.network.n_layers

    def size(self, layer: int) -> int:
        return self.network.layer_sizes[layer - 1]

    def units(self, layer: int) -> range:
        return range(1, self.size(layer) + 1)

    # quantities of the forward pass ----------------------------------------------------------
    def a(self, layer: int, unit: int) -> Q:
        return Q(sym.a_sym(layer, unit), self.trace.a_(layer, unit, self.row))

    def z(self, layer: int, unit: int) -> Q:
        return Q(sym.z_sym(layer, unit), self.trace.z_(layer, unit, self.row))

    def w(self, layer: int, j: int, k: int) -> Q:
        return Q(sym.w_sym(layer, j, k), float(self.network.weights[layer - 2][j - 1, k - 1]))

    def b(self, layer: int, unit: int) -> Q:
        """The bias as the notation names it: 周志华's threshold θ is the negated bias."""
        biases = self.network.biases
        if biases is None:
            raise ValueError("this network has no biases")
        return Q(sym.b_sym(layer, unit), sym.bias_sign(layer) * float(biases[layer - 2][unit - 1]))

    def y(self, unit: int) -> Q:
        return Q(sym.y_sym(unit), self.trace.a_(self.n_layers, unit, self.row))

    def label(self, unit: int) -> Q:
        return Q(sym.label_sym(unit), float(self.targets[self.row, unit - 1]))

    # quantities of the backward pass ---------------------------------------------------------
    def dE_da(self, layer: int, unit: int) -> Q:
        return Q(self.dE(sym.a_sym(layer, unit)), self.grads.dE_da_(layer, unit, self.row))

    def dE_dz(self, layer: int, unit: int) -> Q:
        return Q(self.dE(sym.z_sym(layer, unit)), self.grads.dE_dz_(layer, unit, self.row))

    def dE_dw(self, layer: int, j: int, k: int) -> Q:
        value = self.grads.dE_dw_(layer, j, k, self.row)
        return Q(self.dE(sym.w_sym(layer, j, k)), value)

    def slope_value(self, layer: int, unit: int) -> float:
        """da/dz of one unit of an elementwise activation."""
        z = self.trace.z_at(layer)[self.row, unit - 1 : unit]
        a = self.trace.a[layer - 1][self.row, unit - 1 : unit]
        return float(self.network.activation(layer).slope(z, a)[0])


@dataclass
class Recorder:
    digits: int
    lang: str
    steps: list[DerivationStep] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    _phase: str = "forward"

    def open_section(self, section_id: str, phase: str, title: str, title_tex: str) -> None:
        self._phase = phase
        self.sections.append(Section(section_id, phase, title, title_tex, len(self.steps), 0))

    def add(
        self,
        quantity: str,
        layer: int,
        indices: Sequence[int],
        lhs: Sequence[str],
        sides: Sequence[Expr],
        value: float,
        explanation: str,
        touches: Iterable[ElementRef],
        heading: str = "",
        relation: str = "=",
    ) -> None:
        if quantity == "dE/dz" and (named := sym.delta_name(layer, indices[0])):
            lhs = [named, *lhs]  # the book's name first: δ_1^{(2)} = ∂E/∂z_1^{(2)}, −g_1 = ...
        section = self.sections[-1]
        self.sections[-1] = Section(
            section.id, section.phase, section.title, section.title_tex, section.first,
            section.count + 1,
        )  # fmt: skip
        self.steps.append(
            DerivationStep(
                index=len(self.steps),
                phase=self._phase,
                section=section.id,
                section_title=section.title,
                heading=heading,
                quantity=quantity,
                layer=layer,
                indices=tuple(indices),
                symbol=lhs[0],
                symbolic=self._symbolic(lhs, sides, relation),
                substituted=self._substituted(lhs, sides, value, relation),
                value=float(value),
                explanation=explanation,
                touches=frozenset(touches),
                same_way=self._same_way(section, quantity, layer),
            )
        )

    def _same_way(self, section: Section, quantity: str, layer: int) -> bool:
        """The seed says 同理可得 ("in the same way") before formulas that repeat the one just
        shown for another unit: such a step is marked, and the renderers say it once."""
        previous = self.steps[-1] if section.count else None
        return previous is not None and (previous.quantity, previous.layer) == (quantity, layer)

    @staticmethod
    def _symbolic(lhs: Sequence[str], sides: Sequence[Expr], relation: str) -> str:
        lhs = _distinct(lhs)
        right = " = ".join(side.symbolic_tex() for side in sides)
        return f" {relation} ".join(p for p in (" = ".join(lhs), right) if p)

    def _substituted(self, lhs, sides, value: float, relation: str) -> str:
        shown = [plain_number(value, self.digits)]
        as_value = {shown[0], atom_number(value, self.digits)}
        # the numbers inside get more digits where the chosen ones would not add up (numbers.py)
        digits = operand_digits(lambda d: [s.shown_value(d) for s in sides], value, self.digits)
        numeric: list[str] = []
        for side in sides:
            if isinstance(side, Q) and side.value == value:
                continue  # the value itself, written once at the end
            text = side.tex(digits)
            # a side that is only the value, or repeats the side before, adds nothing
            if text is None or text in as_value or (numeric and numeric[-1] == text):
                continue
            numeric.append(text)
        right = " = ".join(numeric + shown)
        return f"{' = '.join(_distinct(lhs))} {relation} {right}"


def _distinct(lhs: Sequence[str]) -> list[str]:
    """Names of one quantity, each once: the seed's Y_1 = a_1^3 is 周志华's ŷ_1 alone."""
    return [name for i, name in enumerate(lhs) if name not in lhs[:i]]
