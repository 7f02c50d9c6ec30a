"""A saved project continues exactly: N steps in one run equal k steps, save, open, N - k steps.

Over every example project and 200 random projects (every optimiser, momentum, weight decay,
shuffle, batches, a held-out split, standardisation, every activation and loss), compared to
1e-12 relative: weights, biases, every slot of the optimiser and its step count, the step and
epoch losses, the counters and the next batch; and bit for bit for every optimiser.  Also:
a version 1 file loads with the zero state, the state survives the file exactly, and a file
with unknown fields names them.
"""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from bpstudio.model import Dataset, Network, Trainer, TrainingConfig
from bpstudio.model.examples import example_names, load_example
from bpstudio.model.optimisers import ALL_SLOTS
from bpstudio.model.project import Project, dumps, loads
from bpstudio.model.validation import ProjectFileError
from tests.model.test_fast_step import OPTIMISERS, assert_close

HIDDEN = ["sigmoid", "tanh", "relu", "leaky_relu", "linear"]


def random_project(seed: int, optimisers: bool = False) -> Project:
    """A random project; SGD with momentum, or with ``optimisers`` any optimiser and weight
    decay."""
    rng = np.random.default_rng(1000 + seed)
    sizes = [int(n) for n in rng.integers(1, 7, size=rng.integers(2, 5))]
    loss = ["half_sse", "mse", "cross_entropy"][seed % 3]
    if loss == "cross_entropy":
        out = "softmax" if sizes[-1] > 1 and seed % 2 else "sigmoid"
    else:
        out = str(rng.choice([*HIDDEN, "softmax"]))
    acts = [str(rng.choice(HIDDEN)) for _ in sizes[2:]] + [out]
    weights = [rng.normal(0, 0.7, (a, b)) for a, b in itertools.pairwise(sizes)]
    use_bias = bool(seed % 4)
    biases = [rng.normal(0, 0.3, b) for b in sizes[1:]] if use_bias else None
    net = Network(sizes, acts, weights, biases, freeze_biases=use_bias and seed % 7 == 0)
    n = int(rng.integers(2, 30))
    targets = rng.random((n, sizes[-1]))
    if out == "softmax":
        targets /= targets.sum(axis=1, keepdims=True)
    data = Dataset(
        rng.normal(size=(n, sizes[0])),
        targets,
        test_fraction=float(rng.choice([0.0, 0.0, 0.25])),
        split_seed=seed,
        standardise=bool(seed % 5 == 0),
    )
    config = TrainingConfig(
        learning_rate=float(rng.choice([0.02, 0.1, 0.3])),
        momentum=float(rng.choice([0.0, 0.5, 0.9])),
        batch_size=int(rng.integers(1, n + 1)),
        shuffle=bool(rng.random() < 0.6),
        seed=int(rng.integers(0, 2**31)),
    )
    if optimisers:
        optimiser = OPTIMISERS[seed % len(OPTIMISERS)]
        lr = config.learning_rate / (1 if optimiser.get("optimizer", "sgd") == "sgd" else 10)
        decay = float(rng.choice([0.0, 0.0, 0.01]))
        config = config.with_changes(**optimiser, learning_rate=lr, weight_decay=decay)
    return Project(f"random {seed}", net, data, loss, config)


def trainer_of(project: Project) -> Trainer:
    return Trainer(
        project.network,
        project.dataset.training_set(),
        project.loss,
        project.training,
        project.history,
        project.steps_taken,
        state=project.optimiser,
    )


def train(project: Project, steps: int) -> Project:
    """``steps`` steps on ``project`` (in place), its state stored back, as the CLI does."""
    trainer = trainer_of(project)
    trainer.run_steps(steps)
    project.steps_taken = trainer.step_count
    project.optimiser = trainer.optimiser_state()
    return project


def reopened(project: Project) -> Project:
    return loads(dumps(project))


