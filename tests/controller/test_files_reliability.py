"""Issue 21 in the document and autosave: paths made absolute at open (item 2), stale temporary
files cleaned (20), autosaves written by the one writer in a private folder (1, 22)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

from bpstudio.controller.autosave import Autosaver
from bpstudio.controller.autosave_store import AutosaveSession, read_autosave
from bpstudio.controller.crash_log import start_log_file, stop_log_file
from bpstudio.controller.document import Document
from bpstudio.model.examples import load_example
from bpstudio.model.project import load_project, save_project


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout)


def test_a_project_opened_by_a_relative_path_saves_to_that_file_from_anywhere(
    qtbot, tmp_path, monkeypatch
):
    home = tmp_path / "student"
    home.mkdir()
    save_project(load_example("seed"), home / "p.json")
    monkeypatch.chdir(home)
    document = Document(load_example("xor"))
    document.load("p.json")
    assert document.file_path == home / "p.json"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # crash recovery started from another folder
    document.set_weight(2, 1, 1, 0.25)
    document.save()
    assert load_project(home / "p.json").network.weights[0][0, 0] == 0.25
    assert os.listdir(elsewhere) == []


def test_a_relative_path_in_an_old_autosave_is_not_trusted(qtbot, tmp_path):
    session = AutosaveSession(tmp_path / "autosave")
    session.write(load_example("seed"), None)
    record = json.loads(session.file.read_text(encoding="utf-8"))
    record["original_path"] = "p.json"
    session.file.write_text(json.dumps(record), encoding="utf-8")
    assert read_autosave(session.file).original_path is None  # Save asks for a name
    session.close()


def test_opening_a_project_removes_stale_temporary_files_next_to_it(qtbot, tmp_path):
    path = tmp_path / "p.json"
    save_project(load_example("seed"), path)
    stale = tmp_path / f".p.json.bpstudio-{dead_pid()}-1f2e3d4c.tmp"
    stale.write_text("half a save", encoding="utf-8")
    Document(load_example("xor")).load(path)
    assert not stale.exists()


def test_an_autosave_session_cleans_its_folder_and_keeps_it_private(qtbot, tmp_path):
    folder = tmp_path / "autosave"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    stale = folder / f".autosave-{dead_pid()}-1.json.bpstudio-{dead_pid()}-0badf00d.tmp"
    stale.write_text("x" * 1000, encoding="utf-8")
    session = AutosaveSession(folder)
    assert not stale.exists()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    session.close()


def test_autosaves_follow_the_umask_like_projects(qtbot, tmp_path):
    old = os.umask(0o022)
    try:
        document = Document(load_example("xor"))
        saver = Autosaver(document, AutosaveSession(tmp_path / "autosave"))
        save_project(document.project, tmp_path / "p.json")
        document.set_weight(2, 1, 1, 0.5)
        assert saver.save_now()
        autosave_mode = stat.S_IMODE(saver.file.stat().st_mode)  # QSaveFile made it 0600
        saver.finish()
    finally:
        os.umask(old)
    assert autosave_mode == stat.S_IMODE((tmp_path / "p.json").stat().st_mode) == 0o644


def test_the_log_folder_is_private(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    handler = start_log_file(folder)
    try:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        stop_log_file(handler)
