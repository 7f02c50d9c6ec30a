"""Practice mode on the walkthrough: which steps the student computes, checking what they type,
hints, and the progress kept with the project.

The numbers and words come from ``bpstudio.model.practice``; this object only holds where the
student is, and tells the views (``changed``) when anything they show has moved on.  Answering
is the student's work, not an edit of the network: it goes into the project's practice log
(kept across undo), and leaves the document modified until it is saved.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from bpstudio.model.practice import (
    PracticeRecord,
    StepProgress,
    Verdict,
    check_answer,
    fingerprint,
    hidden_steps,
    max_level,
    pass_facts,
    project_mistakes,
    step_key,
)
from bpstudio.model.practice.fading import clamp_level, offers_next_level
from bpstudio.model.practice.feedback import Summary, shown_value, summarise, verdict_text
from bpstudio.model.practice.hints import factor_hints, formula_hint
from bpstudio.model.practice.text import practice_text
from bpstudio.model.refs import UnitRef

HINT_FORMULA, HINT_FACTORS, HINT_ANSWER = 1, 2, 3
_NODE_MODES = {"z": "z", "a": "a", "Y": "a", "dE/dz": "dE/dz"}  # step -> the diagram's mode


class PracticeSession(QObject):
    changed = Signal()  # the mode, the level, a step's progress or its feedback changed

    def __init__(self, document, cursor, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._cursor = cursor
        self._derivation = None  # the derivation the caches below belong to
        self._mistakes: tuple = ()
        self._facts = None
        self._fingerprint = ""
        self._hidden: frozenset[int] = frozenset()
        self._feedback: dict[int, tuple[str, str]] = {}  # step -> (verdict kind, sentence)
        cursor.conceal = self.is_concealed
        cursor.derivationChanged.connect(self._on_derivation_changed)
        document.fileStateChanged.connect(self._on_file_state_changed)

    # state -------------------------------------------------------------------------------
    @property
    def record(self) -> PracticeRecord:
        return self._document.project.practice.record

    @property
    def enabled(self) -> bool:
        return self.record.enabled

    @property
    def level(self) -> int:
        derivation = self._cursor.derivation
        level = self.record.level
        return clamp_level(derivation, level) if derivation is not None else level

    @property
    def max_level(self) -> int:
        derivation = self._cursor.derivation
        return max_level(derivation) if derivation is not None else 0

    def is_hidden(self, index: int) -> bool:
        """The student computes this step (it belongs to a faded section)."""
        if not self.enabled:
            return False
        self._refresh_caches()
        return index in self._hidden

    def is_concealed(self, index: int) -> bool:
        """A step whose number nobody may show yet: hidden and not answered."""
        return self.is_hidden(index) and not self.progress(index).done

    def progress(self, index: int) -> StepProgress:
        self._refresh_caches()
        steps = self._cursor.steps
        if not 0 <= index < len(steps):
            return StepProgress()
        return self.record.exercise(self._fingerprint).get(step_key(steps[index]))

    def feedback(self, index: int) -> tuple[str, str]:
        """(verdict kind, sentence) of the last answer at ``index``, or ("", "")."""
        return self._feedback.get(index, ("", ""))

    def hints(self, index: int) -> list[str]:
        """The hints asked for so far at ``index``, as LaTeX formulas."""
        self._refresh_caches()
        step = self._cursor.steps[index]
        level = self.progress(index).hints
        shown = [formula_hint(step)] if level >= HINT_FORMULA else []
        if level >= HINT_FACTORS:
            shown += factor_hints(self._facts, step, self._cursor.digits)
        return shown

    def summary(self) -> Summary | None:
        self._refresh_caches()
        derivation = self._cursor.derivation
        if derivation is None:
            return None
        return summarise(derivation, self.record.exercise(self._fingerprint), self.level)

    def summary_text(self) -> str:
        summary = self.summary()
        return summary.text(self._lang()) if summary is not None else ""

    def offers_next_level(self) -> bool:
        self._refresh_caches()
        derivation = self._cursor.derivation
        if derivation is None or not self.enabled:
            return False
        outcomes = {i: self.progress(i).outcome for i in self._hidden}
        return offers_next_level(derivation, self.level, outcomes)

    # the student's moves -------------------------------------------------------------------
    def set_enabled(self, on: bool) -> None:
        self._set_record(replace(self.record, enabled=bool(on)))

    def set_level(self, level: int) -> None:
        self._set_record(replace(self.record, level=max(0, int(level))))

    def next_level(self) -> None:
        self.set_level(self.level + 1)

    def check(self, text: str) -> Verdict | None:
        """Judge ``text`` as the answer of the current step (None: nothing to answer there)."""
        index = self._cursor.index
        if not self.is_concealed(index):
            return None
        step = self._cursor.steps[index]
        verdict = check_answer(text, step.value, self._mistakes[index], self._cursor.digits)
        sentence = verdict_text(verdict, step, self._cursor.digits, self._lang())
        self._feedback[index] = (verdict.kind, sentence)
        self._store(index, self.progress(index).answered(verdict))
        return verdict

    def hint(self) -> int:
        """The next rung of the ladder at the current step; the third shows the answer."""
        index = self._cursor.index
        if not self.is_concealed(index):
            return 0
        level = self.progress(index).hints + 1
        if level >= HINT_ANSWER:
            self.reveal()
            return HINT_ANSWER
        self._store(index, self.progress(index).hinted(level))
        return level

    def reveal(self) -> None:
        index = self._cursor.index
        if not self.is_concealed(index):
            return
        step = self._cursor.steps[index]
        value = shown_value(step.value, max(self._cursor.digits, 4))
        self._feedback[index] = ("revealed", practice_text("revealed", self._lang(), value=value))
        self._store(index, self.progress(index).revealed())

    def new_exercise(self) -> None:
        """Fresh nice numbers for the walkthrough's sample: one undoable edit."""
        seed = self.record.exercise_seed + 1
        self._set_record(replace(self.record, exercise_seed=seed))
        self._document.new_exercise(seed)

    # internals -----------------------------------------------------------------------------
    def _lang(self) -> str:
        derivation = self._cursor.derivation
        return derivation.lang if derivation is not None else "en"

    def _store(self, index: int, progress: StepProgress) -> None:
        key = step_key(self._cursor.steps[index])
        self._set_record(self.record.with_step(self._fingerprint, key, progress))

    def _conceal_on_diagram(self) -> None:
        """The diagram's unit values that a step still to be worked out would give away."""
        pairs = set()
        if self.enabled:
            steps = self._cursor.steps
            for index in self._hidden:
                step = steps[index]
                mode = _NODE_MODES.get(step.quantity)
                if mode and step.indices and self.is_concealed(index):
                    pairs.add((mode, UnitRef(step.layer, step.indices[0])))
        self._document.set_concealed(pairs)

    def _set_record(self, record: PracticeRecord) -> None:
        if record == self.record:
            return
        self._document.project.practice.record = record
        self._document.undo_stack.resetClean()  # the student's work: modified until saved
        self._hidden = self._hidden_now()
        self._conceal_on_diagram()
        self._cursor.refresh()  # an answered step may show its number on the diagram now
        self.changed.emit()

    def _hidden_now(self) -> frozenset[int]:
        derivation = self._cursor.derivation
        if derivation is None:
            return frozenset()
        return hidden_steps(derivation, self.record.level)

    def _refresh_caches(self) -> None:
        self._cursor.steps  # noqa: B018 -- a rebuild that is due happens now
        derivation = self._cursor.derivation
        if derivation is self._derivation:
            return
        self._derivation = derivation
        self._feedback = {}
        if derivation is None:
            self._mistakes, self._facts, self._fingerprint = (), None, ""
            self._hidden = frozenset()
            return
        project = self._document.project
        self._mistakes = project_mistakes(project, derivation)
        data = project.dataset.prepared()
        self._facts = pass_facts(derivation, project.network, data.inputs, data.targets)
        self._fingerprint = fingerprint(derivation)
        self._hidden = self._hidden_now()

    def _on_derivation_changed(self) -> None:
        if self.enabled:
            self._refresh_caches()
        self._conceal_on_diagram()
        self.changed.emit()

    def _on_file_state_changed(self) -> None:
        self._hidden = self._hidden_now()  # another project's record may have another level
        self._conceal_on_diagram()
        self.changed.emit()  # another project (opened, new) brings its own record
