"""Helpers shared by the diagram tests: documents of a given shape, a shown view, hit points."""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QPoint

from bpstudio.controller.document import Document
from bpstudio.model.data.dataset import Dataset
from bpstudio.model.examples import load_example
from bpstudio.model.network import Network
from bpstudio.views.diagram import NetworkDiagramView


def document_with_sizes(sizes, use_bias: bool = False, seed: int = 0) -> Document:
    """The seed project with a random network of ``sizes`` and a matching 3-sample dataset."""
    project = load_example("seed")
    rng = np.random.default_rng(seed)
    pairs = list(itertools.pairwise(sizes))
    weights = [rng.normal(0, 1 / np.sqrt(a), (a, b)) for a, b in pairs]
    biases = [rng.normal(0, 0.3, b) for b in sizes[1:]] if use_bias else None
    project.network = Network(list(sizes), ["sigmoid"] * (len(sizes) - 1), weights, biases)
    project.dataset = Dataset(rng.uniform(-1, 1, (3, sizes[0])), rng.uniform(0, 1, (3, sizes[-1])))
    return Document(project)


def shown_view(qtbot, document, width: int = 1000, height: int = 650) -> NetworkDiagramView:
    view = NetworkDiagramView(document)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.diagram_scene.is_building)  # a big network: in slices
    return view


def viewport_point_on(view, item) -> QPoint:
    """A viewport point where ``item`` is the topmost item (searched along an edge's line)."""
    for step in range(40, 90, 2):
        scene_point = item.point_at(step / 100) if hasattr(item, "point_at") else item.pos()
        point = view.mapFromScene(scene_point)
        if view.itemAt(point) is item:
            return point
    raise AssertionError(f"no point of {item.ref} is uncovered")


def non_background_fraction(image, background) -> float:
    """How much of ``image`` differs from the background colour (sampled on a grid)."""
    differing = total = 0
    for x in range(0, image.width(), 7):
        for y in range(0, image.height(), 7):
            total += 1
            differing += image.pixelColor(x, y) != background
    return differing / max(1, total)


def count_paints(monkeypatch, item_class, record=lambda item: item) -> list:
    """``record(item)`` of each paint of an ``item_class`` item, in order. Patch before the
    view is made (PySide remembers an item's paint once it has one)."""
    paints: list = []
    original = item_class.paint

    def counted(self, *args):
        paints.append(record(self))
        return original(self, *args)

    monkeypatch.setattr(item_class, "paint", counted)
    return paints


def shifted(document, amount: float) -> Network:
    """The document's network with ``amount`` added to every weight (a live network)."""
    network = document.project.network.copy()
    network.weights = [w + amount for w in network.weights]
    return network
