"""Backpropagation against finite differences and against the seed's closed forms."""

import math
import zlib

import numpy as np
import pytest

from bpstudio.model import Network, gradient_check, initialise
from bpstudio.model.initialisation import InitScheme

HIDDEN = ["sigmoid", "tanh", "relu", "leaky_relu", "linear"]
LOSS_OUTPUTS = {
    "half_sse": ["sigmoid", "tanh", "linear", "softmax", "leaky_relu"],
    "mse": ["sigmoid", "tanh", "linear", "softmax"],
    "cross_entropy": ["sigmoid", "softmax"],
}


def random_case(rng, loss, output, use_bias):
    n_layers = int(rng.integers(2, 5))
    sizes = [int(n) for n in rng.integers(1, 5, n_layers)]
    if output == "softmax":
        sizes[-1] = max(sizes[-1], 2)
    acts = [str(rng.choice(HIDDEN)) for _ in range(n_layers - 2)] + [output]
    net = initialise(
        Network.zeros(sizes, acts, use_bias), InitScheme("uniform", int(rng.integers(1e6)), 1.0)
    )
    if use_bias:
        net.biases = [rng.uniform(-1, 1, b.shape) for b in net.biases]
    n = int(rng.integers(1, 4))
    inputs = rng.uniform(-2, 2, (n, sizes[0]))
    if output == "softmax":
        targets = np.eye(sizes[-1])[rng.integers(0, sizes[-1], n)]
    else:
        targets = rng.uniform(0, 1, (n, sizes[-1]))
    return net, inputs, targets


def keep_away_from_kinks(net, inputs):
    """ReLU's slope jumps at z = 0: finite differences across the kink are meaningless."""
    trace = net.forward(inputs)
    return all(np.all(np.abs(z) > 1e-4) for z in trace.z[1:])


CASES = [
    (loss, out, bias)
    for loss, outs in LOSS_OUTPUTS.items()
    for out in outs
    for bias in (False, True)
]


@pytest.mark.parametrize("loss,output,use_bias", CASES)
def test_random_networks_match_finite_differences(loss, output, use_bias):
    # A fixed seed per case (str hashes change from run to run).
    rng = np.random.default_rng(zlib.crc32(f"{loss}/{output}/{use_bias}".encode()))
    checked = 0
    while checked < 6:
        net, inputs, targets = random_case(rng, loss, output, use_bias)
        if not keep_away_from_kinks(net, inputs):
            continue
        check = gradient_check(net, inputs, targets, loss)
        for analytic, numeric in zip(check.analytic, check.numeric, strict=True):
            # Central differences carry a rounding error of about eps * E / h: an entry much
            # smaller than its neighbours is compared at the matrix's own scale.
            scale = float(np.abs(numeric).max()) if numeric.size else 0.0
            np.testing.assert_allclose(analytic, numeric, rtol=1e-7, atol=1e-9 + 1e-7 * scale)
        checked += 1


def sig(z):
    return 1 / (1 + math.exp(-z))


def test_seed_network_matches_closed_forms_of_the_derivation():
    """Steps 一 to 六 of the seed, written out by hand in plain Python."""
    x = [0.35, -0.8, 1.2]
    Yh = [0.25, 0.75]
    w2 = [[0.15, -0.4], [0.6, 0.3], [-0.2, 0.9]]  # w2[j][k] = w_{jk}^2
    w3 = [[0.5, -0.7], [0.25, 1.1]]
    z2 = [sum(x[j] * w2[j][k] for j in range(3)) for k in range(2)]
    a2 = [sig(z) for z in z2]
    z3 = [sum(a2[j] * w3[j][k] for j in range(2)) for k in range(2)]
    Y = [sig(z) for z in z3]
    # 一, 二
    dE_dz3 = [(Y[k] - Yh[k]) * (Y[k] - Y[k] ** 2) for k in range(2)]
    # 三
    dE_dw3 = [[dE_dz3[k] * a2[j] for k in range(2)] for j in range(2)]
    # 四, 五
    dE_da2 = [dE_dz3[0] * w3[j][0] + dE_dz3[1] * w3[j][1] for j in range(2)]
    dE_dz2 = [dE_da2[j] * (a2[j] - a2[j] ** 2) for j in range(2)]
    # 六
    dE_dw2 = [[dE_dz2[k] * x[i] for k in range(2)] for i in range(3)]

    net = Network([3, 2, 2], ["sigmoid", "sigmoid"], [np.array(w2), np.array(w3)])
    g = net.gradients([x], [Yh], "half_sse")
    E = 0.5 * ((Y[0] - Yh[0]) ** 2 + (Y[1] - Yh[1]) ** 2)
    assert net.loss([x], [Yh], "half_sse") == pytest.approx(E, rel=1e-14)
    np.testing.assert_allclose(g.dE_dz[2][0], dE_dz3, rtol=1e-13)
    np.testing.assert_allclose(g.dW[1], dE_dw3, rtol=1e-13)
    np.testing.assert_allclose(g.dE_da[1][0], dE_da2, rtol=1e-13)
    np.testing.assert_allclose(g.dE_dz[1][0], dE_dz2, rtol=1e-13)
    np.testing.assert_allclose(g.dW[0], dE_dw2, rtol=1e-13)
    assert g.dE_dw_(3, 2, 1) == pytest.approx(dE_dw3[1][0], rel=1e-13)
    assert g.dE_dw_(2, 3, 2, sample=0) == pytest.approx(dE_dw2[2][1], rel=1e-13)


def test_batch_gradient_is_the_mean_of_per_sample_gradients():
    rng = np.random.default_rng(5)
    net, inputs, targets = random_case(rng, "mse", "tanh", True)
    inputs = rng.uniform(-1, 1, (5, net.n_inputs))
    targets = rng.uniform(-1, 1, (5, net.n_outputs))
    batch = net.gradients(inputs, targets, "mse")
    singles = [net.gradients(inputs[[s]], targets[[s]], "mse") for s in range(5)]
    for i in range(len(net.weights)):
        np.testing.assert_allclose(batch.dW[i], np.mean([g.dW[i] for g in singles], axis=0))
        np.testing.assert_allclose(batch.sample_dW(3)[i], singles[3].dW[i])
