"""Random networks: every value equals the engine's, and every substituted formula computes it."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.model import Dataset, Trainer, TrainingConfig
from bpstudio.model.derivation import build_derivation
from tests.model.derivation.derivation_helpers import evaluate, numeric_parts, random_case

N_CASES = 120


def _cases():
    rng = np.random.default_rng(20240611)
    return [random_case(rng) for _ in range(N_CASES)]


CASES = _cases()


def engine_value(step, net, trace, grads, targets, row, loss):
    """What the engine says the step's quantity is (indices as the seed numbers them)."""
    q, layer, idx = step.quantity, step.layer, step.indices
    if q == "z":
        return trace.z_(layer, *idx, row)
    if q in ("a", "Y"):
        return trace.a_(layer, *idx, row)
    if q == "E":
        return net.per_sample_loss(trace, targets, loss)[row]
    if q in ("dE/dY", "dE/da"):
        return grads.dE_da_(layer, *idx, row)
    if q == "dE/dz":
        return grads.dE_dz_(layer, *idx, row)
    if q == "dE/dw":
        return grads.dE_dw_(layer, *idx, row)
    if q == "dE/db":
        return grads.dE_db_(layer, *idx, row)
    if q == "dE/dw_batch":
        return grads.dE_dw_(layer, *idx)
    if q == "dE/db_batch":
        return grads.dE_db_(layer, *idx)
    return None  # the update and the new loss are checked against the trainer below


@pytest.mark.parametrize("case", range(N_CASES))
def test_values_match_the_engine_and_formulas_compute_them(case):
    net, inputs, targets, loss, sample, batch = CASES[case]
    d = build_derivation(net, inputs, targets, loss, sample, 0.3, batch, digits=17)
    trace = net.forward(inputs[list(batch)])
    grads = net.backward(trace, targets[list(batch)], loss)
    row = batch.index(sample)
    checked = 0
    for step in d.steps:
        expected = engine_value(step, net, trace, grads, targets[list(batch)], row, loss)
        if expected is not None:
            assert step.value == pytest.approx(float(expected), rel=1e-12, abs=1e-12), step
            checked += 1
        for part in numeric_parts(step.substituted):
            got = evaluate(part)
            assert got == pytest.approx(step.value, rel=1e-9, abs=1e-9), (part, step)
    n_params = net.n_parameters()
    assert checked >= n_params


@pytest.mark.parametrize("case", range(0, N_CASES, 4))
def test_update_is_one_trainer_step_on_the_batch(case):
    net, inputs, targets, loss, sample, batch = CASES[case]
    d = build_derivation(net, inputs, targets, loss, sample, 0.3, batch)
    trained = net.copy()
    data = Dataset(inputs[list(batch)], targets[list(batch)])
    Trainer(trained, data, loss, TrainingConfig(learning_rate=0.3, batch_size=len(batch))).step()
    for step in d.steps_in_phase("update"):
        if step.quantity == "w_new":
            j, k = step.indices
            assert step.value == pytest.approx(
                trained.weights[step.layer - 2][j - 1, k - 1], abs=1e-12
            )
        elif step.quantity == "b_new":
            (k,) = step.indices
            assert step.value == pytest.approx(trained.biases[step.layer - 2][k - 1], abs=1e-12)
    new_loss = trained.loss(inputs[sample : sample + 1], targets[sample : sample + 1], loss)
    assert d.steps[-1].quantity == "E_new"
    assert d.steps[-1].value == pytest.approx(new_loss, rel=1e-12, abs=1e-12)


def test_every_step_has_its_fields_and_sections_partition_the_steps():
    for net, inputs, targets, loss, sample, batch in CASES[:30]:
        d = build_derivation(net, inputs, targets, loss, sample, 0.3, batch, lang="zh")
        covered = [i for section in d.sections for i in section.step_range]
        assert covered == list(range(len(d.steps)))
        assert [i for p in d.phases for i in p.step_range] == covered
        assert len({s.id for s in d.sections}) == len(d.sections)
        for i, step in enumerate(d.steps):
            assert step.index == i
            assert step.touches and step.symbolic and step.substituted and step.explanation
        assert (len(batch) > 1) == any(s.id == "batch" for s in d.sections)


def test_rounding_follows_digits():
    net, inputs, targets, loss, sample, batch = CASES[0]
    d3 = build_derivation(net, inputs, targets, loss, sample, 0.3, batch, digits=3)
    d8 = build_derivation(net, inputs, targets, loss, sample, 0.3, batch, digits=8)
    for s3, s8 in zip(d3.steps, d8.steps, strict=True):
        assert s3.value == s8.value and s3.symbolic == s8.symbolic
        for part in numeric_parts(s3.substituted):
            assert evaluate(part) == pytest.approx(s3.value, rel=0.05, abs=0.05)
