"""What the student did at each step of an exercise, and the record kept with the project.

An exercise is one derivation's numbers (its fingerprint); each step keeps how many judged
tries went wrong, how far up the hint ladder the student went, the mistakes named, and how it
ended: ``first_try`` (right at once, no hint), ``after_help`` (right after a wrong try or a
hint) or ``revealed``.  Every value here is immutable: an answer gives a new record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cached_property

from bpstudio.model.derivation import Derivation, DerivationStep
from bpstudio.model.practice.checker import Verdict
from bpstudio.model.practice.fading import FIRST_PRACTICE_LEVEL

OUTCOMES = ("first_try", "after_help", "revealed")
KEPT_EXERCISES = 50  # the newest ones; an older exercise's progress is dropped


def step_key(step: DerivationStep) -> str:
    """A step's name that survives rebuilding the derivation in another language or digits."""
    indices = ",".join(str(i) for i in step.indices)
    return f"{step.section}|{step.quantity}|{step.layer}|{indices}"


def fingerprint(derivation: Derivation) -> str:
    """The exercise's identity: its sample and every step's number (12 significant digits)."""
    text = (
        ";".join(f"{step_key(s)}={s.value:.12g}" for s in derivation.steps)
        + f";sample={derivation.sample}"
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class StepProgress:
    wrong: int = 0  # judged tries that were not right
    hints: int = 0  # the highest hint asked for (0: none)
    mistakes: tuple[str, ...] = ()  # the codes named, in order
    outcome: str = ""  # "" while open, else one of OUTCOMES

    @property
    def done(self) -> bool:
        return bool(self.outcome)

    def answered(self, verdict: Verdict) -> StepProgress:
        if self.done or not verdict.counts:
            return self
        if verdict.kind == "correct":
            clean = self.wrong == 0 and self.hints == 0
            return replace(self, outcome="first_try" if clean else "after_help")
        codes = self.mistakes + ((verdict.code,) if verdict.code else ())
        return replace(self, wrong=self.wrong + 1, mistakes=codes)

    def hinted(self, level: int) -> StepProgress:
        if self.done:
            return self
        return replace(self, hints=max(self.hints, int(level)))

    def revealed(self) -> StepProgress:
        return self if self.done else replace(self, outcome="revealed", hints=3)


@dataclass(frozen=True)
class ExerciseProgress:
    fingerprint: str
    steps: tuple[tuple[str, StepProgress], ...] = ()  # (step key, progress), in answer order

    def get(self, key: str) -> StepProgress:
        return self._by_key.get(key, StepProgress())

    @cached_property
    def _by_key(self) -> dict[str, StepProgress]:
        return dict(self.steps)

    def with_step(self, key: str, progress: StepProgress) -> ExerciseProgress:
        others = tuple((k, p) for k, p in self.steps if k != key)
        return replace(self, steps=(*others, (key, progress)))


@dataclass(frozen=True)
class PracticeRecord:
    """Everything practice keeps in the project file."""

    enabled: bool = False
    level: int = FIRST_PRACTICE_LEVEL
    exercise_seed: int = 0  # the seed of the last "New exercise" (0: none drawn yet)
    exercises: tuple[ExerciseProgress, ...] = field(default_factory=tuple)

    def exercise(self, fingerprint: str) -> ExerciseProgress:
        for exercise in self.exercises:
            if exercise.fingerprint == fingerprint:
                return exercise
        return ExerciseProgress(fingerprint)

    def with_exercise(self, exercise: ExerciseProgress) -> PracticeRecord:
        others = tuple(e for e in self.exercises if e.fingerprint != exercise.fingerprint)
        kept = (*others, exercise)[-KEPT_EXERCISES:]
        return replace(self, exercises=kept)

    def with_step(self, fingerprint: str, key: str, progress: StepProgress) -> PracticeRecord:
        return self.with_exercise(self.exercise(fingerprint).with_step(key, progress))

    def is_default(self) -> bool:
        return self == PracticeRecord()


class PracticeLog:
    """The project's practice record, one per open project and shared by all its undo
    snapshots: answering is the student's work, not an edit, so undoing an edit of the network
    keeps it.  The record is replaced whole (never changed in place), so a reader on another
    thread always sees one consistent record."""

    def __init__(self, record: PracticeRecord | None = None) -> None:
        self.record = record if record is not None else PracticeRecord()

    def __repr__(self) -> str:
        return f"PracticeLog({self.record!r})"
