"""Every module of the type-checked packages is on one of pyproject's two mypy lists: strict, or
the to-do of older modules.  A new module lands on the strict list with its first commit; this
test says so when one is on neither (then it would be checked with the base flags only)."""

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def _modules(folder: str) -> list[str]:
    names = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _listed(patterns: list[str], module: str) -> bool:
    """As mypy reads a section's modules: ``a.b.*`` is ``a.b`` and everything under it."""
    return any(
        module == p or fnmatch.fnmatch(module, p) or (p.endswith(".*") and module == p[:-2])
        for p in patterns
    )


def test_every_checked_module_is_strict_or_on_the_to_do_list():
    config = _config()
    strict, to_do = config["overrides"][0]["module"], config["overrides"][1]["module"]
    modules = [m for folder in config["files"] for m in _modules(folder)]
    assert len(modules) > 100
    assert [m for m in modules if not _listed(strict, m) and not _listed(to_do, m)] == []
    assert [m for m in strict if m in to_do] == []
