"""The experiment off the GUI thread: in a child process (or a thread), progress, Cancel."""

from __future__ import annotations

import pytest

from bpstudio.controller.experiment_job import ExperimentJob
from bpstudio.controller.training_process import THREAD_ENV
from bpstudio.model.examples import load_example
from bpstudio.model.experiment import ExperimentError, Plan, run_experiment


@pytest.fixture(params=["process", "thread"])
def job(request, qapp, monkeypatch):
    monkeypatch.setenv(THREAD_ENV, "1" if request.param == "thread" else "0")
    job = ExperimentJob()
    yield job
    job.shutdown()


def test_the_runs_arrive_equal_to_running_the_experiment_here(job, qtbot):
    project = load_example("xor")
    plan = Plan("activation", ("sigmoid", "tanh"), 200)
    with qtbot.waitSignal(job.finished, timeout=30_000) as finished:
        job.start(project, plan)
    runs, complete = finished.args
    assert complete and not job.running
    expected = run_experiment(project, plan)
    for got, want in zip(runs, expected, strict=True):
        assert got.name == want.name and got.final_loss == want.final_loss
        assert list(got.curve.view()) == list(want.curve.view())


def test_progress_reaches_the_total(job, qtbot):
    seen = []
    job.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=30_000):
        job.start(load_example("xor"), Plan("learning_rate", (0.5, 2.0), 100))
    assert seen and seen[-1] == (200, 200)


def test_cancel_stops_soon_and_brings_the_finished_runs(job, qtbot):
    plan = Plan("learning_rate", (0.5, 2.0), 10_000_000)
    with qtbot.waitSignal(job.progressed, timeout=30_000):
        job.start(load_example("xor"), plan)
    with qtbot.waitSignal(job.finished, timeout=30_000) as finished:
        job.cancel()
    runs, complete = finished.args
    assert not complete and runs == [] and not job.running


def test_a_value_the_project_cannot_use_arrives_as_failed(job, qtbot):
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        job.start(load_example("sine"), Plan("loss", ("cross_entropy",), 10))
    assert isinstance(failed.args[0], ExperimentError)
    assert "cross_entropy cannot learn these targets" in str(failed.args[0])


def test_a_child_that_dies_is_reported(qapp, qtbot, monkeypatch):
    monkeypatch.setenv(THREAD_ENV, "0")
    job = ExperimentJob()
    with qtbot.waitSignal(job.progressed, timeout=30_000):
        job.start(load_example("xor"), Plan("learning_rate", (0.5,), 10_000_000))
    with qtbot.waitSignal(job.failed, timeout=30_000) as failed:
        job._process.kill()
    assert "ended unexpectedly" in str(failed.args[0]) and not job.running
    job.shutdown()
