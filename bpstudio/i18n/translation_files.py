"""Where BP Studio's translations live, and how a usable compiled catalogue (.qm) is found.

No Qt import: the build (setup.py), the PyInstaller spec and the GUI all use this module.
The .ts files (XML, edited by people and by `scripts/update-translations.sh`) are the sources;
the .qm files are compiled from them by `pyside6-lrelease`, never kept in git:

- a wheel or a plain install: setup.py's build step compiles them next to the .ts files;
- an editable install (`pip install -e .`): the same step compiles them into the source tree;
- anything else (a .ts edited since, a build without lrelease): the first GUI start compiles
  them into the user's cache folder, if lrelease is there (PySide6 ships it).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
CATALOGUE = "bpstudio"  # bpstudio_<locale>.ts / .qm
# A freshly installed .ts and .qm are written within moments of each other, in any order;
# only a .ts edited clearly after its .qm was built makes the .qm stale.
STALE_AFTER_S = 2.0


def ts_file(locale: str, folder: Path = TRANSLATIONS_DIR) -> Path:
    return folder / f"{CATALOGUE}_{locale}.ts"


def qm_name(locale: str) -> str:
    return f"{CATALOGUE}_{locale}.qm"


def find_lrelease() -> str | None:
    """pyside6-lrelease on PATH, or the lrelease binary inside the PySide6 package."""
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return found
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for name in ("lrelease", "lrelease.exe"):
            candidate = Path(folder) / name
            if candidate.exists():
                return str(candidate)
    return None


def compile_ts(ts: Path, qm: Path, lrelease: str | None = None) -> bool:
    """Compile ``ts`` into ``qm``; False when lrelease is missing or fails."""
    lrelease = lrelease or find_lrelease()
    if lrelease is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [lrelease, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False
    )
    return result.returncode == 0 and qm.exists()


def is_fresh(qm: Path, ts: Path) -> bool:
    if not qm.exists():
        return False
    return not ts.exists() or ts.stat().st_mtime <= qm.stat().st_mtime + STALE_AFTER_S


def usable_qm(locale: str, cache_dir: Path, folder: Path = TRANSLATIONS_DIR) -> Path | None:
    """A compiled catalogue for ``locale`` that matches its .ts: the packaged one, else one
    in ``cache_dir`` (compiled now if needed).  None when there is none and none can be made."""
    ts = ts_file(locale, folder)
    packaged = folder / qm_name(locale)
    if is_fresh(packaged, ts):
        return packaged
    if not ts.exists():
        return None
    cached = cache_dir / qm_name(locale)
    if is_fresh(cached, ts) or compile_ts(ts, cached):
        return cached
    return packaged if packaged.exists() else None  # stale beats nothing


def compile_all(folder: Path, target: Path | None = None) -> list[Path]:
    """Compile every .ts in ``folder`` into ``target`` (default: the same folder)."""
    target = target or folder
    lrelease = find_lrelease()
    built = []
    for ts in sorted(folder.glob(f"{CATALOGUE}_*.ts")):
        qm = target / ts.with_suffix(".qm").name
        if compile_ts(ts, qm, lrelease):
            built.append(qm)
    return built
