"""What the two tables of runs share (the Runs dock's and the experiment's results): a row per
run, a header per column, nothing below a row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from bpstudio.model.runs import DEFAULT_SHARE, KeptRun
from bpstudio.views.runs import run_texts

AnyIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
# The columns both tables begin with.
NAME, LOSS, ACCURACY, CONVERGED = range(4)


class RunRowsModel(QAbstractTableModel):
    """Subclasses keep ``_runs`` and ``_headers`` (translated in their own `retranslate`)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._runs: Sequence[KeptRun] = ()
        self._headers: list[str] = []
        self.share = DEFAULT_SHARE  # converged: the loss below this share of the first epoch's

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def _text(self, run: KeptRun, column: int) -> str:
        """The shared columns' text (a subclass adds its own columns after CONVERGED)."""
        if column == NAME:
            return run.name
        if column == LOSS:
            return run_texts.loss_text(run.final_loss)
        if column == ACCURACY:
            return run_texts.accuracy_text(run.final_accuracy)
        return run_texts.converged_text(run, self.share)
