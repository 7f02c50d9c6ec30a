"""The optimisers: their settings and THE update rule, one parameter at a time.

Three kinds, each with the meaning (and the defaults) ``torch.optim`` gives it, written out
plainly from torch's documented pseudo-code (dampening 0, ``centered=False``,
``amsgrad=False``, ``maximize=False``).  ``g`` is dE/dp, η the learning rate, λ the weight
decay, ``t`` the number of this step (1 on the first step after the slots were reset).

Weight decay (every kind), torch's L2 penalty added to the gradient first::

    g ← g + λ p                                    (only when λ ≠ 0)

``"sgd"`` (torch.optim.SGD; slot ``momentum_buffer`` b)::

    μ = 0:        p ← p − η g                      (b is left as it is, as torch leaves it)
    μ > 0:        b ← μ b + g
                  p ← p − η b                      (classical momentum)
                  p ← p − η (g + μ b)              (nesterov: look one step ahead)

``"rmsprop"`` (torch.optim.RMSprop; slots ``square_avg`` v and ``momentum_buffer`` b)::

    v ← α v + (1 − α) g²
    μ = 0:        p ← p − η g / (√v + ε)
    μ > 0:        b ← μ b + g / (√v + ε)
                  p ← p − η b

``"adam"`` (torch.optim.Adam; slots ``exp_avg`` m and ``exp_avg_sq`` v)::

    m ← β₁ m + (1 − β₁) g
    v ← β₂ v + (1 − β₂) g²
    m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)          (the bias corrections)
    p ← p − η m̂ / (√v̂ + ε)

Every slot starts at zero (torch's lazy initialisation: a missing slot is zero), and so does
the step count ``step`` (torch's ``state["step"]``: the steps taken so far; this step is
``t = step + 1``).  Nesterov with μ = 0 is plain SGD here (the same formulas with μ = 0;
torch refuses the combination instead, so the momentum box can reach 0 with the box ticked).

Changing the settings between steps behaves as changing a torch optimiser's ``param_groups``
does: the slots and the step count are kept and the next step uses the new numbers (an Adam
run whose β₂ changes keeps its ``exp_avg_sq`` and its ``t``).  Changing the KIND is a new
torch optimiser: the trainer resets every slot and the step count to zero
(`Trainer.set_config`).  A momentum that goes from 0 to μ > 0 continues from the buffer as it
was left (zero if there never was momentum).

`update` works on floats and on NumPy arrays alike: the reference step, the walkthrough and
the generated kernels' tests all call it; the kernels (fast_step.py, scalar_step.py) write the
same formulas out per network shape.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from bpstudio.model.messages import Message, ModelError
from bpstudio.model.validation import expect_bool, expect_choice, expect_number, fail

KINDS = ("sgd", "rmsprop", "adam")

# The slots each kind reads and writes besides ``step``, torch's names (`update`'s docstring).
SLOTS: dict[str, tuple[str, ...]] = {
    "sgd": ("momentum_buffer",),
    "rmsprop": ("square_avg", "momentum_buffer"),
    "adam": ("exp_avg", "exp_avg_sq"),
}
ALL_SLOTS = ("momentum_buffer", "square_avg", "exp_avg", "exp_avg_sq")
# The running averages: the slots besides the momentum buffer (which plain SGD keeps too).
AVERAGES = ALL_SLOTS[1:]

# Which settings each kind uses (the others are kept, unused, so switching back restores them).
PARAMETERS: dict[str, tuple[str, ...]] = {
    "sgd": ("momentum", "nesterov", "weight_decay"),
    "rmsprop": ("alpha", "epsilon", "momentum", "weight_decay"),
    "adam": ("beta1", "beta2", "epsilon", "weight_decay"),
}


class SettingsError(ModelError):
    """An optimiser setting out of its range: ``field`` names it as the project file's
    ``training`` does, ``reason`` says what is wrong as a file error says it; the message is a
    sentence naming the setting in words (`SENTENCES`, translated by the interface)."""

    def __init__(self, field: str, reason: Message, value: Any) -> None:
        super().__init__(SENTENCES[field], value=value, names=", ".join(KINDS))
        self.field = field
        self.reason = reason


# What a bad value of each setting is told as (bpstudio/i18n/model_messages.py lists them).
SENTENCES = {
    "optimizer": "the optimiser must be one of {names}, got {value!r}",
    "momentum": "momentum must be in [0, 1), got {value}",
    "nesterov": "Nesterov momentum must be on or off, got {value}",
    "alpha": "RMSprop's α must be in [0, 1), got {value}",
    "epsilon": "ε must be a positive number, got {value}",
    "beta1": "Adam's β₁ must be in [0, 1), got {value}",
    "beta2": "Adam's β₂ must be in [0, 1), got {value}",
    "weight_decay": "weight decay must be zero or a positive number, got {value}",
}


@dataclass(frozen=True)
class OptimiserSettings:
    """What an optimiser is, besides the learning rate (torch.optim's meanings and defaults).

    ``momentum`` serves SGD and RMSprop (torch's ``momentum`` of each); ``epsilon`` RMSprop and
    Adam (torch's ``eps``); ``beta1``/``beta2`` are Adam's ``betas``."""

    kind: str = "sgd"
    momentum: float = 0.0
    nesterov: bool = False
    alpha: float = 0.99
    epsilon: float = 1e-8
    beta1: float = 0.9
    beta2: float = 0.999
    weight_decay: float = 0.0

    def __post_init__(self) -> None:
        problem = first_problem(self)
        if problem is not None:
            field, reason = problem
            value = self.kind if field == "optimizer" else getattr(self, field)
            raise SettingsError(field, reason, value)

    @property
    def slots(self) -> tuple[str, ...]:
        """The slots this kind keeps (torch's names)."""
        return SLOTS[self.kind]

    def parameters(self) -> dict[str, Any]:
        """This kind's own settings, by name (the others are not used by it)."""
        return {name: getattr(self, name) for name in PARAMETERS[self.kind]}


def setting_names() -> tuple[str, ...]:
    """Every setting's name besides ``kind`` (as the project file's ``training`` spells it)."""
    return tuple(f.name for f in fields(OptimiserSettings) if f.name != "kind")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


IN_0_1 = "expected a number in [0, 1), got {value}"
POSITIVE = "expected a positive number, got {value}"
NOT_NEGATIVE = "expected zero or a positive number, got {value}"


def first_problem(settings: OptimiserSettings) -> tuple[str, Message] | None:
    """(field, what is wrong) for the first setting out of range, or None."""
    if settings.kind not in KINDS:
        choices = ", ".join(KINDS)
        return "optimizer", Message("unknown name {name!r} (expected one of: {choices})",
                                    name=settings.kind, choices=choices)  # fmt: skip
    if not isinstance(settings.nesterov, bool):
        return "nesterov", Message("expected true or false, got {value}", value=settings.nesterov)
    ranges: tuple[tuple[str, Any, str, Callable[[float], bool]], ...] = (
        ("momentum", settings.momentum, IN_0_1, lambda v: 0.0 <= v < 1.0),
        ("alpha", settings.alpha, IN_0_1, lambda v: 0.0 <= v < 1.0),
        ("epsilon", settings.epsilon, POSITIVE, lambda v: v > 0.0),
        ("beta1", settings.beta1, IN_0_1, lambda v: 0.0 <= v < 1.0),
        ("beta2", settings.beta2, IN_0_1, lambda v: 0.0 <= v < 1.0),
        ("weight_decay", settings.weight_decay, NOT_NEGATIVE, lambda v: v >= 0.0),
    )
    for name, value, template, ok in ranges:
        if not _is_number(value) or not ok(value):
            return name, Message(template, value=value)
    return None


def bias_corrections(settings: OptimiserSettings, t: int) -> tuple[float, float]:
    """Adam's ``1 − β₁ᵗ`` and ``1 − β₂ᵗ`` for step ``t`` (1 on the first step)."""
    return 1.0 - settings.beta1**t, 1.0 - settings.beta2**t


def adam_step_sizes(
    settings: OptimiserSettings, lr: float, first: int, count: int
) -> tuple[list[float], list[float]]:
    """For the kernels: Adam's k = η √(1 − β₂ᵗ) / (1 − β₁ᵗ) and ε_t = ε √(1 − β₂ᵗ) of the
    steps t = first .. first + count − 1, as lists: η m̂ / (√v̂ + ε) = k m / (√v + ε_t), one
    division by the bias corrections per step instead of one per parameter."""
    t = np.arange(first, first + count, dtype=np.float64)
    root = np.sqrt(1.0 - settings.beta2**t)
    steps: list[float] = (lr * root / (1.0 - settings.beta1**t)).tolist()
    epsilons: list[float] = (settings.epsilon * root).tolist()
    return steps, epsilons


def _slot(slots: Mapping[str, Any], name: str) -> Any:
    value = slots.get(name)
    return 0.0 if value is None else value


# A parameter: a float (the walkthrough's one number) or an array (the reference step's).
Value = Any


def update(
    p: Value, g: Value, slots: Mapping[str, Any], settings: OptimiserSettings, lr: float
) -> tuple[Value, dict[str, Any]]:
    """THE update rule: one step of ``settings``' optimiser on one parameter.

    ``p`` the parameter, ``g`` its gradient dE/dp (floats or arrays of one shape), ``slots``
    the state torch keeps for it (``momentum_buffer``, ``square_avg``, ``exp_avg``,
    ``exp_avg_sq``, ``step``; a missing or None slot is zero), ``lr`` the learning rate η.
    Returns (new parameter, new slots): a new dict with this kind's slots updated, ``step``
    one higher and every other slot as it was.  Nothing is changed in place.  The rules are in
    this module's docstring."""
    if settings.weight_decay != 0.0:
        g = g + settings.weight_decay * p
    t = int(_slot(slots, "step")) + 1
    new = dict(slots)
    new["step"] = t
    if settings.kind == "sgd":
        p_new = _sgd(p, g, slots, settings, lr, new)
    elif settings.kind == "rmsprop":
        p_new = _rmsprop(p, g, slots, settings, lr, new)
    else:
        p_new = _adam(p, g, slots, settings, lr, t, new)
    return p_new, new


def _sgd(
    p: Value,
    g: Value,
    slots: Mapping[str, Any],
    settings: OptimiserSettings,
    lr: float,
    new: dict[str, Any],
) -> Value:
    mu = settings.momentum
    if mu == 0.0:
        return p - lr * g
    b = mu * _slot(slots, "momentum_buffer") + g
    new["momentum_buffer"] = b
    if settings.nesterov:
        return p - lr * (g + mu * b)
    return p - lr * b


def _rmsprop(
    p: Value,
    g: Value,
    slots: Mapping[str, Any],
    settings: OptimiserSettings,
    lr: float,
    new: dict[str, Any],
) -> Value:
    alpha, mu = settings.alpha, settings.momentum
    v = alpha * _slot(slots, "square_avg") + (1.0 - alpha) * (g * g)
    new["square_avg"] = v
    scaled = g / (np.sqrt(v) + settings.epsilon)
    if mu == 0.0:
        return p - lr * scaled
    b = mu * _slot(slots, "momentum_buffer") + scaled
    new["momentum_buffer"] = b
    return p - lr * b


def _adam(
    p: Value,
    g: Value,
    slots: Mapping[str, Any],
    settings: OptimiserSettings,
    lr: float,
    t: int,
    new: dict[str, Any],
) -> Value:
    beta1, beta2 = settings.beta1, settings.beta2
    m = beta1 * _slot(slots, "exp_avg") + (1.0 - beta1) * g
    v = beta2 * _slot(slots, "exp_avg_sq") + (1.0 - beta2) * (g * g)
    new["exp_avg"], new["exp_avg_sq"] = m, v
    correction1, correction2 = bias_corrections(settings, t)
    m_hat, v_hat = m / correction1, v / correction2
    return p - lr * m_hat / (np.sqrt(v_hat) + settings.epsilon)


# the project file's ``training`` object ----------------------------------------------------
DEFAULTS = OptimiserSettings()
# The fields `settings_to_json` and `settings_from_json` own (``momentum`` is the file's since
# version 1: project.py writes and reads it beside the learning rate).
FILE_FIELDS = ("optimizer", *(name for name in setting_names() if name != "momentum"))


def settings_to_json(settings: OptimiserSettings) -> dict[str, Any]:
    """The optimiser's fields of ``training`` besides ``momentum``: those that differ from
    torch's defaults (plain SGD writes none, so its files read as before)."""
    out: dict[str, Any] = {}
    if settings.kind != DEFAULTS.kind:
        out["optimizer"] = settings.kind
    for name in setting_names():
        value = getattr(settings, name)
        if name != "momentum" and value != getattr(DEFAULTS, name):
            out[name] = value
    return out


def settings_from_json(training: Mapping[str, Any], momentum: float) -> OptimiserSettings:
    """Read the optimiser's fields of a file's ``training`` object (each optional: a version 1
    or older version 2 file is plain SGD with its ``momentum``).  Errors name the field."""
    kind = expect_choice(training.get("optimizer", DEFAULTS.kind), KINDS, "training.optimizer")
    values: dict[str, Any] = {"momentum": momentum}
    for name in setting_names():
        if name == "momentum" or name not in training:
            continue
        path = f"training.{name}"
        raw = training[name]
        values[name] = expect_bool(raw, path) if name == "nesterov" else expect_number(raw, path)
    try:
        return OptimiserSettings(kind, **values)
    except SettingsError as exc:
        raise fail(f"training.{exc.field}", exc.reason) from None


def config_fields(settings: OptimiserSettings) -> dict[str, Any]:
    """``settings`` as `TrainingConfig`'s keyword arguments (its ``optimizer`` .. fields)."""
    return {"optimizer": settings.kind} | {n: getattr(settings, n) for n in setting_names()}
