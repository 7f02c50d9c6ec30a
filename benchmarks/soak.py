"""Soak test, run by hand: the whole window trains flat out for N minutes while random edits,
undos and redos arrive as a student's clicks would; it reports RSS over time, steps done, and
every error (uncaught exceptions, training failures, Qt warnings).

    QT_QPA_PLATFORM=offscreen python benchmarks/soak.py --minutes 10

Settings, autosaves and the crash log go to a throwaway folder, never the user's own.  The
figures of a 10-minute run are in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
    _folder = Path(tempfile.mkdtemp(prefix=f"bpstudio-soak-{_name.lower()}-"))
    os.environ[_name] = str(_folder)  # before Qt starts: it reads them once
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler  # noqa: E402

from bpstudio.app import make_application  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import process_memory  # noqa: E402

from bpstudio.controller.training_pace import FLAT_OUT  # noqa: E402

EDIT_INTERVAL_MS = 250
REPORT_INTERVAL_S = 30


def rss_mib() -> float:
    """The app and its training process together."""
    return sum(process_memory.rss_mib())


class Soak:
    def __init__(self, window, safety, seconds: float, seed: int) -> None:
        self.window, self.safety = window, safety
        self.document = window.document
        self.controller = window.workspace.controller
        self.rng = random.Random(seed)
        self.deadline = time.monotonic() + seconds
        self.started = time.monotonic()
        self.errors: list[str] = []
        self.edits = self.refused = self.steps = 0
        self._last_step_count = 0
        self.samples: list[tuple[float, float, int]] = []  # (minutes, RSS MiB, steps)

    def start(self) -> None:
        self.safety.reporter.crashed.connect(lambda details: self.errors.append(details))
        self.controller.failed.connect(lambda message: self.errors.append(message))
        self.controller.snapshotReady.connect(self._on_snapshot)
        self.controller.set_speed(FLAT_OUT)
        self.controller.play()
        self._edit_timer = QTimer(interval=EDIT_INTERVAL_MS, timeout=self._on_edit_due)
        self._edit_timer.start()
        self._report_timer = QTimer(interval=REPORT_INTERVAL_S * 1000, timeout=self._on_report)
        self._report_timer.start()
        self._on_report()

    def _on_snapshot(self, snapshot) -> None:
        count = snapshot.step_count
        self.steps += count - self._last_step_count if count >= self._last_step_count else count
        self._last_step_count = count

    def _on_edit_due(self) -> None:
        if time.monotonic() >= self.deadline:
            self._finish()
            return
        if not self.controller.is_running:
            self.controller.play()  # a divergence or an undo of training paused it
        try:
            self.rng.choice(self._edits())()
            self.edits += 1
        except ValueError:
            self.refused += 1  # an edit the model refuses (e.g. removing the last unit)

    def _edits(self):
        d, rng = self.document, self.rng
        net = d.project.network
        layer = rng.randint(2, net.n_layers)
        j = rng.randint(1, net.layer_sizes[layer - 2])
        k = rng.randint(1, net.layer_sizes[layer - 1])
        hidden = rng.randint(2, max(2, net.n_layers - 1))
        return [
            lambda: d.set_weight(layer, j, k, rng.uniform(-2, 2)),
            lambda: d.set_weight(layer, j, k, rng.uniform(-2, 2)),
            lambda: d.add_unit(hidden) if net.layer_sizes[hidden - 1] < 8 else None,
            lambda: d.remove_unit(hidden, 1),
            lambda: d.set_activation(hidden, rng.choice(["sigmoid", "tanh", "relu"])),
            lambda: d.set_sample_index(rng.randint(0, d.project.dataset.n_samples - 1)),
            d.undo_stack.undo,
            d.undo_stack.redo,
        ]

    def _on_report(self) -> None:
        minutes = (time.monotonic() - self.started) / 60
        self.samples.append((minutes, rss_mib(), self.steps))
        print(f"{minutes:6.1f} min  RSS {rss_mib():7.1f} MiB  steps {self.steps:>11,}  "
              f"edits {self.edits:>6}  errors {len(self.errors)}", flush=True)  # fmt: skip

    def _finish(self) -> None:
        self._edit_timer.stop()
        self._on_report()
        self.controller.pause()
        self.document.undo_stack.setClean()  # nothing to ask about on the way out
        self.window.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--example", default="xor")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    warnings: list[str] = []

    def on_qt_message(kind, _context, message):
        if kind != QtMsgType.QtDebugMsg and "propagateSizeHints" not in message:
            warnings.append(message)

    qInstallMessageHandler(on_qt_message)
    app = make_application([])
    from bpstudio.app import new_workspace
    from bpstudio.views.window.main_window import MainWindow
    from bpstudio.views.window.safety_net import SafetyNet

    workspace = new_workspace()
    workspace.start_autosave()
    window = MainWindow(workspace)
    safety = SafetyNet(workspace, window)
    window.document.new_from_example(args.example)
    window.show()
    soak = Soak(window, safety, args.minutes * 60, args.seed)
    QTimer.singleShot(0, soak.start)
    code = app.exec()
    safety.finish()
    print_summary(soak, warnings, args)
    return 0 if code == 0 and not soak.errors and not warnings else 1


def print_summary(soak: Soak, warnings: list[str], args) -> None:
    first, last = soak.samples[1] if len(soak.samples) > 1 else soak.samples[0], soak.samples[-1]
    print(f"\nmachine: {platform.node()} {platform.machine()} {platform.processor() or ''}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}")  # fmt: skip
    print(f"example {args.example}, {args.minutes:g} min, seed {args.seed}")
    print(f"steps {soak.steps:,}; edits {soak.edits} (+{soak.refused} refused)")
    print(f"RSS {first[1]:.1f} MiB at {first[0]:.1f} min -> {last[1]:.1f} MiB at {last[0]:.1f} min")
    print(f"errors {len(soak.errors)}; Qt warnings {len(warnings)}")
    for text in soak.errors[:3] + warnings[:3]:
        print("---\n" + text)


if __name__ == "__main__":
    sys.exit(main())
