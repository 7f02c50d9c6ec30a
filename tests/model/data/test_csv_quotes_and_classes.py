"""CSV import: quoted cells that hold a line break, and a cap on the classes of a label column."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.model.data.csv_io import MAX_CLASSES, encode_labels, import_csv_text
from bpstudio.model.data.csv_table import CsvImportError, parse_table


def test_a_quoted_cell_with_a_line_break_is_one_cell_of_one_row():
    text = 'x,y,note\n1,2,"first line\nsecond line"\n3,4,plain\n'
    table = parse_table(text)
    assert table.has_header and table.names == ["x", "y", "note"]
    assert table.rows == [["1", "2", "first line\nsecond line"], ["3", "4", "plain"]]
    assert table.row_numbers == [2, 4]  # the file row where each record starts


def test_a_quoted_line_break_in_a_header_and_in_a_label_column():
    text = 'x;"the\r\ntarget"\r\n1,5;"cat"\r\n2;"big\r\ndog"\r\n3;cat\r\n'
    imported = import_csv_text(text)
    assert imported.input_names == ["x"]
    assert imported.target_names == ["cat"]  # two classes, sorted: one 0/1 column for "cat"
    np.testing.assert_array_equal(imported.dataset.inputs[:, 0], [1.5, 2, 3])
    np.testing.assert_array_equal(imported.dataset.targets[:, 0], [1, 0, 1])


def test_a_quote_that_does_not_follow_the_rules_is_still_read_line_by_line():
    table = parse_table('size,price\n5",10\n6",12\n')
    assert table.rows == [['5"', "10"], ['6"', "12"]]
    with pytest.raises(CsvImportError, match=r"row 3 has 1 cells"):
        parse_table('a,b\n1,"open\n2\n')  # a quote never closed: not a silent swallow


def test_an_id_column_as_the_target_is_refused_with_a_hint_and_quickly():
    rows = "".join(f"{i},{i % 3},user{i:06d}\n" for i in range(60_000))
    with pytest.raises(CsvImportError) as info:
        import_csv_text("a,b,id\n" + rows)
    message = str(info.value)
    assert "(id) has 60,000 different labels" in message
    assert "Choose another column as the target" in message


def test_up_to_the_cap_labels_are_one_hot_and_one_more_is_refused():
    labels = [f"class {i:03d}" for i in range(MAX_CLASSES)] * 2
    targets, names = encode_labels(labels)
    assert targets.shape == (2 * MAX_CLASSES, MAX_CLASSES) and names[0] == "class 000"
    np.testing.assert_array_equal(targets.argmax(axis=1), list(range(MAX_CLASSES)) * 2)
    with pytest.raises(CsvImportError, match="101 different labels"):
        encode_labels([*labels, "one more"], "kind")
