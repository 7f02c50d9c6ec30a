"""Checks for values read from a file; each error names the path of the offending field.

Errors carry a Message (bpstudio.model.messages): ``network.weights[1]: expected 2 rows, got 3``
is the template ``{path}: {reason}`` with the field path and a nested Message as the reason, so
the interface can translate the reason and keep the path.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from bpstudio.model.messages import Message, ModelError, message_of, os_reason


class ProjectFileError(ModelError):
    """A project or data file could not be read.  The message says where and why."""


def read_limited(
    path, limit_bytes: int, error: type[ProjectFileError], limit: Message | str
) -> bytes:
    """The file's bytes; a file over ``limit_bytes`` is refused before it is read (``limit``
    says what the limit is), and an OS error becomes ``error`` naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit_bytes:
            raise error(
                "{name} is {size:.1f} MiB; {limit}",
                name=path.name,
                size=size / 2**20,
                limit=message_of(limit),
            )
        return path.read_bytes()
    except OSError as exc:
        raise error("cannot read {path}: {reason}", path=str(path), reason=os_reason(exc)) from None


def fail(path: str, reason: Message | BaseException | str, /, **params: Any) -> ProjectFileError:
    """The error for the field at ``path``: ``reason`` is a template (filled with ``params``),
    a Message, or an error whose message becomes the reason."""
    if isinstance(reason, str):
        reason = Message(reason, **params)
    reason = message_of(reason)
    if not path:
        return ProjectFileError(reason)
    return ProjectFileError("{path}: {reason}", path=path, reason=reason)


def describe(value: Any) -> Message | str:
    """A JSON value as an error shows it: its literal, or what kind of value it is."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return Message("the text {text!r}", text=value)
    if isinstance(value, list):
        return Message("a list of {count}", count=len(value))
    return Message("an object")


def expect_object(value: Any, path: str) -> dict:
    if not isinstance(value, dict):
        raise fail(path, "expected an object, got {value}", value=describe(value))
    return value


def require(obj: dict, key: str, path: str) -> Any:
    if key not in obj:
        raise fail(path, "missing field {key!r}", key=key)
    return obj[key]


def expect_number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail(path, "expected a number, got {value}", value=describe(value))
    if not math.isfinite(value):
        raise fail(path, "expected a finite number, got {value}", value=value)
    return float(value)


def expect_int(value: Any, path: str, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise fail(path, "expected a whole number, got {value}", value=describe(value))
    if minimum is not None and value < minimum:
        raise fail(
            path, "expected a whole number >= {minimum}, got {value}", minimum=minimum, value=value
        )
    return value


def expect_bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise fail(path, "expected true or false, got {value}", value=describe(value))
    return value


def expect_str(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise fail(path, "expected text, got {value}", value=describe(value))
    return value


def expect_choice(value: Any, choices, path: str) -> str:
    text = expect_str(value, path)
    if text not in choices:
        raise fail(
            path,
            "unknown name {name!r} (expected one of: {choices})",
            name=text,
            choices=", ".join(choices),
        )
    return text


# expect_list's "expected 2 rows, got 3", one template per kind of item (each language counts
# its own way)
_COUNTS = {
    "items": "expected {length} items, got {count}",
    "numbers": "expected {length} numbers, got {count}",
    "rows": "expected {length} rows, got {count}",
    "indices": "expected {length} indices, got {count}",
    "names": "expected {length} names, got {count}",
    "activations": "expected {length} activations, got {count}",
    "weight matrices": "expected {length} weight matrices, got {count}",
    "bias vectors": "expected {length} bias vectors, got {count}",
}


def expect_list(value: Any, path: str, length: int | None = None, what: str = "items") -> list:
    if not isinstance(value, list):
        raise fail(path, "expected a list, got {value}", value=describe(value))
    if length is not None and len(value) != length:
        template = _COUNTS.get(what, "expected {length} " + what + ", got {count}")
        raise fail(path, template, length=length, count=len(value))
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
