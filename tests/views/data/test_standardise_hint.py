"""'Standardise inputs' is suggested when an input column's spread exceeds 10 times another's."""

from __future__ import annotations

import numpy as np

from bpstudio.model.data.dataset import Dataset
from bpstudio.model.data.scaling import spread_ratio, standardising_helps
from tests.views.window_support import close_inside_the_test, shown_window


def data(spread_of_second: float) -> Dataset:
    base = np.array([-1.0, 1.0, -1.0, 1.0])
    inputs = np.column_stack([base, spread_of_second * base[::-1]])
    return Dataset(inputs, np.array([[0.0], [1.0], [1.0], [0.0]]))


def test_more_than_tenfold_is_the_threshold():
    assert spread_ratio(data(10).inputs) == 10.0
    assert not standardising_helps(data(10))
    assert standardising_helps(data(10.5)) and standardising_helps(data(1 / 20))
    assert not standardising_helps(data(50).with_settings(standardise=True))


def test_a_constant_column_does_not_count():
    dataset = data(1)
    dataset.inputs[:, 1] = 7.0
    assert spread_ratio(dataset.inputs) == 1.0


def test_the_window_suggests_it_and_the_link_standardises_undoably(qtbot, monkeypatch):
    window = shown_window(qtbot, monkeypatch)
    document = window.document
    document.new_from_example("xor")
    hints = [window.data.data_panel.standardise_hint, window.data.boundary.standardise_hint]
    assert not any(h.isVisibleTo(h.parentWidget()) for h in hints)
    document.replace_dataset(data(100))
    for hint in hints:
        assert hint.isVisibleTo(hint.parentWidget()) and "100-fold" in hint.text()
    hints[0].linkActivated.emit("standardise")
    assert document.project.dataset.standardise
    assert not any(h.isVisibleTo(h.parentWidget()) for h in hints)
    document.undo_stack.undo()
    assert not document.project.dataset.standardise and hints[0].isVisibleTo(window.data.data_panel)
    close_inside_the_test(window)
