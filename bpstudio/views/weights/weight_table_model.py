"""One weight matrix w^l as a table: rows are units j of layer l-1, columns units k of layer l.

The last row holds the biases b_k^l when the network has them.  The table shows the weights
(editable), the shown sample's dE/dw, or the last update Δw (both read-only); every number comes
from the document, and every edit goes through ``document.set_weight`` / ``set_bias``.

A table view asks for each cell's data in half a dozen roles at every repaint, so the numbers
(and the tint's scale) are gathered once per change of what the document shows, not per cell;
while training runs, the table repaints at most LIVE_REFRESH_MS apart.
"""

from __future__ import annotations

from enum import Enum

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QColor

from bpstudio.controller.coalescer import Coalescer
from bpstudio.controller.document import Document
from bpstudio.model.refs import BiasRef, EdgeRef
from bpstudio.views.widgets.number_input import parse_number
from bpstudio.views.widgets.symbols import bias_symbol, parameter_glyph, unit_symbol, weight_symbol
from bpstudio.views.widgets.value_colours import HIGHLIGHT_BACKGROUND, value_tint

AnyIndex = QModelIndex | QPersistentModelIndex
LIVE_REFRESH_MS = 100  # training's numbers change faster than anyone reads a table


class TableMode(Enum):
    WEIGHTS = "w"
    GRADIENTS = "dE/dw"
    UPDATES = "Δw"


