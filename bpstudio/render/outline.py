"""The shape every exporter follows: phases, their sections, their steps (headings in between)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bpstudio.model.derivation import Derivation, DerivationStep, Phase, Section


def outline(d: Derivation) -> Iterator[tuple[Phase, list[tuple[Section, list[DerivationStep]]]]]:
    for phase in d.phases:
        sections = [s for s in d.sections if s.phase == phase.id and s.count]
        yield phase, [(s, list(d.steps_in_section(s.id))) for s in sections]


def new_heading(steps: list[DerivationStep], i: int) -> str:
    """The step's sub-heading when it differs from the step before's, else ""."""
    heading = steps[i].heading
    return heading if heading and (i == 0 or steps[i - 1].heading != heading) else ""


def formula_lines(formula: str) -> list[str]:
    """A formula broken before each top-level ``=``: the first piece holds the left side."""
    return re.split(r" (?== )", formula)


def network_line(d: Derivation) -> str:
    sizes = "-".join(str(n) for n in d.layer_sizes)
    acts = ", ".join(d.activations)
    if d.lang == "zh":  # the handout speaks the walkthrough's language throughout
        bias = "有偏置" if d.use_bias else "无偏置"
        return f"网络 {sizes} ({acts}; {bias}); 损失 {d.loss}; η = {d.learning_rate:g}"
    bias = "with biases" if d.use_bias else "no biases"
    return f"network {sizes} ({acts}; {bias}); loss {d.loss}; η = {d.learning_rate:g}"
