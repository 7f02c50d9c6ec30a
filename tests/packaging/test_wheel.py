"""`pip install` from a built wheel: `python -m build` makes an sdist and a wheel that carry the
compiled translations, `twine check` passes them, and the wheel installed into a fresh virtual
environment runs `bpstudio --version`, `bpstudio derive` and the window's self-test offscreen.

Slow (a minute or two: it builds in an isolated environment and installs the wheel's
dependencies into a new venv), but part of the normal suite, which is what CI runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from bpstudio import __version__

ROOT = Path(__file__).resolve().parents[2]
QM = "bpstudio/resources/translations/bpstudio_zh_CN.qm"
# What a source checkout has that a build must not see (and must not write into).
NOT_SOURCE = (".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", "*.qm",
              ".pytest_cache", ".ruff_cache", ".hypothesis", "*.whl")  # fmt: skip

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, timeout: float = 600, **env: str):
    environment = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", **env}
    environment.pop("PYTHONPATH", None)  # the installed package, not the source tree
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env=environment, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """An sdist and a wheel built by `python -m build` from a clean copy of the source tree."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    out = base / "dist"
    _run([sys.executable, "-m", "build", "--outdir", out, source], cwd=base)
    return out


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, f"expected one {pattern} in {folder}, found {found}"
    return found[0]


def test_the_sdist_and_the_wheel_carry_the_compiled_translations(dist):
    wheel = _one(dist, f"bpstudio-{__version__}-py3-none-any.whl")
    sdist = _one(dist, f"bpstudio-{__version__}.tar.gz")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert QM in names
        assert zf.getinfo(QM).file_size > 1000
        assert "bpstudio/resources/examples/seed.json" in names
    with tarfile.open(sdist) as tf:
        assert f"bpstudio-{__version__}/{QM}" in tf.getnames()
    _run([sys.executable, "-m", "twine", "check", "--strict", wheel, sdist], cwd=dist)


def test_the_wheel_installs_and_runs_in_a_fresh_venv(dist, tmp_path):
    wheel = _one(dist, "bpstudio-*.whl")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    python, app = venv / "bin" / "python", venv / "bin" / "bpstudio"
    _run([python, "-m", "pip", "install", "-q", wheel], cwd=tmp_path)
    assert app.exists(), "the wheel installs no bpstudio command"

    assert _run([app, "--version"], cwd=tmp_path).strip() == f"bpstudio {__version__}"
    seed = ROOT / "resources" / "examples" / "seed.json"
    derivation = _run([app, "derive", seed, "--lang", "en"], cwd=tmp_path)
    assert derivation.startswith("# Backpropagation step by step")
    assert "$z_1^2 = 1 \\cdot 0.1 + 0.5 \\cdot 0.2 + 0.2 \\cdot 0.3 = 0.26$" in derivation
    where = "import bpstudio, pathlib; print(pathlib.Path(bpstudio.__file__).parent.parent)"
    site_packages = Path(_run([python, "-c", where], cwd=tmp_path).strip())
    assert (site_packages / QM).stat().st_size > 1000

    shot = tmp_path / "window.png"
    home = tmp_path / "home"
    home.mkdir()
    _run(
        [app, "--self-test-screenshot", shot], cwd=tmp_path, timeout=180,
        QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
    )  # fmt: skip
    assert shot.stat().st_size > 10_000, "the self-test screenshot is (nearly) empty"
