"""The project file's encoder: its fast path for matrices writes exactly what a row at a time
wrote (one row a line, every float's repr so it reads back exactly)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpstudio.model import project


def _row_at_a_time(value, indent=""):
    """The encoder as it was before the matrix path: the reference for the layout."""
    inner = indent + " "
    if isinstance(value, dict) and value:
        items = [
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {_row_at_a_time(v, inner)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value and not all(project._is_number(v) for v in value):
        items = [inner + _row_at_a_time(v, inner) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


numbers = st.one_of(st.integers(-(2**60), 2**60), st.floats(allow_nan=False, allow_infinity=False))
cells = st.one_of(numbers, st.booleans(), st.none(), st.text(max_size=3))


@given(st.lists(st.lists(numbers, max_size=4), max_size=5))
def test_matrices_and_ragged_rows_are_laid_out_as_before(rows):
    assert project._encode({"w": rows}, "") == _row_at_a_time({"w": rows})


@given(st.lists(st.lists(cells, max_size=3), max_size=4))
def test_rows_holding_other_things_are_laid_out_as_before(rows):
    assert project._encode([rows, 1], " ") == _row_at_a_time([rows, 1], " ")


def test_a_tall_matrix_takes_the_matrix_path_and_reads_back_exactly():
    matrix = np.random.default_rng(1).normal(0, 0.1, (3000, 1))
    text = project._encode({"w": matrix.tolist()}, "")
    assert project._is_matrix(matrix.tolist())
    assert text.count("\n") == 3000 + 3
    assert np.array_equal(np.array(json.loads(text)["w"]), matrix)


def test_a_matrix_with_a_nan_is_refused():
    with pytest.raises(ValueError):
        project._encode([[1.0, float("nan")], [2.0, 3.0]], "")


def test_numbers_written_a_chunk_at_a_time_are_the_same_text(monkeypatch):
    monkeypatch.setattr(project, "_CHUNK", 3)
    values = {"row": [0.1, 2, -3.5e-300, 4.0, 5, 6.25, 7], "m": [[0.1, 2], [3, 4.5], [5, 6.0]]}
    assert project._encode(values, "") == _row_at_a_time(values)
