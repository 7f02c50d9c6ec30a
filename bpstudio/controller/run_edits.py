"""The Document's edits of kept runs: each method pushes one undo command (Document._push).

A mixin, as the data edits are; it relies on Document's ``project``, ``undo_stack``, ``_push``
and ``tr``.
"""

from __future__ import annotations

from bpstudio.model import run_editing
from bpstudio.model.network import Network
from bpstudio.model.runs import KeptRun, keep_run


class RunEditsMixin:
    def run_start_network(self) -> Network:
        """The weights the current run started from: the newest state, back through the undo
        history, before its training began (no steps taken).  The weights as they are when
        training has not begun, or when the history does not reach back that far (a trained
        project just opened)."""
        project = self.project
        if project.steps_taken == 0:
            return project.network
        for index in range(self.undo_stack.index() - 1, -1, -1):
            before = self.undo_stack.command(index).before
            if before.steps_taken == 0:
                same = before.network.layer_sizes == project.network.layer_sizes
                return before.network if same else project.network
        return project.network

    def keep_run(self, name: str) -> None:
        """The current run (settings, starting weights, loss curve, final numbers) kept."""
        run = keep_run(name, self.project, self.run_start_network())
        self.keep_runs([run], lambda: self.tr("Keep run %s") % name)

    def keep_runs(self, runs: list[KeptRun], text=None) -> None:
        n = len(runs)
        text = text or (lambda: self.tr("Keep %d runs") % n)
        self._push(run_editing.with_runs_added(self.project, runs), text)

    def delete_run(self, index: int) -> None:
        name = self.project.runs[index].name
        after = run_editing.with_run_removed(self.project, index)
        self._push(after, lambda: self.tr("Delete run %s") % name)

    def rename_run(self, index: int, name: str) -> None:
        old = self.project.runs[index].name
        if name == old:
            return
        after = run_editing.with_run_renamed(self.project, index, name)
        self._push(after, lambda: self.tr("Rename run %s to %s") % (old, name))

    def restore_run(self, index: int) -> None:
        """The run's settings and starting weights back, training not begun: one command."""
        run = self.project.runs[index]
        after = run_editing.restored(self.project, run)
        now = self.project.network
        structural = (now.layer_sizes, now.activations, now.use_bias) != (
            run.start.layer_sizes,
            run.start.activations,
            run.start.use_bias,
        )
        self._push(after, lambda: self.tr("Restore run %s") % run.name, structural=structural)
