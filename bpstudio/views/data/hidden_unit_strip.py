"""A strip of small maps, one per hidden unit: its activation over the same plane as the
decision boundary.  A student sees the first layer draw straight lines and the next combine
them into curves."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QWidget

from bpstudio.model.data.grid import OutputGrid
from bpstudio.views.widgets.language import Retranslating
from bpstudio.views.widgets.value_colours import NEGATIVE, POSITIVE

MAX_UNITS_PER_LAYER = 12  # more would be too small to read; the tooltip says so
COLUMNS = 2


LIGHT_NEGATIVE, LIGHT_POSITIVE = "#f7c59a", "#9cc9e8"


def blue_orange_map(light: bool = False) -> pg.ColorMap:
    """Orange for low, white in the middle, blue for high: the diagram's colours.  ``light``
    tints are for a background under points drawn in the full colours, so both stay visible."""
    low, high = (LIGHT_NEGATIVE, LIGHT_POSITIVE) if light else (NEGATIVE, POSITIVE)
    colours = [pg.mkColor(low), pg.mkColor("#fbfbfb"), pg.mkColor(high)]
    return pg.ColorMap([0.0, 0.5, 1.0], colours)


class HiddenUnitStrip(Retranslating, pg.GraphicsLayoutWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setMinimumWidth(150)
        self.images: list[pg.ImageItem] = []
        self._shape: tuple[int, ...] = ()
        self._lut = blue_orange_map().getLookupTable(nPts=256, alpha=False)
        self._labels: list[pg.LabelItem] = []  # one per layer: "layer 2", "layer 3", …
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(
            self.tr("Each hidden unit's activation over the plane (first %d units of a layer)")
            % MAX_UNITS_PER_LAYER
        )
        for layer, label in enumerate(self._labels):
            label.setText(self._layer_title(layer))

    def _layer_title(self, layer: int) -> str:
        return self.tr("layer %d") % (layer + 2)

    def show_grid(self, grid: OutputGrid) -> None:
        shape = tuple(min(len(layer), MAX_UNITS_PER_LAYER) for layer in grid.hidden)
        if shape != self._shape:
            self._rebuild(shape)
        (x0, x1), (y0, y1) = grid.x_range, grid.y_range
        rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        flat = [unit for layer in grid.hidden for unit in layer[:MAX_UNITS_PER_LAYER]]
        for image, values in zip(self.images, flat, strict=True):
            image.setImage(values, autoLevels=True)
            image.setRect(rect)

    def _rebuild(self, shape: tuple[int, ...]) -> None:
        self.clear()
        self.images = []
        self._labels = []
        self._shape = shape
        row = 0
        for layer, n_units in enumerate(shape):
            label = self.addLabel(self._layer_title(layer), row=row, col=0, colspan=COLUMNS)
            self._labels.append(label)
            row += 1
            for unit in range(n_units):
                view = self.addViewBox(row=row + unit // COLUMNS, col=unit % COLUMNS)
                view.setAspectLocked(True)
                view.setMouseEnabled(False, False)
                image = pg.ImageItem(lut=self._lut)
                view.addItem(image)
                self.images.append(image)
            row += -(-n_units // COLUMNS)
