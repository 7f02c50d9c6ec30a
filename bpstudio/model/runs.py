"""Kept runs: a training run's settings, starting weights and loss curve, kept to compare.

A `KeptRun` is what "Keep this run" and an experiment store: the network it started from (its
layers, activations and starting weights), the loss, the training settings and the
initialisation scheme, the mean loss of every epoch (thinned past `CURVE_LIMIT` epochs, as the
project's own history is), and the final loss and accuracy on the training rows.

*Converged at epoch N* (`converged_epoch`): the first epoch, counting from 1, whose mean loss is
below ``share`` (default 10 %) of the first epoch's.  With more than `CURVE_LIMIT` epochs the
curve keeps every 2nd (4th, ...) epoch, and the answer is the first *kept* epoch below the share,
late by less than that stride.  `differences` says which settings of a run differ from others
(the current project's), for the Runs dock.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from bpstudio.model.evaluation import evaluate
from bpstudio.model.history import LossHistory, LossSeries
from bpstudio.model.initialisation import InitScheme
from bpstudio.model.network import Network
from bpstudio.model.project_like import ProjectLike
from bpstudio.model.training import TrainingConfig

DEFAULT_SHARE = 0.1  # "converged": the loss below 10 % of the first epoch's
CURVE_LIMIT = 1 << 13  # epochs a kept curve holds before it keeps every 2nd, 4th, ...


class TrainedProject(ProjectLike, Protocol):
    """What a run is kept from (a ``model.project.Project``, which imports this module)."""

    @property
    def initialisation(self) -> InitScheme: ...

    @property
    def history(self) -> LossHistory: ...


@dataclass(frozen=True)
class Settings:
    """What a run was trained with, besides its starting weights (what the Runs dock compares)."""

    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    use_bias: bool
    loss: str
    training: TrainingConfig
    initialisation: InitScheme

    @classmethod
    def of(
        cls, network: Network, loss: str, training: TrainingConfig, initialisation: InitScheme
    ) -> Settings:
        return cls(
            tuple(network.layer_sizes),
            tuple(network.activations),
            network.use_bias,
            loss,
            training,
            initialisation,
        )

    @classmethod
    def of_project(cls, project: TrainedProject) -> Settings:
        return cls.of(project.network, project.loss, project.training, project.initialisation)

    def named_values(self) -> dict[str, Any]:
        """Every setting by name, the training settings' fields flattened (so settings added
        to TrainingConfig, such as an optimiser's, are compared without a change here)."""
        fields = [f for f in dataclasses.fields(TrainingConfig) if f.init]  # not derived ones
        training = {f.name: getattr(self.training, f.name) for f in fields}
        init = self.initialisation
        return {
            "layers": self.layer_sizes,
            "hidden_activations": self.activations[:-1],
            "output_activation": self.activations[-1],
            "biases": self.use_bias,
            "loss": self.loss,
            **training,
            "init": init.name,
            "init_seed": init.seed,
            "init_scale": init.scale,
        }


@dataclass(frozen=True)
class Difference:
    """One setting that differs: its name (a key of `Settings.named_values`) and both values."""

    name: str
    run_value: Any
    other_value: Any


def differences(run: Settings, other: Settings) -> list[Difference]:
    """The settings of ``run`` that differ from ``other``'s, in `named_values` order.  The
    initialisation's seed and scale count only where they matter (a random scheme's seed; the
    scale of uniform and constant), since they draw nothing otherwise."""
    mine, theirs = run.named_values(), other.named_values()
    found = [Difference(k, mine[k], theirs[k]) for k in mine if mine[k] != theirs[k]]
    return [d for d in found if _matters(d.name, run.initialisation, other.initialisation)]


def _matters(name: str, a: InitScheme, b: InitScheme) -> bool:
    if name == "init_scale":
        return bool({a.name, b.name} & {"uniform", "constant"})
    if name == "init_seed":
        return not {a.name, b.name} <= {"constant", "zeros"}
    return True


