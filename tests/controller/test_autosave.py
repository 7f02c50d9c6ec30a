"""Autosave: written only for modified work, atomically, with the original path and time;
removed when the work is saved or the session ends cleanly; orphans of dead sessions found."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bpstudio.controller.autosave import Autosaver
from bpstudio.controller.autosave_store import AutosaveSession, read_autosave
from bpstudio.controller.document import Document
from bpstudio.model.examples import load_example
from bpstudio.model.validation import ProjectFileError


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "autosave"


@pytest.fixture
def autosaver(qtbot, folder):
    document = Document(load_example("xor"))
    saver = Autosaver(document, AutosaveSession(folder), interval_ms=60_000)
    yield saver
    saver.finish()


def test_nothing_is_written_for_unmodified_work(autosaver):
    assert not autosaver.save_if_needed()
    assert not autosaver.file.exists()


def test_modified_work_is_written_with_its_path_and_time(autosaver, tmp_path):
    document = autosaver.document
    document.save(tmp_path / "mine.json")
    document.set_weight(2, 1, 1, 0.75)
    assert autosaver.save_if_needed()
    work = read_autosave(autosaver.file)
    assert work.project.equals(document.project)
    assert work.original_path == tmp_path / "mine.json" and work.pid == os.getpid()
    assert work.saved_at.tzinfo is not None
    assert not autosaver.save_if_needed()  # nothing changed since: not written again


def test_the_timer_writes_unsaved_work_soon(qtbot, autosaver):
    autosaver.set_interval(20)
    autosaver.document.add_unit(2)
    with qtbot.waitSignal(autosaver.saved, timeout=2000):
        pass
    assert read_autosave(autosaver.file).project.equals(autosaver.document.project)


def test_a_risky_operation_autosaves_first(autosaver):
    document = autosaver.document
    document.set_weight(2, 1, 1, 0.5)
    edited = document.project
    document.remove_layer(2)
    assert read_autosave(autosaver.file).project.equals(edited)


def test_saving_the_work_removes_the_autosave(autosaver, tmp_path):
    autosaver.document.set_weight(2, 1, 1, 0.5)
    autosaver.save_now()
    autosaver.document.save(tmp_path / "p.json")
    assert not autosaver.file.exists()


def test_a_failed_write_is_reported_not_raised(autosaver, monkeypatch):
    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(autosaver.session, "write", disk_full)
    autosaver.document.set_weight(2, 1, 1, 0.5)
    failures = []
    autosaver.failed.connect(failures.append)
    assert not autosaver.save_now()
    assert failures and "space" in str(failures[0])


def test_finish_removes_the_autosave(autosaver):
    autosaver.document.set_weight(2, 1, 1, 0.5)
    autosaver.save_now()
    autosaver.finish()
    assert not autosaver.file.exists()


def test_this_process_never_offers_its_own_autosaves(autosaver, folder):
    autosaver.document.set_weight(2, 1, 1, 0.5)
    autosaver.save_now()
    assert AutosaveSession(folder).orphaned_work() == ([], [])


def dead_pid() -> int:
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                             capture_output=True, text=True, check=True)  # fmt: skip
    return int(process.stdout)


def orphan_of(autosaver, folder, pid: int):
    """Make the autosave look like the work of process ``pid``, which died."""
    orphan = folder / f"autosave-{pid}-1.json"
    data = json.loads(autosaver.file.read_text())
    data["pid"] = pid
    orphan.write_text(json.dumps(data))
    return orphan


def test_the_autosave_of_a_dead_session_is_offered_and_claimed(autosaver, folder):
    autosaver.document.set_weight(2, 1, 1, 0.5)
    autosaver.save_now()
    orphan = orphan_of(autosaver, folder, dead_pid())
    first, second = AutosaveSession(folder), AutosaveSession(folder)
    found, unreadable = first.orphaned_work()
    assert [w.file for w in found] == [orphan] and unreadable == []
    assert found[0].project.equals(autosaver.document.project)
    # While the first instance holds the claim, a second one starting now does not offer it.
    assert second.orphaned_work() == ([], [])
    first.release_claims()
    assert [w.file for w in second.orphaned_work()[0]] == [orphan]
    second.discard(found[0])
    second.release_claims()
    assert not orphan.exists()


def test_a_damaged_autosave_is_reported_and_kept(autosaver, folder):
    damaged = folder / f"autosave-{dead_pid()}-1.json"
    damaged.write_text('{"format": "bpstudio-autosave", "project": {')
    session = AutosaveSession(folder)
    assert session.orphaned_work() == ([], [damaged])
    session.release_claims()
    assert damaged.exists()
    with pytest.raises(ProjectFileError):
        read_autosave(damaged)
