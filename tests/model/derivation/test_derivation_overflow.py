"""A step whose numbers leave float's range is derived with ∞, never a crash (found by the
fuzz test: a weight of 1e308 made the shown sums raise in math.fsum)."""

import math

import pytest

from bpstudio.model.derivation import derive_project
from bpstudio.model.derivation.expr import Joined, Q
from bpstudio.model.examples import load_example


@pytest.mark.parametrize("mode", [{"sample": 0}, {"row": 0}])
@pytest.mark.parametrize("batch", [1, 7])
@pytest.mark.parametrize("big", [1e308, -1e308])
def test_a_weight_near_floats_limit_derives_with_infinity(big, batch, mode):
    """The fuzz test's case: sample mode on a batch of 7 overflowed in a product of NumPy
    scalars (a warning, an error under the tests' -W error) before the shown sums raised."""
    project = load_example("sine")
    project.training = project.training.with_changes(batch_size=batch, shuffle=True, seed=1)
    project.network.weights[1][2, 0] = big
    derivation = derive_project(project, **mode)
    values = [step.value for step in derivation.steps if step.value is not None]
    assert any(math.isinf(v) or math.isnan(v) for v in values)


def test_a_shown_sum_past_floats_range_is_infinite_or_nan():
    assert Joined("+", (Q("a", 1e308), Q("b", 1e308))).shown_value(4) == math.inf
    assert math.isnan(Joined("+", (Q("a", math.inf), Q("b", -math.inf))).shown_value(4))
