"""Central finite differences for every parameter, compared with backpropagation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.model.network import Network


@dataclass(frozen=True)
class GradientCheck:
    analytic: list[np.ndarray]
    numeric: list[np.ndarray]

    @property
    def relative_errors(self) -> list[np.ndarray]:
        out = []
        for a, n in zip(self.analytic, self.numeric, strict=True):
            scale = np.maximum(np.maximum(np.abs(a), np.abs(n)), 1e-8)
            out.append(np.abs(a - n) / scale)
        return out

    @property
    def max_relative_error(self) -> float:
        return max((float(e.max()) for e in self.relative_errors if e.size), default=0.0)


def gradient_check(
    network: Network, inputs: np.ndarray, targets: np.ndarray, loss: str, eps: float = 1e-6
) -> GradientCheck:
    """Backprop gradients and finite-difference estimates of the batch loss, per parameter."""
    net = network.copy()
    analytic = [g.copy() for g in net.gradients(inputs, targets, loss).parameter_gradients()]
    numeric = []
    for param in net.parameters():
        estimate = np.zeros_like(param)
        for idx in np.ndindex(param.shape):
            original = param[idx]
            param[idx] = original + eps
            up = net.loss(inputs, targets, loss)
            param[idx] = original - eps
            down = net.loss(inputs, targets, loss)
            param[idx] = original
            estimate[idx] = (up - down) / (2 * eps)
        numeric.append(estimate)
    return GradientCheck(analytic, numeric)
