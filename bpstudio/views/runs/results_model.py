"""An experiment's runs as a read-only table: name, final loss, final accuracy, converged at."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from bpstudio.model.runs import KeptRun
from bpstudio.views.runs.run_rows_model import CONVERGED, NAME, RunRowsModel
from bpstudio.views.widgets.palette import RUN_COLOURS

AnyIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole


class ResultsModel(RunRowsModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._runs: list[KeptRun] = []
        self._headers = [""] * 4
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = [
            self.tr("Run"),
            self.tr("Final loss"),
            self.tr("Final accuracy"),
            self.tr("Converged at epoch"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def show_runs(self, runs: list[KeptRun]) -> None:
        self.beginResetModel()
        self._runs = list(runs)
        self.endResetModel()

    def set_share(self, share: float) -> None:
        self.share = share
        if self._runs:
            self.dataChanged.emit(
                self.index(0, CONVERGED), self.index(len(self._runs) - 1, CONVERGED)
            )

    def data(self, index: AnyIndex, role: int = _DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._runs):
            return None
        run, column = self._runs[index.row()], index.column()
        if role == _DISPLAY:
            return self._text(run, column)
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:  # its curve's colour
            return QColor(RUN_COLOURS[index.row() % len(RUN_COLOURS)])
        if role == Qt.ItemDataRole.TextAlignmentRole and column != NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
