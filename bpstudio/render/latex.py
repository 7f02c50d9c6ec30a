"""The derivation as a complete LaTeX document: a student's handout.

English compiles with pdflatex.  Chinese uses the ctex package, so compile it with xelatex
(``xelatex derivation.tex``); the document says so in its first lines.  Prose is written in
Unicode by the derivation (Ŷ, ∂E/∂a₁²); it is turned into LaTeX here so pdflatex accepts it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from bpstudio.model.derivation import Derivation, DerivationStep, Note
from bpstudio.render.elision import Elided
from bpstudio.render.latex_breaks import wrapped
from bpstudio.render.outline import (
    formula_lines,
    network_line,
    new_heading,
    outline,
    same_way_lead,
    shown_explanation,
)

_SPECIAL = {c: "\\" + c for c in "&%$#_{}"}
_SPECIAL |= {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}
_SUBSCRIPTS = dict(zip("₀₁₂₃₄₅₆₇₈₉ₖₘ‚", "0123456789km,", strict=True))
_SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾′ᵗ", "0123456789()'t", strict=True))
# a run of sub- or superscript characters is one script: w₁₁³ is w_{11}^{3}, never w_1_1^3
_SCRIPT_RUN = re.compile(f"([{''.join(_SUBSCRIPTS)}]+)|([{''.join(_SUPERSCRIPTS)}]+)")
_SYMBOLS = {
    "∂": r"\partial ", "Ŷ": r"\hat{Y}", "η": r"\eta ", "δ": r"\delta ", "Σ": r"\Sigma ",
    "→": r"\rightarrow ", "←": r"\leftarrow ", "·": r"\cdot ", "−": "-", "½": r"\frac{1}{2}",
    "…": r"\dots ", "≤": r"\le ", "μ": r"\mu ",
    # the optimisers' settings and the books' Greek (Latin Modern has no Greek in text)
    "α": r"\alpha ", "β": r"\beta ", "γ": r"\gamma ", "ε": r"\varepsilon ", "θ": r"\theta ",
    "λ": r"\lambda ", "ρ": r"\rho ", "σ": r"\sigma ", "√": r"\surd ", "∇": r"\nabla ",
    "±": r"\pm ",
}  # fmt: skip
# a letter with a circumflex after it (Adam's mˆ, v̂: spacing or combining) is a hat in math
_HATTED = re.compile("(.)[\u02c6\u0302]")


def _script(run: re.Match[str]) -> str:
    if run[1]:
        return "$_{" + "".join(_SUBSCRIPTS[c] for c in run[1]) + "}$"
    return "$^{" + "".join(_SUPERSCRIPTS[c] for c in run[2]) + "}$"


def _prose(text: str) -> str:
    pieces = _SCRIPT_RUN.split(text)
    out = []
    # split with two groups gives: text, sub run, sup run, text, ...
    for i in range(0, len(pieces), 3):
        out.append("".join(_char(c) for c in pieces[i]))
        if i + 2 < len(pieces):
            sub, sup = pieces[i + 1], pieces[i + 2]
            out.append(_script(_SCRIPT_RUN.match(sub or sup)))  # type: ignore[arg-type]
    return "".join(out)


def _char(c: str) -> str:
    if c in _SYMBOLS:
        return f"${_SYMBOLS[c]}$"
    return _SPECIAL.get(c, c)


def text_to_latex(text: str) -> str:
    """Prose -> LaTeX: special characters escaped, Unicode math made math; ``$...$`` kept."""
    text = _HATTED.sub(lambda m: f"$\\hat{{{_SYMBOLS.get(m[1], m[1]).strip()}}}$", text)
    pieces = re.split(r"(\$[^$]*\$)", text)
    out = []
    for piece in pieces:
        if piece.startswith("$") and piece.endswith("$") and len(piece) > 1:
            out.append(piece)
        else:
            out.append(_prose(piece))
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
    return [
        *lines,
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
        if not rest:
            rows.append(f"{first} &")
        for i, side in enumerate(rest):
            head, *more = wrapped(side)
            rows.append(f"{first} &{head}" if i == 0 else f"&{head}")
            rows += [rf"&\quad {line}" for line in more]  # a long side goes on, indented
    return [r"\begin{align*}", " \\\\\n".join(rows), r"\end{align*}"]


def _note(note: Note) -> list[str]:
    out = [rf"\subsection*{{{text_to_latex(note.title)}}}"]
    for line in note.lines:
        out += [text_to_latex(line.caption)] if line.caption else []
        out += [r"\begin{align*}", f"{line.formula}", r"\end{align*}"]
    return out


def outline_latex(
    d: Derivation, step_lines: Callable[[Sequence[Any], int], list[str]]
) -> list[str]:
    """The phases, sections, headings and elision notes of ``d``'s outline as LaTeX lines;
    ``step_lines(steps, i)`` writes step ``i`` of a section (the handout's formulas, or an
    exercise sheet's blanks)."""
    out: list[str] = []
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
                out += step_lines(steps, i)
    return out


def _step_body(steps: Sequence[DerivationStep], i: int, lang: str) -> list[str]:
    step = steps[i]
    lead = same_way_lead(steps, i, lang)
    out = [text_to_latex(lead), ""] if lead else []
    out += _formula_block(step)
    if why := shown_explanation(step):
        out += [rf"{{\small {text_to_latex(why)}}}", ""]
    return out


def to_latex(d: Derivation) -> str:
    out = _preamble(d)
    out += [rf"\section*{{{text_to_latex(d.title)}}}", text_to_latex(d.intro), ""]
    out += [rf"\emph{{{text_to_latex(network_line(d))}}}", ""]
    out += outline_latex(d, lambda steps, i: _step_body(steps, i, d.lang))
    for note in d.notes:
        out += _note(note)
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"
