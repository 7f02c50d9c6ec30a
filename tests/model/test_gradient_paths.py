"""A gradient as a sum over paths: every term, their count, the largest first, the JSON."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from bpstudio.model import Network
from bpstudio.model.derivation import build_derivation
from bpstudio.model.examples import load_example
from bpstudio.model.gradient_paths import (
    SamplePass,
    derivation_pass,
    paths_for_ref,
    step_paths,
    unit_paths,
    weight_paths,
)
from bpstudio.model.refs import EdgeRef, UnitRef
from bpstudio.render.json_export import to_json
from tests.model.derivation.derivation_helpers import random_case

EVERY = 10**9  # a limit no test network reaches: every path listed


def _seed_pass() -> SamplePass:
    project = load_example()
    data = project.dataset.prepared()
    return SamplePass(project.network, data.inputs[0], data.targets[0], project.loss)


def _widths_above(net: Network, layer: int) -> int:
    return math.prod(net.layer_sizes[layer:])


def test_seed_w11_2_has_two_paths_through_y1_and_y2():
    found = weight_paths(_seed_pass(), 2, 1, 1)
    assert found.paths_total == 2 and found.paths_rest == 0.0
    outputs = sorted(path.units[0] for path in found.paths)
    assert outputs == [UnitRef(3, 1), UnitRef(3, 2)]
    for path in found.paths:
        kinds = [f.kind for f in path.factors]
        assert kinds == ["dE/dY", "slope", "weight", "slope", "input"]
        assert path.value == pytest.approx(math.prod(f.value for f in path.factors), abs=0)
        assert path.units[-1] == UnitRef(1, 1)  # x₁, the weight's source
        y = path.units[0].unit
        assert path.edges() == (EdgeRef(3, 1, y), EdgeRef(2, 1, 1))
    assert sum(p.value for p in found.paths) == pytest.approx(found.value, abs=1e-15)
    assert abs(found.paths[0].value) >= abs(found.paths[1].value)


def test_seed_paths_use_the_walkthroughs_symbols():
    path = weight_paths(_seed_pass(), 2, 1, 1).paths[0]
    plain = [f.plain for f in path.factors]
    y = path.units[0].unit
    assert plain == [f"∂E/∂Y{'₁₂'[y - 1]}", f"∂Y{'₁₂'[y - 1]}/∂z{'₁₂'[y - 1]}³",
                     f"w₁{'₁₂'[y - 1]}³", "∂a₁²/∂z₁²", "x₁"]  # fmt: skip


@pytest.mark.parametrize("seed", range(60))
def test_random_networks_paths_sum_to_the_gradient(seed):
    net, inputs, targets, loss, sample, _ = random_case(np.random.default_rng(seed))
    sp = SamplePass(net, inputs[sample], targets[sample], loss)
    coupling = (
        net.layer_sizes[-1] if net.activations[-1] == "softmax" and loss != "cross_entropy" else 1
    )
    grads = net.backward(
        net.forward(inputs[sample : sample + 1]), targets[sample : sample + 1], loss
    )
    for layer in range(2, net.n_layers + 1):
        for j in range(1, net.layer_sizes[layer - 2] + 1):
            for k in range(1, net.layer_sizes[layer - 1] + 1):
                found = weight_paths(sp, layer, j, k, limit=EVERY)
                assert found.paths_total == _widths_above(net, layer) * coupling
                assert len(found.paths) == found.paths_total
                assert len(set(p.units for p in found.paths)) == found.paths_total
                assert found.value == grads.dW[layer - 2][j - 1, k - 1]
                assert abs(sum(p.value for p in found.paths) - found.value) <= 1e-12
    for layer in range(1, net.n_layers):
        for unit in range(1, net.layer_sizes[layer - 1] + 1):
            found = unit_paths(sp, layer, unit, limit=EVERY)
            assert found.paths_total == _widths_above(net, layer) * coupling
            assert abs(sum(p.value for p in found.paths) - found.value) <= 1e-12


@pytest.mark.parametrize("seed", range(40))
def test_the_listed_paths_are_the_largest_and_the_rest_completes_the_sum(seed):
    net, inputs, targets, loss, sample, _ = random_case(np.random.default_rng(100 + seed))
    sp = SamplePass(net, inputs[sample], targets[sample], loss)
    for layer in range(2, net.n_layers + 1):
        every = weight_paths(sp, layer, 1, 1, limit=EVERY)
        top = weight_paths(sp, layer, 1, 1, limit=3)
        expected = sorted((abs(p.value) for p in every.paths), reverse=True)[:3]
        assert [abs(p.value) for p in top.paths] == pytest.approx(expected, rel=1e-12)
        assert top.paths_total == every.paths_total
        assert abs(sum(p.value for p in top.paths) + top.paths_rest - top.value) <= 1e-12
        unlisted = sum(p.value for p in every.paths) - sum(p.value for p in top.paths)
        assert top.paths_rest == pytest.approx(unlisted, abs=1e-12)


def test_a_deep_network_lists_64_of_ten_billion_paths():
    rng = np.random.default_rng(3)
    sizes = [10] * 12
    weights = [rng.normal(0, 0.4, (10, 10)) for _ in sizes[1:]]
    net = Network(sizes, ["tanh"] * 10 + ["sigmoid"], weights)
    found = weight_paths(SamplePass(net, rng.normal(size=10), rng.random(10), "half_sse"), 2, 1, 1)
    assert found.paths_total == 10**10
    assert len(found.paths) == 64
    values = [abs(p.value) for p in found.paths]
    assert values == sorted(values, reverse=True)
    assert abs(sum(p.value for p in found.paths) + found.paths_rest - found.value) <= 1e-12


def test_softmax_paths_show_the_jacobian_terms():
    rng = np.random.default_rng(5)
    net = Network(
        [2, 3, 3], ["tanh", "softmax"], [rng.normal(size=(2, 3)), rng.normal(size=(3, 3))]
    )
    found = weight_paths(SamplePass(net, [0.5, -1.0], [0.2, 0.3, 0.5], "half_sse"), 2, 1, 1, EVERY)
    assert found.paths_total == 9  # 3 outputs entered x 3 z's left
    kinds = {tuple(f.kind for f in p.factors) for p in found.paths}
    assert kinds == {("dE/dY", "jacobian", "weight", "slope", "input")}
    coupled = [p for p in found.paths if len(p.units) == 4]  # Y_n and z_m differ
    assert len(coupled) == 6
    assert abs(sum(p.value for p in found.paths) - found.value) <= 1e-12


def test_selected_refs_and_bad_targets():
    sp = _seed_pass()
    assert paths_for_ref(sp, EdgeRef(3, 2, 1)).paths_total == 1
    assert paths_for_ref(sp, UnitRef(2, 2)).paths_total == 2
    assert paths_for_ref(sp, UnitRef(3, 1)) is None
    with pytest.raises(ValueError, match="layer 4"):
        weight_paths(sp, 4, 1, 1)
    with pytest.raises(ValueError, match="w_3,3"):
        weight_paths(sp, 3, 3, 3)


def test_walkthrough_steps_and_json_carry_their_paths():
    project = load_example()
    data = project.dataset.prepared()
    d = build_derivation(project.network, data.inputs, data.targets, project.loss)
    sp = derivation_pass(d)
    step = d.find("dE/dw", 2, 1, 1)
    assert step_paths(sp, step).value == step.value
    assert step_paths(sp, d.find("dE/dz", 2, 1)) is None
    exported = json.loads(to_json(d))
    with_paths = [s for s in exported["steps"] if "paths" in s]
    assert {s["quantity"] for s in with_paths} == {"dE/dw", "dE/da"}
    assert len(with_paths) == 4 + 2 + 6  # 三's weights, 四's units, 六's weights
    for s in with_paths:
        listed = sum(p["value"] for p in s["paths"])
        assert abs(listed + s["paths_rest"] - s["value"]) <= 1e-12
        assert len(s["paths"]) == s["paths_total"] <= 64
    w11 = next(s for s in with_paths if s["quantity"] == "dE/dw" and s["layer"] == 2
               and s["indices"] == [1, 1])  # fmt: skip
    assert w11["paths_total"] == 2
    assert w11["paths"][0]["units"][0] == {"kind": "unit", "layer": 3, "unit": 2}
    assert [f["kind"] for f in w11["paths"][0]["factors"]][-1] == "input"
    assert "source" not in exported
