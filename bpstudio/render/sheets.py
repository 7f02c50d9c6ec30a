"""Exercise sheets for a class: one sheet per student with blanks, and one answer key.

``write_sheets(exercises, fmt, folder, lang)`` writes ``sheet-01.md`` ... and ``answer-key.md``
(or .tex, .html), or one ``exercises.json`` with every student's project and expected values.
Each file is written atomically.  The LaTeX compiles with xelatex (Chinese through ctex).
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

from bpstudio.model.derivation import DerivationStep
from bpstudio.model.practice.sheets import SHEET_DIGITS, StudentExercise
from bpstudio.model.project import Project
from bpstudio.model.project import to_json as project_to_json
from bpstudio.model.safe_files import write_file
from bpstudio.render.elision import Elided
from bpstudio.render.latex import outline_latex, text_to_latex
from bpstudio.render.outline import new_heading, outline

Sheet = StudentExercise[Project]  # one student's exercise, of a project

SHEET_FORMATS = ("markdown", "latex", "html", "json")
SUFFIX = {"markdown": ".md", "latex": ".tex", "html": ".html"}
BLANK = {"markdown": r"\underline{\qquad\qquad\qquad}", "latex": r"\underline{\hspace{3.5cm}}"}

_WORDS = {
    "sheet": {"en": "Exercise sheet {n}", "zh": "练习 {n}"},
    "key": {"en": "Answer key", "zh": "答案"},
    "student": {"en": "Sheet {n} (exercise seed {seed})", "zh": "练习 {n}（题目种子 {seed}）"},
    "task": {
        "en": "Compute one training step of this network by hand. Fill in every blank with at "
        "least 3 significant digits.",
        "zh": "手算这个网络的一步训练。每个空格至少填写 3 位有效数字。",
    },
    "given": {"en": "Given", "zh": "已知"},
    "name": {"en": "Name: ____________________", "zh": "姓名：____________________"},
}


def word(key: str, lang: str, **values: object) -> str:
    return _WORDS[key][lang].format(**values)


def given_formulas(exercise: Sheet) -> list[str]:
    """The numbers the student starts from, as LaTeX: inputs, labels, η, weights, biases."""
    d = exercise.derivation
    project = exercise.project
    data = project.dataset.prepared()
    lines = []
    for row in d.batch:  # a batch of several samples: each one's inputs and labels
        tag = f"^{{({row + 1})}}" if len(d.batch) > 1 else ""
        xs = [f"x_{{{j + 1}}}{tag} = {v:g}" for j, v in enumerate(data.inputs[row])]
        labels = [rf"\hat{{Y}}_{{{k + 1}}}{tag} = {v:g}" for k, v in enumerate(data.targets[row])]
        lines += [r",\quad ".join(xs), r",\quad ".join(labels)]
    lines.append(rf"\eta = {d.learning_rate:g}")
    net = project.network
    for i, w in enumerate(net.weights):
        layer = i + 2
        lines.append(
            r",\quad ".join(
                f"w_{{{_pair(j + 1, k + 1)}}}^{{{layer}}} = {w[j, k]:g}"
                for k in range(w.shape[1])
                for j in range(w.shape[0])
            )
        )
    if net.biases is not None:
        for i, b in enumerate(net.biases):
            lines.append(
                r",\quad ".join(f"b_{{{k + 1}}}^{{{i + 2}}} = {v:g}" for k, v in enumerate(b))
            )
    return lines


def _pair(j: int, k: int) -> str:
    return f"{j}{k}" if j < 10 and k < 10 else f"{j},{k}"


# Markdown -----------------------------------------------------------------------------------
def _markdown_sheet(exercise: Sheet, lang: str) -> str:
    d = exercise.derivation
    out = [f"# {word('sheet', lang, n=exercise.student)}", "", word("name", lang), ""]
    out += [word("task", lang), "", f"*{d.network_line}*", ""]
    out += [f"**{word('given', lang)}**", ""]
    out += [f"- ${line}$" for line in given_formulas(exercise)] + [""]
    for phase, sections in outline(d):
        out += [f"## {phase.title}", ""]
        for section, steps in sections:
            out += [f"### {section.title_tex}", ""]
            for i, step in enumerate(steps):
                heading = new_heading(steps, i)
                if heading:
                    out += [f"**{heading}**", ""]
                if isinstance(step, Elided):  # a big layer's run of one form, as in handouts
                    out += [f"*{step.text}* ${step.last_symbol}$", ""]
                    continue
                out += _markdown_step(step, step.index in exercise.hidden)
    return "\n".join(out)


def _markdown_step(step: DerivationStep, hidden: bool) -> list[str]:
    if hidden:
        return [f"${step.symbolic} = {BLANK['markdown']}$", ""]
    return [f"${step.symbolic}$", "", f"${step.substituted}$", ""]


def _markdown_key(exercises: list[Sheet], lang: str) -> str:
    out = [f"# {word('key', lang)}", ""]
    for exercise in exercises:
        out += [f"## {word('student', lang, n=exercise.student, seed=exercise.seed)}", ""]
        out += ["| | |", "|---|---|"]
        out += [f"| ${s.symbol}$ | {_value(s)} |" for s in _hidden_steps(exercise)]
        out.append("")
    return "\n".join(out)


def _hidden_steps(exercise: Sheet) -> list[DerivationStep]:
    return [s for s in exercise.derivation.steps if s.index in exercise.hidden]


def _value(step: DerivationStep) -> str:
    return f"{step.value:.{SHEET_DIGITS}g}"


# LaTeX --------------------------------------------------------------------------------------
def _latex_preamble(lang: str) -> list[str]:
    lines = ["% BP Studio exercise sheet: compile with xelatex.", r"\documentclass[11pt]{article}"]
    if lang == "zh":
        lines.append(r"\usepackage{ctex}")
    return [
        *lines,
        r"\usepackage[a4paper,margin=2cm]{geometry}",
        r"\usepackage{amsmath}",
        r"\allowdisplaybreaks",
        r"\setlength{\parindent}{0pt}",
        r"\begin{document}",
    ]


def _latex_sheet(exercise: Sheet, lang: str) -> str:
    d = exercise.derivation
    out = _latex_preamble(lang)
    out += [rf"\section*{{{text_to_latex(word('sheet', lang, n=exercise.student))}}}"]
    out += [text_to_latex(word("name", lang)), r"\medskip", ""]
    out += [text_to_latex(word("task", lang)), ""]
    out += [rf"\emph{{{text_to_latex(d.network_line)}}}", ""]
    out += [rf"\paragraph{{{text_to_latex(word('given', lang))}}}", r"\begin{gather*}"]
    out += [" \\\\\n".join(given_formulas(exercise)), r"\end{gather*}"]
    out += outline_latex(
        d, lambda steps, i: _latex_step(steps[i], steps[i].index in exercise.hidden)
    )
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def _latex_step(step: DerivationStep, hidden: bool) -> list[str]:
    if hidden:
        body = f"{step.symbolic} = {BLANK['latex']}"
    else:
        body = f"{step.symbolic} \\\\\n{step.substituted}"
    return [r"\begin{gather*}", body, r"\end{gather*}"]


def _latex_key(exercises: list[Sheet], lang: str) -> str:
    out = [*_latex_preamble(lang), rf"\section*{{{text_to_latex(word('key', lang))}}}"]
    for exercise in exercises:
        title = word("student", lang, n=exercise.student, seed=exercise.seed)
        out += [rf"\subsection*{{{text_to_latex(title)}}}", r"\begin{align*}"]
        rows = [f"{s.symbol} &= {_value(s)}" for s in _hidden_steps(exercise)]
        out += [" \\\\\n".join(rows) if rows else r"&\text{--}", r"\end{align*}"]
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


# HTML ---------------------------------------------------------------------------------------
_STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60em; margin: 2em auto;
       padding: 0 1em; color: #222; }
.formula { overflow-x: auto; margin: 0.3em 0; }
.blank { display: inline-block; min-width: 10em; border-bottom: 1px solid #222; margin-left: .5em; }
table { border-collapse: collapse; } td { padding: 2px 12px; border-bottom: 1px solid #ddd; }
@media print { .sheet { page-break-after: always; } }
"""


