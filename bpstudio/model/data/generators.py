"""The built-in data generators: ``make(count, noise, rng) -> (inputs, targets)``.

Each is deterministic given its generator ``rng`` (seeded by the registry).  Noise is the
standard deviation of Gaussian jitter added to the inputs (regression: to the targets), in
the units of the data, so 0 gives the clean shape.  Two-class sets have one target column,
0 or 1, for one sigmoid output.
"""

from __future__ import annotations

import numpy as np

Arrays = tuple[np.ndarray, np.ndarray]

SEED_INPUTS = (1.0, 0.5, 0.2)
SEED_TARGETS = (0.9, 0.1)
GATE_CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
GATE_TRUTH = {
    "and": np.array([0.0, 0.0, 0.0, 1.0]),
    "or": np.array([0.0, 1.0, 1.0, 1.0]),
    "xor": np.array([0.0, 1.0, 1.0, 0.0]),
}


def _jitter(points: np.ndarray, noise: float, rng: np.random.Generator) -> np.ndarray:
    return points + rng.normal(0.0, noise, points.shape) if noise > 0 else points


def _column(values: np.ndarray) -> np.ndarray:
    return np.asarray(values, dtype=np.float64).reshape(-1, 1)


def make_seed(_count: int, noise: float, rng: np.random.Generator) -> Arrays:
    """The seed document's one sample (count is always 1)."""
    inputs = _jitter(np.array([SEED_INPUTS]), noise, rng)
    return inputs, np.array([SEED_TARGETS])


def gate_maker(gate: str):
    def make_gate(count: int, noise: float, rng: np.random.Generator) -> Arrays:
        """The truth table repeated to ``count`` rows (4 = the table once), inputs jittered."""
        rows = np.arange(count) % 4
        return _jitter(GATE_CORNERS[rows], noise, rng), _column(GATE_TRUTH[gate][rows])

    return make_gate


def _balanced_labels(count: int) -> np.ndarray:
    return np.arange(count) % 2


def make_circle(count: int, noise: float, rng: np.random.Generator) -> Arrays:
    """Class 1 inside radius 0.5, class 0 in the ring 0.7 .. 1.0 around it."""
    labels = _balanced_labels(count)
    radius = np.where(labels == 1, rng.uniform(0.0, 0.5, count), rng.uniform(0.7, 1.0, count))
    angle = rng.uniform(0.0, 2 * np.pi, count)
    points = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    return _jitter(points, noise, rng), _column(labels)


def make_xor_quadrants(count: int, noise: float, rng: np.random.Generator) -> Arrays:
    """Points in [-1, 1]² away from the axes; class 1 where x₁ and x₂ have the same sign."""
    labels = _balanced_labels(count)
    magnitude = rng.uniform(0.1, 1.0, (count, 2))
    x_sign = rng.choice([-1.0, 1.0], count)
    y_sign = np.where(labels == 1, x_sign, -x_sign)
    points = magnitude * np.column_stack([x_sign, y_sign])
    return _jitter(points, noise, rng), _column(labels)


def make_gaussians(count: int, noise: float, rng: np.random.Generator) -> Arrays:
    """Two round clouds, sd 0.25, centred at (-0.5, -0.5) (class 0) and (0.5, 0.5) (class 1)."""
    labels = _balanced_labels(count)
    centres = np.where(labels[:, None] == 1, 0.5, -0.5)
    points = centres + rng.normal(0.0, 0.25, (count, 2))
    return _jitter(points, noise, rng), _column(labels)


def make_spirals(count: int, noise: float, rng: np.random.Generator) -> Arrays:
    """Two interleaved spirals of 1.75 turns each, radius up to 1; one per class."""
    labels = _balanced_labels(count)
    t = np.sqrt(rng.uniform(0.0, 1.0, count))  # sqrt: evenly spread along the arm
    angle = t * 3.5 * np.pi + labels * np.pi
    points = np.column_stack([t * np.cos(angle), t * np.sin(angle)])
    return _jitter(points, noise, rng), _column(labels)


def make_sine(count: int, noise: float, rng: np.random.Generator) -> Arrays:
    """y = sin(x) for x evenly spaced over [-π, π], y jittered by the noise."""
    x = np.linspace(-np.pi, np.pi, count)
    return _column(x), _column(_jitter(np.sin(x), noise, rng))


def make_plane(count: int, noise: float, rng: np.random.Generator) -> Arrays:
    """y = 0.5 x₁ − 0.3 x₂ + 0.2 on [-1, 1]², y jittered by the noise."""
    points = rng.uniform(-1.0, 1.0, (count, 2))
    y = 0.5 * points[:, 0] - 0.3 * points[:, 1] + 0.2
    return points, _column(_jitter(y, noise, rng))
