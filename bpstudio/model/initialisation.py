"""Weight initialisation schemes, each reproducible from a seed (docs/project-format.md lists
them with their distributions)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.model.network import Network

SCHEMES = ("uniform", "xavier", "he", "constant", "zeros")
USES_SCALE = ("uniform", "constant")  # the others ignore ``scale``


@dataclass(frozen=True)
class InitScheme:
    """How to draw fresh weights: ``uniform`` in [-scale, scale], Xavier/Glorot uniform,
    He normal, every weight equal to ``scale`` (``constant``), or every weight and bias 0
    (``zeros``: the symmetry lesson; ``scale`` is not used).  Biases start at zero (or
    ``scale`` for ``constant``)."""

    name: str = "xavier"
    seed: int = 0
    scale: float = 0.5

    def __post_init__(self) -> None:
        if self.name not in SCHEMES:
            raise ValueError(f"unknown initialisation {self.name!r} (known: {', '.join(SCHEMES)})")


def initialise(network: Network, scheme: InitScheme) -> Network:
    """A copy of ``network`` with new weights drawn by ``scheme`` (shape and activations kept)."""
    rng = np.random.default_rng(scheme.seed)
    weights = [_draw(rng, scheme, *w.shape) for w in network.weights]
    biases = None
    if network.biases is not None:
        fill = scheme.scale if scheme.name == "constant" else 0.0
        biases = [np.full(b.shape, fill) for b in network.biases]
    return Network(
        list(network.layer_sizes),
        list(network.activations),
        weights,
        biases,
        network.freeze_biases,
        network.dtype,
    )


def _draw(rng: np.random.Generator, scheme: InitScheme, n_in: int, n_out: int) -> np.ndarray:
    if scheme.name == "uniform":
        return rng.uniform(-scheme.scale, scheme.scale, (n_in, n_out))
    if scheme.name == "xavier":
        limit = np.sqrt(6.0 / (n_in + n_out))
        return rng.uniform(-limit, limit, (n_in, n_out))
    if scheme.name == "he":
        return rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, n_out))
    if scheme.name == "zeros":
        return np.zeros((n_in, n_out))
    return np.full((n_in, n_out), float(scheme.scale))
