"""`bpstudio`: the GUI by default; `bpstudio train`, `derive`, `export`, `exercise` and
`experiment` run headless.

The headless verbs never import Qt, so they start fast and run where no display exists.
Bad input is reported on stderr with exit status 2; a mistyped verb too (``bpstudio trian``:
"did you mean train?"), rather than starting the window on a file that does not exist.
Output survives a closed pipe and an ASCII-only terminal, and Ctrl+C ends with status 130,
never a traceback (bpstudio/cli_streams.py).
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import math
import os
import sys
from collections.abc import Sequence

from bpstudio import __version__
from bpstudio.cli_notation import add_notation_option, apply_notation
from bpstudio.cli_streams import EXIT_BAD_INPUT, EXIT_INTERRUPTED, safe_streams
from bpstudio.model.optimisers import KINDS

MAX_EXPORT_STEPS = 100_000  # bpstudio.render.code_spec.MAX_STEPS
# Every headless verb and the function that runs it (module, name), in the order `bpstudio
# --help` lists them: the parser's choices, the dispatch and "did you mean" all read this.
VERBS = {
    "train": ("bpstudio.cli_train", "run_train"),
    "derive": ("bpstudio.cli_derive", "run_derive"),
    "export": ("bpstudio.cli_export", "run_export"),
    "exercise": ("bpstudio.cli_exercise", "run_exercise"),
    "experiment": ("bpstudio.cli_experiment", "run_experiment_verb"),
}
HEADLESS_VERBS = tuple(VERBS)
MAX_COUNT_OPTION = 2**31 - 1  # --epochs, --steps, --sample, --digits
# Options of the GUI (bpstudio.app), passed on to it rather than to the headless parser.
GUI_OPTIONS = ("--self-test-screenshot", "--self-test-training")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bpstudio",
        description="BP Studio: see backpropagation happen, step by step, with real numbers.",
        epilog="Run 'bpstudio' alone (or with a project file) to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"bpstudio {__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="{" + ",".join(HEADLESS_VERBS) + "}")
    _add_train(verbs)
    _add_derive(verbs)
    _add_export(verbs)
    from bpstudio.cli_exercise import add_exercise_parser

    add_exercise_parser(verbs, _positive_int, _non_negative_int)
    from bpstudio.cli_experiment import add_experiment_parser

    add_experiment_parser(verbs, _positive_int)
    return parser


def _add_train(verbs) -> None:
    p = verbs.add_parser("train", help="train a project headless and save the result")
    p.add_argument("project", help="a BP Studio project file (.json)")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--epochs", type=_positive_int, help="train this many epochs")
    length.add_argument("--steps", type=_positive_int, help="take this many optimiser steps")
    p.add_argument("--out", help="where to write the trained project (default: print only)")
    p.add_argument("--quiet", action="store_true", help="print only the final loss")
    _add_optimiser_options(p)


def _add_optimiser_options(p) -> None:
    """The project's training settings, changed for this run (and in --out): torch.optim's
    names and meanings (docs/project-format.md)."""
    group = p.add_argument_group(
        "optimiser", "change the project's optimiser for this run (and in --out)"
    )
    group.add_argument("--optimizer", choices=KINDS, help="sgd, rmsprop or adam")
    group.add_argument("--learning-rate", type=_number, help="the learning rate η")
    group.add_argument("--momentum", type=_number, help="momentum μ in [0, 1) (sgd, rmsprop)")
    group.add_argument(
        "--nesterov",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="Nesterov momentum (sgd)",
    )
    group.add_argument("--alpha", type=_number, help="the mean square's decay α (rmsprop)")
    group.add_argument("--epsilon", type=_number, help="ε added to the denominator (rmsprop, adam)")
    group.add_argument("--beta1", type=_number, help="the mean's decay β₁ (adam)")
    group.add_argument("--beta2", type=_number, help="the mean square's decay β₂ (adam)")
    group.add_argument("--weight-decay", type=_number, help="L2 weight decay λ, added to g")


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}")
    return value


def _add_derive(verbs) -> None:
    p = verbs.add_parser("derive", help="write the step-by-step derivation of one training step")
    p.add_argument("project", help="a BP Studio project file (.json)")
    p.add_argument(
        "--sample",
        type=_whole_number,
        default=None,
        help="walk this sample (counting from 1) with a plain update instead of the trainer's "
        "next step",
    )
    p.add_argument(
        "--row",
        type=_positive_int,
        default=1,
        help="the next step's steps 1-6 follow this row of its batch (counting from 1)",
    )
    p.add_argument("--digits", type=_positive_int, default=4, help="significant digits")
    p.add_argument(
        "--format",
        choices=("markdown", "latex", "html", "json"),
        default="markdown",
        help="the kind of document",
    )
    p.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the text")
    p.add_argument(
        "--expanded",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="end steps 3-6 with the seed's fully expanded line (default: on)",
    )
    p.add_argument(
        "--jacobian",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="write out the softmax Jacobian, and with cross-entropy steps 1 and 2 apart: why "
        "dE/dz = Y - label (default: off)",
    )
    p.add_argument("--out", help="write to this file instead of standard output")
    add_notation_option(p)
    p.add_argument(
        "--matrix",
        action="store_true",
        help="add the same step in matrices (weights stored inputs × outputs)",
    )


def _add_export(verbs) -> None:
    p = verbs.add_parser(
        "export", help="write the walkthrough as runnable NumPy or PyTorch code, or a notebook"
    )
    p.add_argument("project", help="a BP Studio project file (.json)")
    p.add_argument(
        "--to",
        choices=("numpy", "pytorch", "notebook"),
        required=True,
        help="a NumPy script, a PyTorch script, or a Jupyter notebook (NumPy, checked by PyTorch)",
    )
    p.add_argument("--out", help="write to this file instead of standard output")
    p.add_argument(
        "--steps",
        type=_steps,
        default=0,
        help="then train this many steps as BP Studio does and print the weights (default: 0)",
    )
    p.add_argument("--sample", type=_whole_number, default=1, help="which sample, counting from 1")
    p.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the comments")
    add_notation_option(p)


def _steps(text: str) -> int:
    value = _positive_int(text) if text.strip() != "0" else 0
    if value > MAX_EXPORT_STEPS:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_EXPORT_STEPS} steps, got {value}")
    return value


def _whole_number(text: str) -> int:
    """A whole number that fits the interface and NumPy (so a huge one is refused here)."""
    try:
        value = int(text) if len(text) <= 30 else None
    except ValueError:
        value = None
    if value is None:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text[:40]!r}")
    if abs(value) > MAX_COUNT_OPTION:
        raise argparse.ArgumentTypeError(f"expected a number up to {MAX_COUNT_OPTION}, got {value}")
    return value


def _non_negative_int(text: str) -> int:
    value = _whole_number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, got {value}")
    return value


def _positive_int(text: str) -> int:
    value = _whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui_option = argv and argv[0].split("=", 1)[0] in GUI_OPTIONS
    if argv and not gui_option and (argv[0] in HEADLESS_VERBS or argv[0].startswith("-")):
        with safe_streams():
            return _run_headless(argv)
    if argv and _looks_like_a_verb(argv[0]):
        with safe_streams():
            return _unknown_verb(argv[0])
    from bpstudio.app import run_gui

    return run_gui(argv)


def _run_headless(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.verb is None:
            build_parser().print_help()
            return 0
        apply_notation(args)
        module, function = VERBS[args.verb]
        return getattr(importlib.import_module(module), function)(args)
    except KeyboardInterrupt:  # before or after the work that stops cleanly on its own
        from bpstudio.i18n.cli_text import translate

        interrupted = translate("cli", "interrupted")
        print(f"bpstudio: {interrupted}", file=sys.stderr)
        return EXIT_INTERRUPTED


def _looks_like_a_verb(word: str) -> bool:
    """A word that is no file here and no path either: a command, mistyped."""
    if word.startswith("-") or os.path.exists(word):
        return False
    return not any(c in word for c in "./\\") and word.isprintable()


def _unknown_verb(word: str) -> int:
    from bpstudio.i18n.cli_text import translate

    close = difflib.get_close_matches(word, HEADLESS_VERBS, n=1, cutoff=0.5)
    if close:
        text = translate("cli", "unknown command '%s' (did you mean %s?)") % (word, close[0])
    else:
        text = translate(
            "cli", "unknown command '%s'; the commands are %s, or give a project file to open"
        ) % (word, ", ".join(HEADLESS_VERBS))
    print(f"bpstudio: {text}", file=sys.stderr)
    return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
