"""Saturated sigmoid/tanh units and dead ReLUs, against hand-built cases."""

from __future__ import annotations

import numpy as np

from bpstudio.model import Network
from bpstudio.model.refs import UnitRef
from bpstudio.model.unit_health import layers_parting, unit_health


def _net(hidden: str, w1, out="sigmoid", b1=None) -> Network:
    w1 = np.asarray(w1, dtype=float)
    biases = None if b1 is None else [np.asarray(b1, float), np.zeros(1)]
    return Network([w1.shape[0], w1.shape[1], 1], [hidden, out], [w1, np.ones((w1.shape[1], 1))],
                   biases)  # fmt: skip


def test_a_sigmoid_far_out_on_its_tail_is_saturated_on_the_sample():
    # z = 10: slope = σ(10)(1 - σ(10)) ≈ 4.5e-5, far below 5 % of 0.25; z = 0.5: not saturated
    net = _net("sigmoid", [[10.0, 0.5]])
    health = unit_health(net, [[1.0]], sample_inputs=[1.0])
    assert health.saturated == {UnitRef(2, 1)}
    assert health.detail[UnitRef(2, 1)] < 0.05
    assert health.badge(UnitRef(2, 2)) is None
    assert not health.on_training_set


def test_the_threshold_is_five_percent_of_the_largest_slope():
    # tanh slope 1 - tanh(z)^2 is 0.05 at z = atanh(sqrt(0.95)) ≈ 2.178
    edge = float(np.arctanh(np.sqrt(0.95)))
    net = _net("tanh", [[edge + 0.01, edge - 0.01]], out="linear")
    health = unit_health(net, [[1.0]], sample_inputs=[1.0])
    assert health.saturated == {UnitRef(2, 1)}


def test_while_training_saturation_needs_ninety_percent_of_the_samples():
    net = _net("tanh", [[5.0]], out="linear")
    # |x| >= 1: z = ±5 saturates; x = 0 does not.  9 of 10 saturated: badge; 8 of 10: none
    nine = np.array([[1.0]] * 9 + [[0.0]])
    eight = np.array([[1.0]] * 8 + [[0.0]] * 2)
    assert unit_health(net, nine).saturated == {UnitRef(2, 1)}
    assert unit_health(net, nine).detail[UnitRef(2, 1)] == 0.9
    assert unit_health(net, eight).saturated == frozenset()
    assert unit_health(net, nine).on_training_set


def test_a_relu_negative_on_every_training_sample_is_dead():
    net = _net("relu", [[-1.0, 1.0]], b1=[-0.5, 0.0])
    inputs = np.array([[0.0], [1.0], [2.0]])
    health = unit_health(net, inputs, sample_inputs=[1.0])
    assert health.dead == {UnitRef(2, 1)}
    assert health.badge(UnitRef(2, 1)) == "dead"
    assert health.badge(UnitRef(2, 2)) is None  # alive: positive on x = 1, 2
    # one sample on which it fires keeps it alive
    assert unit_health(net, np.vstack([inputs, [[-3.0]]])).dead == frozenset()


def test_leaky_relu_and_linear_units_never_get_a_badge():
    for name in ("leaky_relu", "linear"):
        net = _net(name, [[-100.0]])
        health = unit_health(net, [[1.0], [2.0]])
        assert health.badge(UnitRef(2, 1)) is None


def test_layers_part_where_the_ratio_first_exceeds_one_hundred():
    rows = np.array([[1.0, 0.5], [1.0, 0.02], [1.0, 0.009], [1.0, 0.001]])
    assert layers_parting(rows) == 2
    assert layers_parting(rows[:2]) is None
    assert layers_parting(np.ones((5, 1))) is None  # one layer: nothing to part
