"""What the training worker has not told the GUI yet: the loss points and gradient sizes since
its last snapshot, and whether the history started over in between."""

from __future__ import annotations

import numpy as np

from bpstudio.controller.training_snapshot import TrainingSnapshot, snapshot_network
from bpstudio.model.history import frozen_copy
from bpstudio.model.live_gradients import next_step_gradients
from bpstudio.model.training import Trainer


class SnapshotReporter:
    def __init__(self, known_steps: int, known_epochs: int) -> None:
        """The GUI already has the first ``known_steps``/``known_epochs`` loss points."""
        self._reported_steps = known_steps
        self._reported_epochs = known_epochs
        self._gradient_rows: list[np.ndarray] = []
        self._history_reset = False

    def record_gradient(self, rms: np.ndarray) -> None:
        self._gradient_rows.append(rms)

    def start_afresh(self) -> None:
        """The history was cleared or replaced: the next snapshot carries all of it."""
        self._history_reset = True
        self._reported_steps = 0
        self._reported_epochs = 0
        self._gradient_rows.clear()

    def snapshot(self, trainer: Trainer, **state) -> TrainingSnapshot:
        """Copies of ``trainer``'s weights and the new points; ``state`` fills the rest."""
        steps = trainer.history.steps.chunk_since(self._reported_steps)
        epochs = trainer.history.epochs.chunk_since(self._reported_epochs)
        snapshot = TrainingSnapshot(
            **snapshot_network(trainer.network),
            step_count=trainer.step_count,
            epoch_count=trainer.epoch_count,
            new_steps=steps,
            new_epochs=epochs,
            new_gradient_rms=self._take_gradient_rows(len(trainer.network.weights)),
            history_reset=self._history_reset,
            batch_gradients=next_step_gradients(trainer) if trainer.record_gradient_rms else None,
            **state,
        )
        self._reported_steps, self._reported_epochs = steps.end, epochs.end
        self._history_reset = False
        return snapshot

    def _take_gradient_rows(self, n_matrices: int) -> np.ndarray:
        rows, self._gradient_rows = self._gradient_rows, []
        if not rows:
            return frozen_copy(np.empty((0, n_matrices)), np.float64)
        return frozen_copy(np.vstack(rows), np.float64)
