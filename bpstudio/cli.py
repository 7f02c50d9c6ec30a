"""`bpstudio`: the GUI by default; `bpstudio train`, `derive` and `export` run headless.

The headless verbs never import Qt, so they start fast and run where no display exists.
Bad input is reported on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bpstudio import __version__

EXIT_BAD_INPUT = 2
MAX_EXPORT_STEPS = 100_000  # bpstudio.render.code_spec.MAX_STEPS
HEADLESS_VERBS = ("train", "derive", "export")
# Options of the GUI (bpstudio.app), passed on to it rather than to the headless parser.
GUI_OPTIONS = ("--self-test-screenshot", "--self-test-training")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bpstudio",
        description="BP Studio: see backpropagation happen, step by step, with real numbers.",
        epilog="Run 'bpstudio' alone (or with a project file) to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"bpstudio {__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="{train,derive,export}")
    _add_train(verbs)
    _add_derive(verbs)
    _add_export(verbs)
    return parser


def _add_train(verbs) -> None:
    p = verbs.add_parser("train", help="train a project headless and save the result")
    p.add_argument("project", help="a BP Studio project file (.json)")
    length = p.add_mutually_exclusive_group()
    length.add_argument("--epochs", type=_positive_int, help="train this many epochs")
    length.add_argument("--steps", type=_positive_int, help="take this many optimiser steps")
    p.add_argument("--out", help="where to write the trained project (default: print only)")
    p.add_argument("--quiet", action="store_true", help="print only the final loss")


def _add_derive(verbs) -> None:
    p = verbs.add_parser("derive", help="write the step-by-step derivation of one training step")
    p.add_argument("project", help="a BP Studio project file (.json)")
    p.add_argument(
        "--sample",
        type=int,
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
    p.add_argument("--out", help="write to this file instead of standard output")


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
    p.add_argument("--sample", type=int, default=1, help="which sample, counting from 1")
    p.add_argument("--lang", choices=("en", "zh"), default=None, help="language of the comments")


def _steps(text: str) -> int:
    value = _positive_int(text) if text.strip() != "0" else 0
    if value > MAX_EXPORT_STEPS:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_EXPORT_STEPS} steps, got {value}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui_option = argv and argv[0].split("=", 1)[0] in GUI_OPTIONS
    if argv and not gui_option and (argv[0] in HEADLESS_VERBS or argv[0].startswith("-")):
        args = build_parser().parse_args(argv)
        if args.verb == "train":
            from bpstudio.cli_train import run_train

            return run_train(args)
        if args.verb == "derive":
            from bpstudio.cli_derive import run_derive

            return run_derive(args)
        if args.verb == "export":
            from bpstudio.cli_export import run_export

            return run_export(args)
        build_parser().print_help()
        return 0
    from bpstudio.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
