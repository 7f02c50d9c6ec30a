"""The walkthrough cursor: where the student is in the derivation of one training step.

It moves over the derivation's steps, tells the document what the current step touches (so the
diagram and the tables highlight it), and after the last step (七, the update) applies the update
as one undoable command and starts the next walkthrough.  Stepping back over that boundary
undoes the update, which restores the weights (and the optimiser's state) exactly.

Two modes.  By default the walkthrough is THE NEXT TRAINING STEP (model/next_step.py): the
batch the trainer takes next, 七 with momentum, and passing 七 takes that step for real, as
Step does (history, steps taken, momentum buffers and the epoch position advance).  With a
chosen sample it walks that sample with a plain update; passing 七 applies it as an edit that
says it is not the trainer's step.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from bpstudio.controller.coalescer import Coalescer
from bpstudio.model.derivation.numbers import shown_text
from bpstudio.model.network_size import (
    network_weights,
    walkthrough_builds_at_once,
    walkthrough_shows_steps,
)
from bpstudio.model.next_step import next_batch_rows, take_next_step
from bpstudio.model.refs import BiasRef, EdgeRef, UnitRef
from bpstudio.model.training import DivergenceError
from bpstudio.model.walkthrough_update import sgd_update

UNIT_QUANTITIES = {"z", "a", "Y", "dE/dY", "dE/dz", "dE/da"}
EDGE_QUANTITIES = {"dE/dw", "w_new", "dE/dw_batch", "buffer_w"}
BIAS_QUANTITIES = {"dE/db", "b_new", "dE/db_batch", "buffer_b"}
NEXT_STEP, SAMPLE = "next", "sample"  # the walkthrough's modes


@dataclass(frozen=True)
class _AppliedUpdate:
    undo_index: int  # the undo stack's index right after the update was pushed
    sample: int  # the sample whose walkthrough ended in this update


def primary_ref(step):
    """The element whose value the step computes (None for the loss)."""
    layer, idx = step.layer, tuple(step.indices)
    if step.quantity in UNIT_QUANTITIES and idx:
        return UnitRef(layer, idx[0])
    if step.quantity in EDGE_QUANTITIES and len(idx) == 2:
        return EdgeRef(layer, idx[0], idx[1])
    if step.quantity in BIAS_QUANTITIES and idx:
        return BiasRef(layer, idx[0])
    return None


READY, BUILDING, TOO_BIG = "ready", "building", "too big"


class _BuildDone(QObject):
    """Carries a derivation built on another thread back to the cursor's thread (a signal
    emitted there is queued to this object's thread)."""

    done = Signal(int, object)  # (request number, derivation or the exception raised)


