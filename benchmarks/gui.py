"""GUI figures of issue 9, offscreen, medians over many frames; run by hand, never asserted.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui.py [--part NAME ...]

Parts: lateness (a 16 ms timer while the window trains flat out), plot (loss plot update with
1,000,000 points), diagram (a frame at 600 and 10,000 edges), formula (next step of the
walkthrough, cold and warm cache), startup (to the window's first frame, against a bare
PySide6 + pyqtgraph window, each in fresh subprocesses; --startup-compare DIR adds the BP
Studio of another source tree, e.g. an older commit's `git archive`), memory (RSS while the
app trains 1,000,000 steps, in a fresh subprocess).  Settings and autosaves go to a throwaway
folder.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CACHE_HOME"):
    os.environ.setdefault(_name, tempfile.mkdtemp(prefix=f"bpstudio-bench-{_name.lower()}-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

PARTS = ("lateness", "plot", "diagram", "formula", "startup", "memory")


def app():
    from PySide6.QtWidgets import QApplication

    from bpstudio.app import make_application

    return QApplication.instance() or make_application(["bpstudio-bench"])


def wait(ms: int) -> None:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app().processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def seed_window():
    from bpstudio.app import new_workspace
    from bpstudio.views.window.main_window import MainWindow

    app()
    window = MainWindow(new_workspace())
    window.resize(1400, 900)
    window.show()
    wait(300)
    return window


# lateness -----------------------------------------------------------------------------------
def bench_lateness(seconds: float = 4.0) -> None:
    """BPSTUDIO_TRAINING_THREAD=1 measures training on a thread instead of a child process;
    BPSTUDIO_INSTALLED=/usr/bin/bpstudio measures that installed build (its own
    --self-test-training, the same measurement) instead of this source tree."""
    installed = os.environ.get("BPSTUDIO_INSTALLED")
    if installed:
        out = subprocess.run(
            [installed, "--self-test-training", str(seconds)],
            capture_output=True, text=True, check=True, timeout=120,
        ).stdout  # fmt: skip
        report, where = json.loads(out.strip().splitlines()[-1]), f"installed {installed}"
    else:
        from bpstudio.views.window.self_test_training import measure_training

        window = seed_window()
        report, where = measure_training(window.workspace.session, seconds), "source tree"
        window.workspace.session.shutdown()
        window.hide()
    late = report["lateness_ms"]
    print(f"timer lateness ({where}; 16 ms timer, seed training flat out on a "
          f"{report['training']} at {report['steps_per_second']:,.0f} steps/s): p50 "
          f"{late['p50']:.2f} ms, p99 {late['p99']:.2f} ms, max {late['max']:.2f} ms over "
          f"{late['ticks']} ticks   target p99 < 5 ms")  # fmt: skip


# loss plot ----------------------------------------------------------------------------------
def bench_plot() -> None:
    """As the app runs (the history thins itself), and with thinning off (every point kept)."""
    from bpstudio.model.history import THINNING_LIMIT

    plot_update(THINNING_LIMIT)
    plot_update(1 << 22)


def plot_update(limit: int, points: int = 1_000_000, frames: int = 30) -> None:
    from bpstudio.model.history import LossHistory, LossSeries
    from bpstudio.views.training.loss_plot import LossPlotWidget

    app()
    plot = LossPlotWidget()
    plot.resize(900, 400)
    plot.show()
    rng = np.random.default_rng(0)
    steps = np.exp(-np.linspace(0, 8, points)) + rng.random(points) * 0.01
    plot.set_history(LossHistory.of(LossSeries(steps, limit=limit), LossSeries()))
    plot.refresh_now()
    plot.loss_plot.grab()
    times = []
    for _ in range(frames):
        started = time.perf_counter()
        plot._losses["steps"].extend(rng.random(2000) * 0.01)  # one snapshot's new points
        plot.refresh_now()
        plot.loss_plot.grab()  # paint the plot, as the screen would (its toolbar is unchanged)
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    kept = len(plot.shown_data()[1])
    print(f"loss plot update with {points + 2000 * frames:,} steps ({kept:,} points kept): "
          f"median {median:.2f} ms, max {max(times):.2f} ms   target < 15 ms")  # fmt: skip
    plot.hide()


# diagram ------------------------------------------------------------------------------------
def diagram_document(sizes):
    from bpstudio.controller.document import Document
    from bpstudio.model.data.dataset import Dataset
    from bpstudio.model.examples import load_example
    from bpstudio.model.network import Network

    project = load_example("seed")
    rng = np.random.default_rng(0)
    pairs = list(itertools.pairwise(sizes))
    weights = [rng.normal(0, 1 / np.sqrt(a), (a, b)) for a, b in pairs]
    project.network = Network(list(sizes), ["sigmoid"] * (len(sizes) - 1), weights)
    project.dataset = Dataset(rng.uniform(-1, 1, (3, sizes[0])), rng.uniform(0, 1, (3, sizes[-1])))
    return Document(project)


def diagram_frame_ms(sizes, frames: int = 30) -> tuple[float, int]:
    from PySide6.QtGui import QImage, QPainter

    from bpstudio.views.diagram import NetworkDiagramView

    document = diagram_document(sizes)
    view = NetworkDiagramView(document)
    view.resize(1000, 650)
    view.show()
    while view.diagram_scene.is_building:  # a big network is built in slices
        wait(10)
    wait(100)
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    rng = np.random.default_rng(1)
    times = []
    for _ in range(frames + 2):
        live = document.project.network.copy()
        live.weights = [w + rng.normal(0, 0.05, w.shape) for w in live.weights]
        started = time.perf_counter()
        document.set_live_network(live)  # what a training snapshot does
        painter = QPainter(image)
        view.render(painter)
        painter.end()
        times.append((time.perf_counter() - started) * 1000)
    view.hide()
    return statistics.median(times[2:]), document.project.network.n_edges()


def bench_diagram() -> None:
    app()
    for sizes, target in (([20, 20, 10], 4), ([100, 50, 100], 25)):
        ms, edges = diagram_frame_ms(sizes)
        print(f"diagram frame, {edges:,} edges ({'-'.join(map(str, sizes))}): median {ms:.2f} ms"
              f"   target < {target} ms")  # fmt: skip


# formula ------------------------------------------------------------------------------------
FORMULA_MOVES, FORMULA_ROUNDS = 12, 3


def bench_formula() -> None:
    """One "next formula" = cursor.next() + processEvents().  cold: both caches emptied before
    each step, with ziamath as shipped and with bpstudio's speed-ups (rounds interleaved, so
    both see the same load), over the forward pass's formulas, then once over the whole
    derivation (the backward pass's formulas are longer); warm: the student read the formula,
    so the idle-time prefetch of its neighbours ran (outside the timing)."""
    from bpstudio.render import ziamath_speedups
    from bpstudio.render.formula_svg import _ziamath

    window = seed_window()
    ziamath = _ziamath()
    labels = ("cold, ziamath as shipped", "cold", "warm")
    results = {label: ([], [], 0) for label in labels}
    for _ in range(FORMULA_ROUNDS):
        for label in labels:
            if label.endswith("shipped"):
                ziamath_speedups.uninstall()
            else:
                ziamath_speedups.install(ziamath)
            times, cpu, misses = formula_steps(window, label.split(",")[0])
            so_far = results[label]
            results[label] = (so_far[0] + times, so_far[1] + cpu, so_far[2] + misses)
    whole = len(window.workspace.cursor.steps) - 1
    results["cold, every step of the derivation"] = formula_steps(window, "cold", whole)
    for label, (times, cpu, misses) in results.items():
        print(f"next formula, {label}: median {statistics.median(times):.1f} ms "
              f"(GUI thread's CPU {statistics.median(cpu):.1f} ms), max {max(times):.1f} "
              f"(CPU {max(cpu):.1f}), {misses} formulas typeset in {len(times)} steps"
              "   target < 50 ms")  # fmt: skip
    window.hide()


def formula_steps(window, label: str, moves: int = FORMULA_MOVES):
    from bpstudio.render.formula_svg import formula_svg
    from bpstudio.views.walkthrough.formula_widget import formula_pixmap

    cursor, panel = window.workspace.cursor, window.learning.derivation_panel
    times, cpu, misses = [], [], 0
    cursor.go_to(0)
    for _ in range(moves):
        if label == "cold":
            formula_svg.cache_clear()
            formula_pixmap.cache_clear()
        else:  # reading: the prefetch of the neighbours has run
            while panel.prefetch_pending:
                wait(5)
        typeset_before = formula_svg.cache_info().misses
        started, cpu_started = time.perf_counter(), time.thread_time()
        cursor.next()
        app().processEvents()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - cpu_started) * 1000)
        misses += formula_svg.cache_info().misses - typeset_before
    return times, cpu, misses


# start-up -----------------------------------------------------------------------------------
# Both sides count to the same moment: their window's first frame on screen.  Qt paints a
# window's first frame while it handles the window's first Expose event, so each side turns the
# event loop until that event has been handled, then prints "shown" with its CPU time so far.
# BP Studio then prints "ready" once the part of its start left for after the first frame
# (the docks behind other tabs, the first formula) is done too.  By default both sides run with
# compiled bytecode, as an installed app does (pip compiles it at install): a throwaway
# PYTHONPYCACHEPREFIX and one untimed run of each side first.
FIRST_FRAME = """
import sys, time
from PySide6.QtCore import QEvent, QObject

class FirstExpose(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            FirstExpose.seen = True
        return False

def show_and_wait_for_first_frame(app, window):
    window.show()
    handle = window.windowHandle()
    FirstExpose.seen = handle.isExposed()
    watch = FirstExpose()
    handle.installEventFilter(watch)
    while not FirstExpose.seen:
        app.processEvents()  # returns once the Expose (and so the first frame) is handled
    print(f"shown {time.process_time():.4f}", flush=True)
"""

BARE = """
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(pg.PlotWidget()); w.resize(1200, 800)
show_and_wait_for_first_frame(app, w)
"""

BPSTUDIO = """
from bpstudio.app import make_application
app = make_application(["bpstudio"])
from bpstudio.app import new_workspace
from bpstudio.views.window.main_window import MainWindow
w = MainWindow(new_workspace()); w.resize(1200, 800)
ready = []
if hasattr(w, "firstFrameShown"):  # connected last: runs after the window's own slots
    w.firstFrameShown.connect(lambda: ready.append(True))
else:  # a source tree from before the two-part start built everything before showing
    ready.append(True)
show_and_wait_for_first_frame(app, w)
while not ready:
    app.processEvents()
print(f"ready {time.process_time():.4f}", flush=True)
"""


def time_startup(code: str, tree: Path, env: dict) -> dict[str, tuple[float, float]]:
    """{"shown": (wall s, CPU s), "ready": ...} of one fresh process running ``code``
    (after FIRST_FRAME's helper) on the BP Studio of ``tree``."""
    env = dict(env, PYTHONPATH=str(tree))
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", FIRST_FRAME + code],
        cwd=tree,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    marks = {}
    for line in process.stdout:
        name, _, cpu = line.partition(" ")
        if name in ("shown", "ready"):
            marks[name] = (time.perf_counter() - started, float(cpu))
    process.wait()
    marks.setdefault("ready", marks["shown"])
    return marks


def bench_startup(runs: int = 5, compare: Path | None = None, bytecode: bool = True) -> None:
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bpstudio-bench-pycache-")
    here = Path(__file__).resolve().parent.parent
    sides = {"bare PySide6 + pyqtgraph": (BARE, here), "BP Studio": (BPSTUDIO, here)}
    if compare is not None:
        sides[f"BP Studio of {compare}"] = (BPSTUDIO, compare.resolve())
    if bytecode:
        for code, tree in sides.values():
            time_startup(code, tree, env)  # writes the bytecode; not timed
    results: dict[str, list] = {name: [] for name in sides}
    for _ in range(runs):  # alternate, so load changes hit every side alike
        for name, (code, tree) in sides.items():
            results[name].append(time_startup(code, tree, env))

    def median(name: str, mark: str, i: int) -> float:
        return statistics.median(r[mark][i] for r in results[name]) * 1000

    def ratio(name: str, i: int) -> float:
        """The median of the rounds' ratios: each round's runs are seconds apart, so a change
        of load between rounds hits both sides of a ratio alike."""
        pairs = zip(results[name], results[bare], strict=True)
        return statistics.median(ours["shown"][i] / theirs["shown"][i] for ours, theirs in pairs)

    bare = "bare PySide6 + pyqtgraph"
    how = "compiled bytecode" if bytecode else "bytecode as the environment has it"
    print(f"start-up to the first frame, median of {runs} ({how}):")
    for name in sides:
        line = (
            f"  {name}: {median(name, 'shown', 0):.0f} ms (CPU {median(name, 'shown', 1):.0f} ms)"
        )
        if name != bare:
            line += (f" = {ratio(name, 0):.2f}x bare (CPU {ratio(name, 1):.2f}x);"
                     f" start complete {median(name, 'ready', 0):.0f} ms")  # fmt: skip
        print(line)
    print("  target: BP Studio < 1.5x bare")


# memory -------------------------------------------------------------------------------------
def rss_mb() -> float:
    """This process and its children (the training process), in MiB."""
    from process_memory import rss_mib

    return sum(rss_mib())


def train_and_sample_memory(steps: int = 1_000_000) -> None:
    window = seed_window()
    session = window.workspace.session
    session.controller.start()  # the training process starts, with the first snapshot
    wait(1000)
    samples = [(0, rss_mb())]
    session.controller.play()
    started = time.perf_counter()
    while session.latest_snapshot is None or session.latest_snapshot.step_count < steps:
        wait(500)
        done = session.latest_snapshot.step_count if session.latest_snapshot else 0
        samples.append((done, rss_mb()))
        if time.perf_counter() - started > 300:
            break
    session.controller.pause()
    wait(500)
    samples.append((session.latest_snapshot.step_count, rss_mb()))
    print("  RSS (MB) by steps: " + ", ".join(f"{s // 1000}k: {m:.0f}" for s, m in samples))
    from process_memory import pss_mib, rss_mib

    own, children = rss_mib()
    print(f"memory after {samples[-1][0]:,} training steps: {samples[-1][1]:.0f} MB RSS "
          f"(start {samples[0][1]:.0f} MB; now the window {own:.0f} MB + training and "
          f"forkserver processes {children:.0f} MB, shared libraries counted in each; "
          f"PSS of all, each page once: {pss_mib():.0f} MB)   target < 300 MB, flat")  # fmt: skip
    window.workspace.shutdown()  # as closing the window does: the thread stops first
    window.hide()


def bench_memory() -> None:
    script = Path(__file__).resolve()
    subprocess.run([sys.executable, str(script), "--part", "_memory_child"], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", action="append", choices=(*PARTS, "_memory_child"))
    parser.add_argument("--startup-runs", type=int, default=5, help="runs of each side")
    parser.add_argument(
        "--startup-compare", type=Path, metavar="DIR", help="also time the BP Studio in DIR"
    )
    parser.add_argument(
        "--startup-no-bytecode",
        action="store_true",
        help="keep the environment's bytecode setting (PYTHONDONTWRITEBYTECODE compiles every "
        "module from source at every start)",
    )
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}, "
          f"platform {os.environ['QT_QPA_PLATFORM']}")  # fmt: skip
    runs = {
        "lateness": bench_lateness,
        "plot": bench_plot,
        "diagram": bench_diagram,
        "formula": bench_formula,
        "startup": lambda: bench_startup(
            args.startup_runs, args.startup_compare, not args.startup_no_bytecode
        ),
        "memory": bench_memory,
        "_memory_child": train_and_sample_memory,
    }
    for part in args.part or PARTS:
        runs[part]()


if __name__ == "__main__":
    main()
