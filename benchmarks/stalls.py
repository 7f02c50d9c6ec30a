"""Event-loop stalls while the window opens project files (issue 21 item 10: none over 200 ms).

A 5 ms timer on the GUI thread records the gaps between its ticks while each file opens and
its views are built (the window 1280x720); prints the longest gap and every gap over 200 ms.
``--dump`` prints every thread's stack when a gap passes 200 ms (faulthandler), to find the
cause.  Example (files of a 784-16-10 and a 100-50-100 network):

    QT_QPA_PLATFORM=offscreen python benchmarks/stalls.py a.json b.json
"""

from __future__ import annotations

import argparse
import faulthandler
import time
from pathlib import Path

STALL_SECONDS = 0.2
SETTLE_MS = 6000  # after an open: the child process, the slices, the derivation's thread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--dump", action="store_true", help="stacks of each stall")
    args = parser.parse_args()

    from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from bpstudio.controller.training_worker import GIL_SWITCH_SECONDS

    app = QApplication([])
    import sys

    sys.setswitchinterval(GIL_SWITCH_SECONDS)  # as the app (bpstudio/app.py) does
    from bpstudio.app import new_workspace
    from bpstudio.views.window.main_window import MainWindow

    gaps: list[float] = []
    last = [time.perf_counter()]
    dumping = [False]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        if dumping[0]:
            faulthandler.dump_traceback_later(STALL_SECONDS)

    def run(ms: int) -> None:
        deadline = QDeadlineTimer(ms)
        while not deadline.hasExpired():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    QMessageBox.question = lambda *_a, **_k: QMessageBox.StandardButton.Discard
    window = MainWindow(new_workspace())
    window.resize(1280, 720)
    window.show()
    run(3000)  # the first frame, the first formula, the fork server: not an open
    for path in args.files:
        gaps.clear()
        last[0] = time.perf_counter()
        dumping[0] = args.dump
        window.files.open_path(path, ask=False)
        run(SETTLE_MS)
        dumping[0] = False
        faulthandler.cancel_dump_traceback_later()
        stalls = [round(g * 1000) for g in gaps if g > STALL_SECONDS]
        size = path.stat().st_size / 2**20
        print(f"open {path.name} ({size:.2f} MiB): longest gap {max(gaps) * 1000:.0f} ms, "
              f"gaps over {STALL_SECONDS * 1000:.0f} ms: {stalls}")  # fmt: skip
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
