"""Resident memory of this process and everything it started (training runs in a child
process, and on Linux a forkserver starts that child), read from /proc."""

from __future__ import annotations

from pathlib import Path


def _field_kib(path: str, name: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(name):
                return int(line.split()[1])
    except OSError:  # it ended meanwhile
        pass
    return 0


def _rss_kib(pid: int | str) -> int:
    return _field_kib(f"/proc/{pid}/status", "VmRSS:")


def _pss_kib(pid: int | str) -> int:
    """Proportional set size: a shared page counts 1/n in each of the n processes using it."""
    return _field_kib(f"/proc/{pid}/smaps_rollup", "Pss:")


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, queue = [], [pid]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found


def rss_mib() -> tuple[float, float]:
    """(this process, its descendants together), in MiB."""
    import os

    own = _rss_kib("self")
    others = sum(_rss_kib(pid) for pid in _descendants(os.getpid()))
    return own / 1024, others / 1024


def pss_mib() -> float:
    """This process and its descendants, each shared page counted once, in MiB."""
    import os

    return sum(_pss_kib(pid) for pid in ["self", *_descendants(os.getpid())]) / 1024
