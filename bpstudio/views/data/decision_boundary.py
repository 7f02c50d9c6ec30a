"""The decision-boundary dock (``decisionBoundary``): what a 2-input network outputs over the
plane, the training points (filled circles) and test points (squares) drawn over it, and a
strip of small maps, one per hidden unit, showing what each unit has learned to detect.

It follows ``document.shown_network()``, so it moves live while training runs; redraws are
coalesced to at most ten a second (each is a forward pass over the whole grid), and a map on a
dock tab the student is not looking at is not recomputed at all until the tab is shown.  The grid is
computed by ``bpstudio.model.data.grid``; this module only draws it.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from bpstudio.controller.coalescer import Coalescer
from bpstudio.controller.document import Document
from bpstudio.model.data.grid import OutputGrid, output_grid
from bpstudio.views.data.hidden_unit_strip import HiddenUnitStrip, blue_orange_map
from bpstudio.views.data.standardise_hint import StandardiseHint
from bpstudio.views.widgets.language import Retranslating
from bpstudio.views.widgets.symbols import sub
from bpstudio.views.widgets.visibility import SightWatch

REDRAW_INTERVAL_MS = 100  # at most 10 redraws a second
RESOLUTION = 120
CLASS_COLOURS = ("#e8710a", "#0877bd", "#2ca02c", "#9467bd", "#8c564b", "#d62728")
LIGHT_CLASS_COLOURS = ("#f7c59a", "#9cc9e8", "#a8dba8", "#cdb9e0", "#d4b9b3", "#f0a8a8")


class DecisionBoundaryWidget(Retranslating, QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.redraw_count = 0  # for tests: how many times the map was recomputed
        self._sight = SightWatch(self, self.redraw_now)  # not recomputed while out of sight
        self._shown_rect = QRectF()
        self._redraw_soon = Coalescer(self._on_redraw_due, REDRAW_INTERVAL_MS, self)
        self.plot = self._make_plot()
        self.strip = HiddenUnitStrip()
        self.empty_label = QLabel()
        self.empty_label.setObjectName("decisionBoundaryEmpty")
        self.empty_label.setWordWrap(True)
        self.caption = QLabel()
        self.standardise_hint = StandardiseHint(document)  # where unscaled data show worst
        self._stack = self._lay_out()
        for signal in (document.changed, document.liveChanged, document.structureChanged):
            signal.connect(self.schedule_redraw)
        self._caption_levels: tuple[float, float] | None = None  # None: classes
        self._n_inputs = 2
        self.redraw_now()
        self.retranslate()

    def retranslate(self) -> None:
        """The texts only: the map itself has none, so it is not recomputed."""
        self.plot.setToolTip(
            self.tr("The network's output over the plane: circles train, squares test")
        )
        self.empty_label.setText(
            self.tr(
                "The decision boundary is drawn for networks with 2 inputs (a point of the "
                "plane per sample). This network has %d input(s); choose a 2-D data set such as "
                "Circle or Two spirals in the Data panel to see it."
            )
            % self._n_inputs
        )
        if self._caption_levels is None:
            self.caption.setText(
                self.tr("Colour: the class the network picks (argmax)")
                + "  "
                + self._class_legend()
            )
        else:
            low, high = self._caption_levels
            self.caption.setText(
                self.tr("Colour: the output, orange %s … blue %s; the white band is the boundary")
                % (f"{low:g}", f"{high:g}")
            )

    def _class_legend(self) -> str:
        """Each class's colour and name (the imported file's class names, else Ŷ₁, Ŷ₂ ...)."""
        data = self._document.project.dataset
        n = max(2, data.n_targets)
        names = list(data.target_names or ()) if data.n_targets > 1 else []
        if len(names) != n:
            names = [f"Ŷ{sub(k + 1)}" for k in range(n)]
        return "  ".join(
            f"<span style='color:{colour}'>●</span> {html.escape(name)}"
            for colour, name in zip(_classes(n), names, strict=True)
        )

    def _show_axis_names(self, dataset) -> None:
        """The axes are the two inputs: their names from the file, else x₁ and x₂."""
        names = dataset.input_names or ("x" + sub(1), "x" + sub(2))
        item = self.plot.getPlotItem()
        item.setLabel("bottom", names[0])
        item.setLabel("left", names[1])

    def _make_plot(self) -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w")
        plot.setAspectLocked(True)
        plot.setMenuEnabled(False)
        plot.getPlotItem().hideButtons()
        self.image = pg.ImageItem()
        plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=1))
        self.test_points = pg.ScatterPlotItem(size=7, symbol="s", pen=pg.mkPen("k", width=1.2))
        plot.addItem(self.train_points)
        plot.addItem(self.test_points)
        return plot

    def _lay_out(self) -> QStackedWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout()
        column.addWidget(self.plot, 1)
        column.addWidget(self.caption)
        column.addWidget(self.standardise_hint)
        row.addLayout(column, 3)
        row.addWidget(self.strip, 1)
        stack = QStackedWidget()
        stack.addWidget(page)
        stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(stack)
        return stack

    # redrawing ----------------------------------------------------------------------------------
    def schedule_redraw(self) -> None:
        self._redraw_soon.request()

    def _on_redraw_due(self) -> None:
        if self._sight.in_sight():
            self.redraw_now()

    def redraw_now(self) -> None:
        network = self._document.shown_network()
        dataset = self._document.project.dataset
        if network.n_inputs != 2 or dataset.n_inputs != 2:
            self._show_empty(network.n_inputs)
            return
        self._stack.setCurrentIndex(0)
        grid = output_grid(network, dataset, RESOLUTION)
        self._draw_map(grid, dataset.targets)
        self._draw_points(dataset)
        self._show_axis_names(dataset)
        if self._caption_levels is None:
            self.retranslate()  # the legend names this data's classes
        self.strip.show_grid(grid)
        self.redraw_count += 1

    def _show_empty(self, n_inputs: int) -> None:
        if n_inputs != self._n_inputs:
            self._n_inputs = n_inputs
            self.retranslate()
        self._stack.setCurrentIndex(1)

    def _draw_map(self, grid: OutputGrid, targets: np.ndarray) -> None:
        if grid.output_label == "class":
            n = targets.shape[1]
            light = [pg.mkColor(c) for c in _classes(n, LIGHT_CLASS_COLOURS)]
            cmap = pg.ColorMap(np.linspace(0, 1, n), light)
            levels = (0, max(n - 1, 1))
            caption_levels = None
        else:
            cmap = blue_orange_map(light=True)
            levels = (float(targets.min()), float(targets.max()))
            if levels[0] == levels[1]:
                levels = (levels[0] - 1, levels[1] + 1)
            caption_levels = levels
        if caption_levels != self._caption_levels:
            self._caption_levels = caption_levels
            self.retranslate()
        self.image.setLookupTable(cmap.getLookupTable(nPts=256, alpha=False))
        self.image.setImage(grid.output, levels=levels, autoLevels=False)
        (x0, x1), (y0, y1) = grid.x_range, grid.y_range
        rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        self.image.setRect(rect)
        if rect != self._shown_rect:  # new data: show all of it (otherwise keep the user's zoom)
            self._shown_rect = rect
            self.plot.setRange(rect, padding=0)

    def _draw_points(self, dataset) -> None:
        classes = _point_classes(dataset.targets)
        colours = np.array([pg.mkBrush(c) for c in _classes(max(2, dataset.n_targets))])
        test = dataset.test_mask()
        for item, rows in ((self.train_points, ~test), (self.test_points, test)):
            item.setData(
                x=dataset.inputs[rows, 0], y=dataset.inputs[rows, 1], brush=colours[classes[rows]]
            )


def _classes(n: int, palette: tuple[str, ...] = CLASS_COLOURS) -> tuple[str, ...]:
    return tuple(palette[i % len(palette)] for i in range(n))


def _point_classes(targets: np.ndarray) -> np.ndarray:
    """The colour index of each point: argmax for one-hot targets, target >= 0.5 for one."""
    if targets.shape[1] > 1:
        return np.argmax(targets, axis=1)
    low, high = targets.min(), targets.max()
    middle = (low + high) / 2 if high > low else 0.5
    return (targets[:, 0] >= middle).astype(int)
