"""`bpstudio --self-test-training SECONDS`: train the seed flat out in the window and report,
as one JSON line, where the training ran (a child process or a thread), how fast, and how late
a 16 ms GUI timer fired meanwhile.

It is how the packaging smoke test proves that the installed (frozen) app trains in a process of
its own, and how benchmarks/gui.py measures the installed build beside a source checkout: the
same measurement, in whatever build runs it.
"""

from __future__ import annotations

import json
import math
import statistics
import time

from PySide6.QtCore import QEventLoop, Qt, QTimer

TICK_MS = 16


def run_event_loop(ms: int) -> None:
    """The event loop as the app runs it (sleeping until something is due), for ``ms``."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition, timeout_s: float = 20.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("training never got going")
        run_event_loop(20)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))
    return ordered[index]


def measure_training(session, seconds: float) -> dict:
    """Train flat out for ``seconds`` while a 16 ms timer ticks; the figures as a dict."""
    from bpstudio.controller.training_pace import FLAT_OUT

    controller = session.controller
    lateness: list[float] = []
    last: list[float | None] = [None]

    def on_tick() -> None:
        now = time.perf_counter()
        if last[0] is not None:
            lateness.append((now - last[0]) * 1000 - TICK_MS)
        last[0] = now

    timer = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=TICK_MS)
    timer.timeout.connect(on_tick)
    controller.set_speed(FLAT_OUT)
    controller.play()
    wait_until(lambda: controller.is_running and session.latest_snapshot is not None)
    run_event_loop(500)  # past the first slices (kernel compiled, caches warm)
    steps_before = session.latest_snapshot.step_count
    started = time.perf_counter()
    timer.start()
    run_event_loop(int(seconds * 1000))
    timer.stop()
    elapsed = time.perf_counter() - started
    steps = session.latest_snapshot.step_count - steps_before
    child = controller.training_pid
    controller.pause()
    wait_until(lambda: not controller.is_running)
    return {
        "training": "process" if controller.in_process else "thread",
        "child_pid": child,
        "steps_per_second": round(steps / elapsed),
        "lateness_ms": {
            "p50": round(statistics.median(lateness), 2),
            "p99": round(percentile(lateness, 99), 2),
            "max": round(max(lateness), 2),
            "ticks": len(lateness),
        },
    }


def run_and_report(window, seconds: float) -> int:
    """Measure, print the JSON line, close the window; the exit code (0: it trained)."""
    from PySide6.QtWidgets import QApplication

    session = window.workspace.session
    try:
        report = measure_training(session, seconds)
        code = 0 if report["steps_per_second"] > 0 else 1
    except TimeoutError as error:
        report, code = {"error": str(error)}, 1
    print(json.dumps(report), flush=True)
    window.document.undo_stack.setClean()  # nothing to ask about on the way out
    window.close()
    QApplication.instance().exit(code)
    return code
