"""`bpstudio experiment PROJECT --vary SETTING=V1,V2,... --epochs N [--out F] [--share S]`.

Trains one run per value of one setting, everything else (the seeds too) as the project has it,
each from the project's own weights, and reports the final loss, the final accuracy and the
epoch each run converged at (model/experiment.py, model/runs.py): a Markdown table with a small
summary of each curve on standard output or in ``--out report.md``, or CSV in ``--out
report.csv``.  A progress bar on standard error while it trains; Ctrl+C stops between two runs
of the engine and reports the variants finished.  Headless: never imports Qt.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from bpstudio.cli_experiment_report import csv_report, markdown_report
from bpstudio.cli_streams import EXIT_INTERRUPTED, Interrupts, bad_input, deliver_text
from bpstudio.cli_train import warn_unknown_fields
from bpstudio.i18n.cli_text import translate
from bpstudio.i18n.model_messages import model_message  # no Qt: the .ts read by cli_text
from bpstudio.model import ProjectFileError, load_project
from bpstudio.model.experiment import SETTINGS, Plan, parse_values, run_experiment
from bpstudio.model.messages import ModelError
from bpstudio.model.runs import DEFAULT_SHARE
from bpstudio.model.safe_files import FileWriteError, check_target

DEFAULT_EPOCHS = 1000
REPORT_KINDS = {".md": "markdown", ".markdown": "markdown", ".csv": "csv"}


def add_experiment_parser(verbs, positive_int) -> None:
    p = verbs.add_parser(
        "experiment",
        help="train one run per value of a setting and compare their losses and convergence",
    )
    p.add_argument("project", help="a BP Studio project file (.json)")
    p.add_argument(
        "--vary",
        required=True,
        metavar="SETTING=V1,V2,...",
        help=f"the setting and its values, e.g. learning_rate=0.1,0.5,2 ({', '.join(SETTINGS)})",
    )
    p.add_argument(
        "--epochs", type=positive_int, default=DEFAULT_EPOCHS, help="epochs per run (default 1000)"
    )
    p.add_argument("--out", help="write the report here: .md (Markdown) or .csv")
    p.add_argument(
        "--share",
        type=_share,
        default=DEFAULT_SHARE,
        help="converged: the first epoch whose loss is below this share of the first epoch's "
        "(default 0.1)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {text[:40]!r}")
    return value


def run_experiment_verb(args) -> int:
    kind = _report_kind(args.out)
    if kind is None:
        wrong = translate("cli", "--out %s: give a .md (Markdown) or .csv file")
        return bad_input("experiment", wrong % args.out)
    if args.out is not None:  # a bad --out is reported now, not after the whole run
        try:
            check_target(args.out, source=args.project)
        except FileWriteError as exc:
            return bad_input("experiment", model_message(exc, translate))
    try:
        plan = _plan(args.vary, args.epochs)
    except ModelError as exc:
        return bad_input("experiment", f"--vary: {model_message(exc, translate)}")
    except ValueError as exc:
        return bad_input("experiment", str(exc))
    try:
        project = load_project(args.project)
        return _run(args, project, plan, kind)
    except (ProjectFileError, ModelError) as exc:
        return bad_input("experiment", f"{args.project}: {model_message(exc, translate)}")


def _report_kind(out: str | None) -> str | None:
    if out is None:
        return "markdown"
    return REPORT_KINDS.get(Path(out).suffix.lower())


def _plan(vary: str, epochs: int) -> Plan:
    setting, equals, values = vary.partition("=")
    if not equals:
        example = "learning_rate=0.1,0.5,2"
        text = translate("cli", "--vary expects SETTING=VALUE,VALUE,... (e.g. %s), got '%s'")
        raise ValueError(text % (example, vary))
    setting = setting.strip()
    return Plan(setting, parse_values(setting, values.split(",")), epochs)


def _run(args, project, plan: Plan, kind: str) -> int:
    warn_unknown_fields(project, args.project)
    progress = ExperimentProgress(quiet=args.quiet)
    with Interrupts() as interrupts:
        try:
            runs = run_experiment(
                project, plan, None, progress.update, lambda: interrupts.requested
            )
        finally:
            progress.finish()
    if kind == "csv":
        text = csv_report(runs, args.share)
    else:
        text = markdown_report(project.name, plan, runs, args.share)
    status = deliver_text("experiment", text, args.out, args.project)
    if len(runs) < len(plan.values):
        stopped = translate("cli", "interrupted after %d of %d runs") % (
            len(runs),
            len(plan.values),
        )
        print(f"bpstudio experiment: {stopped}", file=sys.stderr)
        return EXIT_INTERRUPTED
    return status


class ExperimentProgress:
    """A tqdm bar on standard error when it is a terminal (the report goes to stdout)."""

    def __init__(self, quiet: bool = False, stream=None) -> None:
        self.stream = stream or sys.stderr
        self._bar = None
        self._show = not quiet and self.stream.isatty()

    def update(self, done: int, total: int) -> None:
        if not self._show:
            return
        if self._bar is None:
            from tqdm import tqdm

            unit = translate("cli", "steps")
            self._bar = tqdm(total=total, unit=f" {unit}", file=self.stream, mininterval=0.1,
                             dynamic_ncols=True, leave=True)  # fmt: skip
        self._bar.update(done - self._bar.n)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
