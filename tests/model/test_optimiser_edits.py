"""The optimiser's state across edits (`editing.carry_optimiser_state`) with every optimiser:
its numbers keep the slots, another kind starts them again, a reshaped network under Adam or
RMSprop starts every slot and the step count again (one step count serves all)."""

from __future__ import annotations

import numpy as np

from bpstudio.model import editing
from bpstudio.model.examples import load_example
from tests.model.test_resume import train


def trained(**settings):
    project = load_example("xor")
    project.training = project.training.with_changes(**settings)
    return train(project, 5)


def test_the_optimisers_numbers_keep_the_slots():
    before = trained(optimizer="adam", learning_rate=0.01)
    after = editing.set_training(before, before.training.with_changes(beta2=0.9, epsilon=1e-6))
    state, reset = editing.carry_optimiser_state(before, after)
    assert reset == () and state is before.optimiser and state.step == 5


def test_another_optimiser_starts_from_zero_slots_and_says_so():
    before = trained(optimizer="adam", learning_rate=0.01)
    after = editing.set_training(before, before.training.with_changes(optimizer="rmsprop"))
    state, reset = editing.carry_optimiser_state(before, after)
    assert reset == (editing.SLOTS_RESET,)
    assert (state.kind, state.step, state.averages) == ("rmsprop", 0, {})
    assert not any(b.any() for b in state.momentum)
    assert state.epoch == before.optimiser.epoch  # the epoch goes on


def test_a_reshaped_network_under_adam_starts_every_slot_again():
    before = trained(optimizer="adam", learning_rate=0.01)
    after = editing.add_unit(before, 2)
    state, reset = editing.carry_optimiser_state(before, after)
    assert editing.SLOTS_RESET in reset
    assert state.step == 0 and state.kind == "adam"
    assert state.fits([p.shape for p in after.network.parameters()])


def test_a_reshaped_network_under_sgd_keeps_the_momentum_of_unchanged_parameters():
    before = trained(optimizer="sgd", momentum=0.9)
    after = editing.add_unit(before, 2)
    state, reset = editing.carry_optimiser_state(before, after)
    assert reset == (editing.MOMENTUM_RESET,)
    assert state.step == 5
    # the bias of the output layer keeps its shape and its buffer
    assert np.array_equal(state.momentum[-1], before.optimiser.momentum[-1])
