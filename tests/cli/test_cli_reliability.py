"""Issue 21 on the command line: outputs checked before the work and never harmful (items 1,
4, 17, 18, 22), special inputs refused at once (9), Ctrl+C (14), closed pipes and ASCII
terminals (15), mistyped verbs (22).  No test touches a real system device."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys

import pytest

from bpstudio.cli import HEADLESS_VERBS, build_parser, main
from bpstudio.model import Trainer, load_project, save_project
from bpstudio.model.examples import example_path, load_example

SEED = str(example_path("seed"))
XOR = str(example_path("xor"))
needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device needs root"
)


def run_cli(*args, env=None, **kwargs):
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bpstudio", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        **kwargs,
    )


def no_traceback(result) -> bool:
    return "Traceback" not in result.stderr and "Traceback" not in result.stdout


# outputs (items 1, 4, 17, 18, 22) --------------------------------------------------------------
def test_train_out_to_a_fifo_is_refused_before_training(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_cli("train", XOR, "--epochs", "2000000", "--out", str(fifo))
    assert result.returncode == 2 and result.stdout == "" and no_traceback(result)
    assert "is not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@needs_root
def test_train_out_to_a_device_is_refused_and_the_device_stays(tmp_path):
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = run_cli("train", SEED, "--steps", "3", "--out", str(device))
    assert result.returncode == 2 and "is not a regular file" in result.stderr
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_an_impossible_out_is_reported_before_any_training(tmp_path):
    missing = tmp_path / "nonexistent" / "x.json"
    result = run_cli("train", XOR, "--epochs", "2000000", "--out", str(missing))
    assert result.returncode == 2 and result.stdout == ""  # no step was taken
    assert result.stderr == (
        f"bpstudio train: cannot write {missing}: the folder {missing.parent} does not exist\n"
    )
    assert "Errno" not in result.stderr and ".tmp" not in result.stderr


@pytest.mark.parametrize("out,message", [("", "no file name given"), ("dir/", "names a folder")])
def test_empty_and_folder_outs_are_refused(tmp_path, out, message):
    result = run_cli("train", SEED, "--steps", "1", "--out", out, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr
    assert os.listdir(tmp_path) == []


def test_train_out_keeps_the_mode_of_an_existing_file(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("{}", encoding="utf-8")
    out.chmod(0o644)
    assert run_cli("train", SEED, "--steps", "2", "--out", str(out)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644 and load_project(out).steps_taken == 2


def test_derive_refuses_to_overwrite_its_input(tmp_path, capsys):
    project = tmp_path / "p.json"
    save_project(load_example("seed"), project)
    before = project.read_bytes()
    assert main(["derive", str(project), "--out", str(project)]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert project.read_bytes() == before


def test_derive_out_is_atomic_when_the_disk_is_full(tmp_path, capsys, monkeypatch):
    out = tmp_path / "walkthrough.md"
    out.write_text("the old handout", encoding="utf-8")

    def disk_full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)
    assert main(["derive", SEED, "--out", str(out)]) == 2
    assert f"cannot write {out}: No space left on device" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "the old handout"
    assert os.listdir(tmp_path) == ["walkthrough.md"]


# inputs (item 9) ---------------------------------------------------------------------------------
def test_train_refuses_a_fifo_at_once(tmp_path):
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    result = run_cli("train", str(fifo))  # before: blocked for ever
    assert result.returncode == 2 and "not a regular file" in result.stderr


@needs_root
def test_train_refuses_an_endless_device(tmp_path):
    zero = tmp_path / "zero"
    os.mknod(zero, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    result = run_cli("train", str(zero))  # before: read 1.3 GB/s for ever
    assert result.returncode == 2 and "not a regular file" in result.stderr


# Ctrl+C (item 14) --------------------------------------------------------------------------------
def test_ctrl_c_stops_at_a_step_boundary_and_saves_what_was_done(tmp_path):
    out = tmp_path / "out.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "bpstudio", "train", XOR, "--steps", "100000000", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().startswith("step ")  # training has begun
    process.send_signal(signal.SIGINT)
    _stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    saved = load_project(out)
    steps = saved.steps_taken
    assert f"interrupted after {steps} of 100000000 steps" in stderr
    assert f"wrote {out} with the {steps} steps done before the interruption" in stderr
    # The saved state is exactly `steps` steps from the start: it resumes as if never cut.
    original = load_project(XOR)
    trainer = Trainer(original.network, original.dataset, original.loss, original.training)
    for _ in range(steps):
        trainer.step()
    for mine, theirs in zip(trainer.network.weights, saved.network.weights, strict=True):
        assert (mine == theirs).all()
    assert len(saved.history.steps) == steps


# pipes and terminals (item 15) -------------------------------------------------------------------
def test_a_closed_pipe_is_no_traceback_and_the_work_is_saved(tmp_path):
    out = tmp_path / "out.json"
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "bpstudio", "train", SEED, "--steps", "50", "--out", str(out)],
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write_end)
    os.close(read_end)  # `| head -0`: every write to stdout now fails with EPIPE
    _stdout, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
    assert process.returncode == 0
    assert load_project(out).steps_taken == 50


def test_an_ascii_terminal_gets_escapes_not_a_traceback():
    env = {"PYTHONIOENCODING": "ascii", "LANG": "zh_CN.UTF-8", "LC_ALL": ""}
    result = run_cli("derive", SEED, "--lang", "zh", env=env)
    assert result.returncode == 0 and no_traceback(result), result.stderr
    assert result.stdout.isascii() and "\\u" in result.stdout  # 中文 shown as \u4e2d\u6587


# verbs (item 22) ---------------------------------------------------------------------------------
def test_the_verbs_are_listed_in_one_place():
    parser = build_parser()
    choices = next(a for a in parser._actions if a.dest == "verb").choices
    assert tuple(choices) == HEADLESS_VERBS


@pytest.mark.parametrize("verb", HEADLESS_VERBS)
def test_every_mistyped_verb_gets_did_you_mean(verb, capsys):
    typo = verb[1] + verb[0] + verb[2:]  # trian, edrive, ...
    assert main([typo]) == 2
    assert capsys.readouterr().err == f"bpstudio: unknown command '{typo}' (did you mean {verb}?)\n"


def test_a_mistyped_verb_without_a_display_is_a_message_not_a_qt_abort(tmp_path):
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": "xcb"}
    result = run_cli("trian", env=env, cwd=tmp_path)
    assert result.returncode == 2 and no_traceback(result)
    assert result.stderr == "bpstudio: unknown command 'trian' (did you mean train?)\n"


def test_a_word_that_is_a_file_still_opens_in_the_window(tmp_path, monkeypatch):
    (tmp_path / "trian").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from bpstudio import cli

    assert not cli._looks_like_a_verb("trian")
    assert cli._looks_like_a_verb("frobnicate") and not cli._looks_like_a_verb("p.json")


def test_huge_counts_are_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as info:
        main(["train", SEED, "--steps", str(2**40)])
    assert info.value.code == 2 and "expected a number up to" in capsys.readouterr().err


def test_labels_cross_entropy_cannot_use_exit_2_naming_the_field(tmp_path):
    data = json.loads(example_path("and_gate").read_text(encoding="utf-8"))
    data["dataset"]["targets"][2] = [34.5]  # trained to a "loss" of -33.5 before the rule
    project = tmp_path / "p.json"
    project.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("train", str(project), "--steps", "1")
    assert result.returncode == 2 and result.stdout == ""
    assert "dataset.targets[2]: cross-entropy needs targets from 0 to 1" in result.stderr
