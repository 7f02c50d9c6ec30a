"""Retake the README's screenshots from the real app, in a real X11 window (Xvfb).

    python scripts/screenshots.py [--only NAME ...] [--out docs/images] [--list]

Every screenshot is one row of the table ``shots()``: the file name the README uses, the
window's size (or the app's own first placement on a screen of a given size), the interface
language, and the steps that bring the window into the state the README's caption describes.
Each is taken by a fresh app (``bpstudio.app.run_gui``, the real start) in a child process
with a fresh user's settings, on an Xvfb screen of its own size that this script starts; the
steps act through the app's own objects (actions found by objectName, its panels' controls)
and wait on signals or conditions, never on a clock, returning to the event loop at each wait
as a user's next move would; the PNG is what the X server shows (``QScreen.grabWindow``).
Training is seeded and runs until an epoch count, so the pictures are reproducible.

``--only`` takes names (a file's path under ``--out`` without ``.png``) or shell patterns:
``--only 'first-minutes/zh-*' walkthrough-step2``.  The exercise sheets are the first page of
``bpstudio exercise --format latex``, compiled with xelatex and rasterised with pdftoppm.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "images"
BIG_SCREEN = (1920, 1200)  # room for every window size below, placed at the top left
CHILD_TIMEOUT_S = 300  # one screenshot, start to exit, on a busy machine
# One condition inside a child (a training run to 3000 epochs, say); the environment may say less.
WAIT_TIMEOUT_S = float(os.environ.get("SHOTS_WAIT_TIMEOUT_S", "120"))
POLL_MS = 25
Steps = Iterator["Wait"]  # a step that waits yields what for, and goes on when it is over
LOCALES = {"en": "C.UTF-8", "zh": "zh_CN.UTF-8"}


# --- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shot:
    name: str  # the PNG's path under --out, without .png
    lang: str = "en"
    steps: tuple = ()  # (function, *arguments): run in order on the window
    window: tuple[int, int] | None = (1440, 900)  # None: where and how big the app places it
    screen: tuple[int, int] = BIG_SCREEN
    grab: str = "window"  # "window", "screen", "dock:NAME" or "widget:NAME" (an objectName)
    running: bool = False  # training still runs when the picture is taken: never settles


@dataclass(frozen=True)
class Sheet:
    """A page of a document the app writes, not a window: ``bpstudio exercise``'s first sheet."""

    name: str
    lang: str
    pdf_dpi: int = 70  # A4 at 70 dpi: 579 x 819 pixels, the README's column


def step(function: Callable, *arguments) -> tuple:
    return (function, *arguments)


