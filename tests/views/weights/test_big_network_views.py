"""Views of a network too big to show element by element choose a summary, and say so."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel

from bpstudio.model.network_size import matrix_summary, weight_count
from bpstudio.views.weights.weight_tables import WeightTablesPanel
from tests.views.diagram_support import document_with_sizes


def test_weight_count_counts_weights_and_biases():
    assert weight_count([3, 2, 2]) == 10
    assert weight_count([2, 1400, 1400, 1], use_bias=True) == 1_967_001
    assert weight_count([1, 10**7, 1]) == 2 * 10**7


def test_a_matrix_too_big_to_list_is_summarised_and_the_others_stay_tables(qtbot):
    document = document_with_sizes([2, 1400, 1400, 1], use_bias=True)
    panel = WeightTablesPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    assert [t.objectName() for t in panel.tables] == ["weightTable2", "weightTable4"]
    summary = panel.findChild(QLabel, "weightSummary3")
    assert summary is not None and "1,960,000" in summary.text()
    low, high, _mean, _rms = matrix_summary(document.project.network.weights[1])
    assert f"{low:.4g}" in summary.text() and f"{high:.4g}" in summary.text()
    document.set_weight(3, 1, 1, 99.0)  # an edit shows in the summary
    assert "largest 99," in summary.text()


def test_matrix_summary_numbers():
    assert matrix_summary(np.array([[3.0, -4.0]])) == (-4.0, 3.0, -0.5, np.sqrt(12.5))
