"""The CSV import dialog's preview: a model over the first rows of the parsed table, with a
first row holding each column's role (input, target, skip), and a delegate that makes the
role's combo box only while that cell is being edited.

A model and a delegate, not a widget per cell: a file of 10,000 columns is 10,000 role cells,
and a combo box for each took seconds to build; a view paints only the cells on screen.
The texts (role names, headers) come from the dialog, which translates them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from bpstudio.model.data.csv_table import CsvTable

AnyIndex = QModelIndex | QPersistentModelIndex
INPUT, TARGET, SKIP = "input", "target", "skip"
ROLES = (INPUT, TARGET, SKIP)
ROLE_ROW = 0  # the table's rows follow it
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole


def default_roles(n_columns: int) -> list[str]:
    """The last column is the target, the others inputs (what import_csv assumes)."""
    return [TARGET if c == n_columns - 1 else INPUT for c in range(n_columns)]


class CsvPreviewModel(QAbstractTableModel):
    rolesChanged = QtSignal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._row_names: list[str] = []
        self._column_names: list[str] = []
        self._roles: list[str] = []
        self._role_texts = {role: role for role in ROLES}
        self._role_header = "role"
        self._bold = QFont()
        self._bold.setBold(True)

    def show_table(self, table: CsvTable | None, rows: int, roles: list[str] | None = None) -> None:
        """The first ``rows`` rows of ``table`` (None: nothing), with ``roles`` or the default."""
        self.beginResetModel()
        if table is None:
            self._rows, self._row_names, self._roles = [], [], []
        else:
            self._rows = table.rows[:rows]
            self._row_names = [str(n) for n in table.row_numbers[:rows]]
            self._roles = list(roles) if roles else default_roles(table.n_columns)
        self.endResetModel()

    def set_texts(self, column_names: list[str], role_texts: dict[str, str], header: str) -> None:
        """The headers and role names in the interface language."""
        self._column_names = list(column_names)
        self._role_texts = dict(role_texts)
        self._role_header = header
        if self._roles:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._roles) - 1)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, 0)
            last = self.index(ROLE_ROW, len(self._roles) - 1)
            self.dataChanged.emit(self.index(ROLE_ROW, 0), last, [_DISPLAY])

    def role_texts(self) -> dict[str, str]:
        return dict(self._role_texts)

    def roles(self) -> list[str]:
        return list(self._roles)

    def set_role(self, column: int, role: str) -> None:
        self.setData(self.index(ROLE_ROW, column), role)

    # QAbstractTableModel ---------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._roles else 1 + len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._roles)

    def data(self, index: AnyIndex, role: int = _DISPLAY):
        row, column = index.row(), index.column()
        if row == ROLE_ROW:
            if role == _DISPLAY:  # the arrow: this cell is a choice, opened by a click
                return f"{self._role_texts[self._roles[column]]} \u25be"
            if role == _EDIT:
                return self._roles[column]
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self._rows[row - 1][column]
        return None

    def setData(self, index: AnyIndex, value, role: int = _EDIT) -> bool:
        if index.row() != ROLE_ROW or role != _EDIT or value not in ROLES:
            return False
        if self._roles[index.column()] != value:
            self._roles[index.column()] = value
            self.dataChanged.emit(index, index, [_DISPLAY, _EDIT])
            self.rolesChanged.emit()
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.row() == ROLE_ROW else flags

    def headerData(self, section: int, orientation, role: int = _DISPLAY):
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section < len(self._column_names):
                return self._column_names[section]
            return str(section + 1)
        if section == ROLE_ROW:
            return self._role_header
        return self._row_names[section - 1] if section - 1 < len(self._row_names) else None


class RoleDelegate(QStyledItemDelegate):
    """A combo box of the three roles, made when a role cell is edited (one click) and
    committed as soon as another role is picked."""

    def createEditor(self, parent: QWidget, _option, index: QModelIndex) -> QWidget | None:
        if index.row() != ROLE_ROW:
            return None
        box = QComboBox(parent)
        for role, text in index.model().role_texts().items():
            box.addItem(text, role)
        box.activated.connect(lambda _i, box=box: self._commit(box))
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        editor.setCurrentIndex(editor.findData(index.data(_EDIT)))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        model.setData(index, editor.currentData(), _EDIT)

    def _commit(self, box: QComboBox) -> None:
        self.commitData.emit(box)
        self.closeEditor.emit(box)
