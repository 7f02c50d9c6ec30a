"""Reading CSV text into a table of cells: size limits, delimiter and header detection.

Rows are counted as a spreadsheet counts them: the first line of the file is row 1 (also when
it is a header), so an error's row number is the one the student sees in an editor.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass

from bpstudio.model.messages import Message
from bpstudio.model.safe_files import read_bounded
from bpstudio.model.validation import ProjectFileError

MAX_CSV_BYTES = 20 * 2**20
MAX_CSV_ROWS = 200_000
AUTO = "auto"
WHITESPACE = " "  # any run of spaces and tabs
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", WHITESPACE: "whitespace"}
_SNIFF_LINES = 20


class CsvImportError(ProjectFileError):
    """A CSV file could not be imported.  The message names the row and column."""


@dataclass(frozen=True)
class CsvTable:
    names: list[str]  # one per column: the header's, or column_name(i): "column 1", ...
    rows: list[list[str]]  # the data cells as text, stripped
    row_numbers: list[int]  # the file row (1-based) of each data row
    delimiter: str
    has_header: bool

    @property
    def n_columns(self) -> int:
        return len(self.names)


def column_name(column: int) -> str:
    """The name of a column (0-based) without a header: "column 1", ..."""
    return f"column {column + 1}"


def column_label(table: CsvTable, column: int) -> Message | str:
    """The column's name for a message: the header's, or "column 2" as a Message (translated
    where it is shown)."""
    name = table.names[column]
    return Message("column {column}", column=column + 1) if name == column_name(column) else name


def read_csv_file(path: str | os.PathLike) -> str:
    """The file's text; refuses a too-large file before reading it."""
    limit = Message(
        "CSV files are limited to {mib} MiB and {rows:,} rows",
        mib=MAX_CSV_BYTES // 2**20,
        rows=MAX_CSV_ROWS,
    )
    return decode(read_bounded(path, MAX_CSV_BYTES, CsvImportError, limit))


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvImportError(
            "not a text file in UTF-8 (byte {byte} cannot be read); "
            "save it as UTF-8 CSV and try again",
            byte=exc.start,
        ) from None


def parse_table(text: str, delimiter: str = AUTO, header: bool | str = AUTO) -> CsvTable:
    """Split ``text`` into cells; ``delimiter`` and ``header`` may be given or detected."""
    if len(text) > MAX_CSV_BYTES:
        raise CsvImportError(
            "the text is longer than the limit of {mib} MiB", mib=MAX_CSV_BYTES // 2**20
        )
    if delimiter == AUTO:
        delimiter = _detected_delimiter(text)
    cells = _records(text, delimiter)
    if not cells:
        raise CsvImportError("the file is empty: there is no row of data in it")
    if header == AUTO:
        header = looks_like_header([c for _, c in cells[:_SNIFF_LINES]])
    return _table(cells, delimiter, bool(header))


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """The non-blank records of ``text`` as (file row of their first line, cells).  A quoted
    cell may hold a line break (as spreadsheets write a cell of two lines); a file whose quotes
    do not follow the CSV rules is read line by line instead, each quote taken as it stands."""
    if delimiter != WHITESPACE:
        try:
            return _quoted_records(text, delimiter)
        except csv.Error:
            pass
    lines = text.splitlines()
    records = [(i + 1, split_line(line, delimiter)) for i, line in enumerate(lines) if line.strip()]
    _check_row_count(len(records))
    return records


def _quoted_records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True, strict=True
    )
    records = []
    first_line = 1
    for row in reader:
        cells = [cell.strip() for cell in row]
        if any(cells):
            records.append((first_line, cells))
        first_line = reader.line_num + 1
    _check_row_count(len(records))
    return records


def _check_row_count(count: int) -> None:
    if count > MAX_CSV_ROWS + 1:  # + 1: a header row
        raise CsvImportError(
            "the file has {count:,} rows; CSV imports are limited to {limit:,}",
            count=count,
            limit=MAX_CSV_ROWS,
        )


