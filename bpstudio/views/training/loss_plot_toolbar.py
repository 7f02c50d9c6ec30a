"""The loss plot's controls: which series, log scale, follow, export.

The `show_*` methods set a control without echoing its signal, so the plot can reflect a state
change it made itself (the user panned: follow is off) without looping back into the plot.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QWidget

from bpstudio.views.widgets.language import Retranslating


class LossPlotToolbar(Retranslating, QWidget):
    seriesChanged = Signal(str)  # "steps" or "epochs"
    logScaleToggled = Signal(bool)
    followToggled = Signal(bool)
    exportPngRequested = Signal()
    exportCsvRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series_box = QComboBox()
        self.series_box.addItem("", "steps")
        self.series_box.addItem("", "epochs")
        self.log_box = QCheckBox()
        self.follow_box = QCheckBox()
        self.follow_box.setChecked(True)
        self.png_button = QPushButton("PNG…")
        self.csv_button = QPushButton("CSV…")
        self._lay_out()
        self._connect()
        self.retranslate()

    def retranslate(self) -> None:
        self.series_box.setItemText(0, self.tr("Per step"))
        self.series_box.setItemText(1, self.tr("Per epoch"))
        self.series_box.setToolTip(
            self.tr("Per step: the loss of every update's batch (noisy with small batches).\n")
            + self.tr("Per epoch: the mean loss of each pass over the data (smooth).")
        )
        self.log_box.setText(self.tr("Log scale"))
        self.log_box.setToolTip(
            self.tr("A logarithmic loss axis: the slow, late progress stays visible")
        )
        self.follow_box.setText(self.tr("Follow"))
        self.follow_box.setToolTip(
            self.tr("Keep the whole curve in view as training goes on (panning turns this off)")
        )
        self.png_button.setToolTip(self.tr("Save the visible plot as a PNG image"))
        self.csv_button.setToolTip(self.tr("Save the shown losses as a CSV table (full precision)"))

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.series_box, self.log_box, self.follow_box):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.png_button)
        layout.addWidget(self.csv_button)

    def _connect(self) -> None:
        self.series_box.currentIndexChanged.connect(self._on_series_chosen)
        self.log_box.toggled.connect(self.logScaleToggled)
        self.follow_box.toggled.connect(self.followToggled)
        self.png_button.clicked.connect(self.exportPngRequested)
        self.csv_button.clicked.connect(self.exportCsvRequested)

    def _on_series_chosen(self, index: int) -> None:
        self.seriesChanged.emit(self.series_box.itemData(index))

    def show_series(self, series: str) -> None:
        with QSignalBlocker(self.series_box):
            self.series_box.setCurrentIndex(self.series_box.findData(series))

    def show_log_scale(self, on: bool) -> None:
        with QSignalBlocker(self.log_box):
            self.log_box.setChecked(on)

    def show_follow(self, on: bool) -> None:
        with QSignalBlocker(self.follow_box):
            self.follow_box.setChecked(on)
