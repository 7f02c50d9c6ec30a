"""Test loss and accuracy measured on the training thread, at epoch ends, at a bounded rate.

An evaluation is a forward pass over all the data: cheap for a few hundred rows, not for
200,000.  So it runs at an epoch end only when at least MIN_INTERVAL_S have passed since the
last one AND ten times as long as the last one took: it never costs more than a tenth of the
training time, and a small data set still gets a test-loss point several times a second.
"""

from __future__ import annotations

from time import perf_counter

from bpstudio.model.evaluation import Evaluation, evaluate
from bpstudio.model.project import Project
from bpstudio.model.training import Trainer

MIN_INTERVAL_S = 0.1
MAX_SHARE_OF_TIME = 0.1


class EpochEvaluator:
    def __init__(self) -> None:
        self._pending: list[Evaluation] = []
        self._next_due = 0.0  # perf_counter() time from which the next one may run
        self._last_step = -1

    def is_due(self) -> bool:
        """True when the next epoch end should be evaluated (the worker ends a run there)."""
        return perf_counter() >= self._next_due

    def at_epoch_end(self, project: Project, trainer: Trainer) -> None:
        if self.is_due():
            self.evaluate_now(project, trainer)

    def evaluate_now(self, project: Project, trainer: Trainer) -> None:
        """Measure now (when training stops), unless nothing was trained since the last."""
        if trainer.step_count == self._last_step:
            return
        started = perf_counter()
        self._pending.append(
            evaluate(
                trainer.network,
                project.dataset,
                project.loss,
                trainer.step_count,
                trainer.epoch_count,
            )
        )
        took = perf_counter() - started
        self._next_due = perf_counter() + max(MIN_INTERVAL_S, took / MAX_SHARE_OF_TIME)
        self._last_step = trainer.step_count

    def take(self) -> tuple[Evaluation, ...]:
        """The evaluations made since the last call (for the next snapshot)."""
        pending, self._pending = tuple(self._pending), []
        return pending

    def clear(self) -> None:
        self._pending.clear()
        self._last_step = -1
