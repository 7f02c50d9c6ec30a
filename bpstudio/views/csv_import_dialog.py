"""Import CSV…: choose a file, whether it has a header, the delimiter, and which columns are
inputs and which targets; a preview shows the first rows.  The dialog only reads: the data
docks put the result into the document (one undo command) after it is accepted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.model.datasets.csv_io import ImportedData, table_to_dataset
from bpstudio.model.datasets.csv_table import (
    AUTO,
    WHITESPACE,
    CsvImportError,
    CsvTable,
    parse_table,
    read_csv_file,
)

PREVIEW_ROWS = 20
ERROR_COLOUR = "#b00020"
INPUT, TARGET, SKIP = "input", "target", "skip"


class CsvImportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self.setWindowTitle(self.tr("Import CSV"))
        self._text = ""
        self._table: CsvTable | None = None
        self.result_data: ImportedData | None = None
        self._make_widgets()
        self._lay_out()
        self.resize(640, 480)

    def _make_widgets(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton(self.tr("Choose file…"))
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.header_box = QComboBox()
        for text, value in (
            (self.tr("Detect"), AUTO),
            (self.tr("Yes"), True),
            (self.tr("No"), False),
        ):
            self.header_box.addItem(text, value)
        self.delimiter_box = QComboBox()
        for text, value in (
            (self.tr("Detect"), AUTO),
            (self.tr("Comma ,"), ","),
            (self.tr("Semicolon ;"), ";"),
            (self.tr("Tab"), "\t"),
            (self.tr("Spaces"), WHITESPACE),
        ):
            self.delimiter_box.addItem(text, value)
        self.header_box.currentIndexChanged.connect(self._on_options_changed)
        self.delimiter_box.currentIndexChanged.connect(self._on_options_changed)
        self.preview = QTableWidget()
        self.preview.setObjectName("csvPreview")
        self.message = QLabel(self.tr("Choose a CSV file."))
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._ok_button().setEnabled(False)

    def _lay_out(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("First row is a header:"), self.header_box)
        form.addRow(self.tr("Delimiter:"), self.delimiter_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Preview; choose each column's role in the first row:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # the file -----------------------------------------------------------------------------------
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import CSV"), "", self.tr("CSV files (*.csv *.tsv *.txt);;All (*)")
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        self.path_edit.setText(path)
        try:
            self._text = read_csv_file(path)
        except CsvImportError as exc:
            self._text = ""
            self._show_error(str(exc))
            return
        self._on_options_changed()

    def _on_options_changed(self, *_args) -> None:
        if not self._text:
            return
        try:
            table = parse_table(
                self._text, self.delimiter_box.currentData(), self.header_box.currentData()
            )
        except CsvImportError as exc:
            self._table = None
            self.preview.clear()
            self._show_error(str(exc))
            return
        self._show_table(table)
        self._on_roles_changed()

    def _show_table(self, table: CsvTable) -> None:
        keep_roles = self._table is not None and self._table.n_columns == table.n_columns
        roles = self.roles() if keep_roles else None
        self._table = table
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(table.n_columns)
        self.preview.setRowCount(1 + len(rows))
        self.preview.setHorizontalHeaderLabels(table.names)
        for column in range(table.n_columns):
            self.preview.setCellWidget(0, column, self._role_box(column, table, roles))
            for r, row in enumerate(rows):
                self.preview.setItem(r + 1, column, QTableWidgetItem(row[column]))
        self.preview.setVerticalHeaderLabels(
            [self.tr("role")] + [str(n) for n in table.row_numbers[:PREVIEW_ROWS]]
        )

    def _role_box(self, column: int, table: CsvTable, roles) -> QComboBox:
        box = QComboBox()
        for text, value in ((self.tr("Input"), INPUT), (self.tr("Target"), TARGET),
                            (self.tr("Skip"), SKIP)):  # fmt: skip
            box.addItem(text, value)
        default = TARGET if column == table.n_columns - 1 else INPUT
        box.setCurrentIndex(box.findData(roles[column] if roles else default))
        box.currentIndexChanged.connect(self._on_roles_changed)
        return box

    def roles(self) -> list[str]:
        n = self._table.n_columns if self._table else 0
        return [self.preview.cellWidget(0, c).currentData() for c in range(n)]

    def set_role(self, column: int, role: str) -> None:
        box = self.preview.cellWidget(0, column)
        box.setCurrentIndex(box.findData(role))

    def _on_roles_changed(self, *_args) -> None:
        roles = self.roles()
        inputs = [c for c, role in enumerate(roles) if role == INPUT]
        targets = [c for c, role in enumerate(roles) if role == TARGET]
        try:
            self.result_data = table_to_dataset(self._table, inputs, targets)
        except CsvImportError as exc:
            self._show_error(str(exc))
            return
        data = self.result_data.dataset
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("%d samples, %d inputs, %d target columns (%s)")
            % (
                data.n_samples,
                data.n_inputs,
                data.n_targets,
                ", ".join(self.result_data.target_names),
            )
        )
        self._ok_button().setEnabled(True)

    def _show_error(self, text: str) -> None:
        self.result_data = None
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.message.setText(text)
        self._ok_button().setEnabled(False)
