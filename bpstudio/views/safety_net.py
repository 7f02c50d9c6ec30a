"""Everything that keeps a student's work safe in one main window: autosave, the recovery offer
at start, the crash log, and the crash dialog.

`run_gui` makes one for its window; tests that build a MainWindow directly do not get one, so
they never touch autosave files or the global exception hooks unless they ask to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from bpstudio.controller.autosave import AUTOSAVE_INTERVAL_MS, Autosaver
from bpstudio.controller.autosave_store import AutosavedWork, AutosaveSession
from bpstudio.controller.crash_log import (
    LOG_FILE_NAME,
    CrashReporter,
    log_folder,
    log_training_failure,
    start_log_file,
    stop_log_file,
)
from bpstudio.views.crash_dialog import CrashDialog
from bpstudio.views.recovery_dialog import RecoveryAnswer, ask_about_recovery

if TYPE_CHECKING:
    from bpstudio.views.main_window import MainWindow

_log = logging.getLogger(__name__)

AskRecovery = Callable[[AutosavedWork], RecoveryAnswer]


class SafetyNet(QObject):
    def __init__(
        self,
        window: MainWindow,
        interval_ms: int = AUTOSAVE_INTERVAL_MS,
        session: AutosaveSession | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._log_handler = start_log_file()
        self.log_path = log_folder() / LOG_FILE_NAME
        self.autosaver = Autosaver(window.document, session, interval_ms, self)
        self.reporter = CrashReporter(self)
        self.reporter.crashed.connect(self._on_crashed)
        self.reporter.install()
        self.crash_dialog: CrashDialog | None = None
        self._connect_training(window)

    def _connect_training(self, window: MainWindow) -> None:
        learning = window.learning
        # Reset throws the trained weights away; keep a copy first in case it goes wrong.
        learning.training_panel.reset_action.triggered.connect(self.autosaver.save_if_needed)
        learning.session.controller.failed.connect(log_training_failure)

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
        self._window.document.restore_autosave(work.project, work.original_path)
        # Our own autosave holds it before the old one goes: a crash now still loses nothing.
        if self.autosaver.save_now():
            self.autosaver.session.discard(work)
        _log.info("restored autosaved work from %s", work.file)

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
