"""`bpstudio train PROJECT`: headless training with a progress bar or periodic loss lines."""

from __future__ import annotations

import sys
import time

from bpstudio.cli_text import translate
from bpstudio.model import DivergenceError, ProjectFileError, Trainer, load_project, save_project
from bpstudio.model.evaluation import evaluate
from bpstudio.views.model_messages import model_message  # no Qt: the .ts read by cli_text

EXIT_BAD_INPUT = 2
EXIT_DIVERGED = 3
DEFAULT_EPOCHS = 1000


def run_train(args) -> int:
    try:
        project = load_project(args.project)
        trainer = Trainer(
            project.network,
            project.dataset.training_set(),
            project.loss,
            project.training,
            project.history,
            project.steps_taken,
            state=project.optimiser,
        )
    except (ProjectFileError, ValueError) as exc:
        print(f"bpstudio train: {args.project}: {model_message(exc, translate)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    warn_unknown_fields(project, args.project)
    total = args.steps if args.steps else (args.epochs or DEFAULT_EPOCHS) * trainer.steps_per_epoch
    progress = Progress(total, quiet=args.quiet)
    status = 0
    try:
        for done in range(1, total + 1):
            result = trainer.step()
            progress.update(done, result.loss, trainer.epoch_count)
    except DivergenceError as exc:
        progress.finish()
        print(f"bpstudio train: {model_message(exc, translate)}", file=sys.stderr)
        status = EXIT_DIVERGED
    else:
        progress.finish()
    project.steps_taken = trainer.step_count
    project.optimiser = trainer.optimiser_state()  # so a later run continues exactly
    final = trainer.dataset_loss()
    summary = translate("cli", "steps %d  epochs %d  loss %s")
    print(summary % (trainer.step_count, trainer.epoch_count, f"{final:.6g}"))
    print_evaluation(project)
    if args.out:
        try:
            save_project(project, args.out)
        except OSError as exc:
            cannot = translate("cli", "cannot write %s: %s") % (args.out, exc)
            print(f"bpstudio train: {cannot}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(translate("cli", "wrote %s") % args.out)
    return status


def warn_unknown_fields(project, path) -> None:
    """Name each field of the file that BP Studio does not know (a typo, a newer field)."""
    if project.unknown_fields:
        line = translate("cli", "warning: %s: fields this version does not know, ignored: %s")
        print(line % (path, ", ".join(project.unknown_fields)), file=sys.stderr)


def print_evaluation(project) -> None:
    """Test loss (with a split) and accuracy (classification), each on its own line."""
    result = evaluate(project.network, project.dataset, project.loss)
    if project.dataset.has_test_split:
        n_test = len(project.dataset.test_indices())
        line = translate("cli", "test loss %s  (%d held-out samples)")
        print(line % (f"{result.test_loss:.6g}", n_test))
    if result.is_classification:
        line = translate("cli", "accuracy train %s") % f"{result.train_accuracy:.1%}"
        if result.test_accuracy == result.test_accuracy:
            line += translate("cli", "  test %s") % f"{result.test_accuracy:.1%}"
        print(line)


class Progress:
    """A progress bar on a terminal; a loss line every few seconds otherwise."""

    BAR_WIDTH = 30
    LINE_INTERVAL_S = 2.0
    BAR_INTERVAL_S = 0.1

    def __init__(self, total: int, quiet: bool = False, stream=None) -> None:
        self.total = total
        self.quiet = quiet
        self.stream = stream or sys.stdout
        self.is_tty = self.stream.isatty()
        self._last = 0.0
        self._drawn = False

    def update(self, done: int, loss: float, epochs: int) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        interval = self.BAR_INTERVAL_S if self.is_tty else self.LINE_INTERVAL_S
        if now - self._last < interval and done != self.total:
            return
        self._last = now
        if self.is_tty:
            filled = int(self.BAR_WIDTH * done / self.total)
            bar = "#" * filled + "-" * (self.BAR_WIDTH - filled)
            line = translate("cli", "%d/%d steps  loss %s") % (done, self.total, f"{loss:.6g}")
            self.stream.write(f"\r[{bar}] {line}")
            self._drawn = True
        else:
            line = translate("cli", "step %d/%d  epoch %d  loss %s")
            self.stream.write(line % (done, self.total, epochs, f"{loss:.6g}") + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()
