"""The walkthrough as data: steps, the seed's sections they belong to, and the phases.

A UI steps through ``Derivation.steps`` one at a time (by unit), jumps a whole ``Section`` at a
time (the seed's 一、二、... headings), or a ``Phase`` at a time (forward, backward, update).
Everything here is immutable, so a derivation can be handed between threads as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bpstudio.model.derivation.optimiser_step import OptimiserStep
from bpstudio.model.refs import ElementRef

PHASES = ("forward", "backward", "update")


@dataclass(frozen=True)
class DerivationStep:
    index: int  # position in Derivation.steps
    phase: str  # "forward" | "backward" | "update"
    section: str  # stable id: "forward.1", "backward.2", "backward.4.layer2", "batch", ...
    section_title: str  # in the chosen language, plain Unicode
    heading: str  # a sub-heading inside the section (the seed's 隐含层内部转化), or ""
    quantity: str  # "z", "a", "Y", "E", "dE/dY", "dE/dz", "dE/dw", "dE/da", "dE/db", ...
    layer: int  # seed numbering: 1 = inputs; 0 for quantities of no one layer (E)
    indices: tuple[int, ...]  # 1-based: (unit,) or (j, k) for a weight
    symbol: str  # LaTeX of the quantity itself: "z_1^2", "\frac{\partial E}{\partial w_{11}^3}"
    symbolic: str  # LaTeX: the formula as the seed writes it, chain rule then expanded
    substituted: str  # LaTeX: the same shape with the current numbers, then the value
    value: float  # full precision
    explanation: str  # one sentence: why this step follows
    touches: frozenset[ElementRef]  # what the diagram should highlight
    # repeats the step before for another unit: the seed's 同理可得 ("in the same way"), said
    # once before the first such formula of a run (documents) or above the formula (the card)
    same_way: bool = False
    # a sentence about this step alone (the symmetry of copied hidden units), also at the end
    # of ``explanation``: documents, which leave out a repetition's explanation, still say it
    remark: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    phase: str
    title: str  # plain Unicode (GUI labels, HTML)
    title_tex: str  # the same with inline $...$ math (Markdown, LaTeX)
    first: int  # index of its first step
    count: int  # number of steps

    @property
    def step_range(self) -> range:
        return range(self.first, self.first + self.count)


@dataclass(frozen=True)
class Phase:
    id: str
    title: str
    first: int
    count: int

    @property
    def step_range(self) -> range:
        return range(self.first, self.first + self.count)


@dataclass(frozen=True)
class NoteLine:
    caption: str  # words before the formula ("变形：", "Rewritten:"), or ""
    formula: str  # LaTeX


@dataclass(frozen=True)
class Note:
    """A side derivation at the end of the document, as the seed's "Ps: 关于 sigmoid 函数求导";
    not a step of the walkthrough (no numbers), shown with the steps that use it."""

    id: str  # "ps.sigmoid"
    title: str  # plain Unicode
    lines: tuple[NoteLine, ...]
    steps: tuple[int, ...]  # the indices of the steps whose formulas it explains


@dataclass(frozen=True)
class Derivation:
    steps: tuple[DerivationStep, ...]
    sections: tuple[Section, ...]
    phases: tuple[Phase, ...]
    sample: int  # 0-based index of the walked-through sample in the dataset
    batch: tuple[int, ...]  # 0-based indices of the samples of its batch
    learning_rate: float
    loss: str
    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    use_bias: bool
    digits: int
    lang: str
    title: str  # e.g. "Backpropagation, step by step: sample 1"
    intro: str  # the loss and the meaning of Ŷ, in the chosen language
    notes: tuple[Note, ...] = ()  # closing side derivations (notes.py)
    expanded: bool = False  # 三-六 end with the seed's fully expanded line
    jacobian: bool = False  # the softmax Jacobian written out, 一、二 of cross-entropy apart
    network_line: str = ""  # one line: sizes, activations, biases, loss, η (language's words)
    notation: str = "seed"  # the preset its symbols are written in (model.notation)
    # why a chosen preset was not used (Mazur's names exist for 2-2-2 only), or ""
    notation_fallback: str = ""
    # (network, inputs, targets) of the chosen sample, for what is computed from the same pass
    # on demand (model.gradient_paths: each gradient as a sum over paths)
    source: tuple | None = field(default=None, compare=False, repr=False)
    # the trainer's step this derivation is (1-based), or None for a chosen sample's walkthrough
    next_step: int | None = None
    momentum: float = 0.0  # μ in 七 (0: the plain step)
    optimiser: str = "sgd"  # the optimiser of 七 (model/optimisers.py KINDS); sgd for a sample
    # the settings and state slots 七 applied (None: the plain step), for what is computed
    # from the same update on demand (practice's named mistakes of the optimiser's lines)
    optimiser_step: OptimiserStep | None = field(default=None, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.steps)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def steps_in_section(self, section_id: str) -> tuple[DerivationStep, ...]:
        section = self.section(section_id)
        return self.steps[section.first : section.first + section.count]

    def steps_in_phase(self, phase: str) -> tuple[DerivationStep, ...]:
        return tuple(s for s in self.steps if s.phase == phase)

    def section_of(self, step_index: int) -> Section:
        return self.section(self.steps[step_index].section)

    def find(self, quantity: str, layer: int, *indices: int) -> DerivationStep:
        """The first step computing ``quantity`` of that layer and units."""
        for step in self.steps:
            if step.quantity == quantity and step.layer == layer and step.indices == indices:
                return step
        raise KeyError((quantity, layer, indices))
