"""Units are drawn on screen from cached disc pixmaps: they must look like the vector drawing
(which SVG export still uses), in every outline state."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from bpstudio.model.refs import UnitRef
from bpstudio.views.diagram import style, unit_item
from bpstudio.views.diagram.notation import Symbol
from bpstudio.views.diagram.unit_item import UnitItem


def rendered(unit: UnitItem, scene: QGraphicsScene, zoom: float) -> np.ndarray:
    image = QImage(int(80 * zoom), int(80 * zoom), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), QRectF(-40, -40, 80, 80))
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return pixels[:, : 4 * image.width()].copy()  # a copy: the image's memory goes with it


@pytest.mark.parametrize("zoom", [1.0, 2.5])
@pytest.mark.parametrize("state", ["plain", "selected", "tinted"])
def test_a_pixmap_disc_looks_like_the_vector_disc(qtbot, monkeypatch, zoom, state):
    monkeypatch.setattr(unit_item, "TEXT_LOD", 1e9)  # the disc alone (text has its own cache)
    scene = QGraphicsScene()
    unit = UnitItem(UnitRef(2, 1), "hidden", Symbol("a", "1", "2"), QPointF(0, 0))
    scene.addItem(unit)
    unit.set_value("0.5000", style.unit_fill("hidden", -0.8 if state == "tinted" else 0, 1), "")
    unit.setSelected(state == "selected")
    from_pixmaps = rendered(unit, scene, zoom).astype(int)
    monkeypatch.setattr(unit_item, "_in_pixels", lambda painter, scale: False)
    from_vectors = rendered(unit, scene, zoom).astype(int)
    difference = np.abs(from_pixmaps - from_vectors)
    assert difference.mean() < 1.0  # antialiased edges may differ a little, nothing more
    assert difference.max() < 64
