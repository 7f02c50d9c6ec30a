"""The gradients the trainer's next step will use, for drawing while training runs.

While the network trains, the diagram and the weight tables show ∂E/∂w as the optimiser sees
it: the mean over the batch of the next step, at the current weights (with batches of the whole
data set, the mean over every training sample).  The training process computes it when it makes
a snapshot (at most the window's refresh rate), so the window never does a batch's backward pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpstudio.model.history import frozen_copy
from bpstudio.model.trace import Gradients
from bpstudio.model.training import Trainer


@dataclass(frozen=True)
class ParameterGradients:
    dW: tuple[np.ndarray, ...]  # ∂E/∂w of each weight matrix, as Network.weights
    db: tuple[np.ndarray, ...] | None  # ∂E/∂b, as Network.biases
    batch_size: int  # samples averaged; 0: one sample's own gradient (the shown sample)

    def fits(self, layer_sizes: Sequence[int]) -> bool:
        """Of a network of these layer sizes (a structural edit since makes them stale)."""
        shapes = [(a, b) for a, b in itertools.pairwise(layer_sizes)]
        return [g.shape for g in self.dW] == shapes


def of_sample(gradients: Gradients) -> ParameterGradients:
    """One sample's own dE/dw and dE/db (a model.trace.Gradients of one row)."""
    db = None if gradients.db is None else tuple(gradients.db)
    return ParameterGradients(tuple(gradients.dW), db, 0)


def next_step_gradients(trainer: Trainer) -> ParameterGradients:
    """The batch-mean gradients of ``trainer``'s next step, as read-only copies."""
    rows = trainer.next_batch()
    data = trainer.dataset
    grads = trainer.network.gradients(data.inputs[rows], data.targets[rows], trainer.loss)
    db = None if grads.db is None else tuple(frozen_copy(g, np.float64) for g in grads.db)
    return ParameterGradients(tuple(frozen_copy(g, np.float64) for g in grads.dW), db, len(rows))
