"""The shape every exporter follows: phases, their sections, their steps (headings in between)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bpstudio.model.derivation import Derivation, DerivationStep, Phase, Section
from bpstudio.render.elision import Elided, handout_steps

Shown = DerivationStep | Elided


def outline(d: Derivation) -> Iterator[tuple[Phase, list[tuple[Section, list[Shown]]]]]:
    """The phases, their sections and the steps a handout shows (big layers elided)."""
    for phase in d.phases:
        sections = [s for s in d.sections if s.phase == phase.id and s.count]
        yield phase, [(s, handout_steps(list(d.steps_in_section(s.id)), d.lang)) for s in sections]


def new_heading(steps: list[Shown], i: int) -> str:
    """The step's sub-heading when it differs from the step before's, else ""."""
    heading = steps[i].heading
    return heading if heading and (i == 0 or steps[i - 1].heading != heading) else ""


def formula_lines(formula: str) -> list[str]:
    """A formula broken before each top-level ``=``: the first piece holds the left side."""
    return re.split(r" (?== )", formula)


def network_line(d: Derivation) -> str:
    sizes = "-".join(str(n) for n in d.layer_sizes)
    acts = ", ".join(d.activations)
    bias = "with biases" if d.use_bias else "no biases"
    return f"network {sizes} ({acts}; {bias}); loss {d.loss}; η = {d.learning_rate:g}"
