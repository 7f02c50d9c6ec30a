"""Autosave: unsaved work is copied to the user's data directory every minute and before risky
operations, so a crash (of BP Studio, the desktop, or the power) loses at most a minute.

Only a modified document is written, and only when it changed since the last autosave; saving
(or discarding) the work removes the autosave, and a clean exit removes it too.  What is
written is the document's project, i.e. everything the undo stack holds; weights trained since
the last pause are not in it (training commits them when it stops).  Files and locking:
``autosave_store``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from bpstudio.controller.autosave_store import AutosaveSession
from bpstudio.controller.document import Document

AUTOSAVE_INTERVAL_MS = 60_000

_log = logging.getLogger(__name__)


class Autosaver(QObject):
    saved = Signal(object)  # Path of the autosave file just written
    failed = Signal(object)  # the error (OSError, ValueError) that stopped an autosave

    def __init__(
        self,
        document: Document,
        session: AutosaveSession | None = None,
        interval_ms: int = AUTOSAVE_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.session = session if session is not None else AutosaveSession()
        self._changed_since_autosave = document.is_modified()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._on_timer)
        self._timer.start()
        document.changed.connect(self._on_document_changed)
        document.fileStateChanged.connect(self._on_file_state_changed)
        document.riskyOperationStarting.connect(self.save_if_needed)

    @property
    def file(self):
        return self.session.file

    def set_interval(self, interval_ms: int) -> None:
        self._timer.start(interval_ms)

    def save_if_needed(self) -> bool:
        """Write the autosave now if there is unsaved work it does not hold yet."""
        if not (self.document.is_modified() and self._changed_since_autosave):
            return False
        return self.save_now()

    def save_now(self) -> bool:
        """Write the autosave of a modified document; never raises (a full disk is logged)."""
        if not self.document.is_modified():
            return False
        try:
            self.session.write(self.document.project, self.document.file_path)
        except (OSError, ValueError) as exc:  # ValueError: a number JSON cannot hold
            _log.warning("autosave failed: %s", exc)
            self.failed.emit(exc)
            return False
        self._changed_since_autosave = False
        self.saved.emit(self.session.file)
        return True

    def finish(self) -> None:
        """The clean end of the session: no autosave is left behind to offer next time."""
        self._timer.stop()
        self.session.close()

    # slots ----------------------------------------------------------------------------------
    def _on_timer(self) -> None:
        self.save_if_needed()

    def _on_document_changed(self) -> None:
        self._changed_since_autosave = True

    def _on_file_state_changed(self) -> None:
        if not self.document.is_modified():
            # Saved, opened or new: the work is safe in its file (or deliberately dropped).
            self.session.remove()
            self._changed_since_autosave = False
        else:
            self._changed_since_autosave = True
