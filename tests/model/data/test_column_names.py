"""An imported file's column and class names stay with the data (and in the project file)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bpstudio.model.data import data_editing
from bpstudio.model.data.csv_io import import_csv_text
from bpstudio.model.derivation import derive_project
from bpstudio.model.examples import load_example
from bpstudio.model.project import dumps, loads
from bpstudio.model.validation import ProjectFileError

CSV = "sepal;petal;species\n1;2;setosa\n3;4;versicolor\n5;6;virginica\n"


def imported_project():
    dataset = import_csv_text(CSV).dataset
    return data_editing.replace_dataset(load_example("xor"), dataset, resize=True)


def test_a_header_and_a_label_column_give_names():
    dataset = import_csv_text(CSV).dataset
    assert dataset.input_names == ("sepal", "petal")
    assert dataset.target_names == ("setosa", "versicolor", "virginica")


def test_a_file_without_a_header_has_no_names_but_its_classes():
    dataset = import_csv_text("1;2;cat\n3;4;dog\n5;6;emu\n").dataset
    assert dataset.input_names is None and dataset.target_names == ("cat", "dog", "emu")
    two = import_csv_text("1;2;cat\n3;4;dog\n").dataset  # one 0/1 column: "is it a dog"
    assert two.target_names == ("dog",)


def test_names_survive_row_edits_and_settings_and_go_when_the_columns_change():
    dataset = import_csv_text(CSV).dataset
    assert dataset.with_rows(dataset.inputs[:2], dataset.targets[:2]).input_names == (
        "sepal",
        "petal",
    )
    assert dataset.with_settings(standardise=True).target_names == dataset.target_names
    assert dataset.with_rows(dataset.inputs[:, :1], dataset.targets).input_names is None


def test_the_project_file_keeps_them_and_reads_files_without_them():
    project = imported_project()
    again = loads(dumps(project))
    assert again.dataset.input_names == ("sepal", "petal")
    assert again.dataset.target_names == ("setosa", "versicolor", "virginica")
    assert again.equals(project)
    plain = json.loads(dumps(load_example("xor")))
    assert "input_names" not in plain["dataset"]  # written only when known
    assert loads(json.dumps(plain)).dataset.input_names is None


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["only one"], "dataset.input_names: expected 2 names, got 1"),
        (["a", 3], "dataset.input_names[1]: expected text"),
        (["a", " "], "dataset.input_names[1]: expected a name of 1 to 200 characters"),
    ],
)
def test_bad_names_in_a_file_are_named_with_their_place(names, message):
    data = json.loads(dumps(imported_project()))
    data["dataset"]["input_names"] = names
    with pytest.raises(ProjectFileError, match=message.replace("[", r"\[").replace("]", r"\]")):
        loads(json.dumps(data))


def test_the_walkthrough_intro_says_what_the_symbols_stand_for():
    intro = derive_project(imported_project(), 0).intro
    assert "Inputs: x₁ = sepal, x₂ = petal." in intro
    assert "Labels: Ŷ₁ = setosa, Ŷ₂ = versicolor, Ŷ₃ = virginica." in intro
    assert "输入：x₁ = sepal" in derive_project(imported_project(), 0, lang="zh").intro
    assert np.isfinite(derive_project(load_example("xor"), 0).steps[0].value)
    assert "Inputs:" not in derive_project(load_example("xor"), 0).intro
