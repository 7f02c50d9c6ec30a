"""Train/test split, standardisation and evaluation of the dataset."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.model.data.dataset import Dataset
from bpstudio.model.data.registry import generate
from bpstudio.model.evaluation import accuracy, evaluate, is_classification
from bpstudio.model.examples import load_example
from bpstudio.model.project import dumps, loads


@given(st.integers(1, 300), st.floats(0.0, 0.9), st.integers(0, 2**31))
def test_split_is_disjoint_complete_and_of_the_asked_size(n, fraction, seed):
    data = Dataset(np.zeros((n, 1)), np.zeros((n, 1)), test_fraction=fraction, split_seed=seed)
    train, test = data.train_indices(), data.test_indices()
    assert not set(train) & set(test)
    assert sorted([*train, *test]) == list(range(n))
    assert len(train) >= 1
    if n >= 2 and fraction > 0:
        assert len(test) == min(max(round(n * fraction), 1), n - 1)


def test_split_is_reproducible_from_its_seed():
    a = generate("circle", 100).with_settings(test_fraction=0.3, split_seed=5)
    b = generate("circle", 100).with_settings(test_fraction=0.3, split_seed=5)
    c = generate("circle", 100).with_settings(test_fraction=0.3, split_seed=6)
    assert np.array_equal(a.test_indices(), b.test_indices())
    assert not np.array_equal(a.test_indices(), c.test_indices())


def test_training_and_test_sets_are_the_prepared_rows():
    data = generate("gaussians", 50, seed=1).with_settings(
        test_fraction=0.2, split_seed=1, standardise=True
    )
    train = data.training_set()
    assert train.n_samples == 40 and data.test_set().n_samples == 10
    np.testing.assert_allclose(train.inputs.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(train.inputs.std(axis=0), 1)
    scaling = data.scaling()
    np.testing.assert_allclose(scaling.undo(data.prepared().inputs), data.inputs)


def test_a_constant_column_is_only_shifted():
    data = Dataset([[1.0, 2.0], [1.0, 4.0]], [[0.0], [1.0]], standardise=True)
    assert data.prepared().inputs[:, 0].tolist() == [0.0, 0.0]


def test_split_and_standardisation_are_saved_and_old_files_load():
    project = load_example("xor")
    assert "split" not in dumps(project) and "standardisation" not in dumps(project)
    project.dataset = project.dataset.with_settings(
        test_fraction=0.25, split_seed=9, standardise=True
    )
    text = dumps(project)
    assert '"test_fraction": 0.25' in text and '"mean": [' in text and '"std": [' in text
    back = loads(text)
    assert back.dataset.equals(project.dataset) and back.equals(project)


def test_bad_split_in_a_file_names_the_field():
    import pytest

    from bpstudio.model.validation import ProjectFileError

    text = dumps(load_example("xor")).replace(
        '"targets"', '"split": {"test_fraction": 2, "seed": 0},\n  "targets"'
    )
    with pytest.raises(ProjectFileError, match=r"dataset\.split\.test_fraction"):
        loads(text)


def test_classification_and_accuracy():
    assert is_classification(np.array([[0.0], [1.0]]))
    assert is_classification(np.eye(3))
    assert not is_classification(np.array([[0.2], [1.0]]))
    assert not is_classification(np.array([[1.0, 1.0], [0.0, 1.0]]))
    assert accuracy(np.array([[0.7], [0.2], [0.5]]), np.array([[1.0], [1.0], [1.0]])) == 2 / 3
    assert accuracy(np.array([[0.1, 0.8, 0.1], [0.9, 0.0, 0.1]]), np.eye(3)[[1, 2]]) == 0.5


def test_evaluation_of_a_regression_has_no_accuracy():
    project = load_example("sine")
    result = evaluate(project.network, project.dataset, project.loss)
    assert not result.is_classification and np.isnan(result.test_loss)
