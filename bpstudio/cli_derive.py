"""`bpstudio derive PROJECT`: the walkthrough of the trainer's next step (or, with --sample N, of
one chosen sample), as a document.

Headless: loads the NumPy model and the exporters only (the HTML export loads ziamath), never
Qt.  Bad input is reported on stderr, naming the problem, with exit status 2.
"""

from __future__ import annotations

import os

from bpstudio.cli_streams import bad_input, deliver_text
from bpstudio.cli_train import warn_unknown_fields
from bpstudio.i18n.cli_text import cli_language, translate
from bpstudio.i18n.model_messages import model_message  # no Qt: the .ts read by cli_text
from bpstudio.model import ProjectFileError, load_project
from bpstudio.model.derivation import derive_project
from bpstudio.model.practice import project_mistakes
from bpstudio.model.safe_files import FileWriteError, check_target
from bpstudio.render import render_derivation


def default_lang(environ=os.environ) -> str:
    """Chinese when the user's locale is Chinese, English otherwise."""
    return "zh" if cli_language(environ) == "zh_CN" else "en"


def run_derive(args) -> int:
    lang = args.lang or default_lang()
    if args.out is not None:  # checked before the work; the project itself is never replaced
        try:
            check_target(args.out, source=args.project)
        except FileWriteError as exc:
            return bad_input("derive", model_message(exc, translate))
    try:
        project = load_project(args.project)
    except (ProjectFileError, ValueError) as exc:
        return bad_input("derive", f"{args.project}: {model_message(exc, translate)}")
    warn_unknown_fields(project, args.project)
    n_samples = project.dataset.n_samples
    if args.sample is not None and not 1 <= args.sample <= n_samples:
        out_of_range = translate(
            "cli", "--sample %d is out of range: %s has %d sample(s), numbered 1 to %d"
        )
        return bad_input("derive", out_of_range % (args.sample, args.project, n_samples, n_samples))
    try:
        sample = None if args.sample is None else args.sample - 1
        derivation = derive_project(
            project,
            sample,
            row=args.row - 1,
            digits=args.digits,
            lang=lang,
            expanded=args.expanded,
            jacobian=args.jacobian,
        )
    except ValueError as exc:
        return bad_input("derive", model_message(exc, translate))
    mistakes = project_mistakes(project, derivation) if args.format == "json" else None
    text = render_derivation(derivation, args.format, mistakes)
    if args.matrix:
        from bpstudio.render.matrix_text import with_matrix

        text = with_matrix(text, derivation, args.format)
    return deliver_text("derive", text, args.out, args.project)
