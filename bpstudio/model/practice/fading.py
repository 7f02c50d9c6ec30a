"""Backward fading (Renkl): the worked example loses its steps from the end first.

Level 0 shows every section worked out; level 1 leaves only the last section (七, the update)
for the student; each further level hands over one more section from the end, up to the whole
derivation.  A hidden section the student completes without a slip offers the next level.
"""

from __future__ import annotations

from collections.abc import Mapping

from bpstudio.model.derivation import Derivation, Section

FIRST_PRACTICE_LEVEL = 1


def max_level(derivation: Derivation) -> int:
    return len(derivation.sections)


def clamp_level(derivation: Derivation, level: int) -> int:
    return max(0, min(int(level), max_level(derivation)))


def hidden_sections(derivation: Derivation, level: int) -> tuple[Section, ...]:
    """The sections the student computes at ``level``: the last ``level`` of them."""
    level = clamp_level(derivation, level)
    return derivation.sections[len(derivation.sections) - level :] if level else ()


def hidden_steps(derivation: Derivation, level: int) -> frozenset[int]:
    return frozenset(i for s in hidden_sections(derivation, level) for i in s.step_range)


def offers_next_level(derivation: Derivation, level: int, outcomes: Mapping[int, str]) -> bool:
    """True when the earliest hidden section was done right first time, step by step, and
    there is a section left to hand over.  ``outcomes``: step index -> outcome."""
    hidden = hidden_sections(derivation, level)
    if not hidden or level >= max_level(derivation):
        return False
    return all(outcomes.get(i) == "first_try" for i in hidden[0].step_range)
