"""The data docks of the main window: the data table (``datasetTable``), the decision
boundary (``decisionBoundary``), the Data menu, and the test loss / accuracy readouts, wired
to the document and the training session (as learning_docks.py wires the training docks).

Both docks start behind the walkthrough's tab.  The data table is built at once (its width
sets the width of the docks' column in the first frame); the decision boundary and the
readouts (hidden until training measures something) are built just after the first frame,
or when the properties below are asked for them before that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMenu, QMenuBar, QMessageBox, QWidget

from bpstudio.model.data.registry import get_builtin
from bpstudio.views.data.data_panel import DataPanel
from bpstudio.views.widgets.actions import describe, make_action
from bpstudio.views.widgets.language import model_message

if TYPE_CHECKING:
    from bpstudio.controller.document import Document
    from bpstudio.controller.training_controller import TrainingController
    from bpstudio.model.data.dataset import Dataset
    from bpstudio.views.data.csv_import_dialog import CsvImportDialog
    from bpstudio.views.data.decision_boundary import DecisionBoundaryWidget
    from bpstudio.views.training.held_out_curve import AccuracyReadout, HeldOutLossCurve
    from bpstudio.views.window.dock_host import DockHost
    from bpstudio.views.window.learning_docks import LearningDocks
    from bpstudio.views.window.startup_stages import StartupStages

Area = Qt.DockWidgetArea
Button = QMessageBox.StandardButton


class DataDocks(QObject):
    statusMessage = Signal(str)

    def __init__(
        self,
        document: Document,
        controller: TrainingController,
        learning: LearningDocks,
        docks: DockHost,
        start: StartupStages,
        menu_bar: QMenuBar,
        help_menu: QMenu,
        parent: QWidget,
    ) -> None:
        """``learning``: the training docks, whose loss plot gets the test-loss curve and
        whose training panel the accuracy readout.  The Data menu goes before ``help_menu``
        in ``menu_bar``.  ``parent``: the window, for the dialogs and boxes this shows."""
        super().__init__(parent)
        self._parent = parent
        self._start = start
        self._docks = docks
        self._controller = controller
        self._learning = learning
        self.document = document
        self.data_panel = DataPanel(self.document)
        self.data_panel.setObjectName("dataPanelWidget")
        self._boundary: DecisionBoundaryWidget | None = None
        self._test_curve: HeldOutLossCurve | None = None
        self._accuracy: AccuracyReadout | None = None
        self._add_docks()
        self.menu = self._build_menu(menu_bar, help_menu)
        self._connect()
        start.later(self._build_contents)

    # the contents built after the first frame -----------------------------------------------
    @property
    def boundary(self) -> DecisionBoundaryWidget:
        self._start.finish()
        return self._boundary

    @property
    def test_curve(self) -> HeldOutLossCurve:
        self._start.finish()
        return self._test_curve

    @property
    def accuracy(self) -> AccuracyReadout:
        self._start.finish()
        return self._accuracy

    def _build_contents(self) -> None:
        from bpstudio.views.data.decision_boundary import DecisionBoundaryWidget
        from bpstudio.views.training.held_out_curve import AccuracyReadout, HeldOutLossCurve

        learning = self._learning
        self._boundary = DecisionBoundaryWidget(self.document)
        self._boundary.setObjectName("decisionBoundaryWidget")
        self._test_curve = HeldOutLossCurve(learning.loss_plot, self)
        self._accuracy = AccuracyReadout()
        self._accuracy.setObjectName("accuracyReadout")
        self._accuracy.setVisible(False)
        # Under the training panel's readout, without changing that panel's own layout code.
        learning.training_panel.layout().addWidget(self._accuracy, 99, 0, 1, 4)
        self._docks.docks["decisionBoundary"].setWidget(self._boundary)
        controller = self._controller
        controller.snapshotReady.connect(self._test_curve.append_snapshot)
        controller.snapshotReady.connect(self._accuracy.show_snapshot)

    def _add_docks(self) -> None:
        docks = self._docks
        # Titles as functions: the window calls them again when the language changes.
        docks.add(
            self.data_panel, "datasetTable", lambda: self.tr("Data"), Area.RightDockWidgetArea
        )
        boundary_title = lambda: self.tr("Decision boundary")  # noqa: E731
        docks.add(None, "decisionBoundary", boundary_title, Area.RightDockWidgetArea)
        docks.tabify("weightTables", "datasetTable")
        docks.tabify("weightTables", "decisionBoundary")
        docks.raise_("derivationPanel")

    def retranslate(self) -> None:
        """Texts of this helper's own (the menu, its actions, the legend); the docks' widgets
        re-set theirs on LanguageChange.  The window calls this on a language switch."""
        self.menu.setTitle(self.tr("&Data"))
        actions = self._actions
        for name, text, tip in (
            ("actionImportCsv", self.tr("&Import CSV…"),
             self.tr("Replace the data by a CSV file's columns")),
            ("actionExportDataCsv", self.tr("&Export data CSV…"),
             self.tr("Save the data (raw values) as CSV")),
            ("actionExportWeightsCsv", self.tr("Export &weights CSV…"),
             self.tr("Save every weight and bias as CSV")),
            ("actionRegenerateData", self.tr("Regenerate"),
             self.tr("Replace the data by the chosen built-in set")),
        ):  # fmt: skip
            actions[name].setText(text)
            describe(actions[name], tip)
        if self._test_curve is not None:  # built: its legend is text too
            self._test_curve.retranslate()

    def _build_menu(self, menu_bar: QMenuBar, help_menu: QMenu) -> QMenu:
        menu = QMenu(self._parent)
        menu.setObjectName("menuData")
        menu.setToolTipsVisible(True)
        self._actions = {}
        for slot, name in (
            (self.import_csv, "actionImportCsv"),
            (self._on_export_data, "actionExportDataCsv"),
            (self._on_export_weights, "actionExportWeightsCsv"),
            (self._on_regenerate_menu, "actionRegenerateData"),
        ):
            if name == "actionRegenerateData":
                menu.addSeparator()
            action = make_action(
                self._parent, "", "", lambda _checked=False, s=slot: s(), name=name
            )
            self._actions[name] = action
            menu.addAction(action)
        menu_bar.insertMenu(help_menu.menuAction(), menu)
        self.menu = menu
        self.retranslate()
        return menu

    def _connect(self) -> None:
        controls = self.data_panel.controls
        controls.regenerateRequested.connect(self._on_regenerate_requested)
        controls.splitEdited.connect(self.document.set_split)
        controls.standardiseToggled.connect(self.document.set_standardise)
        self.document.projectOpened.connect(controls.clear_builtin_choice)
        self.data_panel.statusMessage.connect(self.statusMessage)

    # replacing the data ---------------------------------------------------------------------
    def offer_replacement(self, dataset: Dataset, text) -> bool:
        """Replace the data; when its shape differs, ask to resize the input/output layers
        (replacement and resize are then one undo command).  False when the user declines."""
        resize = not self.document.data_fits(dataset)
        if resize and not self._confirm_resize(dataset.n_inputs, dataset.n_targets):
            return False
        try:
            self.document.replace_dataset(dataset, text, resize=resize)
        except ValueError as exc:  # labels the loss cannot use (the message names the row)
            QMessageBox.warning(self._parent, self.tr("Cannot use these data"), model_message(exc))
            return False
        return True

    def _confirm_resize(self, n_inputs: int, n_targets: int) -> bool:
        net = self.document.project.network
        question = self.tr(
            "The data has %d input(s) and %d target(s); the network has %d input(s) and %d "
            "output(s). Resize the input and output layers to fit? (Undo puts everything back.)"
        ) % (n_inputs, n_targets, net.n_inputs, net.n_outputs)
        answer = QMessageBox.question(self._parent, self.tr("Resize the network?"), question)
        return answer == Button.Yes

    @Slot(str, int, float, int)
    def _on_regenerate_requested(self, name: str, count: int, noise: float, seed: int) -> None:
        net = self.document.project.network
        shape = get_builtin(name).shape
        resize = shape != (net.n_inputs, net.n_outputs)
        if resize and not self._confirm_resize(*shape):
            return
        try:
            self.document.regenerate_builtin(name, count, noise, seed, resize=resize)
        except ValueError as exc:  # e.g. regression targets for a cross-entropy network
            QMessageBox.warning(self._parent, self.tr("Cannot use these data"), model_message(exc))

    def _on_regenerate_menu(self) -> None:
        self.data_panel.controls.regenerate_button.click()

    def import_csv(self, path: str | None = None) -> CsvImportDialog:
        """Open the import dialog (on ``path`` if given); on OK the data are replaced."""
        from bpstudio.views.data.csv_import_dialog import CsvImportDialog

        dialog = CsvImportDialog(self._parent)
        if path:
            dialog.open_path(path)
        dialog.accepted.connect(lambda: self._on_import_accepted(dialog))
        dialog.open()
        return dialog

    def _on_import_accepted(self, dialog: CsvImportDialog) -> None:
        imported = dialog.result_data
        if imported is None:
            return
        project = self.document.project
        try:
            imported.check_labels(project.loss, project.network.output_activation)
        except ValueError as exc:  # names the file's row, as the dialog's other errors do
            QMessageBox.warning(self._parent, self.tr("Cannot use these data"), model_message(exc))
            return
        old = project.dataset
        dataset = imported.dataset.with_settings(
            test_fraction=old.test_fraction, split_seed=old.split_seed, standardise=old.standardise
        )
        name = dialog.path_edit.text().rsplit("/", 1)[-1]
        self.offer_replacement(dataset, lambda: self.tr("Import %s") % name)

    # export ---------------------------------------------------------------------------------
    def _save_path(self, title: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self._parent, title, "", "CSV (*.csv)")
        return path

    def _on_export_data(self) -> None:
        from bpstudio.model.data.csv_io import dataset_csv

        path = self._save_path(self.tr("Export data"))
        if path:
            self._write(dataset_csv(self.document.project.dataset), path)

    def _on_export_weights(self) -> None:
        from bpstudio.model.data.csv_io import weights_csv

        path = self._save_path(self.tr("Export weights"))
        if path:
            self._write(weights_csv(self.document.project.network), path)

    def _write(self, text: str, path: str) -> None:
        from bpstudio.model.safe_files import FileWriteError, write_file

        source = self.document.file_path  # the open project is never replaced
        try:
            write_file(path, text, source=source)
        except FileWriteError as exc:
            QMessageBox.warning(self._parent, self.tr("Export failed"), model_message(exc))
            return
        self.statusMessage.emit(self.tr("Wrote %s") % path)
