"""The hidden-space dock (``hiddenSpacePlot``): the data drawn at a hidden layer's activations.

Each sample sits at (a_u, a_v) of the chosen layer, coloured by its class; the input plane's
grid lines are drawn bent through the layers below; under them, the network's output over the
hidden plane (for a 2-unit layer).  It follows the shown network, so it moves live while
training runs (at most ten redraws a second, none while the dock is out of sight).  The numbers
come from ``model.hidden_space``; this module only draws them.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from bpstudio.controller.background_job import BackgroundJob
from bpstudio.controller.coalescer import Coalescer
from bpstudio.model.derivation import symbols as sym
from bpstudio.model.hidden_space import HiddenSpace, hidden_space, plane_layers
from bpstudio.model.network_size import hidden_space_runs_at_once
from bpstudio.views.data.decision_boundary import CLASS_COLOURS, LIGHT_CLASS_COLOURS
from bpstudio.views.data.decision_boundary import _point_classes as point_classes  # one rule
from bpstudio.views.data.hidden_unit_strip import blue_orange_map
from bpstudio.views.widgets.language import Retranslating
from bpstudio.views.widgets.visibility import SightWatch

REDRAW_INTERVAL_MS = 100
GRID_PEN = pg.mkPen("#7b8794", width=1)
PAIRS_OF_THREE = ((1, 2), (1, 3), (2, 3))


class HiddenSpacePlot(Retranslating, QWidget):
    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hiddenSpacePlotWidget")
        self._document = document
        self.space: HiddenSpace | None = None
        self.redraw_count = 0
        self._shown_rect = QRectF()
        self._sight = SightWatch(self, self.redraw_now)
        self._redraw_soon = Coalescer(self._on_redraw_due, REDRAW_INTERVAL_MS, self)
        self._job = BackgroundJob(self)  # a big network's plane is computed on a thread
        self._job.changed.connect(self._on_space_computed)
        self.layer_combo = QComboBox(objectName="hiddenSpaceLayer")
        self.units_combo = QComboBox(objectName="hiddenSpaceUnits")
        self.layer_combo.currentIndexChanged.connect(self._on_layer_chosen)
        self.units_combo.currentIndexChanged.connect(lambda _i: self.redraw_now())
        self.plot = self._make_plot()
        self.caption = QLabel(wordWrap=True)
        self.empty_label = QLabel(wordWrap=True, objectName="hiddenSpaceEmpty")
        self.busy_label = QLabel(wordWrap=True, objectName="hiddenSpaceBusy")
        self._stack = self._lay_out()
        for signal in (document.changed, document.liveChanged):
            signal.connect(self.schedule_redraw)
        document.structureChanged.connect(self._fill_layers)
        self._fill_layers()
        self.retranslate()

    def _make_plot(self) -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w")
        plot.setAspectLocked(True)
        plot.setMenuEnabled(False)
        plot.getPlotItem().hideButtons()
        self.image = pg.ImageItem()
        plot.addItem(self.image)
        self.grid = pg.PlotDataItem(pen=GRID_PEN, connect="finite")
        plot.addItem(self.grid)
        self.points = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w", width=1))
        plot.addItem(self.points)
        return plot

    def _lay_out(self) -> QStackedWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.layer_label = QLabel()
        self.units_label = QLabel()
        for widget in (self.layer_label, self.layer_combo, self.units_label, self.units_combo):
            row.addWidget(widget)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.plot, 1)
        column.addWidget(self.caption)
        stack = QStackedWidget()
        stack.addWidget(page)
        stack.addWidget(self.empty_label)
        stack.addWidget(self.busy_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(stack)
        return stack

    def retranslate(self) -> None:
        self.layer_label.setText(self.tr("Layer:"))
        self.units_label.setText(self.tr("Units:"))
        self.layer_combo.setToolTip(self.tr("The hidden layer whose activations are the axes"))
        self.units_combo.setToolTip(self.tr("A layer of 3 units: the two drawn on the axes"))
        self.busy_label.setText(self.tr("Computing the hidden space of this big network…"))
        self.empty_label.setText(
            self.tr(
                "The hidden space is drawn for a hidden layer of 2 or 3 units: each sample "
                "at that layer's activations. This network has none; give a hidden layer 2 "
                "units (right-click its header) to see how it rearranges the data, as the "
                "seed's 2 hidden units make XOR separable."
            )
        )
        self._show_caption()
        self._fill_layer_names()
        self._fill_unit_pairs()

    def _show_caption(self) -> None:
        """What is drawn, sentence by sentence: the grid only for 2 inputs, the background
        only for a layer of 2 units."""
        parts = [self.tr("Points: the samples at the layer's activations, coloured by class.")]
        if self.space is not None and self.space.grid_lines:
            parts.append(self.tr("Grey lines: the input plane's grid, bent by the layers below."))
        if self.space is not None and self.space.output is not None:
            parts.append(self.tr("Background: the network's output over this plane."))
        self.caption.setText(" ".join(parts))

    # choices ------------------------------------------------------------------------------
    def _fill_layers(self) -> None:
        layers = plane_layers(self._document.project.network)
        chosen = self.layer_combo.currentData()
        with QSignalBlocker(self.layer_combo):
            self.layer_combo.clear()
            for layer in layers:
                self.layer_combo.addItem("", layer)
            self._fill_layer_names()
            index = self.layer_combo.findData(chosen)
            self.layer_combo.setCurrentIndex(index if index >= 0 else len(layers) - 1)
        self._on_layer_chosen()

    def _fill_layer_names(self) -> None:
        sizes = self._document.project.network.layer_sizes
        for index in range(self.layer_combo.count()):
            layer = self.layer_combo.itemData(index)
            text = self.tr("%1 (%2 units)").replace("%1", str(layer))
            self.layer_combo.setItemText(index, text.replace("%2", str(sizes[layer - 1])))

    def _on_layer_chosen(self, _index: int = 0) -> None:
        self._fill_unit_pairs()
        self.redraw_now()

    def _fill_unit_pairs(self) -> None:
        layer = self.layer_combo.currentData()
        sizes = self._document.project.network.layer_sizes
        three = layer is not None and sizes[layer - 1] == 3
        chosen = self.units_combo.currentData()
        with QSignalBlocker(self.units_combo):
            self.units_combo.clear()
            for pair in PAIRS_OF_THREE if three else ((1, 2),):
                names = ", ".join(sym.plain_a(layer or 2, u) for u in pair)
                self.units_combo.addItem(names, pair)
            index = self.units_combo.findData(chosen)
            self.units_combo.setCurrentIndex(max(index, 0))
        self.units_combo.setEnabled(three)

    # drawing ------------------------------------------------------------------------------
    def schedule_redraw(self) -> None:
        self._redraw_soon.request()

    def _on_redraw_due(self) -> None:
        if self._sight.in_sight():
            self.redraw_now()

    def redraw_now(self) -> None:
        layer = self.layer_combo.currentData()
        network = self._document.shown_network()
        dataset = self._document.project.dataset
        if layer is None or layer not in plane_layers(network) or dataset.n_samples == 0:
            self.space = None
            self._stack.setCurrentIndex(1)
            return
        try:
            dataset.check_fits(network.layer_sizes)
        except ValueError:
            self.space = None
            self._stack.setCurrentIndex(1)
            return
        args = (network, dataset, layer, self.units_combo.currentData())
        self._job.run(_space_or_none, args, hidden_space_runs_at_once(network, dataset.n_samples))

    def _on_space_computed(self) -> None:
        if self._job.busy:
            self.space = None
            self._stack.setCurrentIndex(2)  # never the plane of a state that is gone
            return
        self.space = self._job.result.space
        if self.space is None:
            self._stack.setCurrentIndex(1)
            return
        self._stack.setCurrentIndex(0)
        self._draw(self.space, self._job.result.targets)
        self._show_caption()
        self.redraw_count += 1

    def _draw(self, space: HiddenSpace, targets: np.ndarray) -> None:
        classes, n_classes = point_classes(targets), max(2, targets.shape[1])
        brushes = [pg.mkBrush(CLASS_COLOURS[i % len(CLASS_COLOURS)]) for i in range(n_classes)]
        self.points.setData(pos=space.points, brush=[brushes[c] for c in classes])
        self._draw_grid(space)
        self._draw_map(space, targets)
        u, v = space.units
        item = self.plot.getPlotItem()
        item.setLabel("bottom", sym.plain_a(space.layer, u))
        item.setLabel("left", sym.plain_a(space.layer, v))
        (x0, x1), (y0, y1) = space.x_range, space.y_range
        rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        if rect != self._shown_rect:
            self._shown_rect = rect
            self.plot.setRange(rect, padding=0)

    def _draw_grid(self, space: HiddenSpace) -> None:
        if not space.grid_lines:
            self.grid.setData([], [])
            return
        gap = np.full((1, 2), np.nan)
        joined = np.vstack([part for line in space.grid_lines for part in (line, gap)])
        self.grid.setData(joined[:, 0], joined[:, 1], connect="finite")

    def _draw_map(self, space: HiddenSpace, targets: np.ndarray) -> None:
        if space.output is None:
            self.image.clear()
            return
        if targets.shape[1] > 1:
            n = targets.shape[1]
            light = [
                pg.mkColor(LIGHT_CLASS_COLOURS[i % len(LIGHT_CLASS_COLOURS)]) for i in range(n)
            ]
            cmap, levels = pg.ColorMap(np.linspace(0, 1, n), light), (0, max(n - 1, 1))
        else:
            cmap = blue_orange_map(light=True)
            low, high = float(targets.min()), float(targets.max())
            levels = (low, high) if high > low else (low - 1, high + 1)
        self.image.setLookupTable(cmap.getLookupTable(nPts=256, alpha=False))
        self.image.setImage(space.output, levels=levels, autoLevels=False)
        (x0, x1), (y0, y1) = space.x_range, space.y_range
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))


class _Computed:
    """A job's result that is never None (None means "still computing")."""

    def __init__(self, space: HiddenSpace | None, targets: np.ndarray) -> None:
        self.space = space
        self.targets = targets  # of the data it was computed for


def _space_or_none(network, dataset, layer, units) -> _Computed:
    try:
        return _Computed(hidden_space(network, dataset, layer, units), dataset.targets)
    except ValueError:
        return _Computed(None, dataset.targets)
