"""What the training worker hands the GUI thread: immutable copies, never the arrays it trains.

A snapshot carries the weights after its last step and only the loss points that are new since
the previous snapshot, so the GUI can append them to a plot; two snapshots merge into one
(`merge_snapshots`) when the GUI is too busy to show each, without losing a loss point.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from bpstudio.model.evaluation import Evaluation
from bpstudio.model.history import SeriesChunk, frozen_copy, join_chunks
from bpstudio.model.live_gradients import ParameterGradients
from bpstudio.model.network import Network
from bpstudio.model.optimiser_state import OptimiserState

# Why a snapshot ends a run; "" while training goes on.
STOP_NONE = ""


def _empty(columns: int = 0) -> np.ndarray:
    return frozen_copy(np.empty((0, columns)) if columns else np.empty(0), np.float64)


@dataclass(frozen=True)
class TrainingSnapshot:
    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    weights: tuple[np.ndarray, ...]  # read-only copies
    biases: tuple[np.ndarray, ...] | None
    freeze_biases: bool
    step_count: int  # optimiser updates taken since the history began
    epoch_count: int  # epochs finished
    # the step and epoch losses since the previous snapshot (thinned as the history is)
    new_steps: SeriesChunk = field(default_factory=SeriesChunk.empty)
    new_epochs: SeriesChunk = field(default_factory=SeriesChunk.empty)
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
    # ∂E/∂w, ∂E/∂b of the next step's batch at these weights (when gradients are recorded)
    batch_gradients: ParameterGradients | None = None
    # where the optimiser stands after the last step; in snapshots that end a run (running is
    # False), which are the ones the document commits: the project then continues exactly
    optimiser: OptimiserState | None = None

    # derived ------------------------------------------------------------------------------
    @property
    def latest_evaluation(self) -> Evaluation | None:
        return self.new_evaluations[-1] if self.new_evaluations else None

    @property
    def last_loss(self) -> float:
        """The newest step's loss, or NaN when this snapshot has no new step."""
        return self.new_steps.latest

    @property
    def new_step_losses(self) -> np.ndarray:
        """The new step losses the history keeps (every step until it thins)."""
        return self.new_steps.values

    @property
    def new_epoch_losses(self) -> np.ndarray:
        return self.new_epochs.values

    @property
    def first_step_index(self) -> int:
        """How many steps the history had before this snapshot's."""
        return self.new_steps.start

    @property
    def first_epoch_index(self) -> int:
        return self.new_epochs.start

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
        return self if older is None else merge_snapshots([older, self])


def merge_snapshots(snapshots: list[TrainingSnapshot]) -> TrainingSnapshot:
    """Several snapshots as one: the newest state, with every loss point since the first
    (or since the last history reset), each array joined with one copy."""
    start = max((i for i, s in enumerate(snapshots) if s.history_reset), default=0)
    run, newest = snapshots[start:], snapshots[-1]
    if len(run) == 1:
        return newest
    first = run[0]
    widths = {s.new_gradient_rms.shape[1] for s in run if len(s.new_gradient_rms)}
    rows = [s.new_gradient_rms for s in run if len(s.new_gradient_rms)]
    if len(widths) > 1:  # the layer count changed in between: only the newest rows fit
        rows = [r for r in rows if r.shape[1] == newest.new_gradient_rms.shape[1]][-1:]
    return replace(
        newest,
        new_steps=join_chunks([s.new_steps for s in run]),
        new_epochs=join_chunks([s.new_epochs for s in run]),
        new_gradient_rms=frozen_copy(np.vstack(rows), np.float64)
        if rows
        else newest.new_gradient_rms,
        new_evaluations=tuple(e for s in run for e in s.new_evaluations),
        history_reset=first.history_reset,
        reinitialised=any(s.reinitialised for s in run),
        diverged=newest.diverged or (any(s.diverged for s in run) and not newest.running),
    )


def snapshot_network(network: Network) -> dict:
    """The structural and parameter fields of a snapshot, copied out of ``network``."""
    return {
        "layer_sizes": tuple(network.layer_sizes),
        "activations": tuple(network.activations),
        "weights": tuple(frozen_copy(w, np.float64) for w in network.weights),
        "biases": None
        if network.biases is None
        else tuple(frozen_copy(b, np.float64) for b in network.biases),
        "freeze_biases": network.freeze_biases,
    }
