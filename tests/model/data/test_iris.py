"""The Iris CSV shipped in resources: the classic statistics, and its provenance note."""

import numpy as np

from bpstudio.model.data.csv_io import import_csv
from bpstudio.model.data.registry import IRIS_CSV, generate


def test_iris_class_counts_and_column_means():
    imported = import_csv(IRIS_CSV)
    data = imported.dataset
    assert data.n_samples == 150
    assert imported.input_names == ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    assert imported.target_names == ["setosa", "versicolor", "virginica"]
    assert data.targets.sum(axis=0).tolist() == [50, 50, 50]
    assert np.round(data.inputs.mean(axis=0), 3).tolist() == [5.843, 3.057, 3.758, 1.199]
    assert np.round(data.inputs.std(axis=0, ddof=1), 4).tolist() == [0.8281, 0.4359, 1.7653, 0.7622]


def test_iris_per_class_means():
    data = generate("iris")
    for k, means in enumerate(
        ([5.006, 3.428, 1.462, 0.246], [5.936, 2.770, 4.260, 1.326], [6.588, 2.974, 5.552, 2.026])
    ):
        rows = data.inputs[data.targets[:, k] == 1]
        assert np.round(rows.mean(axis=0), 3).tolist() == means


def test_provenance_and_licence_are_next_to_the_file():
    readme = (IRIS_CSV.parent / "README.md").read_text(encoding="utf-8")
    assert "Fisher" in readme and "1936" in readme and "CC BY 4.0" in readme and "UCI" in readme
