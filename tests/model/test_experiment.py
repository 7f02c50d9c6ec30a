"""Experiments: values read with clear errors, variants that differ in one setting only, and
runs that equal training each variant by hand."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.model import Trainer
from bpstudio.model.examples import load_example
from bpstudio.model.experiment import (
    ExperimentError,
    Plan,
    parse_values,
    run_experiment,
    variants,
)
from bpstudio.model.history import LossHistory
from bpstudio.model.runs import Settings, differences


def plan(setting, *values, epochs=50):
    return Plan(setting, parse_values(setting, values), epochs)


@pytest.mark.parametrize(
    ("setting", "values", "message"),
    [
        ("learnig_rate", ["1"], "unknown setting 'learnig_rate' (did you mean learning_rate?)"),
        ("colour", ["1"], "unknown setting 'colour'; the settings are learning_rate"),
        ("learning_rate", ["0.1", "fast"], "learning_rate: 'fast' is not a number"),
        ("learning_rate", ["0"], "learning_rate: expected a positive number, got 0"),
        ("momentum", ["1"], "momentum: expected a number in [0, 1), got 1"),
        ("batch_size", ["0"], "batch_size: expected a whole number from 1 to"),
        ("seed", ["1.5"], "seed: expected a whole number from 0 to"),
        ("activation", ["sigmod"], "activation: unknown value 'sigmod' (did you mean sigmoid?)"),
        ("activation", ["softmax"], "activation: unknown value 'softmax'"),
        ("init", ["random"], "init: unknown value 'random'"),
        ("optimizer", ["adamw"], "optimizer: unknown value 'adamw' (did you mean adam?)"),
        ("loss", [" ", ""], "loss: give at least one value"),
    ],
)
def test_a_bad_setting_or_value_is_named(setting, values, message):
    with pytest.raises(ExperimentError) as info:
        parse_values(setting, values)
    assert str(info.value).startswith(message)


def test_values_are_read_as_their_kind():
    assert parse_values("learning_rate", ["0.1", " 2 "]) == (0.1, 2.0)
    assert parse_values("activation", ["ReLU", "leaky-relu"]) == ("relu", "leaky_relu")
    assert parse_values("batch_size", ["4"]) == (4,)
    assert parse_values("optimizer", ["Adam", "rmsprop"]) == ("adam", "rmsprop")


def differing(setting, *values):
    project = load_example("xor")
    now = Settings.of_project(project)
    found = []
    for v in variants(project, plan(setting, *values)):
        mine = Settings.of(v.start, v.loss, v.training, v.initialisation)
        found.append({d.name for d in differences(mine, now)})
    return found


def test_each_variant_differs_in_its_setting_only():
    assert differing("learning_rate", "0.1", "2") == [{"learning_rate"}, set()]
    assert differing("batch_size", "1") == [{"batch_size"}]
    assert differing("optimizer", "adam", "sgd") == [{"optimizer"}, set()]
    assert differing("activation", "tanh") == [{"hidden_activations"}]
    assert differing("init", "given", "xavier") == [set(), {"init"}]
    assert differing("seed", "7") == [{"seed", "init_seed"}]


def test_activation_varies_the_hidden_layers_and_keeps_the_output():
    project = load_example("xor")
    (v,) = variants(project, plan("activation", "relu"))
    assert v.start.activations == ["relu", "sigmoid"]
    np.testing.assert_array_equal(v.start.weights[0], project.network.weights[0])


def test_a_loss_gets_the_output_activation_it_needs():
    project = load_example("xor")
    project.network.activations = ["sigmoid", "linear"]
    mse, ce = variants(project, plan("loss", "mse", "cross_entropy"))
    assert mse.start.output_activation == "linear"
    assert ce.start.output_activation == "sigmoid" and ce.loss == "cross_entropy"


def test_a_loss_that_cannot_learn_the_targets_is_refused_by_name():
    project = load_example("sine")
    with pytest.raises(ExperimentError, match="loss: cross_entropy cannot learn these targets"):
        variants(project, plan("loss", "cross_entropy"))


def test_zeros_start_every_weight_at_zero():
    (v,) = variants(load_example("xor"), plan("init", "zeros"))
    assert all(not w.any() for w in v.start.weights)


def test_each_run_equals_training_its_variant_by_hand():
    project = load_example("xor")
    runs = run_experiment(project, plan("activation", "sigmoid", "tanh", epochs=80))
    for run, v in zip(runs, variants(project, plan("activation", "sigmoid", "tanh")), strict=True):
        net = v.start.copy()
        history = LossHistory()
        Trainer(net, project.dataset.training_set(), v.loss, v.training, history).run_epochs(80)
        np.testing.assert_array_equal(run.curve.view(), history.epochs.view())
        assert run.epochs == 80 and run.name == f"activation = {v.start.activations[0]}"


def test_progress_counts_every_step_and_cancel_keeps_the_finished_runs():
    project = load_example("xor")
    seen = []
    runs = run_experiment(
        project, plan("batch_size", "1", "4", epochs=30), progress=lambda d, t: seen.append((d, t))
    )
    assert len(runs) == 2
    assert seen[-1] == (30 * 4 + 30 * 1, 150)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    first_done = []  # set when the first variant (120 steps) has finished
    runs = run_experiment(
        project,
        plan("batch_size", "1", "4", epochs=30),
        progress=lambda done, _total: done >= 120 and first_done.append(True),
        cancelled=lambda: bool(first_done),
    )
    assert len(runs) == 1 and runs[0].name == "batch_size = 1"


def test_a_diverging_variant_is_kept_as_diverged():
    project = load_example("sine")
    (run,) = run_experiment(project, plan("learning_rate", "1e6", epochs=20))
    assert run.diverged and run.epochs < 20


def test_an_optimiser_run_equals_training_with_that_optimiser_by_hand():
    project = load_example("xor")
    (run,) = run_experiment(project, plan("optimizer", "adam", epochs=40))
    config = project.training.with_changes(optimizer="adam", learning_rate=2.0)
    history = LossHistory()
    net = project.network.copy()
    Trainer(net, project.dataset.training_set(), project.loss, config, history).run_epochs(40)
    np.testing.assert_array_equal(run.curve.view(), history.epochs.view())
    assert run.training.optimizer == "adam"
