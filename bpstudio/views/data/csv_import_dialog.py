"""Import CSV…: choose a file, whether it has a header, the delimiter, and which columns are
inputs and which targets; a preview shows the first rows.  The dialog only reads: the data
docks put the result into the document (one undo command) after it is accepted.

A file the reader refuses is explained under the preview in the interface language (the
reader's Message, translated by model_messages), and again after a language switch."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpstudio.model.data.csv_io import ImportedData, table_to_dataset
from bpstudio.model.data.csv_table import (
    AUTO,
    WHITESPACE,
    CsvImportError,
    CsvTable,
    column_name,
    parse_table,
    read_csv_file,
)
from bpstudio.model.messages import Message, message_of
from bpstudio.views.data.csv_preview import INPUT, SKIP, TARGET, CsvPreviewModel, RoleDelegate
from bpstudio.views.widgets.language import Retranslating, model_message

PREVIEW_ROWS = 20
ERROR_COLOUR = "#b00020"


class CsvImportDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self._text: str | None = None
        self._table: CsvTable | None = None
        self.result_data: ImportedData | None = None
        self._error: Message | None = None  # the reader's objection, while one is shown
        self._make_widgets()
        self._lay_out()
        self.resize(640, 480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import CSV"))
        self.browse_button.setText(self.tr("Choose file…"))
        for i, text in enumerate((self.tr("Detect"), self.tr("Yes"), self.tr("No"))):
            self.header_box.setItemText(i, text)
        delimiters = (
            self.tr("Detect"),
            self.tr("Comma ,"),
            self.tr("Semicolon ;"),
            self.tr("Tab"),
            self.tr("Spaces"),
        )
        for i, text in enumerate(delimiters):
            self.delimiter_box.setItemText(i, text)
        labels = (
            self.tr("File:"),
            self.tr("First row is a header:"),
            self.tr("Delimiter:"),
            self.tr("Preview; choose each column's role in the first row:"),
        )
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self._show_texts()
        if self._error is not None:
            self.message.setText(model_message(self._error))
        elif self._table is not None:
            self._show_summary()
        else:
            self.message.setText(self.tr("Choose a CSV file."))

    def _role_texts(self) -> dict[str, str]:
        return {INPUT: self.tr("Input"), TARGET: self.tr("Target"), SKIP: self.tr("Skip")}

    def _show_texts(self) -> None:
        names = self._column_names(self._table) if self._table is not None else []
        self.preview_model.set_texts(names, self._role_texts(), self.tr("role"))

    def _make_widgets(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.header_box = QComboBox()
        for value in (AUTO, True, False):
            self.header_box.addItem("", value)  # texts: retranslate
        self.delimiter_box = QComboBox()
        for value in (AUTO, ",", ";", "\t", WHITESPACE):
            self.delimiter_box.addItem("", value)
        self.header_box.currentIndexChanged.connect(self._on_options_changed)
        self.delimiter_box.currentIndexChanged.connect(self._on_options_changed)
        self.preview_model = CsvPreviewModel(self)
        self.preview_model.rolesChanged.connect(self._on_roles_changed)
        self.preview = QTableView()
        self.preview.setObjectName("csvPreview")
        self.preview.setModel(self.preview_model)
        self.preview.setItemDelegate(RoleDelegate(self.preview))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.message = QLabel()
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
        self._labels = [QLabel() for _ in range(4)]  # texts: retranslate
        form = QFormLayout()
        form.addRow(self._labels[0], file_row)
        form.addRow(self._labels[1], self.header_box)
        form.addRow(self._labels[2], self.delimiter_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._labels[3])
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
            self._text = None
            self._show_error(exc)
            return
        self._on_options_changed()

    def _on_options_changed(self, *_args) -> None:
        if self._text is None:  # no file yet (an empty file is text: the parser says so)
            return
        try:
            table = parse_table(
                self._text, self.delimiter_box.currentData(), self.header_box.currentData()
            )
        except CsvImportError as exc:
            self._table = None
            self.preview_model.show_table(None, 0)
            self._show_error(exc)
            return
        self._show_table(table)
        self._on_roles_changed()

    def _show_table(self, table: CsvTable) -> None:
        keep_roles = self._table is not None and self._table.n_columns == table.n_columns
        roles = self.roles() if keep_roles else None
        self._table = table
        self.preview_model.show_table(table, PREVIEW_ROWS, roles)
        self._show_texts()

    def roles(self) -> list[str]:
        return self.preview_model.roles()

    def set_role(self, column: int, role: str) -> None:
        self.preview_model.set_role(column, role)

    def _on_roles_changed(self, *_args) -> None:
        roles = self.roles()
        inputs = [c for c, role in enumerate(roles) if role == INPUT]
        targets = [c for c, role in enumerate(roles) if role == TARGET]
        try:
            self.result_data = table_to_dataset(self._table, inputs, targets)
        except CsvImportError as exc:
            self._show_error(exc)
            return
        self._error = None
        self.message.setStyleSheet("")
        self._show_summary()
        self._ok_button().setEnabled(True)

    def _show_summary(self) -> None:
        if self.result_data is None:
            return
        data = self.result_data.dataset
        self.message.setText(
            self.tr("%d samples, %d inputs, %d target columns (%s)")
            % (
                data.n_samples,
                data.n_inputs,
                data.n_targets,
                ", ".join(self._shown_name(n) for n in self.result_data.target_names),
            )
        )

    def _show_error(self, error: CsvImportError) -> None:
        self._error = message_of(error)
        self.result_data = None
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.message.setText(model_message(self._error))
        self._ok_button().setEnabled(False)

    def _column_names(self, table: CsvTable) -> list[str]:
        """The header's names; a column without one is "column 2" in the interface language."""
        return [self._shown_name(name, c) for c, name in enumerate(table.names)]

    def _shown_name(self, name: str, column: int | None = None) -> str:
        columns = range(self._table.n_columns) if column is None else (column,)
        for c in columns:
            if name == column_name(c):
                return model_message(Message("column {column}", column=c + 1))
        return name
