"""What a student types into a number field, read one way everywhere (tables, diagram)."""

from __future__ import annotations

import math


def parse_number(text) -> float | None:
    """A finite float from what the user typed ("0.25", "-1e-3", "0,25", "−0.5"), else None.
    A typographic minus and a decimal comma (as many locales write it) are accepted."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        number = float(text)
    else:
        cleaned = str(text).strip().replace("−", "-")
        if "," in cleaned and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")
        try:
            number = float(cleaned)
        except ValueError:
            return None
    return number if math.isfinite(number) else None
