"""CSV import and export of data (and export of weights).

Import is all-or-nothing: ``import_csv`` returns a new Dataset or raises CsvImportError (a
ProjectFileError) naming the row and column; it never touches a project, so nothing changes
unless it succeeds.  A single target column of text (``setosa``, ``versicolor``, ...) holds
class labels and is one-hot encoded (see ``encode_labels``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpstudio.model.data.csv_table import (
    AUTO,
    CsvImportError,
    CsvTable,
    column_label,
    parse_number,
    parse_table,
    read_csv_file,
)
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.data.label_rules import target_problem
from bpstudio.model.messages import Message
from bpstudio.model.network import Network

MAX_CLASSES = 100  # one-hot target columns made from a column of text labels

__all__ = [
    "CsvImportError",
    "ImportedData",
    "dataset_csv",
    "encode_labels",
    "import_csv",
    "import_csv_text",
    "table_to_dataset",
    "weights_csv",
]


@dataclass(frozen=True)
class ImportedData:
    dataset: Dataset
    input_names: list[str]
    target_names: list[str]  # one per target column (a class name for one-hot columns)
    row_numbers: tuple[int, ...] = ()  # the file row (1-based) of each data row

    def check_labels(self, loss: str, output_activation: str) -> None:
        """CsvImportError naming the file's row when the targets break the label rule of
        ``loss`` (model/data/label_rules.py: cross-entropy wants targets in [0, 1], ...)."""
        problem = target_problem(self.dataset.targets, loss, output_activation)
        if problem is not None:
            row, why = problem
            shown = self.row_numbers[row] if self.row_numbers else row + 1
            raise CsvImportError("row {row}: {reason}", row=shown, reason=why)


def import_csv(
    path: str | os.PathLike,
    input_columns: Sequence[int] | None = None,
    target_columns: Sequence[int] | None = None,
    delimiter: str = AUTO,
    header: bool | str = AUTO,
) -> ImportedData:
    """Read ``path``; columns are 0-based; by default the last column is the target."""
    table = parse_table(read_csv_file(path), delimiter, header)
    return table_to_dataset(table, input_columns, target_columns)


def import_csv_text(text: str, input_columns=None, target_columns=None, delimiter=AUTO,
                    header=AUTO) -> ImportedData:  # fmt: skip
    return table_to_dataset(parse_table(text, delimiter, header), input_columns, target_columns)


def table_to_dataset(
    table: CsvTable,
    input_columns: Sequence[int] | None = None,
    target_columns: Sequence[int] | None = None,
) -> ImportedData:
    inputs_at, targets_at = _chosen_columns(table.n_columns, input_columns, target_columns)
    inputs = np.column_stack([_numeric_column(table, c) for c in inputs_at])
    labelled = len(targets_at) == 1 and _is_label_column(table, targets_at[0])
    if labelled:
        labels = [row[targets_at[0]] for row in table.rows]
        targets, target_names = encode_labels(labels, column_label(table, targets_at[0]))
    else:
        targets = np.column_stack([_numeric_column(table, c) for c in targets_at])
        target_names = [table.names[c] for c in targets_at]
    names = [table.names[c] for c in inputs_at]
    # The dataset keeps the header's names and the label's classes (not "column 2": a file
    # without a header has no names, and the interface writes x₁, Ŷ₁ then).
    kept_inputs = tuple(names) if table.has_header else None
    kept_targets = tuple(target_names) if table.has_header or labelled else None
    dataset = Dataset(inputs, targets, input_names=kept_inputs, target_names=kept_targets)
    return ImportedData(dataset, names, target_names, tuple(table.row_numbers))


def _chosen_columns(n_columns: int, inputs, targets) -> tuple[list[int], list[int]]:
    if n_columns < 2:
        raise CsvImportError(
            "the file has {count} column; it needs at least 2 (inputs and a target)",
            count=n_columns,
        )
    targets = [n_columns - 1] if targets is None else [int(c) for c in targets]
    if inputs is None:
        inputs = [c for c in range(n_columns) if c not in targets]
    inputs = [int(c) for c in inputs]
    if not inputs or not targets:
        raise CsvImportError("choose at least one input column and one target column")
    for c in inputs + targets:
        if not 0 <= c < n_columns:
            raise CsvImportError(
                "there is no column {column}: the file has {count}", column=c + 1, count=n_columns
            )
    if set(inputs) & set(targets):
        raise CsvImportError("a column cannot be both an input and a target")
    return inputs, targets


def _is_label_column(table: CsvTable, column: int) -> bool:
    """Text labels: no cell of the column is a number (and none is empty)."""
    return all(
        row[column] and parse_number(row[column], table.delimiter) is None for row in table.rows
    )


def _numeric_column(table: CsvTable, column: int) -> np.ndarray:
    values = np.empty(len(table.rows))
    for i, row in enumerate(table.rows):
        cell = row[column]
        value = parse_number(cell, table.delimiter)
        if value is None:
            where: dict[str, object] = {"row": table.row_numbers[i], "column": column + 1}
            where["name"] = column_label(table, column)
            if not cell:
                raise CsvImportError(
                    "row {row}, column {column} ({name}): the value is missing", **where
                )
            raise CsvImportError(
                "row {row}, column {column} ({name}): {cell!r} is not a number",
                cell=cell[:40],
                **where,
            )
        values[i] = value
    return values


def encode_labels(
    labels: Sequence[str], column: Message | str = "target"
) -> tuple[np.ndarray, list[str]]:
    """Class labels as target columns, classes in sorted order: one 0/1 column for two
    classes (one sigmoid output), one-hot columns for three or more (one output per class).
    At most MAX_CLASSES: a column of names or IDs has a label a row, and one output per row
    would be a network (and a one-hot table) the size of the file squared."""
    classes = sorted(set(labels))
    if len(classes) < 2:
        raise CsvImportError("the target column has one class only ({label!r})", label=classes[0])
    if len(classes) > MAX_CLASSES:
        raise CsvImportError(
            "the target column ({name}) has {count:,} different labels, more than {limit} "
            "classes: is it a name or an ID? Choose another column as the target",
            name=column,
            count=len(classes),
            limit=MAX_CLASSES,
        )
    number = {label: i for i, label in enumerate(classes)}
    index = np.fromiter((number[label] for label in labels), dtype=np.intp, count=len(labels))
    if len(classes) == 2:
        return index.reshape(-1, 1).astype(float), [classes[1]]
    return np.eye(len(classes))[index], classes


# export ----------------------------------------------------------------------------------
def dataset_csv(dataset: Dataset, input_names=None, target_names=None) -> str:
    """Header and raw rows (full precision: import gives back exactly these numbers)."""
    names = list(input_names or [f"x{j + 1}" for j in range(dataset.n_inputs)])
    names += list(target_names or [f"target{k + 1}" for k in range(dataset.n_targets)])
    lines = [",".join(_quoted(n) for n in names)]
    for x, y in zip(dataset.inputs, dataset.targets, strict=True):
        lines.append(",".join(repr(float(v)) for v in (*x, *y)))
    return "\n".join(lines) + "\n"


def weights_csv(network: Network) -> str:
    """One row per weight and bias: layer l, from unit j ("bias" for b), to unit k, value."""
    lines = ["layer,from,to,value"]
    for i, w in enumerate(network.weights):
        for j, k in np.ndindex(w.shape):
            lines.append(f"{i + 2},{j + 1},{k + 1},{float(w[j, k])!r}")
        if network.biases is not None:
            for k, b in enumerate(network.biases[i]):
                lines.append(f"{i + 2},bias,{k + 1},{float(b)!r}")
    return "\n".join(lines) + "\n"


def _quoted(name: str) -> str:
    if any(c in name for c in ',;"\t'):
        return '"' + name.replace('"', '""') + '"'
    return name
