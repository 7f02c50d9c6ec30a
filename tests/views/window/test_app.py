"""`run_gui --self-test-screenshot`: the installer's smoke test, run as a separate process."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage


def test_self_test_screenshot_writes_a_png_and_exits_0(tmp_path):
    shot = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, "-m", "bpstudio.app", "--self-test-screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull()
    # The window fits the offscreen platform's 800x800 screen (its first size comes from it).
    assert 700 <= image.width() <= 800 and 500 <= image.height() <= 800
    # A screenshot run starts as a returning user: the Getting started page stays closed.
    settings = "".join(p.read_text() for p in (tmp_path / "config").rglob("*.conf"))
    assert "gettingStartedSeen=true" in settings


def test_bad_project_on_the_command_line_shows_the_seed(tmp_path, monkeypatch, qapp):
    from PySide6.QtWidgets import QMessageBox

    from bpstudio.app import new_workspace
    from bpstudio.model.examples import load_example
    from bpstudio.views.window.main_window import MainWindow

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "broken.json"
    bad.write_text("{")
    window = MainWindow(new_workspace())
    window.files.open_path(bad, ask=False)
    assert shown and "broken.json" in shown[0]
    assert window.document.project.equals(load_example("seed"))
    window.deleteLater()


def test_self_test_training_reports_a_training_process(tmp_path):
    """What the packaging smoke test runs against the installed app: it must train in a child
    process of its own, and say so (JSON on standard output)."""
    import json

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("BPSTUDIO_TRAINING_THREAD", None)
    result = subprocess.run(
        [sys.executable, "-m", "bpstudio", "--self-test-training", "0.5"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["training"] == "process"
    assert report["child_pid"] not in (None, os.getpid())
    assert report["steps_per_second"] > 0
    assert report["lateness_ms"]["ticks"] > 0
