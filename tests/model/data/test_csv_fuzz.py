"""Fuzzing the CSV importer: any bytes either import as a dataset or raise CsvImportError with
a message, never anything else."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstudio.model.data.csv_io import CsvImportError, import_csv, import_csv_text
from bpstudio.model.data.csv_table import MAX_CSV_BYTES, decode

DATASETS = Path(__file__).resolve().parents[3] / "bpstudio" / "resources" / "datasets"
IRIS = (DATASETS / "iris.csv").read_bytes()
SMALL = b"x1,x2,target\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n"
SEMICOLONS = b"a;b;label\n1,5;2;yes\n3;4,25;no\n"
VALID_FILES = [IRIS, SMALL, SEMICOLONS]
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def import_or_refuse(raw: bytes) -> None:
    """What ``import_csv`` does after reading the file: decode, parse, build the dataset."""
    try:
        imported = import_csv_text(decode(raw))
    except CsvImportError as exc:
        assert str(exc).strip(), "a refusal must say why"
        return
    dataset = imported.dataset
    assert dataset.n_samples >= 1
    assert np.all(np.isfinite(dataset.inputs)) and np.all(np.isfinite(dataset.targets))


def test_the_valid_files_import():
    for raw in VALID_FILES:
        import_csv_text(decode(raw))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_with_a_message(raw):
    import_or_refuse(raw)


@FUZZ
@given(st.text(alphabet=st.sampled_from("0123456789.,;\t \n-+eE\"'abnaNIinf#"), max_size=300))
def test_csv_looking_text_is_imported_or_refused(text):
    import_or_refuse(text.encode())


@FUZZ
@given(st.sampled_from(VALID_FILES), st.data())
def test_truncated_files_are_imported_or_refused(valid, data):
    import_or_refuse(valid[: data.draw(st.integers(0, len(valid) - 1))])


@FUZZ
@given(st.sampled_from(VALID_FILES), st.data())
def test_single_byte_mutations_are_imported_or_refused(valid, data):
    where = data.draw(st.integers(0, len(valid) - 1))
    byte = data.draw(st.integers(0, 255))
    import_or_refuse(valid[:where] + bytes([byte]) + valid[where + 1 :])


def test_a_csv_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(MAX_CSV_BYTES + 1)  # sparse: no real disk used
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    with pytest.raises(CsvImportError, match="limited to"):
        import_csv(big)
