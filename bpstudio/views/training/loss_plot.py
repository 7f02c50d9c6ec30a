"""The live loss plot (dock ``lossPlot``): loss per step or per epoch, and gradient size per layer.

Fed by training snapshots (append-only) or a project's saved history.  Snapshots are only
queued as they arrive (the controller's flush, which every view shares, stays short), and taken
in and drawn at most ~30 times a second, the drawing on a turn of the event loop of its own.
The series thin themselves as a long run goes on (model.history: every step up to
THINNING_LIMIT points, then every 2nd, 4th, ...), and
the curves downsample by peaks and clip to the view, so a million-step run pans and zooms
smoothly and its memory stays flat.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QLabel, QTabWidget, QVBoxLayout, QWidget

from bpstudio.controller.coalescer import Coalescer
from bpstudio.controller.training_snapshot import TrainingSnapshot
from bpstudio.model.history import LossHistory, LossSeries
from bpstudio.render.decimation import peak_envelope, sticky_range, visible_slice
from bpstudio.views.training.gradient_plot import GradientSizePlot
from bpstudio.views.training.log_axis import LogFriendlyAxis
from bpstudio.views.training.loss_plot_toolbar import LossPlotToolbar
from bpstudio.views.training.plot_crosshair import PlotCrosshair
from bpstudio.views.widgets.language import Retranslating

REFRESH_INTERVAL_MS = 33  # ~30 redraws a second at most
STEPS, EPOCHS = "steps", "epochs"


class LossPlotWidget(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._losses = {STEPS: LossSeries(), EPOCHS: LossSeries()}
        self._series = STEPS
        self._following = True
        self._pending: list[TrainingSnapshot] = []  # arrived, not yet in the series
        self._draw_soon = Coalescer(self.refresh_now, 0, self)
        self._refresh_soon = Coalescer(self._on_refresh_due, REFRESH_INTERVAL_MS, self)
        self.loss_plot = self._make_loss_plot()
        self.gradient_plot = GradientSizePlot()
        self.toolbar = LossPlotToolbar(self)
        self.readout = QLabel()
        self._crosshair = PlotCrosshair(self.loss_plot, self.shown_data)
        self._build_layout()
        self._connect()
        self.retranslate()

    def retranslate(self) -> None:
        self.readout.setText(self.tr("Move the mouse over the plot to read a point."))
        self.readout.setToolTip(self.tr("The point of the curve nearest the mouse"))
        self.loss_plot.plotItem.setLabel("left", self.tr("training loss"))
        self.loss_plot.plotItem.setLabel("bottom", self._x_label())
        self.loss_plot.setToolTip(
            self.tr("Training loss; drag to pan, wheel to zoom, right-click for more")
        )
        self.tabs.setTabText(0, self.tr("Loss"))
        self.tabs.setTabText(1, self.tr("Gradient size"))
        self.tabs.setTabToolTip(0, self.tr("Training loss over time"))
        self.tabs.setTabToolTip(1, self.tr("Each layer's gradient size: the vanishing gradient"))

    def _x_label(self) -> str:
        return self.tr("step") if self._series == STEPS else self.tr("epoch")

    def _make_loss_plot(self) -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w", axisItems={"left": LogFriendlyAxis("left")})
        item = plot.plotItem
        _light_grid(item)
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.enableAutoRange(enable=False)  # following keeps a range of its own (_follow_data)
        _plain_axis_numbers(item)
        self.curve = item.plot(pen=pg.mkPen("#1f77b4", width=1))
        return plot

    def _build_layout(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self.loss_plot, "")
        self.tabs.addTab(self.gradient_plot, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.readout)

    def _connect(self) -> None:
        bar = self.toolbar
        bar.seriesChanged.connect(self.set_series)
        bar.logScaleToggled.connect(self.set_log_scale)
        bar.followToggled.connect(self.set_follow)
        bar.exportPngRequested.connect(self._on_export_png_clicked)
        bar.exportCsvRequested.connect(self._on_export_csv_clicked)
        view = self.loss_plot.plotItem.vb
        view.sigRangeChangedManually.connect(self._on_range_changed_by_hand)
        view.sigXRangeChanged.connect(self._on_x_range_changed)
        view.sigResized.connect(self._schedule_refresh)  # as many points as pixel columns
        self._crosshair.moved.connect(self._on_crosshair_moved)
        # Not a method of this widget: QTabWidget also signals while it is being destroyed,
        # when this widget's Python side is already gone.
        self.tabs.currentChanged.connect(functools.partial(_show_readout_on_loss_tab, self.readout))
        self.set_series(STEPS)

    # data in --------------------------------------------------------------------------------
    def append_snapshot(self, snapshot: TrainingSnapshot) -> None:
        """Add a snapshot's new points (connect to TrainingController.snapshotReady).  Only
        queued here: they go into the series (which may thin them, a few ms) on the next
        refresh, or as soon as anything asks for the data."""
        self._pending.append(snapshot)
        self._schedule_refresh()

    def _take_pending(self) -> None:
        pending, self._pending = self._pending, []
        for snapshot in pending:
            if snapshot.history_reset:
                self._clear_series()
            self._losses[STEPS].place(snapshot.new_steps)
            self._losses[EPOCHS].place(snapshot.new_epochs)
            rows = snapshot.new_gradient_rms
            # Gradient rows belong to the last len(rows) of the snapshot's steps (1-based x).
            self.gradient_plot.append(snapshot.new_steps.end - len(rows) + 1, rows)

    def set_history(self, history: LossHistory) -> None:
        """Show a saved history (e.g. a project just opened), replacing what is shown."""
        self.clear()
        self._losses = {STEPS: history.steps.copy(), EPOCHS: history.epochs.copy()}
        self._schedule_refresh()

    def clear(self) -> None:
        self._pending = []
        self._clear_series()
        self._schedule_refresh()

    def _clear_series(self) -> None:
        self._losses = {STEPS: LossSeries(), EPOCHS: LossSeries()}
        self.gradient_plot.clear_data()

    def shown_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The shown series: x (1-based step or epoch numbers) and loss."""
        self._take_pending()
        series = self._losses[self._series]
        return series.indices() + 1.0, series.view()

    def point_count(self, series: str = STEPS) -> int:
        """How many steps (or epochs) the plot covers; a long run shows a thinned part."""
        self._take_pending()
        return len(self._losses[series])

    # display options ------------------------------------------------------------------------
    def set_series(self, series: str) -> None:
        """``"steps"``: every optimiser step's loss; ``"epochs"``: each epoch's mean."""
        self._series = series
        self.loss_plot.plotItem.setLabel("bottom", self._x_label())
        self.toolbar.show_series(series)
        self.refresh_now()

    def set_log_scale(self, on: bool) -> None:
        self.loss_plot.plotItem.setLogMode(y=on)
        self.toolbar.show_log_scale(on)
        self.refresh_now()  # a following view refits to the new scale

    def set_follow(self, on: bool) -> None:
        """Keep the whole curve in view as it grows (panning or zooming switches this off)."""
        self._following = on
        self.gradient_plot.plotItem.enableAutoRange(enable=on)
        self.toolbar.show_follow(on)
        if on:
            self.refresh_now()

    def is_following(self) -> bool:
        return self._following

    # drawing --------------------------------------------------------------------------------
    def _schedule_refresh(self) -> None:
        self._refresh_soon.request()

    def _on_refresh_due(self) -> None:
        """Take the queued points in now, and draw them on the next turn of the event loop:
        two short tasks rather than one long one (a timer due meanwhile is not held up)."""
        self._take_pending()
        self._draw_soon.request()

    def refresh_now(self) -> None:
        self._draw_soon.cancel()
        xs, ys = self.shown_data()
        view = self.loss_plot.plotItem.vb
        if not self._following:  # panned or zoomed by hand: only what is in view
            part = visible_slice(xs, *view.viewRange()[0])
            xs, ys = xs[part], ys[part]
        self.curve.setData(*peak_envelope(xs, ys, columns=max(int(view.width()), 100)))
        if self._following:
            self._follow_data()
        self.gradient_plot.refresh()

    def _follow_data(self) -> None:
        """Keep every curve in view, moving an axis only when the data leave its range or
        fill less than half of it: pyqtgraph's auto-range refits (and so re-lays out both
        axes, the most of a frame's work) on every redraw."""
        item = self.loss_plot.plotItem
        bounds = [_data_bounds(item, axis) for axis in (0, 1)]
        if None in bounds:
            return
        (x_shown, y_shown) = item.vb.viewRange()
        x_new = sticky_range(bounds[0], tuple(x_shown))
        y_new = sticky_range(bounds[1], tuple(y_shown), headroom=0.05)
        if x_new or y_new:
            item.vb.setRange(xRange=x_new or x_shown, yRange=y_new or y_shown, padding=0)

    def _on_range_changed_by_hand(self, _axes) -> None:
        self._following = False
        self.gradient_plot.plotItem.enableAutoRange(enable=False)
        self.toolbar.show_follow(False)

    def _on_x_range_changed(self, _view, _range) -> None:
        if not self._following:  # following, the whole curve is drawn already
            self._schedule_refresh()

    def _on_crosshair_moved(self, x: float, loss: float) -> None:
        self.readout.setText(
            self.tr("%s %s: loss %s") % (self._x_label(), f"{int(x):,}", f"{loss:.6g}")
        )

    # export ---------------------------------------------------------------------------------
    def export_png(self, path: str | Path) -> None:
        """The visible plot (loss or gradient size) as a PNG image."""
        import pyqtgraph.exporters  # on first use: it is not needed to show the window

        plot = self.tabs.currentWidget()
        pyqtgraph.exporters.ImageExporter(plot.plotItem).export(str(path))

    def export_csv(self, path: str | Path) -> None:
        """The shown loss series as ``step,loss`` (or ``epoch,loss``) rows, full precision."""
        xs, ys = self.shown_data()
        header = f"{'step' if self._series == STEPS else 'epoch'},loss"
        table = np.column_stack([xs, ys])
        np.savetxt(path, table, fmt=("%d", "%.17g"), delimiter=",", header=header, comments="")

    def _on_export_png_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export plot"), "", "PNG (*.png)")
        if path:
            self.export_png(path)

    def _on_export_csv_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export losses"), "", "CSV (*.csv)")
        if path:
            self.export_csv(path)


