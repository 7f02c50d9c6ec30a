"""New exercises: the same network with fresh nice numbers, drawn from a seed.

Nice numbers have one decimal, like the seed's (x = 1.0, 0.5, 0.2; w = 0.1 ... 0.9), so a
student can work them by hand.  Only what one walkthrough uses is redrawn: every weight and
bias, and the inputs and labels of the walked sample's batch; the other rows stay.  The same
project, sample and seed always give the same numbers.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from bpstudio.model.derivation import batch_of
from bpstudio.model.network import Network
from bpstudio.model.project_like import ProjectLike, ProjectT

MAX_DRAWS = 200  # redraws to avoid a ReLU unit sitting exactly at its kink
KINK_MARGIN = 0.05


def _tenths(
    rng: np.random.Generator, low: int, high: int, shape: tuple[int, ...], nonzero: bool = True
) -> np.ndarray:
    """Numbers k/10 for whole k in [low, high] (0 left out when ``nonzero``)."""
    choices = np.array([k for k in range(low, high + 1) if k or not nonzero], dtype=float)
    drawn: np.ndarray = rng.choice(choices, size=shape)
    return drawn / 10.0


def _labels(rng: np.random.Generator, network: Network, rows: int) -> np.ndarray:
    n, name = network.n_outputs, network.output_activation
    if name == "softmax":
        one_hot: np.ndarray = np.eye(n)[rng.integers(0, n, size=rows)]
        return one_hot
    if name == "sigmoid":
        return _tenths(rng, 1, 9, (rows, n))
    if name == "relu":
        return _tenths(rng, 1, 10, (rows, n))
    return _tenths(rng, -9, 9, (rows, n))


def _weights(rng: np.random.Generator, network: Network) -> Network:
    net = network.copy()
    net.weights = [_tenths(rng, -9, 9, w.shape) for w in network.weights]
    if network.biases is not None:
        net.biases = [_tenths(rng, -5, 5, b.shape) for b in network.biases]
    return net


def _clear_of_kinks(network: Network, inputs: np.ndarray) -> bool:
    """No ReLU-like unit at z = 0, where its slope is a matter of convention."""
    trace = network.forward(inputs)
    for layer, name in enumerate(network.activations, start=2):
        if name in ("relu", "leaky_relu") and np.any(np.abs(trace.z_at(layer)) < KINK_MARGIN):
            return False
    return True


def draw_numbers(network: Network, rows: int, seed: int) -> tuple[Network, np.ndarray, np.ndarray]:
    """(network with nice weights, nice inputs, nice labels) for ``rows`` samples."""
    rng = np.random.default_rng([int(seed), 0x5EED])
    for _ in range(MAX_DRAWS):
        net = _weights(rng, network)
        inputs = _tenths(rng, 1, 10, (rows, network.n_inputs))
        if _clear_of_kinks(net, inputs):
            break
    return net, inputs, _labels(rng, network, rows)


def new_exercise(project: ProjectT, sample: int, seed: int) -> ProjectT:
    """A copy of ``project`` with nice numbers for ``sample``'s walkthrough (0-based).

    The inputs are used as typed: standardisation is switched off, which would turn them
    into numbers no one works by hand."""
    data = project.dataset
    batch = list(batch_of(sample, data.n_samples, project.training.batch_size))
    network, inputs, labels = draw_numbers(project.network, len(batch), seed)
    new_inputs, new_targets = data.inputs.copy(), data.targets.copy()
    new_inputs[batch], new_targets[batch] = inputs, labels
    dataset = data.with_rows(new_inputs, new_targets).with_settings(standardise=False)
    result = project.copy()
    return replace(result, network=network, dataset=dataset)


def exercise_numbers(project: ProjectLike, sample: int) -> tuple[float, ...]:
    """Every number a student is given: weights, biases, the batch's inputs and labels."""
    data = project.dataset
    batch = list(batch_of(sample, data.n_samples, project.training.batch_size))
    parts = [w.ravel() for w in project.network.parameters()]
    parts += [data.inputs[batch].ravel(), data.targets[batch].ravel()]
    return tuple(float(v) for v in np.concatenate(parts))
