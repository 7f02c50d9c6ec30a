"""Kept runs in the project file: the optional field ``runs`` (format version 2).

Each run is written with the project's own fields for what they share (``network`` with the
starting weights, ``loss``, ``training``, ``initialisation``, and ``history`` with the epoch
losses), read back by the project's own readers, so a run's settings are checked exactly as the
project's are and an error names the run: ``runs[2]: training.learning_rate: ...``.  The
project file module hands those writers and readers in (`RunFields`): this module does not
import it.  See docs/project-format.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bpstudio.model.history import LossHistory
from bpstudio.model.initialisation import InitScheme
from bpstudio.model.network import Network
from bpstudio.model.runs import KeptRun, kept_curve
from bpstudio.model.training import TrainingConfig
from bpstudio.model.validation import (
    ProjectFileError,
    expect_bool,
    expect_list,
    expect_number,
    expect_object,
    expect_str,
    fail,
    require,
)

Settings = tuple[Network, str, TrainingConfig, InitScheme]
MAX_RUNS = 1000  # a file with more is damaged or not ours


@dataclass(frozen=True)
class RunFields:
    """The project file's writer and readers of the fields a run shares with a project."""

    write_settings: Callable[[Network, str, TrainingConfig, InitScheme], dict[str, Any]]
    read_settings: Callable[[dict[str, Any]], Settings]
    read_history: Callable[[Any], tuple[int, LossHistory]]


def runs_to_json(runs: tuple[KeptRun, ...], fields: RunFields) -> dict[str, Any]:
    """``{"runs": [...]}``, or nothing when there are none (a file without runs is unchanged)."""
    if not runs:
        return {}
    return {"runs": [_run_json(run, fields) for run in runs]}


def _run_json(run: KeptRun, fields: RunFields) -> dict[str, Any]:
    return {
        "name": run.name,
        **fields.write_settings(run.start, run.loss, run.training, run.initialisation),
        "history": run.curve.to_json("epoch"),
        "final_loss": _number_or_null(run.final_loss),
        "final_accuracy": _number_or_null(run.final_accuracy),
        "diverged": run.diverged,
    }


def _number_or_null(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def runs_from_json(value: Any, fields: RunFields) -> tuple[KeptRun, ...]:
    if value is None:
        return ()
    items = expect_list(value, "runs")
    if len(items) > MAX_RUNS:
        raise fail("runs", "expected at most {limit} runs, got {count}", limit=MAX_RUNS,
                   count=len(items))  # fmt: skip
    return tuple(_read_run(item, f"runs[{i}]", fields) for i, item in enumerate(items))


def _read_run(value: Any, path: str, fields: RunFields) -> KeptRun:
    data = expect_object(value, path)
    name = expect_str(require(data, "name", path), f"{path}.name")
    try:  # the project's readers name the field inside the run
        network, loss, training, init = fields.read_settings(data)
        _, history = fields.read_history(data.get("history"))
    except ProjectFileError as exc:
        raise fail(path, exc) from None
    accuracy = _read_optional_number(data, "final_accuracy", path)
    if not (math.isnan(accuracy) or 0 <= accuracy <= 1):
        raise fail(f"{path}.final_accuracy", "expected a number from 0 to 1, got {value}",
                   value=accuracy)  # fmt: skip
    return KeptRun(
        name,
        network,
        loss,
        training,
        init,
        kept_curve(history.epochs),
        _read_optional_number(data, "final_loss", path),
        accuracy,
        expect_bool(data.get("diverged", False), f"{path}.diverged"),
    )


def _read_optional_number(data: dict[str, Any], key: str, path: str) -> float:
    value = data.get(key)
    return math.nan if value is None else expect_number(value, f"{path}.{key}")
