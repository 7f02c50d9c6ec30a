"""The dialog shown when an exception escaped: what happened, the details to copy into a bug
report, and a Save As that writes the open project somewhere safe.

It is not modal, and there is only one: an exception that repeats (say, in every paint) adds
to the details of the dialog already open instead of stacking dialogs, and the window behind
stays usable.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_DETAIL_CHARS = 200_000  # a storm of repeated tracebacks must not grow without bound


class CrashDialog(QDialog):
    def __init__(
        self,
        save_as: Callable[[], bool],
        log_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("BP Studio hit a problem"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self._save_as = save_as
        self._count = 0
        self.summary = QLabel(wordWrap=True)
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setObjectName("crashDetails")
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._log_path = log_path
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("copyDetails")
        self.save_as_button = QPushButton(self.tr("Save As…"))
        self.save_as_button.setObjectName("saveAs")
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.buttons.addButton(self.copy_button, role)
        self.buttons.addButton(self.save_as_button, role)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.save_as_button.clicked.connect(self._on_save_as_clicked)
        self.buttons.rejected.connect(self.close)

    def add_exception(self, details: str) -> None:
        """Show one more exception (the first, or another while this dialog is open)."""
        self._count += 1
        text = details if self._count == 1 else self.details.toPlainText() + "\n" + details
        self.details.setPlainText(text[-MAX_DETAIL_CHARS:])
        self.summary.setText(self._summary_text())
        self.show()
        if QGuiApplication.platformName() != "offscreen":  # it has no stacking; it would warn
            self.raise_()

    def _summary_text(self) -> str:
        text = self.tr(
            "Something went wrong inside BP Studio. Your work is still open: use Save As to "
            "keep a copy, then carry on or restart BP Studio."
        )
        if self._count > 1:
            text += " " + self.tr("(This happened %d times.)") % self._count
        if self._log_path is not None:
            text += "\n" + self.tr("The details are also in %s.") % self._log_path
        return text

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())

    def _on_save_as_clicked(self) -> None:
        self._save_as()
