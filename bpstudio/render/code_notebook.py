"""A project as a Jupyter notebook (nbformat 4): `notebook_text(spec, derivation, lang)`.

The NumPy script's parts become code cells; before each phase a Markdown cell gives the
walkthrough's formulas for it (LaTeX, in the chosen language: the symbolic form and the numbers
put in); the last cell checks everything with PyTorch.
"""

from __future__ import annotations

import nbformat
from nbformat import v4

from bpstudio.model.derivation import Derivation
from bpstudio.render.code_numpy import numpy_cells
from bpstudio.render.code_spec import ExportSpec
from bpstudio.render.code_torch import torch_check_code
from bpstudio.render.code_words import words

# Formulas shown per section: the first few units make the pattern plain; a big layer's
# hundreds of weights would bury it.
FORMULAS_PER_SECTION = 4


def formulas_markdown(derivation: Derivation, phase: str, lang: str) -> str:
    w = words(lang)
    title = next(p.title for p in derivation.phases if p.id == phase)
    parts = [f"## {title}"]
    for section in derivation.sections:
        if section.phase != phase:
            continue
        parts.append(f"### {section.title_tex}")
        steps = [derivation.steps[i] for i in section.step_range]
        for step in steps[:FORMULAS_PER_SECTION]:
            parts.append(f"$$ {step.symbolic} $$\n\n$$ {step.substituted} $$")
        if steps:
            parts.append(f"> {steps[0].explanation}")
        if len(steps) > FORMULAS_PER_SECTION:
            parts.append(w["nb.more"].format(n=len(steps) - FORMULAS_PER_SECTION))
    return "\n\n".join(parts)


def notebook(spec: ExportSpec, derivation: Derivation, lang: str = "en") -> nbformat.NotebookNode:
    w = words(lang)
    cells = numpy_cells(spec, lang)
    nb: nbformat.NotebookNode = v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    intro = [f"# {w['nb.title'].format(name=spec.name)}", derivation.intro, w["nb.run"]]
    if spec.steps:
        intro.append(w["doc.steps"].format(steps=spec.steps).replace("\n", " "))
    nb.cells.append(v4.new_markdown_cell("\n\n".join(intro)))
    for cell in cells:
        if cell.key in ("forward", "backward", "update"):
            nb.cells.append(v4.new_markdown_cell(formulas_markdown(derivation, cell.key, lang)))
        else:
            nb.cells.append(v4.new_markdown_cell(f"## {cell.title}"))
        nb.cells.append(v4.new_code_cell(cell.code))
    check = f"## {w['torch.check']}\n\n{w['torch.check.doc'].replace(chr(10), ' ')}"
    nb.cells.append(v4.new_markdown_cell(check))
    nb.cells.append(v4.new_code_cell(torch_check_code(spec, lang)))
    nbformat.validate(nb)
    return nb


def notebook_text(spec: ExportSpec, derivation: Derivation, lang: str = "en") -> str:
    text: str = nbformat.writes(notebook(spec, derivation, lang))
    return text + "\n"
