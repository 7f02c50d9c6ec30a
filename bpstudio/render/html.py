"""The derivation as one self-contained HTML page: formulas are inline SVG, nothing is fetched."""

from __future__ import annotations

import re
from html import escape

from bpstudio.model.derivation import Derivation, DerivationStep, Note
from bpstudio.render.elision import Elided
from bpstudio.render.formula_svg import inline_svg as _full_svg
from bpstudio.render.outline import (
    network_line,
    new_heading,
    outline,
    same_way_lead,
    shown_explanation,
)

_FINE_DIGITS = re.compile(r"(\d\.\d)\d+")


def inline_svg(latex: str) -> str:
    """The formula's SVG with its coordinates to a tenth of a unit (a tenth of a pixel at the
    page's size): the glyph outlines are most of a page, and their third decimal doubled it."""
    return _FINE_DIGITS.sub(r"\1", _full_svg(latex))


STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60em; margin: 2em auto;
       padding: 0 1em; color: #222; }
.step { margin: 0.6em 0 1.2em; }
.formula { overflow-x: auto; margin: 0.2em 0; }
.substituted svg { opacity: 0.9; }
.why { color: #555; margin: 0.2em 0 0 1em; font-size: 0.95em; }
.phase { border-bottom: 2px solid #2a6fb0; }
.elided { color: #555; font-style: italic; }
.elided svg { vertical-align: middle; }
"""


def _step(step: DerivationStep, lead: str) -> list[str]:
    out = [f'<div class="step" id="step-{step.index}" data-section="{escape(step.section)}">']
    out += [f'<p class="lead">{escape(lead)}</p>'] if lead else []
    out += [
        f'<div class="formula symbolic">{inline_svg(step.symbolic)}</div>',
        f'<div class="formula substituted">{inline_svg(step.substituted)}</div>',
    ]
    if why := shown_explanation(step):
        out.append(f'<p class="why">{escape(why)}</p>')
    return [*out, "</div>"]


def _note(note: Note) -> list[str]:
    out = [f'<h2 class="phase" id="{escape(note.id)}">{escape(note.title)}</h2>']
    for line in note.lines:
        out += [f"<p>{escape(line.caption)}</p>"] if line.caption else []
        out.append(f'<div class="formula">{inline_svg(line.formula)}</div>')
    return out


def _elided(note: Elided) -> list[str]:
    return [f'<p class="elided">{escape(note.text)} {inline_svg(note.last_symbol)}</p>']


def to_html(d: Derivation) -> str:
    lang = "zh-Hans" if d.lang == "zh" else "en"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        '<head><meta charset="utf-8">',
        f"<title>{escape(d.title)}</title>",
        f"<style>{STYLE}</style></head>",
        "<body>",
        f"<h1>{escape(d.title)}</h1>",
        f"<p>{escape(d.intro)}</p>",
        f"<p><em>{escape(network_line(d))}</em></p>",
    ]
    for phase, sections in outline(d):
        out.append(f'<h2 class="phase">{escape(phase.title)}</h2>')
        for section, steps in sections:
            out.append(f'<h3 id="{escape(section.id)}">{escape(section.title)}</h3>')
            for i, step in enumerate(steps):
                heading = new_heading(steps, i)
                if heading:
                    out.append(f"<h4>{escape(heading)}</h4>")
                if isinstance(step, Elided):
                    out += _elided(step)
                    continue
                out += _step(step, same_way_lead(steps, i, d.lang))
    for note in d.notes:
        out += _note(note)
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
