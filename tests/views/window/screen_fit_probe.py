"""Run in a child process on a given X display: does the first window fit the screen?

usage: python -m tests.views.window.screen_fit_probe OUT_JSON   (DISPLAY set, QT_QPA_PLATFORM=xcb)
Opens the main window as the app does (a fresh user's settings), raises each default dock in
turn and writes, as JSON, the screen's available geometry and the window's and every dock's
rectangle on screen.  Waits on the window's own first-frame signal, never on a clock.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtWidgets import QApplication


def rect_of(widget) -> list[int]:
    return list(QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size()).getRect())


def measure(app: QApplication, window, out: str) -> None:
    docks = {}
    for name, dock in window.docks.items():
        dock.raise_()  # the ones behind a tab are moved out of sight until raised
        app.processEvents()
        docks[name] = {"rect": rect_of(dock), "visible": dock.isVisible()}
    report = {
        "available": list(window.screen().availableGeometry().getRect()),
        "window": list(window.frameGeometry().getRect()),
        "docks": docks,
    }
    with open(out, "w", encoding="utf-8") as file:
        json.dump(report, file)
    window.document.undo_stack.setClean()
    window.close()
    app.exit(0)


def main(out: str) -> int:
    app = QApplication([sys.argv[0]])
    app.setOrganizationName("BPStudioTests")
    app.setApplicationName("bpstudio-fit-probe")
    from bpstudio.app import new_workspace
    from bpstudio.views.window.main_window import MainWindow

    window = MainWindow(new_workspace())
    window.restore_layout()  # as the app does: nothing saved yet, so the default placement
    window.firstFrameShown.connect(lambda: QTimer.singleShot(0, lambda: measure(app, window, out)))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
