"""One open project and its undo stack: the single source of truth every view reads.

Views read ``document.project`` (never write it) and refresh on ``changed``; every edit goes
through a method here that pushes one undo command.  The forward/backward pass of the shown
sample is computed here, once per change, so views only display numbers.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from bpstudio.controller.commands import (
    SET_BIAS_ID,
    SET_TRAINING_ID,
    SET_WEIGHT_ID,
    CommandName,
    MergingParameterCommand,
    ProjectCommand,
)
from bpstudio.controller.data_edits import DataEditsMixin
from bpstudio.controller.run_edits import RunEditsMixin
from bpstudio.model import editing
from bpstudio.model.derivation.symbols import plain_b, plain_w
from bpstudio.model.examples import load_example
from bpstudio.model.initialisation import InitScheme
from bpstudio.model.live_gradients import ParameterGradients, of_sample
from bpstudio.model.network import Network
from bpstudio.model.practice import new_exercise
from bpstudio.model.project import Project, load_project, save_project
from bpstudio.model.refs import BiasRef, EdgeRef, UnitRef
from bpstudio.model.safe_files import remove_stale_temps
from bpstudio.model.trace import ForwardTrace, Gradients
from bpstudio.model.training import TrainingConfig

# The training settings, in the order the Training dock shows them.
TRAINING_FIELDS = (
    "learning_rate",
    "momentum",
    "batch_size",
    "shuffle",
    "seed",
    "optimizer",
    "nesterov",
    "alpha",
    "epsilon",
    "beta1",
    "beta2",
    "weight_decay",
)
# Edits the undo stack keeps (the oldest go first): each keeps the project before and after
# it, so an unlimited stack would grow for as long as the app runs (docs/reliability.md).
UNDO_LIMIT = 1000


class Document(DataEditsMixin, RunEditsMixin, QObject):  # data_edits.py, run_edits.py
    changed = Signal()  # anything in the project (or the shown sample) changed
    structureChanged = Signal()  # layer sizes / activations / biases on-off; before `changed`
    selectionChanged = Signal(object)  # frozenset of refs
    highlightChanged = Signal(object)  # frozenset of refs
    fileStateChanged = Signal()  # file_path or the modified flag changed
    liveChanged = Signal()  # the weights shown while training runs changed (values only)
    revealedChanged = Signal()  # the walkthrough computed more gradients (or forgot them)
    # Another project replaced this one (a file opened, an example, a recovery): a fresh
    # start for everything that remembers where the student was.  Before `changed`.
    projectOpened = Signal()
    # Emitted before an operation that throws work away or reshapes it (remove a layer or unit,
    # open, new): the autosaver keeps a copy in case the operation itself crashes.
    riskyOperationStarting = Signal()
    # An edit reset part of the optimiser's state (momentum, the epoch): what, in words.
    optimiserReset = Signal(str)

    def __init__(self, project: Project | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project = project if project is not None else load_example()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.file_path: Path | None = None
        self.sample_index = 0
        self.selection: frozenset = frozenset()
        self.highlight: frozenset = frozenset()
        self.highlight_values: dict = {}
        # Edges/biases whose dE/dw the walkthrough has computed so far; None: show them all.
        self.revealed: frozenset | None = None
        # Practice: (node mode, UnitRef) pairs whose value the student still works out.
        self.concealed: frozenset = frozenset()
        self._trace: ForwardTrace | None = None
        self._gradients: Gradients | None = None
        self._live: Network | None = None
        self._live_gradients: ParameterGradients | None = None  # of the live network's batch
        self._sample_gradients: tuple | None = None  # (Gradients, its ParameterGradients)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # state -----------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        """The file name, or the project's name while it has never been saved."""
        return self.file_path.name if self.file_path is not None else self.project.name

    def set_sample_index(self, index: int) -> None:
        index = int(np.clip(index, 0, self.project.dataset.n_samples - 1))
        if index == self.sample_index:
            return
        self.sample_index = index
        self._invalidate()
        self.changed.emit()

    def shown_network(self) -> Network:
        """The network the views show: while training runs, the newest trained weights;
        otherwise the project's own."""
        live = self._live
        if live is None or not _same_shape(live, self.project.network):
            return self.project.network  # a structural edit came after those weights
        return live

    def set_live_network(
        self, network: Network | None, gradients: ParameterGradients | None = None
    ) -> None:
        """Show ``network`` (trained weights, not yet an undo step) instead of the project's;
        None goes back to the project's.  A network of another shape is ignored: it was
        trained before a structural edit and is about to be replaced.  ``gradients``: the
        trainer's batch gradients at those weights, drawn instead of the shown sample's."""
        if network is not None and network.layer_sizes != self.project.network.layer_sizes:
            return
        if network is None and self._live is None:
            return
        self._live = network
        self._live_gradients = gradients if network is not None else None
        self._trace = None
        self._gradients = None
        self.liveChanged.emit()

    def trace(self) -> ForwardTrace:
        """Every z and a of the shown sample (one row)."""
        if self._trace is None:
            raw = self.project.dataset.inputs[self.sample_index : self.sample_index + 1]
            row = self.project.dataset.prepare_inputs(raw)  # standardised when that is on
            self._trace = self.shown_network().forward(row)
        return self._trace

    def gradients(self) -> Gradients:
        """dE/da, dE/dz and dE/dw of the shown sample's own loss."""
        if self._gradients is None:
            i = self.sample_index
            targets = self.project.dataset.targets[i : i + 1]
            self._gradients = self.shown_network().backward(
                self.trace(), targets, self.project.loss
            )
        return self._gradients

    def shown_parameter_gradients(self) -> ParameterGradients:
        """The ∂E/∂w and ∂E/∂b the views draw: while training runs, the mean over the
        trainer's next batch (computed by the trainer); otherwise the shown sample's own."""
        live = self._live_gradients
        if live is not None and self._live is self.shown_network():
            return live
        grads = self.gradients()
        if self._sample_gradients is None or self._sample_gradients[0] is not grads:
            self._sample_gradients = (grads, of_sample(grads))  # the same object until stale
        return self._sample_gradients[1]

    def weight_update(self) -> list[np.ndarray] | None:
        """Δw of the last command that changed the weights (after - before), or None.

        None when no command changed them yet, or when a structural edit came after it (the
        shapes no longer match, so there is no meaningful difference).
        """
        return self._last_update(lambda net: net.weights)

    def bias_update(self) -> list[np.ndarray] | None:
        """Δb of the last command that changed the biases, or None (as ``weight_update``)."""
        return self._last_update(lambda net: net.biases)

    def _last_update(self, parameters) -> list[np.ndarray] | None:
        for index in range(self.undo_stack.index() - 1, -1, -1):
            command = self.undo_stack.command(index)
            before, after = parameters(command.before.network), parameters(command.after.network)
            if before is None or after is None or len(before) != len(after):
                return None
            pairs = list(zip(after, before, strict=True))
            if any(a.shape != b.shape for a, b in pairs):
                return None
            if not all(np.array_equal(a, b) for a, b in pairs):
                return [a - b for a, b in pairs]
        return None

    def unit_removal_loses_data(self, layer: int, unit: int) -> bool:
        return editing.unit_removal_loses_data(self.project, layer, unit)

    # selection and highlight ----------------------------------------------------------------
    def set_selection(self, refs) -> None:
        refs = frozenset(refs)
        if refs == self.selection:
            return
        self.selection = refs
        self.selectionChanged.emit(refs)

    def set_highlight(self, refs, values: dict | None = None) -> None:
        refs = frozenset(refs)
        values = dict(values or {})
        if refs == self.highlight and values == self.highlight_values:
            return
        self.highlight = refs
        self.highlight_values = values
        self.highlightChanged.emit(refs)

    def set_revealed(self, refs) -> None:
        """Which gradients the views may show: those the walkthrough has reached (a frozenset
        of EdgeRef/BiasRef), or None for all of them."""
        refs = None if refs is None else frozenset(refs)
        if refs == self.revealed:
            return
        self.revealed = refs
        self.revealedChanged.emit()

    def set_concealed(self, pairs) -> None:
        """Practice: which unit values ("z", "a", "dE/dz" of a UnitRef) the views keep hidden."""
        pairs = frozenset(pairs)
        if pairs != self.concealed:
            self.concealed = pairs
            self.revealedChanged.emit()

    def is_revealed(self, ref) -> bool:
        return self.revealed is None or ref in self.revealed

    # edits: parameters ----------------------------------------------------------------------
    def set_weight(self, layer: int, j: int, k: int, value: float) -> None:
        after = editing.set_weight(self.project, layer, j, k, value)
        text = lambda: self.tr("Set %s to %s") % (plain_w(layer, j, k), f"{float(value):g}")  # noqa: E731
        self._push_merging(after, text, SET_WEIGHT_ID, (layer, j, k))

    def set_bias(self, layer: int, unit: int, value: float) -> None:
        after = editing.set_bias(self.project, layer, unit, value)
        text = lambda: self.tr("Set %s to %s") % (plain_b(layer, unit), f"{float(value):g}")  # noqa: E731
        self._push_merging(after, text, SET_BIAS_ID, (layer, unit))

    def reinitialise(self, scheme: InitScheme) -> None:
        after = editing.reinitialise(self.project, scheme)
        after.optimiser = None  # fresh weights: training starts over (as Reset does)
        self._push(
            after,
            lambda: self.tr("Re-initialise weights (%s, seed %d)") % (scheme.name, scheme.seed),
        )

    def replace_network(
        self,
        network: Network,
        text: CommandName,
        *,
        history=None,
        steps_taken: int | None = None,
        optimiser=None,
    ) -> None:
        """One undoable command for many changes at once, e.g. "Training: N steps"; with
        ``optimiser`` (a trainer's state after those steps) the project continues from it."""
        after = editing.replace_network(self.project, network)
        if history is not None:
            after.history = history
        if steps_taken is not None:
            after.steps_taken = int(steps_taken)
        if optimiser is not None:
            after.optimiser = optimiser
        self._push(after, text)

    def new_exercise(self, seed: int) -> None:
        """Practice: fresh nice numbers for the walked sample's batch and every weight."""
        after = new_exercise(self.project, self.sample_index, seed)
        self._push(after, self.tr("New exercise (seed %d)") % seed)

    def set_training_config(self, config: TrainingConfig) -> None:
        """Learning rate, momentum, batch size, shuffle, seed: one undo step while the same
        setting is being edited (a second setting is a second step)."""
        before = self.project.training
        if config == before:
            return
        changed = [
            name for name in TRAINING_FIELDS if getattr(config, name) != getattr(before, name)
        ]
        after = editing.set_training(self.project, config)

        def text() -> str:  # named at push time and again after a language switch
            return self._training_edit_text(config, changed)

        self._push_merging(after, text, SET_TRAINING_ID, ("training", *changed))

    def _training_edit_text(self, config: TrainingConfig, changed: list[str]) -> str:
        if changed == ["learning_rate"]:
            return self.tr("Set learning rate to %s") % f"{config.learning_rate:g}"
        if changed == ["momentum"]:
            return self.tr("Set momentum to %s") % f"{config.momentum:g}"
        if changed == ["batch_size"]:
            return self.tr("Set batch size to %d") % config.batch_size
        if changed == ["shuffle"]:
            return self.tr("Shuffle each epoch") if config.shuffle else self.tr("Stop shuffling")
        if changed == ["seed"]:
            return self.tr("Set shuffle seed to %d") % config.seed
        if changed == ["optimizer"]:
            names = {"sgd": "SGD", "rmsprop": "RMSprop", "adam": "Adam"}
            return self.tr("Set optimiser to %s") % names[config.optimizer]
        if changed == ["nesterov"]:
            return (
                self.tr("Use Nesterov momentum")
                if config.nesterov
                else self.tr("Stop using Nesterov momentum")
            )
        if changed == ["weight_decay"]:
            return self.tr("Set weight decay to %s") % f"{config.weight_decay:g}"
        symbols = {"alpha": "α", "epsilon": "ε", "beta1": "β₁", "beta2": "β₂"}
        if len(changed) == 1 and changed[0] in symbols:
            name = changed[0]
            return self.tr("Set %s to %s") % (symbols[name], f"{getattr(config, name):g}")
        return self.tr("Set training: learning rate %s, batch size %d") % (
            f"{config.learning_rate:g}",
            config.batch_size,
        )

    def set_loss(self, name: str) -> None:
        self._push(editing.set_loss(self.project, name), lambda: self.tr("Set loss to %s") % name)

    # edits: structure -----------------------------------------------------------------------
    def add_unit(self, layer: int) -> None:
        after = editing.add_unit(self.project, layer)
        self._push(after, lambda: self.tr("Add a unit to layer %d") % layer, structural=True)

    def remove_unit(self, layer: int, unit: int) -> None:
        self.riskyOperationStarting.emit()
        after = editing.remove_unit(self.project, layer, unit)
        text = lambda: self.tr("Remove unit %d of layer %d") % (unit, layer)  # noqa: E731
        self._push(after, text, structural=True)

    def insert_layer(self, position: int, size: int, activation: str) -> None:
        after = editing.insert_layer(self.project, position, size, activation)
        text = lambda: self.tr("Insert a %d-unit layer at %d") % (size, position)  # noqa: E731
        self._push(after, text, structural=True)

    def remove_layer(self, layer: int) -> None:
        self.riskyOperationStarting.emit()
        after = editing.remove_layer(self.project, layer)
        self._push(after, lambda: self.tr("Remove layer %d") % layer, structural=True)

    def set_activation(self, layer: int, name: str) -> None:
        after = editing.set_activation(self.project, layer, name)
        text = lambda: self.tr("Set layer %d activation to %s") % (layer, name)  # noqa: E731
        self._push(after, text, structural=True)

    def set_use_bias(self, on: bool) -> None:
        if on == self.project.network.use_bias:
            return
        text = lambda: self.tr("Switch biases on") if on else self.tr("Switch biases off")  # noqa: E731
        self._push(editing.set_use_bias(self.project, on), text, structural=True)

    # files ----------------------------------------------------------------------------------
    def load(self, path) -> None:
        """Open ``path``; on ProjectFileError the current project is left untouched."""
        # Absolute now: a relative path would later mean another file if the working folder
        # changes (crash recovery started from elsewhere once saved to <there>/p.json).
        path = Path(os.path.abspath(path))
        self.riskyOperationStarting.emit()
        project = load_project(path)  # raises before anything here changes
        remove_stale_temps(path.parent, path.name)  # left by a save that was killed
        self._reset(project, path)

    def open_loaded(self, project: Project, path) -> None:
        """A project already read from ``path`` elsewhere (a child process, for big files):
        opened as load() opens what it reads."""
        self.riskyOperationStarting.emit()
        self._reset(project, Path(path))

    def new_from_example(self, name: str) -> None:
        self.riskyOperationStarting.emit()
        self._reset(load_example(name), None)

    def restore_autosave(self, project: Project, original_path: Path | None) -> None:
        """Work recovered after a crash: unsaved (so the user is asked before it is dropped),
        and Save goes to the file it came from."""
        self._reset(project, original_path)
        self.undo_stack.resetClean()  # modified until saved, whatever undo does

    def save(self, path=None) -> None:
        target = self.save_target(path)
        save_project(self.project, target)
        self.mark_saved(target)

    def save_target(self, path=None) -> Path:
        """Where save(path) writes: ``path`` made absolute, or the project's own file."""
        target = Path(os.path.abspath(path)) if path is not None else self.file_path
        if target is None:
            raise ValueError("this project has never been saved; give a file name")
        return target

    def mark_saved(self, target: Path, clean: bool = True) -> None:
        """The project was written to ``target`` (elsewhere: a big project's save runs on a
        thread while the window waits); ``clean``: as it is now, not an older state."""
        self.file_path = target
        if clean:
            self.undo_stack.setClean()
        self.fileStateChanged.emit()

    def retranslate_commands(self) -> None:
        """The undo history's names in the current language (after a language switch)."""
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if hasattr(command, "retranslate"):
                command.retranslate()

    # internals ------------------------------------------------------------------------------
    def _push(self, after: Project, text: CommandName, structural: bool = False) -> None:
        self._carry_optimiser_state(after)
        self.undo_stack.push(ProjectCommand(self._apply, self.project, after, text, structural))

    def _push_merging(self, after: Project, text: CommandName, command_id: int, key: tuple) -> None:
        self._carry_optimiser_state(after)
        command = MergingParameterCommand(self._apply, self.project, after, text, command_id, key)
        self.undo_stack.push(command)

    def _carry_optimiser_state(self, after: Project) -> None:
        """``after``'s optimiser state: the one an edit set itself (a training run's, or none
        after fresh weights), else the current one as the edit leaves it
        (`editing.carry_optimiser_state`); the status bar hears what was reset."""
        if after.optimiser is not self.project.optimiser:
            return
        after.optimiser, reset = editing.carry_optimiser_state(self.project, after)
        messages = {
            editing.MOMENTUM_RESET: self.tr(
                "Momentum reset for the reshaped weights: they start from zero momentum"
            ),
            editing.SLOTS_RESET: self.tr(
                "The optimiser starts afresh: its running averages and step count are zero again"
            ),
            editing.EPOCH_RESET: self.tr(
                "Training starts a fresh epoch: the data or the batch settings changed"
            ),
        }
        for part in reset:
            self.optimiserReset.emit(messages[part])

    def _apply(self, project: Project, structural: bool) -> None:
        """Called by the undo commands only: make ``project`` current and tell the views."""
        self.project = project
        self._invalidate()
        if structural:
            self._forget_missing_refs()
            self.structureChanged.emit()
        self.changed.emit()

    def _reset(self, project: Project, path: Path | None) -> None:
        self.project = project
        self.file_path = path
        self.sample_index = 0
        self._invalidate()
        self.undo_stack.clear()
        self.set_selection(frozenset())
        self.set_highlight(frozenset())
        self.projectOpened.emit()
        self.structureChanged.emit()
        self.changed.emit()
        self.fileStateChanged.emit()

    def _invalidate(self) -> None:
        self._trace = None
        self._gradients = None
        n = self.project.dataset.n_samples
        self.sample_index = min(self.sample_index, n - 1)

    def _forget_missing_refs(self) -> None:
        """After a structural edit, drop selected/highlighted refs that no longer exist."""
        sizes = self.project.network.layer_sizes
        use_bias = self.project.network.use_bias
        self.set_selection(r for r in self.selection if _ref_exists(r, sizes, use_bias))
        kept = frozenset(r for r in self.highlight if _ref_exists(r, sizes, use_bias))
        self.set_highlight(kept, {r: v for r, v in self.highlight_values.items() if r in kept})

    def _on_clean_changed(self, _clean: bool) -> None:
        self.fileStateChanged.emit()


def _same_shape(a: Network, b: Network) -> bool:
    return a.layer_sizes == b.layer_sizes and (a.biases is None) == (b.biases is None)


def _ref_exists(ref, sizes: list[int], use_bias: bool) -> bool:
    def has_unit(layer: int, unit: int) -> bool:
        return 1 <= layer <= len(sizes) and 1 <= unit <= sizes[layer - 1]

    if isinstance(ref, UnitRef):
        return has_unit(ref.layer, ref.unit)
    if isinstance(ref, EdgeRef):
        return ref.layer >= 2 and has_unit(ref.layer - 1, ref.j) and has_unit(ref.layer, ref.k)
    if isinstance(ref, BiasRef):
        return use_bias and ref.layer >= 2 and has_unit(ref.layer, ref.unit)
    return False
