"""Issue 21, the loader: what loads must save (items 3, 13), numbers that once escaped as
OverflowError (5), 32-bit bounds for seeds and batch sizes (8), and messages that name the
field instead of showing Python internals (17)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bpstudio.model.examples import load_example
from bpstudio.model.initialisation import initialise
from bpstudio.model.project import dumps, loads
from bpstudio.model.validation import MAX_SEED, ProjectFileError
from tests.model.project_json_support import mutate, set_in


def refusal(text: str) -> str:
    with pytest.raises(ProjectFileError) as info:
        loads(text)
    return str(info.value)


def loads_and_saves(text: str):
    project = loads(text)
    assert loads(dumps(project)).equals(project)
    return project


# item 3: what loads must save --------------------------------------------------------------
def test_a_lone_surrogate_is_refused_naming_the_field():
    text = mutate(set_in(["name"], "abc\ud800"))  # json.dumps writes it as \ud800
    assert "\\ud800" in text
    message = refusal(text)
    assert message.startswith("name: the text holds \\ud800") and "surrogate" in message


def test_a_surrogate_in_a_view_key_is_refused_too():
    assert refusal(mutate(set_in(["view"], {"k\udfff": 1}))).startswith("view.k\\udfff:")


def test_a_character_outside_the_basic_plane_written_as_an_escape_pair_loads():
    project = loads_and_saves(mutate(set_in(["name"], "emoji \U0001f600")))
    assert project.name == "emoji \U0001f600"


def test_standardised_inputs_near_1e200_load_and_save():
    data = json.loads(dumps(load_example("xor")))
    data["dataset"]["inputs"] = [[1e200, -1e200], [-3e200, 2e200], [1.0, 2e200], [0.0, -1e200]]
    data["dataset"]["standardisation"] = {"on": True}
    project = loads_and_saves(json.dumps(data))
    scaling = project.dataset.scaling()
    assert np.isfinite(scaling.mean).all() and np.isfinite(scaling.std).all()


def test_standardisation_of_ordinary_data_is_unchanged_exactly():
    rows = np.array([[0.1, 5.0], [0.7, -3.0], [0.35, 2.5]])
    from bpstudio.model.data.scaling import fit_scaling

    scaling = fit_scaling(rows)
    assert np.array_equal(scaling.mean, rows.mean(axis=0))
    assert np.array_equal(scaling.std, rows.std(axis=0))


# item 13: a deeply nested view ------------------------------------------------------------
def test_a_view_nested_500_levels_is_refused_at_load_not_at_save():
    nested: dict = {}
    inner = nested
    for _ in range(500):
        inner["a"] = {}
        inner = inner["a"]
    message = refusal(mutate(set_in(["view"], nested)))
    assert message.startswith("view.a.a.") and "nested more than 32 levels deep" in message


def test_an_ordinary_view_still_loads_and_saves():
    view = {"diagram": {"zoom": 1.5, "shown": [1, 2, {"x": None}]}, "flag": True}
    assert loads_and_saves(mutate(set_in(["view"], view))).view == view


def test_nan_inside_the_view_is_refused_with_its_path():
    assert refusal(mutate(set_in(["view"], {"zoom": float("nan")}))) == (
        "view.zoom: expected a finite number, got NaN"
    )


# item 5: numbers beyond what floats and int64 hold ----------------------------------------
def test_a_400_digit_weight_is_refused_naming_the_field():
    text = mutate(set_in(["network", "weights", 0, 0, 0], 10**399))
    assert refusal(text) == "network.weights[0][0][0]: the number is too large (400 digits)"


def test_history_indices_beyond_64_bits_are_refused_naming_the_field():
    edit_steps = set_in(["history"], {"step_losses": [0.5], "step_indices": [2**70]})
    assert refusal(mutate(edit_steps)).startswith("history.step_indices[0]: expected a whole")
    edit_total = set_in(["history", "steps_taken"], 10**200)
    too_large = "history.steps_taken: the number is too large (201 digits)"
    assert refusal(mutate(edit_total)) == too_large


def test_an_integer_of_5000_digits_is_named_without_python_internals():
    text = mutate(set_in(["training", "seed"], 7)).replace('"seed": 7', '"seed": ' + "9" * 5000)
    message = refusal(text)
    assert message == "training.seed: the number is too large (5000 digits)"
    assert "int_max_str_digits" not in message


# item 8: 32-bit seeds and batch sizes ---------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        ["training", "seed"],
        ["training", "batch_size"],
        ["initialisation", "seed"],
    ],
)
def test_seeds_and_batch_sizes_are_bounded_to_31_bits(path):
    assert loads(mutate(set_in(path, MAX_SEED)))  # the largest a spin box holds: fine
    message = refusal(mutate(set_in(path, 2**31)))
    assert message == f"{'.'.join(path)}: expected a whole number <= {MAX_SEED}, got {2**31}"


def test_the_split_seed_is_bounded_too():
    split = {"test_fraction": 0.25, "seed": 2**40}
    message = refusal(mutate(set_in(["dataset", "split"], split)))
    assert message.startswith("dataset.split.seed: expected a whole number <=")


# item 17: messages -----------------------------------------------------------------------------
def test_a_byte_order_mark_is_accepted():
    raw = b"\xef\xbb\xbf" + mutate(lambda d: None).encode("utf-8")
    assert loads(raw).equals(load_example("seed"))


def test_infinity_is_refused_naming_the_field():
    text = mutate(set_in(["training", "learning_rate"], 0.123)).replace("0.123", "Infinity")
    assert refusal(text) == "training.learning_rate: expected a finite number, got Infinity"


def test_a_bad_initialisation_scale_is_refused_at_load_so_reset_works():
    message = refusal(mutate(set_in(["initialisation", "scale"], -1.0)))
    assert message == "initialisation.scale: expected a number from 0 to 1000000.0, got -1.0"
    project = loads(mutate(set_in(["initialisation", "scheme"], "uniform")))
    initialise(project.network, project.initialisation)  # the scale that loads draws fine
