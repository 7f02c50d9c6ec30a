"""`bpstudio exercise`: a class's sheets, each student's own numbers, a key equal to the engine."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bpstudio.cli import main
from bpstudio.model.derivation import derive_project
from bpstudio.model.examples import load_example
from bpstudio.model.optimisers import OptimiserSettings
from bpstudio.model.practice import exercise_numbers
from bpstudio.model.project import dumps, from_json
from tests.model.derivation.test_optimiser_seven import _optimised
from tests.model.test_resume import train

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "resources" / "examples" / "seed.json")


def test_thirty_students_distinct_numbers_and_a_key_equal_to_the_engine(tmp_path):
    assert main(["exercise", SEED, "--students", "30", "--seed", "4", "--format", "json",
                 "--out", str(tmp_path), "--lang", "en"]) == 0  # fmt: skip
    data = json.loads((tmp_path / "exercises.json").read_text(encoding="utf-8"))
    students = data["students"]
    assert len(students) == 30
    numbers = set()
    for student in students:
        project = from_json(student["project"])
        numbers.add(exercise_numbers(project, 0))
        engine = derive_project(project, 0)
        assert [e["value"] for e in student["expected"]] == [s.value for s in engine.steps]
        assert all(e["blank"] for e in student["expected"])  # default: everything to compute
    assert len(numbers) == 30


def test_the_same_seed_gives_the_same_sheets(tmp_path):
    for name in ("a", "b"):
        assert main(["exercise", SEED, "--students", "3", "--seed", "9", "--format", "markdown",
                     "--out", str(tmp_path / name), "--lang", "zh"]) == 0  # fmt: skip
    a, b = (sorted((tmp_path / n).iterdir()) for n in ("a", "b"))
    assert [p.name for p in a] == ["answer-key.md", "sheet-01.md", "sheet-02.md", "sheet-03.md"]
    assert [p.read_text(encoding="utf-8") for p in a] == [p.read_text(encoding="utf-8") for p in b]
    sheet = a[1].read_text(encoding="utf-8")
    assert "练习 1" in sheet and r"\underline" in sheet


def test_level_leaves_earlier_sections_worked(tmp_path):
    assert main(["exercise", SEED, "--students", "2", "--format", "json", "--level", "1",
                 "--out", str(tmp_path)]) == 0  # fmt: skip
    expected = json.loads((tmp_path / "exercises.json").read_text())["students"][0]["expected"]
    assert {e["section"] for e in expected if e["blank"]} == {"update.7"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--students", "0"], "--students"),
        (["--students", "2", "--level", "99"], "--level 99 is out of range"),
        (["--students", "2", "--format", "docx"], "--format"),
        (["--students", "501"], "too many"),
        (["--students", "2", "--seed", "-1"], "--seed"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(tmp_path, capsys, args, message):
    assert _status(["exercise", SEED, "--out", str(tmp_path), *args]) == 2
    assert message in capsys.readouterr().err


def test_a_missing_project_exits_2(tmp_path, capsys):
    assert _status(["exercise", str(tmp_path / "none.json"), "--students", "2", "--out", "x"]) == 2
    assert "none.json" in capsys.readouterr().err


def _status(argv) -> int:
    """The exit status, whether the parser exits (argparse) or main returns it."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_latex_sheets_compile_with_xelatex(tmp_path, lang):
    # No skip without TeX: scripts/install-system-deps.sh installs it, and CI must prove this.
    assert shutil.which("xelatex"), "xelatex missing: run scripts/install-system-deps.sh"
    assert main(["exercise", SEED, "--students", "2", "--format", "latex", "--lang", lang,
                 "--out", str(tmp_path)]) == 0  # fmt: skip
    for name in ("sheet-01.tex", "answer-key.tex"):
        result = subprocess.run(
            ["xelatex", "-interaction=nonstopmode", "-halt-on-error", name],
            cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout[-2000:]
        assert (tmp_path / name.replace(".tex", ".pdf")).stat().st_size > 1000


def test_html_sheets_are_self_contained(tmp_path):
    assert main(["exercise", SEED, "--students", "1", "--format", "html",
                 "--out", str(tmp_path)]) == 0  # fmt: skip
    page = (tmp_path / "sheet-01.html").read_text(encoding="utf-8")
    assert (
        page.count("<svg") > 20
        and 'class="blank"' in page
        and "http" not in page.split("<body>")[1].replace("http://www.w3.org", "")
    )


def test_derive_json_lists_each_steps_named_mistakes(tmp_path):
    out = tmp_path / "seed.json"
    assert main(["derive", SEED, "--format", "json", "--lang", "en", "--out", str(out)]) == 0
    steps = json.loads(out.read_text(encoding="utf-8"))["steps"]
    assert all(isinstance(step["mistakes"], list) for step in steps)
    dz = next(s for s in steps if s["quantity"] == "dE/dz" and s["layer"] == 3)
    codes = {m["code"]: m["value"] for m in dz["mistakes"]}
    dY = next(s for s in steps if s["quantity"] == "dE/dY" and s["indices"] == dz["indices"])
    assert codes["dropped_slope"] == pytest.approx(dY["value"])
    assert codes["sign_flipped"] == pytest.approx(-dz["value"])


def test_derive_json_lists_the_optimisers_named_mistakes(tmp_path):
    """Adam's 七: m̂'s slips are listed (m without its correction is the line before)."""
    project = train(_optimised(load_example("xor"), OptimiserSettings("adam")), 2)
    source, out = tmp_path / "adam.bpstudio", tmp_path / "adam.json"
    source.write_text(dumps(project), encoding="utf-8")
    assert main(["derive", str(source), "--format", "json", "--out", str(out)]) == 0
    steps = json.loads(out.read_text(encoding="utf-8"))["steps"]
    m = next(s for s in steps if s["quantity"] == "exp_avg_w")
    m_hat = next(s for s in steps if s["quantity"] == "exp_avg_hat_w")
    codes = {mistake["code"]: mistake["value"] for mistake in m_hat["mistakes"]}
    assert codes["no_bias_correction"] == pytest.approx(m["value"])
    assert {"step_from_zero", "dropped_power"} <= set(codes)


def test_a_batch_sheet_gives_every_sample_of_the_batch(tmp_path):
    project = json.loads(Path(SEED).read_text(encoding="utf-8"))
    project["dataset"]["inputs"] = [[1.0, 0.5, 0.2], [0.3, 0.1, 0.9]]
    project["dataset"]["targets"] = [[0.9, 0.1], [0.2, 0.8]]
    project["training"]["batch_size"] = 2
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(project), encoding="utf-8")
    assert main(["exercise", str(path), "--students", "1", "--format", "markdown",
                 "--out", str(tmp_path / "out"), "--lang", "en"]) == 0  # fmt: skip
    sheet = (tmp_path / "out" / "sheet-01.md").read_text(encoding="utf-8")
    assert "x_{1}^{(1)}" in sheet and "x_{1}^{(2)}" in sheet and r"\hat{Y}_{2}^{(2)}" in sheet


def test_an_out_that_is_a_file_is_refused_before_any_work(tmp_path, capsys):
    taken = tmp_path / "taken.txt"
    taken.write_text("keep me", encoding="utf-8")
    assert _status(["exercise", SEED, "--students", "2", "--out", str(taken)]) == 2
    assert "is a file" in capsys.readouterr().err
    assert taken.read_text(encoding="utf-8") == "keep me"
