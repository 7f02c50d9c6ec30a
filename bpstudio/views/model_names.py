"""The names of the model's activations, losses and initialisation schemes, as shown.

The model keeps one English label each (it never imports Qt); these are the translated
names for menus and dialogs.  A name missing here is shown as the model labels it.
"""

from __future__ import annotations

from bpstudio.model.activations import ACTIVATIONS
from bpstudio.model.losses import LOSSES
from bpstudio.views.language import translate


def activation_label(name: str) -> str:
    labels = {
        # Sigmoid, Tanh, ReLU, Softmax are written the same way in Chinese textbooks.
        "linear": translate("ModelNames", "Linear"),
        "leaky_relu": translate("ModelNames", "Leaky ReLU"),
    }
    return labels.get(name, ACTIVATIONS[name].label)


def loss_label(name: str) -> str:
    labels = {
        "mse": translate("ModelNames", "Mean squared error"),
        "cross_entropy": translate("ModelNames", "Cross-entropy"),
    }
    return labels.get(name, LOSSES[name].label)


def scheme_label(name: str) -> str:
    labels = {
        "uniform": translate("ModelNames", "uniform"),
        "xavier": translate("ModelNames", "Xavier"),
        "he": translate("ModelNames", "He"),
        "constant": translate("ModelNames", "constant"),
    }
    return labels.get(name, name)
