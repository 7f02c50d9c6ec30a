"""On a 1280x720 screen the first window and every default dock lie inside the screen.

Qt cannot resize a screen, and .ci/run's Xvfb is 1600x1000: so this test starts its own Xvfb of
1280x720 and opens the window in a child process on it (tests/views/window/screen_fit_probe.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb

ROOT = Path(__file__).resolve().parents[3]
SMALL_SCREEN = "1280x720x24"


@pytest.fixture
def small_display():
    """A fresh Xvfb of 1280x720; yields its DISPLAY name (Xvfb picks a free number)."""
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb (scripts/install-system-deps.sh installs it)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", SMALL_SCREEN, "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as announced:
            number = announced.readline().strip()  # written once the server accepts clients
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def inside(outer: list[int], inner: list[int]) -> bool:
    ox, oy, ow, oh = outer
    x, y, w, h = inner
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


def test_the_window_and_every_dock_fit_a_1280x720_screen(small_display, tmp_path):
    out = tmp_path / "fit.json"
    home = tmp_path / "home"
    env = os.environ | {
        "DISPLAY": small_display,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),  # a first start: no saved layout
        "XDG_DATA_HOME": str(home / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.views.window.screen_fit_probe", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    available = report["available"]
    assert available[2:] == [1280, 720]
    assert inside(available, report["window"]), report["window"]
    assert set(report["docks"]) >= {"trainingPanel", "lossPlot", "derivationPanel"}
    outside = {
        name: dock["rect"]
        for name, dock in report["docks"].items()
        if not dock["visible"] or not inside(available, dock["rect"])
    }
    assert not outside, f"docks not inside the 1280x720 screen: {outside}"
