"""Compare runs, wired to one main window: "Keep this run" (``actionKeepRun``) and
"Experiment…" (``actionExperiment``) in the Training menu, the Runs dock (``runsPanel``,
behind the walkthrough's tab), and the ticked runs drawn on the Loss plot."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit

from bpstudio.views.runs.run_overlay import RunOverlay
from bpstudio.views.widgets.actions import describe, make_action

if TYPE_CHECKING:
    from bpstudio.views.runs.experiment_dialog import ExperimentDialog
    from bpstudio.views.runs.runs_panel import RunsPanel
    from bpstudio.views.window.main_window import MainWindow

KEEP_SHORTCUT = "Ctrl+K"
EXPERIMENT_SHORTCUT = "Ctrl+Shift+K"


class RunsDocks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._panel: RunsPanel | None = None
        self._overlay: RunOverlay | None = None
        self._dialog: ExperimentDialog | None = None
        self.keep = make_action(
            window, "", "", self.ask_and_keep, name="actionKeepRun", shortcut=KEEP_SHORTCUT
        )
        self.experiment = make_action(
            window,
            "",
            "",
            self.show_experiment,
            name="actionExperiment",
            shortcut=EXPERIMENT_SHORTCUT,
        )
        menu = window.menus.learning_menus.training
        menu.addSeparator()
        menu.addAction(self.keep)
        menu.addAction(self.experiment)
        dock = window.add_dock(
            None, "runsPanel", lambda: self.tr("Runs"), Qt.DockWidgetArea.RightDockWidgetArea
        )
        # Beside the walkthrough's tabs (no new tab bar: the window still fits 800x600), and
        # so across from the Loss plot that draws the ticked runs.
        window.tabifyDockWidget(window.docks["derivationPanel"], dock)
        window.docks["derivationPanel"].raise_()
        window.build_after_first_frame(self._build_contents)  # behind a tab at start
        window.learning.session.controller.runningChanged.connect(self._on_running_changed)
        self.retranslate()

    def _build_contents(self) -> None:
        from bpstudio.views.runs.runs_panel import RunsPanel

        w = self._window
        self._panel = RunsPanel(w.document, self.keep, self.experiment)
        self._panel.setObjectName("runsPanelWidget")
        self._panel.message.connect(w.show_status)
        self._panel.set_training(w.learning.session.controller.is_running)
        w.docks["runsPanel"].setWidget(self._panel)
        self._overlay = RunOverlay(w.learning.loss_plot, self)
        self._panel.model.overlaidChanged.connect(self._on_overlaid_changed)

    @property
    def panel(self) -> RunsPanel:
        self._window.finish_startup()
        return self._panel

    @property
    def overlay(self) -> RunOverlay:
        self._window.finish_startup()
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
        project = self._window.document.project
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
            self._window,
            self.tr("Keep this run"),
            self.tr("Name of the run:"),
            QLineEdit.EchoMode.Normal,
            self.default_name(),
        )
        if ok and name.strip():
            self.keep_run(name.strip())

    def keep_run(self, name: str) -> None:
        self._window.document.keep_run(name)
        self._show_dock()

    def show_experiment(self) -> ExperimentDialog:
        if self._dialog is None:
            from bpstudio.views.runs.experiment_dialog import ExperimentDialog

            self._dialog = ExperimentDialog(self._window.document, self._window)
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
        dock = self._window.docks["runsPanel"]
        dock.show()
        dock.raise_()

    def _on_running_changed(self, running: bool) -> None:
        """The document lags behind a run under way: keep and restore wait for a pause."""
        self.keep.setEnabled(not running)
        if self._panel is not None:
            self._panel.set_training(running)

    def _on_overlaid_changed(self) -> None:
        self._overlay.show_runs(self._panel.model.overlaid_runs())
