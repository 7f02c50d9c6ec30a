"""The weight tables dock: one table per weight matrix, a switch between w, dE/dw and Δw.

Selection is shared with the diagram through the document: a selected cell becomes the
document's selection, and the document's selection selects the cells (with the echo blocked,
so the two never loop).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller.background_job import BackgroundJob
from bpstudio.controller.document import Document
from bpstudio.model.network_size import (
    TABLE_MAX_WEIGHTS,
    matrix_summary,
    summaries_run_at_once,
    table_shows_cells,
)
from bpstudio.views.weights.weight_table_model import TableMode, WeightTableModel
from bpstudio.views.widgets.language import is_language_change
from bpstudio.views.widgets.symbols import sup

__all__ = ["TableMode", "WeightTableModel", "WeightTablesPanel"]

MAX_VISIBLE_ROWS = 10  # taller matrices scroll inside their own table
COLUMN_WIDTH = 78
WIDE_COLUMNS = 4


class WeightTablesPanel(QWidget):
    statusMessage = Signal(str)  # for the main window's status bar
    modeChanged = Signal(object)  # the TableMode now shown

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        # True while the document's selection is copied into the tables.  A flag, not the house's
        # QSignalBlocker: blocking a selection model would also stop the view repainting it.
        self._syncing = False
        self.tables: list[QTableView] = []
        self._summaries: list[tuple[int, QLabel]] = []  # (layer, note) of matrices not listed
        self._summary_job = BackgroundJob(self)  # millions of weights: summarised on a thread
        self._summary_job.changed.connect(self._show_summaries)
        self._mode_combo = self._build_mode_combo()
        self._sections = QVBoxLayout()
        self._message = QLabel(self)
        self._message.setObjectName("weightTableMessage")
        self._message.setWordWrap(True)
        self._message.setStyleSheet("color: #c62828;")
        self._message.setVisible(False)
        self._build_layout()
        self.retranslate()
        self._rebuild_tables()
        document.structureChanged.connect(self._on_structure_changed)
        document.selectionChanged.connect(self._on_document_selection_changed)
        document.changed.connect(self._on_document_changed)

    # construction ---------------------------------------------------------------------------
    def _build_mode_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("weightTableMode")
        for mode in TableMode:
            combo.addItem("", mode)
        combo.currentIndexChanged.connect(self._on_mode_changed)
        return combo

    def _mode_texts(self) -> dict[TableMode, tuple[str, str]]:
        return {
            TableMode.WEIGHTS: (
                self.tr("w (editable)"),
                self.tr("The weights w; double-click or type to edit one"),
            ),
            TableMode.GRADIENTS: (
                "∂E/∂w",
                self.tr("The gradient of the shown sample's loss (read-only)"),
            ),
            TableMode.UPDATES: (
                self.tr("Δw (last change)"),
                self.tr("How much the last edit or training run changed w"),
            ),
        }

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
            self._rebuild_tables()  # titles, tooltips and headers are made with the tables
        super().changeEvent(event)

    def retranslate(self) -> None:
        combo = self._mode_combo
        for index in range(combo.count()):
            label, tip = self._mode_texts()[combo.itemData(index)]
            combo.setItemText(index, label)
            combo.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        combo.setToolTip(self.tr("Show the weights, their gradients, or the last update"))
        self._show_caption.setText(self.tr("Show:"))

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        self._show_caption = QLabel(self)
        top.addWidget(self._show_caption)
        top.addWidget(self._mode_combo, 1)
        inner = QWidget()
        inner.setLayout(self._sections)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self._message)
        layout.addWidget(scroll, 1)

    def refresh_symbols(self) -> None:
        """Another notation (View ▸ Notation): the titles and headers name units anew."""
        self._rebuild_tables()

    def _rebuild_tables(self) -> None:
        for table in self.tables:
            table.model().detach()
        _clear_layout(self._sections)
        self.tables = []
        self._summaries: list[tuple[int, QLabel]] = []
        net = self._document.project.network
        for layer in range(2, net.n_layers + 1):
            self._sections.addWidget(QLabel(self._title(layer), self))
            rows, columns = net.layer_sizes[layer - 2], net.layer_sizes[layer - 1]
            if not table_shows_cells(rows + 1, columns):
                summary = QLabel(self)
                summary.setObjectName(f"weightSummary{layer}")
                summary.setWordWrap(True)
                self._sections.addWidget(summary)
                self._summaries.append((layer, summary))
                continue
            table = self._make_table(layer)
            self._sections.addWidget(table)
            self.tables.append(table)
        self._sections.addStretch(1)
        self._summarise()
        self._on_document_selection_changed(self._document.selection)

    def _title(self, layer: int) -> str:
        sizes = self._document.project.network.layer_sizes
        shape = f"{sizes[layer - 2]} × {sizes[layer - 1]}"
        return self.tr("<b>w%s</b>: layer %d → layer %d (%s)") % (
            sup(layer),
            layer - 1,
            layer,
            shape,
        )

    def _summarise(self) -> None:
        """The summaries of the shown network's matrices too big to list (now, or on a
        thread while the notes say so)."""
        if not self._summaries:
            return
        network = self._document.shown_network()
        matrices = {layer: network.weights[layer - 2] for layer, _note in self._summaries}
        at_once = summaries_run_at_once(matrices.values())
        self._summary_job.run(_summaries_of, (matrices,), at_once)

    def _show_summaries(self) -> None:
        done = self._summary_job.result
        sizes = self._document.project.network.layer_sizes
        for layer, note in self._summaries:
            stats = None if done is None else done.get(layer)
            note.setText(self._summary_text(sizes[layer - 2] * sizes[layer - 1], stats))

    def _summary_text(self, size: int, stats) -> str:
        """What a matrix too big to list shows: its size and (once known) its numbers' range."""
        text = self.tr("Too many weights to list them one by one (%s; a table lists up to %s).")
        text %= (f"{size:,}", f"{TABLE_MAX_WEIGHTS:,}")
        if stats is None:
            return text + " " + self.tr("Summarising them…")
        low, high, mean, rms = stats
        return (
            text
            + " "
            + self.tr("Smallest %.4g, largest %.4g, mean %.4g, root mean square %.4g.")
            % (low, high, mean, rms)
        )

    def _make_table(self, layer: int) -> QTableView:
        model = WeightTableModel(self._document, layer, self)
        model.set_mode(self.mode)
        model.editRefused.connect(self._on_edit_refused)
        table = QTableView(self)
        table.setObjectName(f"weightTable{layer}")
        table.setModel(model)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.horizontalHeader().setDefaultSectionSize(COLUMN_WIDTH)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.setToolTip(
            self.tr("Rows: units of layer %d; columns: units of layer %d") % (layer - 1, layer)
        )
        _fit_to_contents(table, model.rowCount(), model.columnCount())
        table.selectionModel().selectionChanged.connect(
            lambda *_args, t=table: self._on_table_selection_changed(t)
        )
        return table

    # mode -----------------------------------------------------------------------------------
    @property
    def mode(self) -> TableMode:
        return self._mode_combo.currentData()

    def set_mode(self, mode: TableMode) -> None:
        self._mode_combo.setCurrentIndex(self._mode_combo.findData(mode))

    def _on_mode_changed(self, _index: int) -> None:
        for table in self.tables:
            table.model().set_mode(self.mode)
        self.modeChanged.emit(self.mode)

    # document -> tables ---------------------------------------------------------------------
    def _on_structure_changed(self) -> None:
        self._rebuild_tables()

    def _on_document_selection_changed(self, refs) -> None:
        self._syncing = True
        try:
            for table in self.tables:
                _select_refs(table, refs)
        finally:
            self._syncing = False

    # tables -> document ---------------------------------------------------------------------
    def _on_table_selection_changed(self, table: QTableView) -> None:
        if self._syncing:
            return
        model = table.model()
        refs = {model.ref_at(i) for i in table.selectionModel().selectedIndexes()}
        self._document.set_selection(refs)

    def _on_edit_refused(self, message: str) -> None:
        # Shown inline rather than as a tooltip: it stays until the next edit, so it is read.
        self._message.setText(message)
        self._message.setVisible(True)
        self.statusMessage.emit(message)

    def _on_document_changed(self) -> None:
        self._message.setVisible(False)
        self._summarise()


def _summaries_of(matrices: dict) -> dict:
    return {layer: matrix_summary(matrix) for layer, matrix in matrices.items()}


def _select_refs(table: QTableView, refs) -> None:
    model = table.model()
    selection = QItemSelection()
    for ref in refs:
        index = model.index_of(ref)
        if index.isValid():
            selection.select(index, index)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    table.selectionModel().select(selection, flags)


def _fit_to_contents(table: QTableView, rows: int, columns: int) -> None:
    """Size a table to its cells (up to MAX_VISIBLE_ROWS rows), so small matrices look small."""
    frame = 2 * table.frameWidth()
    scrollbar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    header_height = table.horizontalHeader().sizeHint().height()
    row_height = table.verticalHeader().defaultSectionSize()
    height = header_height + min(rows, MAX_VISIBLE_ROWS) * row_height + frame
    width = table.verticalHeader().sizeHint().width() + columns * COLUMN_WIDTH + frame
    if rows > MAX_VISIBLE_ROWS:
        width += scrollbar
    if columns > WIDE_COLUMNS:  # likely to need a horizontal scrollbar in a narrow dock
        height += scrollbar
    table.setFixedHeight(height)
    table.setMaximumWidth(width)


def _clear_layout(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
