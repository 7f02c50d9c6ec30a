"""The main window: the diagram in the middle, docks around it, menus, toolbar, status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from bpstudio.controller.document import Document
from bpstudio.views.data_docks import DataDocks
from bpstudio.views.diagram import NetworkDiagramView
from bpstudio.views.language import Retranslating
from bpstudio.views.learning_docks import LearningDocks
from bpstudio.views.weight_tables import WeightTablesPanel
from bpstudio.views.window_files import WindowFiles
from bpstudio.views.window_menus import build_menus

STATUS_TIMEOUT_MS = 5000
DEFAULT_SIZE = (1440, 900)
DOCK_WIDTH = 470  # the walkthrough's formulas need the room; tables fit easily
BOTTOM_DOCK_HEIGHT = 220
# Bump when the set or arrangement of docks changes: a layout saved by an older version
# would otherwise put new docks in odd places, so it is ignored once.
LAYOUT_VERSION = 2


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, document: Document | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.document = document if document is not None else Document(parent=self)
        self.files = WindowFiles(self, self.document)
        self.diagram = NetworkDiagramView(self.document)
        self.diagram.setObjectName("networkDiagram")
        self.setCentralWidget(self.diagram)
        self.weight_tables = WeightTablesPanel(self.document)
        self.docks: dict[str, QDockWidget] = {}
        self._dock_titles: dict[str, Callable[[], str]] = {}
        self.add_dock(
            self.weight_tables,
            "weightTables",
            lambda: self.tr("Weights"),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.menus = build_menus(self)
        self.learning = LearningDocks(self)
        self.menus.add_learning_menus(self.learning)
        self.data = DataDocks(self)
        self.resize(*DEFAULT_SIZE)
        # Wide enough for a 2-column table without scrolling; restore_layout may override it.
        self.resizeDocks([self.docks["weightTables"]], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        bottom = [self.docks["trainingPanel"], self.docks["lossPlot"]]
        self.resizeDocks(bottom, [BOTTOM_DOCK_HEIGHT] * 2, Qt.Orientation.Vertical)
        self._connect()
        self._on_file_state_changed()
        self.statusBar().showMessage(self.tr("Ready"), STATUS_TIMEOUT_MS)

    # language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Texts owned by the window itself and by its non-widget helpers; widgets (docks'
        contents, menus) get the same LanguageChange event and re-set their own."""
        for name, dock in self.docks.items():
            self._show_dock_title(dock, self._dock_titles[name]())
        self.menus.retranslate()
        self.learning.retranslate()
        self.data.retranslate()
        self._on_file_state_changed()
        self.statusBar().clearMessage()  # a message in the old language would linger

    def _connect(self) -> None:
        self.document.fileStateChanged.connect(self._on_file_state_changed)
        self.document.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self.files.statusMessage.connect(self.show_status)
        self.weight_tables.statusMessage.connect(self.show_status)

    # docks ------------------------------------------------------------------------------
    def add_dock(
        self,
        widget: QWidget,
        object_name: str,
        title: str | Callable[[], str],
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        """Put ``widget`` in a dock named ``object_name`` (the name QSettings restores it by);
        its show/hide action joins the View menu.  ``title`` is best a function returning the
        translated title (``lambda: self.tr("Data")``), so that it follows a language switch;
        a plain English text is looked up in the "MainWindow" context instead."""
        if isinstance(title, str):
            source = title
            title = lambda: QCoreApplication.translate("MainWindow", source)  # noqa: E731
        dock = QDockWidget(self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[object_name] = dock
        self._dock_titles[object_name] = title
        self._show_dock_title(dock, title())
        if hasattr(self, "menus"):  # docks added after construction join the View menu too
            self.menus.add_dock_toggle(dock.toggleViewAction())
        return dock

    def _show_dock_title(self, dock: QDockWidget, title: str) -> None:
        dock.setWindowTitle(title)
        dock.toggleViewAction().setToolTip(self.tr("Show or hide the %s panel") % title)

    # status and title -------------------------------------------------------------------
    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def _on_file_state_changed(self) -> None:
        self.setWindowTitle(self.tr("%s[*] — BP Studio") % self.document.display_name())
        self.setWindowModified(self.document.is_modified())

    def _on_undo_index_changed(self, _index: int) -> None:
        stack = self.document.undo_stack
        if stack.canUndo():
            self.show_status(stack.undoText())

    # settings ---------------------------------------------------------------------------
    def restore_layout(self) -> None:
        """Window geometry and dock layout as the user left them (call after all docks exist)."""
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        state = settings.value("mainWindow/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state, LAYOUT_VERSION)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState(LAYOUT_VERSION))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_keep_changes():
            event.ignore()
            return
        self.save_layout()
        self.learning.shutdown()
        event.accept()
