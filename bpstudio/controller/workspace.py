"""What one window works on: the open document, its training, its walkthrough, autosave.

The app's entry point (bpstudio/app.py) builds the workspace and hands it to the window
(``MainWindow(workspace)``), as napari builds a ``ViewerModel`` and hands it to its ``Window``:
the views show and edit these objects, they never make them.  Everything here is QtCore only,
so a test can drive a workspace without a window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from bpstudio.controller.autosave import AUTOSAVE_INTERVAL_MS, Autosaver
from bpstudio.controller.autosave_store import AutosaveSession
from bpstudio.controller.document import Document
from bpstudio.controller.practice import PracticeSession
from bpstudio.controller.training_pace import DEFAULT_STEPS_PER_SECOND
from bpstudio.controller.training_session import TrainingSession
from bpstudio.controller.walkthrough import WalkthroughCursor
from bpstudio.model.derivation import derive_project


def walkthrough_derivation(
    project,
    sample: int | None,
    digits: int,
    lang: str,
    expanded: bool = True,
    row: int = 0,
    jacobian: bool = False,
):
    """The trainer's next step (``sample`` None; 一–六 for ``row`` of its batch), or a sample."""
    return derive_project(
        project, sample, row=row, digits=digits, lang=lang, expanded=expanded, jacobian=jacobian
    )


class Workspace(QObject):
    """The document and what works on it.  ``lang``, ``expanded`` and ``jacobian`` are the
    walkthrough's language ("en", "zh") and levels of detail at start (the window's settings:
    the app reads them before the window exists, so the first derivation is built once, in the
    right language)."""

    def __init__(
        self,
        document: Document | None = None,
        *,
        lang: str = "en",
        expanded: bool = True,
        jacobian: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document if document is not None else Document(parent=self)
        self.session = TrainingSession(self.document, self)
        self.controller = self.session.controller
        self.controller.set_record_gradients(True)  # the diagram can draw the batch's gradients
        self.controller.set_speed(DEFAULT_STEPS_PER_SECOND)  # a pace to watch; flat out: a click
        self.cursor = WalkthroughCursor(
            self.document,
            walkthrough_derivation,
            lang=lang,
            parent=self,
            options={"expanded": expanded, "jacobian": jacobian},
        )
        self.practice = PracticeSession(self.document, self.cursor, self)
        self.autosaver: Autosaver | None = None
        # While training runs the walkthrough stands still: its step would be stale at once.
        self.controller.runningChanged.connect(self.cursor.set_suspended)

    def start_autosave(
        self, session: AutosaveSession | None = None, interval_ms: int = AUTOSAVE_INTERVAL_MS
    ) -> Autosaver:
        """Autosave the document from now on (the app does; a test's workspace never touches
        the user's autosave folder unless it asks)."""
        if self.autosaver is None:
            self.autosaver = Autosaver(self.document, session, interval_ms, self)
            # Reset throws the trained weights away; keep a copy first in case it goes wrong.
            self.controller.resetStarting.connect(self.autosaver.save_if_needed)
        return self.autosaver

    def shutdown(self) -> None:
        """Stop what runs on its own (auto-play, the training thread and process)."""
        self.cursor.set_autoplay(False)
        self.session.shutdown()
