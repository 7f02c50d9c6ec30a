"""Start the GUI: `bpstudio [project.json]`, or `--self-test-screenshot PATH` /
`--self-test-training SECONDS` for smoke tests and the installed build's benchmark."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

ORGANIZATION = "BPStudio"
APPLICATION = "BP Studio"
ICON_PATH = Path(__file__).resolve().parent / "resources" / "icons" / "bpstudio.svg"


def gui_parser() -> argparse.ArgumentParser:
    """The window's own options (packaging/linux/make_manpage.py documents them from here)."""
    parser = argparse.ArgumentParser(prog="bpstudio", add_help=True)
    parser.add_argument("project", nargs="?", help="a BP Studio project file to open")
    parser.add_argument(
        "--self-test-screenshot",
        metavar="PATH",
        help="open the seed project, save a screenshot of the window to PATH, and exit",
    )
    parser.add_argument(
        "--self-test-training",
        metavar="SECONDS",
        type=float,
        help="train the seed project flat out for SECONDS, print where it trained (process or "
        "thread), its steps/s and the window's timer lateness as JSON, and exit",
    )
    return parser


def parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    return gui_parser().parse_args(list(argv))


def make_application(argv: Sequence[str]) -> QApplication:
    """The application, named for QSettings; its version is set by `set_version` (run_gui
    does that once the window is on screen: the lookup takes a few tens of ms)."""
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    if ICON_PATH.exists():
        app.setWindowIcon(QIcon(str(ICON_PATH)))
    return app


def set_version(app: QApplication) -> None:
    from bpstudio import __version__  # read from the installed package's metadata

    app.setApplicationVersion(__version__)


def after_first_frame(window, call) -> None:
    """Run ``call`` once ``window`` (a MainWindow about to be shown) is on screen with its
    start complete, after everything else waiting for that moment (the first formula)."""
    window.firstFrameShown.connect(lambda: QTimer.singleShot(0, call))


def new_workspace():
    """The workspace a window starts with: the seed project, its walkthrough in the interface's
    language and at the level of detail the user chose last (call once the language is set)."""
    from bpstudio.controller.workspace import Workspace
    from bpstudio.views.walkthrough.walkthrough_bar import detail_options
    from bpstudio.views.widgets.language import derivation_language, switcher

    return Workspace(lang=derivation_language(switcher().language), **detail_options())


def run_gui(argv: Sequence[str] | None = None, scenario=None) -> int:
    """The window, until it closes.  ``scenario(window, safety)``, when given, runs once the
    event loop starts, instead of the offer to restore unsaved work (the crash test's driver,
    tests/views/window/crash_scenarios.py, uses it to act as a user would)."""
    args = parse_gui_args(sys.argv[1:] if argv is None else argv)
    app = make_application([])
    from bpstudio.controller.gui_gc import GuiThreadCollector

    GuiThreadCollector(app)  # only the GUI thread collects garbage (Qt objects die there)
    from bpstudio.views.widgets import language
    from bpstudio.views.window import getting_started  # after QApplication exists
    from bpstudio.views.window.main_window import MainWindow

    language.switcher().apply(language.saved_choice())
    from bpstudio.views.walkthrough.notation_menu import restore_notation

    restore_notation()
    from bpstudio.controller.training_worker import GIL_SWITCH_SECONDS
    from bpstudio.views.window.safety_net import SafetyNet

    # The window's background threads (the walkthrough's derivation, big evaluations, a
    # loader's waiting thread) hold the interpreter lock for Python's default 5 ms at a time,
    # and the GUI thread waits that long at every Qt call that lets it go (docs/performance.md,
    # "Figures behind the code's choices": a big diagram's first paint).
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    workspace = new_workspace()  # the document and what works on it; the window shows it
    workspace.start_autosave()
    window = MainWindow(workspace)
    window.restore_layout()
    safety = SafetyNet(workspace, window)  # crash log and dialog, autosave failures, recovery
    self_test = args.self_test_screenshot or args.self_test_training is not None
    if self_test:
        getting_started.mark_seen()  # a self-test shows the window, never the tour
    if args.project and not self_test:
        window.files.open_path(Path(args.project), ask=False)  # on failure: a box, then the seed
    after_first_frame(window, lambda: set_version(app))
    after_first_frame(window, GuiThreadCollector.freeze_start_up)
    if args.self_test_screenshot:
        shot = Path(args.self_test_screenshot)
        after_first_frame(window, lambda: _screenshot_and_quit(window, shot))
    elif args.self_test_training is not None:
        from bpstudio.views.window.self_test_training import run_and_report

        seconds = args.self_test_training
        after_first_frame(window, lambda: run_and_report(window, seconds))
    elif scenario is not None:
        QTimer.singleShot(0, lambda: scenario(window, safety))
    else:
        after_first_frame(window, safety.offer_recovery)
        after_first_frame(window, lambda: getting_started.offer_on_first_start(window))
    window.show()
    code = app.exec()
    safety.finish()  # only a clean exit gets here: the autosave goes
    return code


def _screenshot_and_quit(window, path: Path) -> None:
    """Runs once the window has been laid out and painted, its start complete."""
    ok = window.grab().save(str(path))
    window.document.undo_stack.setClean()  # nothing to ask about on the way out
    window.close()
    QApplication.instance().exit(0 if ok else 1)


if __name__ == "__main__":
    sys.exit(run_gui())
