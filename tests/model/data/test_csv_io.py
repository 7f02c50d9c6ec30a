"""CSV import: detection, round trips with export, and a clear message for each bad file."""

import contextlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstudio.model.data import csv_table
from bpstudio.model.data.csv_io import (
    CsvImportError,
    dataset_csv,
    import_csv,
    import_csv_text,
    weights_csv,
)
from bpstudio.model.data.registry import generate
from bpstudio.model.examples import load_example
from bpstudio.model.validation import ProjectFileError


def test_csv_import_error_is_a_project_file_error():
    assert issubclass(CsvImportError, ProjectFileError)


@pytest.mark.parametrize("name", ["xor", "circle", "sine", "plane", "iris", "seed"])
def test_export_then_import_gives_back_exactly_the_data(tmp_path, name):
    data = generate(name, count=30, noise=0.1, seed=5)
    path = tmp_path / "data.csv"
    path.write_text(dataset_csv(data), encoding="utf-8")
    columns = list(range(data.n_inputs + data.n_targets))
    back = import_csv(path, columns[: data.n_inputs], columns[data.n_inputs :]).dataset
    assert np.array_equal(back.inputs, data.inputs)
    assert np.array_equal(back.targets, data.targets)


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3\n4,5,6\n", ","),
        ("a;b;c\n1;2;3\n4;5;6\n", ";"),
        ("a\tb\tc\n1\t2\t3\n4\t5\t6\n", "\t"),
        ("a b   c\n1 2 3\n4  5 6\n", " "),
    ],
)
def test_delimiter_and_header_are_detected(text, delimiter):
    table = csv_table.parse_table(text)
    assert table.delimiter == delimiter and table.has_header
    assert table.names == ["a", "b", "c"]
    data = import_csv_text(text).dataset
    assert data.inputs.tolist() == [[1, 2], [4, 5]] and data.targets.tolist() == [[3], [6]]


def test_no_header_when_the_first_row_is_numbers():
    table = csv_table.parse_table("1,2\n3,4\n")
    assert not table.has_header and table.names == ["column 1", "column 2"]


def test_decimal_comma_in_a_semicolon_file():
    data = import_csv_text("x;y\n1,5;2,25\n3;4\n").dataset
    assert data.inputs.ravel().tolist() == [1.5, 3.0] and data.targets.ravel().tolist() == [2.25, 4]


def test_chosen_columns_and_text_labels_one_hot():
    text = "label,a,b\ncat,1,2\ndog,3,4\nemu,5,6\n"
    imported = import_csv_text(text, input_columns=[1, 2], target_columns=[0])
    assert imported.target_names == ["cat", "dog", "emu"]
    assert imported.dataset.targets.tolist() == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    two = import_csv_text("a,y\n1,no\n2,yes\n").dataset
    assert two.targets.ravel().tolist() == [0, 1]  # two classes: one 0/1 column


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("\n  \n", "the file is empty"),
        ("a,b\n", "header but no row"),
        ("a,b,c\n1,2,3\n4,5\n", "row 3 has 2 cells, but the first row has 3"),
        ("a,b,c\n1,x,3\n", r"row 2, column 2 \(b\): 'x' is not a number"),
        ("a,b,c\n1,2,3\n4,,6\n", r"row 3, column 2 \(b\): the value is missing"),
        ("a,b,c\n1,2,3\n4,nan,6\n", "'nan' is not a number"),
        ("a,b\n1,2\n", None),  # fine: the control case
        ("a\n1\n2\n", "at least 2"),
        ("a,b\n1,2\n3,2\n", None),
        ("a,b\n1,x\n2,x\n", "one class only"),
    ],
)
def test_malformed_files_say_where_and_why(text, message):
    if message is None:
        import_csv_text(text)
        return
    with pytest.raises(CsvImportError, match=message):
        import_csv_text(text)


def test_bad_column_choices():
    with pytest.raises(CsvImportError, match="both an input and a target"):
        import_csv_text("a,b\n1,2\n", [0, 1], [1])
    with pytest.raises(CsvImportError, match="no column 5"):
        import_csv_text("a,b\n1,2\n", [4], [1])


def test_too_large_files_are_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(csv_table, "MAX_CSV_BYTES", 4)
    monkeypatch.setattr(
        type(path), "read_bytes", lambda self: pytest.fail("read a file over the limit")
    )
    with pytest.raises(CsvImportError, match="limited to 0 MiB"):
        import_csv(path)


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(csv_table, "MAX_CSV_ROWS", 3)
    with pytest.raises(CsvImportError, match="limited to 3"):
        import_csv_text("a,b\n" + "1,2\n" * 5)


def test_the_limits_are_named_in_the_message(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "wb") as f:
        f.truncate(csv_table.MAX_CSV_BYTES + 1)
    with pytest.raises(CsvImportError, match="20 MiB and 200,000 rows"):
        import_csv(path)


def test_not_utf8_and_missing_file(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(b"a,b\n\xff,2\n")
    with pytest.raises(CsvImportError, match="UTF-8"):
        import_csv(path)
    with pytest.raises(CsvImportError, match="cannot read"):
        import_csv(tmp_path / "nope.csv")


def test_weights_csv_lists_every_weight_and_bias():
    net = load_example("xor").network
    lines = weights_csv(net).splitlines()
    assert lines[0] == "layer,from,to,value"
    assert len(lines) - 1 == net.n_parameters()
    assert lines[1] == f"2,1,1,{float(net.weights[0][0, 0])!r}"
    assert any(line.startswith("3,bias,1,") for line in lines)


cells = st.one_of(
    st.text(max_size=6),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-5, 5).map(str),
    st.sampled_from(["", " ", '"', '"a,b"', "1,5", "1e400", "-", ".", "\x00", "﻿"]),
)
lines = st.lists(cells, max_size=5).flatmap(
    lambda row: st.sampled_from([",", ";", "\t", " ", ""]).map(lambda d: d.join(row))
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines, max_size=8).map("\n".join), st.sampled_from(["auto", ",", ";", " "]))
def test_garbage_raises_only_csv_import_error(text, delimiter):
    try:
        imported = import_csv_text(text, delimiter=delimiter)
    except CsvImportError:
        return
    data = imported.dataset
    assert np.isfinite(data.inputs).all() and np.isfinite(data.targets).all()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_garbage_bytes_raise_only_csv_import_error(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("fuzz") / "x.csv"
    path.write_bytes(raw)
    with contextlib.suppress(CsvImportError):
        import_csv(path)
