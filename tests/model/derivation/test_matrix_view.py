"""The matrix view of a step: the same numbers as the per-unit steps, in every notation, with
weights as the project stores them (inputs × outputs)."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.model import Network
from bpstudio.model.derivation import build_derivation, derive_project
from bpstudio.model.derivation.matrix import matrix_steps
from bpstudio.model.examples import load_example
from tests.model.derivation.derivation_helpers import random_case


def _per_unit(derivation, step) -> np.ndarray:
    """The per-unit steps' values gathered into the matrix step's shape."""
    sizes = derivation.layer_sizes
    layer = step.layer
    if step.quantity == "dE/dw":
        rows, cols = sizes[layer - 2], sizes[layer - 1]
        return np.array(
            [[derivation.find("dE/dw", layer, j, k).value for k in range(1, cols + 1)]
             for j in range(1, rows + 1)]
        )  # fmt: skip
    units = range(1, sizes[layer - 1] + 1)
    return np.array([[derivation.find(step.quantity, layer, k).value] for k in units])


def _check(derivation) -> int:
    steps = matrix_steps(derivation)
    for step in steps:
        expected = _per_unit(derivation, step)
        assert step.value.shape == expected.shape, step.symbolic
        np.testing.assert_allclose(step.value, expected, rtol=1e-12, atol=1e-15)
    return len(steps)


@pytest.mark.parametrize("name", ["seed", "cs231n", "qiu", "zhou"])
def test_the_seed_in_matrices_has_the_per_unit_numbers(name):
    derivation = derive_project(load_example("seed"), 0, notation=name)
    assert _check(derivation) == 8  # z, a twice; δ, ∂E/∂W twice


def test_random_networks_in_matrices_have_the_per_unit_numbers():
    rng = np.random.default_rng(19)
    for _ in range(40):
        net, inputs, targets, loss, sample, batch = random_case(rng)
        derivation = build_derivation(net, inputs, targets, loss, sample, 0.3, batch)
        assert _check(derivation) > 0


def test_weights_are_inputs_by_outputs_and_the_formulas_say_so():
    derivation = derive_project(load_example("seed"), 0, notation="qiu")
    steps = {(s.quantity, s.layer): s for s in matrix_steps(derivation)}
    assert steps["z", 3].symbolic == r"z^{(2)} = (W^{(2)})^{T} a^{(1)}"
    assert steps["dE/dz", 2].symbolic == (
        r"\delta^{(1)} = \frac{\partial \mathcal{L}}{\partial z^{(1)}} = "
        r"f'(z^{(1)}) \odot (W^{(2)} \delta^{(2)})"
    )
    assert steps["dE/dw", 3].symbolic == (
        r"\frac{\partial \mathcal{L}}{\partial W^{(2)}} = a^{(1)} \, (\delta^{(2)})^{T}"
    )
    assert steps["dE/dw", 2].value.shape == (3, 2)  # 3 inputs × 2 hidden units, as stored


def test_zhou_subtracts_the_thresholds_in_matrices_too():
    weights = [np.array([[0.15, 0.25], [0.20, 0.30]]), np.array([[0.40, 0.50], [0.45, 0.55]])]
    net = Network([2, 2, 2], ["sigmoid"] * 2, weights, [np.array([0.35] * 2), np.array([0.6] * 2)])
    derivation = build_derivation(net, [[0.05, 0.1]], [[0.01, 0.99]], "half_sse", notation="zhou")
    steps = {(s.quantity, s.layer): s for s in matrix_steps(derivation)}
    assert steps["z", 3].symbolic == r"\beta = W^{T} b - \theta"
    np.testing.assert_allclose(
        steps["dE/db", 3].value.ravel(),
        [derivation.find("dE/db", 3, k).value for k in (1, 2)],
        rtol=1e-12,
    )
