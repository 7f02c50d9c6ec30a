"""The loss and accuracy the data panel shows, evaluated off the event loop for big networks.

A forward pass over every sample of a 1-10^7-1 network took 16 s on the GUI thread.  Above
network_size.EVALUATION_SYNC_COST the pass runs on a thread (a BackgroundJob) while the panel
says it is evaluating; a result that arrives after another edit is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from bpstudio.controller.background_job import BackgroundJob
from bpstudio.model.evaluation import evaluate
from bpstudio.model.network_size import evaluation_runs_at_once


class BackgroundEvaluation(BackgroundJob):
    """``result``: the newest Evaluation, or None while one is under way."""

    def __init__(self, document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document

    @property
    def evaluating(self) -> bool:
        return self.busy

    def refresh(self) -> None:
        """Evaluate the document's shown network on its data (now, or on a thread)."""
        doc = self._document
        network, project = doc.shown_network(), doc.project
        args = (network, project.dataset, project.loss, project.steps_taken)
        self.run(evaluate, args, evaluation_runs_at_once(network, project.dataset.n_samples))
