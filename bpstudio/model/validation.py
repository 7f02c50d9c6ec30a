"""Checks for values read from a file; each error names the path of the offending field."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any


class ProjectFileError(ValueError):
    """A project or data file could not be read.  The message says where and why."""


def read_limited(path, limit_bytes: int, error: type[ProjectFileError], limit_text: str) -> bytes:
    """The file's bytes; a file over ``limit_bytes`` is refused before it is read, and an OS
    error becomes ``error`` naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit_bytes:
            raise error(f"{path.name} is {size / 2**20:.1f} MiB; {limit_text}")
        return path.read_bytes()
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or exc}") from None


def fail(path: str, message: str) -> ProjectFileError:
    return ProjectFileError(f"{path}: {message}" if path else message)


def describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return "an object"


def expect_object(value: Any, path: str) -> dict:
    if not isinstance(value, dict):
        raise fail(path, f"expected an object, got {describe(value)}")
    return value


def require(obj: dict, key: str, path: str) -> Any:
    if key not in obj:
        raise fail(path, f"missing field {key!r}")
    return obj[key]


def expect_number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail(path, f"expected a number, got {describe(value)}")
    if not math.isfinite(value):
        raise fail(path, f"expected a finite number, got {value}")
    return float(value)


def expect_int(value: Any, path: str, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise fail(path, f"expected a whole number, got {describe(value)}")
    if minimum is not None and value < minimum:
        raise fail(path, f"expected a whole number >= {minimum}, got {value}")
    return value


def expect_bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise fail(path, f"expected true or false, got {describe(value)}")
    return value


def expect_str(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise fail(path, f"expected text, got {describe(value)}")
    return value


def expect_choice(value: Any, choices, path: str) -> str:
    text = expect_str(value, path)
    if text not in choices:
        raise fail(path, f"unknown name {text!r} (expected one of: {', '.join(choices)})")
    return text


def expect_list(value: Any, path: str, length: int | None = None, what: str = "items") -> list:
    if not isinstance(value, list):
        raise fail(path, f"expected a list, got {describe(value)}")
    if length is not None and len(value) != length:
        raise fail(path, f"expected {length} {what}, got {len(value)}")
    return value


def expect_vector(value: Any, path: str, length: int | None = None) -> list[float]:
    items = expect_list(value, path, length, "numbers")
    return [expect_number(v, f"{path}[{i}]") for i, v in enumerate(items)]


def expect_matrix(value: Any, path: str, rows: int | None, cols: int | None) -> list[list[float]]:
    items = expect_list(value, path, rows, "rows")
    if rows is None and not items:
        raise fail(path, "expected at least one row")
    width = cols if cols is not None else len(expect_list(items[0], f"{path}[0]"))
    return [expect_vector(row, f"{path}[{i}]", width) for i, row in enumerate(items)]
