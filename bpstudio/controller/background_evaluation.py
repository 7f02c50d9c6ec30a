"""The loss and accuracy the data panel shows, evaluated off the event loop for big networks.

A forward pass over every sample of a 1-10^7-1 network took 16 s on the GUI thread.  Above
network_size.EVALUATION_SYNC_COST the pass runs on a thread while the panel says it is
evaluating; a result that arrives after another edit is dropped (never a stale number), and
edits made meanwhile are evaluated once the running pass ends (the newest state only).
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QObject, Signal

from bpstudio.model.evaluation import Evaluation, evaluate
from bpstudio.model.network_size import evaluation_runs_at_once


class _PassDone(QObject):
    """Carries a result from the worker thread to the evaluator's (a queued signal)."""

    done = Signal(int, object)  # (request number, Evaluation or the exception raised)


class BackgroundEvaluation(QObject):
    """``result`` is the newest evaluation, or None while one is under way; ``changed`` says a
    new one is there (or that evaluating started: then ``result`` is None)."""

    changed = Signal()

    def __init__(self, document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._request = 0
        self._running = False  # a thread is evaluating (maybe an older request)
        self._queued: tuple | None = None  # the newest request waiting for that thread
        self._pass_done = _PassDone(self)
        self._pass_done.done.connect(self._on_pass_done)
        self.result: Evaluation | None = None

    @property
    def evaluating(self) -> bool:
        return self.result is None

    def refresh(self) -> None:
        """Evaluate the document's shown network on its data (now, or on a thread)."""
        doc = self._document
        network, project = doc.shown_network(), doc.project
        self._request += 1
        if evaluation_runs_at_once(network, project.dataset.n_samples):
            self._queued = None
            self.result = doc.evaluation()
            self.changed.emit()
            return
        args = (network, project.dataset, project.loss, project.steps_taken)
        self.result = None
        self.changed.emit()
        self._queued = (self._request, args)
        if not self._running:
            self._start_queued()

    def _start_queued(self) -> None:
        request, args = self._queued
        self._queued = None
        self._running = True
        threading.Thread(target=self._evaluate_elsewhere, args=(request, args), daemon=True).start()

    def _evaluate_elsewhere(self, request: int, args: tuple) -> None:
        try:
            result = evaluate(*args)
        except Exception as exc:  # raised again on the evaluator's thread, not lost here
            result = exc
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._pass_done.done.emit(request, result)

    def _on_pass_done(self, request: int, result) -> None:
        self._running = False
        if self._queued is not None:
            self._start_queued()  # an edit came since: evaluate its state, drop this one
            return
        if request != self._request:
            return  # a small network came since and was evaluated at once
        if isinstance(result, Exception):
            raise result
        self.result = result
        self.changed.emit()
