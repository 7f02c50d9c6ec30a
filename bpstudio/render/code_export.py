"""One entry for every code export: `export_code(project, target, ...)` -> the file's text.

The command line (`bpstudio export`) and the window (File > Export as code…) both call it;
The result is written by the app's one atomic writer, bpstudio.model.safe_files.write_file.
"""

from __future__ import annotations

from pathlib import Path

from bpstudio.model.project import Project
from bpstudio.render.code_spec import TARGETS, export_spec

SUFFIXES = {"numpy": ".py", "pytorch": ".py", "notebook": ".ipynb"}
DEFAULT_NAMES = {"numpy": "bp_numpy.py", "pytorch": "bp_torch.py", "notebook": "bp.ipynb"}


def export_code(
    project: Project,
    target: str,
    *,
    lang: str = "en",
    steps: int = 0,
    sample: int = 0,
    file_name: str | None = None,
) -> str:
    """The text of ``target`` (numpy, pytorch or notebook) for ``project``; ``sample`` counts
    from 0; ``file_name`` is what the script's first lines say to run."""
    if target not in TARGETS:
        raise ValueError(f"unknown export {target!r} (known: {', '.join(TARGETS)})")
    spec = export_spec(project, sample=sample, steps=steps)
    name = Path(file_name).name if file_name else DEFAULT_NAMES[target]
    if target == "numpy":
        from bpstudio.render.code_numpy import numpy_script

        return numpy_script(spec, lang, name)
    if target == "pytorch":
        from bpstudio.render.code_torch import torch_script

        return torch_script(spec, lang, name)
    from bpstudio.model.derivation import derive_project
    from bpstudio.render.code_notebook import notebook_text

    return notebook_text(spec, derive_project(project, sample, lang=lang), lang)
