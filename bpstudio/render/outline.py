"""The shape every exporter follows: phases, their sections, their steps (headings in between)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from bpstudio.model.derivation import Derivation, DerivationStep, Phase, Section
from bpstudio.model.derivation.text import tr as derivation_text  # lupdate must not see "tr("
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
    """The summary under the title, in the document's language (the derivation writes it)."""
    return d.network_line


class Repeating(Protocol):
    """A shown step or an elision note: whether it repeats the form just shown (同理可得)."""

    @property
    def same_way(self) -> bool: ...


def same_way_lead(steps: Sequence[Repeating], i: int, lang: str) -> str:
    """The seed's 同理可得： said once, before the first of a run of repeating formulas."""
    if steps[i].same_way and (i == 0 or not steps[i - 1].same_way):
        return derivation_text("same_way", lang)
    return ""


def shown_explanation(step: DerivationStep) -> str:
    """What a document says under a formula: its explanation, once; its repetitions for other
    units follow 同理可得 and say only their own remark (the symmetry of copies), if any."""
    return step.remark if step.same_way else step.explanation