def assert_same_run(a: Project, b: Project) -> None:
    for x, y in zip(a.network.parameters(), b.network.parameters(), strict=True):
        assert_close(x, y)
    assert (a.optimiser.kind, a.optimiser.step) == (b.optimiser.kind, b.optimiser.step)
    assert a.optimiser.averages.keys() == b.optimiser.averages.keys()
    for name in ALL_SLOTS:
        for x, y in zip(a.optimiser.slot(name) or (), b.optimiser.slot(name) or (), strict=True):
            assert_close(x, y)
    assert_close(a.history.steps.view(), b.history.steps.view())
    assert_close(a.history.epochs.view(), b.history.epochs.view())
    assert a.steps_taken == b.steps_taken
    assert len(a.history.epochs) == len(b.history.epochs)
    assert a.optimiser.epoch.order == b.optimiser.epoch.order
    assert a.optimiser.epoch.position == b.optimiser.epoch.position
    assert_close(a.optimiser.epoch.loss_sum, b.optimiser.epoch.loss_sum)
    assert a.optimiser.rng == b.optimiser.rng
    assert trainer_of(a).next_batch().tolist() == trainer_of(b).next_batch().tolist()


def check_resume(project: Project, total: int, cut: int) -> None:
    uncut = train(reopened(project), total)
    first = train(reopened(project), cut)
    resumed = train(reopened(first), total - cut)
    assert_same_run(uncut, resumed)


@pytest.mark.parametrize("name", example_names())
def test_every_example_resumes_exactly(name):
    project = load_example(name)
    steps_per_epoch = trainer_of(load_example(name)).steps_per_epoch
    total = 3 * steps_per_epoch + 5
    for cut in (1, steps_per_epoch - 1, steps_per_epoch + 2, total - 1):
        if 0 < cut < total:
            check_resume(project, total, cut)


@pytest.mark.parametrize("seed", range(200))
def test_random_projects_resume_exactly(seed):
    project = random_project(seed, optimisers=True)
    rng = np.random.default_rng(seed)
    total = int(rng.integers(2, 40))
    check_resume(project, total, int(rng.integers(1, total)))


@pytest.mark.parametrize("optimiser", OPTIMISERS, ids=lambda o: "-".join(map(str, o.values())))
@pytest.mark.parametrize("batch_size", [1, 4])  # the scalar kernel and the array kernel
def test_every_optimiser_resumes_bit_for_bit(optimiser, batch_size):
    project = random_project(5)
    project.training = project.training.with_changes(
        **optimiser, batch_size=batch_size, learning_rate=0.01, weight_decay=0.01
    )
    uncut = train(reopened(project), 60)
    resumed = reopened(train(reopened(project), 23))
    assert resumed.training == uncut.training
    resumed = train(resumed, 37)
    for x, y in zip(uncut.network.parameters(), resumed.network.parameters(), strict=True):
        assert np.array_equal(x, y)
    assert uncut.optimiser.step == resumed.optimiser.step == 60
    for name in ALL_SLOTS:
        ours, theirs = uncut.optimiser.slot(name), resumed.optimiser.slot(name)
        assert (ours is None) == (theirs is None)
        for x, y in zip(ours or (), theirs or (), strict=True):
            assert np.array_equal(x, y)
    assert np.array_equal(uncut.history.steps.view(), resumed.history.steps.view())


def test_an_older_version_2_file_with_momentum_only_loads_as_sgd():
    project = random_project(1)
    project.training = project.training.with_changes(optimizer="sgd", momentum=0.9)
    data = json.loads(dumps(train(project, 5)))
    for name in ("optimizer", "nesterov", "weight_decay", "alpha", "beta1", "beta2", "epsilon"):
        data["training"].pop(name, None)
    data["optimiser"].pop("step", None)
    loaded = loads(json.dumps(data))
    assert loaded.training.optimiser.kind == "sgd" and loaded.training.momentum == 0.9
    assert loaded.optimiser.step == 0 and not loaded.optimiser.averages
    for x, y in zip(loaded.optimiser.momentum, project.optimiser.momentum, strict=True):
        assert np.array_equal(x, y)


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("optimizer", "adagrad", "unknown name 'adagrad'"),
        ("beta1", 1.0, "expected a number in [0, 1), got 1.0"),
        ("weight_decay", -0.5, "expected zero or a positive number"),
        ("epsilon", 0, "expected a positive number"),
        ("nesterov", "yes", "expected true or false"),
        ("alpha", "0.9", "expected a number"),
    ],
)
def test_a_bad_optimiser_setting_is_refused_naming_the_field(field, value, says):
    data = json.loads(dumps(random_project(2)))
    data["training"][field] = value
    with pytest.raises(ProjectFileError) as caught:
        loads(json.dumps(data))
    assert str(caught.value).startswith(f"training.{field}: ")
    assert says in str(caught.value)


