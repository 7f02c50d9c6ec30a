"""The weight tables' dock (``weightTables``).  It starts behind the walkthrough's tab, so its
tables are built just after the window's first frame, or when `tables` is asked for first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from bpstudio.views.widgets.language import translate

if TYPE_CHECKING:
    from bpstudio.controller.document import Document
    from bpstudio.views.weights.weight_tables import WeightTablesPanel
    from bpstudio.views.window.dock_host import DockHost
    from bpstudio.views.window.startup_stages import StartupStages


class WeightsDock(QObject):
    statusMessage = Signal(str)

    def __init__(
        self, document: Document, docks: DockHost, start: StartupStages, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._start = start
        self._tables: WeightTablesPanel | None = None
        self._dock = docks.add(
            None,  # filled after the first frame
            "weightTables",
            lambda: translate("MainWindow", "Weights"),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        start.later(self._build_tables)

    @property
    def tables(self) -> WeightTablesPanel:
        self._start.finish()
        return self._tables

    @property
    def built(self) -> bool:
        return self._tables is not None

    def _build_tables(self) -> None:
        from bpstudio.views.weights.weight_tables import WeightTablesPanel

        self._tables = WeightTablesPanel(self._document)
        self._tables.statusMessage.connect(self.statusMessage)
        self._dock.setWidget(self._tables)