class WeightTableModel(QAbstractTableModel):
    editRefused = QtSignal(str)  # why an edit was refused, for the status bar

    def __init__(self, document: Document, layer: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.layer = layer  # the seed's l: the matrix of edges entering layer l
        self._mode = TableMode.WEIGHTS
        self._shape = self._current_shape()
        self._cells: _Cells | None = None
        self._live_soon = Coalescer(self._on_values_changed, LIVE_REFRESH_MS, self)
        document.structureChanged.connect(self._on_structure_changed)
        document.changed.connect(self._on_values_changed)
        document.liveChanged.connect(self._on_live_changed)
        document.revealedChanged.connect(self._on_revealed_changed)
        document.highlightChanged.connect(self._on_values_changed)

    def detach(self) -> None:
        """Stop listening and go empty: a view being deleted later must not ask for cells of a
        matrix that may no longer exist."""
        self._document.structureChanged.disconnect(self._on_structure_changed)
        self._document.changed.disconnect(self._on_values_changed)
        self._document.highlightChanged.disconnect(self._on_values_changed)
        self._live_soon.cancel()
        self.beginResetModel()
        self.layer = 0
        self._shape = (0, 0)
        self.endResetModel()

    # shape --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shape[0]

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shape[1]

    def _current_shape(self) -> tuple[int, int]:
        net = self._document.project.network
        if not 2 <= self.layer <= net.n_layers:
            return (0, 0)
        rows = net.layer_sizes[self.layer - 2] + (1 if net.use_bias else 0)
        return (rows, net.layer_sizes[self.layer - 1])

    def is_bias_row(self, row: int) -> bool:
        net = self._document.project.network
        return net.use_bias and row == net.layer_sizes[self.layer - 2]

    def ref_at(self, index: AnyIndex) -> EdgeRef | BiasRef:
        if self.is_bias_row(index.row()):
            return BiasRef(self.layer, index.column() + 1)
        return EdgeRef(self.layer, index.row() + 1, index.column() + 1)

    def index_of(self, ref) -> QModelIndex:
        """The cell showing ``ref``, or an invalid index when this table does not show it."""
        if isinstance(ref, EdgeRef) and ref.layer == self.layer:
            return self.index(ref.j - 1, ref.k - 1)
        if isinstance(ref, BiasRef) and ref.layer == self.layer and self._has_bias_row():
            return self.index(self._shape[0] - 1, ref.unit - 1)
        return QModelIndex()

    def _has_bias_row(self) -> bool:
        return self._document.project.network.use_bias

    # mode ---------------------------------------------------------------------------------
    @property
    def mode(self) -> TableMode:
        return self._mode

    def set_mode(self, mode: TableMode) -> None:
        self._mode = mode
        self._on_values_changed()

    # data ---------------------------------------------------------------------------------
    def value_at(self, row: int, column: int) -> float | None:
        """The number the cell shows in the current mode (None: nothing to show).  A gradient
        appears once the walkthrough has computed it."""
        cells = self._current_cells()
        if cells is None or not cells.known[row, column]:
            return None
        return float(cells.values[row, column])

    def _current_cells(self) -> _Cells | None:
        """The numbers of the current mode, gathered again only when their source changed."""
        if self._shape != self._current_shape():
            return None  # a structural change is under way
        source = self._source()
        cells = self._cells
        if cells is None or not _same_source(cells.source, source):
            cells = self._cells = self._gather_cells(source)
        return cells

    def _source(self) -> tuple:
        """What the shown numbers are computed from (compared by identity)."""
        doc = self._document
        if self._mode is TableMode.WEIGHTS:
            return (self._mode, doc.shown_network())
        if self._mode is TableMode.GRADIENTS:
            return (self._mode, doc.shown_parameter_gradients(), doc.revealed)
        return (self._mode, doc.project, doc.undo_stack.index())

    def _gather_cells(self, source: tuple) -> _Cells:
        rows, columns = self._shape
        values = np.zeros((rows, columns))
        known = np.zeros((rows, columns), dtype=bool)
        vectors, matrices = self._mode_arrays()
        weight_rows = rows - 1 if self._has_bias_row() else rows
        # Arrays of another shape belong to a network before a structural edit: not shown.
        matrix = None if matrices is None else matrices[self.layer - 2]
        if matrix is not None and matrix.shape == (weight_rows, columns):
            values[:weight_rows] = matrix
            known[:weight_rows] = True
        vector = None if vectors is None or weight_rows == rows else vectors[self.layer - 2]
        if vector is not None and vector.shape == (columns,):
            values[weight_rows] = vector
            known[weight_rows] = True
        if self._mode is TableMode.GRADIENTS and self._document.revealed is not None:
            for row in range(rows):
                for column in range(columns):
                    ref = self.ref_at(self.index(row, column))
                    known[row, column] &= self._document.is_revealed(ref)
        return _Cells(source, values, known, self._scale(vectors, matrices))

    def _mode_arrays(self):
        doc = self._document
        if self._mode is TableMode.WEIGHTS:
            shown = doc.shown_network()
            return shown.biases, shown.weights
        if self._mode is TableMode.GRADIENTS:
            grads = doc.shown_parameter_gradients()
            return grads.db, grads.dW
        return doc.bias_update(), doc.weight_update()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.value_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if value is None else format_value(value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else repr(value)  # full precision while editing
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index, value)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(index, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, index: AnyIndex, value: float | None) -> str:
        ref = self.ref_at(index)
        if isinstance(ref, BiasRef):
            symbol = bias_symbol(ref.layer, ref.unit)
        else:
            symbol = weight_symbol(ref.layer, ref.j, ref.k)
        prefix = {TableMode.WEIGHTS: "", TableMode.GRADIENTS: "∂E/∂", TableMode.UPDATES: "Δ"}
        shown = "—" if value is None else repr(value)
        hint = self.tr(" (double-click to edit)") if self._mode is TableMode.WEIGHTS else ""
        return f"{prefix[self._mode]}{symbol} = {shown}{hint}"

    def _background(self, index: AnyIndex, value: float | None) -> QColor | None:
        if self._document.highlight and self.ref_at(index) in self._document.highlight:
            return QColor(HIGHLIGHT_BACKGROUND)
        if value is None:
            return None
        return value_tint(value, self._current_cells().scale)

    def _scale(self, vectors, matrices) -> float:
        """The largest |value| shown, so the tint uses the whole range in every mode."""
        if matrices is None:
            return 1.0
        values = [abs(float(matrices[self.layer - 2].max(initial=0.0)))]
        values.append(abs(float(matrices[self.layer - 2].min(initial=0.0))))
        if vectors is not None:
            values += [abs(float(v)) for v in vectors[self.layer - 2]]
        return max(values) or 1.0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        n_layers = self._document.project.network.n_layers
        if orientation == Qt.Orientation.Horizontal:
            return unit_symbol(self.layer, section + 1, n_layers)
        if self.is_bias_row(section):
            # the layer's bias in the notation in force: b³, b⁽²⁾, 周志华's θ
            return self.tr("bias %s") % parameter_glyph(self.layer, None, "").plain
        return unit_symbol(self.layer - 1, section + 1, n_layers)

    # editing ------------------------------------------------------------------------------
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._mode is TableMode.WEIGHTS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (index.flags() & Qt.ItemFlag.ItemIsEditable):
            return False
        number = parse_number(value)
        if number is None:
            self.editRefused.emit(self.tr("“%s” is not a number; the value was kept.") % value)
            return False
        ref = self.ref_at(index)
        if isinstance(ref, BiasRef):
            self._document.set_bias(ref.layer, ref.unit, number)
        else:
            self._document.set_weight(ref.layer, ref.j, ref.k, number)
        return True  # the document's `changed` already refreshed the cell

    # refresh ------------------------------------------------------------------------------
    def _on_structure_changed(self) -> None:
        self.beginResetModel()
        self._shape = self._current_shape()
        self.endResetModel()

    def _on_revealed_changed(self) -> None:
        if self._mode is TableMode.GRADIENTS:
            self._on_values_changed()

    def _on_live_changed(self) -> None:
        self._live_soon.request()

    def _on_values_changed(self, *_args) -> None:
        self._live_soon.cancel()
        if self._shape != self._current_shape():
            return  # a structural change is under way; the reset will follow
        if self._shape[0] and self._shape[1]:
            last = self.index(self._shape[0] - 1, self._shape[1] - 1)
            self.dataChanged.emit(self.index(0, 0), last)


class _Cells:
    """One table's numbers in one mode: ``known`` says which cells have one."""

    __slots__ = ("known", "scale", "source", "values")

    def __init__(self, source: tuple, values: np.ndarray, known: np.ndarray, scale: float) -> None:
        self.source, self.values, self.known, self.scale = source, values, known, scale


def _same_source(old: tuple, new: tuple) -> bool:
    return len(old) == len(new) and all(
        a is b or (isinstance(a, int) and a == b) for a, b in zip(old, new, strict=True)
    )


def format_value(value: float) -> str:
    if value != 0 and abs(value) < 1e-3:
        return f"{value:.2e}"
    return f"{value:.4f}"
