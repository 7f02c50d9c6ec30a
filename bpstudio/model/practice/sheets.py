"""A class set of exercises: one per student, each the same network with its own nice numbers.

Student ``n`` (counting from 1) of class seed ``S`` gets the exercise of seed ``S·100003 + n``
(one more while that repeats an earlier student's numbers), so the same class seed always gives
the same sheets, and no two students share their numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic

from bpstudio.model.derivation import Derivation, derive_project
from bpstudio.model.practice.exercise import exercise_numbers, new_exercise
from bpstudio.model.practice.fading import hidden_steps, max_level
from bpstudio.model.project_like import ProjectT

MAX_STUDENTS = 500
SEED_STRIDE = 100_003
SHEET_DIGITS = 4


@dataclass(frozen=True)
class StudentExercise(Generic[ProjectT]):
    student: int  # counting from 1
    seed: int
    project: ProjectT  # a bpstudio.model.project.Project
    derivation: Derivation
    hidden: frozenset[int]  # indices of the steps the student computes


def class_exercises(
    project: ProjectT, students: int, seed: int, level: int | None = None, lang: str = "en"
) -> list[StudentExercise[ProjectT]]:
    """``students`` exercises of the walkthrough of sample 1 of ``project``; ``level`` None:
    everything to compute."""
    if not 1 <= students <= MAX_STUDENTS:
        raise ValueError(f"the number of students must be between 1 and {MAX_STUDENTS}")
    seen: set[tuple[float, ...]] = set()
    exercises: list[StudentExercise[ProjectT]] = []
    for student in range(1, students + 1):
        student_seed = seed * SEED_STRIDE + student
        while True:
            candidate = new_exercise(project, 0, student_seed)
            numbers = exercise_numbers(candidate, 0)
            if numbers not in seen:
                break
            student_seed += SEED_STRIDE * (MAX_STUDENTS + 1)
        seen.add(numbers)
        derivation = derive_project(candidate, 0, digits=SHEET_DIGITS, lang=lang)
        chosen = max_level(derivation) if level is None else level
        if not 0 <= chosen <= max_level(derivation):
            raise ValueError(
                f"the level must be between 0 and {max_level(derivation)} for this network"
            )
        hidden = hidden_steps(derivation, chosen)
        exercises.append(StudentExercise(student, student_seed, candidate, derivation, hidden))
    return exercises
