"""A unit whose value training does not move (an input's) is copied from a pixmap Qt keeps,
without calling its paint; it paints again, and shows the new value, once its value changes."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from bpstudio.controller.document import Document
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.refs import UnitRef
from bpstudio.views.diagram import unit_item
from tests.views.diagram_support import count_paints, document_with_sizes, shifted, shown_view


def steady_document() -> Document:
    """A 4-6-3 network whose first input, 3 in every sample, is the largest value shown: the
    units' colour scale stays put while training moves the other values (sigmoids, < 1)."""
    project = document_with_sizes([4, 6, 3]).project
    inputs = project.dataset.inputs.copy()
    inputs[:, 0] = 3.0
    project.dataset = Dataset(inputs, project.dataset.targets)
    return Document(project)


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : 4 * image.width()].astype(int)  # a copy: the image's memory goes with it


def snapshots(document, count: int, start: float = 0.1) -> None:
    """``count`` training snapshots that move every weight (and so every non-input value)."""
    for step in range(count):
        document.set_live_network(shifted(document, start + 0.1 * step))


def test_steady_units_are_not_painted_again(qtbot, monkeypatch):
    paints = count_paints(monkeypatch, unit_item.UnitItem, lambda unit: unit.ref)
    document = steady_document()
    view = shown_view(qtbot, document)
    units = view.diagram_scene.items_.units
    inputs = {ref for ref, unit in units.items() if unit.role == "input"}
    others = set(units) - inputs
    view.grab()
    snapshots(document, unit_item.STEADY_REFRESHES + 1)
    view.grab()  # the steady inputs go into their pixmaps
    paints.clear()
    snapshots(document, 1, start=1.0)
    view.grab()
    assert set(paints) == others  # the moved values are painted, the inputs copied
    paints.clear()
    shown = {ref: units[ref].value_text for ref in inputs}
    document.set_sample_index(1)  # another sample: new values (but the first input's)
    moved = {ref for ref in inputs if units[ref].value_text != shown[ref]}
    assert len(moved) == len(inputs) - 1
    view.grab()
    assert moved <= set(paints)


def test_a_cached_unit_looks_as_when_it_is_painted(qtbot):
    document = steady_document()
    view = shown_view(qtbot, document)
    units = view.diagram_scene.items_.units.values()
    snapshots(document, unit_item.STEADY_REFRESHES + 1)
    cached = [unit for unit in units if unit.cacheMode() != unit_item._NO_CACHE]
    assert {unit.role for unit in cached} == {"input"}
    from_pixmaps = pixels(view.grab().toImage())
    for unit in cached:
        unit.setCacheMode(unit_item._NO_CACHE)
    painted = pixels(view.grab().toImage())
    difference = np.abs(from_pixmaps - painted)
    assert difference.mean() < 0.05  # at most a rounding step on an antialiased edge
    assert difference.max() < 16


def test_a_cached_unit_shows_its_new_value(qtbot):
    document = steady_document()
    view = shown_view(qtbot, document)
    unit = view.diagram_scene.items_.units[UnitRef(1, 2)]  # an input of another value per sample
    snapshots(document, unit_item.STEADY_REFRESHES + 1)
    assert unit.cacheMode() != unit_item._NO_CACHE
    before = pixels(view.grab().toImage())
    document.set_sample_index(1)
    assert unit.cacheMode() == unit_item._NO_CACHE
    after = pixels(view.grab().toImage())
    top_left = view.mapFromScene(unit.mapToScene(unit.boundingRect().topLeft()))
    bottom_right = view.mapFromScene(unit.mapToScene(unit.boundingRect().bottomRight()))
    rows = slice(max(0, top_left.y()), bottom_right.y())
    columns = slice(4 * max(0, top_left.x()), 4 * bottom_right.x())
    assert np.any(before[rows, columns] != after[rows, columns])
