"""Compare runs, wired to one main window: "Keep this run" (``actionKeepRun``) and
"Experiment…" (``actionExperiment``) in the Training menu, the Runs dock (``runsPanel``,
behind the walkthrough's tab), and the ticked runs drawn on the Loss plot."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QWidget

from bpstudio.views.runs.run_overlay import RunOverlay
from bpstudio.views.widgets.actions import describe, make_action

if TYPE_CHECKING:
    from bpstudio.controller.document import Document
    from bpstudio.controller.training_controller import TrainingController
    from bpstudio.views.runs.experiment_dialog import ExperimentDialog
    from bpstudio.views.runs.runs_panel import RunsPanel
    from bpstudio.views.training.loss_plot import LossPlotWidget
    from bpstudio.views.window.dock_host import DockHost
    from bpstudio.views.window.startup_stages import StartupStages

KEEP_SHORTCUT = "Ctrl+K"
EXPERIMENT_SHORTCUT = "Ctrl+Shift+K"


class RunsDocks(QObject):
    statusMessage = Signal(str)  # why an edit was refused

    def __init__(
        self,
        document: Document,
        controller: TrainingController,
        loss_plot: LossPlotWidget,
        docks: DockHost,
        start: StartupStages,
        training_menu: QMenu,
        parent: QWidget,
    ) -> None:
        """``loss_plot`` draws the ticked runs; ``training_menu`` gets "Keep this run" and
        "Experiment…"; ``parent`` (the window) owns the actions and the dialogs."""
        super().__init__(parent)
        self._document = document
        self._controller = controller
        self._loss_plot = loss_plot
        self._docks = docks
        self._start = start
        self._parent = parent
        self._panel: RunsPanel | None = None
        self._overlay: RunOverlay | None = None
        self._dialog: ExperimentDialog | None = None
        self.keep = make_action(
            parent, "", "", self.ask_and_keep, name="actionKeepRun", shortcut=KEEP_SHORTCUT
        )
        self.experiment = make_action(
            parent, "", "", self.show_experiment, name="actionExperiment",
            shortcut=EXPERIMENT_SHORTCUT,
        )  # fmt: skip
        training_menu.addSeparator()
        training_menu.addAction(self.keep)
        training_menu.addAction(self.experiment)
        docks.add(None, "runsPanel", lambda: self.tr("Runs"), Qt.DockWidgetArea.RightDockWidgetArea)
        # Beside the walkthrough's tabs (no new tab bar: the window still fits 800x600), and
        # so across from the Loss plot that draws the ticked runs.
        docks.tabify("derivationPanel", "runsPanel")
        docks.raise_("derivationPanel")
        start.later(self._build_contents)  # behind a tab at start
        controller.runningChanged.connect(self._on_running_changed)
        self.retranslate()

    def _build_contents(self) -> None:
        from bpstudio.views.runs.runs_panel import RunsPanel

        self._panel = RunsPanel(self._document, self.keep, self.experiment)
        self._panel.setObjectName("runsPanelWidget")
        self._panel.message.connect(self.statusMessage)
        self._panel.set_training(self._controller.is_running)
        self._docks.docks["runsPanel"].setWidget(self._panel)
        self._overlay = RunOverlay(self._loss_plot, self)
        self._panel.model.overlaidChanged.connect(self._on_overlaid_changed)

    @property
    def panel(self) -> RunsPanel:
        self._start.finish()
        return self._panel

    @property
    def overlay(self) -> RunOverlay:
        self._start.finish()
        return self._overlay

    def retranslate(self) -> None:
        self.keep.setText(self.tr("&Keep this run…"))
        describe(
            self.keep,
            self.tr(
                "Keep this run's settings, starting weights and loss curve "
                "under a name, to compare and restore"
            ),
        )
        self.experiment.setText(self.tr("E&xperiment…"))
        describe(
            self.experiment,
            self.tr("Train one run per value of a setting and compare their losses"),
        )
        if self._overlay is not None:
            self._overlay.retranslate()

    # actions ----------------------------------------------------------------------------------
    def default_name(self) -> str:
        """``Run 3: tanh, η 0.5, 200 epochs``: which run, and what a student varies most."""
        project = self._document.project
        network = project.network
        hidden = network.activations[0] if network.n_layers > 2 else network.output_activation
        return self.tr("Run %d: %s, η %s, %d epochs") % (
            len(project.runs) + 1,
            hidden,
            f"{project.training.learning_rate:g}",
            len(project.history.epochs),
        )

    def ask_and_keep(self) -> None:
        name, ok = QInputDialog.getText(
            self._parent,
            self.tr("Keep this run"),
            self.tr("Name of the run:"),
            QLineEdit.EchoMode.Normal,
            self.default_name(),
        )
        if ok and name.strip():
            self.keep_run(name.strip())

    def keep_run(self, name: str) -> None:
        self._document.keep_run(name)
        self._show_dock()

    def show_experiment(self) -> ExperimentDialog:
        if self._dialog is None:
            from bpstudio.views.runs.experiment_dialog import ExperimentDialog

            self._dialog = ExperimentDialog(self._document, self._parent)
            self._dialog.keptRuns.connect(lambda _n: self._show_dock())
        if self._dialog.isVisible():  # open behind the window: bring it to the front
            self._dialog.raise_()
            self._dialog.activateWindow()
        self._dialog.show()
        return self._dialog

    def shutdown(self) -> None:
        if self._dialog is not None:
            self._dialog.job.shutdown()

    def _show_dock(self) -> None:
        dock = self._docks.docks["runsPanel"]
        dock.show()
        dock.raise_()

    def _on_running_changed(self, running: bool) -> None:
        """The document lags behind a run under way: keep and restore wait for a pause."""
        self.keep.setEnabled(not running)
        if self._panel is not None:
            self._panel.set_training(running)

    def _on_overlaid_changed(self) -> None:
        self._overlay.show_runs(self._panel.model.overlaid_runs())
