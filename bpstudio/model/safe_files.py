"""The one writer and the one reader of every file BP Studio writes or reads.

Writing (`write_file`): the project (Save, Save As, autosave), ``train --out``, ``derive
--out``, the data and weight exports and the diagram exports all go through here, so each of
them is

- atomic: the text goes to a hidden temporary file in the target's own folder, is flushed to
  the disk (fsync), and then renamed over the target; a crash, a kill or a full disk leaves
  the old file whole;
- through symlinks: a link is followed and its real file replaced, the link kept;
- careful about what is there: folders, devices, pipes and sockets are refused (as root,
  ``--out /dev/null`` once replaced the system's /dev/null with a regular file), and so is a
  read-only file (root could write it anyway);
- polite about permissions: an existing file keeps its mode (and, where allowed, its owner);
  a new file gets the user's umask, as every editor does;
- checkable in advance (`check_target`), so a long run is not thrown away for a bad name.

Reading (`read_bounded`): only regular files, and never more than the limit (+ 1 byte to know
it is over): ``/dev/zero`` or a named pipe is refused at once instead of growing or blocking.

Temporary files are named ``.<name>.bpstudio-<pid>-<random>.tmp``; `remove_stale_temps` deletes
those whose process is gone (a kill mid-save leaves one behind).

Errors carry Messages (bpstudio.model.messages): they name the file and the reason in fixed
words, never an errno or the temporary file's name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
import time
from pathlib import Path

from bpstudio.model.messages import Message, ModelError, message_of, os_reason
from bpstudio.model.validation import ProjectFileError

TEMP_MARK = ".bpstudio-"
_TEMP_PATTERN = re.compile(r"^\.(?P<name>.+)\.bpstudio-(?P<pid>\d+)-[0-9a-z]+\.tmp$")
STALE_AFTER_S = 24 * 3600  # a temporary file this old is stale even if its pid is alive again
_READ_CHUNK = 1 << 20


class FileWriteError(ModelError, OSError):
    """A file could not be written (or may not be): the message names it and says why.

    Both a ModelError (its Message is translated) and an OSError (what callers of a writer
    expect)."""


# the target ------------------------------------------------------------------------------
def check_target(
    path: str | os.PathLike[str], source: str | os.PathLike[str] | None = None
) -> Path:
    """The real file that writing ``path`` will replace (symlinks followed), or FileWriteError
    saying why it may not be written: no name, a folder, a device or pipe, a read-only file, a
    missing or read-only folder, or the file ``source`` (an input that must not be lost)."""
    text = os.fspath(path)
    if not text:
        raise FileWriteError("no file name given")
    if text.endswith(("/", os.sep)):
        raise FileWriteError("{path} names a folder, not a file", path=text)
    real = Path(os.path.realpath(text))
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot_write(text, exc) from None
    if info is not None:
        _check_existing(text, real, info, source)
    _check_folder(text, real.parent)
    return real


def _check_existing(
    text: str, real: Path, info: os.stat_result, source: str | os.PathLike[str] | None
) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise FileWriteError("{path} is a folder; choose a file name", path=text)
    if not stat.S_ISREG(info.st_mode):
        raise FileWriteError(
            "{path} is not a regular file (a device, pipe or socket); "
            "BP Studio writes only to regular files",
            path=text,
        )
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise FileWriteError("{path} is read-only", path=text)
    if source is not None and _same_file(source, real):
        raise FileWriteError(
            "{path} is the input file; writing there would replace it: choose another name",
            path=text,
        )


def _check_folder(text: str, folder: Path) -> None:
    if not folder.is_dir():
        raise FileWriteError(
            "cannot write {path}: the folder {folder} does not exist", path=text, folder=str(folder)
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FileWriteError(
            "cannot write {path}: the folder {folder} is not writable",
            path=text,
            folder=str(folder),
        )


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


# writing ---------------------------------------------------------------------------------
def write_file(
    path: str | os.PathLike[str], data: str | bytes, source: str | os.PathLike[str] | None = None
) -> Path:
    """Write ``data`` (text is UTF-8) to ``path`` atomically; returns the real file written.

    Raises FileWriteError (a ValueError) naming the file; the old file stays as it was."""
    real = check_target(path, source)
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    try:
        old = os.stat(real)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise _cannot_write(os.fspath(path), exc) from None
    temp = real.parent / f".{real.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        _write_temp(temp, raw, old)
        os.replace(temp, real)
    except OSError as exc:
        _remove_quietly(temp)
        raise _cannot_write(os.fspath(path), exc) from None
    except BaseException:  # Ctrl+C mid-write: the old file stays, the temporary file goes
        _remove_quietly(temp)
        raise
    _sync_folder(real.parent)
    return real


def _write_temp(temp: Path, raw: bytes, old: os.stat_result | None) -> None:
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        view = memoryview(raw)
        while view:
            view = view[os.write(fd, view) :]
        if old is not None:
            _keep_owner(fd, old)
        mode = stat.S_IMODE(old.st_mode) if old is not None else 0o666 & ~current_umask()
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        else:
            os.chmod(temp, mode)
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_owner(fd: int, old: os.stat_result) -> None:
    """root saving a student's file leaves it the student's; others cannot and need not."""
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(OSError):
            os.fchown(fd, old.st_uid, old.st_gid)


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no other way to read it: set and restore at once
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can open a folder)."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


_WRITE_REASONS = {
    errno.ENOSPC: "No space left on device",
    errno.EDQUOT: "Disk quota exceeded",
    errno.EROFS: "Read-only file system",
}


def _cannot_write(path: str, exc: OSError) -> FileWriteError:
    reason = _WRITE_REASONS.get(exc.errno) if exc.errno is not None else None
    return FileWriteError(
        "cannot write {path}: {reason}",
        path=path,
        reason=Message(reason) if reason else os_reason(exc),
    )


# reading ---------------------------------------------------------------------------------
def read_bounded(
    path: str | os.PathLike[str],
    limit_bytes: int,
    error: type[ProjectFileError] = ProjectFileError,
    limit: Message | str = "",
) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit_bytes`` of them.

    A folder, device, pipe or socket is refused without reading (a pipe is opened without
    blocking), and so is a file over the limit (``limit`` says what the limit is); an OS error
    becomes ``error`` naming the file."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise error("cannot read {path}: {reason}", path=str(path), reason=os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        _check_readable(path, info, limit_bytes, error, limit)
        raw = _read_at_most(fd, limit_bytes + 1)
    except OSError as exc:
        raise error("cannot read {path}: {reason}", path=str(path), reason=os_reason(exc)) from None
    finally:
        os.close(fd)
    if len(raw) > limit_bytes:  # it grew while being read
        raise _too_large(error, path, len(raw), limit)
    return raw


def _check_readable(
    path: Path,
    info: os.stat_result,
    limit_bytes: int,
    error: type[ProjectFileError],
    limit: Message | str,
) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise error(
            "cannot read {path}: {reason}", path=str(path), reason=Message("Is a directory")
        )
    if not stat.S_ISREG(info.st_mode):
        raise error(
            "cannot read {path}: {reason}",
            path=str(path),
            reason=Message("not a regular file (a device, pipe or socket)"),
        )
    if info.st_size > limit_bytes:
        raise _too_large(error, path, info.st_size, limit)


def _too_large(
    error: type[ProjectFileError], path: Path, size: int, limit: Message | str
) -> ProjectFileError:
    return error(
        "{name} is {size:.1f} MiB; {limit}",
        name=path.name,
        size=size / 2**20,
        limit=message_of(limit),
    )


def _read_at_most(fd: int, count: int) -> bytes:
    chunks = []
    left = count
    while left > 0:
        chunk = os.read(fd, min(left, _READ_CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# stale temporary files -------------------------------------------------------------------
def remove_stale_temps(folder: str | os.PathLike[str], name: str | None = None) -> list[Path]:
    """Delete this app's temporary files in ``folder`` (of the file ``name`` only, if given)
    whose writing process is gone or that are over a day old; returns what was deleted."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_PATTERN.match(entry.name)
        if match is None or (name is not None and match.group("name") != name):
            continue
        if _is_stale(entry, int(match.group("pid"))):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def _is_stale(entry: os.DirEntry[str], pid: int) -> bool:
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if time.time() - info.st_mtime > STALE_AFTER_S:
        return True
    return pid != os.getpid() and not _process_alive(pid)


def _process_alive(pid: int) -> bool:
    if sys.platform == "win32" or pid <= 0:
        return True  # cannot tell cheaply: only the age rule applies
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def private_folder(folder: str | os.PathLike[str]) -> Path:
    """``folder``, created if needed, readable by its owner only (0700): autosaves and logs
    hold a student's work and names."""
    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sys.platform != "win32" and stat.S_IMODE(folder.stat().st_mode) != 0o700:
        with contextlib.suppress(OSError):
            folder.chmod(0o700)
    return folder
