"""Long formulas broken into lines that fit an A4 page, where the seed breaks them.

The seed breaks its longest lines (五, 六) before ``· (a - a^2)`` and after a ``+``; the
handout does the same for any line that would run off the page: at a ``+`` or ``\\cdot`` that is
not inside braces or parentheses (inside the big square bracket is fine: its ``\\left[ ...
\\right]`` become ``\\bigl[ ... \\bigr]``, which may span lines).
"""

from __future__ import annotations

import re

# visible characters of math that fit beside the left-hand column of an A4 align* at 11pt
MAX_LINE_CHARS = 72
_COMMAND = re.compile(r"\\[a-zA-Z]+|[{}^_&]")
_OPERATOR = re.compile(r" (\+|\\cdot) ")


def visible_length(latex: str) -> int:
    """About how many characters wide ``latex`` is typeset (commands and scripts count 0)."""
    return len(_COMMAND.sub("", latex).replace(" ", ""))


def break_points(latex: str) -> list[int]:
    """Positions of top-level ``+`` / ``\\cdot`` (the space before them)."""
    points, braces, parens = [], 0, 0
    for i, c in enumerate(latex):
        if c == "{" and latex[max(0, i - 1)] != "\\":
            braces += 1
        elif c == "}" and latex[max(0, i - 1)] != "\\":
            braces -= 1
        elif c == "(":
            parens += 1
        elif c == ")":
            parens -= 1
        elif c == " " and braces == 0 and parens == 0 and _OPERATOR.match(latex, i):
            points.append(i)
    return points


def wrapped(latex: str, limit: int = MAX_LINE_CHARS) -> list[str]:
    """``latex`` as one or more lines, each (where a break point allows) at most ``limit``."""
    if visible_length(latex) <= limit:
        return [latex]
    text = latex.replace(r"\left[", r"\bigl[").replace(r"\right]", r"\bigr]")
    lines, start = [], 0
    points = break_points(text)
    while visible_length(text[start:]) > limit:
        fitting = [p for p in points if p > start and visible_length(text[start:p]) <= limit]
        if not fitting:
            break  # nothing to break at: one long line
        # the seed breaks after a "+" where it can (a term stays whole), else before a factor
        sums = [p for p in fitting if text.startswith(" +", p)]
        cut = sums[-1] if sums and visible_length(text[start : sums[-1]]) > limit // 2 else None
        cut = cut if cut is not None else fitting[-1]
        lines.append(text[start:cut])
        start = cut + 1  # the line after starts with the operator
    lines.append(text[start:])
    return [line for line in lines if line.strip()]
