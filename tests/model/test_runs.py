"""Kept runs: the converged epoch, what differs, the curve's thinning, and the project file."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from bpstudio.model import Trainer
from bpstudio.model.examples import load_example
from bpstudio.model.history import LossSeries
from bpstudio.model.project import dumps, loads
from bpstudio.model.runs import (
    CURVE_LIMIT,
    Settings,
    converged_epoch,
    differences,
    keep_run,
    kept_curve,
    loss_at,
    summary_epochs,
    unused_name,
)
from bpstudio.model.validation import ProjectFileError


def trained_xor(epochs=300):
    project = load_example("xor")
    start = project.network.copy()
    trainer = Trainer(
        project.network,
        project.dataset.training_set(),
        project.loss,
        project.training,
        project.history,
    )
    trainer.run_epochs(epochs)
    return project, start


def test_converged_epoch_is_the_first_below_the_share_counting_from_one():
    curve = LossSeries([1.0, 0.5, 0.2, 0.09, 0.05])
    assert converged_epoch(curve) == 4
    assert converged_epoch(curve, share=0.3) == 3
    assert converged_epoch(curve, share=0.01) is None
    assert converged_epoch(LossSeries()) is None
    assert converged_epoch(LossSeries([0.0, 0.0])) is None


def test_a_thinned_curve_answers_with_a_kept_epoch_late_by_less_than_its_stride():
    losses = np.linspace(1.0, 0.0, 3 * CURVE_LIMIT)
    full = LossSeries(losses, limit=10 * CURVE_LIMIT)
    kept = kept_curve(full)
    assert kept.kept < CURVE_LIMIT and len(kept) == len(losses)
    exact = converged_epoch(full)
    assert exact <= converged_epoch(kept) < exact + kept.stride
    assert kept.latest == losses[-1]


def test_keep_run_holds_the_start_the_curve_and_the_final_numbers():
    project, start = trained_xor()
    run = keep_run("mine", project, start)
    assert run.epochs == 300
    np.testing.assert_array_equal(run.start.weights[0], start.weights[0])
    assert not np.array_equal(run.start.weights[0], project.network.weights[0])
    assert run.final_loss == pytest.approx(
        project.network.loss(project.dataset.inputs, project.dataset.targets, project.loss)
    )
    assert 0 <= run.final_accuracy <= 1
    xs, ys = run.curve_points()
    assert xs[0] == 1 and ys[0] == project.history.epochs.view()[0]


def test_differences_name_each_setting_with_both_values():
    project = load_example("xor")
    mine = Settings.of_project(project)
    slower = project.training.with_changes(learning_rate=0.1)
    other = Settings.of(project.network, "mse", slower, project.initialisation)
    found = {d.name: (d.run_value, d.other_value) for d in differences(mine, other)}
    assert found == {"loss": ("half_sse", "mse"), "learning_rate": (2.0, 0.1)}
    assert differences(mine, mine) == []


def test_the_seed_of_a_constant_initialisation_is_no_difference():
    from dataclasses import replace

    project = load_example("xor")
    a = Settings.of_project(
        replace(project, initialisation=replace(project.initialisation, name="constant", seed=1))
    )
    b = Settings.of_project(
        replace(project, initialisation=replace(project.initialisation, name="constant", seed=2))
    )
    assert differences(a, b) == []


def test_unused_name_counts_up():
    assert unused_name("Run", []) == "Run"
    assert unused_name("Run", ["Run", "Run (2)"]) == "Run (3)"


# the project file ------------------------------------------------------------------------
def with_runs():
    project, start = trained_xor()
    project.runs = (keep_run("first", project, start), keep_run("second", project, start, True))
    return project


def test_runs_survive_save_and_open_exactly():
    project = with_runs()
    text = dumps(project)
    again = loads(text)
    assert [r.name for r in again.runs] == ["first", "second"]
    assert dumps(again) == text
    assert again.runs[0].converged_epoch() == project.runs[0].converged_epoch()
    assert math.isnan(again.runs[1].final_loss) and again.runs[1].diverged
    assert again.unknown_fields == ()


def test_a_project_without_runs_is_written_as_before():
    project = load_example("xor")
    assert "runs" not in json.loads(dumps(project))
    assert loads(dumps(project)).runs == ()


def edited(edit) -> str:
    data = json.loads(dumps(with_runs()))
    edit(data["runs"])
    return json.dumps(data)


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (
            lambda runs: runs[1]["training"].update(learning_rate=-1),
            "runs[1]: training.learning_rate",
        ),
        (lambda runs: runs[0]["network"]["weights"].pop(), "runs[0]: network.weights"),
        (lambda runs: runs[0].pop("name"), "runs[0]: missing field 'name'"),
        (lambda runs: runs[0].update(loss="hinge"), "runs[0]: loss"),
        (lambda runs: runs[0].update(final_accuracy=2), "runs[0].final_accuracy"),
        (lambda runs: runs[0]["history"].update(epoch_losses="x"), "runs[0]: history.epoch_losses"),
        (lambda runs: runs.append(3), "runs[2]"),
    ],
)
def test_a_damaged_run_is_named_by_its_path(edit, path):
    with pytest.raises(ProjectFileError) as info:
        loads(edited(edit))
    assert str(info.value).startswith(path)


def test_an_unknown_field_inside_a_run_is_reported():
    text = edited(lambda runs: runs[1]["training"].update(momentun=0.9))
    assert loads(text).unknown_fields == ("runs[1].training.momentun",)


def test_loss_at_reads_the_curve_by_epoch_number():
    project, start = trained_xor(10)
    run = keep_run("r", project, start)
    losses = project.history.epochs.view()
    got = loss_at(run, [1, 5, 10, 11, 0])
    np.testing.assert_array_equal(got[:3], losses[[0, 4, 9]])
    assert math.isnan(got[3]) and math.isnan(got[4])
    assert summary_epochs(2000) == [1, 500, 1000, 1500, 2000]
    assert summary_epochs(3) == [1, 2, 3]
