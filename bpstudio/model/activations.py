"""Activation functions, each with the derivative written the way a textbook writes it.

The seed document uses the sigmoid and writes its slope in terms of the unit's own output:
``da/dz = a - a^2``.  Every activation here can give its slope from ``a`` (and ``z`` where the
output alone does not determine it), so the walkthrough can show the same form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

LEAKY_SLOPE = 0.01


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z), computed without overflow for any finite z."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax (one row per sample), shifted by the row maximum so exp never overflows."""
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class Activation:
    """One activation function: its value, its slope, and how the walkthrough writes the slope."""

    name: str
    label: str
    slope_latex: str  # da/dz in terms of a (``{a}``) and z (``{z}``), as a textbook writes it
    elementwise: bool = True

    def __call__(self, z: np.ndarray) -> np.ndarray:
        return _FORWARD[self.name](z)

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """Elementwise da/dz.  Softmax has no elementwise slope: use :meth:`backward`."""
        return _SLOPE[self.name](z, a)

    def backward(self, dE_da: np.ndarray, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """dE/dz from dE/da (a vector-Jacobian product; elementwise for all but softmax)."""
        if self.name == "softmax":
            return a * (dE_da - np.sum(dE_da * a, axis=-1, keepdims=True))
        return dE_da * self.slope(z, a)


_FORWARD: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": sigmoid,
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0.0),
    "leaky_relu": lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
    "linear": lambda z: z.copy(),
    "softmax": softmax,
}

_SLOPE: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "sigmoid": lambda _z, a: a - a * a,
    "tanh": lambda _z, a: 1.0 - a * a,
    "relu": lambda z, _a: (z > 0).astype(z.dtype),
    "leaky_relu": lambda z, _a: np.where(z > 0, 1.0, LEAKY_SLOPE).astype(z.dtype),
    "linear": lambda z, _a: np.ones_like(z),
}

ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", "Sigmoid", r"{a} - ({a})^2"),
        Activation("tanh", "Tanh", r"1 - ({a})^2"),
        Activation("relu", "ReLU", r"\begin{{cases}}1 & {z} > 0\\0 & {z} \le 0\end{{cases}}"),
        Activation(
            "leaky_relu",
            "Leaky ReLU",
            r"\begin{{cases}}1 & {z} > 0\\0.01 & {z} \le 0\end{{cases}}",
        ),
        Activation("linear", "Linear", "1"),
        Activation("softmax", "Softmax", r"{a}(\delta - {a})", elementwise=False),
    )
}

ACTIVATION_NAMES = tuple(ACTIVATIONS)


def get_activation(name: str) -> Activation:
    try:
        return ACTIVATIONS[name]
    except KeyError:
        known = ", ".join(ACTIVATION_NAMES)
        raise ValueError(f"unknown activation {name!r} (known: {known})") from None
