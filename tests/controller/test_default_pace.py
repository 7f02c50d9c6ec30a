"""The default pace is one a student can watch (issue 15's Decisions): on the seed network the
weights visibly change (20-50 steps per second) and XOR's loss curve takes at least 10 s to reach
its plateau.  Computed from the trainer's own numbers; nothing here is timed."""

from __future__ import annotations

import numpy as np

from bpstudio.controller.training_pace import DEFAULT_STEPS_PER_SECOND
from bpstudio.model.examples import load_example
from bpstudio.model.history import LossHistory
from bpstudio.model.training import Trainer
from bpstudio.views.training import training_controls

PLATEAU_SHARE = 0.95  # of the whole drop in loss: what the eye reads as "flat now"
SMOOTHING_STEPS = 50


def steps_to_plateau(name: str, steps: int = 5000) -> int:
    project = load_example(name)
    trainer = Trainer(
        project.network.copy(), project.dataset, project.loss, project.training, LossHistory()
    )
    losses = np.array([trainer.step().loss for _ in range(steps)])
    smooth = np.convolve(losses, np.ones(SMOOTHING_STEPS) / SMOOTHING_STEPS, mode="valid")
    start, end = smooth[0], smooth[-1]
    reached = np.flatnonzero(smooth <= start - PLATEAU_SHARE * (start - end))
    return int(reached[0]) + SMOOTHING_STEPS


def test_the_default_pace_lets_a_student_see_the_seed_weights_change():
    assert 20 <= DEFAULT_STEPS_PER_SECOND <= 50


def test_at_the_default_pace_xor_takes_at_least_ten_seconds_to_its_plateau():
    seconds = steps_to_plateau("xor") / DEFAULT_STEPS_PER_SECOND
    assert seconds >= 10, f"XOR reaches its plateau after {seconds:.1f} s"


def test_the_speed_slider_starts_at_the_default_pace(qtbot):
    slider = training_controls.make_speed_slider()
    qtbot.addWidget(slider)
    assert training_controls.speed_at(slider.value()) == DEFAULT_STEPS_PER_SECOND
