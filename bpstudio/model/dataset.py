"""A dataset: one row of inputs and one row of targets (the seed's Ŷ, the label) per sample."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Dataset:
    inputs: np.ndarray
    targets: np.ndarray

    def __post_init__(self) -> None:
        self.inputs = np.atleast_2d(np.array(self.inputs, dtype=np.float64))
        self.targets = np.atleast_2d(np.array(self.targets, dtype=np.float64))
        if self.inputs.ndim != 2 or self.targets.ndim != 2:
            raise ValueError("inputs and targets must be tables (one row per sample)")
        if len(self.inputs) != len(self.targets):
            raise ValueError(f"{len(self.inputs)} input rows but {len(self.targets)} target rows")
        if len(self.inputs) == 0:
            raise ValueError("a dataset needs at least one sample")

    @property
    def n_samples(self) -> int:
        return len(self.inputs)

    @property
    def n_inputs(self) -> int:
        return self.inputs.shape[1]

    @property
    def n_targets(self) -> int:
        return self.targets.shape[1]

    def copy(self) -> Dataset:
        return Dataset(self.inputs.copy(), self.targets.copy())

    def equals(self, other: Dataset) -> bool:
        return np.array_equal(self.inputs, other.inputs) and np.array_equal(
            self.targets, other.targets
        )

    def check_fits(self, layer_sizes: list[int]) -> None:
        """Raise ValueError when the columns do not match the input and output layers."""
        if self.n_inputs != layer_sizes[0]:
            raise ValueError(
                f"the data has {self.n_inputs} input columns but the input layer has "
                f"{layer_sizes[0]} units"
            )
        if self.n_targets != layer_sizes[-1]:
            raise ValueError(
                f"the data has {self.n_targets} target columns but the output layer has "
                f"{layer_sizes[-1]} units"
            )
