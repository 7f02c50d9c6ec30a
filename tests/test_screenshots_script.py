"""scripts/screenshots.py retakes the README's screenshots from the real app on Xvfb: two cheap
ones here (a whole window, and a whole screen at a first start), checked for their size and
that they show something."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "screenshots.py"
CHEAP = ("walkthrough-step2", "first-minutes/en-1280x720-first-card")


def load_script():
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["screenshots"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def colours(image: QImage) -> int:
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)}
    )


def test_every_screenshot_in_the_table_has_a_unique_name_and_a_known_grab():
    script = load_script()
    names = [shot.name for shot in script.shots()]
    assert len(names) == len(set(names))
    for shot in script.shots():
        if isinstance(shot, script.Shot):
            assert shot.grab.partition(":")[0] in {"window", "screen", "dock", "widget"}


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="the script starts Xvfb servers")
def test_the_script_retakes_a_window_and_a_screen_at_their_sizes(tmp_path):
    script = load_script()
    table = {shot.name: shot for shot in script.shots()}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--only", *CHEAP, "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for name in CHEAP:
        shot = table[name]
        image = QImage(str(tmp_path / f"{name}.png"))
        assert not image.isNull(), name
        size = shot.window if shot.grab == "window" else shot.screen
        assert (image.width(), image.height()) == size, name
        assert colours(image) > 50, f"{name} is nearly blank"
