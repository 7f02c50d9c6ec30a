"""`bpstudio train PROJECT`: headless training with a progress bar or periodic loss lines."""

from __future__ import annotations

import sys
import time

from bpstudio.cli_streams import EXIT_INTERRUPTED, Interrupts, bad_input
from bpstudio.i18n.cli_text import translate
from bpstudio.i18n.model_messages import model_message  # no Qt: the .ts read by cli_text
from bpstudio.model import DivergenceError, ProjectFileError, Trainer, load_project, save_project
from bpstudio.model.evaluation import evaluate
from bpstudio.model.safe_files import FileWriteError, check_target

EXIT_DIVERGED = 3
DEFAULT_EPOCHS = 1000
# How long one run of steps may take before the progress is shown and Ctrl+C is looked at.
RUN_SECONDS = 0.1


def run_train(args) -> int:
    if args.out is not None:  # a bad --out is reported now, not after the whole run
        try:
            check_target(args.out, source=None)
        except FileWriteError as exc:
            return bad_input("train", model_message(exc, translate))
    try:
        project = load_project(args.project)
    except (ProjectFileError, ValueError) as exc:
        return bad_input("train", f"{args.project}: {model_message(exc, translate)}")
    try:
        project.training = project.training.with_changes(**optimiser_options(args))
    except ValueError as exc:  # a setting out of its range, named in words
        return bad_input("train", model_message(exc, translate))
    try:
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
        return bad_input("train", f"{args.project}: {model_message(exc, translate)}")
    warn_unknown_fields(project, args.project)
    total = args.steps if args.steps else (args.epochs or DEFAULT_EPOCHS) * trainer.steps_per_epoch
    # Ctrl+C from here on is a request: training stops between two steps, and the summary and
    # --out are still written (a second Ctrl+C during the save does not cut it short).
    with Interrupts() as interrupts:
        status = _train(trainer, total, Progress(total, quiet=args.quiet), interrupts)
        return _finish(args, project, trainer, status)


# The TrainingConfig fields that `bpstudio train` takes as options (cli.py, same names).
OPTIMISER_OPTIONS = ("optimizer", "learning_rate", "momentum", "nesterov", "alpha", "epsilon",
                     "beta1", "beta2", "weight_decay")  # fmt: skip


def optimiser_options(args) -> dict:
    """The training settings given on the command line (the others stay the project's)."""
    given = {name: getattr(args, name, None) for name in OPTIMISER_OPTIONS}
    return {name: value for name, value in given.items() if value is not None}


def _finish(args, project, trainer: Trainer, status: int) -> int:
    project.steps_taken = trainer.step_count
    project.optimiser = trainer.optimiser_state()  # so a later run continues exactly
    final = trainer.dataset_loss()
    summary = translate("cli", "steps %d  epochs %d  loss %s")
    print(summary % (trainer.step_count, trainer.epoch_count, f"{final:.6g}"))
    print_evaluation(project)
    if args.out is not None:
        try:
            save_project(project, args.out)
        except FileWriteError as exc:
            return bad_input("train", model_message(exc, translate))
        if status == EXIT_INTERRUPTED:
            done = translate("cli", "wrote %s with the %d steps done before the interruption")
            print(done % (args.out, trainer.step_count), file=sys.stderr)
        else:
            print(translate("cli", "wrote %s") % args.out)
    return status


def warn_unknown_fields(project, path) -> None:
    """Name each field of the file that BP Studio does not know (a typo, a newer field)."""
    if project.unknown_fields:
        line = translate("cli", "warning: %s: fields this version does not know, ignored: %s")
        print(line % (path, ", ".join(project.unknown_fields)), file=sys.stderr)


def _train(trainer: Trainer, total: int, progress: Progress, interrupts: Interrupts) -> int:
    """Take ``total`` steps in runs of at most RUN_SECONDS (the engine's own loop, not a call
    per step); Ctrl+C stops between two runs, so at a step boundary (a state that resumes
    exactly: the kernel does not depend on where a run is cut)."""
    done = 0
    try:
        while done < total and not interrupts.requested:
            run = trainer.steps(total - done, deadline=time.perf_counter() + RUN_SECONDS)
            done += run.taken
            progress.update(done, run.last_loss, trainer.epoch_count)
    except DivergenceError as exc:
        progress.finish()
        print(f"bpstudio train: {model_message(exc, translate)}", file=sys.stderr)
        return EXIT_DIVERGED
    progress.finish()
    if interrupts.requested and done < total:
        stopped = translate("cli", "interrupted after %d of %d steps") % (done, total)
        print(f"bpstudio train: {stopped}", file=sys.stderr)
        return EXIT_INTERRUPTED
    return 0


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
    """A tqdm progress bar on a terminal; a loss line every few seconds otherwise."""

    LINE_INTERVAL_S = 2.0

    def __init__(self, total: int, quiet: bool = False, stream=None) -> None:
        self.total = total
        self.quiet = quiet
        self.stream = stream or sys.stdout
        self.is_tty = self.stream.isatty()
        self._last = 0.0
        self._bar = None
        if self.is_tty and not quiet:
            from tqdm import tqdm

            unit = translate("cli", "steps")
            self._bar = tqdm(total=total, unit=f" {unit}", file=self.stream, mininterval=0.1,
                             dynamic_ncols=True, leave=True)  # fmt: skip

    def update(self, done: int, loss: float, epochs: int) -> None:
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.set_postfix_str(translate("cli", "loss %s") % f"{loss:.6g}", refresh=False)
            self._bar.update(done - self._bar.n)
            return
        now = time.monotonic()
        if now - self._last < self.LINE_INTERVAL_S and done != self.total:
            return
        self._last = now
        line = translate("cli", "step %d/%d  epoch %d  loss %s")
        self.stream.write(line % (done, self.total, epochs, f"{loss:.6g}") + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
