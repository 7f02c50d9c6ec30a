"""The names of the model's activations, losses and initialisation schemes, as shown.

The model keeps one English label each (it never imports Qt); these are the translated
names for menus and dialogs.  A name missing here is shown as the model labels it.
"""

from __future__ import annotations

from bpstudio.model.activations import ACTIVATIONS
from bpstudio.model.losses import LOSSES
from bpstudio.views.widgets.language import translate


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
        "zeros": translate("ModelNames", "zeros"),
    }
    return labels.get(name, name)


def dataset_title(name: str, fallback: str) -> str:
    """The built-in data set's name (bpstudio.model.data.registry), translated."""
    titles = {
        "seed": translate("ModelNames", "The seed's sample"),
        "and": translate("ModelNames", "AND gate"),
        "or": translate("ModelNames", "OR gate"),
        "xor": translate("ModelNames", "XOR gate"),
        "circle": translate("ModelNames", "Circle"),
        "xor_quadrants": translate("ModelNames", "XOR quadrants"),
        "gaussians": translate("ModelNames", "Two gaussians"),
        "spirals": translate("ModelNames", "Two spirals"),
        "sine": translate("ModelNames", "Sine curve"),
        "plane": translate("ModelNames", "Plane"),
        "iris": translate("ModelNames", "Iris flowers"),
    }
    return titles.get(name, fallback)


def dataset_description(name: str, fallback: str) -> str:
    descriptions = {
        "seed": translate(
            "ModelNames", "The source document's one sample: x = (1.0, 0.5, 0.2), Ŷ = (0.9, 0.1)."
        ),
        "and": translate("ModelNames", "1 only when both inputs are 1."),
        "or": translate("ModelNames", "1 when either input is 1."),
        "xor": translate(
            "ModelNames",
            "1 when exactly one input is 1: no straight line separates the classes, "
            "so it needs a hidden layer.",
        ),
        "circle": translate("ModelNames", "Class 1 inside a circle, class 0 in a ring around it."),
        "xor_quadrants": translate(
            "ModelNames",
            "Class 1 where both coordinates have the same sign: XOR spread over the plane.",
        ),
        "gaussians": translate(
            "ModelNames",
            "Two round clouds, one per class: a straight line nearly separates them.",
        ),
        "spirals": translate(
            "ModelNames", "Two interleaved spiral arms: hard, needs two hidden layers."
        ),
        "sine": translate("ModelNames", "y = sin x on [-π, π]: regression with one input."),
        "plane": translate("ModelNames", "y = 0.5 x₁ − 0.3 x₂ + 0.2: linear regression in 2-D."),
        "iris": translate(
            "ModelNames",
            "Fisher's 150 irises (UCI, CC BY 4.0): 4 measurements, 3 species one-hot.",
        ),
    }
    return descriptions.get(name, fallback)
