"""Every built-in data set: documented shape, reproducible from its seed, noise and count."""

import numpy as np
import pytest

from bpstudio.model.data.registry import (
    BUILTIN_NAMES,
    BUILTIN_SETS,
    generate,
    get_builtin,
    layer_sizes_for,
)

EXPECTED_SHAPES = {
    "seed": (3, 2),
    "and": (2, 1),
    "or": (2, 1),
    "xor": (2, 1),
    "circle": (2, 1),
    "xor_quadrants": (2, 1),
    "gaussians": (2, 1),
    "spirals": (2, 1),
    "sine": (1, 1),
    "plane": (2, 1),
    "iris": (4, 3),
}


def test_the_registry_lists_exactly_the_documented_sets():
    assert set(BUILTIN_NAMES) == set(EXPECTED_SHAPES)
    for spec in BUILTIN_SETS.values():
        assert spec.title and spec.description


@pytest.mark.parametrize("name", BUILTIN_NAMES)
def test_shape_matches_the_registry(name):
    data = generate(name, seed=3)
    assert (data.n_inputs, data.n_targets) == EXPECTED_SHAPES[name] == get_builtin(name).shape
    assert data.n_samples == get_builtin(name).default_count
    assert np.isfinite(data.inputs).all() and np.isfinite(data.targets).all()
    assert layer_sizes_for(data, [5]) == [EXPECTED_SHAPES[name][0], 5, EXPECTED_SHAPES[name][1]]


@pytest.mark.parametrize("name", BUILTIN_NAMES)
def test_the_same_seed_gives_the_same_numbers(name):
    a = generate(name, count=40, noise=0.1, seed=7)
    b = generate(name, count=40, noise=0.1, seed=7)
    assert a.equals(b)
    c = generate(name, count=40, noise=0.1, seed=8)
    assert not np.array_equal(a.inputs, c.inputs) or not np.array_equal(a.targets, c.targets)


@pytest.mark.parametrize("name", [n for n in BUILTIN_NAMES if not BUILTIN_SETS[n].fixed_count])
def test_count_is_the_number_of_samples(name):
    assert generate(name, count=13, seed=0).n_samples == 13


def test_gates_without_noise_are_their_truth_tables():
    xor = generate("xor", count=4, noise=0.0)
    assert xor.inputs.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert xor.targets.ravel().tolist() == [0, 1, 1, 0]
    assert generate("and").targets.ravel().tolist() == [0, 0, 0, 1]
    assert generate("or").targets.ravel().tolist() == [0, 1, 1, 1]


def test_the_seed_sample_is_the_seed_documents():
    data = generate("seed")
    assert data.inputs.tolist() == [[1.0, 0.5, 0.2]] and data.targets.tolist() == [[0.9, 0.1]]


def test_two_class_sets_are_balanced_zero_one_labels():
    for name in ("circle", "xor_quadrants", "gaussians", "spirals"):
        labels = generate(name, count=100, seed=1).targets.ravel()
        assert set(labels) == {0.0, 1.0} and labels.sum() == 50


def test_circle_classes_are_inside_and_outside_without_noise():
    data = generate("circle", count=200, noise=0.0, seed=2)
    radius = np.hypot(*data.inputs.T)
    inside = data.targets.ravel() == 1
    assert radius[inside].max() <= 0.5 and radius[~inside].min() >= 0.7


def test_noise_moves_points_and_zero_noise_is_clean():
    clean = generate("plane", count=50, noise=0.0, seed=4)
    y = 0.5 * clean.inputs[:, 0] - 0.3 * clean.inputs[:, 1] + 0.2
    assert np.allclose(clean.targets.ravel(), y)
    noisy = generate("plane", count=50, noise=0.3, seed=4)
    assert not np.allclose(noisy.targets.ravel(), y)


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="no built-in"):
        generate("moons")
    with pytest.raises(ValueError, match="at least one"):
        generate("circle", count=0)
    with pytest.raises(ValueError, match="noise"):
        generate("circle", noise=-1)
