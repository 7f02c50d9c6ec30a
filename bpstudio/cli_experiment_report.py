"""The report of `bpstudio experiment`: Markdown (a table and a small summary of each loss
curve) or CSV (one row per run, for a spreadsheet).  The Markdown is in the user's language;
the CSV's column names stay English (they are names for programs)."""

from __future__ import annotations

import csv
import io
import math

import numpy as np

from bpstudio.i18n.cli_text import translate
from bpstudio.model.experiment import Plan, value_text
from bpstudio.model.runs import KeptRun, loss_at, summary_epochs

SPARK_LEVELS = "▁▂▃▄▅▆▇█"
SPARK_WIDTH = 24
DASH = "–"
CSV_COLUMNS = ("run", "epochs", "final_loss", "final_accuracy", "converged_epoch", "diverged")


def markdown_report(project_name: str, plan: Plan, runs: list[KeptRun], share: float) -> str:
    values = ", ".join(value_text(v) for v in plan.values)
    lines = [
        "# " + translate("cli", "Experiment: %s = %s") % (plan.setting, values),
        "",
        translate("cli", "Project: %s. %d epochs each, from the project's weights; every other "
                  "setting (the seeds too) as the project has it.") % (project_name, plan.epochs),
        "",
        *_results_table(runs, share),
        "",
        translate("cli", "Converged: the first epoch whose mean loss is below %s of the first "
                  "epoch's.") % f"{share:.0%}",
        "",
        "## " + translate("cli", "Loss curves"),
        "",
        *_curve_table(runs, plan.epochs),
    ]  # fmt: skip
    return "\n".join(lines) + "\n"


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def _results_table(runs: list[KeptRun], share: float) -> list[str]:
    head = [translate("cli", "run"), translate("cli", "final loss"),
            translate("cli", "final accuracy"), translate("cli", "converged at epoch")]  # fmt: skip
    lines = [_row(head), _row(["---", "--:", "--:", "--:"])]
    for run in runs:
        cells = [_escaped(run.name), _loss(run.final_loss), _percent(run.final_accuracy),
                 _converged(run, share)]  # fmt: skip
        lines.append(_row(cells))
    return lines


def _curve_table(runs: list[KeptRun], epochs: int) -> list[str]:
    at = summary_epochs(epochs)
    head = [translate("cli", "run")] + [translate("cli", "epoch %d") % e for e in at]
    head.append(translate("cli", "curve (log scale)"))
    lines = [_row(head), _row(["---"] + ["--:"] * len(at) + ["---"])]
    spark_range = _log_range(runs)
    for run in runs:
        cells = [_escaped(run.name), *(_loss(v) for v in loss_at(run, at))]
        lines.append(_row([*cells, sparkline(run, spark_range)]))
    return lines


def _log_range(runs: list[KeptRun]) -> tuple[float, float]:
    """The smallest and largest log10 loss of all the runs' curves (one scale for all)."""
    logs = [np.log10(r.curve.view()[r.curve.view() > 0]) for r in runs]
    logs = [v[np.isfinite(v)] for v in logs if len(v)]
    if not any(len(v) for v in logs):
        return 0.0, 0.0
    return min(float(v.min()) for v in logs if len(v)), max(float(v.max()) for v in logs if len(v))


def sparkline(run: KeptRun, log_range: tuple[float, float], width: int = SPARK_WIDTH) -> str:
    """The curve in ``width`` block characters, higher for a larger loss (log scale)."""
    at = summary_epochs(run.epochs, width)
    values = loss_at(run, at)
    low, high = log_range
    span = high - low or 1.0
    chars = []
    for value in values:
        if not (value > 0 and math.isfinite(value)):
            chars.append(" ")
            continue
        level = (math.log10(value) - low) / span * (len(SPARK_LEVELS) - 1)
        chars.append(SPARK_LEVELS[round(min(max(level, 0), len(SPARK_LEVELS) - 1))])
    return "`" + "".join(chars) + "`" if chars else DASH


def csv_report(runs: list[KeptRun], share: float) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for run in runs:
        converged = run.converged_epoch(share)
        writer.writerow([
            run.name, run.epochs, _number(run.final_loss), _number(run.final_accuracy),
            "" if converged is None else converged, "yes" if run.diverged else "no",
        ])  # fmt: skip
    return out.getvalue()


def _number(value: float) -> str:
    return "" if math.isnan(value) else repr(float(value))


def _loss(value: float) -> str:
    return DASH if math.isnan(value) else f"{value:.4g}"


def _percent(value: float) -> str:
    return DASH if math.isnan(value) else f"{value:.1%}"


def _converged(run: KeptRun, share: float) -> str:
    if run.diverged:
        return translate("cli", "diverged")
    epoch = run.converged_epoch(share)
    return DASH if epoch is None else str(epoch)


def _escaped(text: str) -> str:
    return text.replace("|", "\\|")
