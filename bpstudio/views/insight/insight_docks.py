"""Where a gradient comes from: the path explorer (``pathPanel``), gradients drawn on the
diagram (``actionShowGradients``), badges on saturated and dead units, and the hidden space
(``hiddenSpacePlot``), wired to the document, the walkthrough, the diagram and the weight tables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from bpstudio.views.insight.health_badges import HealthBadges
from bpstudio.views.insight.hidden_space import HiddenSpacePlot
from bpstudio.views.insight.path_explorer import PathExplorer
from bpstudio.views.insight.path_panel import PathPanel
from bpstudio.views.weights.weight_table_model import TableMode
from bpstudio.views.widgets.actions import describe, make_action

if TYPE_CHECKING:
    from bpstudio.controller.document import Document
    from bpstudio.controller.walkthrough import WalkthroughCursor
    from bpstudio.views.diagram import NetworkDiagramView
    from bpstudio.views.weights.weights_dock import WeightsDock
    from bpstudio.views.window.dock_host import DockHost
    from bpstudio.views.window.startup_stages import StartupStages

Area = Qt.DockWidgetArea


class InsightDocks(QObject):
    def __init__(
        self,
        document: Document,
        cursor: WalkthroughCursor,
        diagram: NetworkDiagramView,
        weights: WeightsDock,
        docks: DockHost,
        start: StartupStages,
        view_menu: QMenu,
        toolbar: QToolBar,
        parent: QWidget,
    ) -> None:
        """``weights``: the weight tables, which switch to gradients with the diagram.
        ``view_menu`` and ``toolbar`` get the "Show gradients" and "Path explorer" actions."""
        super().__init__(parent)
        self._document = document
        self._cursor = cursor
        self._diagram = diagram
        self._weights = weights
        self._docks = docks
        self._start = start
        self._explorer: PathExplorer | None = None
        self._hidden_space: HiddenSpacePlot | None = None
        self.badges = HealthBadges(document, diagram.diagram_scene, self)
        self._add_docks()
        start.later(self._build_contents)  # both start behind a tab
        self.show_gradients = make_action(
            parent, "", "", self.set_gradients_shown, name="actionShowGradients",
            shortcut="Ctrl+G", checkable=True,
        )  # fmt: skip
        self.path_explorer = docks.docks["pathPanel"].toggleViewAction()
        self.path_explorer.setObjectName("actionPathExplorer")
        self.path_explorer.setShortcut(QKeySequence("Ctrl+Shift+E"))
        view_menu.addAction(self.show_gradients)
        toolbar.addSeparator()
        toolbar.addAction(self.show_gradients)
        toolbar.addAction(self.path_explorer)
        self.retranslate()

    def _add_docks(self) -> None:
        docks = self._docks
        docks.add(None, "pathPanel", lambda: self.tr("Paths"), Area.RightDockWidgetArea)
        docks.tabify("derivationPanel", "pathPanel")
        docks.add(
            None, "hiddenSpacePlot", lambda: self.tr("Hidden space"), Area.RightDockWidgetArea
        )
        docks.tabify("derivationPanel", "hiddenSpacePlot")
        docks.raise_("derivationPanel")

    def _build_contents(self) -> None:
        panel = PathPanel()
        scene = self._diagram.diagram_scene
        self._explorer = PathExplorer(self._document, scene, panel, self._cursor, self)
        dock = self._docks.docks["pathPanel"]
        dock.setWidget(panel)
        dock.visibilityChanged.connect(self._explorer.set_active)
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            self._explorer.set_active(True)  # restored on top of its tab
        self._hidden_space = HiddenSpacePlot(self._document)
        self._docks.docks["hiddenSpacePlot"].setWidget(self._hidden_space)
        self._weights.tables.modeChanged.connect(self._on_table_mode_changed)

    def _on_table_mode_changed(self, mode: TableMode) -> None:
        """The tables switched to gradients (or away): the diagram follows."""
        self.set_gradients_shown(mode is TableMode.GRADIENTS)

    @property
    def explorer(self) -> PathExplorer:
        self._start.finish()
        return self._explorer

    @property
    def path_panel(self) -> PathPanel:
        return self.explorer.panel

    @property
    def hidden_space(self) -> HiddenSpacePlot:
        self._start.finish()
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
        self._diagram.set_edge_overlay("gradient" if shown else "weight")
        tables = self._weights.tables
        if shown:
            tables.set_mode(TableMode.GRADIENTS)
        elif tables.mode is TableMode.GRADIENTS:  # not when the tables moved on to Δw
            tables.set_mode(TableMode.WEIGHTS)
