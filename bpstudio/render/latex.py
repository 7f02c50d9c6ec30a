"""The derivation as a complete LaTeX document: a student's handout.

English compiles with pdflatex.  Chinese uses the ctex package, so compile it with xelatex
(``xelatex derivation.tex``); the document says so in its first lines.  Prose is written in
Unicode by the derivation (Ŷ, ∂E/∂a₁²); it is turned into LaTeX here so pdflatex accepts it.
"""

from __future__ import annotations

import re

from bpstudio.model.derivation import Derivation, DerivationStep
from bpstudio.render.elision import Elided
from bpstudio.render.outline import formula_lines, network_line, new_heading, outline

_SPECIAL = {c: "\\" + c for c in "&%$#_{}"}
_SPECIAL |= {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}
_SUBSCRIPTS = dict(zip("₀₁₂₃₄₅₆₇₈₉ₖₘ‚", "0123456789km,", strict=True))
_SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789", strict=True))
_SYMBOLS = {
    "∂": r"\partial ", "Ŷ": r"\hat{Y}", "η": r"\eta ", "δ": r"\delta ", "Σ": r"\Sigma ",
    "→": r"\rightarrow ", "←": r"\leftarrow ", "·": r"\cdot ", "−": "-", "½": r"\frac{1}{2}",
    "…": r"\dots ", "≤": r"\le ",
}  # fmt: skip


def _char(c: str) -> str:
    if c in _SUBSCRIPTS:
        return f"$_{{{_SUBSCRIPTS[c]}}}$"
    if c in _SUPERSCRIPTS:
        return f"$^{{{_SUPERSCRIPTS[c]}}}$"
    if c in _SYMBOLS:
        return f"${_SYMBOLS[c]}$"
    return _SPECIAL.get(c, c)


def text_to_latex(text: str) -> str:
    """Prose -> LaTeX: special characters escaped, Unicode math made math; ``$...$`` kept."""
    pieces = re.split(r"(\$[^$]*\$)", text)
    out = []
    for piece in pieces:
        if piece.startswith("$") and piece.endswith("$") and len(piece) > 1:
            out.append(piece)
        else:
            out.append("".join(_char(c) for c in piece))
    return "".join(out).replace("$$", "")


def _preamble(d: Derivation) -> list[str]:
    lines = ["% BP Studio: backpropagation, step by step."]
    if d.lang == "zh":
        lines += [
            "% Chinese text: compile with xelatex (ctex package).",
            r"\documentclass[11pt]{article}",
            r"\usepackage{ctex}",
        ]
    else:
        lines += ["% Compile with pdflatex (or xelatex).", r"\documentclass[11pt]{article}"]
    return lines + [
        r"\usepackage[a4paper,margin=2cm]{geometry}",
        r"\usepackage{amsmath}",
        r"\allowdisplaybreaks",
        r"\setlength{\parindent}{0pt}",
        r"\begin{document}",
    ]


def _formula_block(step: DerivationStep) -> list[str]:
    rows = []
    for formula in (step.symbolic, step.substituted):
        first, *rest = formula_lines(formula)
        if rest:
            rows.append(f"{first} &{rest[0]}")
            rows += [f"&{r}" for r in rest[1:]]
        else:
            rows.append(f"{first} &")
    return [r"\begin{align*}", " \\\\\n".join(rows), r"\end{align*}"]


def to_latex(d: Derivation) -> str:
    out = _preamble(d)
    out += [rf"\section*{{{text_to_latex(d.title)}}}", text_to_latex(d.intro), ""]
    out += [rf"\emph{{{text_to_latex(network_line(d))}}}", ""]
    for phase, sections in outline(d):
        out.append(rf"\subsection*{{{text_to_latex(phase.title)}}}")
        for section, steps in sections:
            out.append(rf"\subsubsection*{{{text_to_latex(section.title_tex)}}}")
            for i, step in enumerate(steps):
                heading = new_heading(steps, i)
                if heading:
                    out.append(rf"\paragraph{{{text_to_latex(heading)}}}")
                if isinstance(step, Elided):
                    out += [rf"\emph{{{text_to_latex(step.text)}}} ${step.last_symbol}$", ""]
                    continue
                out += _formula_block(step)
                out += [rf"{{\small {text_to_latex(step.explanation)}}}", ""]
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"
