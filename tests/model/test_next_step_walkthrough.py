"""The walkthrough derives the trainer's next step: its batch, its momentum, its update.

For every example and random projects (momentum, shuffle, batches, a held-out split), after a
few steps (so the buffers are not zero and the epoch is under way): the derivation's batch is
the trainer's next batch (never a held-out row), and every w_new / b_new of 七 equals the
weights after `Trainer.step` to 1e-12.  ``bpstudio derive`` without --sample equals
``bpstudio train --steps 1``.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from bpstudio.cli import main
from bpstudio.model.derivation import derive_project
from bpstudio.model.examples import example_names, load_example
from bpstudio.model.next_step import next_batch_rows, take_next_step
from bpstudio.model.project import load_project, save_project
from tests.model.test_fast_step import assert_close
from tests.model.test_resume import random_project, train


def update_values(derivation, network) -> list[np.ndarray]:
    """The network's parameters with 七's new values put in (frozen biases stay)."""
    params = [p.copy() for p in network.parameters()]
    n_w = len(network.weights)
    for step in derivation.steps_in_section("update.7"):
        layer, idx = step.layer, step.indices
        if step.quantity == "w_new":
            params[layer - 2][idx[0] - 1, idx[1] - 1] = step.value
        elif step.quantity == "b_new":
            params[n_w + layer - 2][idx[0] - 1] = step.value
    return params


def check_walkthrough_is_the_next_step(project) -> None:
    derivation = derive_project(project)
    trainer_rows = next_batch_rows(project)
    assert derivation.batch == trainer_rows
    assert not set(trainer_rows) & set(project.dataset.test_indices().tolist())
    assert derivation.sample == trainer_rows[0] and derivation.next_step == project.steps_taken + 1
    stepped = take_next_step(project)
    expected = stepped.network.parameters()
    for shown, actual in zip(update_values(derivation, project.network), expected, strict=True):
        assert_close(shown, actual)
    settings = project.training.optimiser
    if settings.momentum and "momentum_buffer" in settings.slots:  # sgd, rmsprop (not adam)
        buffers = [s for s in derivation.steps if s.quantity.startswith("buffer_")]
        assert buffers and all(np.isfinite(s.value) for s in buffers)


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("steps", [0, 3, 29])
def test_every_example_walks_the_trainers_next_step(name, steps):
    check_walkthrough_is_the_next_step(train(load_example(name), steps))


@pytest.mark.parametrize("seed", range(60))
def test_random_projects_walk_the_trainers_next_step(seed):
    project = random_project(seed)  # SGD with momentum: the 七 derived here
    check_walkthrough_is_the_next_step(train(project, seed % 7))


def test_another_row_of_the_batch_is_followed_when_chosen():
    project = train(load_example("spirals"), 4)
    batch = next_batch_rows(project)
    derivation = derive_project(project, row=3)
    assert derivation.sample == batch[3] and derivation.batch == batch
    with pytest.raises(ValueError, match="not in the batch"):
        derive_project(project, row=len(batch))


def test_a_chosen_sample_says_it_is_not_the_next_step():
    derivation = derive_project(load_example("xor"), 2)
    assert derivation.next_step is None
    assert "not the trainer's next step" in derivation.title
    assert all(not s.quantity.startswith("buffer_") for s in derivation.steps)


def test_derive_without_sample_equals_train_one_step(tmp_path, capsys):
    project = train(load_example("spirals"), 11)
    path = tmp_path / "spirals.json"
    save_project(project, path)
    out = tmp_path / "derived.json"
    assert main(["derive", str(path), "--format", "json", "--out", str(out)]) == 0
    derived = json.loads(out.read_text(encoding="utf-8"))
    trained = tmp_path / "trained.json"
    assert main(["train", str(path), "--steps", "1", "--quiet", "--out", str(trained)]) == 0
    network = load_project(trained).network
    assert derived["next_step"] == 12
    for step in derived["steps"]:
        layer, idx = step["layer"], step["indices"]
        if step["quantity"] == "w_new":
            actual = network.weights[layer - 2][idx[0] - 1, idx[1] - 1]
        elif step["quantity"] == "b_new":
            actual = network.biases[layer - 2][idx[0] - 1]
        else:
            continue
        assert step["value"] == pytest.approx(actual, rel=1e-12, abs=1e-14)
