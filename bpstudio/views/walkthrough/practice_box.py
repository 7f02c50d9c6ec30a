"""The student's side of a practice step, under its formula: the answer field, the verdict,
and the hints asked for so far.  Everything it shows comes from the PracticeSession."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from bpstudio.views.walkthrough.formula_widget import FormulaLabel, FormulaScroll
from bpstudio.views.widgets.language import Retranslating

# verdict kind -> (text colour, background) of the feedback
FEEDBACK_COLOURS = {
    "correct": ("#14532d", "#dcfce7"),
    "mistake": ("#7c2d12", "#ffedd5"),
    "not_yet": ("#7c2d12", "#ffedd5"),
    "rounding": ("#713f12", "#fef9c3"),
    "more_digits": ("#713f12", "#fef9c3"),
    "unreadable": ("#713f12", "#fef9c3"),
    "revealed": ("#1e3a8a", "#dbeafe"),
    "": ("#333333", "transparent"),
}
MAX_HINT_LINES = 12


class PracticeBox(Retranslating, QFrame):
    def __init__(self, session, cursor, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceBox")
        self.session = session
        self.cursor = cursor
        self._shown_index = -1
        self.prompt = QLabel(objectName="practicePrompt")
        self.prompt.setWordWrap(True)
        self.answer = QLineEdit(objectName="practiceAnswer")
        self.answer.setClearButtonEnabled(True)
        self.answer.returnPressed.connect(self._on_return)
        self.check_button = QPushButton(objectName="practiceCheck")
        self.check_button.clicked.connect(self._on_check)
        self.hint_button = QToolButton(objectName="practiceHint")
        self.hint_button.clicked.connect(self._on_hint)
        self.reveal_button = QToolButton(objectName="practiceReveal")
        self.reveal_button.clicked.connect(self._on_reveal)
        self.feedback = QLabel(objectName="practiceFeedback")
        self.feedback.setWordWrap(True)
        self._hint_labels = [FormulaLabel(0.7) for _ in range(MAX_HINT_LINES)]
        row = QHBoxLayout()
        row.addWidget(self.answer, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.hint_button)
        row.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        self._hint_rows = []  # each hint in its own sideways-scrolling row, as the card's formulas
        for label in self._hint_labels:
            label.setObjectName("practiceHintLine")
            row = FormulaScroll(label)
            layout.addWidget(row)
            row.hide()
            self._hint_rows.append(row)
        self.setStyleSheet("#practiceBox { border: 1px solid #9db7d8; border-radius: 4px; }")
        session.changed.connect(self.refresh)
        cursor.stepChanged.connect(lambda _index: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.answer.setPlaceholderText(self.tr("Your answer, e.g. 0.0213"))
        self.answer.setToolTip(
            self.tr("Type the value with at least 3 significant digits; Enter checks it")
        )
        self.check_button.setText(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Check your answer (Enter)"))
        self.hint_button.setText(self.tr("Hint"))
        self.hint_button.setToolTip(
            self.tr(
                "Next hint: the formula with the numbers, then one factor at a time, "
                "then the answer"
            )
        )
        self.reveal_button.setText(self.tr("Show answer"))
        self.reveal_button.setToolTip(self.tr("Show the value (the step counts as revealed)"))
        self.refresh()

    # what the session says ---------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        index = self.cursor.index
        hidden = self.session.is_hidden(index)
        self.setVisible(hidden)
        if not hidden:
            self._shown_index = -1
            return
        if index != self._shown_index:
            self.answer.clear()
            self._shown_index = index
        open_ = self.session.is_concealed(index)
        # a done step keeps the field (read-only), so that Enter there goes on
        self.answer.setReadOnly(not open_)
        for widget in (self.check_button, self.hint_button, self.reveal_button):
            widget.setEnabled(open_)
        self.prompt.setText(self._prompt(index, open_))
        self._show_feedback(*self.session.feedback(index))
        self._show_hints(self.session.hints(index) if open_ else [])

    def _prompt(self, index: int, open_: bool) -> str:
        if open_:
            return self.tr("Your turn: work out this value, then press Enter.")
        outcome = self.session.progress(index).outcome
        return {
            "first_try": self.tr("✓ Right first time. Enter goes on to the next formula."),
            "after_help": self.tr("✓ Right. Enter goes on to the next formula."),
            "revealed": self.tr("Shown. Enter goes on to the next formula."),
        }.get(outcome, "")

    def _show_feedback(self, kind: str, text: str) -> None:
        ink, fill = FEEDBACK_COLOURS.get(kind, FEEDBACK_COLOURS[""])
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))
        self.feedback.setStyleSheet(f"color: {ink}; background: {fill}; padding: 4px;")
        self.feedback.setProperty("verdict", kind)

    def _show_hints(self, hints: list[str]) -> None:
        for i, (label, row) in enumerate(zip(self._hint_labels, self._hint_rows, strict=True)):
            if i < len(hints):
                label.set_latex(hints[i])
                row.updateGeometry()
            row.setVisible(i < len(hints))

    # the student's moves -----------------------------------------------------------------
    @Slot()
    def _on_return(self) -> None:
        if self.session.is_concealed(self.cursor.index):
            self._on_check()
        else:
            self.cursor.next()

    @Slot()
    def _on_check(self) -> None:
        if self.answer.text().strip():
            self.session.check(self.answer.text())
            self.answer.selectAll()

    @Slot()
    def _on_hint(self) -> None:
        self.session.hint()

    @Slot()
    def _on_reveal(self) -> None:
        self.session.reveal()