GRID_COLOUR = "#ebebeb"


def _light_grid(item: pg.PlotItem) -> None:
    """A grid of opaque light lines: pyqtgraph's translucent grid lines cost a third of a
    frame to paint (benchmarks/gui.py, plot)."""
    item.showGrid(x=True, y=True)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setStyle(tickAlpha=255)
        axis.setTickPen(pg.mkPen(GRID_COLOUR))
        axis.setZValue(-1)  # opaque lines go under the curve, not over it
        # Drawn into a pixmap once per range: pyqtgraph otherwise replays the axis (numbers
        # and grid) from a QPicture on every repaint of the curve, 30 times a second.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def _data_bounds(item: pg.PlotItem, axis: int) -> tuple[float, float] | None:
    """The lowest and highest value of every curve of ``item`` on ``axis`` (0: x, 1: y), as
    the view shows them (log10 on a log axis); None when no curve has a finite one."""
    lows, highs = [], []
    for curve in item.listDataItems():
        values = curve.getOriginalDataset()[axis]
        if values is None or not len(values):
            continue
        if curve.opts["logMode"][axis]:
            values = np.log10(values[values > 0])
        values = values[np.isfinite(values)]
        if len(values):
            lows.append(values.min())
            highs.append(values.max())
    return (float(min(lows)), float(max(highs))) if lows else None


def _show_readout_on_loss_tab(readout: QLabel, index: int) -> None:
    """The readout follows the loss curve only."""
    if shiboken6.isValid(readout):
        readout.setVisible(index == 0)


def _plain_axis_numbers(item: pg.PlotItem) -> None:
    """Plain tick numbers: a student reads 0.25, not 250 under a "(x0.001)" axis title."""
    for side in ("left", "bottom"):
        item.getAxis(side).enableAutoSIPrefix(False)
