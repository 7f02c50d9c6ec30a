"""The project file: exact round trips, atomic saves, and an error naming the field for each
malformed case."""

import os

import numpy as np
import pytest

from bpstudio.model import Project, ProjectFileError, load_project, loads, save_project
from bpstudio.model.examples import example_names, example_path, load_example
from bpstudio.model.project import to_json
from tests.model.project_json_support import mutate, set_in


def test_examples_include_seed_xor_and_one_with_biases():
    names = example_names()
    assert names[0] == "seed" and "xor" in names
    assert any(load_example(n).network.use_bias for n in names)


def test_seed_example_is_the_documents_network():
    project = load_example("seed")
    net = project.network
    assert net.layer_sizes == [3, 2, 2] and net.activations == ["sigmoid", "sigmoid"]
    assert not net.use_bias and project.loss == "half_sse" and project.dataset.n_samples == 1


@pytest.mark.parametrize("name", ["seed", "xor", "sine", "and_gate"])
def test_round_trip_is_exact(tmp_path, name):
    project = load_example(name)
    rng = np.random.default_rng(1)
    project.network.weights[0] = rng.normal(size=project.network.weights[0].shape) / 3
    project.history.steps.extend([0.5, 1 / 3, 1e-300])
    project.steps_taken = 3
    project.view = {"zoom": 1.25, "docks": ["lossPlot"]}
    path = tmp_path / "p.json"
    save_project(project, path)
    again = load_project(path)
    assert again.equals(project)
    for a, b in zip(again.network.weights, project.network.weights, strict=True):
        assert np.array_equal(a, b)
    np.testing.assert_array_equal(again.history.steps.view(), project.history.steps.view())


def test_save_is_atomic_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    save_project(load_example("seed"), path)
    original = path.read_bytes()

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        save_project(load_example("xor"), path)
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json"]


MALFORMED = [
    (
        set_in(["network", "weights", 1, 0], [0.1, 0.2, 0.3]),
        "network.weights[1][0]: expected 2 numbers, got 3",
    ),
    (set_in(["network", "weights", 0, 2, 1], "x"), "network.weights[0][2][1]: expected a number"),
    (set_in(["network", "weights", 0], [[0.1, 0.2]]), "network.weights[0]: expected 3 rows, got 1"),
    (
        set_in(["network", "activations", 0], "swish"),
        "network.activations[0]: unknown name 'swish'",
    ),
    (
        set_in(["network", "activations"], ["softmax", "sigmoid"]),
        "network.activations[0]: softmax is for the output layer only",
    ),
    (set_in(["network", "layer_sizes"], [3]), "network.layer_sizes: expected at least 2 layers"),
    (
        set_in(["network", "layer_sizes", 1], 0),
        "network.layer_sizes[1]: expected a whole number >= 1",
    ),
    (set_in(["loss"], "hinge"), "loss: unknown name 'hinge'"),
    (set_in(["version"], 99), "version: the file is format version 99, newer than"),
    (set_in(["format"], "something-else"), "format: expected 'bpstudio-project'"),
    (set_in(["dataset", "targets"], [[0.9]]), "dataset.targets[0]: expected 2 numbers, got 1"),
    (set_in(["dataset", "inputs"], []), "dataset.inputs: expected at least one row"),
    (set_in(["network", "use_bias"], True), "network.biases: expected a list, got null"),
    (set_in(["training", "learning_rate"], -1), "training.learning_rate: expected a positive"),
    (set_in(["training", "batch_size"], 0), "training.batch_size: expected a whole number >= 1"),
    (set_in(["network", "use_bias"], "yes"), "network.use_bias: expected true or false"),
    (lambda d: d["network"].pop("weights"), "network: missing field 'weights'"),
    (set_in(["loss"], "cross_entropy"), None),  # sigmoid output: allowed
]


@pytest.mark.parametrize("edit,message", MALFORMED)
def test_each_malformed_field_is_named(edit, message):
    text = mutate(edit)
    if message is None:
        loads(text)
        return
    with pytest.raises(ProjectFileError) as info:
        loads(text)
    assert message in str(info.value)


def test_nan_and_infinity_are_refused_naming_the_field():
    text = example_path("seed").read_text(encoding="utf-8").replace("0.4", "NaN", 1)
    with pytest.raises(ProjectFileError) as info:
        loads(text)
    assert str(info.value) == "network.weights[0][0][1]: expected a finite number, got NaN"
    text = example_path("seed").read_text(encoding="utf-8").replace("0.4", "-Infinity", 1)
    with pytest.raises(ProjectFileError, match="-Infinity"):
        loads(text)
    with pytest.raises(ProjectFileError, match="finite"):
        loads(mutate(set_in(["network", "weights", 0, 0, 0], 1e999)))


def test_truncated_and_non_json_files_say_so(tmp_path):
    full = example_path("seed").read_bytes()
    for cut in (0, 1, len(full) // 2, len(full) - 3):
        with pytest.raises(ProjectFileError, match="not valid JSON"):
            loads(full[:cut])
    with pytest.raises(ProjectFileError, match="not a text file"):
        loads(b"\xff\xfe\x00garbage")
    with pytest.raises(ProjectFileError, match="expected an object"):
        loads("[1, 2, 3]")
    with pytest.raises(ProjectFileError, match="cannot read"):
        load_project(tmp_path / "missing.json")


def test_too_large_files_are_refused_before_reading(tmp_path, monkeypatch):
    from bpstudio.model import project as project_module

    monkeypatch.setattr(project_module, "MAX_PROJECT_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 101)
    with pytest.raises(ProjectFileError, match="limited to"):
        load_project(path)


def test_file_matches_the_documented_layout():
    data = to_json(load_example("seed"))
    assert data["format"] == "bpstudio-project" and data["version"] == 2
    assert data["network"]["weights"][1][0][1] == load_example("seed").network.weight(3)[0, 1]
    assert set(data["training"]) >= {"learning_rate", "momentum", "batch_size", "shuffle", "seed"}
    assert isinstance(Project, type)
