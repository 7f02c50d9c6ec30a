"""The crash test's driver: the real app (``bpstudio.app.run_gui``), acting as a user would.

    python tests/views/window/crash_scenarios.py [PROJECT] --scenario NAME[=ARGUMENT]

The crash test (tests/views/window/test_crash_recovery.py) runs this as a subprocess, kills it, and
starts it again; the scenarios are how it drives the app without a user:

- ``edit-and-train``: set a weight, add a unit, autosave every 100 ms, start training.
- ``restore-and-save=OUT``: answer the recovery offer with Restore, write what the window then
  holds to OUT (JSON: ``restored``, ``modified``, ``file_path``, ``project``), exit cleanly.

It lives with the tests: nothing of it ships in the product.  The training child imports this
module again (multiprocessing's spawn/forkserver), so the start stays under ``__main__``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from bpstudio.model.project import to_json
from bpstudio.views.window.recovery_dialog import RecoveryAnswer

if TYPE_CHECKING:
    from bpstudio.views.window.main_window import MainWindow
    from bpstudio.views.window.safety_net import SafetyNet

EDITED_WEIGHT = 1.2345  # the number the crash test looks for after the restore
TEST_AUTOSAVE_INTERVAL_MS = 100


def run_scenario(script: str, window: MainWindow, safety: SafetyNet) -> None:
    name, _, argument = script.partition("=")
    if name == "edit-and-train":
        _edit_and_train(window, safety)
    elif name == "restore-and-save":
        _restore_and_save(window, safety, Path(argument))
    else:
        raise SystemExit(f"unknown scenario {script!r}")


def _edit_and_train(window: MainWindow, safety: SafetyNet) -> None:
    document = window.document
    document.set_weight(2, 1, 1, EDITED_WEIGHT)
    document.add_unit(2)
    safety.autosaver.set_interval(TEST_AUTOSAVE_INTERVAL_MS)
    window.workspace.controller.play()
    print("edited and training", flush=True)


def _restore_and_save(window: MainWindow, safety: SafetyNet, out: Path) -> None:
    restored = safety.offer_recovery(ask=lambda _work: RecoveryAnswer.RESTORE)
    document = window.document
    record = {
        "restored": restored,
        "modified": document.is_modified(),
        "file_path": None if document.file_path is None else str(document.file_path),
        "project": to_json(document.project),
    }
    out.write_text(json.dumps(record), encoding="utf-8")
    document.undo_stack.setClean()  # a scripted exit: nothing to ask about
    window.close()
    QApplication.instance().exit(0)


def main(argv: list[str]) -> int:
    from bpstudio.app import run_gui

    where = argv.index("--scenario")
    script = argv[where + 1]
    rest = argv[:where] + argv[where + 2 :]
    return run_gui(rest, scenario=lambda window, safety: run_scenario(script, window, safety))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
