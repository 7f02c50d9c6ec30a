"""The decision boundary is recomputed only while the student can see it: a map on a dock tab
behind another is redrawn once its tab is shown, not at every change before."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel, QTabWidget

from bpstudio.controller.document import Document
from bpstudio.views.data.decision_boundary import DecisionBoundaryWidget


@pytest.fixture
def tabs(qtbot):
    """The map on the second tab of a shown window (as the docks tabify it), the first shown."""
    document = Document()
    document.new_from_example("xor")
    widget = QTabWidget()
    qtbot.addWidget(widget)
    widget.addTab(QLabel("walkthrough"), "Walkthrough")
    boundary = DecisionBoundaryWidget(document)
    widget.addTab(boundary, "Decision boundary")
    widget.resize(500, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return document, widget, boundary


def edit(document: Document) -> None:
    document.set_weight(2, 1, 1, document.project.network.weight(2)[0, 0] + 3.0)


def test_changes_behind_another_tab_wait_until_it_is_shown(qtbot, tabs):
    document, widget, boundary = tabs
    before, image = boundary.redraw_count, boundary.image.image.copy()
    edit(document)
    assert boundary._redraw_soon.pending  # a redraw is due ...
    qtbot.waitUntil(lambda: not boundary._redraw_soon.pending)
    assert boundary.redraw_count == before  # ... and was put off: nobody sees the map
    widget.setCurrentIndex(1)
    qtbot.waitUntil(lambda: boundary.redraw_count == before + 1)
    assert not np.array_equal(boundary.image.image, image)  # it shows the edited network


def test_a_shown_map_follows_changes(qtbot, tabs):
    document, widget, boundary = tabs
    widget.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not boundary._redraw_soon.pending)
    before = boundary.redraw_count
    edit(document)
    qtbot.waitUntil(lambda: boundary.redraw_count == before + 1)


def test_a_shown_tab_without_changes_is_not_recomputed(qtbot, tabs):
    _document, widget, boundary = tabs
    before = boundary.redraw_count
    widget.setCurrentIndex(1)
    widget.setCurrentIndex(0)
    widget.setCurrentIndex(1)
    assert not boundary._redraw_soon.pending and boundary.redraw_count == before
