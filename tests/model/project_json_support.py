"""Broken project files for tests: the seed project's JSON with one field changed."""

from __future__ import annotations

import json

from bpstudio.model.examples import example_path


def seed_json() -> dict:
    return json.loads(example_path("seed").read_text(encoding="utf-8"))


def set_in(path, value):
    """An edit that puts ``value`` at ``path`` (keys and list indices) of a project's JSON."""

    def edit(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def mutate(edit) -> str:
    """The seed project's JSON text after ``edit``."""
    data = seed_json()
    edit(data)
    return json.dumps(data)
