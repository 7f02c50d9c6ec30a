"""The question asked at start when a previous session died with unsaved work:
Restore, Discard, or Later (ask again next time)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from bpstudio.controller.autosave_store import AutosavedWork
from bpstudio.views.widgets.language import translate


class RecoveryAnswer(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def recovery_text(work: AutosavedWork) -> str:
    when = QLocale().toString(work.saved_at, QLocale.FormatType.ShortFormat)
    where = (
        translate("RecoveryDialog", "It was last saved as “%s”.") % work.original_path
        if work.original_path is not None
        else translate("RecoveryDialog", "It was never saved to a file.")
    )
    return (
        translate(
            "RecoveryDialog",
            "BP Studio did not close properly last time. Unsaved work on “%s” was kept "
            "automatically at %s.",
        )
        % (work.project.name, when)
        + "\n\n"
        + where
        + "\n\n"
        + translate(
            "RecoveryDialog",
            "Restore it now, discard it, or decide later (you will be asked at the next start).",
        )
    )


def ask_about_recovery(work: AutosavedWork, parent: QWidget | None = None) -> RecoveryAnswer:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("RecoveryDialog", "Restore unsaved work?"),
        "",
        parent=parent,
    )
    box.setObjectName("recoveryDialog")
    box.setText(recovery_text(work))
    restore = box.addButton(
        translate("RecoveryDialog", "Restore"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        translate("RecoveryDialog", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    later = box.addButton(translate("RecoveryDialog", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(later)  # closing the box must never throw the work away
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RecoveryAnswer.RESTORE
    if clicked is discard:
        return RecoveryAnswer.DISCARD
    return RecoveryAnswer.LATER
