"""Loss functions.  ``Y`` is the network's output and ``Y_hat`` the label, as in the seed.

Every function works on a batch: rows are samples.  ``per_sample`` gives one loss per row; the
batch loss is their mean, and the batch gradient is the gradient of that mean.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_TINY = np.finfo(np.float64).tiny


def softplus(x: np.ndarray) -> np.ndarray:
    """log(1 + e^x) without overflow."""
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def log_softmax(z: np.ndarray) -> np.ndarray:
    shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


@dataclass(frozen=True)
class Loss:
    name: str
    label: str
    output_activations: tuple[str, ...] | None = None  # None: any output activation

    def per_sample(self, Y, Y_hat, z_out, activation: str) -> np.ndarray:
        """The loss of each sample (a vector as long as the batch)."""
        diff = Y - Y_hat
        if self.name == "half_sse":
            return 0.5 * np.sum(diff * diff, axis=-1)
        if self.name == "mse":
            return np.mean(diff * diff, axis=-1)
        if activation == "softmax":
            return -np.sum(Y_hat * log_softmax(z_out), axis=-1)
        # binary cross-entropy per output unit (sigmoid), summed over units
        return np.sum(Y_hat * softplus(-z_out) + (1.0 - Y_hat) * softplus(z_out), axis=-1)

    def output_dE_da(self, Y, Y_hat, activation: str) -> np.ndarray:
        """dE/dY = dE/da^L for each sample (step 一 of the seed)."""
        diff = Y - Y_hat
        if self.name == "half_sse":
            return diff
        if self.name == "mse":
            return (2.0 / Y.shape[-1]) * diff
        if activation == "softmax":
            return -Y_hat / np.maximum(Y, _TINY)
        return diff / np.maximum(Y * (1.0 - Y), _TINY)

    @property
    def merges_output_steps(self) -> bool:
        """Cross-entropy with softmax/sigmoid: dE/dz^L = Y - Y_hat (steps 一 and 二 merge)."""
        return self.name == "cross_entropy"

    def check_output_activation(self, activation: str) -> None:
        if self.output_activations is not None and activation not in self.output_activations:
            allowed = " or ".join(self.output_activations)
            raise ValueError(
                f"loss {self.name!r} needs a {allowed} output layer, not {activation!r}"
            )


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss("half_sse", "½ Σ (Y − Ŷ)²"),
        Loss("mse", "Mean squared error"),
        Loss("cross_entropy", "Cross-entropy", ("softmax", "sigmoid")),
    )
}

LOSS_NAMES = tuple(LOSSES)


def get_loss(name: str) -> Loss:
    try:
        return LOSSES[name]
    except KeyError:
        raise ValueError(f"unknown loss {name!r} (known: {', '.join(LOSS_NAMES)})") from None


def loss_fits(name: str, output_activation: str) -> bool:
    """Whether loss ``name`` can train a network whose output layer has this activation."""
    allowed = get_loss(name).output_activations
    return allowed is None or output_activation in allowed