def _html_page(title: str, lang: str, body: list[str]) -> str:
    code = "zh-Hans" if lang == "zh" else "en"
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{code}">',
        f'<head><meta charset="utf-8"><title>{escape(title)}</title>',
        f"<style>{_STYLE}</style></head>",
        "<body>",
    ]
    return "\n".join(head + body + ["</body>", "</html>"]) + "\n"


def _html_sheet(exercise: Sheet, lang: str) -> str:
    from bpstudio.render.formula_svg import inline_svg

    d = exercise.derivation
    title = word("sheet", lang, n=exercise.student)
    body = [f"<h1>{escape(title)}</h1>", f"<p>{escape(word('name', lang))}</p>"]
    body.append(f"<p>{escape(word('task', lang))}</p>")
    body.append(f"<p><em>{escape(d.network_line)}</em></p>")
    body.append(f"<h2>{escape(word('given', lang))}</h2>")
    body += [f'<div class="formula">{inline_svg(line)}</div>' for line in given_formulas(exercise)]
    for phase, sections in outline(d):
        body.append(f"<h2>{escape(phase.title)}</h2>")
        for section, steps in sections:
            body.append(f"<h3>{escape(section.title)}</h3>")
            for step in steps:
                if isinstance(step, Elided):
                    note = f"{escape(step.text)} {inline_svg(step.last_symbol)}"
                    body.append(f'<p class="elided">{note}</p>')
                elif step.index in exercise.hidden:
                    formula = inline_svg(f"{step.symbolic} =")
                    body.append(f'<div class="formula">{formula}<span class="blank"></span></div>')
                else:
                    body.append(f'<div class="formula">{inline_svg(step.symbolic)}</div>')
                    body.append(f'<div class="formula">{inline_svg(step.substituted)}</div>')
    return _html_page(title, lang, body)


