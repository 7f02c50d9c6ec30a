"""`bpstudio experiment` end to end, in a subprocess as a user would run it."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

from bpstudio.model.examples import example_path
from bpstudio.model.experiment import Plan, run_experiment

XOR = str(example_path("xor"))


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "bpstudio", *args], capture_output=True,
                          text=True, timeout=120, env=env)  # fmt: skip


def test_the_markdown_report_tables_each_run_with_its_numbers():
    result = run_cli("experiment", XOR, "--vary", "activation=sigmoid,tanh,relu", "--epochs", "600")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Experiment: activation = sigmoid, tanh, relu")
    assert "| run | final loss | final accuracy | converged at epoch |" in text
    from bpstudio.model import load_project

    runs = run_experiment(load_project(XOR), Plan("activation", ("sigmoid", "tanh", "relu"), 600))
    for run in runs:
        converged = run.converged_epoch()
        row = f"| {run.name} | {run.final_loss:.4g} | {run.final_accuracy:.1%} | "
        assert row + (str(converged) if converged else "–") + " |" in text
    assert "| run | epoch 1 | epoch 150 | epoch 300 | epoch 450 | epoch 600 |" in text
    assert "below 10% of the first epoch's" in text


def test_csv_goes_to_the_file_with_the_chosen_share(tmp_path):
    out = tmp_path / "lr.csv"
    result = run_cli("experiment", XOR, "--vary", "learning_rate=0.5,2", "--epochs", "300",
                     "--out", str(out), "--share", "0.5")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and f"wrote {out}" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["run"] for r in rows] == ["learning_rate = 0.5", "learning_rate = 2"]
    from bpstudio.model import load_project

    runs = run_experiment(load_project(XOR), Plan("learning_rate", (0.5, 2.0), 300))
    for row, run in zip(rows, runs, strict=True):
        assert float(row["final_loss"]) == run.final_loss
        assert row["converged_epoch"] == str(run.converged_epoch(0.5) or "")
        assert row["epochs"] == "300" and row["diverged"] == "no"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--vary", "learnin_rate=1,2"],
            "--vary: unknown setting 'learnin_rate' (did you mean learning_rate?)",
        ),
        (
            ["--vary", "activation=sigmoid,tanhh"],
            "--vary: activation: unknown value 'tanhh' (did you mean tanh?)",
        ),
        (["--vary", "learning_rate"], "--vary expects SETTING=VALUE,VALUE,..."),
        (["--vary", "momentum=0.5,1"], "--vary: momentum: expected a number in [0, 1), got 1"),
        (
            ["--vary", "seed=1", "--out", "report.txt"],
            "--out report.txt: give a .md (Markdown) or .csv file",
        ),
        (["--vary", "seed=1", "--share", "2"], "expected a number between 0 and 1, got '2'"),
        (["--vary", "seed=1", "--epochs", "0"], "expected a number >= 1, got 0"),
    ],
)
def test_bad_input_names_the_key_or_value_and_exits_2(args, message):
    result = run_cli("experiment", XOR, *args)
    assert result.returncode == 2
    assert message in result.stderr and result.stdout == ""


def test_a_value_the_project_cannot_train_with_is_named_with_the_file():
    result = run_cli("experiment", str(example_path("sine")), "--vary", "loss=cross_entropy")
    assert result.returncode == 2
    assert "sine.json: loss: cross_entropy cannot learn these targets" in result.stderr


def test_the_report_speaks_chinese_in_a_chinese_locale():
    import os

    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    result = run_cli("experiment", XOR, "--vary", "init=given,zeros", "--epochs", "50", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# 实验")
    assert "收敛" in result.stdout
    bad = run_cli("experiment", XOR, "--vary", "ini=given", env=env)
    assert "ini" in bad.stderr and "init" in bad.stderr and "未知" in bad.stderr


def test_the_experiment_verb_is_listed_and_suggested():
    result = run_cli("--help")
    assert "experiment" in result.stdout
    result = run_cli("experimnt")
    assert result.returncode == 2 and "did you mean experiment?" in result.stderr
