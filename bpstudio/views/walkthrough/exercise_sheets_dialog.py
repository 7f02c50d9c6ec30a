"""File > Export exercise sheets…: a class set of sheets, as `bpstudio exercise` writes them.

The dialog only gathers the choices; the sheets come from bpstudio.model.practice.sheets and
bpstudio.render.sheets, the same code the command line runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from bpstudio.model.derivation import derive_project
from bpstudio.model.practice import max_level
from bpstudio.model.practice.sheets import MAX_STUDENTS, class_exercises
from bpstudio.views.widgets.language import derivation_language, switcher, translate
from bpstudio.views.widgets.status import ShowStatus

if TYPE_CHECKING:
    from bpstudio.controller.document import Document

DEFAULT_STUDENTS = 30
MAX_SEED = 2**31 - 1


class ExerciseSheetsDialog(QDialog):
    def __init__(self, project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseSheetsDialog")
        self.setWindowTitle(self.tr("Export exercise sheets"))
        self.project = project
        self.students = QSpinBox(objectName="sheetStudents")
        self.students.setRange(1, MAX_STUDENTS)
        self.students.setValue(DEFAULT_STUDENTS)
        self.students.setToolTip(self.tr("One sheet per student, each with its own numbers"))
        self.seed = QSpinBox(objectName="sheetSeed")
        self.seed.setRange(0, MAX_SEED)
        self.seed.setToolTip(self.tr("The same seed gives the same sheets again"))
        self.format = QComboBox(objectName="sheetFormat")
        for name, key in (("Markdown", "markdown"), ("LaTeX (xelatex)", "latex"),
                          ("HTML", "html"), ("JSON", "json")):  # fmt: skip
            self.format.addItem(name, key)
        self.level = QComboBox(objectName="sheetLevel")
        top = max_level(derive_project(project, 0))
        self.level.addItem(self.tr("everything"), top)
        for level in range(top - 1, 0, -1):
            self.level.addItem(self.tr("the last %d section(s)") % level, level)
        self.level.addItem(self.tr("nothing (worked example)"), 0)
        self.level.setToolTip(self.tr("Which sections the students work out, from the end"))
        self.language = QComboBox(objectName="sheetLanguage")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh")
        current = derivation_language(switcher().language)
        self.language.setCurrentIndex(self.language.findData(current))
        self.folder = QLineEdit(objectName="sheetFolder")
        self.folder.setText(str(Path.home() / "bpstudio-sheets"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Students:"), self.students)
        form.addRow(self.tr("Class seed:"), self.seed)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Blanks:"), self.level)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Folder:"), folder_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the sheets"),
                                                  self.folder.text())  # fmt: skip
        if folder:
            self.folder.setText(folder)

    def write(self) -> list[Path]:
        """Write the sheets as chosen; raises ValueError or OSError with the reason."""
        from bpstudio.render.sheets import write_sheets

        folder = self.folder.text().strip()
        if not folder:
            raise ValueError(self.tr("Choose a folder for the sheets."))
        lang, level, seed = self.language.currentData(), self.level.currentData(), self.seed.value()
        exercises = class_exercises(self.project, self.students.value(), seed, level, lang)
        return write_sheets(exercises, self.format.currentData(), folder, lang, level, seed)


def export_exercise_sheets(parent: QWidget, document: Document, show_status: ShowStatus) -> None:
    dialog = ExerciseSheetsDialog(document.project, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = dialog.write()
    except (ValueError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        reason = getattr(exc, "strerror", None) or str(exc)
        title = translate("ExerciseSheetsDialog", "Export exercise sheets")
        text = translate("ExerciseSheetsDialog", "Could not write the sheets: %s") % reason
        QMessageBox.warning(parent, title, text)
        return
    QGuiApplication.restoreOverrideCursor()
    show_status(
        translate("ExerciseSheetsDialog", "Wrote %d file(s) to %s")
        % (len(written), written[0].parent)
    )
