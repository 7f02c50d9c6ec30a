"""`bpstudio export`: files written atomically, clear errors, and no Qt on the way."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bpstudio.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "resources" / "examples" / "seed.json")


@pytest.mark.parametrize("target", ["numpy", "pytorch", "notebook"])
def test_each_target_writes_its_file(tmp_path, capsys, target):
    out = tmp_path / ("seed.ipynb" if target == "notebook" else "seed.py")
    assert main(["export", SEED, "--to", target, "--out", str(out), "--lang", "en"]) == 0
    assert f"wrote {out}" in capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    if target == "notebook":
        assert json.loads(text)["nbformat"] == 4
    else:
        ast.parse(text)  # valid Python
        assert f"`python {out.name}`" in text
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_standard_output_without_out(capsys):
    assert main(["export", SEED, "--to", "numpy", "--steps", "2", "--lang", "zh"]) == 0
    text = capsys.readouterr().out
    assert "for step in range(1, 2 + 1):" in text and "# 训练设置" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "numpy", "--sample", "3"], "--sample 3 is out of range"),
        (["--to", "numpy", "--out", "/nonexistent/x.py"], "cannot write /nonexistent/x.py"),
    ],
)  # fmt: skip
def test_bad_input_is_named_with_exit_status_2(capsys, args, message):
    assert main(["export", SEED, *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bpstudio export: ") and message in err


def test_a_missing_project_and_bad_options(tmp_path, capsys):
    assert main(["export", str(tmp_path / "none.json"), "--to", "numpy"]) == 2
    assert "none.json" in capsys.readouterr().err
    for bad in (["--to", "java"], ["--to", "numpy", "--steps", "-3"], []):
        with pytest.raises(SystemExit) as exit_:
            main(["export", SEED, *bad])
        assert exit_.value.code == 2


def test_export_loads_no_qt():
    code = (
        "import contextlib, io, sys, bpstudio.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert bpstudio.cli.main(['export', {SEED!r}, '--to', 'notebook']) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
