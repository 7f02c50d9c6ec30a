"""Autosave files on disk: where they live, how they are written, and which ones are orphans.

Each running BP Studio process writes its own ``autosave-<pid>-<n>.json`` (``n`` counts the
documents of that process, normally one) in ``<AppDataLocation>/autosave`` and holds
``session-<pid>.lock`` (a QLockFile) for as long as it runs.  A clean exit deletes both.  So an
autosave whose session lock can be taken belongs to a process that died without exiting
cleanly: that is work to offer back.  Taking the lock also *claims* that work, so two instances
starting at the same moment never both offer it.

An autosave file is JSON: ``{"format": "bpstudio-autosave", "version": 1, "pid", "saved_at",
"original_path", "project": <the project file's own JSON>}``, written by the app's one atomic
writer (bpstudio.model.safe_files) in a folder only its owner can read (0700).  It is read with
the same bounded reader, validation and size limit as a project file.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QLockFile, QStandardPaths

from bpstudio.model.project import MAX_PROJECT_BYTES, Project, from_json, to_json
from bpstudio.model.safe_files import private_folder, read_bounded, remove_stale_temps, write_file
from bpstudio.model.validation import ProjectFileError, parse_json_int

AUTOSAVE_FORMAT = "bpstudio-autosave"
AUTOSAVE_VERSION = 1
_FILE_PATTERN = re.compile(r"^autosave-(\d+)-(\d+)\.json$")
_document_numbers = itertools.count(1)


def autosave_folder() -> Path:
    """``<user data dir>/autosave`` (on Linux ``~/.local/share/BPStudio/BP Studio/autosave``)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


@dataclass(frozen=True)
class AutosavedWork:
    """One autosave file found on disk, read and validated."""

    file: Path
    pid: int
    saved_at: datetime
    original_path: Path | None
    project: Project


def _session_lock(folder: Path, pid: int) -> QLockFile:
    lock = QLockFile(str(folder / f"session-{pid}.lock"))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never because it is old
    return lock


class AutosaveSession:
    """This process's autosave slot: one file per document, and the lock that says "alive"."""

    # one per folder and process, shared by documents
    _own_locks: ClassVar[dict[Path, QLockFile]] = {}

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = private_folder(folder if folder is not None else autosave_folder())
        remove_stale_temps(self.folder)  # left by an autosave that was killed mid-write
        self.file = self.folder / f"autosave-{os.getpid()}-{next(_document_numbers)}.json"
        if self.folder not in AutosaveSession._own_locks:
            lock = _session_lock(self.folder, os.getpid())
            lock.tryLock(0)
            AutosaveSession._own_locks[self.folder] = lock
        self._claims: dict[int, QLockFile] = {}  # pid -> its session lock, held by us

    # this process's own file --------------------------------------------------------------
    def write(self, project: Project, original_path: Path | None) -> None:
        """Replace this document's autosave atomically; raises OSError when it cannot."""
        record = {
            "format": AUTOSAVE_FORMAT,
            "version": AUTOSAVE_VERSION,
            "pid": os.getpid(),
            "saved_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "original_path": None if original_path is None else str(original_path),
            "project": to_json(project),
        }
        text = json.dumps(record, ensure_ascii=False, allow_nan=False)
        write_file(self.file, text)  # the old autosave stays whole if this fails

    def remove(self) -> None:
        self.file.unlink(missing_ok=True)

    def close(self) -> None:
        """A clean end of this document: its autosave goes, and any claims are let go."""
        self.remove()
        self.release_claims()

    # other sessions' files ----------------------------------------------------------------
    def orphaned_work(self) -> tuple[list[AutosavedWork], list[Path]]:
        """Autosaves of sessions that died, newest first, claimed for this process; and the
        files among them that cannot be read (kept on disk, never deleted silently)."""
        found: list[AutosavedWork] = []
        unreadable: list[Path] = []
        for file in sorted(self.folder.glob("autosave-*.json")):
            match = _FILE_PATTERN.match(file.name)
            if match is None or not self._claim(int(match.group(1))):
                continue
            try:
                found.append(read_autosave(file))
            except ProjectFileError:
                unreadable.append(file)
        found.sort(key=lambda work: work.saved_at.timestamp(), reverse=True)
        return found, unreadable

    def discard(self, work: AutosavedWork) -> None:
        work.file.unlink(missing_ok=True)

    def release_claims(self) -> None:
        for lock in self._claims.values():
            lock.unlock()
        self._claims.clear()

    def _claim(self, pid: int) -> bool:
        if pid == os.getpid():
            return False  # this process's own documents: alive by definition
        if pid in self._claims:
            return True
        lock = _session_lock(self.folder, pid)
        if not lock.tryLock(0):
            return False  # that process is still running (or another instance claimed it)
        self._claims[pid] = lock
        return True


def read_autosave(file: Path) -> AutosavedWork:
    """Read and validate one autosave file; ProjectFileError (with a message) if it is bad."""
    raw = read_bounded(file, MAX_PROJECT_BYTES, ProjectFileError, "")
    try:
        data = json.loads(raw.decode("utf-8"), parse_int=parse_json_int)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ProjectFileError(f"{file.name} is not a readable autosave") from None
    if not isinstance(data, dict) or data.get("format") != AUTOSAVE_FORMAT:
        raise ProjectFileError(f"{file.name} is not a BP Studio autosave")
    return AutosavedWork(
        file=file,
        pid=_field(data, "pid", int),
        saved_at=_saved_at(data),
        original_path=_original_path(data),
        project=from_json(data.get("project")),
    )


def _field(data: dict, name: str, kind: type):
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ProjectFileError(f"autosave field {name!r} is missing or not a {kind.__name__}")
    return value


def _saved_at(data: dict) -> datetime:
    try:
        return datetime.fromisoformat(_field(data, "saved_at", str))
    except ValueError:
        raise ProjectFileError("autosave field 'saved_at' is not a time") from None


def _original_path(data: dict) -> Path | None:
    value = data.get("original_path")
    if value is None:
        return None
    path = Path(_field(data, "original_path", str))
    # Older autosaves could hold a relative path, which means another file from another
    # folder: Save then asks for a name rather than guess.
    return path if path.is_absolute() else None
