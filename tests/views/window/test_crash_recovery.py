"""The crash test: the real app, killed with SIGKILL while it trains unsaved edits, offers the
work back at the next start, and restoring it gives the edits back.

Both starts are driven by tests/views/window/crash_scenarios.py (the real app with a scenario in
place of a user).  The first run's autosave file appearing is the signal that
the edits are safe on disk; then the process is killed, with no chance to clean up.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bpstudio.model.examples import load_example
from bpstudio.model.project import save_project
from tests.views.window.crash_scenarios import EDITED_WEIGHT

START_TIMEOUT_S = 60


DRIVER = Path(__file__).with_name("crash_scenarios.py")


def app_command(*args: str) -> list[str]:
    return [sys.executable, str(DRIVER), *args]


def wait_for_autosave(folder: Path, process: subprocess.Popen) -> Path:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        found = list(folder.rglob("autosave-*.json"))
        if found:
            return found[0]
        assert process.poll() is None, process.communicate()[1]
        time.sleep(0.05)  # a subprocess: polling its file is the only signal there is
    pytest.fail("no autosave appeared")


@pytest.mark.slow
def test_killed_during_training_the_next_start_restores_the_edits(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))  # fmt: skip
    project_file = tmp_path / "mine.json"
    save_project(load_example("seed"), project_file)
    first = subprocess.Popen(
        app_command(str(project_file), "--scenario", "edit-and-train"),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        autosave = wait_for_autosave(tmp_path / "data", first)
        time.sleep(0.3)  # let training run for a moment with the edits in memory
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    assert first.returncode == -signal.SIGKILL and autosave.exists()

    out = tmp_path / "restored.json"
    second = subprocess.run(
        app_command("--scenario", f"restore-and-save={out}"),
        env=env,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
    )
    assert second.returncode == 0, second.stderr
    restored = json.loads(out.read_text(encoding="utf-8"))
    assert restored["restored"] and restored["modified"]
    assert restored["file_path"] == str(project_file)  # Save goes back to the student's file
    network = restored["project"]["network"]
    assert network["layer_sizes"] == [3, 3, 2]  # the unit added before the crash
    assert network["weights"][0][0][0] == EDITED_WEIGHT  # and the weight typed in
    # The old autosave was taken over, and the clean exit removed this session's own.
    assert not list((tmp_path / "data").rglob("autosave-*.json"))
