"""Edits of a project's data.  Every function returns a NEW Project (see editing.py: the undo
commands keep the projects before and after, which is only correct when nothing is mutated).

Rows are 0-based here (the table's rows); data columns are the inputs first, then the
targets, as the data table shows them.
"""

from __future__ import annotations

import numpy as np

from bpstudio.model import editing
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.data.label_rules import check_targets
from bpstudio.model.project import Project


def fits(project: Project, dataset: Dataset) -> bool:
    net = project.network
    return (dataset.n_inputs, dataset.n_targets) == (net.n_inputs, net.n_outputs)


def replace_dataset(project: Project, dataset: Dataset, resize: bool = False) -> Project:
    """``dataset`` instead of the project's data.  When its shape differs from the network's
    input/output layers, ``resize`` adds or removes units there (fresh weights, drawn as
    editing.add_unit draws them); otherwise that is a ValueError."""
    if not fits(project, dataset):
        if not resize:
            dataset.check_fits(project.network.layer_sizes)
        project = resize_io(project, dataset.n_inputs, dataset.n_targets)
    check_targets(dataset.targets, project.loss, project.network.output_activation)
    result = project.copy()
    result.dataset = dataset.copy()
    return result


def resize_io(project: Project, n_inputs: int, n_outputs: int) -> Project:
    """The input layer resized to ``n_inputs`` units and the output layer to ``n_outputs``.

    Units come and go at the end of a layer; the other weights stay as they were.
    """
    for layer, size in ((1, n_inputs), (project.network.n_layers, n_outputs)):
        while project.network.layer_sizes[layer - 1] < size:
            project = editing.add_unit(project, layer)
        while project.network.layer_sizes[layer - 1] > size:
            project = editing.remove_unit(project, layer, project.network.layer_sizes[layer - 1])
    return project


def set_data_cell(project: Project, row: int, column: int, value: float) -> Project:
    """Cell (row, column) of the data table: column < n_inputs is an input, then targets."""
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"a data value must be a finite number, not {value}")
    data = project.dataset
    _check_row(data, row)
    inputs, targets = data.inputs.copy(), data.targets.copy()
    if 0 <= column < data.n_inputs:
        inputs[row, column] = value
    elif data.n_inputs <= column < data.n_inputs + data.n_targets:
        targets[row, column - data.n_inputs] = value
        check_targets(targets[row], project.loss, project.network.output_activation, row)
    else:
        raise ValueError(f"there is no data column {column + 1}")
    return _with_dataset(project, data.with_rows(inputs, targets))


def add_row(project: Project, after: int | None = None) -> Project:
    """A new sample after row ``after`` (default: at the end), a copy of that row: the student
    then edits the numbers that should differ."""
    data = project.dataset
    source = data.n_samples - 1 if after is None else after
    _check_row(data, source)
    inputs = np.insert(data.inputs, source + 1, data.inputs[source], axis=0)
    targets = np.insert(data.targets, source + 1, data.targets[source], axis=0)
    return _with_dataset(project, data.with_rows(inputs, targets))


def remove_row(project: Project, row: int) -> Project:
    data = project.dataset
    _check_row(data, row)
    if data.n_samples == 1:
        raise ValueError("the data needs at least one sample; this is the last one")
    inputs = np.delete(data.inputs, row, axis=0)
    targets = np.delete(data.targets, row, axis=0)
    return _with_dataset(project, data.with_rows(inputs, targets))


def set_split(project: Project, test_fraction: float, seed: int) -> Project:
    settings = {"test_fraction": float(test_fraction), "split_seed": int(seed)}
    return _with_dataset(project, project.dataset.with_settings(**settings))


def set_standardise(project: Project, on: bool) -> Project:
    return _with_dataset(project, project.dataset.with_settings(standardise=bool(on)))


def _check_row(data: Dataset, row: int) -> None:
    if not 0 <= row < data.n_samples:
        raise ValueError(f"there is no row {row + 1}: the data has {data.n_samples}")


def _with_dataset(project: Project, dataset: Dataset) -> Project:
    result = project.copy()
    result.dataset = dataset
    return result
