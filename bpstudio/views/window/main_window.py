"""The main window: the diagram in the middle, docks around it, menus, toolbar, status bar.

The window starts in two parts.  Everything the first frame shows is built in the constructor:
the diagram, the menus, the toolbar, every dock (with its name, so a saved layout restores)
and the contents of the docks on screen.  The contents of the docks that start hidden behind
another tab (the weight tables, the decision boundary; not the data table, whose width sets
the docks' column) are built just after the first frame is on screen (`firstFrameShown`), or
at once when anything asks for them before that (`finish_startup`, called by the properties
that hand them out).  The walkthrough typesets its first formula after the first frame too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from bpstudio.controller.document import Document
from bpstudio.views.data.data_docks import DataDocks
from bpstudio.views.diagram import NetworkDiagramView
from bpstudio.views.insight.insight_docks import InsightDocks
from bpstudio.views.widgets.language import Retranslating
from bpstudio.views.window.learning_docks import LearningDocks
from bpstudio.views.window.window_files import WindowFiles
from bpstudio.views.window.window_geometry import place_first_window
from bpstudio.views.window.window_menus import build_menus

if TYPE_CHECKING:
    from bpstudio.views.weights.weight_tables import WeightTablesPanel

STATUS_TIMEOUT_MS = 5000
DOCK_WIDTH = 470  # the walkthrough's formulas need the room; tables fit easily
BOTTOM_DOCK_HEIGHT = 220
# Bump when the set or arrangement of docks changes: a layout saved by an older version
# would otherwise put new docks in odd places, so it is ignored once.
LAYOUT_VERSION = 2


class MainWindow(Retranslating, QMainWindow):
    # Once, just after the window's first frame is on screen (the start's deferred part is
    # built by then: see finish_startup).
    firstFrameShown = Signal()
    # Once, when the contents of the docks left for after the first frame exist.
    startupFinished = Signal()

    def __init__(self, document: Document | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._deferred_builds: list[Callable[[], None]] | None = []
        self._first_frame = _FirstFrameWatch(self)
        self.document = document if document is not None else Document(parent=self)
        self.files = WindowFiles(self, self.document)
        self.diagram = NetworkDiagramView(self.document)
        self.diagram.setObjectName("networkDiagram")
        self.setCentralWidget(self.diagram)
        self._weight_tables: WeightTablesPanel | None = None
        self.docks: dict[str, QDockWidget] = {}
        self._dock_titles: dict[str, Callable[[], str]] = {}
        self.add_dock(
            None,  # behind the walkthrough's tab at start: filled after the first frame
            "weightTables",
            lambda: self.tr("Weights"),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.build_after_first_frame(self._build_weight_tables)
        self.menus = build_menus(self)
        self.learning = LearningDocks(self)
        self.menus.add_learning_menus(self.learning)
        self.data = DataDocks(self)
        self.insight = InsightDocks(self)  # paths, gradients, saturation, the hidden space
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
        for name, dock in self.docks.items():
            self._show_dock_title(dock, self._dock_titles[name]())
        self.document.retranslate_commands()  # before the Edit menu shows their names
        self.menus.retranslate()
        self.learning.retranslate()
        self.data.retranslate()
        self.insight.retranslate()
        self._on_file_state_changed()
        self.statusBar().clearMessage()  # a message in the old language would linger

    def _connect(self) -> None:
        self.document.fileStateChanged.connect(self._on_file_state_changed)
        self.document.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self.files.statusMessage.connect(self.show_status)
        self.document.optimiserReset.connect(self.show_status)
        self.diagram.message.connect(self.show_status)  # why the diagram's menu refused an edit

    # the start's second part --------------------------------------------------------------
    def build_after_first_frame(self, build: Callable[[], None]) -> None:
        """Run ``build`` once the first frame is on screen (or when finish_startup is called);
        at once if the start has finished already."""
        if self._deferred_builds is None:
            build()
        else:
            self._deferred_builds.append(build)

    def finish_startup(self) -> None:
        """Build the docks' contents left for after the first frame, now if not done yet.
        The window calls it itself after its first frame; anything that needs those contents
        earlier (a test, a script, a window never shown) gets them by calling it."""
        builds, self._deferred_builds = self._deferred_builds, None
        if builds is None:
            return
        for build in builds:
            build()
        self.startupFinished.emit()

    @property
    def startup_finished(self) -> bool:
        return self._deferred_builds is None

    @property
    def weight_tables(self) -> WeightTablesPanel:
        self.finish_startup()
        return self._weight_tables

    def _build_weight_tables(self) -> None:
        from bpstudio.views.weights.weight_tables import WeightTablesPanel

        self._weight_tables = WeightTablesPanel(self.document)
        self._weight_tables.statusMessage.connect(self.show_status)
        self.docks["weightTables"].setWidget(self._weight_tables)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._first_frame.watch()

    def _on_first_frame(self) -> None:
        self.finish_startup()
        self.firstFrameShown.emit()

    # docks ------------------------------------------------------------------------------
    def add_dock(
        self,
        widget: QWidget | None,
        object_name: str,
        title: str | Callable[[], str],
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        """Put ``widget`` in a dock named ``object_name`` (the name QSettings restores it by);
        its show/hide action joins the View menu.  ``title`` is best a function returning the
        translated title (``lambda: self.tr("Data")``), so that it follows a language switch;
        a plain English text is looked up in the "MainWindow" context instead.  ``widget``
        None: the dock is there (for restore_layout and the View menu) and gets its widget
        later, with ``dock.setWidget``."""
        if isinstance(title, str):
            source = title
            title = lambda: QCoreApplication.translate("MainWindow", source)  # noqa: E731
        dock = QDockWidget(self)
        dock.setObjectName(object_name)
        if widget is not None:
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


class _FirstFrameWatch(QObject):
    """Tells the window when its first frame is on screen.

    Qt paints a window's first frame while it handles the window's first Expose event, after
    every event posted before it (a 0 ms timer started in a constructor runs *before* the first
    frame).  So the watch waits for that Expose and posts the window's call from there: the
    call runs once the frame has been painted and flushed.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._handle = None
        self._done = False

    def watch(self) -> None:
        handle = self._window.windowHandle()
        if self._done or handle is None or handle is self._handle:
            return
        self._handle = handle
        if handle.isExposed():  # a platform that exposes a window while showing it
            self._seen(handle)
        else:
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and watched.isExposed() and not self._done:
            self._seen(watched)
        return False

    def _seen(self, handle) -> None:
        self._done = True
        handle.removeEventFilter(self)
        QTimer.singleShot(0, self._window, self._window._on_first_frame)