class WalkthroughCursor(QObject):
    stepChanged = Signal(int)  # the new index
    derivationChanged = Signal()  # a new list of steps (another sample, an edit, the language)
    updateApplied = Signal(int)  # the sample whose update was applied
    notice = Signal(str)  # what passing 七 did, for the status bar

    def __init__(
        self,
        document,
        build: Callable,
        digits: int = 4,
        lang: str = "en",
        parent=None,
        options: dict | None = None,
    ):
        super().__init__(parent)
        self._document = document
        self._build = build
        self._digits = digits
        self._lang = lang
        self._options = dict(options or {})  # passed on to build: expanded=True, ...
        self._index = 0
        self._mode = NEXT_STEP
        self._row = 0  # next-step mode: which row of the batch steps 一–六 follow
        self._applied: list[_AppliedUpdate] = []
        self._moving_over_boundary = False
        self._suspended = False
        self.derivation = None
        # A big network's derivation (25,000 steps for 784-16-10: about a second) is built on
        # a thread while the window stays responsive; a huge one is not built at all.
        self.status = READY
        self._request = 0
        self._build_done = _BuildDone(self)
        self._build_done.done.connect(self._on_build_done)
        # Practice mode: steps whose number must not show yet (the student computes it).
        self.conceal: Callable[[int], bool] = lambda _index: False
        # Edits come in bursts (typing, dragging, undo-redo); a big network's derivation takes
        # a good part of a second to build, so the rebuild waits for the burst to end.
        self._rebuild_soon = Coalescer(lambda: self._rebuild(keep_index=True), 0, self)
        self._autoplay = QTimer(self)
        self._autoplay.setInterval(1500)
        self._autoplay.timeout.connect(self.next)
        document.changed.connect(self._on_document_changed)
        document.projectOpened.connect(self._on_project_opened)
        self._rebuild()

    # state -----------------------------------------------------------------------------
    @property
    def steps(self) -> tuple:
        self._rebuild_if_due()
        return self.derivation.steps if self.derivation is not None else ()

    def _rebuild_if_due(self) -> None:
        """Anyone who reads the steps before the deferred rebuild ran gets fresh ones."""
        self._rebuild_soon.flush()

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self):
        steps = self.steps
        return steps[self._index] if steps else None

    @property
    def digits(self) -> int:
        return self._digits

    def set_digits(self, digits: int) -> None:
        self._digits = int(digits)
        self._rebuild(keep_index=True)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._rebuild(keep_index=True)

    def option(self, name: str, default=None):
        return self._options.get(name, default)

    def set_option(self, name: str, value) -> None:
        """A level of detail of the derivation (``expanded``): the same step, written again."""
        self._options[name] = value
        self._rebuild(keep_index=True)

    # navigation --------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        if self._suspended:
            return
        index = max(0, min(int(index), len(self.steps) - 1))
        self._index = index
        self._show_current()

    def next(self) -> None:
        if self._suspended or self.derivation is None:
            return
        if self._index < len(self.steps) - 1:
            self.go_to(self._index + 1)
        else:
            self.apply_update()

    def previous(self) -> None:
        if self._suspended or self.derivation is None:
            return
        if self._index > 0:
            self.go_to(self._index - 1)
        else:
            self._undo_last_update()

    def next_section(self) -> None:
        steps, here = self.steps, self.current
        for i in range(self._index + 1, len(steps)):
            if steps[i].section != here.section:
                self.go_to(i)
                return
        self.go_to(len(steps) - 1)

    def previous_section(self) -> None:
        start = self._section_start(self._index)
        self.go_to(self._section_start(start - 1) if start > 0 else 0)

    def _section_start(self, index: int) -> int:
        steps = self.steps
        while index > 0 and steps[index - 1].section == steps[index].section:
            index -= 1
        return index

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def batch_row(self) -> int:
        return self._row

    def set_sample(self, sample: int) -> None:
        """Walk ``sample`` (0-based) with a plain update: not the trainer's next step."""
        self._mode = SAMPLE
        self._document.set_sample_index(sample)  # rebuilds through document.changed
        self._rebuild()

    def set_next_step(self, row: int = 0) -> None:
        """Walk the trainer's next step; steps 一–六 follow ``row`` (0-based) of its batch."""
        self._mode, self._row = NEXT_STEP, max(0, int(row))
        self._rebuild()

    # while training runs the derivation's numbers are stale: show nothing, move nowhere ------
    def set_suspended(self, suspended: bool) -> None:
        self._suspended = bool(suspended)
        if suspended:
            self.set_autoplay(False)
            self._document.set_highlight(frozenset())
            self._document.set_revealed(None)
        else:
            self._rebuild(keep_index=True)

    @property
    def suspended(self) -> bool:
        return self._suspended

    # auto-play ---------------------------------------------------------------------------
    def set_autoplay(self, on: bool) -> None:
        if on:
            self._autoplay.start()
        else:
            self._autoplay.stop()

    def is_autoplaying(self) -> bool:
        return self._autoplay.isActive()

    def set_pace_ms(self, ms: int) -> None:
        self._autoplay.setInterval(max(50, int(ms)))

    # the update after 七 ---------------------------------------------------------------------
    def apply_update(self) -> None:
        """Apply step 七 as one undoable command and start the next walkthrough."""
        doc = self._document
        sample = doc.sample_index
        self._moving_over_boundary = True
        try:
            if self._mode == NEXT_STEP:
                if not self._take_training_step():
                    return
            else:
                updated = sgd_update(doc.project, sample)
                doc.replace_network(
                    updated,
                    lambda: (
                        self.tr("Walkthrough: plain update for sample %d (not a training step)")
                        % (sample + 1)
                    ),
                )
                doc.set_sample_index((sample + 1) % doc.project.dataset.n_samples)
                self.notice.emit(
                    self.tr(
                        "Applied sample %d's plain update as an edit: it is not the trainer's "
                        "step (no momentum; steps taken and the epoch are unchanged)"
                    )
                    % (sample + 1)
                )
            self._applied.append(_AppliedUpdate(doc.undo_stack.index(), sample))
        finally:
            self._moving_over_boundary = False
        self._rebuild()
        self.updateApplied.emit(sample)

    def _take_training_step(self) -> bool:
        """The trainer's next step, committed as a training run commits (False: it diverged)."""
        doc = self._document
        try:
            step = take_next_step(doc.project)
        except DivergenceError as exc:
            self.notice.emit(str(exc))
            return False
        doc.replace_network(
            step.network,
            lambda: self.tr("Walkthrough: training step %d") % step.steps_taken,
            history=step.history,
            steps_taken=step.steps_taken,
            optimiser=step.optimiser,
        )
        self.notice.emit(self.tr("Took training step %d, as Step does") % step.steps_taken)
        return True

    def _undo_last_update(self) -> None:
        doc = self._document
        if not self._applied or self._applied[-1].undo_index != doc.undo_stack.index():
            return  # nothing of ours on top of the undo stack: the start is the start
        applied = self._applied.pop()
        self._moving_over_boundary = True
        try:
            doc.undo_stack.undo()
            if self._mode == SAMPLE:
                doc.set_sample_index(applied.sample)
        finally:
            self._moving_over_boundary = False
        self._rebuild()
        self.go_to(len(self.steps) - 1)

    def refresh(self) -> None:
        """Show the current step again (practice: an answer may reveal its number)."""
        self._show_current()

    # internals -------------------------------------------------------------------------
    def _revealed_up_to(self, index: int) -> frozenset:
        """The edges and biases whose ∂E/∂w (∂E/∂b) the steps so far have computed."""
        return frozenset(
            primary_ref(step)
            for i, step in enumerate(self.steps[: index + 1])
            if step.quantity in ("dE/dw", "dE/db") and not self.conceal(i)
        )

    def _on_project_opened(self) -> None:
        """Another project: its walkthrough starts at the first formula, with no update of
        the old project's to take back."""
        self._index = 0
        self._applied.clear()

    def _on_document_changed(self) -> None:
        if not self._moving_over_boundary and not self._suspended:
            self._rebuild_soon.restart()

    @property
    def weights(self) -> int:
        """The weights (and biases) of the document's network: what sets the status."""
        return network_weights(self._document.project.network)

    def _rebuild(self, keep_index: bool = False) -> None:
        doc = self._document
        network = doc.project.network
        self._request += 1
        if walkthrough_builds_at_once(network):
            self.status = READY
            derivation = self._call_build(self._build_args())
            self._show_derivation(derivation, keep_index)
            return
        self.status = BUILDING if walkthrough_shows_steps(network) else TOO_BIG
        self.derivation = None
        self.derivationChanged.emit()
        self._show_current()
        if self.status == BUILDING:
            thread = threading.Thread(
                target=self._build_elsewhere,
                args=(self._request, self._build_args(), keep_index),
                daemon=True,
            )
            thread.start()

    def _call_build(self, args: tuple):
        *positional, options = args
        return self._build(*positional, **options)

    def _build_args(self) -> tuple:
        """What to build: the trainer's next step (sample None, the chosen row of its batch)
        or the chosen sample."""
        doc = self._document
        options = self._options.copy()
        if self._mode != NEXT_STEP:
            return (doc.project, doc.sample_index, self._digits, self._lang, options)
        batch = next_batch_rows(doc.project)
        self._row = min(self._row, len(batch) - 1)  # an edit may have shrunk the batch
        if self._row:
            options["row"] = self._row
        return (doc.project, None, self._digits, self._lang, options)

    def _build_elsewhere(self, request: int, args: tuple, keep_index: bool) -> None:
        try:
            result = (self._call_build(args), keep_index)
        except Exception as exc:  # noqa: BLE001 - raised again on the cursor's thread, not lost on this one
            result = (exc, keep_index)
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._build_done.done.emit(request, result)

    def _on_build_done(self, request: int, result) -> None:
        if request != self._request:
            return  # an edit came since: a newer build is under way
        derivation, keep_index = result
        if isinstance(derivation, Exception):
            raise derivation
        self.status = READY
        self._show_derivation(derivation, keep_index)

    def _show_derivation(self, derivation, keep_index: bool) -> None:
        self.derivation = derivation
        if self._mode == NEXT_STEP:
            self._show_followed_row(derivation.sample)
        self._index = min(self._index, len(self.steps) - 1) if keep_index else 0
        self.derivationChanged.emit()
        self._show_current()

    def _show_followed_row(self, sample: int) -> None:
        """The document shows the row steps 一–六 follow (the diagram's numbers are its)."""
        # After the views have taken the change that made this derivation (a structural edit
        # rebuilds the diagram on the same signal): on the next turn of the event loop.
        QTimer.singleShot(0, self, lambda: self._set_followed_row(sample))

    def _set_followed_row(self, sample: int) -> None:
        doc = self._document
        if self._mode != NEXT_STEP or self.derivation is None or self.derivation.sample != sample:
            return  # a newer derivation came meanwhile
        if doc.sample_index != sample:
            moving, self._moving_over_boundary = self._moving_over_boundary, True
            try:
                doc.set_sample_index(sample)
            finally:
                self._moving_over_boundary = moving

    def _show_current(self) -> None:
        step = self.current
        if step is None or self._suspended:
            self._document.set_highlight(frozenset())
            self._document.set_revealed(None)
            return
        self._document.set_revealed(self._revealed_up_to(self._index))
        ref = primary_ref(step)
        shown = ref is not None and not self.conceal(self._index)
        values = {ref: shown_text(step.value, self._digits)} if shown else {}
        self._document.set_highlight(step.touches, values)
        self.stepChanged.emit(self._index)
