"""Training wired to the Document: the worker trains a copy; the document gets one undo step.

While training runs, the document keeps the weights it had when training started, and the
views show the trained weights instead (``document.set_live_network`` at every snapshot, then
`snapshotApplied`).  When training stops (pause, a stop condition, a divergence, a single step
or epoch) the trained weights and loss history go into the document as ONE undoable command,
"Train N steps".

An edit the user makes while training runs (document.changed that this session did not cause)
is sent to the worker, which applies it between two ticks.  The edit was made on the document's
pre-training weights, so only the numbers it changed are carried over onto the trained ones.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from bpstudio.controller.coalescer import Coalescer
from bpstudio.controller.document import Document
from bpstudio.controller.training_controller import TrainingController
from bpstudio.controller.training_snapshot import TrainingSnapshot
from bpstudio.model.network import Network


class TrainingSession(QObject):
    snapshotApplied = Signal(object)  # TrainingSnapshot now shown as `latest_snapshot`

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = TrainingController(document.project, self)
        self._latest: TrainingSnapshot | None = None
        self._min_generation = 0  # snapshots older than the last edit sent show stale weights
        self._committing = False
        # An edit is looked at once its command is on the undo stack (the document announces
        # it from inside QUndoStack.push, before the stack counts it): on indexChanged, or
        # on the next turn of the event loop for a change that moves no index (a file opened).
        self._sync_soon = Coalescer(self._on_sync_due, 0, self)
        self._adopt_document_state()
        self.controller.snapshotReady.connect(self._on_snapshot)
        self.controller.commandStarting.connect(self._sync_soon.flush)
        document.changed.connect(self._on_document_changed)
        document.undo_stack.indexChanged.connect(self._on_undo_index_changed)

    @property
    def latest_snapshot(self) -> TrainingSnapshot | None:
        """The newest snapshot with the current edits in it (what the views should show)."""
        return self._latest

    def shutdown(self) -> None:
        self.controller.shutdown()

    # from the worker ------------------------------------------------------------------------
    def _on_snapshot(self, snapshot: TrainingSnapshot) -> None:
        self._sync_soon.flush()  # send a pending edit first: this snapshot predates it
        if snapshot.history_reset:
            self._history.clear()
        self._history.steps.place(snapshot.new_steps)
        self._history.epochs.place(snapshot.new_epochs)
        if snapshot.generation < self._min_generation:
            return  # trained before the user's last edit landed: a newer one is on its way
        self._latest = snapshot
        # While training runs the views show the trained weights; once it stops, _commit puts
        # them into the document as one undo step.
        live = snapshot.to_network() if snapshot.running else None
        self.document.set_live_network(live, snapshot.batch_gradients)
        self.snapshotApplied.emit(snapshot)
        trained = snapshot.step_count != self._committed_steps or snapshot.reinitialised
        if not snapshot.running and trained:
            self._commit(snapshot)

    def _commit(self, snapshot: TrainingSnapshot) -> None:
        """Push the trained weights and history into the document as one undo command."""
        if snapshot.reinitialised:
            text = lambda: self.tr("Reset training")  # noqa: E731
        else:
            n = snapshot.step_count - self._committed_steps
            text = lambda: self.tr("Train 1 step") if n == 1 else self.tr("Train %d steps") % n  # noqa: E731
        self._committing = True
        try:
            self.document.replace_network(
                snapshot.to_network(),
                text,
                history=self._history.copy(),
                steps_taken=snapshot.step_count,
                optimiser=snapshot.optimiser,
            )
        finally:
            self._committing = False
        self._committed_steps = snapshot.step_count
        self._seen_project = self.document.project

    # from the document ----------------------------------------------------------------------
    def _on_document_changed(self) -> None:
        if self._committing or self.document.project is self._seen_project:
            return  # our own commit, or only the shown sample changed
        self._sync_soon.restart()

    def _on_undo_index_changed(self, _index: int) -> None:
        self._sync_soon.cancel()
        self._on_sync_due()

    def _on_sync_due(self) -> None:
        project = self.document.project
        if self._committing or project is self._seen_project:
            return
        before, self._seen_project = self._seen_project, project
        self._min_generation = self._next_generation()
        if self._worker_is_training() and self.document.undo_stack.count():  # 0: a file opened
            edited = project.copy()
            edited.network = carry_training_into_edit(before.network, project.network, self._latest)
            self.controller.replace_project(edited)
        else:
            # Paused (everything trained is in the document) or a file opened: start from it.
            self.controller.open_project(project)
            self._adopt_document_state()

    def _worker_is_training(self) -> bool:
        """Running, and its run not committed yet.  A run is committed from the worker's
        stopped snapshot, which may come before its "running: no" signal: an undo made in
        between must start from the document (exactly), not be carried into the run."""
        return self.controller.is_running and (self._latest is None or self._latest.running)

    def _next_generation(self) -> int:
        """The worker's generation once it has the edit being sent: one more than the newest
        it is known to reach, counting edits sent whose snapshots are still on their way (an
        undo at once followed by a redo: the undo's snapshot must not count as the redo's)."""
        if self._latest is None:  # the worker has not started: it takes only the last project
            return 1
        return max(self._min_generation, self._latest.generation) + 1

    def _adopt_document_state(self) -> None:
        project = self.document.project
        self._seen_project = project
        self._history = project.history.copy()
        self._committed_steps = project.steps_taken


def carry_training_into_edit(
    before: Network, after: Network, trained: TrainingSnapshot | None
) -> Network:
    """The trained weights with the numbers an edit changed (``before`` -> ``after``) applied.

    A structural edit (other layer sizes, biases switched) cannot be mapped onto the trained
    weights number by number, so it is taken as it is.
    """
    same_shape = (
        before.layer_sizes == after.layer_sizes
        and before.use_bias == after.use_bias
        and trained is not None
        and list(trained.layer_sizes) == after.layer_sizes
        and (trained.biases is not None) == after.use_bias
    )
    if not same_shape:
        return after
    weights = _overlay_all(trained.weights, before.weights, after.weights)
    biases = None
    if after.biases is not None:
        biases = _overlay_all(trained.biases, before.biases, after.biases)
    return Network(after.layer_sizes, after.activations, weights, biases, after.freeze_biases)


def _overlay_all(trained, before, after) -> list[np.ndarray]:
    return [_overlay(t, b, a) for t, b, a in zip(trained, before, after, strict=True)]


def _overlay(trained: np.ndarray, before: np.ndarray, after: np.ndarray) -> np.ndarray:
    merged = np.array(trained, copy=True)
    changed = before != after
    merged[changed] = after[changed]
    return merged