def shots() -> list[Shot | Sheet]:
    """Every screenshot the README shows, in README order."""
    # The functions named here are defined below; the table reads first.
    return [
        Shot("walkthrough-step2", window=(1500, 950), steps=(step(walk_to, "backward.2", 0),)),
        Shot(
            "walkthrough-momentum",
            steps=(
                step(open_example, "xor"),
                step(set_training, "momentum_box", 0.5),
                step(take_steps, 3),
                step(walk_to, "update.7", 0),
            ),
        ),
        *[
            Shot(
                f"adam-update{suffix}",
                lang=lang,
                window=None,
                screen=(1280, 720),
                grab="screen",
                steps=ADAM_UPDATE,
            )
            for lang, suffix in (("en", ""), ("zh", "-zh"))
        ],
        Shot("walkthrough-step6", window=(1500, 950), steps=(step(walk_to, "backward.6", 0),)),
        Shot(
            "walkthrough-notation-qiu-matrix-zh",
            lang="zh",
            steps=(
                step(choose_notation, "qiu"),
                step(show_matrix_view),
                step(walk_to, "backward.5", 0),
                step(scroll_card_to_matrices),
            ),
        ),
        *[
            Shot(f"practice-mistake{suffix}", lang=lang, steps=PRACTICE_MISTAKE)
            for lang, suffix in (("en", ""), ("zh", "-zh"))
        ],
        *[
            Shot(f"practice-faded{suffix}", lang=lang, steps=PRACTICE_FADED)
            for lang, suffix in (("en", ""), ("zh", "-zh"))
        ],
        Sheet("exercise-sheet", "en"),
        Sheet("exercise-sheet-zh", "zh"),
        Shot("training-dock", grab="dock:trainingPanel", steps=TRAINING_DOCK),
        Shot(
            "training-xor",
            window=(1500, 950),
            running=True,
            steps=(
                step(open_example, "xor"),
                step(train_to_epoch, 870),
                step(status_bar_clear),  # "Stopped: reached the epoch limit" times out
                step(play_until_epoch, 872),
            ),
        ),
        Shot(
            "experiment-activations",
            window=None,
            screen=(1280, 720),
            grab="screen",
            steps=EXPERIMENT_ACTIVATIONS,
        ),
        Shot(
            "paths-seed-w11",
            window=(1280, 720),
            steps=(
                step(walk_to, "backward.6", 0),
                step(raise_dock, "pathPanel"),
                step(paths_shown),
            ),
        ),
        Shot(
            "hidden-space-xor-before",
            window=(1280, 720),
            steps=(step(open_example, "xor"), step(raise_dock, "hiddenSpacePlot")),
        ),
        Shot(
            "hidden-space-xor-after",
            window=(1280, 720),
            steps=(
                step(open_example, "xor"),
                step(raise_dock, "hiddenSpacePlot"),
                step(train_to_epoch, 3000),
            ),
        ),
        Shot(
            "decision-boundary-spirals",
            grab="widget:decisionBoundaryWidget",
            steps=(
                step(open_example, "spirals"),
                step(train_to_epoch, 1500),
                step(float_dock, "decisionBoundary", "decisionBoundaryWidget", (720, 520)),
            ),
        ),
        Shot(
            "decision-boundary-circle",
            grab="widget:decisionBoundaryWidget",
            steps=(
                step(open_example, "xor"),
                step(use_builtin_data, "circle", 20),
                step(add_units, 2, 2),
                step(set_training, "learning_rate_box", 0.5),
                step(set_training, "batch_size_box", 10),
                step(train_to_epoch, 300),
                step(float_dock, "decisionBoundary", "decisionBoundaryWidget", (720, 520)),
            ),
        ),
        Shot("main-window-zh", lang="zh", steps=(step(walk_to, "backward.2", 1),)),
        Shot(
            "walkthrough-zh",
            lang="zh",
            grab="dock:derivationPanel",
            steps=(step(walk_to, "backward.6", 1),),
        ),
        *first_minutes(),
    ]


def first_minutes() -> list[Shot]:
    """The README's table: a first-time user's window on two screens, in both languages."""
    table = []
    for screen in ((1280, 720), (1600, 1000)):
        for lang in ("en", "zh"):
            prefix = f"first-minutes/{lang}-{screen[0]}x{screen[1]}"
            common = {"lang": lang, "window": None, "screen": screen, "grab": "screen"}
            table += [
                Shot(  # every child starts as a new user: the first start's offer
                    f"{prefix}-getting-started",
                    steps=(step(offer_getting_started),),
                    **common,
                ),
                Shot(f"{prefix}-first-card", **common),
                # "XOR after 12 s of training at the default pace": 20 steps/s, 240 steps.
                Shot(
                    f"{prefix}-xor-training",
                    running=True,
                    steps=(step(open_example, "xor"), step(play_until_epoch, 240)),
                    **common,
                ),
            ]
    return table


# --- the steps (each acts on a Driver, as a user would, and waits until the app has done it) ----


def open_example(d: Driver, name: str) -> Steps:
    """File ▸ New from example ▸ NAME."""
    menu = d.find("menuExamples")
    action = next(a for a in menu.actions() if a.data() == name)
    action.trigger()
    yield d.until(lambda: d.window.document.project.dataset is not None, f"example {name}")
    yield d.walkthrough_ready()


def walk_to(d: Driver, section: str, offset: int) -> Steps:
    """Press → until the walkthrough shows formula ``offset`` of ``section`` (its id)."""
    yield d.walkthrough_ready()
    found = next(s for s in d.cursor.derivation.sections if s.id == section)
    yield from press_to(d, found.first + offset)


def walk_to_value(d: Driver, quantity: str, layer: int, indices: tuple[int, ...]) -> Steps:
    """Press → until the walkthrough shows the formula that computes ``quantity`` (``w_new``,
    ``dE/dz``, ...) of the unit or edge ``indices`` in ``layer``."""
    yield d.walkthrough_ready()
    target = next(
        s.index
        for s in d.cursor.steps
        if s.quantity == quantity and s.layer == layer and tuple(s.indices) == indices
    )
    yield from press_to(d, target)