def _html_key(exercises: list[Sheet], lang: str) -> str:
    from bpstudio.render.formula_svg import inline_svg

    body = [f"<h1>{escape(word('key', lang))}</h1>"]
    for exercise in exercises:
        title = word("student", lang, n=exercise.student, seed=exercise.seed)
        body += [f"<h2>{escape(title)}</h2>", "<table>"]
        body += [
            f"<tr><td>{inline_svg(s.symbol)}</td><td>{_value(s)}</td></tr>"
            for s in _hidden_steps(exercise)
        ]
        body.append("</table>")
    return _html_page(word("key", lang), lang, body)


# JSON ---------------------------------------------------------------------------------------
def sheets_json(exercises: list[Sheet], level: int, lang: str, seed: int) -> dict[str, object]:
    return {
        "format": "bpstudio-exercise-sheets",
        "version": 1,
        "seed": seed,
        "level": level,
        "language": lang,
        "students": [
            {
                "student": e.student,
                "seed": e.seed,
                "project": project_to_json(e.project),
                "expected": [_expected(s, s.index in e.hidden) for s in e.derivation.steps],
            }
            for e in exercises
        ],
    }


def _expected(step: DerivationStep, hidden: bool) -> dict[str, object]:
    return {
        "index": step.index,
        "section": step.section,
        "quantity": step.quantity,
        "layer": step.layer,
        "indices": list(step.indices),
        "symbol": step.symbol,
        "value": step.value,
        "blank": hidden,
    }


# files --------------------------------------------------------------------------------------
_SHEET = {"markdown": _markdown_sheet, "latex": _latex_sheet, "html": _html_sheet}
_KEY = {"markdown": _markdown_key, "latex": _latex_key, "html": _html_key}


def write_sheets(
    exercises: list[Sheet],
    fmt: str,
    folder: str | os.PathLike[str],
    lang: str,
    level: int,
    seed: int,
) -> list[Path]:
    """Write the class's files into ``folder`` (made if missing); returns their paths."""
    if fmt not in SHEET_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(SHEET_FORMATS)})")
    where = Path(folder)
    where.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        text = json.dumps(sheets_json(exercises, level, lang, seed), ensure_ascii=False, indent=1)
        return [_write(where / "exercises.json", text + "\n")]
    width = max(2, len(str(len(exercises))))
    written = [
        _write(where / f"sheet-{e.student:0{width}d}{SUFFIX[fmt]}", _SHEET[fmt](e, lang))
        for e in exercises
    ]
    written.append(_write(where / f"answer-key{SUFFIX[fmt]}", _KEY[fmt](exercises, lang)))
    return written


def _write(path: Path, text: str) -> Path:
    write_file(path, text)  # atomic; FileWriteError names the file
    return path
