"""Networks unlike the seed: no hidden layer, deeper ones, biases, batches, other losses."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from bpstudio.model import Network
from bpstudio.model.derivation import batch_of, build_derivation, derive_project
from bpstudio.model.examples import load_example
from bpstudio.model.refs import BiasRef


def net(sizes, acts, bias=False, seed=0):
    rng = np.random.default_rng(seed)
    weights = [rng.normal(0, 1, (a, b)) for a, b in itertools.pairwise(sizes)]
    biases = [rng.normal(0, 1, n) for n in sizes[1:]] if bias else None
    return Network(sizes, acts, weights, biases)


def ids(d):
    return [s.id for s in d.sections]


def test_a_network_without_hidden_layer_has_no_steps_four_to_six():
    d = build_derivation(net([2, 1], ["sigmoid"]), [[1.0, 2.0]], [[0.5]], "half_sse")
    assert ids(d) == [
        "forward.1", "forward.output", "backward.1", "backward.2", "backward.3", "update.7",
    ]  # fmt: skip
    assert d.sections[0].title == "(1) Input layer → Output layer"


def test_deeper_networks_repeat_four_to_six_per_layer():
    d = build_derivation(net([2, 3, 2, 1], ["tanh", "relu", "linear"]), [[1, 2]], [[0]], "mse")
    assert ids(d)[7:] == [
        "backward.4", "backward.5", "backward.6",
        "backward.4.layer2", "backward.5.layer2", "backward.6.layer2", "update.7",
    ]  # fmt: skip
    assert d.section("backward.6.layer2").title.startswith("6. ")
    assert "1 - (a_1^3)^2" not in d.find("dE/dz", 3, 1).symbolic  # layer 3 is ReLU
    assert r"\begin{cases}1, & z_1^3 > 0" in d.find("dE/dz", 3, 1).symbolic
    assert r"(1 - (a_1^2)^2)" in d.find("dE/dz", 2, 1).symbolic  # layer 2 is tanh


def test_biases_add_a_term_and_a_gradient():
    d = build_derivation(net([2, 2], ["sigmoid"], bias=True), [[1, 2]], [[0, 1]], "half_sse")
    assert d.find("z", 2, 1).symbolic.endswith("+ b_1^2")
    db = d.find("dE/db", 2, 1)
    assert db.value == d.find("dE/dz", 2, 1).value
    assert BiasRef(2, 1) in db.touches
    assert any(s.quantity == "b_new" for s in d.steps)


def test_cross_entropy_merges_steps_one_and_two():
    for act in ("softmax", "sigmoid"):
        d = build_derivation(net([2, 3], [act]), [[1, 2]], [[0.2, 0.3, 0.5]], "cross_entropy")
        assert "backward.1" not in ids(d)
        step = d.find("dE/dz", 2, 1)
        assert step.symbolic.endswith(r"= Y_1 - \hat{Y}_1")
        assert d.section("backward.2").title.startswith("1-2. ")


def test_softmax_with_squared_error_sums_over_the_jacobian():
    d = build_derivation(net([2, 2], ["softmax"]), [[1, 2]], [[0, 1]], "half_sse")
    symbolic = d.find("dE/dz", 2, 1).symbolic
    assert r"(Y_2 - \hat{Y}_2) \cdot ({-a_2^2 \cdot a_1^2})" in symbolic


def test_batch_of_follows_the_trainer_rule():
    assert batch_of(0, 5, 2) == (0, 1)
    assert batch_of(3, 5, 2) == (2, 3)
    assert batch_of(4, 5, 2) == (4,)
    assert batch_of(2, 3, 10) == (0, 1, 2)


def test_a_batch_closes_with_the_mean_naming_its_samples():
    project = load_example("xor")
    project.training = project.training.with_changes(batch_size=2)
    d = derive_project(project, 1)
    assert d.batch == (0, 1)
    batch = d.steps_in_section("batch")
    assert "1, 2" in d.section("batch").title
    first = batch[0]
    assert first.quantity == "dE/dw_batch"
    assert r"\frac{1}{2} \left[\frac{\partial E^{(1)}}" in first.symbolic
    assert "(the batch mean)" in d.steps_in_section("update.7")[0].explanation
    assert ids(d).index("batch") == ids(d).index("update.7") - 1


def test_bad_arguments_are_refused():
    project = load_example("seed")
    with pytest.raises(ValueError, match="sample 2 does not exist"):
        derive_project(project, 1)
    with pytest.raises(ValueError, match="language"):
        derive_project(project, 0, lang="fr")


def test_numbers_are_rounded_and_safe_to_multiply():
    from bpstudio.model.derivation import atom_number, plain_number

    assert plain_number(0.26000000001, 4) == "0.26"
    assert plain_number(-0.036421, 4) == "{-0.03642}"
    assert atom_number(-0.036421, 4) == "({-0.03642})"
    assert atom_number(1.234e-7, 3) == r"(1.23 \times 10^{-7})"
    assert plain_number(-0.0, 4) == "0"
