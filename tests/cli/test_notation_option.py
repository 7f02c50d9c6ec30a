"""`--notation` for derive, export and exercise, and `derive --matrix`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bpstudio.cli import main
from bpstudio.model import notation

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "resources" / "examples" / "seed.json")


@pytest.fixture(autouse=True)
def _default_notation():
    yield
    notation.choose(notation.DEFAULT)  # the option sets the process's notation


@pytest.mark.parametrize(
    ("name", "symbol"),
    [("seed", "w_{11}^3"), ("cs231n", "W2_{11}"), ("qiu", r"\delta_1^{(2)}"), ("zhou", "-g_1")],
)
def test_derive_writes_in_the_notation(capsys, name, symbol):
    assert main(["derive", SEED, "--notation", name, "--lang", "en"]) == 0
    assert symbol in capsys.readouterr().out


def test_derive_says_why_mazur_falls_back(capsys):
    assert main(["derive", SEED, "--notation", "mazur", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "2-2-2" in out and "种子文档" in out and "w_{11}^3" in out


def test_an_unknown_notation_exits_2_naming_the_known_ones(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["derive", SEED, "--notation", "knuth"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "unknown notation 'knuth'" in err and "qiu" in err


def test_derive_matrix_in_json_lists_the_matrices(capsys):
    assert main(["derive", SEED, "--format", "json", "--matrix", "--notation", "qiu"]) == 0
    data = json.loads(capsys.readouterr().out)
    steps = data["matrix"]["steps"]
    assert [s["quantity"] for s in steps][:2] == ["z", "a"]
    assert "inputs × outputs" in data["matrix"]["note"]
    dW = next(s for s in steps if s["quantity"] == "dE/dw" and s["layer"] == 2)
    assert len(dW["value"]) == 3 and len(dW["value"][0]) == 2  # stored as inputs × outputs


@pytest.mark.parametrize("fmt", ["markdown", "latex"])
def test_derive_matrix_adds_a_section_in_chinese(capsys, fmt):
    assert main(["derive", SEED, "--format", fmt, "--matrix", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "同一步的矩阵形式" in out and r"\begin{bmatrix}" in out


def test_export_notebook_follows_the_notation(tmp_path, capsys):
    out = tmp_path / "qiu.ipynb"
    args = ["export", SEED, "--to", "notebook", "--notation", "qiu", "--out", str(out)]
    assert main(args) == 0
    text = out.read_text(encoding="utf-8")
    assert r"\\delta_1^{(2)}" in text and r"w_{11}^3" not in text


def test_exercise_sheets_follow_the_notation(tmp_path):
    args = ["exercise", SEED, "--students", "1", "--format", "markdown", "--out", str(tmp_path),
            "--notation", "zhou"]  # fmt: skip
    assert main(args) == 0
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.md"))
    assert r"\beta_1" in text and "z_1^3" not in text
