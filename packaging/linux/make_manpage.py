"""Write the manual page bpstudio(1) from the command line's own help.

    python packaging/linux/make_manpage.py OUT.1

build_deb.sh runs it with the build venv's Python (bpstudio installed there) and installs the
result, gzipped, as /usr/share/man/man1/bpstudio.1.gz. Everything on the page comes from the
argparse parsers (bpstudio.cli for the headless verbs, bpstudio.app for the window's options),
so a new verb or option appears in the manual without anyone editing it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bpstudio import __version__
from bpstudio.app import gui_parser
from bpstudio.cli import build_parser

SUMMARY = "see backpropagation happen, step by step, with real numbers"


def roff(text: str) -> str:
    """Plain text as roff: backslashes and hyphens escaped, no line starting a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line for line in text.splitlines()
    )


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        a
        for a in parser._actions  # argparse has no public list of a parser's arguments
        if a.help != argparse.SUPPRESS and not isinstance(a, argparse._SubParsersAction)
    ]


def _term(action: argparse.Action) -> str:
    """`.TP` term: bold option names with an italic value name, or an italic positional."""
    if not action.option_strings:
        return f"\\fI{roff(action.metavar or action.dest).upper()}\\fR"
    names = ", ".join(f"\\fB{roff(o)}\\fR" for o in action.option_strings)
    if action.nargs == 0:
        return names
    if action.choices:
        value = "|".join(str(c) for c in action.choices)
    else:
        value = action.metavar or action.dest.upper()
    return f"{names} \\fI{roff(value)}\\fR"


def _help(action: argparse.Action) -> str:
    text = action.help or ""
    if "%(default)" in text or action.default in (None, False, argparse.SUPPRESS):
        return text % {"default": action.default} if "%(" in text else text
    if action.option_strings and action.nargs != 0 and action.dest != "help":
        text += f" (default: {action.default})"
    return text.strip()


def _describe(parser: argparse.ArgumentParser, skip: set[str] = frozenset()) -> list[str]:
    lines = []
    for action in _options(parser):
        if skip & set(action.option_strings):
            continue
        lines += [".TP", _term(action), roff(_help(action))]
    return lines


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            return {name: (helps.get(name, ""), sub) for name, sub in action.choices.items()}
    return {}


def _usage(parser: argparse.ArgumentParser) -> str:
    usage = " ".join(parser.format_usage().split())  # one line, argparse's own wording
    return usage.removeprefix("usage: ")


def manpage() -> str:
    cli, gui = build_parser(), gui_parser()
    verbs = _subcommands(cli)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    date = time.strftime("%Y-%m-%d", time.gmtime(epoch))
    lines = [
        f'.TH BPSTUDIO 1 "{date}" "bpstudio {__version__}" "User Commands"',
        ".nh",  # no hyphenation: command and option names must read as typed
        ".SH NAME",
        f"bpstudio \\- {roff(SUMMARY)}",
        ".SH SYNOPSIS",
        ".nf",
        roff(_usage(gui)),
    ]
    lines += [roff(_usage(sub)) for _, sub in verbs.values()]
    lines += [
        ".fi",
        ".SH DESCRIPTION",
        roff(cli.description or ""),
        ".PP",
        roff(cli.epilog or ""),
        " and ".join(f"\\fBbpstudio {roff(v)}\\fR" for v in verbs)
        + " run without a window and never load Qt; bad input is reported on standard error"
        " with exit status 2.",
        ".SH OPTIONS",
        *_describe(gui),
        *_describe(cli, skip={"--help"}),  # one --help for both parsers
    ]
    for name, (summary, sub) in verbs.items():
        lines += [
            f'.SH "{roff(name.upper())} COMMAND"',
            roff(summary[:1].upper() + summary[1:]) + ".",
        ]
        lines += [".PP", ".nf", roff(_usage(sub)), ".fi", *_describe(sub, skip={"--help"})]
    lines += [
        ".SH ENVIRONMENT",
        ".TP",
        "\\fBLANG\\fR, \\fBLC_ALL\\fR",
        "The language of the window and of the text the commands write (English or Simplified"
        " Chinese), unless chosen otherwise.",
        ".SH SEE ALSO",
        "The project's README and documentation under /usr/share/doc/bpstudio.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    Path(argv[0]).write_text(manpage(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
