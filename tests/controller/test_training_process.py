"""Training in a child process (training_process.py): the same signals as on a thread, the
worker's texts in the GUI's language, a dead child reported, and no child left behind.

The other controller tests run through the child process too (it is the default); the thread
fallback (frozen builds, BPSTUDIO_TRAINING_THREAD=1) is checked here."""

from __future__ import annotations

import logging
import os
import re
import signal
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import bpstudio.controller.training_process as training_process
from bpstudio.controller.training_controller import TrainingController
from bpstudio.controller.training_process import read_only
from bpstudio.controller.training_worker import WORKER_TEXTS
from bpstudio.model.examples import load_example
from tests.controller.training_support import training

CONTROLLER_DIR = Path(training_process.__file__).parent


@pytest.fixture(autouse=True)
def _processes_wanted(monkeypatch):
    monkeypatch.delenv(training_process.THREAD_ENV, raising=False)


def child_process(controller: TrainingController):
    return controller._worker._child.process


def test_the_default_controller_trains_in_a_child_process_and_stops_it(qtbot):
    with training(qtbot) as controller:
        assert controller.in_process
        with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
            controller.play()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count > 50)
        child = child_process(controller)
        assert child.pid != os.getpid() and child.is_alive()
        with qtbot.waitSignal(controller.stopped, check_params_cb=lambda why: why == "Paused"):
            controller.pause()
        controller.shutdown()
        assert not child.is_alive()


def test_snapshots_from_the_child_are_read_only(qtbot):
    with training(qtbot) as controller:
        with qtbot.waitSignal(controller.snapshotReady):
            controller.step_once()
        snapshot = controller.latest_snapshot
        assert not snapshot.weights[0].flags.writeable
        assert not snapshot.new_step_losses.flags.writeable


def test_read_only_looks_through_dataclasses_and_tuples():
    from bpstudio.controller.training_pace import StopConditions  # a frozen dataclass

    arrays = (np.zeros(2), [np.ones(3)])
    read_only(arrays)
    assert not arrays[0].flags.writeable and not arrays[1][0].flags.writeable
    assert read_only(StopConditions(max_epochs=3)) == StopConditions(max_epochs=3)


class _German(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):
        return "Angehalten" if (context, source_text) == ("TrainingWorker", "Paused") else None


def test_the_childs_messages_are_in_the_guis_language(qtbot):
    german = _German()
    QCoreApplication.installTranslator(german)
    try:
        with training(qtbot) as controller:
            with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
                controller.play()
            with qtbot.waitSignal(controller.stopped) as blocker:
                controller.pause()
            assert blocker.args == ["Angehalten"]
    finally:
        QCoreApplication.removeTranslator(german)


def test_a_failure_in_the_child_reaches_this_processs_log(qtbot, caplog):
    caplog.set_level(logging.ERROR)
    with training(qtbot) as controller, qtbot.waitSignal(controller.failed):
        controller.set_config(None)  # not a TrainingConfig: the worker's slot raises
    records = [r for r in caplog.records if "in the training process" in r.getMessage()]
    assert records and "AttributeError" in records[0].getMessage()
    assert "Traceback" in records[0].getMessage()  # the whole traceback, for the log file


def test_worker_texts_lists_every_text_the_worker_translates():
    sources = "".join(
        (CONTROLLER_DIR / name).read_text() for name in ("training_worker.py", "training_pace.py")
    )
    found = re.findall(r'(?:self\.tr|translate)\(\s*(?:"TrainingWorker",\s*)?"([^"]+)"', sources)
    assert found and set(found) == set(WORKER_TEXTS)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_killed_child_is_reported_and_the_next_command_starts_another(qtbot):
    with training(qtbot) as controller:
        with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
            controller.play()
        first = child_process(controller)
        with qtbot.waitSignal(controller.failed, timeout=10_000) as blocker:
            os.kill(first.pid, signal.SIGKILL)
        assert "ended unexpectedly" in blocker.args[0]
        qtbot.waitUntil(lambda: not controller.is_running)
        controller.step_once()
        qtbot.waitUntil(lambda: child_process(controller).pid != first.pid)
        # afresh, from the project the controller had sent
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count == 1, timeout=10_000)


def test_the_thread_fallback_trains_too(qtbot, monkeypatch):
    monkeypatch.setenv(training_process.THREAD_ENV, "1")
    assert not training_process.processes_available()
    with TrainingController(load_example("xor")) as controller:
        assert not controller.in_process
        with qtbot.waitSignal(controller.snapshotReady):
            controller.step_once()
        qtbot.waitUntil(lambda: controller.latest_snapshot.step_count == 1)
        with qtbot.waitSignal(controller.snapshotReady):
            controller.step_epoch()


def test_frozen_builds_train_in_a_process_and_windows_on_a_thread(monkeypatch):
    monkeypatch.delenv(training_process.THREAD_ENV, raising=False)
    assert training_process.processes_available() == (training_process.sys.platform != "win32")
    monkeypatch.setattr(training_process.sys, "frozen", True, raising=False)
    assert training_process.processes_available() == (training_process.sys.platform != "win32")
    monkeypatch.delattr(training_process.sys, "frozen")
    monkeypatch.setattr(training_process.sys, "platform", "win32")
    assert not training_process.processes_available()


def test_the_fork_server_starts_ahead_of_play_without_a_training_thread(qtbot):
    with TrainingController(load_example("xor")) as controller:
        controller._prepare_process()  # what a timer does 2 s after the window opens
        assert not controller.thread_started
        if training_process.sys.platform == "linux":
            from multiprocessing import forkserver

            assert forkserver._forkserver._forkserver_pid is not None
        with qtbot.waitSignal(controller.snapshotReady, timeout=10_000):
            controller.step_once()


def test_the_child_runs_its_matrix_products_on_one_thread(qtbot, monkeypatch):
    """The GUI thread keeps the other core (unless the user chose a BLAS thread count)."""
    for name in training_process.BLAS_THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with training(qtbot) as controller:
        with qtbot.waitSignal(controller.snapshotReady):
            controller.step_once()
        environ = Path(f"/proc/{child_process(controller).pid}/environ").read_bytes()
        controller.shutdown()
    assert b"OPENBLAS_NUM_THREADS=1\0" in environ
    assert "OPENBLAS_NUM_THREADS" not in os.environ  # this process's own setting is untouched
