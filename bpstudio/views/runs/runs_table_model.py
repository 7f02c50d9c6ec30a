"""The kept runs as a table (the Runs dock): name (with a box: overlay it on the loss plot),
final loss, final accuracy, the epoch it converged at, and what differs from the current
settings.  Renaming in the table is an undoable edit through the document."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from bpstudio.controller.document import Document
from bpstudio.model.runs import KeptRun, Settings, differences
from bpstudio.views.runs import run_texts
from bpstudio.views.runs.run_rows_model import ACCURACY, CONVERGED, LOSS, NAME, RunRowsModel

AnyIndex = QModelIndex | QPersistentModelIndex
DIFFERS = CONVERGED + 1  # after the columns RunRowsModel shares
_DISPLAY, _EDIT, _CHECK = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.CheckStateRole,
)


class RunsTableModel(RunRowsModel):
    overlaidChanged = Signal()  # the runs whose box is ticked changed

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._runs: tuple[KeptRun, ...] = document.project.runs
        self._settings = Settings.of_project(document.project)
        # Ticked runs, by their starting network (shared by a run and its renamed copy).
        self._overlaid: set[int] = set()
        self._headers: list[str] = [""] * 5
        document.changed.connect(self._on_document_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = [
            self.tr("Run"),
            self.tr("Final loss"),
            self.tr("Accuracy"),
            self.tr("Converged at epoch"),
            self.tr("Differs from now"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
        self._refresh_all()

    def set_share(self, share: float) -> None:
        """Converged: the loss below ``share`` of the first epoch's."""
        self.share = share
        self._refresh_all()

    def run(self, row: int) -> KeptRun:
        return self._runs[row]

    def overlaid_runs(self) -> list[KeptRun]:
        return [r for r in self._runs if id(r.start) in self._overlaid]

    def set_overlaid(self, row: int, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.setData(self.index(row, NAME), state, _CHECK)

    # QAbstractTableModel ---------------------------------------------------------------------
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == NAME:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = _DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._runs):
            return None
        run = self._runs[index.row()]
        if role == _CHECK and index.column() == NAME:
            on = id(run.start) in self._overlaid
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role in (_DISPLAY, _EDIT):
            return self._text(run, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(run, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (
            LOSS,
            ACCURACY,
            CONVERGED,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value, role: int = _EDIT) -> bool:
        if not index.isValid() or index.column() != NAME:
            return False
        run = self._runs[index.row()]
        if role == _CHECK:
            key = id(run.start)
            on = Qt.CheckState(value) == Qt.CheckState.Checked
            if on:
                self._overlaid.add(key)
            else:
                self._overlaid.discard(key)
            self.dataChanged.emit(index, index, [_CHECK])
            self.overlaidChanged.emit()
            return True
        if role == _EDIT:
            name = str(value).strip()
            if not name:
                return False
            self._document.rename_run(index.row(), name)  # the table follows `changed`
            return True
        return False

    # contents -------------------------------------------------------------------------------
    def _text(self, run: KeptRun, column: int) -> str:
        if column == DIFFERS:
            return run_texts.differences_text(differences(run.settings, self._settings))
        return super()._text(run, column)

    def _tooltip(self, run: KeptRun, column: int) -> str:
        if column == NAME:
            tip = self.tr(
                "%s: %d epochs. Tick to draw its loss on the Loss plot; double-click to rename"
            )
            return tip % (run.name, run.epochs)
        if column == CONVERGED:
            tip = self.tr("The first epoch whose loss is below %s of the first epoch's")
            return tip % f"{self.share:.0%}"
        if column == DIFFERS:
            return self._text(run, column)
        return None

    def _on_document_changed(self) -> None:
        project = self._document.project
        settings = Settings.of_project(project)
        if project.runs is self._runs and settings == self._settings:
            return
        kept = {id(r.start) for r in project.runs}
        overlaid_before = set(self._overlaid)
        self.beginResetModel()
        self._runs, self._settings = project.runs, settings
        self._overlaid &= kept
        self.endResetModel()
        if self._overlaid != overlaid_before:
            self.overlaidChanged.emit()

    def _refresh_all(self) -> None:
        if self._runs:
            last = self.index(len(self._runs) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