def press_to(d: Driver, target: int) -> Steps:
    cursor = d.cursor
    back, forward = d.action("actionPreviousStep"), d.action("actionNextStep")
    while cursor.index != target:
        (forward if cursor.index < target else back).trigger()
        yield d.turn()  # a student's next key press comes in a later turn of the event loop
    yield d.until(lambda: d.card_shows(target), f"formula {target + 1} on the card")


def choose_optimiser(d: Driver, kind: str) -> None:
    """The Training dock's optimiser chooser (``sgd``, ``rmsprop``, ``adam``), as picked."""
    box = d.find("trainingOptimizer")
    index = box.findData(kind)
    box.setCurrentIndex(index)
    box.activated.emit(index)  # what a pick from its list sends


def close_dock(d: Driver, name: str) -> Steps:
    """View ▸ the dock's entry, unticked."""
    dock = d.window.docks[name]
    if dock.isVisible():
        dock.toggleViewAction().trigger()
    yield d.until(lambda: not dock.isVisible(), f"the {name} dock closed")


def set_training(d: Driver, box: str, value) -> None:
    """Type ``value`` into one of the Training dock's boxes (an undoable edit)."""
    getattr(d.training_panel, box).setValue(value)


def take_steps(d: Driver, count: int) -> Steps:
    """Training ▸ Step, ``count`` times."""
    for _ in range(count):
        before = d.window.document.project.steps_taken
        d.training_panel.step_action.trigger()
        yield d.until(
            lambda b=before: d.window.document.project.steps_taken > b and not d.controller_busy(),
            "one training step",
        )
    yield d.walkthrough_ready()


def train_to_epoch(d: Driver, epochs: int) -> Steps:
    """Flat out with "Stop after epochs" at ``epochs``; then no limit and the default pace
    again, as a user would leave it."""
    panel = d.training_panel
    panel.max_epochs_box.setValue(epochs)
    panel.flat_out_button.setChecked(True)
    panel.play_action.trigger()
    yield d.until(
        lambda: not d.controller_busy() and d.epochs_done() >= epochs,
        f"training to epoch {epochs}",
    )
    panel.max_epochs_box.setValue(0)
    panel.flat_out_button.setChecked(False)
    yield d.walkthrough_ready()


def play_until_epoch(d: Driver, epochs: int) -> Steps:
    """Play at the pace on the slider until the trainer reports epoch ``epochs``."""
    controller = d.controller
    d.training_panel.play_action.trigger()
    yield d.signal(
        controller.snapshotReady,
        lambda: (s := controller.latest_snapshot) is not None and s.epoch_count >= epochs,
        f"training at the set pace to epoch {epochs}",
    )
    # and one more snapshot, so that the window has painted the one that got there
    yield d.signal(controller.snapshotReady, None, "the next snapshot")


def status_bar_clear(d: Driver) -> Steps:
    bar = d.window.statusBar()
    yield d.until(lambda: not bar.currentMessage(), "the status bar's message to time out")


def run_experiment(d: Driver, setting: str, values: str, epochs: int) -> Steps:
    """Training ▸ Experiment…: one setting, several values, Run, then Keep as runs."""
    from PySide6.QtWidgets import QDialog

    d.action("actionExperiment").trigger()
    yield d.until(
        lambda: (found := d.window.findChild(QDialog, "experimentDialog")) and found.isVisible(),
        "the Experiment dialog",
    )
    dialog = d.window.findChild(QDialog, "experimentDialog")

    def part(name: str):
        from PySide6.QtCore import QObject

        return dialog.findChild(QObject, name)

    box = part("experimentSetting")
    box.setCurrentIndex(box.findData(setting))
    part("experimentValues").setText(values)
    part("experimentEpochs").setValue(epochs)
    part("experimentRun").click()
    keep = part("experimentKeep")
    yield d.until(lambda: not dialog.job.running and keep.isEnabled(), "the experiment's runs")
    keep.click()
    yield d.until(lambda: not keep.isEnabled(), "the runs kept")
    dialog.close()
    yield d.until(lambda: not dialog.isVisible(), "the dialog closed")


