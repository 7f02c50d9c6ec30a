"""Checks for values read from a file; each error names the path of the offending field.

Errors carry a Message (bpstudio.model.messages): ``network.weights[1]: expected 2 rows, got 3``
is the template ``{path}: {reason}`` with the field path and a nested Message as the reason, so
the interface can translate the reason and keep the path.
"""

from __future__ import annotations

import math
from typing import Any

from bpstudio.model.messages import Message, ModelError, message_of


class ProjectFileError(ModelError):
    """A project or data file could not be read.  The message says where and why."""


# Whole numbers in a file are bounded: seeds and batch sizes by what the interface's spin boxes
# hold (32-bit), step counts and indices by what NumPy's int64 arrays hold.
MAX_SEED = 2**31 - 1
MAX_COUNT = 2**62
# Python refuses to read integers of more than 4300 digits (sys.get_int_max_str_digits); the
# JSON reader hands longer ones over as HugeInteger, so the field that holds one is named.
MAX_INTEGER_DIGITS = 4000


class HugeInteger:
    """An integer literal too long to be a number of any field (kept as its digit count)."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"HugeInteger({self.digits})"


def parse_json_int(text: str) -> int | HugeInteger:
    """``json.loads``'s ``parse_int``: ints as usual, absurdly long ones as HugeInteger."""
    if len(text) > MAX_INTEGER_DIGITS:
        return HugeInteger(len(text.lstrip("-")))
    return int(text)


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
    if isinstance(value, float) and not math.isfinite(value):
        return _shown(value)
    if isinstance(value, int) and value.bit_length() > 100:
        return Message("a number of {digits} digits", digits=_digits(value))
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return Message("the text {text!r}", text=value)
    if isinstance(value, list):
        return Message("a list of {count}", count=len(value))
    if isinstance(value, HugeInteger):
        return Message("a number of {digits} digits", digits=value.digits)
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
    if isinstance(value, HugeInteger):
        raise fail(path, "the number is too large ({digits} digits)", digits=value.digits)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail(path, "expected a number, got {value}", value=describe(value))
    try:
        number = float(value)
    except OverflowError:  # an integer of hundreds of digits (only an int overflows float())
        raise fail(
            path, "the number is too large ({digits} digits)", digits=_digits(int(value))
        ) from None
    if not math.isfinite(number):
        raise fail(path, "expected a finite number, got {value}", value=_shown(number))
    return number


def expect_int(value: Any, path: str, minimum: int | None = None, maximum: int = MAX_COUNT) -> int:
    if isinstance(value, HugeInteger):
        raise fail(path, "the number is too large ({digits} digits)", digits=value.digits)
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise fail(path, "expected a whole number, got {value}", value=describe(value))
    out_of_range = value > maximum or (minimum is not None and value < minimum)
    if out_of_range and value.bit_length() > 100:  # do not show hundreds of digits
        raise fail(path, "the number is too large ({digits} digits)", digits=_digits(value))
    if value > maximum:
        raise fail(
            path, "expected a whole number <= {maximum}, got {value}", maximum=maximum, value=value
        )
    if minimum is not None and value < minimum:
        raise fail(
            path, "expected a whole number >= {minimum}, got {value}", minimum=minimum, value=value
        )
    return value


def _digits(value: int) -> int:
    return len(str(abs(int(value))))


def _shown(number: float) -> str:
    """NaN and infinities as JSON spells them (the file's own words)."""
    if math.isnan(number):
        return "NaN"
    return "Infinity" if number > 0 else "-Infinity"


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
