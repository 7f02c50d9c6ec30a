"""``--notation NAME`` for ``derive``, ``export`` and ``exercise``: the preset every symbol of
the command's output is written in (the same presets as View ▸ Notation)."""

from __future__ import annotations

import argparse


def notation_name(text: str) -> str:
    """A preset's name, checked when the command line is read (a clear message, exit 2)."""
    from bpstudio.model import notation

    try:
        notation.get(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def add_notation_option(parser) -> None:
    parser.add_argument(
        "--notation",
        type=notation_name,
        default=None,
        metavar="NAME",
        help="the symbols to write in: seed (default), mazur, cs231n, qiu, zhou, or a "
        "teacher's own file's name (see docs/notations.md)",
    )


def apply_notation(args) -> None:
    """Make the chosen preset the one this process writes in."""
    name = getattr(args, "notation", None)
    if name:
        from bpstudio.model import notation

        notation.choose(name)
