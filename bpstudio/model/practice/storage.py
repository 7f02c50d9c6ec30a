"""Practice progress in the project file: the optional field ``practice`` (format version 2).

    "practice": {"enabled": true, "level": 3, "exercise_seed": 2,
                 "exercises": [{"fingerprint": "…", "steps": [
                     {"step": "backward.5|dE/dz|2|1", "wrong": 1, "hints": 0,
                      "mistakes": ["missed_path"], "outcome": "after_help"}]}]}

A project without it (every version 1 file) has no progress yet.  Loading checks every field
and names it in the error, as the rest of the project file does.
"""

from __future__ import annotations

from typing import Any

from bpstudio.model.practice.progress import (
    KEPT_EXERCISES,
    OUTCOMES,
    ExerciseProgress,
    PracticeRecord,
    StepProgress,
)
from bpstudio.model.validation import (
    expect_bool,
    expect_choice,
    expect_int,
    expect_list,
    expect_object,
    expect_str,
    require,
)

FIELD = "practice"


def practice_to_json(record: PracticeRecord) -> dict[str, object] | None:
    """The field's value, or None when there is nothing to keep (the field is left out)."""
    if record.is_default():
        return None
    return {
        "enabled": record.enabled,
        "level": record.level,
        "exercise_seed": record.exercise_seed,
        "exercises": [
            {
                "fingerprint": exercise.fingerprint,
                "steps": [_step_to_json(key, step) for key, step in exercise.steps],
            }
            for exercise in record.exercises
        ],
    }


def _step_to_json(key: str, step: StepProgress) -> dict[str, object]:
    return {
        "step": key,
        "wrong": step.wrong,
        "hints": step.hints,
        "mistakes": list(step.mistakes),
        "outcome": step.outcome,
    }


def practice_from_json(data: Any, path: str = FIELD) -> PracticeRecord:
    if data is None:
        return PracticeRecord()
    data = expect_object(data, path)
    # a level beyond the sections of the network means "everything" (see fading.clamp_level)
    level = expect_int(data.get("level", 1), f"{path}.level", minimum=0)
    items = expect_list(data.get("exercises", []), f"{path}.exercises")
    exercises = tuple(
        _exercise_from_json(item, f"{path}.exercises[{i}]") for i, item in enumerate(items)
    )
    return PracticeRecord(
        enabled=expect_bool(data.get("enabled", False), f"{path}.enabled"),
        level=level,
        exercise_seed=expect_int(data.get("exercise_seed", 0), f"{path}.exercise_seed", 0),
        exercises=exercises[-KEPT_EXERCISES:],
    )


def _exercise_from_json(data: Any, path: str) -> ExerciseProgress:
    data = expect_object(data, path)
    fingerprint = expect_str(require(data, "fingerprint", path), f"{path}.fingerprint")
    items = expect_list(data.get("steps", []), f"{path}.steps")
    steps = tuple(_step_from_json(item, f"{path}.steps[{i}]") for i, item in enumerate(items))
    return ExerciseProgress(fingerprint, steps)


def _step_from_json(data: Any, path: str) -> tuple[str, StepProgress]:
    data = expect_object(data, path)
    key = expect_str(require(data, "step", path), f"{path}.step")
    codes = expect_list(data.get("mistakes", []), f"{path}.mistakes")
    progress = StepProgress(
        wrong=expect_int(data.get("wrong", 0), f"{path}.wrong", minimum=0),
        hints=expect_int(data.get("hints", 0), f"{path}.hints", minimum=0),
        mistakes=tuple(expect_str(c, f"{path}.mistakes[{i}]") for i, c in enumerate(codes)),
        outcome=expect_choice(data.get("outcome", ""), ("", *OUTCOMES), f"{path}.outcome"),
    )
    return key, progress
