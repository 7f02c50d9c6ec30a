"""Edit > Undo and Redo, named after the command they would undo ("Undo Add a unit…").

Not QUndoStack.createUndoAction: its "Undo" prefix is fixed when the action is made, so it
would stay in the old language after a live language switch.  These re-read the prefix.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoStack

from bpstudio.views.widgets.actions import describe


class UndoRedoActions(QObject):
    def __init__(self, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self._stack = stack
        self.undo = QAction(parent)
        self.redo = QAction(parent)
        self.undo.triggered.connect(stack.undo)
        self.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        for signal in (stack.indexChanged, stack.cleanChanged, stack.undoTextChanged):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        if not all(shiboken6.isValid(o) for o in (self.undo, self.redo, self._stack)):
            return  # the stack's last signals come during teardown
        stack = self._stack
        self._show(self.undo, self.tr("&Undo"), stack.undoText(), stack.canUndo())
        self._show(self.redo, self.tr("&Redo"), stack.redoText(), stack.canRedo())

    @staticmethod
    def _show(action: QAction, verb: str, command: str, enabled: bool) -> None:
        action.setText(f"{verb} {command}" if command else verb)
        action.setEnabled(enabled)
        describe(action, action.text().replace("&", ""))
