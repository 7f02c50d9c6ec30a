"""The command line speaks the user's language from the .ts catalogue, without Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bpstudio.i18n.cli_text import cli_language, translate

SEED = Path(__file__).resolve().parents[2] / "bpstudio" / "resources" / "examples" / "seed.json"


def test_the_locale_picks_the_language():
    assert cli_language({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert cli_language({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert cli_language({}) == "en"


def test_messages_come_from_the_ts_catalogue():
    assert translate("cli", "wrote %s", "zh_CN") == "已写入 %s"
    assert translate("cli", "wrote %s", "en") == "wrote %s"
    assert translate("cli", "no such message", "zh_CN") == "no such message"


def _train(lang: str) -> str:
    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "bpstudio.cli", "train", str(SEED), "--epochs", "2", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return result.stdout


def test_train_reports_in_chinese_under_a_chinese_locale():
    assert "损失" in _train("zh_CN.UTF-8")
    assert "loss" in _train("C.UTF-8")
