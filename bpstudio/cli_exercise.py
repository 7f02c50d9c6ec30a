"""`bpstudio exercise PROJECT --students N --seed S --format F --out DIR`: exercise sheets.

One sheet per student, each the project's network with its own nice numbers and blanks where
the values go (``--level``: how many sections from the end are blank; default all), and one
answer key for the class.  Headless: never imports Qt.  Bad arguments exit with status 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bpstudio.cli_derive import default_lang
from bpstudio.cli_notation import add_notation_option
from bpstudio.cli_streams import bad_input
from bpstudio.i18n.cli_text import translate
from bpstudio.i18n.model_messages import model_message  # no Qt: the .ts read by cli_text
from bpstudio.model import ProjectFileError, load_project
from bpstudio.model.derivation import derive_project
from bpstudio.model.practice import max_level
from bpstudio.model.practice.sheets import MAX_STUDENTS, class_exercises
from bpstudio.model.safe_files import FileWriteError


def add_exercise_parser(verbs, positive_int, non_negative_int) -> None:
    p = verbs.add_parser(
        "exercise", help="write exercise sheets for a class: own numbers per student, one key"
    )
    p.add_argument("project", help="a BP Studio project file (.json)")
    p.add_argument("--students", type=positive_int, required=True, help="number of sheets")
    p.add_argument("--seed", type=non_negative_int, default=0, help="class seed (default 0)")
    p.add_argument("--format", choices=("markdown", "latex", "html", "json"), default="markdown")
    p.add_argument("--out", required=True, help="folder for the sheets (made if missing)")
    p.add_argument(
        "--level",
        type=non_negative_int,
        default=None,
        help="sections left blank, from the end (default: every section)",
    )
    p.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the sheets")
    add_notation_option(p)


def run_exercise(args) -> int:
    from bpstudio.render.sheets import write_sheets

    lang = args.lang or default_lang()
    folder_problem = _folder_problem(args.out)
    if folder_problem:  # before any work, as the other verbs check their --out
        return bad_input("exercise", folder_problem)
    if args.students > MAX_STUDENTS:
        too_many = translate("cli", "--students %d is too many: at most %d sheets at a time")
        return bad_input("exercise", too_many % (args.students, MAX_STUDENTS))
    try:
        project = load_project(args.project)
    except (ProjectFileError, ValueError) as exc:
        return bad_input("exercise", f"{args.project}: {model_message(exc, translate)}")
    try:
        sections = max_level(derive_project(project, 0))
    except ValueError as exc:
        return bad_input("exercise", model_message(exc, translate))
    if args.level is not None and args.level > sections:
        out_of_range = translate(
            "cli", "--level %d is out of range: this network's walkthrough has %d sections"
        )
        return bad_input("exercise", out_of_range % (args.level, sections))
    try:
        exercises = class_exercises(project, args.students, args.seed, args.level, lang)
    except ValueError as exc:
        return bad_input("exercise", model_message(exc, translate))
    level = args.level if args.level is not None else sections
    try:
        written = write_sheets(exercises, args.format, args.out, lang, level, args.seed)
    except FileWriteError as exc:
        return bad_input("exercise", model_message(exc, translate))
    except OSError as exc:
        return bad_input(
            "exercise", translate("cli", "cannot write %s: %s") % (args.out, exc.strerror or exc)
        )
    wrote = translate("cli", "wrote %d file(s) to %s")
    print(wrote % (len(written), args.out), file=sys.stderr)
    return 0


def _folder_problem(out: str) -> str:
    """Why ``--out`` cannot take the sheets (it is made if missing), or ""."""
    try:
        Path(out).mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return translate("cli", "--out %s is a file; give a folder for the sheets") % out
    except OSError as exc:
        return translate("cli", "cannot write %s: %s") % (out, exc.strerror or exc)
    return ""
