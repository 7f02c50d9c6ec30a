"""The trainer's next step, seen from a project: which rows it takes, and the step itself.

The walkthrough derives THE NEXT TRAINING STEP: the batch `Trainer` will take next (from the
project's optimiser state: the epoch's order and position), never a held-out row, and an update
equal to what Step does.  Both come from a `Trainer` built on copies, so they cannot drift from
training: there is one trainer, and this is it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.model.history import LossHistory
from bpstudio.model.optimiser_state import OptimiserState
from bpstudio.model.training import Trainer

# A Project is passed in (not imported: project.py imports the derivation, which imports this)


def trainer_for(project, history: LossHistory | None = None) -> Trainer:
    """A Trainer on a copy of ``project``'s network, continuing from its optimiser state."""
    return Trainer(
        project.network.copy(),  # the trainer binds the arrays it trains: never the project's
        project.dataset.training_set(),
        project.loss,
        project.training,
        history if history is not None else LossHistory(),
        project.steps_taken,
        state=project.optimiser,
    )


def next_batch_rows(project) -> tuple[int, ...]:
    """The rows (0-based, of the whole dataset) the trainer's next step takes, in its order."""
    training_rows = project.dataset.train_indices()
    return tuple(int(training_rows[i]) for i in trainer_for(project).next_batch())


def momentum_buffers(project) -> list[np.ndarray]:
    """The stored momentum buffers, `Network.parameters` order (zeros when none are stored)."""
    if project.optimiser is None:
        return [np.zeros(p.shape) for p in project.network.parameters()]
    return list(project.optimiser.momentum)


@dataclass(frozen=True)
class TrainedStep:
    """One step of the trainer, as the document commits it (as a training run does)."""

    network: object  # Network
    history: LossHistory
    steps_taken: int
    optimiser: OptimiserState


def take_next_step(project) -> TrainedStep:
    """The trainer's next step on ``project`` (unchanged): what Step would do, exactly."""
    trainer = trainer_for(project, project.history.copy())
    trainer.step()  # raises DivergenceError as Step would
    return TrainedStep(
        trainer.network.copy(), trainer.history, trainer.step_count, trainer.optimiser_state()
    )
