"""The data dock's contents: built-in sets, split and standardisation controls, the table of
samples with add/remove row buttons, and a line saying what the network sees and how well it
does (loss and accuracy on the training and test rows)."""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller.background_evaluation import BackgroundEvaluation
from bpstudio.controller.document import Document
from bpstudio.model.evaluation import Evaluation
from bpstudio.views.data.data_controls import DataControls
from bpstudio.views.data.dataset_table_model import DatasetTableModel
from bpstudio.views.data.standardise_hint import StandardiseHint
from bpstudio.views.widgets.language import Retranslating, model_message

ROW_HEIGHT = 22


class DataPanel(Retranslating, QWidget):
    statusMessage = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.controls = DataControls()
        self.model = DatasetTableModel(document, self)
        self.table = self._make_table()
        self.add_row_button = QPushButton()
        self.remove_row_button = QPushButton()
        self.info = QLabel()
        self.info.setObjectName("dataInfo")
        self.info.setWordWrap(True)
        self.standardise_hint = StandardiseHint(document)
        self.evaluation = BackgroundEvaluation(document, self)
        self._lay_out()
        self._connect()
        self._on_document_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.add_row_button.setText(self.tr("Add row"))
        self.add_row_button.setToolTip(self.tr("Copy the selected row (or the last) below it"))
        self.remove_row_button.setText(self.tr("Remove row"))
        self.remove_row_button.setToolTip(self.tr("Remove the selected row"))
        self.table.setToolTip(
            self.tr("Double-click a number to edit it; click a row to walk it through")
        )
        self.model.retranslate()  # a model gets no LanguageChange: its headers and cells
        self._show_evaluation()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("datasetTableView")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # train/test
        return table

    def _lay_out(self) -> None:
        rows = QHBoxLayout()
        rows.addWidget(self.add_row_button)
        rows.addWidget(self.remove_row_button)
        rows.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.controls)
        layout.addWidget(self.standardise_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(rows)
        layout.addWidget(self.info)

    def _connect(self) -> None:
        self._document.changed.connect(self._on_document_changed)
        self.evaluation.changed.connect(self._show_evaluation)
        self.model.editRefused.connect(self.statusMessage)
        self.table.clicked.connect(self._on_row_clicked)
        self.add_row_button.clicked.connect(self._on_add_row_clicked)
        self.remove_row_button.clicked.connect(self._on_remove_row_clicked)

    # slots ------------------------------------------------------------------------------------
    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _on_row_clicked(self, index) -> None:
        self._document.set_sample_index(index.row())

    def _on_add_row_clicked(self) -> None:
        self._document.add_data_row(self._selected_row())

    def _on_remove_row_clicked(self) -> None:
        row = self._selected_row()
        if row is None:
            row = self._document.sample_index
        try:
            self._document.remove_data_row(row)
        except ValueError as exc:
            self.statusMessage.emit(model_message(exc))

    def _on_document_changed(self) -> None:
        data = self._document.project.dataset
        self.controls.show_dataset(data)
        self.remove_row_button.setEnabled(data.n_samples > 1)
        self.evaluation.refresh()  # shows the result, or that it is being evaluated

    # the info line ------------------------------------------------------------------------------
    def _show_evaluation(self) -> None:
        self.show_evaluation(self.evaluation.result)

    def show_evaluation(self, result: Evaluation | None) -> None:
        """``result`` None: a big network's evaluation is under way on another thread."""
        data = self._document.project.dataset
        parts = [self._sizes_text(data)]
        if data.standardise:
            parts.append(self._scaling_text(data.scaling()))
        parts.append(self._evaluation_text(result))
        self.info.setText("<br>".join(parts))

    def _sizes_text(self, data) -> str:
        n_test = len(data.test_indices())
        return self.tr("%d samples: %d train, %d test") % (
            data.n_samples,
            data.n_samples - n_test,
            n_test,
        )

    def _scaling_text(self, scaling) -> str:
        columns = ", ".join(
            f"x{j + 1}: {_num(m)} ± {_num(s)}"
            for j, (m, s) in enumerate(zip(scaling.mean, scaling.std, strict=True))
        )
        return self.tr("Standardised (mean ± sd of the training rows): %s") % columns

    def _evaluation_text(self, r: Evaluation | None) -> str:
        if r is None:
            return self.tr("Loss: evaluating…")
        text = self.tr("Loss: train %s, test %s") % (_num(r.train_loss), _num(r.test_loss))
        if r.is_classification:
            text += self.tr(" · accuracy: train %s, test %s") % (
                _percent(r.train_accuracy),
                _percent(r.test_accuracy),
            )
        return text


def _num(value: float) -> str:
    return "–" if math.isnan(value) else QLocale().toString(float(value), "g", 4)


def _percent(value: float) -> str:
    return "–" if math.isnan(value) else f"{100 * value:.1f} %"
