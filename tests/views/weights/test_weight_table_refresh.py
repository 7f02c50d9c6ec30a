"""The weight tables while training runs: the numbers follow the live weights at once, but the
table repaints at most every LIVE_REFRESH_MS (a snapshot arrives up to 30 times a second); an
edit still repaints at once."""

from __future__ import annotations

import pytest

from bpstudio.controller.document import Document
from bpstudio.model.examples import load_example
from bpstudio.views.weights import weight_table_model
from bpstudio.views.weights.weight_table_model import TableMode, WeightTableModel


@pytest.fixture
def doc(qapp):
    return Document(load_example("seed"))


def trained(doc: Document, shift: float):
    network = doc.project.network.copy()
    network.weights = [w + shift for w in network.weights]
    return network


def test_live_weights_repaint_once_per_interval_and_read_fresh(doc, qtbot):
    model = WeightTableModel(doc, 2)
    repaints = []
    model.dataChanged.connect(lambda *args: repaints.append(args))
    for shift in (0.1, 0.2, 0.3):
        doc.set_live_network(trained(doc, shift))
        assert model.value_at(0, 0) == pytest.approx(doc.project.network.weight(2)[0, 0] + shift)
    assert repaints == []  # not yet: one repaint for the three
    qtbot.waitUntil(lambda: len(repaints) == 1, timeout=5 * weight_table_model.LIVE_REFRESH_MS)
    assert not model._live_soon.pending


def test_an_edit_repaints_at_once(doc, qtbot):
    model = WeightTableModel(doc, 2)
    doc.set_live_network(trained(doc, 0.1))
    with qtbot.waitSignal(model.dataChanged, timeout=0):  # emitted inside set_weight
        doc.set_weight(2, 1, 1, 5.0)
    assert not model._live_soon.pending  # the edit's repaint covered the pending one


@pytest.mark.parametrize("mode", list(TableMode))
def test_each_mode_reads_the_documents_numbers_after_each_change(doc, mode):
    model = WeightTableModel(doc, 3)
    model.set_mode(mode)
    doc.set_weight(3, 1, 1, 0.75)
    expected = {
        TableMode.WEIGHTS: 0.75,
        TableMode.GRADIENTS: doc.gradients().dE_dw_(3, 1, 1),
        TableMode.UPDATES: 0.75 - load_example("seed").network.weight(3)[0, 0],
    }[mode]
    assert model.value_at(0, 0) == pytest.approx(expected)
    doc.undo_stack.undo()
    if mode is TableMode.WEIGHTS:
        assert model.value_at(0, 0) == load_example("seed").network.weight(3)[0, 0]
