"""Where a gradient comes from: the path explorer (``pathPanel``), gradients drawn on the
diagram (``actionShowGradients``), badges on saturated and dead units, and the hidden space
(``hiddenSpacePlot``), wired to one main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolBar

from bpstudio.views.insight.health_badges import HealthBadges
from bpstudio.views.insight.hidden_space import HiddenSpacePlot
from bpstudio.views.insight.path_explorer import PathExplorer
from bpstudio.views.insight.path_panel import PathPanel
from bpstudio.views.weights.weight_table_model import TableMode
from bpstudio.views.widgets.actions import describe, make_action

if TYPE_CHECKING:
    from bpstudio.views.window.main_window import MainWindow

Area = Qt.DockWidgetArea


class InsightDocks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._explorer: PathExplorer | None = None
        self._hidden_space: HiddenSpacePlot | None = None
        self.badges = HealthBadges(window.document, window.diagram.diagram_scene, self)
        self._add_docks()
        window.build_after_first_frame(self._build_contents)  # both start behind a tab
        self.show_gradients = make_action(
            window, "", "", self.set_gradients_shown, name="actionShowGradients",
            shortcut="Ctrl+G", checkable=True,
        )  # fmt: skip
        self.path_explorer = window.docks["pathPanel"].toggleViewAction()
        self.path_explorer.setObjectName("actionPathExplorer")
        self.path_explorer.setShortcut(QKeySequence("Ctrl+Shift+E"))
        window.menus.add_dock_toggle(self.show_gradients)
        toolbar = window.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.show_gradients)
            toolbar.addAction(self.path_explorer)
        self.retranslate()

    def _add_docks(self) -> None:
        w = self._window
        paths = w.add_dock(None, "pathPanel", lambda: self.tr("Paths"), Area.RightDockWidgetArea)
        w.tabifyDockWidget(w.docks["derivationPanel"], paths)
        space = w.add_dock(
            None, "hiddenSpacePlot", lambda: self.tr("Hidden space"), Area.RightDockWidgetArea
        )
        w.tabifyDockWidget(w.docks["derivationPanel"], space)
        w.docks["derivationPanel"].raise_()

    def _build_contents(self) -> None:
        w = self._window
        panel = PathPanel()
        scene = w.diagram.diagram_scene
        self._explorer = PathExplorer(w.document, scene, panel, w.learning.cursor, self)
        dock = w.docks["pathPanel"]
        dock.setWidget(panel)
        dock.visibilityChanged.connect(self._explorer.set_active)
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            self._explorer.set_active(True)  # restored on top of its tab
        self._hidden_space = HiddenSpacePlot(w.document)
        w.docks["hiddenSpacePlot"].setWidget(self._hidden_space)
        w.weight_tables.modeChanged.connect(self._on_table_mode_changed)

    def _on_table_mode_changed(self, mode: TableMode) -> None:
        """The tables switched to gradients (or away): the diagram follows."""
        self.set_gradients_shown(mode is TableMode.GRADIENTS)

    @property
    def explorer(self) -> PathExplorer:
        self._window.finish_startup()
        return self._explorer

    @property
    def path_panel(self) -> PathPanel:
        return self.explorer.panel

    @property
    def hidden_space(self) -> HiddenSpacePlot:
        self._window.finish_startup()
        return self._hidden_space

    def retranslate(self) -> None:
        self.show_gradients.setText(self.tr("Show &gradients"))
        describe(
            self.show_gradients,
            self.tr(
                "Draw each edge by its gradient ∂E/∂w on the current sample instead of its "
                "weight (green positive, purple negative; width grows with the size), and "
                "switch the weight tables to gradients"
            ),
        )
        self.path_explorer.setText(self.tr("&Path explorer"))
        describe(
            self.path_explorer,
            self.tr(
                "Show every path from E to the selected weight or unit, and its gradient "
                "as the sum over them"
            ),
        )

    def set_gradients_shown(self, shown: bool) -> None:
        """The diagram's edges and the weight tables, both in gradient mode (or both not)."""
        if self.show_gradients.isChecked() != shown:
            self.show_gradients.setChecked(shown)  # toggled: comes back here
            return
        self._window.diagram.set_edge_overlay("gradient" if shown else "weight")
        tables = self._window.weight_tables
        if shown:
            tables.set_mode(TableMode.GRADIENTS)
        elif tables.mode is TableMode.GRADIENTS:  # not when the tables moved on to Δw
            tables.set_mode(TableMode.WEIGHTS)
