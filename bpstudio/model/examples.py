"""The example projects shipped in ``bpstudio/resources/examples``."""

from __future__ import annotations

from pathlib import Path

from bpstudio.model.project import Project, load_project

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "resources" / "examples"
SEED_EXAMPLE = "seed"


def example_path(name: str) -> Path:
    return EXAMPLES_DIR / f"{name}.json"


def example_names() -> list[str]:
    """Example names, the seed network first."""
    names = sorted(p.stem for p in EXAMPLES_DIR.glob("*.json"))
    return sorted(names, key=lambda n: n != SEED_EXAMPLE)


def load_example(name: str = SEED_EXAMPLE) -> Project:
    return load_project(example_path(name))
