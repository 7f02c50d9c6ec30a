"""Per-column standardisation: (x - mean) / std, with the statistics of the training rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# A column with (almost) no spread is only shifted, never blown up by dividing by ~0.
MIN_STD = 1e-12


@dataclass(frozen=True)
class Scaling:
    mean: np.ndarray
    std: np.ndarray

    @classmethod
    def identity(cls, n_columns: int) -> Scaling:
        return cls(np.zeros(n_columns), np.ones(n_columns))

    def apply(self, raw: np.ndarray) -> np.ndarray:
        return (np.asarray(raw, dtype=np.float64) - self.mean) / self.std

    def undo(self, prepared: np.ndarray) -> np.ndarray:
        return np.asarray(prepared, dtype=np.float64) * self.std + self.mean


def fit_scaling(rows: np.ndarray) -> Scaling:
    """Mean and population standard deviation of each column (1 where a column is constant)."""
    rows = np.atleast_2d(np.asarray(rows, dtype=np.float64))
    # Computed on the columns divided by a power of two near their largest size (exact), then
    # scaled back: squares of values around 1e200 overflow, and a project with such inputs
    # could never be saved.
    largest = np.abs(rows).max(axis=0) if rows.size else np.ones(rows.shape[1])
    largest = np.where((largest > 0) & np.isfinite(largest), largest, 1.0)
    size = np.ldexp(1.0, np.frexp(largest)[1])
    unit = rows / size
    mean = unit.mean(axis=0) * size
    std = unit.std(axis=0) * size
    std = np.where(std < MIN_STD, 1.0, std)
    return Scaling(mean, std)


# Input columns whose spreads differ by more than this factor drown the narrow ones: the
# weights of the narrow column barely matter, and a decision boundary drawn over the raw
# ranges is a thin sliver.  Then standardising is worth suggesting.
SPREAD_RATIO_LIMIT = 10.0


def spread_ratio(rows: np.ndarray) -> float:
    """The widest input column's standard deviation over the narrowest non-constant one's
    (1.0 with fewer than two such columns)."""
    rows = np.atleast_2d(np.asarray(rows, dtype=np.float64))
    spreads = rows.std(axis=0)
    spreads = spreads[np.isfinite(spreads) & (spreads >= MIN_STD)]
    if len(spreads) < 2:
        return 1.0
    return float(spreads.max() / spreads.min())


def standardising_helps(dataset) -> bool:
    """The raw inputs' spreads differ more than SPREAD_RATIO_LIMIT-fold (and they are raw)."""
    if dataset.standardise:
        return False
    return spread_ratio(dataset.inputs[dataset.train_indices()]) > SPREAD_RATIO_LIMIT