def tick_runs(d: Driver) -> Steps:
    """Tick every run in the Runs dock (a click on each check box): drawn on the Loss plot."""
    from PySide6.QtCore import Qt

    model = d.find("runsTable").model()
    for row in range(model.rowCount()):
        model.setData(model.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    yield d.until(lambda: len(model.overlaid_runs()) == model.rowCount(), "the runs ticked")


def bottom_docks_height(d: Driver, height: int) -> Steps:
    """Drag the splitter above the Training and Loss docks up, to ``height`` or as far as the
    docks above let it go."""
    from PySide6.QtCore import Qt

    docks = [d.window.docks["trainingPanel"], d.window.docks["lossPlot"]]
    before = docks[1].height()
    d.window.resizeDocks(docks, [height, height], Qt.Orientation.Vertical)
    yield d.until(lambda: docks[1].height() > before, "the bottom docks taller")


def loss_plot_options(d: Driver, series: str, log_scale: bool) -> None:
    """The Loss dock's series ("steps" or "epochs") and its log scale, as a user sets them."""
    bar = d.window.learning.loss_plot.toolbar
    index = bar.series_box.findData(series)
    bar.series_box.setCurrentIndex(index)
    bar.log_box.setChecked(log_scale)


def choose_notation(d: Driver, name: str) -> Steps:
    """View ▸ Notation ▸ NAME."""
    d.action(f"actionNotation_{name}").trigger()
    yield d.walkthrough_ready()


def show_matrix_view(d: Driver) -> None:
    """The walkthrough card's "Matrix view" toggle."""
    toggle = d.find("stepMatrixToggle")
    if not toggle.isChecked():
        toggle.click()


def scroll_card_to_matrices(d: Driver) -> Steps:
    """Scroll the card down to the matrix view's note and formulas."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    body = d.find("stepMatrixBody")
    area = body.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    yield d.until(lambda: body.isVisible() and body.height() > 0, "the matrices")
    area.verticalScrollBar().setValue(body.mapTo(area.widget(), QPoint(0, 0)).y())


def raise_dock(d: Driver, name: str) -> Steps:
    """Bring a dock to the front of its tab group (a click on its tab)."""
    d.window.finish_startup()
    dock = d.window.docks[name]
    dock.show()
    dock.raise_()
    yield d.until(lambda: not dock.visibleRegion().isEmpty(), f"the {name} dock in front")


def paths_shown(d: Driver) -> Steps:
    table = d.find("pathTable")
    yield d.until(lambda: table.rowCount() > 0, "the path explorer's terms")


def float_dock(d: Driver, dock_name: str, widget_name: str, size: tuple[int, int]) -> Steps:
    """Undock a panel and size it so that ``widget_name`` inside is ``size`` pixels."""
    dock = d.window.docks[dock_name]
    dock.show()
    dock.raise_()
    dock.setFloating(True)
    widget = d.find(widget_name)
    dock.move(0, 0)
    for _ in range(3):  # the frame around the widget is known only once laid out
        extra_w, extra_h = dock.width() - widget.width(), dock.height() - widget.height()
        dock.resize(size[0] + extra_w, size[1] + extra_h)
        yield d.until(lambda: dock.isVisible(), "the floating dock")
        yield d.turn()
        if (widget.width(), widget.height()) == size:
            break
    d.grab_target = widget


def use_builtin_data(d: Driver, name: str, test_percent: int) -> Steps:
    """The Data dock: a built-in set, generated from its seed, and a held-out share."""
    d.window.finish_startup()
    box = d.find("builtinDataBox")
    box.setCurrentIndex(box.findData(name))
    d.find("regenerateButton").click()
    yield d.until(lambda: d.window.document.project.dataset.n_samples > 4, f"the {name} data")
    d.find("testShareBox").setValue(test_percent)
    yield d.walkthrough_ready()


def add_units(d: Driver, layer: int, count: int) -> Steps:
    """Right-click a layer ▸ Add unit, ``count`` times (the document's edit the menu makes)."""
    for _ in range(count):
        d.window.document.add_unit(layer)
    yield d.walkthrough_ready()


def offer_getting_started(d: Driver) -> Steps:
    """What a first start shows: Getting started, beside the window."""
    from bpstudio.views.window import getting_started

    dialog = getting_started.offer_on_first_start(d.window)
    assert dialog is not None, "Getting started was seen already: not a first start"
    yield d.until(lambda: dialog.windowHandle() and dialog.windowHandle().isExposed(), "the tour")


def practise(d: Driver, level: str | int) -> Steps:
    """Walkthrough ▸ Practice, computing ``level`` sections ("everything" or a number)."""
    session = d.practice
    practice = d.action("actionPractice")
    if not practice.isChecked():
        practice.trigger()
    session.set_level(session.max_level if level == "everything" else int(level))
    yield d.until(lambda: session.enabled, "practice mode")


def answer_right_until(d: Driver, section: str, offset: int) -> Steps:
    """Type each formula's value (4 significant digits) and press Enter twice (check, go on),
    up to formula ``offset`` of ``section``."""
    cursor, session = d.cursor, d.practice
    target = next(s for s in cursor.derivation.sections if s.id == section).first + offset
    while cursor.index < target:
        index = cursor.index
        d.type_answer(typed(cursor.current.value))
        d.press_enter_in_answer()
        yield d.until(lambda i=index: not session.is_concealed(i), f"formula {index + 1} right")
        d.press_enter_in_answer()
        yield d.until(lambda i=index: cursor.index > i, f"formula {index + 2}")


def typed(value: float) -> str:
    """A number as a student types it: 4 significant digits, trailing zeros kept."""
    return format(value, "#.4g")


def answer_with_mistake(d: Driver, code: str) -> Steps:
    """Type the value a known mistake gives at this formula (``code``: "dropped_slope", ...)."""
    from bpstudio.model.practice.mistakes import project_mistakes

    cursor = d.cursor
    mistakes = project_mistakes(d.window.document.project, cursor.derivation)[cursor.index]
    wrong = next(m for m in mistakes if m.code == code)
    d.type_answer(typed(wrong.value))
    d.press_enter_in_answer()
    session = d.practice
    yield d.until(lambda: session.feedback(cursor.index)[0], "the diagnosis")


def ask_hints(d: Driver, count: int) -> Steps:
    button = d.find("practiceHint")
    for level in range(1, count + 1):
        button.click()
        yield d.until(
            lambda lv=level: d.practice.progress(d.cursor.index).hints >= lv,
            f"hint {level}",
        )


PRACTICE_MISTAKE = (
    step(practise, "everything"),
    step(answer_right_until, "backward.2", 0),
    step(answer_with_mistake, "dropped_slope"),
)
PRACTICE_FADED = (
    step(practise, 2),
    step(walk_to, "backward.6", 0),
    step(ask_hints, 2),
)
# Adam's 七 on XOR after 12 steps, the walkthrough given the room of the bottom docks.
ADAM_UPDATE = (
    step(open_example, "xor"),
    step(choose_optimiser, "adam"),
    step(set_training, "learning_rate_box", 0.05),
    step(take_steps, 12),
    step(close_dock, "trainingPanel"),
    step(close_dock, "lossPlot"),
    step(walk_to_value, "w_new", 2, (1, 1)),
    step(status_bar_clear),  # "Train 1 step" times out
)
# Training ▸ Experiment… on XOR: a run per hidden activation, kept, overlaid on the Loss plot.
EXPERIMENT_ACTIVATIONS = (
    step(open_example, "xor"),
    step(run_experiment, "activation", "sigmoid, tanh, relu", 2000),
    step(raise_dock, "runsPanel"),
    step(tick_runs),
    step(bottom_docks_height, 330),  # room for the four curves' legend
    step(loss_plot_options, "epochs", True),
    step(status_bar_clear),  # "Keep 3 runs" times out
)
TRAINING_DOCK = (
    step(open_example, "xor"),
    step(set_training, "momentum_box", 0.5),
    step(take_steps, 3),
)


# --- the child: one app, one screenshot ----------------------------------------------------------


@dataclass
class Driver:
    """The app's window and the waits every step needs."""

    window: object
    shot: Shot
    out: Path
    grab_target: object = None
    picture: object = None

    # what the steps reach for
    @property
    def cursor(self):
        return self.window.workspace.cursor

    @property
    def practice(self):
        return self.window.workspace.practice

    @property
    def training_panel(self):
        return self.window.learning.training_panel

    @property
    def controller(self):
        return self.window.workspace.controller

    def find(self, name: str):
        from PySide6.QtCore import QObject

        found = self.window.findChild(QObject, name)
        if found is None:
            raise LookupError(f"no object named {name!r} in the window")
        return found

    def action(self, name: str):
        from PySide6.QtGui import QAction

        found = self.window.findChild(QAction, name)
        if found is None:
            raise LookupError(f"no action named {name!r} in the window")
        return found

    def epochs_done(self) -> int:
        return len(self.window.document.project.history.epochs)

    def state(self) -> str:
        """What the window holds, for a message when a wait times out."""
        snapshot = self.controller.latest_snapshot
        return (
            f"document: {self.window.document.project.steps_taken} steps, "
            f"{self.epochs_done()} epochs; trainer: "
            f"{'running' if self.controller.is_running else 'stopped'}, last snapshot at "
            f"{snapshot.step_count if snapshot else None} steps; walkthrough at formula "
            f"{self.cursor.index + 1}, {self.cursor.status}"
        )

    def controller_busy(self) -> bool:
        """Training runs, or its last run is not in the document yet."""
        snapshot = self.controller.latest_snapshot
        committed = snapshot is None or snapshot.step_count == (
            self.window.document.project.steps_taken
        )
        return self.controller.is_running or not committed

    def card_shows(self, index: int) -> bool:
        step_ = self.cursor.current
        return self.cursor.index == index and self.find("stepHeading").text() == step_.heading

    def walkthrough_ready(self) -> Wait:
        from bpstudio.controller.walkthrough import READY

        return self.until(
            lambda: self.cursor.status == READY and self.cursor.derivation is not None,
            "the walkthrough's derivation",
        )

    def type_answer(self, text: str) -> None:
        from PySide6.QtTest import QTest

        answer = self.find("practiceAnswer")
        answer.clear()
        QTest.keyClicks(answer, text)

    def press_enter_in_answer(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(self.find("practiceAnswer"), Qt.Key.Key_Return)

    # waiting: a step yields one of these, and the Runner resumes it from the event loop
    @staticmethod
    def until(condition: Callable[[], object], what: str) -> Wait:
        return Wait(what, condition)

    @staticmethod
    def signal(signal, condition: Callable[[], object] | None, what: str) -> Wait:
        """Until ``signal`` fires with ``condition`` true (None: its next emission)."""
        return Wait(what, condition, signal=signal)

    @staticmethod
    def turn() -> Wait:
        """Back to the event loop for a moment: what is queued runs (layouts, repaints,
        deferred deletions, an edit's way to the trainer)."""
        return Wait("queued events", None, delay_ms=POLL_MS)

    # the picture
    def grab(self):
        """The pixels the X server shows for the shot's window, dock, widget or screen."""
        from PySide6.QtCore import QPoint

        screen = self.window.screen()
        kind, _, name = self.shot.grab.partition(":")
        if kind == "screen":
            return screen.grabWindow(0)
        if kind == "window":
            return screen.grabWindow(self.window.winId())
        target = self.grab_target or (
            self.window.docks[name] if kind == "dock" else self.find(name)
        )
        top = target.window()
        corner = target.mapTo(top, QPoint(0, 0))
        return screen.grabWindow(
            top.winId(), corner.x(), corner.y(), target.width(), target.height()
        )

    def settled_grab(self) -> Steps:
        """Grab until two grabs in a row are the same picture: everything is painted (the
        formulas typeset, the plots drawn).  While training runs, the first grab."""
        previous = self.grab()
        for _ in range(200):
            if self.shot.running:
                break
            yield self.turn()
            current = self.grab()
            if current.toImage() == previous.toImage() and not_blank(current):
                break
            previous = current
        else:
            raise TimeoutError("the window never stopped changing")
        self.picture = previous


@dataclass
class Wait:
    """What a step waits for: ``condition`` true (polled), after ``signal`` fired if given,
    and at least ``delay_ms`` from now."""

    what: str
    condition: Callable[[], object] | None
    signal: object = None
    delay_ms: int = 0


class Runner:
    """Runs a generator of Waits from the event loop: each wait returns control to the loop
    (as a user's next move would), and the generator goes on once the wait is over."""

    def __init__(self, steps: Steps, done: Callable[[BaseException | None], None]) -> None:
        from PySide6.QtCore import QTimer

        self._steps, self._done = steps, done
        self._poll = QTimer()
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        self._deadline = QTimer()
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._timed_out)
        self._wait: Wait | None = None
        self._fired = self._delayed = False
        self.describe = lambda: ""  # the window's state, for a timeout's message

    def start(self) -> None:
        self._resume(None)

    def _resume(self, error: BaseException | None) -> None:
        from PySide6.QtCore import QTimer

        try:
            wait = self._steps.throw(error) if error else next(self._steps)
        except StopIteration:
            self._done(None)
            return
        except Exception as failure:  # noqa: BLE001 - handed on to the caller, who reports it
            self._done(failure)
            return
        self._wait, self._fired, self._delayed = wait, wait.signal is None, not wait.delay_ms
        if wait.signal is not None:
            wait.signal.connect(self._on_signal)
        if wait.delay_ms:
            QTimer.singleShot(wait.delay_ms, self._on_delay)
        self._deadline.start(int(WAIT_TIMEOUT_S * 1000))
        self._poll.start()

    def _on_signal(self, *_args) -> None:
        self._fired = True
        self._check()

    def _on_delay(self) -> None:
        self._delayed = True
        self._check()

    def _ready(self) -> bool:
        wait = self._wait
        if wait is None or not (self._fired and self._delayed):
            return False
        return wait.condition is None or bool(wait.condition())

    def _check(self) -> None:
        try:
            ready = self._ready()
        except Exception as failure:  # noqa: BLE001 - the step that waits is told, and fails
            self._end_wait()
            self._resume(failure)
            return
        if ready:
            self._end_wait()
            self._resume(None)

    def _timed_out(self) -> None:
        what = self._wait.what
        self._end_wait()
        message = f"waited {WAIT_TIMEOUT_S:g} s for {what} ({self.describe()})"
        self._resume(TimeoutError(message))

    def _end_wait(self) -> None:
        self._poll.stop()
        self._deadline.stop()
        if self._wait is not None and self._wait.signal is not None:
            self._wait.signal.disconnect(self._on_signal)
        self._wait = None


def not_blank(pixmap) -> bool:
    """More than a handful of colours: a real picture, not an empty or black window."""
    image = pixmap.toImage()
    step_x, step_y = max(1, image.width() // 60), max(1, image.height() // 60)
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), step_x)
        for y in range(0, image.height(), step_y)
    }
    return len(colours) > 8


