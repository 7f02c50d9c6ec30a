"""The command line reports a broken project in the user's language, field path kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "bpstudio" / "resources" / "examples" / "seed.json"


def _run(command: str, project: Path, lang: str, *extra: str) -> subprocess.CompletedProcess:
    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "bpstudio.cli", command, str(project), *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def _broken(tmp_path: Path) -> Path:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["network"]["weights"][0][2][1] = "x"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_train_explains_a_broken_project_in_chinese(tmp_path):
    path = _broken(tmp_path)
    result = _run("train", path, "zh_CN.UTF-8", "--steps", "1")
    assert result.returncode == 2
    assert f"{path}: network.weights[0][2][1]: 应为数值, 实际为 文本 'x'" in result.stderr
    result = _run("train", path, "C.UTF-8", "--steps", "1")
    expected = "network.weights[0][2][1]: expected a number, got the text 'x'"
    assert expected in result.stderr


def test_derive_explains_a_broken_project_and_a_bad_sample_in_chinese(tmp_path):
    result = _run("derive", _broken(tmp_path), "zh_CN.UTF-8")
    assert result.returncode == 2 and "应为数值" in result.stderr
    result = _run("derive", SEED, "zh_CN.UTF-8", "--sample", "5")
    assert result.returncode == 2 and "--sample 5" in result.stderr and "超出范围" in result.stderr
    result = _run("derive", SEED, "C.UTF-8", "--sample", "5")
    assert "--sample 5 is out of range" in result.stderr


def test_the_message_catalogue_loads_no_qt():
    code = (
        "import sys, bpstudio.i18n.model_messages\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