def _detected_delimiter(text: str) -> str:
    """detect_delimiter on the first lines, or, when a quoted cell breaks a line there, on
    the first records (lines joined while a quote is open).  Lines first: a lone quote can
    be a mark (5" for inches) that opens nothing."""
    lines = [line for line in text.splitlines()[: 4 * _SNIFF_LINES] if line.strip()]
    found = detect_delimiter(lines[:_SNIFF_LINES])
    if found not in (",", ";", "\t") or not _has_delimiter(lines[:_SNIFF_LINES], found):
        records = _sniffed_lines(text)
        if records != lines[:_SNIFF_LINES]:
            joined = detect_delimiter(records)
            if _has_delimiter(records, joined):
                return joined
    return found


def _has_delimiter(lines: list[str], delimiter: str) -> bool:
    counts = {line.count(delimiter) for line in lines}
    return len(counts) == 1 and counts.pop() > 0


def _sniffed_lines(text: str) -> list[str]:
    """The first non-blank records for detecting the delimiter: lines, joined while a quote
    is open so that a quoted line break does not cut a record in two."""
    found: list[str] = []
    pending = ""
    for line in text.splitlines():
        pending = f"{pending}\n{line}" if pending else line
        if pending.count('"') % 2 == 0:
            if pending.strip():
                found.append(pending)
            pending = ""
            if len(found) == _SNIFF_LINES:
                break
    if pending.strip() and len(found) < _SNIFF_LINES:
        found.append(pending)
    return found


def detect_delimiter(lines: list[str]) -> str:
    """Tab, semicolon or comma when every line has the same (non-zero) number of them;
    otherwise whitespace when it splits the lines; otherwise comma (one column)."""
    for candidate in ("\t", ";", ","):
        counts = {line.count(candidate) for line in lines}
        if len(counts) == 1 and counts.pop() > 0:
            return candidate
    if any(len(line.split()) > 1 for line in lines):
        return WHITESPACE
    return ","


def split_line(line: str, delimiter: str) -> list[str]:
    if delimiter == WHITESPACE:
        return line.split()
    try:
        row = next(csv.reader([line], delimiter=delimiter, skipinitialspace=True))
    except (csv.Error, StopIteration):
        row = line.split(delimiter)  # an unbalanced quote: take the text as it stands
    return [cell.strip() for cell in row]


def parse_number(cell: str, delimiter: str) -> float | None:
    """The cell as a finite number, or None.  A decimal comma is accepted where commas do not
    separate the cells (1,5;2,25 is a semicolon file of two numbers)."""
    text = cell.strip()
    if delimiter != ",":
        text = text.replace(",", ".")
    if not text or "_" in text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def looks_like_header(rows: list[list[str]]) -> bool:
    """The first row is a header when one of its cells is text over a column of numbers, or
    when all of its cells are text."""
    first = rows[0]
    if all(not _is_number(c) for c in first):
        return True
    if len(rows) < 2:
        return False
    second = rows[1]
    return any(
        not _is_number(cell) and i < len(second) and _is_number(second[i])
        for i, cell in enumerate(first)
    )


def _is_number(cell: str) -> bool:
    return parse_number(cell, ";") is not None


def _table(cells: list[tuple[int, list[str]]], delimiter: str, has_header: bool) -> CsvTable:
    width = len(cells[0][1])
    if has_header:
        names = [name or column_name(i) for i, name in enumerate(cells[0][1])]
        cells = cells[1:]
        if not cells:
            raise CsvImportError("the file has a header but no row of data")
    else:
        names = [column_name(i) for i in range(width)]
    for number, row in cells:
        if len(row) != width:
            raise CsvImportError(
                "row {row} has {count} cells, but the first row has {width}: "
                "every row needs the same number of cells",
                row=number,
                count=len(row),
                width=width,
            )
    return CsvTable(names, [row for _, row in cells], [n for n, _ in cells], delimiter, has_header)
