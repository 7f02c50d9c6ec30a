"""File > Export as code…: NumPy script, PyTorch script or Jupyter notebook of the walkthrough.

The dialog only asks (what, which language, which sample, how many training steps); the file
is written by bpstudio.render.code_export, the same code as `bpstudio export`. The choices are
remembered for next time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from bpstudio.model.safe_files import write_file
from bpstudio.render.code_export import SUFFIXES, export_code
from bpstudio.render.code_spec import MAX_STEPS, TARGETS
from bpstudio.views.widgets.language import derivation_language, model_message, switcher, translate
from bpstudio.views.widgets.status import ShowStatus

if TYPE_CHECKING:
    from bpstudio.controller.document import Document

SETTINGS_TARGET = "export_code/target"
SETTINGS_STEPS = "export_code/steps"


@dataclass(frozen=True)
class CodeChoice:
    target: str  # numpy, pytorch, notebook
    lang: str  # en, zh
    sample: int  # 0-based
    steps: int


def target_label(target: str) -> str:
    return {
        "numpy": translate("ExportCodeDialog", "NumPy script (.py)"),
        "pytorch": translate("ExportCodeDialog", "PyTorch script (.py)"),
        "notebook": translate("ExportCodeDialog", "Jupyter notebook (.ipynb)"),
    }[target]


def _file_filter(target: str) -> str:
    if target == "notebook":
        return translate("ExportCodeDialog", "Jupyter notebooks (*.ipynb)")
    return translate("ExportCodeDialog", "Python scripts (*.py)")


class ExportCodeDialog(QDialog):
    def __init__(self, parent: QWidget | None, n_samples: int, sample: int, lang: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportCodeDialog", "Export as code"))
        form = QFormLayout(self)
        intro = QLabel(
            translate(
                "ExportCodeDialog",
                "Code that builds this network, data and training settings and prints every "
                "number of the walkthrough, to run outside BP Studio.",
            ),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.target = QComboBox(self)
        for target in TARGETS:
            self.target.addItem(target_label(target), target)
        saved = QSettings().value(SETTINGS_TARGET, "numpy")
        self.target.setCurrentIndex(max(0, self.target.findData(saved)))
        self.target.setToolTip(
            translate(
                "ExportCodeDialog",
                "NumPy: plain arrays and a loop over layers. PyTorch: torch.nn, autograd and "
                "torch.optim. Notebook: the NumPy code with the walkthrough's formulas, "
                "checked by PyTorch at the end.",
            )
        )
        form.addRow(translate("ExportCodeDialog", "&Code:"), self.target)
        self.lang = QComboBox(self)
        self.lang.addItem("English", "en")
        self.lang.addItem("简体中文", "zh")
        self.lang.setCurrentIndex(max(0, self.lang.findData(lang)))
        self.lang.setToolTip(
            translate("ExportCodeDialog", "The language of the comments and headings")
        )
        form.addRow(translate("ExportCodeDialog", "&Language:"), self.lang)
        self.sample = QSpinBox(self)
        self.sample.setRange(1, n_samples)
        self.sample.setValue(sample + 1)
        self.sample.setToolTip(
            translate("ExportCodeDialog", "The sample whose walkthrough the code prints")
        )
        form.addRow(translate("ExportCodeDialog", "&Sample:"), self.sample)
        self.steps = QSpinBox(self)
        self.steps.setRange(0, MAX_STEPS)
        self.steps.setValue(int(QSettings().value(SETTINGS_STEPS, 0)))
        self.steps.setSpecialValueText(translate("ExportCodeDialog", "no training"))
        self.steps.setToolTip(
            translate(
                "ExportCodeDialog",
                "After the walkthrough, train this many steps as BP Studio does (batches, "
                "shuffle order, momentum) and print the weights",
            )
        )
        form.addRow(translate("ExportCodeDialog", "&Training steps:"), self.steps)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            translate("ExportCodeDialog", "&Export…")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> CodeChoice:
        return CodeChoice(
            self.target.currentData(),
            self.lang.currentData(),
            self.sample.value() - 1,
            self.steps.value(),
        )

    def remember(self) -> None:
        QSettings().setValue(SETTINGS_TARGET, self.target.currentData())
        QSettings().setValue(SETTINGS_STEPS, self.steps.value())


def write_code(document: Document, choice: CodeChoice, path: Path, show_status: ShowStatus) -> bool:
    """Write the export of the document's project to ``path``; say how it went in the status
    bar."""
    try:
        text = export_code(
            document.project, choice.target, lang=choice.lang, steps=choice.steps,
            sample=choice.sample, file_name=path.name,
        )  # fmt: skip
        write_file(path, text, source=document.file_path)
    except ValueError as exc:  # also FileWriteError: names the file and why, translated
        show_status(translate("ExportCodeDialog", "Could not export: %s") % model_message(exc))
        return False
    except OSError as exc:
        show_status(translate("ExportCodeDialog", "Could not export: %s") % (exc.strerror or exc))
        return False
    show_status(
        translate("ExportCodeDialog", "Exported %s to %s") % (target_label(choice.target), path)
    )
    return True


def export_code_dialog(parent: QWidget, doc: Document, show_status: ShowStatus) -> None:
    lang = derivation_language(switcher().language)
    dialog = ExportCodeDialog(parent, doc.project.dataset.n_samples, doc.sample_index, lang)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    dialog.remember()
    choice = dialog.choice()
    stem = re.sub(r"[^\w-]+", "_", Path(doc.display_name()).stem).strip("_") or "bp"
    suggested = f"{stem}_{choice.target}{SUFFIXES[choice.target]}"
    title = translate("ExportCodeDialog", "Export as code")
    path, _f = QFileDialog.getSaveFileName(parent, title, suggested, _file_filter(choice.target))
    if not path:
        return
    path = Path(path) if Path(path).suffix else Path(path + SUFFIXES[choice.target])
    write_code(doc, choice, path, show_status)
