"""Derivations -> Markdown, LaTeX, HTML, JSON, and LaTeX formulas -> SVG.  No widgets.

``render_derivation(derivation, "latex")`` gives the text of one export format.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bpstudio.model.derivation import Derivation

if TYPE_CHECKING:  # annotations only: an export without mistakes never loads the practice
    from bpstudio.model.practice.mistakes import Mistake

FORMATS = ("markdown", "latex", "html", "json")


def render_derivation(
    derivation: Derivation, fmt: str, mistakes: Sequence[Sequence[Mistake]] | None = None
) -> str:
    """``mistakes``: per step, its named mistakes; the JSON lists them with each step."""
    # imported here so that a JSON or Markdown export never loads the SVG typesetter
    if fmt == "markdown":
        from bpstudio.render.markdown import to_markdown

        return to_markdown(derivation)
    if fmt == "latex":
        from bpstudio.render.latex import to_latex

        return to_latex(derivation)
    if fmt == "html":
        from bpstudio.render.html import to_html

        return to_html(derivation)
    if fmt == "json":
        from bpstudio.render.json_export import to_json

        return to_json(derivation, mistakes)
    raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
