"""A stateful property test of the Document: random sequences of edits, undo, redo, training
steps and saves.  Invariants: an edit the model refuses (ValueError) leaves the document as it
was, every saved file reopens equal to what was saved, nothing else ever escapes, and undoing
everything gives back the original project exactly."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from bpstudio.controller.document import Document
from bpstudio.model.activations import ACTIVATION_NAMES
from bpstudio.model.examples import load_example
from bpstudio.model.initialisation import SCHEMES, InitScheme
from bpstudio.model.losses import LOSS_NAMES
from bpstudio.model.project import load_project
from bpstudio.model.training import DivergenceError, Trainer, TrainingConfig

LAYERS = st.integers(0, 5)  # 0 and 5 are often out of range: refusals are exercised too
UNITS = st.integers(0, 4)
# NaN and infinities must be refused (a project file cannot hold them); 1e300 overflows training.
VALUES = st.floats(-5, 5) | st.sampled_from([0.0, -0.0, 1e-300, 1e300, float("nan"), -float("inf")])
EXAMPLES = ["seed", "xor", "sine", "and_gate"]


class DocumentMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="bpstudio-stateful-"))
        self.document: Document | None = None
        self.saves = 0

    @initialize(example=st.sampled_from(EXAMPLES))
    def open_example(self, example):
        self.document = Document(load_example(example))
        self.original = self.document.project.copy()

    def attempt(self, edit, *args) -> None:
        """Run one edit; a refusal (ValueError) must change nothing."""
        if self.document is None:
            return
        stack, before = self.document.undo_stack, self.document.project
        index, count = stack.index(), stack.count()
        try:
            edit(*args)
        except ValueError:
            assert self.document.project is before
            assert (stack.index(), stack.count()) == (index, count)

    # edits ----------------------------------------------------------------------------------
    @rule(layer=LAYERS, j=UNITS, k=UNITS, value=VALUES)
    def set_weight(self, layer, j, k, value):
        self.attempt(lambda: self.document.set_weight(layer, j, k, value))

    @rule(layer=LAYERS, unit=UNITS, value=VALUES)
    def set_bias(self, layer, unit, value):
        self.attempt(lambda: self.document.set_bias(layer, unit, value))

    @rule(layer=LAYERS)
    def add_unit(self, layer):
        self.attempt(lambda: self.document.add_unit(layer))

    @rule(layer=LAYERS, unit=UNITS)
    def remove_unit(self, layer, unit):
        self.attempt(lambda: self.document.remove_unit(layer, unit))

    @rule(position=LAYERS, size=st.integers(0, 3), activation=st.sampled_from(ACTIVATION_NAMES))
    def insert_layer(self, position, size, activation):
        self.attempt(lambda: self.document.insert_layer(position, size, activation))

    @rule(layer=LAYERS)
    def remove_layer(self, layer):
        self.attempt(lambda: self.document.remove_layer(layer))

    @rule(layer=LAYERS, name=st.sampled_from(ACTIVATION_NAMES))
    def set_activation(self, layer, name):
        self.attempt(lambda: self.document.set_activation(layer, name))

    @rule(on=st.booleans())
    def set_use_bias(self, on):
        self.attempt(lambda: self.document.set_use_bias(on))

    @rule(name=st.sampled_from(LOSS_NAMES))
    def set_loss(self, name):
        self.attempt(lambda: self.document.set_loss(name))

    @rule(scheme=st.sampled_from(SCHEMES), seed=st.integers(0, 3))
    def reinitialise(self, scheme, seed):
        self.attempt(lambda: self.document.reinitialise(InitScheme(scheme, seed)))

    @rule(rate=st.floats(1e-3, 3), momentum=st.floats(0, 0.95), batch=st.integers(1, 4))
    def set_training_config(self, rate, momentum, batch):
        config = TrainingConfig(learning_rate=rate, momentum=momentum, batch_size=batch)
        self.attempt(lambda: self.document.set_training_config(config))

    # undo, redo, training, saving -----------------------------------------------------------
    @rule()
    def undo(self):
        if self.document is not None:
            self.document.undo_stack.undo()

    @rule()
    def redo(self):
        if self.document is not None:
            self.document.undo_stack.redo()

    @rule(steps=st.integers(1, 30))
    def train(self, steps):
        """What TrainingSession does when training stops: one 'Train N steps' command."""
        if self.document is None:
            return
        project = self.document.project
        trainer = Trainer(
            project.network.copy(),
            project.dataset.training_set(),
            project.loss,
            project.training,
            project.history.copy(),
            project.steps_taken,
        )
        with contextlib.suppress(DivergenceError):  # the session commits the steps before it
            trainer.run_steps(steps)
        if trainer.step_count == project.steps_taken:
            return
        self.document.replace_network(
            trainer.network,
            f"Train {trainer.step_count - project.steps_taken} steps",
            history=trainer.history,
            steps_taken=trainer.step_count,
        )

    @rule()
    def save_and_reopen(self):
        if self.document is None:
            return
        self.saves += 1
        path = self.folder / f"save-{self.saves}.json"
        self.document.save(path)
        assert not self.document.is_modified()
        assert load_project(path).equals(self.document.project)

    @invariant()
    def the_network_fits_its_data(self):
        if self.document is not None:
            project = self.document.project
            project.dataset.check_fits(project.network.layer_sizes)

    def teardown(self):
        try:
            if self.document is not None:
                while self.document.undo_stack.canUndo():
                    self.document.undo_stack.undo()
                assert self.document.project.equals(self.original)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def test_random_edits_undo_redo_training_and_saves(qapp):
    run_state_machine_as_test(
        DocumentMachine,
        settings=settings(
            max_examples=250,
            stateful_step_count=50,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
