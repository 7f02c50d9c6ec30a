"""Edits of a project's kept runs, each a new project (the old one untouched, for undo)."""

from __future__ import annotations

from collections.abc import Iterable

from bpstudio.model.data.label_rules import check_targets
from bpstudio.model.history import LossHistory
from bpstudio.model.messages import ModelError
from bpstudio.model.project import Project
from bpstudio.model.runs import KeptRun


def with_runs_added(project: Project, runs: Iterable[KeptRun]) -> Project:
    result = project.copy()
    result.runs = (*project.runs, *runs)
    return result


def with_run_removed(project: Project, index: int) -> Project:
    _check_index(project, index)
    result = project.copy()
    result.runs = project.runs[:index] + project.runs[index + 1 :]
    return result


def with_run_renamed(project: Project, index: int, name: str) -> Project:
    _check_index(project, index)
    result = project.copy()
    runs = list(project.runs)
    runs[index] = runs[index].renamed(name)
    result.runs = tuple(runs)
    return result


def restored(project: Project, run: KeptRun) -> Project:
    """``project`` with ``run``'s settings and starting weights, and training not begun (no
    history, the optimiser at zero): as the run started.  The data and the runs stay."""
    sizes = run.start.layer_sizes
    data = project.dataset
    if (sizes[0], sizes[-1]) != (data.n_inputs, data.n_targets):
        raise ModelError(
            "the run {name!r} has {inputs} inputs and {outputs} outputs; the data has "
            "{columns} input and {targets} target columns",
            name=run.name,
            inputs=sizes[0],
            outputs=sizes[-1],
            columns=data.n_inputs,
            targets=data.n_targets,
        )
    check_targets(data.targets, run.loss, run.start.output_activation)
    result = project.copy()
    result.network = run.start.copy()
    result.loss, result.training, result.initialisation = run.loss, run.training, run.initialisation
    result.history, result.steps_taken, result.optimiser = LossHistory(), 0, None
    return result


def _check_index(project: Project, index: int) -> None:
    if not 0 <= index < len(project.runs):
        raise ModelError("there is no run {index} (runs 0 .. {last})", index=index,
                         last=len(project.runs) - 1)  # fmt: skip
