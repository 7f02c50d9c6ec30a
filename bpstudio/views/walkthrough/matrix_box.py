"""The walkthrough card's matrix view: the current step's layer as matrix formulas with the
numbers as small matrices (model.derivation.matrix), beside the per-unit formula above.

Closed by default and remembered: a toggle in the card.  Typeset only while open, so stepping
through the walkthrough never waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from bpstudio.model.derivation.matrix import matrix_steps, matrix_steps_for
from bpstudio.model.derivation.text import tr as derivation_text
from bpstudio.views.walkthrough.formula_widget import FormulaLabel, FormulaScroll
from bpstudio.views.widgets.language import Retranslating

SETTINGS_KEY = "walkthrough/matrixView"


class MatrixBox(Retranslating, QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("stepMatrix")
        self.toggle = QToolButton()
        self.toggle.setObjectName("stepMatrixToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.body = QWidget()
        self.body.setObjectName("stepMatrixBody")
        self._body_layout = QVBoxLayout(self.body)
        self._body_layout.setContentsMargins(16, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        self._derivation = None
        self._steps: tuple = ()  # the derivation's matrix steps, computed when first shown
        self._step = None
        self._shown: tuple = ()
        on = bool(QSettings().value(SETTINGS_KEY, False, type=bool))
        self.toggle.setChecked(on)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)
        self.toggle.toggled.connect(self._on_toggled)
        self.retranslate()

    def retranslate(self) -> None:
        self.toggle.setText(self.tr("Matrix view"))
        self.toggle.setToolTip(
            self.tr("Show this step's layer as matrices, beside the formula for one unit")
        )

    def show_step(self, derivation, step) -> None:
        if derivation is not self._derivation:
            self._derivation, self._steps = derivation, ()
        self._step = step
        if self.toggle.isChecked():
            self._fill()

    def _fill(self) -> None:
        if self._derivation is None or self._step is None:
            return
        if not self._steps:
            self._steps = matrix_steps(self._derivation)
        wanted = matrix_steps_for(self._steps, self._step)
        if wanted == self._shown and self._body_layout.count():
            return
        self._shown = wanted
        self._clear()
        note = QLabel(derivation_text("matrix.note", self._derivation.lang))
        note.setObjectName("stepMatrixNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self._body_layout.addWidget(note)
        for matrix_step in wanted:
            for latex in (matrix_step.symbolic, matrix_step.substituted):
                formula = FormulaLabel(0.7)
                formula.set_latex(latex)
                self._body_layout.addWidget(FormulaScroll(formula))

    def _clear(self) -> None:
        while self._body_layout.count():
            item = self._body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        QSettings().setValue(SETTINGS_KEY, on)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        if on:
            self._fill()
        self.body.setVisible(on)
