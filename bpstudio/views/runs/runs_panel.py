"""The Runs dock's contents (``runsPanel``): the kept runs in a table, with Restore, Rename and
Delete (each one undoable edit through the document), "Keep this run" and "Experiment…", and
the share of the first epoch's loss that counts as converged."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller.document import Document
from bpstudio.model.runs import DEFAULT_SHARE
from bpstudio.views.runs.runs_table_model import NAME, RunsTableModel
from bpstudio.views.widgets.language import Retranslating, model_message


class RunsPanel(Retranslating, QWidget):
    message = Signal(str)  # why an edit was refused, for the status bar

    def __init__(self, document: Document, keep: QAction, experiment: QAction, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = RunsTableModel(document, self)
        self.table = self._make_table()
        self.keep_button = _tool_button(keep)
        self.experiment_button = _tool_button(experiment)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("runsRestore")
        self.rename_button = QPushButton()
        self.rename_button.setObjectName("runsRename")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("runsDelete")
        self.share = QDoubleSpinBox()
        self.share.setObjectName("runsShare")
        self.share.setRange(0.1, 99.0)
        self.share.setDecimals(1)
        self.share.setSuffix(" %")
        self.share.setValue(DEFAULT_SHARE * 100)
        self.share_label = QLabel()
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self._training = False
        self._lay_out()
        self._connect()
        self.retranslate()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("runsTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self._on_delete)
        table.addAction(self.delete_action)
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.keep_button)
        top.addWidget(self.experiment_button)
        top.addStretch(1)
        top.addWidget(self.share_label)
        top.addWidget(self.share)
        bottom = QHBoxLayout()
        for button in (self.restore_button, self.rename_button, self.delete_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.restore_button.clicked.connect(self._on_restore)
        self.rename_button.clicked.connect(self._on_rename)
        self.delete_button.clicked.connect(self._on_delete)
        self.share.valueChanged.connect(lambda percent: self.model.set_share(percent / 100))
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def retranslate(self) -> None:
        self.model.retranslate()
        self.restore_button.setText(self.tr("&Restore"))
        self._restore_tips = (
            self.tr(
                "Bring back the chosen run's settings and starting weights (undoable); "
                "its training starts afresh"
            ),
            self.tr("Pause training to restore a run"),
        )
        self.rename_button.setText(self.tr("Re&name"))
        self.rename_button.setToolTip(self.tr("Rename the chosen run (F2, or double-click)"))
        self.delete_button.setText(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete the chosen run (Del; undoable)"))
        self.share_label.setText(self.tr("Converged below"))
        tip = self.tr(
            "A run has converged at the first epoch whose loss is below this share "
            "of its first epoch's loss"
        )
        self.share_label.setToolTip(tip)
        self.share.setToolTip(tip)
        self.table.setToolTip(
            self.tr("Tick a run to draw its loss beside this run's on the Loss plot")
        )
        self.empty_hint.setText(
            self.tr(
                "No runs kept yet. Train, then Keep this run; or try several settings at "
                "once with Experiment…."
            )
        )
        self._update_buttons()

    # state ----------------------------------------------------------------------------------
    def set_training(self, running: bool) -> None:
        """While training runs the document lags behind it: restoring waits for a pause."""
        self._training = running
        self._update_buttons()

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        chosen = self.current_row() is not None
        self.restore_button.setEnabled(chosen and not self._training)
        self.rename_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        self.restore_button.setToolTip(self._restore_tips[self._training])

    # actions --------------------------------------------------------------------------------
    def _on_restore(self) -> None:
        row = self.current_row()
        if row is None:
            return
        try:
            self._document.restore_run(row)
        except ValueError as exc:  # a run of another network than the data fits
            self.message.emit(model_message(exc))

    def _on_rename(self) -> None:
        row = self.current_row()
        if row is not None:
            self.table.edit(self.model.index(row, NAME))

    def _on_delete(self) -> None:
        row = self.current_row()
        if row is not None:
            self._document.delete_run(row)


def _tool_button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
