"""What the diagram shows, read from the document's trace and gradients (never computed here).

Edges are listed in one fixed order, so that their values come out as one flat array:
for each layer l >= 2, every w_{jk}^l (j-major, as the weight matrix is stored), then, when
biases are on, every b_k^l of every layer.
"""

from __future__ import annotations

import numpy as np

from bpstudio.model.refs import BiasRef, EdgeRef

NODE_MODES = ("a", "z", "dE/dz")
EDGE_OVERLAYS = ("weight", "gradient")


def edge_refs(layer_sizes, use_bias: bool) -> list[EdgeRef | BiasRef]:
    refs: list[EdgeRef | BiasRef] = []
    for layer in range(2, len(layer_sizes) + 1):
        for j in range(1, layer_sizes[layer - 2] + 1):
            refs.extend(EdgeRef(layer, j, k) for k in range(1, layer_sizes[layer - 1] + 1))
    if use_bias:
        for layer in range(2, len(layer_sizes) + 1):
            refs.extend(BiasRef(layer, k) for k in range(1, layer_sizes[layer - 1] + 1))
    return refs


def parameter_values(network) -> np.ndarray:
    """Every weight, then every bias, in :func:`edge_refs` order."""
    parts = [w.ravel() for w in network.weights]
    if network.biases is not None:
        parts += list(network.biases)
    return np.concatenate(parts) if parts else np.zeros(0)


def parameter_gradients(gradients) -> np.ndarray | None:
    """dE/dw then dE/db of the shown sample, in :func:`edge_refs` order; None if unknown."""
    if gradients is None:
        return None
    parts = [g.ravel() for g in gradients.dW]
    if gradients.db is not None:
        parts += list(gradients.db)
    return np.concatenate(parts) if parts else np.zeros(0)


def safe_gradients(document):
    """The document's gradients, or None when they cannot be computed (e.g. a loss that
    does not accept the output activation: the model says why, elsewhere)."""
    try:
        return document.gradients()
    except ValueError:
        return None


def safe_parameter_gradients(document):
    """The ∂E/∂w and ∂E/∂b the views draw (document.shown_parameter_gradients), or None."""
    try:
        return document.shown_parameter_gradients()
    except ValueError:
        return None


def unit_values(document, mode: str) -> list[np.ndarray | None]:
    """Per layer (index l - 1), the shown sample's row of a, z or dE/dz; None where undefined."""
    if mode == "a":
        rows = document.trace().a
    elif mode == "z":
        rows = document.trace().z
    else:
        gradients = safe_gradients(document)
        if gradients is None:
            return [None] * document.project.network.n_layers
        rows = gradients.dE_dz
    return [None if row is None else row[0] for row in rows]


def display_scale(values: np.ndarray) -> float:
    """The magnitude drawn at full strength: the largest, or the 99th percentile of many
    values (so that one outlier does not fade every other edge)."""
    magnitudes = np.abs(values[np.isfinite(values)])
    if magnitudes.size == 0:
        return 0.0
    if magnitudes.size > 100:
        return float(np.percentile(magnitudes, 99))
    return float(magnitudes.max())


def display_levels(values: np.ndarray, scale: float, levels: int) -> np.ndarray:
    """0 .. levels-1 for each value: its magnitude relative to ``scale``, clamped."""
    if scale <= 0:
        return np.zeros(values.shape, dtype=int)
    with np.errstate(invalid="ignore"):
        relative = np.nan_to_num(np.abs(values) / scale, nan=1.0, posinf=1.0)
    return np.minimum((relative * levels).astype(int), levels - 1)
