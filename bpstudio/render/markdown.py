"""The derivation as Markdown, formulas in ``$...$`` (GitHub, Obsidian, Jupyter render them)."""

from __future__ import annotations

from bpstudio.model.derivation import Derivation
from bpstudio.render.elision import Elided
from bpstudio.render.outline import (
    network_line,
    new_heading,
    outline,
    same_way_lead,
    shown_explanation,
)


def to_markdown(d: Derivation) -> str:
    out = [f"# {d.title}", "", d.intro, "", f"*{network_line(d)}*", ""]
    for phase, sections in outline(d):
        out += [f"## {phase.title}", ""]
        for section, steps in sections:
            out += [f"### {section.title_tex}", ""]
            for i, step in enumerate(steps):
                heading = new_heading(steps, i)
                if heading:
                    out += [f"**{heading}**", ""]
                if isinstance(step, Elided):
                    out += [f"*{step.text}* ${step.last_symbol}$", ""]
                    continue
                lead = same_way_lead(steps, i, d.lang)
                out += [lead, ""] if lead else []
                out += [f"${step.symbolic}$", "", f"${step.substituted}$", ""]
                why = shown_explanation(step)
                out += [f"> {why}", ""] if why else []
    for note in d.notes:
        out += [f"## {note.title}", ""]
        for line in note.lines:
            out += [line.caption, ""] if line.caption else []
            out += [f"${line.formula}$", ""]
    return "\n".join(out)
