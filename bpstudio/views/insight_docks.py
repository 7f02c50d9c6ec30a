"""Where a gradient comes from: the path explorer (``pathPanel``), gradients drawn on the
diagram (``actionShowGradients``), badges on saturated and dead units, and the hidden space
(``hiddenSpacePlot``), wired to one main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolBar

from bpstudio.views.actions import describe, make_action
from bpstudio.views.health_badges import HealthBadges
from bpstudio.views.hidden_space import HiddenSpacePlot
from bpstudio.views.path_explorer import PathExplorer
from bpstudio.views.path_panel import PathPanel
from bpstudio.views.weight_table_model import TableMode

if TYPE_CHECKING:
    from bpstudio.views.main_window import MainWindow

Area = Qt.DockWidgetArea


class InsightDocks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        scene = window.diagram.diagram_scene
        self.path_panel = PathPanel()
        cursor = window.learning.cursor
        self.explorer = PathExplorer(window.document, scene, self.path_panel, cursor, self)
        self.hidden_space = HiddenSpacePlot(window.document)
        self.badges = HealthBadges(window.document, scene, self)
        self._add_docks()
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
        dock = w.add_dock(
            self.path_panel, "pathPanel", lambda: self.tr("Paths"), Area.RightDockWidgetArea
        )
        dock.visibilityChanged.connect(self.explorer.set_active)
        w.tabifyDockWidget(w.docks["derivationPanel"], dock)
        space = w.add_dock(
            self.hidden_space, "hiddenSpacePlot", lambda: self.tr("Hidden space"),
            Area.RightDockWidgetArea,
        )  # fmt: skip
        w.tabifyDockWidget(w.docks["derivationPanel"], space)
        w.docks["derivationPanel"].raise_()

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
            ),  # fmt: skip
        )

    def set_gradients_shown(self, shown: bool) -> None:
        """The diagram's edges and the weight tables, both in gradient mode (or both not)."""
        if self.show_gradients.isChecked() != shown:
            self.show_gradients.setChecked(shown)  # toggled: comes back here
            return
        self._window.diagram.set_edge_overlay("gradient" if shown else "weight")
        self._window.weight_tables.set_mode(TableMode.GRADIENTS if shown else TableMode.WEIGHTS)
