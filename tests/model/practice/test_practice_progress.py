"""Fading levels, progress per step, the summary, the project file, and new exercises."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bpstudio.model import load_project, save_project
from bpstudio.model.derivation import derive_project
from bpstudio.model.examples import load_example
from bpstudio.model.practice import (
    PracticeRecord,
    StepProgress,
    Verdict,
    exercise_numbers,
    fingerprint,
    hidden_sections,
    max_level,
    new_exercise,
    step_key,
)
from bpstudio.model.practice.fading import offers_next_level
from bpstudio.model.practice.feedback import summarise
from bpstudio.model.project import ProjectFileError, dumps, loads


@pytest.fixture
def seed_derivation():
    return derive_project(load_example(), 0, lang="zh")


def test_fading_hides_sections_from_the_end(seed_derivation):
    d = seed_derivation
    assert hidden_sections(d, 0) == ()
    assert [s.id for s in hidden_sections(d, 1)] == ["update.7"]
    assert [s.id for s in hidden_sections(d, 2)] == ["backward.6", "update.7"]
    assert hidden_sections(d, max_level(d)) == d.sections
    assert hidden_sections(d, 99) == d.sections


def test_a_clean_section_offers_the_next_level(seed_derivation):
    d = seed_derivation
    six = d.section("backward.6")
    outcomes = {i: "first_try" for i in six.step_range}
    assert offers_next_level(d, 2, outcomes)
    outcomes[six.first] = "after_help"
    assert not offers_next_level(d, 2, outcomes)
    assert not offers_next_level(d, 0, {})
    assert not offers_next_level(d, max_level(d), {i: "first_try" for i in range(len(d))})


def test_step_progress_outcomes():
    right, wrong = Verdict("correct"), Verdict("mistake", "missed_path")
    assert StepProgress().answered(right).outcome == "first_try"
    after = StepProgress().answered(wrong).answered(Verdict("not_yet")).answered(right)
    assert (after.outcome, after.wrong, after.mistakes) == ("after_help", 2, ("missed_path",))
    assert StepProgress().hinted(1).answered(right).outcome == "after_help"
    assert StepProgress().answered(Verdict("more_digits")) == StepProgress()  # not a try
    assert StepProgress().revealed().outcome == "revealed"
    done = StepProgress().answered(right)
    assert done.answered(wrong) == done and done.revealed() == done  # a done step stays done


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "{n} 步中 {right} 步一次做对；请再看 五：漏掉的路径。"),
        ("en", "{right} of {n} right first time; look again at 5: the missing path."),
    ],
)
def test_summary_names_the_section_to_look_at_again(lang, text):
    d = derive_project(load_example(), 0, lang=lang)
    exercise = PracticeRecord().exercise(fingerprint(d))
    for step in d.steps:
        progress = StepProgress().answered(Verdict("correct"))
        if step.section == "backward.5" and step.indices == (1,):
            progress = StepProgress().answered(Verdict("mistake", "missed_path"))
            progress = progress.answered(Verdict("correct"))
        exercise = exercise.with_step(step_key(step), progress)
    summary = summarise(d, exercise, max_level(d))
    assert (summary.right_first_time, summary.total) == (len(d) - 1, len(d))
    assert summary.text(lang) == text.format(n=len(d), right=len(d) - 1)


def test_the_summary_counts_only_the_hidden_steps(seed_derivation):
    d = seed_derivation
    only_update = summarise(d, PracticeRecord().exercise("x"), 1)
    assert only_update.look_again is None
    assert only_update.open == only_update.total == d.section("update.7").count


def test_progress_survives_the_project_file(tmp_path, seed_derivation):
    project = load_example()
    key = step_key(seed_derivation.steps[3])
    progress = StepProgress().answered(Verdict("mistake", "sign_flipped"))
    record = PracticeRecord(enabled=True, level=4, exercise_seed=3)
    project.practice.record = record.with_step(fingerprint(seed_derivation), key, progress)
    path = tmp_path / "p.json"
    save_project(project, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["practice"]["level"] == 4
    again = load_project(path)
    assert again.practice.record == project.practice.record
    assert again.practice.record.exercise(fingerprint(seed_derivation)).get(key) == progress


def test_version_1_files_and_untouched_projects_have_no_practice_field():
    project = load_example()
    assert "practice" not in json.loads(dumps(project))
    old = json.loads(dumps(project))
    old["version"] = 1
    assert loads(json.dumps(old)).practice.record == PracticeRecord()


@pytest.mark.parametrize(
    ("practice", "message"),
    [
        ({"level": -1}, "practice.level"),
        ({"enabled": "yes"}, "practice.enabled"),
        ({"exercises": [{"steps": []}]}, "practice.exercises[0]: missing field 'fingerprint'"),
        (
            {"exercises": [{"fingerprint": "a", "steps": [{"step": "s", "outcome": "won"}]}]},
            "practice.exercises[0].steps[0].outcome",
        ),
    ],
)
def test_bad_practice_fields_are_named(practice, message):
    data = json.loads(dumps(load_example()))
    data["practice"] = practice
    with pytest.raises(ProjectFileError) as error:
        loads(json.dumps(data))
    assert message in str(error.value)


def test_the_undo_snapshots_share_the_students_log():
    project = load_example()
    copy = project.copy()
    copy.practice.record = PracticeRecord(enabled=True)
    assert project.practice.record.enabled


def test_new_exercise_is_nice_seeded_and_reproducible():
    project = load_example()
    one, again, other = (new_exercise(project, 0, s) for s in (5, 5, 6))
    assert exercise_numbers(one, 0) == exercise_numbers(again, 0)
    assert exercise_numbers(one, 0) != exercise_numbers(other, 0)
    numbers = np.array(exercise_numbers(one, 0))
    assert np.allclose(numbers * 10, np.round(numbers * 10))  # one decimal each
    assert one.network.layer_sizes == project.network.layer_sizes
    assert np.all(one.network.weights[0] != 0)
    assert exercise_numbers(project, 0) == (0.1, 0.4, 0.2, 0.5, 0.3, 0.6, 0.7, 0.9, 0.8, 0.1,
                                             1.0, 0.5, 0.2, 0.9, 0.1)  # fmt: skip


def test_new_exercise_keeps_other_rows_and_shows_raw_inputs():
    project = load_example("xor")
    project.dataset = project.dataset.with_settings(standardise=True)
    fresh = new_exercise(project, 2, 11)
    assert not fresh.dataset.standardise
    changed = np.any(fresh.dataset.inputs != project.dataset.inputs, axis=1)
    batch = project.training.batch_size
    rows = set(range((2 // batch) * batch, min((2 // batch + 1) * batch, 4)))
    assert set(np.flatnonzero(changed)) <= rows
