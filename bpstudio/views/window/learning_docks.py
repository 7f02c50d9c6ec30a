"""The docks that make the network learn: training controls, the live loss plot, and the
step-by-step walkthrough, wired to the window's document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox

from bpstudio.controller.practice import PracticeSession
from bpstudio.controller.training_pace import DEFAULT_STEPS_PER_SECOND
from bpstudio.controller.training_session import TrainingSession
from bpstudio.controller.walkthrough import WalkthroughCursor
from bpstudio.model.derivation import derive_project
from bpstudio.views.training.loss_plot import LossPlotWidget
from bpstudio.views.training.training_panel import TrainingPanel
from bpstudio.views.walkthrough.derivation_panel import DerivationPanel
from bpstudio.views.walkthrough.walkthrough_bar import detail_options
from bpstudio.views.widgets.language import derivation_language, model_message, switcher

if TYPE_CHECKING:
    from bpstudio.views.window.main_window import MainWindow

Area = Qt.DockWidgetArea


def build_derivation(
    project,
    sample: int | None,
    digits: int,
    lang: str,
    expanded: bool = True,
    row: int = 0,
    jacobian: bool = False,
):
    """The trainer's next step (``sample`` None; 一–六 for ``row`` of its batch), or a sample."""
    return derive_project(
        project, sample, row=row, digits=digits, lang=lang, expanded=expanded, jacobian=jacobian
    )


class LearningDocks(QObject):
    """Owns the training session and the walkthrough cursor of one main window."""

    def __init__(self, window: MainWindow, lang: str | None = None) -> None:
        super().__init__(window)
        self._window = window
        document = window.document
        self.session = TrainingSession(document, self)
        controller = self.session.controller
        controller.set_record_gradients(True)
        controller.set_speed(DEFAULT_STEPS_PER_SECOND)  # a pace to watch; flat out is a click
        self.training_panel = TrainingPanel(controller)
        self.training_panel.setObjectName("trainingPanelWidget")
        self.loss_plot = LossPlotWidget()
        self.loss_plot.setObjectName("lossPlotWidget")
        lang = lang or derivation_language(switcher().language)
        options = detail_options()
        self.cursor = WalkthroughCursor(
            document, build_derivation, lang=lang, parent=self, options=options
        )
        self.practice = PracticeSession(document, self.cursor, self)
        # Its first formula waits for the window's first frame (typesetting's first use
        # imports ziamath, a few hundred ms).
        self.derivation_panel = DerivationPanel(
            self.cursor, document, first_step_after=window.firstFrameShown, practice=self.practice
        )
        self._divergence_box: QMessageBox | None = None
        self._add_docks()
        self._connect()
        self._on_document_reset()

    def _add_docks(self) -> None:
        w = self._window
        w.add_dock(
            self.derivation_panel,
            "derivationPanel",
            lambda: self.tr("Walkthrough"),
            Area.RightDockWidgetArea,
        )
        w.add_dock(
            self.training_panel,
            "trainingPanel",
            lambda: self.tr("Training"),
            Area.BottomDockWidgetArea,
        )
        w.add_dock(self.loss_plot, "lossPlot", lambda: self.tr("Loss"), Area.BottomDockWidgetArea)
        w.tabifyDockWidget(w.docks["weightTables"], w.docks["derivationPanel"])
        w.docks["derivationPanel"].raise_()
        w.splitDockWidget(w.docks["trainingPanel"], w.docks["lossPlot"], Qt.Orientation.Horizontal)

    def _connect(self) -> None:
        controller = self.session.controller
        document = self._window.document
        controller.snapshotReady.connect(self.loss_plot.append_snapshot)
        self.session.snapshotApplied.connect(self._on_snapshot_applied)
        controller.diverged.connect(self._on_diverged)
        controller.runningChanged.connect(self._on_running_changed)
        controller.stopped.connect(self._window.show_status)
        self.cursor.notice.connect(self._window.show_status)
        controller.failed.connect(self._on_failed)
        self.training_panel.configEdited.connect(document.set_training_config)
        self.training_panel.lossEdited.connect(document.set_loss)
        document.fileStateChanged.connect(self._on_document_reset)
        document.projectOpened.connect(self.training_panel.clear_status)
        document.changed.connect(self._on_document_changed)

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        self.cursor.set_suspended(running)
        self.derivation_panel.set_training(running)

    @Slot(object)
    def _on_snapshot_applied(self, snapshot) -> None:
        """While training runs the diagram and tables follow the trained weights; once it
        stops, the session has put them into the document as one undo step."""
        live = snapshot.to_network() if snapshot.running else None
        self._window.document.set_live_network(live, snapshot.batch_gradients)

    @Slot()
    def _on_document_changed(self) -> None:
        if not self.session.controller.is_running:
            self.training_panel.set_project(self._window.document.project)

    @Slot()
    def _on_document_reset(self) -> None:
        """A file opened or a new project: the plot shows its saved history."""
        project = self._window.document.project
        if self._window.document.undo_stack.count() == 0:
            self.loss_plot.set_history(project.history)
        self.training_panel.set_project(project)

    @Slot(str)
    def _on_diverged(self, message: str) -> None:
        """Non-modal: the student reads it, lowers the learning rate, and carries on."""
        w = self._window
        message = model_message(message)
        w.statusBar().showMessage(message)
        if self._divergence_box is None:
            self._divergence_box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Training stopped"),
                "",
                QMessageBox.StandardButton.Ok,
                w,
            )
            self._divergence_box.setObjectName("divergenceMessage")
            self._divergence_box.setWindowModality(Qt.WindowModality.NonModal)
        self._divergence_box.setText(message)
        self._divergence_box.show()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        w = self._window
        w.statusBar().showMessage(self.tr("Training failed: %s") % message)
        QMessageBox.critical(w, self.tr("Training failed"), message)

    def retranslate(self) -> None:
        """The derivation is text too: rebuild it in the new language, at the same step."""
        self.cursor.set_language(derivation_language(switcher().language))
        if self._divergence_box is not None:
            self._divergence_box.setWindowTitle(self.tr("Training stopped"))

    def shutdown(self) -> None:
        self.cursor.set_autoplay(False)
        self.session.shutdown()
