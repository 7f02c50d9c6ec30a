"""Issue 21 item 16 and issue 14's shared rule: cross-entropy targets lie in [0, 1], and with a
softmax output each target row is a distribution.  One rule (model/data/label_rules.py), applied by
project load (naming the field), CSV import, data table edits and a change of loss or output
activation (naming the row, counted from 1)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bpstudio.model import editing
from bpstudio.model.data import data_editing
from bpstudio.model.data.csv_io import CsvImportError, import_csv_text
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.data.label_rules import LabelError, check_targets
from bpstudio.model.examples import load_example
from bpstudio.model.project import dumps, loads
from bpstudio.model.validation import ProjectFileError


def and_gate_json() -> dict:
    return json.loads(dumps(load_example("and_gate")))  # cross-entropy, one sigmoid output


def softmax_project():
    """Three one-hot classes through a softmax output with cross-entropy."""
    project = load_example("and_gate")
    inputs = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
    project = data_editing.replace_dataset(project, Dataset(inputs, np.eye(3)), resize=True)
    return editing.set_activation(project, 2, "softmax")


def test_the_loader_refuses_cross_entropy_targets_outside_0_1():
    data = and_gate_json()
    data["dataset"]["targets"][2] = [34.5]  # once trained to a "loss" of -33.5
    with pytest.raises(ProjectFileError) as info:
        loads(json.dumps(data))
    assert str(info.value) == (
        "dataset.targets[2]: cross-entropy needs targets from 0 to 1; target 1 is 34.5"
    )


def test_the_loader_refuses_softmax_rows_that_are_not_distributions():
    data = json.loads(dumps(softmax_project()))
    data["dataset"]["targets"][1] = [0.5, 0.2, 0.2]
    with pytest.raises(ProjectFileError) as info:
        loads(json.dumps(data))
    assert str(info.value).startswith("dataset.targets[1]: with softmax and cross-entropy")
    assert "adds up to 0.9" in str(info.value)


def test_soft_labels_that_add_up_to_1_are_fine():
    check_targets(np.array([[0.1, 0.2, 0.7], [1 / 3, 1 / 3, 1 / 3]]), "cross_entropy", "softmax")
    check_targets(np.array([[0.25], [1.0]]), "cross_entropy", "sigmoid")
    check_targets(np.array([[-5.0], [40.0]]), "mse", "linear")  # other losses: any number


def test_a_data_table_edit_is_refused_naming_the_row():
    project = load_example("and_gate")
    column = project.dataset.n_inputs  # the first target column
    with pytest.raises(LabelError) as info:
        data_editing.set_data_cell(project, 3, column, 2.0)
    assert str(info.value) == "row 4: cross-entropy needs targets from 0 to 1; target 1 is 2"
    data_editing.set_data_cell(project, 3, column, 0.0)  # a label in range: fine


def test_a_csv_import_with_targets_the_loss_cannot_use_is_refused_naming_the_row():
    imported = import_csv_text("x1,x2,y\n0,0,0\n0,1,1\n1,0,7\n1,1,1\n")
    with pytest.raises(CsvImportError) as info:  # the file's row, as an editor counts it
        imported.check_labels("cross_entropy", "sigmoid")
    assert str(info.value) == "row 4: cross-entropy needs targets from 0 to 1; target 1 is 7"
    imported.check_labels("mse", "sigmoid")
    with pytest.raises(LabelError, match=r"^row 3: cross-entropy needs targets from 0 to 1"):
        data_editing.replace_dataset(load_example("and_gate"), imported.dataset)


def test_switching_to_cross_entropy_is_refused_while_targets_are_out_of_range():
    project = load_example("sine")  # regression targets in [-1, 1]
    project = editing.set_activation(project, project.network.n_layers, "sigmoid")
    with pytest.raises(LabelError, match=r"^row 1: cross-entropy needs targets from 0 to 1"):
        editing.set_loss(project, "cross_entropy")


def test_switching_the_output_to_softmax_checks_the_rows():
    project = load_example("and_gate")
    inputs = project.dataset.inputs
    targets = np.array([[0.2, 0.2], [0.5, 0.5], [0.0, 1.0], [1.0, 0.0]])
    project = data_editing.replace_dataset(project, Dataset(inputs, targets), resize=True)
    with pytest.raises(LabelError, match=r"^row 1: with softmax and cross-entropy"):
        editing.set_activation(project, 2, "softmax")


def test_cross_entropy_of_accepted_data_is_never_negative():
    project = softmax_project()
    from bpstudio.model import Trainer

    trainer = Trainer(project.network, project.dataset, project.loss, project.training)
    assert trainer.dataset_loss() >= 0
