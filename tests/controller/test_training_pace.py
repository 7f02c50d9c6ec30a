"""The worker's rules without a thread: pace, stop conditions, snapshot merging."""

from __future__ import annotations

import numpy as np

from bpstudio.controller.training_pace import FLAT_OUT, Pace, StopConditions
from bpstudio.controller.training_snapshot import TrainingSnapshot, snapshot_network
from bpstudio.model.examples import load_example
from bpstudio.model.history import SeriesChunk
from bpstudio.model.training import Trainer


def make_snapshot(first_step: int, losses, running=True, reset=False, rms_columns=2):
    network = load_example("xor").network
    return TrainingSnapshot(
        **snapshot_network(network),
        step_count=first_step + len(losses),
        epoch_count=0,
        new_steps=SeriesChunk.consecutive(first_step, losses),
        new_gradient_rms=np.ones((len(losses), rms_columns)),
        running=running,
        history_reset=reset,
    )


def test_a_paced_run_takes_its_first_step_at_once_and_no_more():
    pace = Pace(2.0)
    assert pace.steps_due() == 1
    pace.took(1, fell_behind=False)
    assert pace.steps_due() == 0
    assert pace.tick_interval_ms() > 0


def test_flat_out_has_no_limit_and_only_a_short_rest_between_slices():
    pace = Pace(FLAT_OUT)
    assert pace.steps_due() == FLAT_OUT
    assert 0 < pace.tick_interval_ms() <= 5  # the GUI thread's turn with the GIL


def test_merging_keeps_every_loss_point_and_the_newest_state():
    older, newer = make_snapshot(0, [0.5, 0.4]), make_snapshot(2, [0.3], running=False)
    merged = newer.merged_after(older)
    assert merged.first_step_index == 0
    np.testing.assert_array_equal(merged.new_step_losses, [0.5, 0.4, 0.3])
    assert merged.new_gradient_rms.shape == (3, 2)
    assert merged.step_count == 3 and not merged.running
    assert not merged.new_step_losses.flags.writeable


def test_merging_after_a_reset_drops_the_points_before_it():
    older, newer = make_snapshot(10, [0.5]), make_snapshot(0, [0.9], reset=True)
    merged = newer.merged_after(older)
    np.testing.assert_array_equal(merged.new_step_losses, [0.9])
    assert merged.history_reset


def test_a_reset_merged_into_a_later_snapshot_is_remembered():
    reset, later = make_snapshot(0, [0.9], reset=True), make_snapshot(1, [0.8])
    merged = later.merged_after(reset)
    assert merged.history_reset and merged.first_step_index == 0


def test_stop_conditions_name_their_reason():
    project = load_example("xor")
    trainer = Trainer(project.network, project.dataset, project.loss, project.training)
    result = trainer.step()  # batch size 4: one step is one epoch
    assert StopConditions().reason_to_stop(trainer, result) == ""
    assert "epoch limit (1)" in StopConditions(max_epochs=1).reason_to_stop(trainer, result)
    assert "target" in StopConditions(target_loss=10.0).reason_to_stop(trainer, result)
    assert StopConditions(target_loss=1e-9).reason_to_stop(trainer, result) == ""
