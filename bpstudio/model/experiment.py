"""Experiments: one setting, several values, everything else (seeds included) the same.

`parse_values` reads the values of a setting (``"0.1,0.5,2"`` for ``learning_rate``) and names
what is wrong, with a "did you mean" for a mistyped name.  `variants` turns a project into one
starting point per value; `run_experiment` trains each for the same number of epochs with the
fast engine and returns them as kept runs (model/runs.py).

The settings:

* ``learning_rate``, ``momentum``, ``batch_size``: the training setting.
* ``optimizer``: ``sgd``, ``rmsprop`` or ``adam`` (model/optimisers.py), each with the
  project's numbers for it (its betas, alpha, epsilon, weight decay).
* ``activation``: the hidden layers' activation; the output layer's stays (it is tied to the
  loss).
* ``loss``: the loss; the output activation stays when the loss accepts it, else it becomes
  the one the loss needs (softmax for several outputs, sigmoid for one).
* ``init``: ``given`` (the starting weights as they are) or a scheme drawn with the project's
  initialisation seed and scale (``zeros``: every weight 0).
* ``seed``: the seed of the starting weights (drawn by the project's scheme) and of the
  shuffle order.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from bpstudio.model.activations import ACTIVATION_NAMES
from bpstudio.model.data.label_rules import check_targets
from bpstudio.model.history import LossHistory
from bpstudio.model.initialisation import SCHEMES, InitScheme, initialise
from bpstudio.model.losses import LOSS_NAMES, loss_fits
from bpstudio.model.messages import ModelError
from bpstudio.model.network import Network
from bpstudio.model.optimisers import KINDS
from bpstudio.model.project import Project
from bpstudio.model.runs import KeptRun, keep_run
from bpstudio.model.training import DivergenceError, Trainer, TrainingConfig
from bpstudio.model.validation import MAX_SEED

SETTINGS = (
    "learning_rate",
    "momentum",
    "optimizer",
    "activation",
    "loss",
    "init",
    "batch_size",
    "seed",
)
GIVEN = "given"  # init: the starting weights as they are
ZEROS = "zeros"  # init: every weight (and bias) 0
INIT_CHOICES = (GIVEN, *SCHEMES, *(() if ZEROS in SCHEMES else (ZEROS,)))
HIDDEN_ACTIVATIONS = tuple(a for a in ACTIVATION_NAMES if a != "softmax")
MAX_VALUES = 20  # variants in one experiment
MAX_EPOCHS = 1_000_000
RUN_SECONDS = 0.1  # how long the engine runs between two looks at progress and Cancel


class ExperimentError(ModelError):
    """A setting or value an experiment cannot use; the message names it."""


@dataclass(frozen=True)
class Plan:
    setting: str
    values: tuple[Any, ...]
    epochs: int


@dataclass(frozen=True)
class Variant:
    """One value's starting point: the run's name and everything it trains with."""

    name: str
    start: Network
    loss: str
    training: TrainingConfig
    initialisation: InitScheme


# reading values ----------------------------------------------------------------------------
def check_setting(name: str) -> str:
    if name in SETTINGS:
        return name
    close = difflib.get_close_matches(name, SETTINGS, n=1, cutoff=0.5)
    if close:
        raise ExperimentError(
            "unknown setting {name!r} (did you mean {close}?)", name=name, close=close[0]
        )
    choices = ", ".join(SETTINGS)
    raise ExperimentError("unknown setting {name!r}; the settings are {choices}", name=name,
                          choices=choices)  # fmt: skip


def parse_values(setting: str, texts: Iterable[str]) -> tuple[Any, ...]:
    """The values of ``setting`` read from ``texts`` (strings; blanks ignored)."""
    setting = check_setting(setting)
    texts = [t.strip() for t in texts if t.strip()]
    if not texts:
        raise ExperimentError("{setting}: give at least one value", setting=setting)
    if len(texts) > MAX_VALUES:
        raise ExperimentError(
            "{setting}: at most {limit} values, got {count}",
            setting=setting,
            limit=MAX_VALUES,
            count=len(texts),
        )
    return tuple(_PARSERS[setting](setting, text) for text in texts)


def _number(setting: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise ExperimentError("{setting}: {value!r} is not a number", setting=setting, value=text)
    return value


def _learning_rate(setting: str, text: str) -> float:
    value = _number(setting, text)
    if value <= 0:
        raise ExperimentError(
            "{setting}: expected a positive number, got {value}", setting=setting, value=text
        )
    return value


def _momentum(setting: str, text: str) -> float:
    value = _number(setting, text)
    if not 0 <= value < 1:
        raise ExperimentError(
            "{setting}: expected a number in [0, 1), got {value}", setting=setting, value=text
        )
    return value


def _whole(setting: str, text: str, minimum: int) -> int:
    try:
        value = int(text) if len(text) <= 12 else None
    except ValueError:
        value = None
    if value is None or not minimum <= value <= MAX_SEED:
        raise ExperimentError(
            "{setting}: expected a whole number from {low} to {high}, got {value!r}",
            setting=setting,
            low=minimum,
            high=MAX_SEED,
            value=text,
        )
    return value


def _name_in(choices: tuple[str, ...]) -> Callable[[str, str], str]:
    def parse(setting: str, text: str) -> str:
        name = text.lower().replace("-", "_")
        if name in choices:
            return name
        close = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
        if close:
            raise ExperimentError(
                "{setting}: unknown value {value!r} (did you mean {close}?)",
                setting=setting,
                value=text,
                close=close[0],
            )
        raise ExperimentError(
            "{setting}: unknown value {value!r}; expected one of {choices}",
            setting=setting,
            value=text,
            choices=", ".join(choices),
        )

    return parse


_PARSERS: dict[str, Callable[[str, str], Any]] = {
    "learning_rate": _learning_rate,
    "momentum": _momentum,
    "optimizer": _name_in(KINDS),
    "activation": _name_in(HIDDEN_ACTIVATIONS),
    "loss": _name_in(LOSS_NAMES),
    "init": _name_in(INIT_CHOICES),
    "batch_size": lambda setting, text: _whole(setting, text, 1),
    "seed": lambda setting, text: _whole(setting, text, 0),
}


def value_text(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


# variants ----------------------------------------------------------------------------------
def variants(project: Project, plan: Plan, start: Network | None = None) -> list[Variant]:
    """One starting point per value of ``plan``; ``start``: the starting weights (default:
    the project's).  Raises ExperimentError for a value this project cannot train with."""
    start = start if start is not None else project.network
    return [_variant(project, start, plan.setting, value) for value in plan.values]


def _variant(project: Project, start: Network, setting: str, value: Any) -> Variant:
    name = f"{setting} = {value_text(value)}"
    network, loss = start.copy(), project.loss
    training, init = project.training, project.initialisation
    if setting in ("learning_rate", "momentum", "optimizer", "batch_size"):
        training = training.with_changes(**{setting: value})
    elif setting == "activation":
        network = _with_hidden_activation(network, value)
    elif setting == "loss":
        network, loss = _with_loss(project, network, value), value
    elif setting == "init" and value != GIVEN:
        init = _scheme(value, init)
        network = initialise(network, init)
    elif setting == "seed":
        init = dataclasses.replace(init, seed=value)
        training = training.with_changes(seed=value)
        network = initialise(network, init)
    return Variant(name, network, loss, training, init)


def _with_hidden_activation(network: Network, name: str) -> Network:
    if network.n_layers < 3:
        raise ExperimentError(
            "{setting}: this network has no hidden layer to vary", setting="activation"
        )
    network.activations = [name] * (network.n_layers - 2) + [network.output_activation]
    return network


def _with_loss(project: Project, network: Network, loss: str) -> Network:
    if not loss_fits(loss, network.output_activation):
        tied = "softmax" if network.n_outputs > 1 else "sigmoid"
        network.activations = [*network.activations[:-1], tied]
    try:
        check_targets(project.dataset.targets, loss, network.output_activation)
    except ModelError as exc:
        raise ExperimentError(
            "{setting}: {value} cannot learn these targets: {reason}",
            setting="loss",
            value=loss,
            reason=exc.message,
        ) from None
    return network


def _scheme(name: str, current: InitScheme) -> InitScheme:
    if name == ZEROS and ZEROS not in SCHEMES:
        return InitScheme("constant", current.seed, 0.0)
    return dataclasses.replace(current, name=name)


# training ----------------------------------------------------------------------------------
Progress = Callable[[int, int], None]  # (steps done, steps in all)


def run_experiment(
    project: Project,
    plan: Plan,
    start: Network | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[KeptRun]:
    """Each variant trained ``plan.epochs`` epochs from its starting point; the runs finished
    before ``cancelled()`` said stop (it is asked about ten times a second)."""
    starts = variants(project, plan, start)
    trainers = [_trainer(project, v) for v in starts]
    total = sum(plan.epochs * t.steps_per_epoch for t in trainers)
    done, runs = 0, []
    for variant, trainer in zip(starts, trainers, strict=True):
        steps = plan.epochs * trainer.steps_per_epoch
        diverged = _train(trainer, steps, _offset(progress, done, total), cancelled)
        if diverged is None:
            break  # cancelled
        runs.append(_as_run(project, variant, trainer, diverged))
        done += steps
    return runs


def _offset(progress: Progress | None, done: int, total: int) -> Callable[[int], None]:
    """A variant's progress (its steps taken) as the experiment's."""
    return lambda taken: progress(done + taken, total) if progress is not None else None


def _trainer(project: Project, variant: Variant) -> Trainer:
    network = variant.start.copy()
    dataset = project.dataset.training_set()
    return Trainer(network, dataset, variant.loss, variant.training, LossHistory())


def _train(
    trainer: Trainer,
    steps: int,
    progress: Callable[[int], None],
    cancelled: Callable[[], bool] | None,
) -> bool | None:
    """True if training diverged, False if it took every step, None if cancelled."""
    taken = 0
    while taken < steps:
        if cancelled is not None and cancelled():
            return None
        try:
            run = trainer.steps(steps - taken, deadline=time.perf_counter() + RUN_SECONDS)
        except DivergenceError:
            progress(steps)
            return True
        taken += run.taken
        progress(taken)
    return False


def _as_run(project: Project, variant: Variant, trainer: Trainer, diverged: bool) -> KeptRun:
    trained = Project(
        variant.name,
        trainer.network,
        project.dataset,
        variant.loss,
        variant.training,
        variant.initialisation,
        trainer.history,
    )
    return keep_run(variant.name, trained, variant.start, diverged)
