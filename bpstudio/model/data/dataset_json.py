"""The ``dataset`` object of the project file, with its optional split and standardisation.

Both are optional fields of format version 1: written only when in use, so files without them
stay as they were, and older BP Studio versions (which ignore unknown fields) still open them.
See docs/project-format.md.
"""

from __future__ import annotations

import numpy as np

from bpstudio.model.data.dataset import MAX_TEST_FRACTION, Dataset
from bpstudio.model.validation import (
    MAX_SEED,
    expect_bool,
    expect_int,
    expect_list,
    expect_number,
    expect_object,
    expect_str,
    expect_vector,
    fail,
)

MAX_NAME_LENGTH = 200


def dataset_to_json(dataset: Dataset) -> dict:
    data = {"inputs": dataset.inputs.tolist(), "targets": dataset.targets.tolist()}
    if dataset.test_fraction > 0:
        data["split"] = {"test_fraction": dataset.test_fraction, "seed": dataset.split_seed}
    if dataset.standardise:
        # Written so that a reader of the file sees what the network was trained on; they
        # follow from the data and the split, so loading recomputes rather than trusts them.
        scaling = dataset.scaling()
        data["standardisation"] = {
            "on": True,
            "mean": scaling.mean.tolist(),
            "std": scaling.std.tolist(),
        }
    # Optional (format version 2): the imported file's column and class names.
    if dataset.input_names is not None:
        data["input_names"] = list(dataset.input_names)
    if dataset.target_names is not None:
        data["target_names"] = list(dataset.target_names)
    return data


def dataset_settings_from_json(ds: dict, dataset: Dataset) -> Dataset:
    """``dataset`` with the split and standardisation read from the file's ``dataset``."""
    fraction, seed = _read_split(ds.get("split"))
    standardise = _read_standardisation(ds.get("standardisation"), dataset.n_inputs)
    names = (
        _read_names(ds.get("input_names"), "dataset.input_names", dataset.n_inputs),
        _read_names(ds.get("target_names"), "dataset.target_names", dataset.n_targets),
    )
    dataset = dataset.with_names(*names)
    result = dataset.with_settings(test_fraction=fraction, split_seed=seed, standardise=standardise)
    if standardise:
        scaling = result.scaling()
        if not (np.isfinite(scaling.mean).all() and np.isfinite(scaling.std).all()):
            # what loads must save: the file holds these statistics
            raise fail("dataset.inputs", "the inputs are too large to standardise")
    return result


def _read_names(value, path: str, count: int) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = expect_list(value, path, count, "names")
    names = tuple(expect_str(item, f"{path}[{i}]") for i, item in enumerate(items))
    for i, name in enumerate(names):
        if not name.strip() or len(name) > MAX_NAME_LENGTH:
            raise fail(
                f"{path}[{i}]",
                "expected a name of 1 to {limit} characters",
                limit=MAX_NAME_LENGTH,
            )
    return names


def _read_split(split) -> tuple[float, int]:
    if split is None:
        return 0.0, 0
    split = expect_object(split, "dataset.split")
    fraction = expect_number(split.get("test_fraction", 0.0), "dataset.split.test_fraction")
    if not 0 <= fraction <= MAX_TEST_FRACTION:
        raise fail(
            "dataset.split.test_fraction",
            f"expected a number between 0 and {MAX_TEST_FRACTION}, got {fraction}",
        )
    seed = expect_int(split.get("seed", 0), "dataset.split.seed", minimum=0, maximum=MAX_SEED)
    return fraction, seed


def _read_standardisation(value, n_inputs: int) -> bool:
    if value is None:
        return False
    value = expect_object(value, "dataset.standardisation")
    on = expect_bool(value.get("on", False), "dataset.standardisation.on")
    for key in ("mean", "std"):
        if key in value:
            expect_vector(value[key], f"dataset.standardisation.{key}", n_inputs)
    return on
