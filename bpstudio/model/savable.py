"""What loads must save: values a project file may hold only if they can be written back.

JSON reads things that JSON (as BP Studio writes it: UTF-8, no NaN) cannot write: a lone
surrogate escape (``"\\ud800"``) is text that has no UTF-8 form, and a ``view`` nested
hundreds of levels deep loads but overflows the writer's recursion.  Both once made projects
that opened and trained but could never be saved (Save, Save As and autosave all failed).
So the loader refuses them, naming the field.
"""

from __future__ import annotations

import re
from typing import Any

from bpstudio.model.validation import HugeInteger, expect_number, fail

MAX_VIEW_DEPTH = 32  # the app's own view settings are two levels deep
# A \\uD800-\\uDFFF escape: the only way a surrogate gets into text read from UTF-8 bytes.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}")


def check_text_is_savable(raw: str, data: Any) -> None:
    """Refuse text no UTF-8 file can hold; cheap unless the file has a surrogate escape."""
    if "\\u" in raw and _SURROGATE_ESCAPE.search(raw):
        _check_strings(data, "")


def _check_strings(value: Any, path: str) -> None:
    if isinstance(value, str):
        _check_string(value, path)
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else key
            _check_string(key, inner)
            _check_strings(item, inner)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, (str, dict, list)):
                _check_strings(item, f"{path}[{i}]")


def _check_string(text: str, path: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise fail(
            ascii(path)[1:-1] or "(top level)",
            "the text holds \\u{code:04x}, half of a character (a lone surrogate), "
            "which no file can hold; remove it",
            code=ord(text[exc.start]),
        ) from None


def check_view(view: dict[str, object], path: str = "view") -> None:
    """The free-form ``view`` object: nested at most MAX_VIEW_DEPTH levels, numbers finite."""
    _check_view_value(view, path, 0)


def _check_view_value(value: Any, path: str, depth: int) -> None:
    if depth > MAX_VIEW_DEPTH:
        raise fail(path, "nested more than {limit} levels deep", limit=MAX_VIEW_DEPTH)
    if isinstance(value, dict):
        for key, item in value.items():
            _check_view_value(item, f"{path}.{key}", depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_view_value(item, f"{path}[{i}]", depth + 1)
    elif isinstance(value, (HugeInteger, float)):
        expect_number(value, path)  # refuses NaN, infinities and absurdly long numbers
