"""The one writer and the one bounded reader (bpstudio/model/safe_files.py), issue 21 items 1,
4, 9, 17, 20 and 22: what is at the target is never harmed, special files are refused.

No test touches a real system device: FIFOs and character devices are made in tmp folders
(devices only as root, which CI is), and "disk full" is a patched ``os.write``.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys

import pytest

from bpstudio.model.examples import load_example
from bpstudio.model.messages import ModelError
from bpstudio.model.project import load_project, save_project
from bpstudio.model.safe_files import (
    FileWriteError,
    check_target,
    current_umask,
    private_folder,
    read_bounded,
    remove_stale_temps,
    write_file,
)
from bpstudio.model.validation import ProjectFileError

needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device needs root"
)


def char_device(folder, name="zero"):
    """A character device like /dev/zero (1, 5), made in ``folder``: never the system's."""
    path = folder / name
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    return path


def only_file_in(folder):
    return sorted(p.name for p in folder.iterdir())


# writing ---------------------------------------------------------------------------------
def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(FileWriteError, match="not a regular file"):
        write_file(fifo, "text")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@needs_root
def test_a_device_is_refused_and_stays_a_device(tmp_path):
    device = char_device(tmp_path, "null")
    with pytest.raises(FileWriteError, match="not a regular file"):
        save_project(load_example("seed"), device)
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert only_file_in(tmp_path) == ["null"]


def test_a_folder_is_refused_both_ways(tmp_path):
    with pytest.raises(FileWriteError, match="is a folder"):
        write_file(tmp_path, "text")
    with pytest.raises(FileWriteError, match="names a folder"):
        write_file(f"{tmp_path / 'new'}{os.sep}", "text")
    assert not (tmp_path / "new").exists()


def test_an_empty_name_is_refused():
    with pytest.raises(FileWriteError, match="no file name given"):
        check_target("")


def test_a_missing_folder_is_named_without_errno(tmp_path):
    with pytest.raises(FileWriteError) as info:
        check_target(tmp_path / "nowhere" / "x.json")
    text = str(info.value)
    assert "does not exist" in text and "Errno" not in text and ".tmp" not in text


def test_a_symlink_is_written_through_to_its_real_file(tmp_path):
    real = tmp_path / "real.json"
    save_project(load_example("seed"), real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_project(load_example("xor"), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_project(real).equals(load_example("xor"))


def test_a_read_only_file_is_refused_even_for_root(tmp_path):
    path = tmp_path / "p.json"
    path.write_text("keep me", encoding="utf-8")
    path.chmod(0o444)
    with pytest.raises(FileWriteError, match="read-only"):
        save_project(load_example("seed"), path)
    assert path.read_text(encoding="utf-8") == "keep me"


def test_an_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "p.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    save_project(load_example("seed"), path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_a_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        save_project(load_example("seed"), tmp_path / "a.json")
        assert current_umask() == 0o027
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "a.json").st_mode) == 0o640


def test_the_input_is_refused_as_output(tmp_path):
    source = tmp_path / "p.json"
    save_project(load_example("seed"), source)
    before = source.read_bytes()
    alias = tmp_path / "alias.json"
    alias.symlink_to(source)
    for target in (source, alias):
        with pytest.raises(FileWriteError, match="is the input file"):
            write_file(target, "# markdown", source=source)
    assert source.read_bytes() == before


def test_a_full_disk_leaves_the_old_file_whole_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    save_project(load_example("seed"), path)
    before = path.read_bytes()

    def disk_full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(FileWriteError) as info:
        save_project(load_example("xor"), path)
    assert str(info.value) == f"cannot write {path}: No space left on device"
    assert path.read_bytes() == before and only_file_in(tmp_path) == ["p.json"]
    assert isinstance(info.value, OSError) and isinstance(info.value, ModelError)


def test_ctrl_c_mid_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    path.write_text("old", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(path, "new")
    assert path.read_text(encoding="utf-8") == "old" and only_file_in(tmp_path) == ["p.json"]


# reading ---------------------------------------------------------------------------------
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ProjectFileError, match="not a regular file"):
        load_project(fifo)  # before the fix: blocked for ever waiting for a writer


@needs_root
def test_an_endless_device_is_refused_without_reading(tmp_path):
    with pytest.raises(ProjectFileError, match="not a regular file"):
        load_project(char_device(tmp_path))  # before the fix: read for ever


def test_a_file_growing_past_the_limit_is_refused(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 101)
    with pytest.raises(ProjectFileError, match="MiB"):
        read_bounded(path, 100, ProjectFileError, "limit")
    assert read_bounded(path, 101) == b"x" * 101


def test_a_folder_is_not_read(tmp_path):
    with pytest.raises(ProjectFileError, match="Is a directory"):
        read_bounded(tmp_path, 100)


# stale temporary files and private folders -------------------------------------------------
def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout)


def test_stale_temporary_files_of_dead_processes_are_removed(tmp_path):
    stale = tmp_path / f".p.json.bpstudio-{dead_pid()}-0a1b2c3d.tmp"
    mine = tmp_path / f".p.json.bpstudio-{os.getpid()}-0a1b2c3d.tmp"
    other_name = tmp_path / f".q.json.bpstudio-{dead_pid()}-0a1b2c3d.tmp"
    foreign = tmp_path / ".p.json.swp"
    for path in (stale, mine, other_name, foreign):
        path.write_text("x", encoding="utf-8")
    assert remove_stale_temps(tmp_path, "p.json") == [stale]
    assert sorted(remove_stale_temps(tmp_path)) == [other_name]
    assert mine.exists() and foreign.exists()


def test_private_folders_are_0700_even_when_they_existed(tmp_path):
    folder = tmp_path / "autosave"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    private_folder(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(private_folder(tmp_path / "a" / "logs").stat().st_mode) == 0o700
