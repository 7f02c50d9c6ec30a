"""`bpstudio derive`: documents for every format, clear errors, and no Qt on the way."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bpstudio.cli import main
from bpstudio.cli_derive import default_lang

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "resources" / "examples" / "seed.json")


def test_latex_of_the_seed_in_a_subprocess():
    env = {**os.environ, "LANG": "C.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "bpstudio", "derive", SEED, "--format", "latex"],
        capture_output=True, text=True, timeout=60, check=False, cwd=ROOT, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert r"\begin{document}" in result.stdout and r"\end{document}" in result.stdout
    assert r"w_{11}^3" in result.stdout


@pytest.mark.parametrize("fmt", ["markdown", "json", "latex"])
def test_every_format_writes_to_a_file(tmp_path, capsys, fmt):
    out = tmp_path / f"seed.{fmt}"
    args = ["derive", SEED, "--format", fmt, "--digits", "6", "--lang", "zh", "--out", str(out)]
    assert main(args) == 0
    text = out.read_text(encoding="utf-8")
    assert "正向传播" in text
    if fmt == "json":
        assert json.loads(text)["digits"] == 6


def test_bad_file_exits_2_naming_the_problem(tmp_path, capsys):
    bad = tmp_path / "broken.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert main(["derive", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "broken.json" in err and "not valid JSON" in err


def test_missing_file_exits_2(capsys):
    assert main(["derive", "no/such/project.json"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_sample_out_of_range_exits_2(capsys):
    assert main(["derive", SEED, "--sample", "2"]) == 2
    err = capsys.readouterr().err
    assert "--sample 2" in err and "1 sample" in err
    assert main(["derive", SEED, "--sample", "0"]) == 2


def test_language_follows_the_locale_when_not_given():
    assert default_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert default_lang({"LANG": "en_GB.UTF-8"}) == "en"
    assert default_lang({}) == "en"


def test_derive_loads_no_qt():
    code = (
        "import contextlib, io, sys, bpstudio.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert bpstudio.cli.main(['derive', {SEED!r}, '--format', 'html']) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert ast.literal_eval(result.stdout.strip().splitlines()[-1]) == []


def test_expanded_is_on_by_default_and_can_be_turned_off(tmp_path):
    on, off = tmp_path / "on.json", tmp_path / "off.json"
    assert main(["derive", SEED, "--format", "json", "--out", str(on)]) == 0
    assert main(["derive", SEED, "--format", "json", "--no-expanded", "--out", str(off)]) == 0
    data_on, data_off = (json.loads(p.read_text(encoding="utf-8")) for p in (on, off))
    assert data_on["expanded"] and not data_off["expanded"]
    last_on, last_off = data_on["steps"][-12], data_off["steps"][-12]  # a step of 六
    assert last_on["quantity"] == "dE/dw" and r"\left[" in last_on["symbolic"]
    assert r"\left[" not in last_off["symbolic"]
    assert data_on["notes"][0]["id"] == "ps.sigmoid"
