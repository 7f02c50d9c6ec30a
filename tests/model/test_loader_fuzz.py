"""Fuzzing the project loader: whatever bytes a file holds, loading it either gives a project
or raises ProjectFileError with a message, never anything else; and a project's content is
only data (paths named in it are never opened)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstudio.model.examples import example_names, example_path, load_example
from bpstudio.model.project import (
    MAX_PROJECT_BYTES,
    ProjectFileError,
    dumps,
    load_project,
    loads,
)

VALID_FILES = [example_path(name).read_bytes() for name in example_names()]
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_refuse(raw: bytes) -> None:
    """Load ``raw``; only ProjectFileError with a non-empty message may come out."""
    try:
        project = loads(raw)
    except ProjectFileError as exc:
        assert str(exc).strip(), "a refusal must say why"
        return
    # Whatever loads must save and load again to the same project.
    assert loads(dumps(project)).equals(project)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_with_a_message(raw):
    load_or_refuse(raw)


@FUZZ
@given(st.sampled_from(VALID_FILES), st.data())
def test_truncated_files_are_refused_with_a_message(valid, data):
    cut = data.draw(st.integers(0, len(valid) - 1))
    load_or_refuse(valid[:cut])


@FUZZ
@given(st.sampled_from(VALID_FILES), st.data())
def test_single_byte_mutations_load_or_are_refused(valid, data):
    where = data.draw(st.integers(0, len(valid) - 1))
    byte = data.draw(st.integers(0, 255))
    load_or_refuse(valid[:where] + bytes([byte]) + valid[where + 1 :])


JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=12,
)
SEED_KEYS = list(json.loads(VALID_FILES[0]))


@FUZZ
@given(st.sampled_from(SEED_KEYS), JSON_VALUES)
def test_any_json_value_in_any_top_level_field_loads_or_is_refused(key, value):
    data = json.loads(example_path("seed").read_bytes())
    data[key] = value
    load_or_refuse(json.dumps(data).encode())


NETWORK_KEYS = ["layer_sizes", "activations", "weights", "biases", "use_bias"]


@FUZZ
@given(st.sampled_from(NETWORK_KEYS), JSON_VALUES)
def test_any_json_value_in_any_network_field_loads_or_is_refused(key, value):
    data = json.loads(example_path("xor").read_bytes())
    data["network"][key] = value
    load_or_refuse(json.dumps(data).encode())


def test_huge_numbers_and_deep_nesting_are_refused():
    for raw in (b'{"format": 1e999}', b"[" * 100_000 + b"]" * 100_000, b"9" * 100_000):
        load_or_refuse(raw)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(MAX_PROJECT_BYTES + 1)  # sparse: no real disk used
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    with pytest.raises(ProjectFileError, match="limited to 64 MiB"):
        load_project(big)


def test_paths_inside_a_project_are_just_data(tmp_path, monkeypatch):
    """Names, descriptions and view settings that look like paths (or URLs) are kept as text;
    loading the project never opens anything but the project file itself."""
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    project = load_example("seed")
    project.name = str(secret)
    project.description = f"file://{secret} ../../etc/passwd"
    project.view = {"include": str(secret), "$ref": str(secret), "dataset": {"path": str(secret)}}
    path = tmp_path / "p.json"
    path.write_text(dumps(project), encoding="utf-8")
    opened = _record_file_access(monkeypatch)
    loaded = load_project(path)
    assert opened == [path]
    assert loaded.equals(project) and loaded.view["include"] == str(secret)


def _record_file_access(monkeypatch) -> list[Path]:
    opened: list[Path] = []
    real_read_bytes, real_open, real_os_open = Path.read_bytes, open, os.open

    def read_bytes(self):
        opened.append(self)
        return real_read_bytes(self)

    def open_anything(file, *args, **kwargs):
        opened.append(Path(file))
        return real_open(file, *args, **kwargs)

    def os_open_anything(file, *args, **kwargs):
        opened.append(Path(file))
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr("builtins.open", open_anything)
    monkeypatch.setattr(os, "open", os_open_anything)
    return opened