@dataclass(frozen=True, eq=False)
class KeptRun:
    name: str
    start: Network  # the layers, activations and starting weights (read, never changed)
    loss: str
    training: TrainingConfig
    initialisation: InitScheme
    curve: LossSeries  # the mean loss of every epoch (thinned past CURVE_LIMIT)
    final_loss: float  # on the training rows, with the final weights (NaN if it diverged)
    final_accuracy: float  # 0..1 on the training rows; NaN for regression targets
    diverged: bool = False  # training stopped early: a step's loss or weight was not finite

    @property
    def settings(self) -> Settings:
        return Settings.of(self.start, self.loss, self.training, self.initialisation)

    @property
    def epochs(self) -> int:
        """How many epochs the run trained."""
        return len(self.curve)

    def converged_epoch(self, share: float = DEFAULT_SHARE) -> int | None:
        return converged_epoch(self.curve, share)

    def renamed(self, name: str) -> KeptRun:
        return dataclasses.replace(self, name=name)

    def curve_points(self) -> tuple[np.ndarray, np.ndarray]:
        """(epoch numbers counting from 1, mean losses): what a plot draws."""
        return self.curve.indices() + 1, self.curve.view()


def converged_epoch(curve: LossSeries, share: float = DEFAULT_SHARE) -> int | None:
    """The first epoch (counting from 1) whose loss is below ``share`` of the first epoch's
    loss; None when no epoch is (or the curve is empty, or its first loss is not positive)."""
    losses = curve.view()
    if not len(losses) or not losses[0] > 0:
        return None
    below = np.flatnonzero(losses < share * losses[0])
    return int(curve.indices()[below[0]]) + 1 if len(below) else None


def kept_curve(epochs: LossSeries) -> LossSeries:
    """A copy of an epoch series that thins at `CURVE_LIMIT` points (for a run to keep)."""
    curve = LossSeries(
        epochs.view(), epochs.indices(), end=len(epochs), stride=epochs.stride, limit=CURVE_LIMIT
    )
    curve.latest = epochs.latest  # the newest epoch's loss, even when thinned away
    return curve


def keep_run(name: str, project: TrainedProject, start: Network, diverged: bool = False) -> KeptRun:
    """``project`` as it is now (its weights trained from ``start``) as a run named ``name``."""
    result = evaluate(project.network, project.dataset, project.loss)
    final_loss = math.nan if diverged else result.train_loss
    return KeptRun(
        name,
        start.copy(),
        project.loss,
        project.training,
        project.initialisation,
        kept_curve(project.history.epochs),
        final_loss,
        result.train_accuracy,
        diverged,
    )


def unused_name(base: str, taken: Iterable[str]) -> str:
    """``base``, or ``base (2)``, ``base (3)``, ... : the first that no run has."""
    taken = set(taken)
    if base not in taken:
        return base
    n = 2
    while f"{base} ({n})" in taken:
        n += 1
    return f"{base} ({n})"


def loss_at(run: KeptRun, epochs: Iterable[int]) -> np.ndarray:
    """The mean loss of each of ``epochs`` (counting from 1) in ``run``'s curve: of the epoch
    itself, or of the nearest kept one before it (a thinned curve); NaN past the curve's end."""
    xs, ys = run.curve_points()
    wanted = np.fromiter(epochs, dtype=np.int64)
    if not len(xs):
        return np.full(len(wanted), math.nan)
    where = np.clip(np.searchsorted(xs, wanted, side="right") - 1, 0, len(xs) - 1)
    return np.where((wanted >= 1) & (wanted <= run.epochs), ys[where], math.nan)


def summary_epochs(epochs: int, count: int = 5) -> list[int]:
    """The first epoch and ``count - 1`` more evenly spread to the last (1, 500, 1000, ...
    for 2000 epochs); each at most once."""
    if epochs < 1:
        return []
    spread = np.linspace(0, epochs, max(min(count, epochs), 2))
    return sorted({max(1, round(e)) for e in spread})
