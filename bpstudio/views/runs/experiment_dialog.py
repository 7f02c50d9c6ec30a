"""Experiment…: one setting, several values, the same everything else; trained off the GUI
thread (controller/experiment_job.py) with a progress bar and Cancel, then the curves on one
plot and the final numbers in a table, which "Keep as runs" puts in the Runs dock (one undo
step).  Not modal: the window stays usable while it trains."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller.document import Document
from bpstudio.controller.experiment_job import ExperimentJob
from bpstudio.model.experiment import (
    INIT_CHOICES,
    MAX_EPOCHS,
    SETTINGS,
    Plan,
    parse_values,
    value_text,
)
from bpstudio.model.losses import LOSS_NAMES
from bpstudio.model.optimisers import KINDS
from bpstudio.model.runs import DEFAULT_SHARE, KeptRun
from bpstudio.render.decimation import peak_envelope
from bpstudio.views.runs import run_texts
from bpstudio.views.runs.results_model import ResultsModel
from bpstudio.views.runs.run_overlay import ENVELOPE_COLUMNS, LEGEND_STYLE, run_pen
from bpstudio.views.training.log_axis import LogFriendlyAxis
from bpstudio.views.widgets.language import Retranslating, model_message

DEFAULT_EPOCHS = 1000
PROGRESS_STEPS = 1000  # the bar counts per mille (a run's steps may not fit an int)
PLOT_HEIGHT, TABLE_HEIGHT = 380, 150  # pixels, at the dialog's first size
# The values offered when a setting is chosen: a comparison worth making.
DEFAULT_VALUES = {
    "learning_rate": "0.1, 0.5, 2",
    "momentum": "0, 0.5, 0.9",
    "optimizer": "sgd, rmsprop, adam",
    "activation": "sigmoid, tanh, relu",
    "loss": "half_sse, cross_entropy",
    "init": "given, xavier, zeros",
    "batch_size": "1, 4, 16",
    "seed": "0, 1, 2",
}


class ExperimentDialog(Retranslating, QDialog):
    keptRuns = Signal(int)  # how many runs "Keep as runs" put in the project

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("experimentDialog")
        self._document = document
        self.job = ExperimentJob(self)
        self._runs: list[KeptRun] = []
        self._plan: Plan | None = None
        self._make_controls()
        self._make_results()
        self._lay_out()
        self._connect()
        self.retranslate()
        self._on_setting_chosen()
        self._show_running(False)

    # building -------------------------------------------------------------------------------
    def _make_controls(self) -> None:
        self.setting = QComboBox()
        self.setting.setObjectName("experimentSetting")
        for name in SETTINGS:
            self.setting.addItem("", name)
        self.setting.setCurrentIndex(self.setting.findData("activation"))
        self.values = QLineEdit()
        self.values.setObjectName("experimentValues")
        self.epochs = QSpinBox()
        self.epochs.setObjectName("experimentEpochs")
        self.epochs.setRange(1, MAX_EPOCHS)
        self.epochs.setValue(DEFAULT_EPOCHS)
        self.epochs.setGroupSeparatorShown(True)
        self.share = QDoubleSpinBox()
        self.share.setObjectName("experimentShare")
        self.share.setRange(0.1, 99.0)
        self.share.setDecimals(1)
        self.share.setSuffix(" %")
        self.share.setValue(DEFAULT_SHARE * 100)
        self.run_button = QPushButton()
        self.run_button.setObjectName("experimentRun")
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("experimentCancel")
        self.progress = QProgressBar()
        self.progress.setObjectName("experimentProgress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.status = QLabel()
        self.status.setObjectName("experimentStatus")
        self.status.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("experimentKeep")
        self.close_button = QPushButton()

    def _make_results(self) -> None:
        self.plot = pg.PlotWidget(background="w", axisItems={"left": LogFriendlyAxis("left")})
        self.plot.setObjectName("experimentPlot")
        item = self.plot.plotItem
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setLogMode(y=True)
        item.getAxis("bottom").enableAutoSIPrefix(False)
        self.legend = item.addLegend(offset=(-10, 10), **LEGEND_STYLE)
        self.results = ResultsModel(self)
        self.table = QTableView()
        self.table.setObjectName("experimentResults")
        self.table.setModel(self.results)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(header.sizeHint().height() + 3 * rows + 4)

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.form_labels = []
        for field in (self.setting, self.values, self.epochs, self.share):
            label = QLabel()
            label.setBuddy(field)  # its &-key moves the focus there
            self.form.addRow(label, field)
            self.form_labels.append(label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.note)
        left.addLayout(buttons)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        left.addStretch(1)
        controls = QWidget()
        controls.setLayout(left)
        controls.setMinimumWidth(300)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.plot)
        right.addWidget(self.table)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([PLOT_HEIGHT, TABLE_HEIGHT])  # three or four runs without scrolling
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(controls)
        body.addWidget(right)
        body.setStretchFactor(1, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.keep_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addLayout(bottom)
        self.resize(1040, 600)

    def _connect(self) -> None:
        self.setting.currentIndexChanged.connect(self._on_setting_chosen)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.job.cancel)
        self.keep_button.clicked.connect(self.keep_runs)
        self.close_button.clicked.connect(self.close)
        self.share.valueChanged.connect(lambda percent: self.results.set_share(percent / 100))
        self.job.progressed.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Experiment"))
        for index in range(self.setting.count()):
            self.setting.setItemText(index, run_texts.setting_label(self.setting.itemData(index)))
        labels = (
            self.tr("&Vary:"),
            self.tr("V&alues:"),
            self.tr("&Epochs:"),
            self.tr("Con&verged below:"),
        )
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.setting.setToolTip(self.tr("The one setting that differs between the runs"))
        self.values.setToolTip(self._values_tip())
        self.epochs.setToolTip(self.tr("How many epochs each run trains"))
        self.share.setToolTip(
            self.tr(
                "A run has converged at the first epoch whose loss is below this share of "
                "its first epoch's loss"
            )
        )
        self.note.setText(
            self.tr(
                "Each run starts from this run's starting weights; every other setting, the "
                "seeds too, stays as it is now."
            )
        )
        self.run_button.setText(self.tr("&Run"))
        self.run_button.setToolTip(self.tr("Train every run, one after the other (Enter)"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop; the runs finished so far stay"))
        self.keep_button.setText(self.tr("&Keep as runs"))
        self.keep_button.setToolTip(
            self.tr(
                "Put these runs in the Runs dock and the project, to compare and restore (undoable)"
            )
        )
        self.close_button.setText(self.tr("C&lose"))
        self.plot.plotItem.setLabel("bottom", self.tr("epoch"))
        self.plot.plotItem.setLabel("left", self.tr("training loss (log scale)"))
        self.results.retranslate()

    def _values_tip(self) -> str:
        setting = self.setting.currentData()
        choices = {
            "activation": "sigmoid, tanh, relu, leaky_relu, linear",
            "optimizer": ", ".join(KINDS),
            "loss": ", ".join(LOSS_NAMES),
            "init": ", ".join(INIT_CHOICES),
        }
        tip = self.tr("The values to compare, separated by commas")
        if setting in choices:
            tip += "\n" + self.tr("One of: %s") % choices[setting]
        return tip

    # running --------------------------------------------------------------------------------
    def plan(self) -> Plan:
        """What the controls ask for; ExperimentError names a bad value."""
        setting = self.setting.currentData()
        return Plan(
            setting, parse_values(setting, self.values.text().split(",")), self.epochs.value()
        )

    def start(self) -> None:
        if self.job.running:
            return
        try:
            plan = self.plan()
        except ValueError as exc:
            self._show_status(model_message(exc), error=True)
            self.values.setFocus()
            return
        self._show_runs([])
        self.progress.setValue(0)
        self._show_status(self.tr("Training %d runs…") % len(plan.values))
        self._show_running(True)
        self._plan = plan
        self.job.start(self._document.project, plan, self._document.run_start_network())

    def keep_runs(self) -> None:
        if self._runs:
            self._document.keep_runs(self._runs)
            self.keptRuns.emit(len(self._runs))
            self.keep_button.setEnabled(False)
            self._show_status(self.tr("Kept %d runs: see the Runs dock") % len(self._runs))

    def _on_setting_chosen(self) -> None:
        self.values.setText(DEFAULT_VALUES[self.setting.currentData()])
        self.values.setToolTip(self._values_tip())

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(PROGRESS_STEPS * done / max(total, 1)))

    def _on_finished(self, runs: list[KeptRun], complete: bool) -> None:
        self._show_running(False)
        self._show_runs(self._named(runs))
        if complete:
            self.progress.setValue(PROGRESS_STEPS)
            self._show_status(self.tr("Done: %d runs") % len(runs))
        else:
            self._show_status(self.tr("Cancelled: %d runs finished") % len(runs))

    def _named(self, runs: list[KeptRun]) -> list[KeptRun]:
        """The runs named in the interface language: ``learning rate = 0.5`` (they come in
        the plan's order, the finished ones first)."""
        plan = self._plan
        label = run_texts.setting_label(plan.setting)
        return [
            run.renamed(f"{label} = {value_text(value)}")
            for run, value in zip(runs, plan.values, strict=False)
        ]

    def _on_failed(self, error: Exception) -> None:
        self._show_running(False)
        self._show_status(model_message(error), error=True)

    # showing --------------------------------------------------------------------------------
    def _show_runs(self, runs: list[KeptRun]) -> None:
        self._runs = list(runs)
        item = self.plot.plotItem
        item.clear()
        self.legend.clear()
        for index, run in enumerate(runs):
            xs, ys = peak_envelope(*run.curve_points(), columns=ENVELOPE_COLUMNS)
            item.plot(xs, ys, pen=run_pen(index), name=run.name)
        item.enableAutoRange()
        self.results.show_runs(runs)
        self.keep_button.setEnabled(bool(runs))

    def _show_running(self, running: bool) -> None:
        for control in (self.setting, self.values, self.epochs, self.run_button):
            control.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running or self.progress.value() > 0)

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "")

    def done(self, result: int) -> None:
        """Closing stops the work: its runs would arrive in a dialog that is gone."""
        self.job.cancel()
        super().done(result)

    def closeEvent(self, event) -> None:
        self.job.cancel()
        super().closeEvent(event)
