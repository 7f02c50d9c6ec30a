"""Between two flat-out slices the worker rests only when it shares the GUI's interpreter lock
(on a thread), and the rest is a real one: the timer is started again after each slice."""

from __future__ import annotations

import math

import pytest

from bpstudio.controller.training_pace import FLAT_OUT_GAP_MS, PACED_TICK_MS
from bpstudio.controller.training_worker import TrainingWorker
from bpstudio.model.examples import load_example


@pytest.fixture
def make_worker(qapp):
    made = []

    def make(shares_gil: bool) -> TrainingWorker:
        worker = TrainingWorker(load_example("xor"), shares_gil=shares_gil)
        worker._on_thread_started()  # on this thread: the timer, the first snapshot
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.halt()


@pytest.mark.parametrize(("shares_gil", "flat_out_rest"), [(True, FLAT_OUT_GAP_MS), (False, 0)])
def test_the_rest_between_slices(make_worker, shares_gil, flat_out_rest):
    worker = make_worker(shares_gil)
    assert worker._timer.isSingleShot()
    worker.set_speed(math.inf)
    assert worker._rest_ms() == flat_out_rest
    worker.set_speed(5.0)  # slow motion: looks every PACED_TICK_MS whether a step is due
    assert worker._rest_ms() == PACED_TICK_MS


def test_each_slice_starts_the_next_rest(make_worker, qtbot):
    worker = make_worker(shares_gil=True)
    steps = []
    worker.snapshotReady.connect(lambda snapshot: steps.append(snapshot.step_count))
    worker.play()  # the first slice at once, then a rest before the next
    assert steps and steps[-1] > 0
    assert worker._timer.isActive() and worker._timer.interval() == FLAT_OUT_GAP_MS
    qtbot.waitUntil(lambda: len(steps) >= 3)  # the ticks go on, one rest after each
    worker.pause()
    assert not worker._timer.isActive()
