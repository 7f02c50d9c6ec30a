"""The main window: the diagram in the middle, docks around it, menus, toolbar, status bar.

It shows a `Workspace` (bpstudio/controller/workspace.py: the document, its training session,
walkthrough and practice) that the app built and handed to it; it never makes one.  Each
feature's helper gets the workspace parts it shows and the window's parts it attaches to
(the docks, the menus, the start's two stages), not the window.

The window starts in two parts (startup_stages.py).  Everything the first frame shows is built
in the constructor: the diagram, the menus, the toolbar, every dock (with its name, so a saved
layout restores) and the contents of the docks on screen.  The contents of the docks that start
hidden behind another tab (the weight tables, the decision boundary; not the data table, whose
width sets the docks' column) are built just after the first frame is on screen
(`firstFrameShown`), or at once when anything asks for them before that (`finish_startup`,
called by the properties that hand them out).  The walkthrough typesets its first formula after
the first frame too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from bpstudio.controller.workspace import Workspace
from bpstudio.views.data.data_docks import DataDocks
from bpstudio.views.diagram import NetworkDiagramView
from bpstudio.views.insight.insight_docks import InsightDocks
from bpstudio.views.runs.runs_docks import RunsDocks
from bpstudio.views.walkthrough.notation_menu import show_notation
from bpstudio.views.weights.weights_dock import WeightsDock
from bpstudio.views.widgets.language import Retranslating
from bpstudio.views.window.dock_host import DockHost
from bpstudio.views.window.learning_docks import LearningDocks
from bpstudio.views.window.learning_menus import LearningMenus
from bpstudio.views.window.startup_stages import StartupStages
from bpstudio.views.window.window_files import WindowFiles
from bpstudio.views.window.window_geometry import place_first_window
from bpstudio.views.window.window_menus import WindowMenus

if TYPE_CHECKING:  # built after the first frame: imported then (weights_dock.py)
    from bpstudio.views.weights.weight_tables import WeightTablesPanel

STATUS_TIMEOUT_MS = 5000
DOCK_WIDTH = 470  # the walkthrough's formulas need the room; tables fit easily
BOTTOM_DOCK_HEIGHT = 220
# Bump when the set or arrangement of docks changes: a layout saved by an older version
# would otherwise put new docks in odd places, so it is ignored once.
LAYOUT_VERSION = 3


class MainWindow(Retranslating, QMainWindow):
    # Once, just after the window's first frame is on screen (the start's deferred part is
    # built by then: see finish_startup).
    firstFrameShown = Signal()
    # Once, when the contents of the docks left for after the first frame exist.
    startupFinished = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        if workspace.parent() is None:
            workspace.setParent(self)  # it lives as long as the window that shows it
        self.workspace = workspace
        self.document = workspace.document
        self.start = StartupStages(self)
        self.start.firstFrameShown.connect(self.firstFrameShown)
        self.start.startupFinished.connect(self.startupFinished)
        self.dock_host = DockHost(self)
        self.docks: dict[str, QDockWidget] = self.dock_host.docks
        self.files = WindowFiles(self, self.document)
        self.diagram = NetworkDiagramView(self.document)
        self.diagram.setObjectName("networkDiagram")
        self.setCentralWidget(self.diagram)
        self.menus = WindowMenus(self, self.document, workspace.cursor, self.files, self.diagram)
        self.dock_host.dockAdded.connect(self.menus.add_dock_toggle)  # every dock, in order
        self.weights = WeightsDock(self.document, self.dock_host, self.start, self)
        self.learning = LearningDocks(workspace, self.dock_host, self.firstFrameShown, self)
        self.learning_menus = LearningMenus(self.learning, self.menus.help_menu, self)
        self.data = DataDocks(
            self.document,
            workspace.controller,
            self.learning,
            self.dock_host,
            self.start,
            self.menuBar(),
            self.menus.help_menu,
            self,
        )
        self.insight = InsightDocks(  # paths, gradients, saturation, the hidden space
            self.document,
            workspace.cursor,
            self.diagram,
            self.weights,
            self.dock_host,
            self.start,
            self.menus.view_menu,
            self.menus.toolbar,
            self,
        )
        self.runs = RunsDocks(  # kept runs, experiments
            self.document,
            workspace.controller,
            self.learning.loss_plot,
            self.dock_host,
            self.start,
            self.learning_menus.training,
            self,
        )
        place_first_window(self)  # restore_layout may override it
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
        self.dock_host.retranslate()
        self.document.retranslate_commands()  # before the Edit menu shows their names
        self.menus.retranslate()
        self.learning_menus.retranslate()
        self.learning.retranslate()
        self.data.retranslate()
        self.insight.retranslate()
        self.runs.retranslate()
        self._on_file_state_changed()
        self.statusBar().clearMessage()  # a message in the old language would linger

    def _connect(self) -> None:
        self.document.fileStateChanged.connect(self._on_file_state_changed)
        self.document.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        helpers = (self.files, self.menus, self.weights, self.learning, self.data, self.runs)
        for helper in helpers:
            helper.statusMessage.connect(self.show_status)
        self.menus.notation_menu.notationChanged.connect(self._on_notation_changed)
        self.learning.lastingMessage.connect(self.statusBar().showMessage)
        self.document.optimiserReset.connect(self.show_status)
        self.diagram.message.connect(self.show_status)  # why the diagram's menu refused an edit

    def _on_notation_changed(self, _name: str) -> None:
        show_notation(
            self.document, self.workspace.cursor, self.diagram, self.weights, self.show_status
        )

    # the start's second part --------------------------------------------------------------
    def build_after_first_frame(self, build: Callable[[], None]) -> None:
        """Run ``build`` once the first frame is on screen (or when finish_startup is called);
        at once if the start has finished already."""
        self.start.later(build)

    def finish_startup(self) -> None:
        """Build the docks' contents left for after the first frame, now if not done yet.
        The window calls it itself after its first frame; anything that needs those contents
        earlier (a test, a script, a window never shown) gets them by calling it."""
        self.start.finish()

    @property
    def startup_finished(self) -> bool:
        return self.start.finished

    @property
    def weight_tables(self) -> WeightTablesPanel:
        return self.weights.tables

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.start.window_shown()

    # docks ------------------------------------------------------------------------------
    def add_dock(
        self,
        widget: QWidget | None,
        object_name: str,
        title: str | Callable[[], str],
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        """A dock of the window (DockHost.add); its show/hide action joins the View menu."""
        return self.dock_host.add(widget, object_name, title, area)

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
        self.runs.shutdown()
        self.workspace.shutdown()
        event.accept()
