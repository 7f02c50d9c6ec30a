"""A dataset: one row of inputs and one row of targets (the seed's Ŷ, the label) per sample.

The dataset stores the RAW values the student typed, generated or imported, together with two
settings that decide what the network actually sees:

- a train/test split (``test_fraction``, ``split_seed``): which rows are held out for testing;
- per-column standardisation of the inputs (``standardise``): each input column shifted by its
  mean and divided by its standard deviation, both taken over the TRAINING rows only (so the
  test rows tell nothing to training).

``prepared()`` is what the network sees for every row (the walkthrough, the diagram);
``training_set()`` and ``test_set()`` are the prepared rows of each part (the Trainer, the
evaluation).  Keeping raw values stored means switching standardisation off gives back exactly
what was there, and the table always shows the numbers the student entered.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.model.data.data_split import test_mask
from bpstudio.model.data.scaling import Scaling, fit_scaling

MAX_TEST_FRACTION = 0.9


@dataclass
class Dataset:
    inputs: np.ndarray
    targets: np.ndarray
    test_fraction: float = 0.0  # share of the rows held out for testing, 0 = no split
    split_seed: int = 0
    standardise: bool = False  # the network sees standardised inputs
    # The columns' names from an imported file's header (and the classes of a text label
    # column): shown instead of x₁, Ŷ₁.  None when unknown, and dropped when their number no
    # longer matches the columns (an edit removed one).
    input_names: tuple[str, ...] | None = None
    target_names: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        self.inputs = np.atleast_2d(np.array(self.inputs, dtype=np.float64))
        self.targets = np.atleast_2d(np.array(self.targets, dtype=np.float64))
        if self.inputs.ndim != 2 or self.targets.ndim != 2:
            raise ValueError("inputs and targets must be tables (one row per sample)")
        if len(self.inputs) != len(self.targets):
            raise ValueError(f"{len(self.inputs)} input rows but {len(self.targets)} target rows")
        if len(self.inputs) == 0:
            raise ValueError("a dataset needs at least one sample")
        if not 0.0 <= self.test_fraction <= MAX_TEST_FRACTION:
            raise ValueError(
                f"the test share must be between 0 and {MAX_TEST_FRACTION}, "
                f"got {self.test_fraction}"
            )
        self.test_fraction = float(self.test_fraction)
        self.split_seed = int(self.split_seed)
        self.standardise = bool(self.standardise)
        self.input_names = _names_for(self.input_names, self.inputs.shape[1])
        self.target_names = _names_for(self.target_names, self.targets.shape[1])

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
        return self.with_rows(self.inputs.copy(), self.targets.copy())

    def with_rows(self, inputs, targets) -> Dataset:
        """Other rows with this dataset's settings and column names (names kept only while
        the columns still match them)."""
        return Dataset(
            inputs,
            targets,
            self.test_fraction,
            self.split_seed,
            self.standardise,
            self.input_names,
            self.target_names,
        )

    def with_names(self, input_names, target_names) -> Dataset:
        """The same rows and settings under other column names (None: unknown)."""
        return Dataset(
            self.inputs.copy(),
            self.targets.copy(),
            self.test_fraction,
            self.split_seed,
            self.standardise,
            None if input_names is None else tuple(input_names),
            None if target_names is None else tuple(target_names),
        )

    def with_settings(self, **settings) -> Dataset:
        """The same rows with other split/standardisation settings."""
        values = {
            "test_fraction": self.test_fraction,
            "split_seed": self.split_seed,
            "standardise": self.standardise,
            "input_names": self.input_names,
            "target_names": self.target_names,
            **settings,
        }
        return Dataset(self.inputs.copy(), self.targets.copy(), **values)

    def equals(self, other: Dataset) -> bool:
        return (
            np.array_equal(self.inputs, other.inputs)
            and np.array_equal(self.targets, other.targets)
            and self.settings() == other.settings()
        )

    def settings(self) -> tuple:
        return (
            self.test_fraction,
            self.split_seed,
            self.standardise,
            self.input_names,
            self.target_names,
        )

    # the split ----------------------------------------------------------------------------
    def test_mask(self) -> np.ndarray:
        """True for each row held out for testing."""
        return test_mask(self.n_samples, self.test_fraction, self.split_seed)

    @property
    def has_test_split(self) -> bool:
        return bool(self.test_mask().any())

    def train_indices(self) -> np.ndarray:
        return np.flatnonzero(~self.test_mask())

    def test_indices(self) -> np.ndarray:
        return np.flatnonzero(self.test_mask())

    # what the network sees ------------------------------------------------------------------
    def scaling(self) -> Scaling:
        """Mean and standard deviation of each input column over the training rows
        (identity when standardisation is off)."""
        if not self.standardise:
            return Scaling.identity(self.n_inputs)
        return fit_scaling(self.inputs[self.train_indices()])

    def prepare_inputs(self, raw_inputs: np.ndarray) -> np.ndarray:
        """Raw input rows (e.g. a grid of points) as the network sees them."""
        return self.scaling().apply(raw_inputs)

    def prepared(self) -> Dataset:
        """Every row as the network sees it (no split: the walkthrough can show any row)."""
        return Dataset(self.prepare_inputs(self.inputs), self.targets.copy())

    def training_set(self) -> Dataset:
        """The prepared training rows: what the Trainer trains on."""
        rows = self.train_indices()
        return Dataset(self.prepare_inputs(self.inputs[rows]), self.targets[rows])

    def test_set(self) -> Dataset | None:
        """The prepared test rows, or None without a split."""
        rows = self.test_indices()
        if not len(rows):
            return None
        return Dataset(self.prepare_inputs(self.inputs[rows]), self.targets[rows])

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


def _names_for(names, count: int) -> tuple[str, ...] | None:
    """``names`` as a tuple of texts when there is one per column, else None."""
    if names is None:
        return None
    names = tuple(str(name) for name in names)
    return names if len(names) == count else None
