"""Edits return new projects, keep everything they do not touch, and never mutate their input."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.model import editing
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.examples import load_example
from bpstudio.model.initialisation import InitScheme
from bpstudio.model.project import to_json


@pytest.fixture
def seed():
    return load_example("seed")


@pytest.fixture
def biased(seed):
    return editing.set_use_bias(seed, True)


def _unchanged(project, snapshot):
    assert to_json(project) == snapshot, "the edit mutated its input"


def test_set_weight_changes_one_weight_only(seed):
    snapshot = to_json(seed)
    edited = editing.set_weight(seed, 3, 1, 2, 7.5)
    _unchanged(seed, snapshot)
    assert edited.network.weight(3)[0, 1] == 7.5
    diff = edited.network.weights[1] != seed.network.weights[1]
    assert diff.sum() == 1
    assert np.array_equal(edited.network.weights[0], seed.network.weights[0])


def test_set_weight_out_of_range_is_refused(seed):
    with pytest.raises(ValueError, match="no unit 4"):
        editing.set_weight(seed, 2, 4, 1, 1.0)


def test_set_bias_needs_biases(seed, biased):
    with pytest.raises(ValueError, match="no biases"):
        editing.set_bias(seed, 2, 1, 1.0)
    assert editing.set_bias(biased, 3, 2, -1.0).network.biases[1][1] == -1.0


@pytest.mark.parametrize("layer", [1, 2, 3])
def test_add_unit_resizes_neighbours_and_keeps_old_weights(seed, layer):
    snapshot = to_json(seed)
    edited = editing.add_unit(seed, layer)
    _unchanged(seed, snapshot)
    sizes = list(seed.network.layer_sizes)
    sizes[layer - 1] += 1
    assert edited.network.layer_sizes == sizes
    for old, new in zip(seed.network.weights, edited.network.weights, strict=True):
        assert np.array_equal(new[: old.shape[0], : old.shape[1]], old)
    assert edited.dataset.n_inputs == sizes[0]
    assert edited.dataset.n_targets == sizes[-1]


def test_add_unit_draws_nonzero_reproducible_weights(seed):
    a = editing.add_unit(seed, 2)
    b = editing.add_unit(seed, 2)
    assert a.network.equals(b.network)
    assert np.all(a.network.weight(2)[:, -1] != 0)
    assert np.all(a.network.weight(3)[-1, :] != 0)


def test_add_input_unit_adds_zero_data_column(seed):
    edited = editing.add_unit(seed, 1)
    assert np.array_equal(edited.dataset.inputs[:, :3], seed.dataset.inputs)
    assert np.all(edited.dataset.inputs[:, 3] == 0)


def test_add_unit_with_biases_adds_zero_bias(biased):
    edited = editing.add_unit(biased, 3)
    assert edited.network.biases[1].shape == (3,)
    assert edited.network.biases[1][-1] == 0


@pytest.mark.parametrize(("layer", "unit"), [(1, 2), (2, 1), (3, 2)])
def test_remove_unit_drops_its_row_and_column(seed, layer, unit):
    snapshot = to_json(seed)
    edited = editing.remove_unit(seed, layer, unit)
    _unchanged(seed, snapshot)
    assert edited.network.layer_sizes[layer - 1] == seed.network.layer_sizes[layer - 1] - 1
    if layer >= 2:
        expected = np.delete(seed.network.weight(layer), unit - 1, axis=1)
        assert np.array_equal(edited.network.weight(layer), expected)
    edited.dataset.check_fits(edited.network.layer_sizes)


def test_remove_last_unit_of_a_layer_is_refused(seed):
    one = editing.remove_unit(seed, 3, 1)
    with pytest.raises(ValueError, match="at least one"):
        editing.remove_unit(one, 3, 1)


def test_unit_removal_reports_data_loss(seed):
    assert editing.unit_removal_loses_data(seed, 1, 1)  # x_1 = 1.0 in the sample
    assert not editing.unit_removal_loses_data(seed, 2, 1)  # hidden units hold no data
    zero_column = seed.copy()
    zero_column.dataset = Dataset([[1.0, 0.0, 0.2]], [[0.9, 0.1]])
    assert not editing.unit_removal_loses_data(zero_column, 1, 2)


def test_insert_layer_splits_the_matrix(seed):
    edited = editing.insert_layer(seed, 3, 4, "tanh")
    assert edited.network.layer_sizes == [3, 2, 4, 2]
    assert edited.network.activations == ["sigmoid", "tanh", "sigmoid"]
    assert np.array_equal(edited.network.weights[0], seed.network.weights[0])
    assert edited.network.weights[1].shape == (2, 4)
    assert edited.network.weights[2].shape == (4, 2)


def test_insert_layer_with_biases(biased):
    edited = editing.insert_layer(biased, 2, 5, "relu")
    assert [b.shape for b in edited.network.biases] == [(5,), (2,), (2,)]


@pytest.mark.parametrize("position", [1, 4])
def test_insert_layer_outside_hidden_range_is_refused(seed, position):
    with pytest.raises(ValueError, match=r"2 \.\. 3"):
        editing.insert_layer(seed, position, 2, "sigmoid")


def test_insert_softmax_hidden_layer_is_refused(seed):
    with pytest.raises(ValueError, match="softmax"):
        editing.insert_layer(seed, 2, 2, "softmax")


def test_remove_layer_joins_neighbours(seed):
    edited = editing.remove_layer(seed, 2)
    assert edited.network.layer_sizes == [3, 2]
    assert edited.network.weights[0].shape == (3, 2)
    assert edited.network.activations == ["sigmoid"]


@pytest.mark.parametrize("layer", [1, 3])
def test_remove_input_or_output_layer_is_refused(seed, layer):
    with pytest.raises(ValueError, match="only hidden layers"):
        editing.remove_layer(seed, layer)


def test_set_activation(seed):
    edited = editing.set_activation(seed, 2, "relu")
    assert edited.network.activations == ["relu", "sigmoid"]
    assert seed.network.activations == ["sigmoid", "sigmoid"]
    with pytest.raises(ValueError, match="softmax"):
        editing.set_activation(seed, 2, "softmax")


def test_activation_incompatible_with_loss_is_refused(seed):
    ce = editing.set_loss(seed, "cross_entropy")
    with pytest.raises(ValueError, match="cross_entropy"):
        editing.set_activation(ce, 3, "relu")


def test_biases_on_and_off(seed):
    on = editing.set_use_bias(seed, True)
    assert [b.tolist() for b in on.network.biases] == [[0, 0], [0, 0]]
    off = editing.set_use_bias(on, False)
    assert off.network.biases is None
    assert off.network.equals(seed.network)


def test_set_loss(seed):
    assert editing.set_loss(seed, "mse").loss == "mse"
    assert seed.loss == "half_sse"
    with pytest.raises(ValueError, match="unknown loss"):
        editing.set_loss(seed, "nope")


def test_reinitialise_is_reproducible_and_remembered(seed):
    scheme = InitScheme("uniform", seed=7, scale=0.3)
    a = editing.reinitialise(seed, scheme)
    b = editing.reinitialise(seed, scheme)
    assert a.network.equals(b.network)
    assert not a.network.equals(seed.network)
    assert a.initialisation == scheme
    assert all(np.all(np.abs(w) <= 0.3) for w in a.network.weights)


def test_replace_network_needs_same_shape(seed):
    bigger = editing.add_unit(seed, 2).network
    with pytest.raises(ValueError, match="layers"):
        editing.replace_network(seed, bigger)
