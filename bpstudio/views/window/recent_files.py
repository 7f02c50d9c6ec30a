"""The Open Recent list, kept in QSettings (newest first, at most MAX_RECENT, no duplicates)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8
KEY = "recentFiles"


def recent_files() -> list[Path]:
    value = QSettings().value(KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [Path(p) for p in (value or [])]


def remember(path: Path) -> None:
    path = Path(path).resolve()
    paths = [path] + [p for p in recent_files() if p != path]
    QSettings().setValue(KEY, [str(p) for p in paths[:MAX_RECENT]])


def forget(path: Path) -> None:
    path = Path(path).resolve()
    QSettings().setValue(KEY, [str(p) for p in recent_files() if p != path])


def clear() -> None:
    QSettings().remove(KEY)
