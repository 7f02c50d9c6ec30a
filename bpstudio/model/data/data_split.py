"""Which rows of a dataset are held out for testing: a seeded, exact-size random choice."""

from __future__ import annotations

import numpy as np


def test_count(n_samples: int, test_fraction: float) -> int:
    """How many rows the test part gets: the rounded share, but at least one training row."""
    if test_fraction <= 0 or n_samples < 2:
        return 0
    return int(min(max(round(n_samples * test_fraction), 1), n_samples - 1))


def test_mask(n_samples: int, test_fraction: float, seed: int) -> np.ndarray:
    """A boolean mask, True for the test rows.

    The same (n_samples, fraction, seed) always gives the same rows; every row is in exactly
    one part.  Adding or removing a row draws the split afresh (the seed stays).
    """
    mask = np.zeros(n_samples, dtype=bool)
    n_test = test_count(n_samples, test_fraction)
    if n_test:
        order = np.random.default_rng(seed).permutation(n_samples)
        mask[order[:n_test]] = True
    return mask
