"""Undo commands: each holds the project before and after one edit.

Whole-project snapshots are the simplest correct choice: the editing functions never mutate
a project, so before/after share nothing mutable with the live document, and undoing any
removal restores every weight, bias and dataset column exactly.  A snapshot of the seed network
is a few hundred bytes; of a 10,000-edge network, about 80 kB.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from bpstudio.model.project import Project

SET_WEIGHT_ID = 1001
SET_BIAS_ID = 1002
SET_TRAINING_ID = 1003

# How a command puts a project in place: the document's (project, structural) -> None.  A
# callable, not the document, so commands know nothing of the document (no import circle).
ApplyProject = Callable[[Project, bool], None]

# A command's name: a text, or a function that writes it in the current language (so the Edit
# menu and the history follow a language switch; see ProjectCommand.retranslate).
CommandName = str | Callable[[], str]


class ProjectCommand(QUndoCommand):
    """Replace the document's project with ``after``; undo puts ``before`` back."""

    def __init__(
        self,
        apply: ApplyProject,
        before: Project,
        after: Project,
        text: CommandName,
        structural: bool = False,
    ) -> None:
        super().__init__(text() if callable(text) else text)
        self._name = text
        self._apply = apply
        self.before = before
        self.after = after
        self.structural = structural

    def retranslate(self) -> None:
        """Write the name again in the current language (a plain text stays as it is)."""
        if callable(self._name):
            self.setText(self._name())

    def redo(self) -> None:
        self._apply(self.after, self.structural)

    def undo(self) -> None:
        self._apply(self.before, self.structural)


class MergingParameterCommand(ProjectCommand):
    """Setting one weight (or bias) again and again is one undo step: typing, dragging."""

    def __init__(self, apply, before, after, text, command_id: int, key: tuple) -> None:
        super().__init__(apply, before, after, text)
        self._command_id = command_id
        self.key = key

    def id(self) -> int:
        return self._command_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MergingParameterCommand) or other.key != self.key:
            return False
        self.after = other.after
        self._name = other._name
        self.setText(other.text())
        return True