def test_adam_settings_and_state_survive_the_file():
    project = random_project(4)
    project.training = project.training.with_changes(
        optimizer="adam", beta1=0.8, beta2=0.99, epsilon=1e-6, weight_decay=0.001
    )
    data = json.loads(dumps(train(project, 4)))
    assert {k: data["training"][k] for k in ("optimizer", "beta1", "beta2", "epsilon")} == {
        "optimizer": "adam", "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-6
    }  # fmt: skip
    assert data["training"]["weight_decay"] == 0.001
    assert data["optimiser"]["step"] == 4
    assert set(data["optimiser"]) >= {"momentum_buffers", "exp_avg", "exp_avg_sq"}
    assert "square_avg" not in data["optimiser"]
    assert loads(json.dumps(data)).training == project.training


def test_resuming_twice_in_a_row_still_matches():
    project = random_project(3).copy()
    project.training = project.training.with_changes(shuffle=True, momentum=0.9, batch_size=3)
    uncut = train(reopened(project), 50)
    pieces = reopened(project)
    for steps in (7, 1, 13, 29):
        pieces = reopened(train(pieces, steps))
    assert_same_run(uncut, pieces)


def test_a_version_1_file_loads_with_the_zero_state():
    data = json.loads(dumps(train(load_example("xor"), 3)))
    data["version"] = 1
    del data["optimiser"]
    project = loads(json.dumps(data))
    assert project.optimiser is None
    trainer = trainer_of(project)
    assert all(not b.any() for b in trainer.momentum_buffers)
    assert trainer.next_batch().tolist() == [0, 1, 2, 3]


def test_the_generator_state_is_text_and_survives_exactly():
    project = train(load_example("spirals"), 5)
    data = json.loads(dumps(project))
    rng = data["optimiser"]["rng"]
    assert isinstance(rng["state"], str) and isinstance(rng["inc"], str)
    assert int(rng["state"]) >= 2**64  # the 128-bit integers kept whole
    assert loads(dumps(project)).optimiser.rng == project.optimiser.rng


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (lambda o: o["epoch"].update(position=10**6), "optimiser.epoch.position"),
        (lambda o: o["epoch"].update(order=[0, 0, 1]), "optimiser.epoch.order"),
        (lambda o: o["rng"].update(state="12x"), "optimiser.rng.state"),
        (lambda o: o["rng"].update(bit_generator="MT19937"), "optimiser.rng.bit_generator"),
        (lambda o: o["momentum_buffers"]["weights"].pop(), "optimiser.momentum_buffers.weights"),
    ],
)
def test_a_broken_state_is_refused_naming_the_field(edit, path):
    data = json.loads(dumps(train(load_example("spirals"), 5)))
    edit(data["optimiser"])
    with pytest.raises(ProjectFileError, match=path.replace(".", r"\.")):
        loads(json.dumps(data))


def test_unknown_fields_are_named_and_the_view_is_free_form():
    data = json.loads(dumps(load_example("xor")))
    data["training"]["momentun"] = 0.9
    data["colour"] = "red"
    data["view"] = {"anything": {"goes": 1}}
    project = loads(json.dumps(data))
    assert project.unknown_fields == ("training.momentun", "colour")
    assert loads(dumps(load_example("xor"))).unknown_fields == ()
