"""Everything that keeps a student's work safe in one main window: autosave, the recovery offer
at start, the crash log, and the crash dialog.

`run_gui` makes one for its window, with the workspace's autosave; tests that build a
MainWindow directly do not get one, so they never touch autosave files or the global exception
hooks unless they ask to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QMessageBox

from bpstudio.controller.autosave_store import AutosavedWork
from bpstudio.controller.crash_log import (
    LOG_FILE_NAME,
    CrashReporter,
    log_folder,
    log_training_failure,
    start_log_file,
    stop_log_file,
)
from bpstudio.model.safe_files import remove_stale_temps
from bpstudio.views.widgets.language import model_message
from bpstudio.views.window import recent_files
from bpstudio.views.window.crash_dialog import CrashDialog
from bpstudio.views.window.recovery_dialog import RecoveryAnswer, ask_about_recovery

if TYPE_CHECKING:
    from bpstudio.controller.workspace import Workspace
    from bpstudio.views.window.main_window import MainWindow

_log = logging.getLogger(__name__)


def _remove_stale_temps_of_recent_files() -> None:
    """A save killed midway leaves a hidden temporary file next to the project; the ones
    whose process is gone are deleted at start (the autosave folder's by the session)."""
    for path in recent_files.recent_files():
        for removed in remove_stale_temps(path.parent, path.name):
            _log.info("removed a stale temporary file: %s", removed)


AskRecovery = Callable[[AutosavedWork], RecoveryAnswer]


class SafetyNet(QObject):
    def __init__(self, workspace: Workspace, window: MainWindow) -> None:
        """``workspace``: its autosave started (Workspace.start_autosave)."""
        super().__init__(window)
        self._window = window
        self._document = workspace.document
        self._log_handler = start_log_file()
        self.log_path = log_folder() / LOG_FILE_NAME
        if workspace.autosaver is None:
            raise ValueError("the safety net needs the workspace's autosave started")
        self.autosaver = workspace.autosaver
        _remove_stale_temps_of_recent_files()
        self.reporter = CrashReporter(self)
        self.reporter.crashed.connect(self._on_crashed)
        self.reporter.install()
        self.crash_dialog: CrashDialog | None = None
        self.autosave_warning: QMessageBox | None = None  # one box per run of failures
        self.autosaver.failed.connect(self._on_autosave_failed)
        self.autosaver.saved.connect(self._on_autosave_saved)
        workspace.controller.failed.connect(log_training_failure)

    # recovery -------------------------------------------------------------------------------
    def offer_recovery(self, ask: AskRecovery | None = None) -> bool:
        """Offer the work of sessions that died, newest first; True if some was restored.

        One window holds one project, so after a Restore any older orphans wait for the next
        start (as "Later" does).
        """
        ask = ask if ask is not None else (lambda work: ask_about_recovery(work, self._window))
        session = self.autosaver.session
        orphans, unreadable = session.orphaned_work()
        for file in unreadable:
            _log.warning("an autosave cannot be read and is left in place: %s", file)
        try:
            for work in orphans:
                answer = ask(work)
                if answer is RecoveryAnswer.RESTORE:
                    self._restore(work)
                    return True
                if answer is RecoveryAnswer.DISCARD:
                    session.discard(work)
            return False
        finally:
            session.release_claims()

    def _restore(self, work: AutosavedWork) -> None:
        self._document.restore_autosave(work.project, work.original_path)
        # Our own autosave holds it before the old one goes: a crash now still loses nothing.
        if self.autosaver.save_now():
            self.autosaver.session.discard(work)
        _log.info("restored autosaved work from %s", work.file)

    # autosave failures ------------------------------------------------------------------------
    @Slot(object)
    def _on_autosave_failed(self, error: Exception) -> None:
        """Said in the status bar every time, and once in a box that does not block: the work
        is still open, but it is no longer protected against a crash."""
        reason = model_message(error)
        self._window.show_status(self.tr("Autosave failed: %s") % reason)
        if self.autosave_warning is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Autosave failed"),
            self.tr(
                "BP Studio could not autosave your work:\n\n%s\n\nYour work is still open, "
                "but a crash now would lose it. Save it (File ▸ Save As) somewhere with room."
            )
            % reason,
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_autosave_warning)
        self.autosave_warning = box
        box.show()

    @Slot()
    def _on_autosave_saved(self, _file=None) -> None:
        if self.autosave_warning is not None:
            self._window.show_status(self.tr("Autosave works again"))

    @Slot()
    def _forget_autosave_warning(self, *_args) -> None:
        self.autosave_warning = None

    # crashes --------------------------------------------------------------------------------
    @Slot(str)
    def _on_crashed(self, details: str) -> None:
        self.autosaver.save_if_needed()  # the state may be odd now; the work is still worth it
        if self.crash_dialog is None:
            self.crash_dialog = CrashDialog(self._window.files.save_as, self.log_path, self._window)
        self.crash_dialog.add_exception(details)

    def finish(self) -> None:
        """A clean exit: the autosave goes, the hooks and the log file are given back."""
        self.autosaver.finish()
        self.reporter.uninstall()
        stop_log_file(self._log_handler)
