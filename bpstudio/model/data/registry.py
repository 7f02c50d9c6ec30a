"""The registry of built-in data sets: names, descriptions, shapes, and how to make them.

``generate(name, count, noise, seed)`` is reproducible: the same arguments give the same
numbers on every machine (NumPy's PCG64 generator, seeded).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bpstudio.model.data import generators as g
from bpstudio.model.data.dataset import Dataset

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources" / "datasets"
IRIS_CSV = RESOURCES / "iris.csv"
CLASSIFICATION, REGRESSION = "classification", "regression"


@dataclass(frozen=True)
class BuiltinSet:
    name: str
    title: str
    description: str
    n_inputs: int
    n_outputs: int
    kind: str  # CLASSIFICATION or REGRESSION
    default_count: int
    default_noise: float
    make: Callable[[int, float, np.random.Generator], tuple[np.ndarray, np.ndarray]]
    fixed_count: bool = False  # the seed's sample and Iris have a size of their own

    @property
    def shape(self) -> tuple[int, int]:
        return (self.n_inputs, self.n_outputs)


def _make_iris(_count: int, noise: float, rng: np.random.Generator):
    from bpstudio.model.data.csv_io import import_csv  # csv_io imports this package

    data = import_csv(IRIS_CSV).dataset
    inputs = data.inputs + rng.normal(0.0, noise, data.inputs.shape) if noise > 0 else data.inputs
    return inputs, data.targets


_C, _R = CLASSIFICATION, REGRESSION
BUILTIN_SETS: dict[str, BuiltinSet] = {
    s.name: s
    for s in (
        BuiltinSet("seed", "The seed's sample", "The source document's one sample: "
                   "x = (1.0, 0.5, 0.2), Ŷ = (0.9, 0.1).", 3, 2, _R, 1, 0.0, g.make_seed,
                   fixed_count=True),
        BuiltinSet("and", "AND gate", "1 only when both inputs are 1.", 2, 1, _C, 4, 0.0,
                   g.gate_maker("and")),
        BuiltinSet("or", "OR gate", "1 when either input is 1.", 2, 1, _C, 4, 0.0,
                   g.gate_maker("or")),
        BuiltinSet("xor", "XOR gate", "1 when exactly one input is 1: no straight line "
                   "separates the classes, so it needs a hidden layer.", 2, 1, _C, 4, 0.0,
                   g.gate_maker("xor")),
        BuiltinSet("circle", "Circle", "Class 1 inside a circle, class 0 in a ring around it.",
                   2, 1, _C, 200, 0.05, g.make_circle),
        BuiltinSet("xor_quadrants", "XOR quadrants", "Class 1 where both coordinates have the "
                   "same sign: XOR spread over the plane.", 2, 1, _C, 200, 0.05,
                   g.make_xor_quadrants),
        BuiltinSet("gaussians", "Two gaussians", "Two round clouds, one per class: a straight "
                   "line nearly separates them.", 2, 1, _C, 200, 0.0, g.make_gaussians),
        BuiltinSet("spirals", "Two spirals", "Two interleaved spiral arms: hard, needs two "
                   "hidden layers.", 2, 1, _C, 300, 0.03, g.make_spirals),
        BuiltinSet("sine", "Sine curve", "y = sin x on [-π, π]: regression with one input.",
                   1, 1, _R, 41, 0.05, g.make_sine),
        BuiltinSet("plane", "Plane", "y = 0.5 x₁ − 0.3 x₂ + 0.2: linear regression in 2-D.",
                   2, 1, _R, 100, 0.05, g.make_plane),
        BuiltinSet("iris", "Iris flowers", "Fisher's 150 irises (UCI, CC BY 4.0): 4 "
                   "measurements, 3 species one-hot.", 4, 3, _C, 150, 0.0, _make_iris,
                   fixed_count=True),
    )
}  # fmt: skip
BUILTIN_NAMES = tuple(BUILTIN_SETS)


def get_builtin(name: str) -> BuiltinSet:
    try:
        return BUILTIN_SETS[name]
    except KeyError:
        known = ", ".join(BUILTIN_NAMES)
        raise ValueError(f"no built-in data set {name!r} (known: {known})") from None


def generate(
    name: str, count: int | None = None, noise: float | None = None, seed: int = 0
) -> Dataset:
    """The built-in set ``name`` with ``count`` samples and input noise ``noise``."""
    spec = get_builtin(name)
    count = spec.default_count if count is None or spec.fixed_count else int(count)
    noise = spec.default_noise if noise is None else float(noise)
    if count < 1:
        raise ValueError(f"a data set needs at least one sample, not {count}")
    if noise < 0:
        raise ValueError(f"noise is a standard deviation, it cannot be {noise}")
    inputs, targets = spec.make(count, noise, np.random.default_rng(seed))
    return Dataset(inputs, targets)


def io_sizes(dataset: Dataset) -> tuple[int, int]:
    """The input and output layer sizes ``dataset`` needs."""
    return dataset.n_inputs, dataset.n_targets


def layer_sizes_for(dataset: Dataset, hidden_sizes: list[int]) -> list[int]:
    """Layer sizes that fit ``dataset``: its inputs, the hidden layers, its targets."""
    n_in, n_out = io_sizes(dataset)
    return [n_in, *hidden_sizes, n_out]
