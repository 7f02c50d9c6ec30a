"""`bpstudio export PROJECT --to numpy|pytorch|notebook`: the walkthrough as runnable code.

Headless (no Qt). Bad input is reported on stderr, naming the problem, with exit status 2.
"""

from __future__ import annotations

from bpstudio.cli_derive import default_lang
from bpstudio.cli_streams import bad_input, deliver_text
from bpstudio.i18n.cli_text import translate
from bpstudio.i18n.model_messages import model_message  # no Qt: the .ts read by cli_text
from bpstudio.model import ProjectFileError, load_project
from bpstudio.model.safe_files import FileWriteError, check_target
from bpstudio.render.code_export import export_code


def run_export(args) -> int:
    lang = args.lang or default_lang()
    if args.out is not None:  # checked before the work; the project itself is never replaced
        try:
            check_target(args.out, source=args.project)
        except FileWriteError as exc:
            return bad_input("export", model_message(exc, translate))
    try:
        project = load_project(args.project)
    except (ProjectFileError, ValueError) as exc:
        return bad_input("export", f"{args.project}: {model_message(exc, translate)}")
    n_samples = project.dataset.n_samples
    if not 1 <= args.sample <= n_samples:
        out_of_range = translate(
            "cli", "--sample %d is out of range: %s has %d sample(s), numbered 1 to %d"
        )
        return bad_input("export", out_of_range % (args.sample, args.project, n_samples, n_samples))
    try:
        text = export_code(
            project, args.to, lang=lang, steps=args.steps, sample=args.sample - 1,
            file_name=args.out,
        )  # fmt: skip
    except ValueError as exc:
        return bad_input("export", model_message(exc, translate))
    return deliver_text("export", text, args.out, args.project)
