"""TEST-ONLY scenarios run by the hidden ``--test-script`` option of ``bpstudio``.

The crash test (tests/views/test_crash_recovery.py) runs the real app as a subprocess, kills
it, and starts it again; these scripts are how it drives the app without a user:

- ``edit-and-train``: set a weight, add a unit, autosave every 100 ms, start training.
- ``restore-and-save=OUT``: answer the recovery offer with Restore, write what the window then
  holds to OUT (JSON: ``restored``, ``modified``, ``file_path``, ``project``), exit cleanly.

Nothing here is reachable from the menus, and the option is hidden from ``--help``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from bpstudio.model.project import to_json
from bpstudio.views.recovery_dialog import RecoveryAnswer

if TYPE_CHECKING:
    from bpstudio.views.main_window import MainWindow
    from bpstudio.views.safety_net import SafetyNet

EDITED_WEIGHT = 1.2345  # the number the crash test looks for after the restore
TEST_AUTOSAVE_INTERVAL_MS = 100


def run_test_script(script: str, window: MainWindow, safety: SafetyNet) -> None:
    name, _, argument = script.partition("=")
    if name == "edit-and-train":
        _edit_and_train(window, safety)
    elif name == "restore-and-save":
        _restore_and_save(window, safety, Path(argument))
    else:
        raise SystemExit(f"unknown test script {script!r}")


def _edit_and_train(window: MainWindow, safety: SafetyNet) -> None:
    document = window.document
    document.set_weight(2, 1, 1, EDITED_WEIGHT)
    document.add_unit(2)
    safety.autosaver.set_interval(TEST_AUTOSAVE_INTERVAL_MS)
    window.learning.session.controller.play()
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