def run_child(name: str, out: Path) -> int:
    """In a child process with DISPLAY set: the app's real start, then the shot's steps."""
    shot = next(s for s in shots() if s.name == name)
    from PySide6.QtWidgets import QMessageBox

    from bpstudio import app

    # A question (unsaved changes, say) would wait for a user who is not there.
    QMessageBox.question = staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    result = {"code": 1}

    def scenario(window, _safety) -> None:
        from PySide6.QtCore import QTimer

        if window.startup_finished:
            QTimer.singleShot(0, lambda: take(window))
        else:
            window.firstFrameShown.connect(lambda: QTimer.singleShot(0, lambda: take(window)))

    def take(window) -> None:
        driver = Driver(window, shot, out)
        runner = Runner(shot_steps(driver), lambda error: done(window, error))
        runner.describe = driver.state
        keep.append(runner)
        runner.start()

    def done(window, error: BaseException | None) -> None:
        from PySide6.QtWidgets import QApplication

        if error is None:
            result["code"] = 0
        else:
            traceback.print_exception(error)
        finish(window)
        QApplication.instance().exit(result["code"])

    keep: list[Runner] = []  # alive while it runs
    app.run_gui([], scenario=scenario)
    return result["code"]


def shot_steps(d: Driver) -> Steps:
    """The whole shot: the window's size, the shot's steps, the picture saved."""
    yield d.walkthrough_ready()
    if d.shot.window is not None:
        d.window.move(0, 0)
        d.window.resize(*d.shot.window)
        size = d.shot.window
        yield d.until(lambda: (d.window.width(), d.window.height()) == size, "the window's size")
    d.window.activateWindow()
    yield d.until(lambda: d.card_shows(d.cursor.index), "the first formula")
    for function, *arguments in d.shot.steps:
        steps = function(d, *arguments)
        if steps is not None:
            yield from steps
        yield d.turn()  # a user's next move comes after the app's deferred work
    yield from d.settled_grab()
    save(d.picture, d.out / f"{d.shot.name}.png")


