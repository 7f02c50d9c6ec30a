"""What the training worker hands the GUI thread: immutable copies, never the arrays it trains.

A snapshot carries the weights after its last step and only the loss points that are new since
the previous snapshot, so the GUI can append them to a plot; two snapshots merge into one
(`merged_after`) when the GUI is too busy to show each, without losing a loss point.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from bpstudio.model.evaluation import Evaluation
from bpstudio.model.history import GrowingArray
from bpstudio.model.network import Network

# Why a snapshot ends a run; "" while training goes on.
STOP_NONE = ""


def frozen_copy(array: np.ndarray) -> np.ndarray:
    copy = np.array(array, dtype=np.float64, copy=True)
    copy.flags.writeable = False
    return copy


def _empty(columns: int = 0) -> np.ndarray:
    return frozen_copy(np.empty((0, columns)) if columns else np.empty(0))


@dataclass(frozen=True)
class TrainingSnapshot:
    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    weights: tuple[np.ndarray, ...]  # read-only copies
    biases: tuple[np.ndarray, ...] | None
    freeze_biases: bool
    step_count: int  # optimiser updates taken since the history began
    epoch_count: int  # epochs finished
    first_step_index: int  # history position of new_step_losses[0]
    first_epoch_index: int  # history position of new_epoch_losses[0]
    new_step_losses: np.ndarray = field(default_factory=_empty)
    new_epoch_losses: np.ndarray = field(default_factory=_empty)
    # one row per new step, one column per weight matrix; empty when not recorded
    new_gradient_rms: np.ndarray = field(default_factory=lambda: _empty(1))
    steps_per_second: float = 0.0
    running: bool = False
    stop_reason: str = STOP_NONE  # why training stopped, in words a student can act on
    diverged: bool = False
    history_reset: bool = False  # the history restarted: drop earlier points before these
    reinitialised: bool = False  # Reset drew fresh weights (not a project opened afresh)
    generation: int = 0  # counts project replacements and resets the worker has applied
    # test loss and accuracy measured since the previous snapshot (model.evaluation)
    new_evaluations: tuple[Evaluation, ...] = ()

    # derived ------------------------------------------------------------------------------
    @property
    def latest_evaluation(self) -> Evaluation | None:
        return self.new_evaluations[-1] if self.new_evaluations else None

    @property
    def last_loss(self) -> float:
        """The newest step loss in this snapshot, or NaN when it has none."""
        losses = self.new_step_losses
        return float(losses[-1]) if len(losses) else float("nan")

    def to_network(self) -> Network:
        """A fresh, writable Network with these weights (the snapshot itself stays unchanged)."""
        return Network(
            list(self.layer_sizes),
            list(self.activations),
            [w.copy() for w in self.weights],
            None if self.biases is None else [b.copy() for b in self.biases],
            self.freeze_biases,
        )

    def merged_after(self, older: TrainingSnapshot | None) -> TrainingSnapshot:
        """This snapshot with ``older``'s loss points in front: the state is this one's."""
        if older is None or self.history_reset:
            return self
        return replace(
            self,
            first_step_index=older.first_step_index,
            first_epoch_index=older.first_epoch_index,
            new_step_losses=_joined(older.new_step_losses, self.new_step_losses),
            new_epoch_losses=_joined(older.new_epoch_losses, self.new_epoch_losses),
            new_gradient_rms=_joined_rows(older.new_gradient_rms, self.new_gradient_rms),
            new_evaluations=older.new_evaluations + self.new_evaluations,
            history_reset=older.history_reset,
            reinitialised=self.reinitialised or older.reinitialised,
            diverged=self.diverged or (older.diverged and not self.running),
        )


def place_points(series: GrowingArray, first_index: int, values: np.ndarray) -> None:
    """Put ``values`` at ``first_index``: overlap replaces, a gap (missed points) stays NaN."""
    if first_index < len(series):
        series.truncate(first_index)
    elif first_index > len(series):
        series.extend(np.full(first_index - len(series), np.nan))
    series.extend(values)


def _joined(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    if not len(first):
        return second
    if not len(second):
        return first
    return frozen_copy(np.concatenate([first, second]))


def _joined_rows(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Gradient rows; when the layer count changed in between, only the newer rows fit."""
    if not len(first):
        return second
    if not len(second):
        return first
    if first.shape[1] != second.shape[1]:
        return second
    return frozen_copy(np.vstack([first, second]))


def snapshot_network(network: Network) -> dict:
    """The structural and parameter fields of a snapshot, copied out of ``network``."""
    return {
        "layer_sizes": tuple(network.layer_sizes),
        "activations": tuple(network.activations),
        "weights": tuple(frozen_copy(w) for w in network.weights),
        "biases": None if network.biases is None else tuple(frozen_copy(b) for b in network.biases),
        "freeze_biases": network.freeze_biases,
    }
