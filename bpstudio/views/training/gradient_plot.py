"""The size of each layer's weight gradient over training: the vanishing-gradient lesson.

One curve per weight matrix, the RMS of its dE/dw at every step, on a log axis: with sigmoid
hidden layers the curves of the layers nearer the inputs sit lower, because every sigmoid the
error passes back through multiplies it by its slope, which is at most 0.25.

Drawing costs what a screen can show, not what training recorded: each refresh hands pyqtgraph
a peak envelope (the lowest and highest row of each pixel column, render/decimation.py) of the
rows in view, and a plot on a tab the student is not looking at is not drawn at all until its
tab is shown.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from bpstudio.model.history import GrowingArray
from bpstudio.model.unit_health import layers_parting
from bpstudio.render.decimation import peak_envelope, visible_slice
from bpstudio.views.training.log_axis import LogFriendlyAxis
from bpstudio.views.widgets.language import Retranslating
from bpstudio.views.widgets.visibility import SightWatch

# A long run keeps one row every `stride` steps, the stride doubling whenever more than this
# many rows are kept: memory stays bounded however long training runs.
MAX_ROWS = 100_000
MIN_COLUMNS = 100  # envelope width before the plot has a size

PARTING_RATIO = 100.0  # the mark: the largest layer's gradient size over the smallest's
PARTING_COLOUR = "#5f6b7a"

LAYER_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"]


class GradientSizePlot(Retranslating, pg.PlotWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent, background="w", axisItems={"left": LogFriendlyAxis("left")})
        item = self.plotItem
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setLogMode(y=True)
        for side in ("left", "bottom"):
            item.getAxis(side).enableAutoSIPrefix(False)  # plain numbers for students
        self._legend = item.addLegend(offset=(-10, 10))
        self._xs = GrowingArray()
        self._columns: list[GrowingArray] = []
        self._curves: list[pg.PlotDataItem] = []
        self._stride = 1
        self.parting_step: int | None = None  # where the layers' sizes first part, if they did
        self._parting_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            label="",
            pen=pg.mkPen(PARTING_COLOUR, width=1, style=pg.QtCore.Qt.PenStyle.DashLine),
            labelOpts={"position": 0.92, "color": PARTING_COLOUR, "anchors": [(0, 0), (0, 0)]},
        )
        self._parting_line.setVisible(False)
        item.addItem(self._parting_line, ignoreBounds=True)
        self._sight = SightWatch(self, self._draw)  # not drawn while out of sight
        item.vb.sigXRangeChanged.connect(self._on_x_range_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(
            self.tr(
                "How large each layer's weight gradient is (root-mean-square of dE/dw) at every "
                "step. Sigmoid's slope is at most 0.25, so the error shrinks each time it passes "
                "back through a sigmoid layer: the layers nearest the inputs learn slowest."
            )
        )
        self.plotItem.setLabel("bottom", self.tr("step"))
        self.plotItem.setLabel("left", self.tr("gradient size (RMS of dE/dw)"))
        for index, (_sample, label) in enumerate(self._legend.items):
            label.setText(self._curve_name(index))
        self._show_parting()

    def _show_parting(self) -> None:
        """A dashed line where the largest layer's gradient first exceeds 100 times the
        smallest's: from there on the layers nearest the inputs learn far slower."""
        line = self._parting_line
        line.setVisible(self.parting_step is not None)
        if self.parting_step is None:
            return
        line.setValue(self.parting_step)
        line.label.setFormat(self.tr("sizes part (×%d)") % PARTING_RATIO)
        line.setToolTip(
            self.tr(
                "At step %d the largest layer's gradient size first exceeded %d times the "
                "smallest's: the layers' gradients part (vanishing or exploding gradients). Try "
                "tanh or ReLU hidden layers, fewer layers, or another weight initialisation."
            )
            % (self.parting_step, PARTING_RATIO)
        )

    def _curve_name(self, index: int) -> str:
        # Weight matrix `index` feeds layer index + 2 in the seed's numbering.
        return self.tr("into layer %d") % (index + 2)

    @property
    def n_points(self) -> int:
        return len(self._xs)

    @property
    def stride(self) -> int:
        """Every how many steps a row is kept (1 until the run gets long)."""
        return self._stride

    def clear_data(self) -> None:
        self._xs = GrowingArray()
        self._stride = 1
        self.parting_step = None
        self._show_parting()
        for curve in self._curves:
            self.plotItem.removeItem(curve)
            self._legend.removeItem(curve)
        self._columns, self._curves = [], []

    def append(self, first_step: int, rows: np.ndarray) -> None:
        """``rows[i]`` holds each weight matrix's gradient RMS at step ``first_step + i``."""
        if not len(rows):
            return
        if rows.shape[1] != len(self._columns):
            self.clear_data()  # the network's depth changed: the old curves mean other layers
            self._add_curves(rows.shape[1])
        xs = np.arange(first_step, first_step + len(rows))
        self._find_parting(first_step, rows)
        kept = xs % self._stride == 0
        self._xs.extend(xs[kept])
        for column, values in zip(self._columns, rows[kept].T, strict=True):
            column.extend(values)
        if len(self._xs) > MAX_ROWS:
            self._thin()

    def _find_parting(self, first_step: int, rows: np.ndarray) -> None:
        if self.parting_step is not None:
            return
        row = layers_parting(rows, PARTING_RATIO)
        if row is not None:
            self.parting_step = first_step + row
            self._show_parting()

    def _thin(self) -> None:
        """Keep every other kept row: the rows at multiples of the doubled stride."""
        self._stride *= 2
        kept = self._xs.view() % self._stride == 0
        self._xs = GrowingArray(self._xs.view()[kept])
        self._columns = [GrowingArray(column.view()[kept]) for column in self._columns]

    def refresh(self) -> None:
        """Draw the rows kept so far; out of sight (a tab or dock behind another), once the
        plot is shown again."""
        if self._sight.in_sight():
            self._draw()

    def _draw(self) -> None:
        xs = self._xs.view()
        view = self.plotItem.vb
        if not view.autoRangeEnabled()[0]:  # zoomed or panned: only the rows in view
            part = visible_slice(xs, *view.viewRange()[0])
        else:
            part = slice(0, len(xs))
        columns = max(int(view.width()), MIN_COLUMNS)
        for curve, column in zip(self._curves, self._columns, strict=True):
            shown_x, shown_y = peak_envelope(xs[part], column.view()[part], columns)
            # Zero gradients (a dead unit) have no logarithm: leave a gap, not a warning.
            shown_y = np.where(shown_y > 0, shown_y, np.nan)
            curve.setData(shown_x, shown_y, connect="finite")

    def _on_x_range_changed(self, view, _range) -> None:
        if not view.autoRangeEnabled()[0]:  # following, every row is drawn already
            self.refresh()

    def _add_curves(self, n_matrices: int) -> None:
        for index in range(n_matrices):
            colour = LAYER_COLOURS[index % len(LAYER_COLOURS)]
            name = self._curve_name(index)
            curve = self.plotItem.plot(pen=pg.mkPen(colour, width=1), name=name)
            self._columns.append(GrowingArray())
            self._curves.append(curve)
