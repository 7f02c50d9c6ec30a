"""The words the runs views show for settings and their values, in the interface language."""

from __future__ import annotations

import math
from typing import Any

from bpstudio.model.runs import Difference, KeptRun
from bpstudio.views.widgets.language import translate

DASH = "–"


def setting_label(name: str) -> str:
    """A setting's name (a key of `Settings.named_values`, or an experiment's setting)."""
    labels = {
        "layers": translate("RunTexts", "layers"),
        "hidden_activations": translate("RunTexts", "hidden activation"),
        "output_activation": translate("RunTexts", "output activation"),
        "activation": translate("RunTexts", "hidden activation"),
        "biases": translate("RunTexts", "biases"),
        "loss": translate("RunTexts", "loss"),
        "learning_rate": translate("RunTexts", "learning rate"),
        "momentum": translate("RunTexts", "momentum"),
        "optimizer": translate("RunTexts", "optimiser"),
        "nesterov": translate("RunTexts", "Nesterov"),
        "alpha": translate("RunTexts", "RMSprop's α"),
        "epsilon": translate("RunTexts", "ε"),
        "beta1": translate("RunTexts", "Adam's β₁"),
        "beta2": translate("RunTexts", "Adam's β₂"),
        "weight_decay": translate("RunTexts", "weight decay"),
        "batch_size": translate("RunTexts", "batch size"),
        "shuffle": translate("RunTexts", "shuffle"),
        "seed": translate("RunTexts", "seed"),
        "init": translate("RunTexts", "initialisation"),
        "init_seed": translate("RunTexts", "initialisation seed"),
        "init_scale": translate("RunTexts", "initialisation scale"),
    }
    return labels.get(name, name.replace("_", " "))


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        return translate("RunTexts", "on") if value else translate("RunTexts", "off")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple) and len(set(value)) == 1 and isinstance(value[0], str):
        return value[0]  # every hidden layer's activation: "tanh"
    if isinstance(value, tuple):  # layer sizes "2-2-1"; hidden activations "tanh, relu"
        joiner = "-" if all(isinstance(v, int) for v in value) else ", "
        return joiner.join(str(v) for v in value)
    return str(value)


def difference_text(difference: Difference) -> str:
    """``learning rate 0.1 (now 2)``."""
    return translate("RunTexts", "%s %s (now %s)") % (
        setting_label(difference.name),
        value_text(difference.run_value),
        value_text(difference.other_value),
    )


def differences_text(differences: list[Difference]) -> str:
    if not differences:
        return translate("RunTexts", "the same settings as now")
    return "; ".join(difference_text(d) for d in differences)


def loss_text(value: float) -> str:
    return DASH if math.isnan(value) else f"{value:.4g}"


def accuracy_text(value: float) -> str:
    return DASH if math.isnan(value) else f"{value:.1%}"


def converged_text(run: KeptRun, share: float) -> str:
    if run.diverged:
        return translate("RunTexts", "diverged")
    epoch = run.converged_epoch(share)
    return translate("RunTexts", "not yet") if epoch is None else str(epoch)
