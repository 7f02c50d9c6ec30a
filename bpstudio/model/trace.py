"""What one forward and one backward pass computed, indexed in the seed's notation.

Lists are indexed by position ``l - 1`` for seed layer ``l`` (inputs are layer 1), so
``trace.a[0]`` holds the ``x_j`` and ``trace.z[0]`` is None.  Every array has one row per sample.
The accessors take the seed's 1-based layer and unit numbers: ``trace.a_(2, 1, s)`` is ``a_1^2``
of sample ``s``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ForwardTrace:
    z: list[np.ndarray | None]
    a: list[np.ndarray]

    @property
    def inputs(self) -> np.ndarray:
        return self.a[0]

    @property
    def output(self) -> np.ndarray:
        return self.a[-1]

    @property
    def n_samples(self) -> int:
        return int(self.a[0].shape[0])

    def z_at(self, layer: int) -> np.ndarray:
        """Every sample's z of a seed layer (>= 2); layer 1, the inputs, has none."""
        z = self.z[layer - 1]
        if z is None:
            raise ValueError("layer 1 (the inputs) has no z")
        return z

    def z_(self, layer: int, unit: int, sample: int = 0) -> float:
        if layer < 2:
            raise ValueError("layer 1 (the inputs) has no z")
        return float(self.z_at(layer)[sample, unit - 1])

    def a_(self, layer: int, unit: int, sample: int = 0) -> float:
        return float(self.a[layer - 1][sample, unit - 1])


@dataclass(frozen=True)
class Gradients:
    """dE/da and dE/dz per sample (each sample's own loss); dW and db are batch means."""

    dE_da: list[np.ndarray | None]
    dE_dz: list[np.ndarray | None]
    dW: list[np.ndarray]
    db: list[np.ndarray] | None
    trace: ForwardTrace

    def dE_da_at(self, layer: int) -> np.ndarray:
        """Every sample's dE/da of a seed layer (a backward pass fills every layer's)."""
        dE_da = self.dE_da[layer - 1]
        if dE_da is None:
            raise ValueError(f"layer {layer} has no dE/da in this pass")
        return dE_da

    def dE_dz_at(self, layer: int) -> np.ndarray:
        """Every sample's dE/dz of a seed layer (>= 2); layer 1, the inputs, has none."""
        dE_dz = self.dE_dz[layer - 1]
        if dE_dz is None:
            raise ValueError("layer 1 (the inputs) has no z")
        return dE_dz

    def dE_da_(self, layer: int, unit: int, sample: int = 0) -> float:
        return float(self.dE_da_at(layer)[sample, unit - 1])

    def dE_dz_(self, layer: int, unit: int, sample: int = 0) -> float:
        if layer < 2:
            raise ValueError("layer 1 (the inputs) has no z")
        return float(self.dE_dz_at(layer)[sample, unit - 1])

    def dE_dw_(self, layer: int, j: int, k: int, sample: int | None = None) -> float:
        """dE/dw_{jk}^layer: the batch mean, or one sample's own when ``sample`` is given."""
        if sample is None:
            return float(self.dW[layer - 2][j - 1, k - 1])
        a_prev = self.trace.a[layer - 2][sample, j - 1]
        return float(a_prev * self.dE_dz_at(layer)[sample, k - 1])

    def dE_db_(self, layer: int, unit: int, sample: int | None = None) -> float:
        if sample is None:
            if self.db is None:
                raise ValueError("this network has no biases")
            return float(self.db[layer - 2][unit - 1])
        return float(self.dE_dz_at(layer)[sample, unit - 1])

    def sample_dW(self, sample: int) -> list[np.ndarray]:
        """The weight gradients of one sample's own loss."""
        a = self.trace.a
        return [np.outer(a[i][sample], self.dE_dz_at(i + 2)[sample]) for i in range(len(self.dW))]

    def parameter_gradients(self) -> list[np.ndarray]:
        """Batch-mean gradients in the order of :meth:`Network.parameters`."""
        return self.dW + (self.db if self.db is not None else [])
