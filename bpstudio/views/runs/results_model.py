"""An experiment's runs as a read-only table: name, final loss, final accuracy, converged at."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from bpstudio.model.runs import DEFAULT_SHARE, KeptRun
from bpstudio.views.runs import run_texts
from bpstudio.views.widgets.palette import RUN_COLOURS

AnyIndex = QModelIndex | QPersistentModelIndex
NAME, LOSS, ACCURACY, CONVERGED = range(4)
_DISPLAY = Qt.ItemDataRole.DisplayRole


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._runs: list[KeptRun] = []
        self.share = DEFAULT_SHARE
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

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

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

    def _text(self, run: KeptRun, column: int) -> str:
        if column == NAME:
            return run.name
        if column == LOSS:
            return run_texts.loss_text(run.final_loss)
        if column == ACCURACY:
            return run_texts.accuracy_text(run.final_accuracy)
        return run_texts.converged_text(run, self.share)
