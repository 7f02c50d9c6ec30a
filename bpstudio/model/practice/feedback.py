"""Words for the student: a verdict as a sentence, and the summary at the end of a walkthrough
("12 of 14 right first time; look again at 五: the missing path")."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bpstudio.model.derivation import Derivation, DerivationStep, Section
from bpstudio.model.derivation.numbers import shown_text
from bpstudio.model.practice.checker import MIN_SIGNIFICANT, Verdict
from bpstudio.model.practice.fading import hidden_sections
from bpstudio.model.practice.progress import ExerciseProgress, step_key
from bpstudio.model.practice.text import mistake_advice, mistake_name, practice_text


def shown_value(value: float, digits: int) -> str:
    return shown_text(value, digits)


def verdict_text(verdict: Verdict, step: DerivationStep, digits: int, lang: str) -> str:
    value = shown_value(step.value, max(digits, 4))
    if verdict.kind == "correct":
        key = "correct" if verdict.precise else "correct.imprecise"
        return practice_text(key, lang, value=value)
    if verdict.kind == "mistake":
        return practice_text("mistake", lang, advice=mistake_advice(verdict.code, lang))
    if verdict.kind == "more_digits":
        return practice_text("more_digits", lang, digits=min(MIN_SIGNIFICANT, digits))
    return practice_text(verdict.kind, lang)


def section_label(section: Section) -> str:
    """The section's number as the seed writes it: 五 (Chinese), 5 (English), (1), ..."""
    title = section.title
    if "、" in title[:3]:
        return title.split("、", 1)[0]
    head = title.split(" ", 1)[0]
    return head.rstrip(".") if head.rstrip(".").isdigit() or head.startswith("(") else title


@dataclass(frozen=True)
class Summary:
    total: int  # the steps to compute at this level
    right_first_time: int
    open: int  # not answered yet
    look_again: Section | None
    what: str  # the mistake code most made there, "revealed", "tries", or ""

    def text(self, lang: str) -> str:
        if not self.total:
            return practice_text("summary.none", lang)
        if self.open == self.total and self.look_again is None:
            return practice_text("summary.start", lang, total=self.total) + _stop(lang)
        text = practice_text("summary", lang, right=self.right_first_time, total=self.total)
        if self.look_again is not None:
            if self.what in ("revealed", "tries"):
                what = practice_text(f"{self.what}.what", lang)
            else:
                what = mistake_name(self.what, lang)
            text += practice_text(
                "summary.look", lang, section=section_label(self.look_again), what=what
            )
        if self.open:
            text += practice_text("summary.open", lang, open=self.open)
        return text + _stop(lang)


def _stop(lang: str) -> str:
    return "." if lang == "en" else "。"


def summarise(derivation: Derivation, exercise: ExerciseProgress, level: int) -> Summary:
    sections = hidden_sections(derivation, level)
    total = right = still_open = 0
    worst: tuple[int, Section | None, str] = (0, None, "")
    for section in sections:
        slips, revealed = 0, 0
        codes: Counter[str] = Counter()
        for i in section.step_range:
            progress = exercise.get(step_key(derivation.steps[i]))
            total += 1
            right += progress.outcome == "first_try"
            still_open += not progress.done
            if progress.wrong or (progress.done and progress.outcome != "first_try"):
                slips += 1  # a wrong try counts even before the step is done
                codes.update(progress.mistakes)
                revealed += progress.outcome == "revealed"
        if slips > worst[0]:
            what = codes.most_common(1)[0][0] if codes else ("revealed" if revealed else "tries")
            worst = (slips, section, what)
    return Summary(total, right, still_open, worst[1], worst[2])
