"""The docks that make the network learn: training controls, the live loss plot, and the
step-by-step walkthrough, showing the workspace's training session and walkthrough cursor."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from bpstudio.controller.workspace import Workspace
from bpstudio.views.training.loss_plot import LossPlotWidget
from bpstudio.views.training.training_panel import TrainingPanel
from bpstudio.views.walkthrough.derivation_panel import DerivationPanel
from bpstudio.views.widgets.language import derivation_language, model_message, switcher
from bpstudio.views.window.dock_host import DockHost

Area = Qt.DockWidgetArea


class LearningDocks(QObject):
    """The training panel, the loss plot and the walkthrough card, in their docks."""

    statusMessage = Signal(str)  # for a few seconds
    lastingMessage = Signal(str)  # until the next one (why training stopped)

    def __init__(
        self,
        workspace: Workspace,
        docks: DockHost,
        first_frame: SignalInstance,
        parent: QWidget,
    ) -> None:
        """``first_frame``: the window's signal that its first frame is on screen (the
        walkthrough typesets its first formula then: typesetting's first use imports
        ziamath, a few hundred ms).  ``parent``: the window, for the boxes this shows."""
        super().__init__(parent)
        self._parent = parent
        self._workspace = workspace
        self.training_panel = TrainingPanel(workspace.controller)
        self.training_panel.setObjectName("trainingPanelWidget")
        self.loss_plot = LossPlotWidget()
        self.loss_plot.setObjectName("lossPlotWidget")
        self.derivation_panel = DerivationPanel(
            workspace.cursor,
            workspace.document,
            first_step_after=first_frame,
            practice=workspace.practice,
        )
        self._divergence_box: QMessageBox | None = None
        self._add_docks(docks)
        self._connect()
        self._on_document_reset()

    def _add_docks(self, docks: DockHost) -> None:
        docks.add(
            self.derivation_panel,
            "derivationPanel",
            lambda: self.tr("Walkthrough"),
            Area.RightDockWidgetArea,
        )
        docks.add(
            self.training_panel,
            "trainingPanel",
            lambda: self.tr("Training"),
            Area.BottomDockWidgetArea,
        )
        docks.add(self.loss_plot, "lossPlot", lambda: self.tr("Loss"), Area.BottomDockWidgetArea)
        docks.tabify("weightTables", "derivationPanel")
        docks.raise_("derivationPanel")
        docks.split("trainingPanel", "lossPlot", Qt.Orientation.Horizontal)

    def _connect(self) -> None:
        controller = self._workspace.controller
        document = self._workspace.document
        controller.snapshotReady.connect(self.loss_plot.append_snapshot)
        controller.diverged.connect(self._on_diverged)
        controller.runningChanged.connect(self.derivation_panel.set_training)
        controller.stopped.connect(self.statusMessage)
        self._workspace.cursor.notice.connect(self.statusMessage)
        controller.failed.connect(self._on_failed)
        self.training_panel.configEdited.connect(document.set_training_config)
        self.training_panel.lossEdited.connect(document.set_loss)
        document.fileStateChanged.connect(self._on_document_reset)
        document.projectOpened.connect(self.training_panel.clear_status)
        document.changed.connect(self._on_document_changed)

    @Slot()
    def _on_document_changed(self) -> None:
        if not self._workspace.controller.is_running:
            self.training_panel.set_project(self._workspace.document.project)

    @Slot()
    def _on_document_reset(self) -> None:
        """A file opened or a new project: the plot shows its saved history."""
        document = self._workspace.document
        if document.undo_stack.count() == 0:
            self.loss_plot.set_history(document.project.history)
        self.training_panel.set_project(document.project)

    @Slot(str)
    def _on_diverged(self, message: str) -> None:
        """Non-modal: the student reads it, lowers the learning rate, and carries on."""
        message = model_message(message)
        self.lastingMessage.emit(message)
        if self._divergence_box is None:
            self._divergence_box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Training stopped"),
                "",
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
            self._divergence_box.setObjectName("divergenceMessage")
            self._divergence_box.setWindowModality(Qt.WindowModality.NonModal)
        self._divergence_box.setText(message)
        self._divergence_box.show()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.lastingMessage.emit(self.tr("Training failed: %s") % message)
        QMessageBox.critical(self._parent, self.tr("Training failed"), message)

    def retranslate(self) -> None:
        """The derivation is text too: rebuild it in the new language, at the same step."""
        self._workspace.cursor.set_language(derivation_language(switcher().language))
        if self._divergence_box is not None:
            self._divergence_box.setWindowTitle(self.tr("Training stopped"))