def finish(window) -> None:
    controller = window.workspace.controller
    if controller.is_running:
        controller.pause()
    window.document.undo_stack.setClean()
    window.close()


def save(pixmap, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.png")
    if not pixmap.save(str(partial), "PNG"):
        raise OSError(f"could not write {partial}")
    os.replace(partial, path)  # atomic: a reader never sees half a picture
    print(f"saved {path} ({pixmap.width()}x{pixmap.height()})", flush=True)


# --- the parent: screens, children, sheets -------------------------------------------------------


class Screen:
    """An Xvfb server of one size, for as long as the shots that need it run."""

    def __init__(self, size: tuple[int, int]) -> None:
        if shutil.which("Xvfb") is None:
            raise SystemExit("screenshots.py needs Xvfb (Debian: apt-get install xvfb)")
        read, write = os.pipe()
        self.process = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write),
                "-screen",
                "0",
                f"{size[0]}x{size[1]}x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as answer:
            number = answer.readline().strip()  # written once the server accepts clients
        if not number:
            raise SystemExit(f"Xvfb did not start for a {size[0]}x{size[1]} screen")
        self.display = f":{number}"

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def child_environment(shot: Shot, display: str, home: Path, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # a fresh user: no saved layout
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env["XDG_CACHE_HOME"] = str(cache)  # shared: the translations compile once
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG=LOCALES[shot.lang])
    env.update(LC_ALL=LOCALES[shot.lang], LANGUAGE="")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def take_window_shots(chosen: list[Shot], out: Path) -> list[str]:
    failed = []
    with tempfile.TemporaryDirectory(prefix="bpstudio-shots-") as scratch:
        cache = Path(scratch) / "cache"
        for size in sorted({s.screen for s in chosen}):
            screen = Screen(size)
            try:
                for shot in (s for s in chosen if s.screen == size):
                    home = Path(scratch) / shot.name.replace("/", "_")
                    env = child_environment(shot, screen.display, home, cache)
                    command = [sys.executable, str(Path(__file__).resolve()), "--child", shot.name]
                    try:
                        done = subprocess.run(
                            [*command, "--out", str(out)], env=env, timeout=CHILD_TIMEOUT_S
                        )
                        ok = done.returncode == 0
                    except subprocess.TimeoutExpired:
                        ok = False
                    if not ok:
                        failed.append(shot.name)
            finally:
                screen.close()
    return failed


