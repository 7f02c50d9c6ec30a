"""`bpstudio export PROJECT --to numpy|pytorch|notebook`: the walkthrough as runnable code.

Headless (no Qt). Bad input is reported on stderr, naming the problem, with exit status 2.
"""

from __future__ import annotations

import sys

from bpstudio.cli_derive import default_lang
from bpstudio.cli_text import translate
from bpstudio.model import ProjectFileError, load_project
from bpstudio.render.code_export import export_code, write_text_atomically
from bpstudio.views.model_messages import model_message  # no Qt: the .ts read by cli_text

EXIT_BAD_INPUT = 2


def run_export(args) -> int:
    lang = args.lang or default_lang()
    try:
        project = load_project(args.project)
    except (ProjectFileError, ValueError) as exc:
        return _bad_input(f"{args.project}: {model_message(exc, translate)}")
    n_samples = project.dataset.n_samples
    if not 1 <= args.sample <= n_samples:
        out_of_range = translate(
            "cli", "--sample %d is out of range: %s has %d sample(s), numbered 1 to %d"
        )
        return _bad_input(out_of_range % (args.sample, args.project, n_samples, n_samples))
    try:
        text = export_code(
            project, args.to, lang=lang, steps=args.steps, sample=args.sample - 1,
            file_name=args.out,
        )  # fmt: skip
    except ValueError as exc:
        return _bad_input(model_message(exc, translate))
    if not args.out:
        sys.stdout.write(text)
        return 0
    try:
        write_text_atomically(text, args.out)
    except OSError as exc:
        return _bad_input(translate("cli", "cannot write %s: %s") % (args.out, exc.strerror or exc))
    print(translate("cli", "wrote %s") % args.out, file=sys.stderr)
    return 0


def _bad_input(message: str) -> int:
    print(f"bpstudio export: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT
