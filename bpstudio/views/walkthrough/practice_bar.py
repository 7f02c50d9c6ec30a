"""Practice mode's controls above the walkthrough card: the toggle, the fading level, "New
exercise", the running summary and the offer of the next level."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpstudio.views.widgets.actions import describe
from bpstudio.views.widgets.language import Retranslating

PRACTICE_KEY = "Ctrl+P"
NEW_EXERCISE_KEY = "Ctrl+Shift+N"
FINISHED_STYLE = "font-weight: bold; background: #dcfce7; color: #14532d; padding: 4px;"


def _action(parent, name: str, key: str, slot, checkable: bool = False) -> QAction:
    action = QAction("", parent)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setCheckable(checkable)
    (action.toggled if checkable else action.triggered).connect(slot)
    parent.addAction(action)
    return action


class PracticeBar(Retranslating, QWidget):
    def __init__(self, session, cursor, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceBar")
        self.session = session
        self.cursor = cursor
        self.practice = _action(self, "actionPractice", PRACTICE_KEY, session.set_enabled, True)
        self.new_exercise = _action(self, "actionNewExercise", NEW_EXERCISE_KEY,
                                    session.new_exercise)  # fmt: skip
        toggle = QToolButton(objectName="practiceToggle")
        toggle.setDefaultAction(self.practice)
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.level = QComboBox(objectName="practiceLevel")
        self.level.activated.connect(self._on_level_chosen)
        self._level_caption = QLabel()
        new_button = QToolButton(objectName="practiceNewExercise")
        new_button.setDefaultAction(self.new_exercise)
        self.summary = QLabel(objectName="practiceSummary")
        self.summary.setWordWrap(True)
        self.next_level = QPushButton(objectName="practiceNextLevel")
        self.next_level.clicked.connect(session.next_level)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(toggle)
        row.addWidget(self._level_caption)
        row.addWidget(self.level, 1)
        row.addWidget(new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.next_level)
        self._controls = [self._level_caption, self.level, new_button, self.summary]
        session.changed.connect(self.refresh)
        cursor.derivationChanged.connect(self.refresh)
        self.retranslate()

    def actions_list(self) -> list[QAction]:
        return [self.practice, self.new_exercise]

    def retranslate(self) -> None:
        self.practice.setText(self.tr("&Practice"))
        describe(self.practice, self.tr("Practice: work out each value yourself; BP Studio "
                                        "checks it and names the mistake"))  # fmt: skip
        self.new_exercise.setText(self.tr("New e&xercise"))
        describe(self.new_exercise, self.tr("Fresh nice numbers for the inputs, labels and "
                                            "weights of the same network (undoable)"))  # fmt: skip
        self._level_caption.setText(self.tr("Compute:"))
        self.level.setToolTip(self.tr("Fading: which sections you work out yourself, "
                                      "from the end (Renkl's backward fading)"))  # fmt: skip
        self.next_level.setText(self.tr("Well done: work out one more section"))
        self.next_level.setToolTip(self.tr("Hide the section before these too"))
        self._fill_levels()
        self.refresh()

    def _level_text(self, level: int, top: int) -> str:
        if level == 0:
            return self.tr("nothing (worked example)")
        if level == top:
            return self.tr("everything")
        if level == 1:
            return self.tr("the last section")
        return self.tr("the last %d sections") % level

    def _fill_levels(self) -> None:
        top = self.session.max_level
        if self.level.count() == top + 1 and self.level.itemData(0) is not None:
            for level in range(top + 1):
                self.level.setItemText(level, self._level_text(level, top))
            return
        with QSignalBlocker(self.level):
            self.level.clear()
            for level in range(top + 1):
                self.level.addItem(self._level_text(level, top), level)

    @Slot()
    def refresh(self) -> None:
        on = self.session.enabled
        with QSignalBlocker(self.practice):
            self.practice.setChecked(on)
        for widget in self._controls:
            widget.setVisible(on)
        self._fill_levels()
        self.level.setCurrentIndex(self.session.level)
        self.summary.setText(self.session.summary_text() if on else "")
        summary = self.session.summary() if on else None
        finished = summary is not None and summary.total > 0 and summary.open == 0
        # the end of the walkthrough: the summary is the student's result, so it stands out
        self.summary.setStyleSheet(FINISHED_STYLE if finished else "")
        self.summary.setProperty("finished", finished)
        self.next_level.setVisible(on and self.session.offers_next_level())

    @Slot(int)
    def _on_level_chosen(self, index: int) -> None:
        self.session.set_level(self.level.itemData(index))