def take_sheet(sheet: Sheet, out: Path) -> bool:
    """``bpstudio exercise`` on the seed network, one student, LaTeX; page 1 as a PNG."""
    for tool in ("xelatex", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"{sheet.name}: skipped, {tool} is not installed", file=sys.stderr)
            return False
    seed = ROOT / "bpstudio" / "resources" / "examples" / "seed.json"
    with tempfile.TemporaryDirectory(prefix="bpstudio-sheet-") as folder:
        work = Path(folder)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bpstudio",
                "exercise",
                str(seed),
                "--students",
                "1",
                "--seed",
                "1",
                "--format",
                "latex",
                "--lang",
                sheet.lang,
                "--out",
                str(work),
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "sheet-01.tex"],
            cwd=work,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        page = work / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(sheet.pdf_dpi),
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                "sheet-01.pdf",
                str(page),
            ],
            cwd=work,
            check=True,
        )
        target = out / f"{sheet.name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(shutil.copy(page.with_suffix(".png"), target.with_suffix(".partial")), target)
    print(f"saved {target}", flush=True)
    return True


def choose(names: list[str] | None) -> list[Shot | Sheet]:
    table = shots()
    if not names:
        return table
    chosen = [s for s in table if any(fnmatch.fnmatch(s.name, n) for n in names)]
    unknown = [n for n in names if not any(fnmatch.fnmatch(s.name, n) for s in table)]
    if unknown:
        raise SystemExit(f"no screenshot named {', '.join(unknown)} (--list shows them)")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="names or shell patterns")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the PNGs")
    parser.add_argument("--list", action="store_true", help="list the names and exit")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # one shot, in this process
    args = parser.parse_args(argv)
    if args.child:
        return run_child(args.child, args.out.resolve())
    chosen = choose(args.only)
    if args.list:
        print("\n".join(s.name for s in chosen))
        return 0
    out = args.out.resolve()
    # Ended from outside: still stop the Xvfb servers (the finally blocks run on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_a: sys.exit(143))
    failed = take_window_shots([s for s in chosen if isinstance(s, Shot)], out)
    failed += [s.name for s in chosen if isinstance(s, Sheet) and not take_sheet(s, out)]
    if failed:
        print(f"not taken: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # the training child process imports this module again
    sys.exit(main())
