"""The data as a table (dock ``datasetTable``): one row per sample, the inputs x then the
targets Ŷ, and a first column saying whether the row trains or tests.

Cells show the raw values (what the student typed or imported); with standardisation on, a
cell's tooltip shows the value the network sees.  The walkthrough's sample is highlighted and
test rows are greyed.  Every edit goes through ``document.set_data_cell`` (one undo command).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QColor, QFont

from bpstudio.controller.document import Document
from bpstudio.views.widgets.language import model_message
from bpstudio.views.widgets.number_input import parse_number
from bpstudio.views.widgets.value_colours import HIGHLIGHT_BACKGROUND

AnyIndex = QModelIndex | QPersistentModelIndex
TEST_FOREGROUND = QColor("#7a7a7a")
ROLE_COLUMN = 0  # "train" / "test"; data columns start at 1


class DatasetTableModel(QAbstractTableModel):
    editRefused = QtSignal(str)  # why an edit was refused, for the status bar

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._read_project()
        document.changed.connect(self._on_document_changed)

    def _read_project(self) -> None:
        """Cache what the cells show, so painting a cell never recomputes the split."""
        data = self._document.project.dataset
        self._data = data
        self._test = data.test_mask()
        self._prepared = data.prepared().inputs if data.standardise else None
        self._sample = self._document.sample_index

    # shape --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._data.n_samples

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + self._data.n_inputs + self._data.n_targets

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
            return self._column_title(section)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self._column_tip(section)
        return None

    def _column_title(self, column: int) -> str:
        n_in = self._data.n_inputs
        if column == ROLE_COLUMN:
            return self.tr("set")
        if column <= n_in:
            symbol, names, index = f"x{_subscript(column)}", self._data.input_names, column
        else:
            index = column - n_in
            symbol, names = f"Ŷ{_subscript(index)}", self._data.target_names
        # An imported file's column (or class) name above the textbook's symbol.
        return symbol if names is None else f"{names[index - 1]}\n{symbol}"

    def _column_tip(self, column: int) -> str:
        if column == ROLE_COLUMN:
            return self.tr("train: the network learns from this row; test: held out to measure")
        if column <= self._data.n_inputs:
            return self.tr("Input %d (raw value)") % column
        return self.tr("Target %d: the label Ŷ") % (column - self._data.n_inputs)

    # cells --------------------------------------------------------------------------------
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != ROLE_COLUMN:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._cell_text(row, column, role)
        if role == Qt.ItemDataRole.BackgroundRole and row == self._sample:
            return QColor(HIGHLIGHT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and self._test[row]:
            return TEST_FOREGROUND
        if role == Qt.ItemDataRole.FontRole and self._test[row]:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != ROLE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def value(self, row: int, column: int) -> float:
        """The raw number in a data column (column >= 1)."""
        n_in = self._data.n_inputs
        if column <= n_in:
            return float(self._data.inputs[row, column - 1])
        return float(self._data.targets[row, column - 1 - n_in])

    def is_test_row(self, row: int) -> bool:
        return bool(self._test[row])

    def _cell_text(self, row: int, column: int, role: int) -> str:
        if column == ROLE_COLUMN:
            return self.tr("test") if self._test[row] else self.tr("train")
        value = self.value(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return repr(value)
        return QLocale().toString(value, "g", 6)

    def _cell_tip(self, row: int, column: int) -> str | None:
        if row == self._sample:
            hint = self.tr("The walkthrough's sample")
        else:
            hint = ""
        if self._prepared is not None and 1 <= column <= self._data.n_inputs:
            seen = self.tr("the network sees %s (standardised)") % (
                QLocale().toString(float(self._prepared[row, column - 1]), "g", 6)
            )
            hint = f"{hint}; {seen}" if hint else seen
        return hint or None

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() == ROLE_COLUMN:
            return False
        number = parse_number(value)
        if number is None:
            self.editRefused.emit(self.tr("%r is not a number; the value is unchanged") % value)
            return False
        if number == self.value(index.row(), index.column()):
            return True
        try:
            self._document.set_data_cell(index.row(), index.column() - 1, number)
        except ValueError as exc:  # a label the loss cannot use: the message names the row
            self.editRefused.emit(model_message(exc))
            return False
        return True

    # refresh --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """The headers and the train/test column in the new language (the panel calls this
        on LanguageChange: a model is not a widget and gets no such event)."""
        if self.columnCount() > 0:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount() > 0:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _on_document_changed(self) -> None:
        old = self._data
        self._read_project()
        same_shape = (old.n_samples, old.n_inputs, old.n_targets) == (
            self._data.n_samples,
            self._data.n_inputs,
            self._data.n_targets,
        )
        if not same_shape:
            self.beginResetModel()
            self.endResetModel()
            return
        last = self.index(self.rowCount() - 1, self.columnCount() - 1)
        self.dataChanged.emit(self.index(0, 0), last)


def _subscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
