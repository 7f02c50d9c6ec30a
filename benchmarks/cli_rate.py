"""The command line's steady training rate beside the engine's and torch.nn's, in one run.

    python benchmarks/engine.py --part cli [--repeats 3] [--cli-steps 1000000]

Issue #20's measure: ``bpstudio train seed.json --steps N --quiet`` in a fresh process, its
start-up excluded by subtracting the time of the same command with ``--steps 1`` (imports, the
project's loading, the final report), against the engine benchmark's figure for the seed case
(`engine.bpstudio_block`) and torch.nn with torch.optim.SGD (`engine.torch_block`).  The three
are timed in the same rounds, one after the other, so the machine's drift hits all of them
alike; figures are medians over the rounds.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "bpstudio" / "resources" / "examples" / "seed.json"


def time_command(steps: int) -> float:
    """Seconds of one ``bpstudio train`` run of ``steps`` steps, start to exit."""
    command = [sys.executable, "-m", "bpstudio", "train", str(SEED), "--steps", str(steps)]
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    started = perf_counter()
    subprocess.run([*command, "--quiet"], check=True, env=env, stdout=subprocess.DEVNULL)
    return perf_counter() - started


def command_line_rounds(engine, repeats: int, steps: int, seconds: float) -> dict[str, float]:
    """Median steps/s of the command line (steady), the engine and torch.nn on the seed case."""
    case = engine.CASES[0]
    import numpy as np

    rng = np.random.default_rng(0)
    data, weights = engine.make_data(case, rng), engine.make_weights(case, rng)
    blocks = {"engine": engine.bpstudio_block(case, data, weights, True, seconds)}
    torch_block = engine.torch_block(case, data, weights, seconds)
    if torch_block is not None:
        blocks["torch.nn"] = torch_block
    for block, _ in blocks.values():
        block()  # warm-up
    time_command(1)  # warm-up: the file cache
    rates: dict[str, list[float]] = {"command line": [], **{k: [] for k in blocks}}
    for _ in range(repeats):
        start_up = time_command(1)
        whole = time_command(steps)
        rates["command line"].append((steps - 1) / (whole - start_up))
        for key, (block, n) in blocks.items():
            started = perf_counter()
            block()
            rates[key].append(n / (perf_counter() - started))
    return {k: statistics.median(v) for k, v in rates.items()}


def report(engine, repeats: int, steps: int, seconds: float) -> None:
    rates = command_line_rounds(engine, repeats, steps, seconds)
    print(f"seed network, {steps:,} steps through `bpstudio train --quiet`, start-up subtracted;")
    print(f"medians over {repeats} rounds, load average {os.getloadavg()[0]:.2f}")
    for name, value in rates.items():
        print(f"  {name:14} {value:>12,.0f} steps/s")
    share = rates["command line"] / rates["engine"]
    print(f"  command line / engine: {share:.2f} (target >= 0.90)")
    if "torch.nn" in rates:
        print(f"  command line / torch.nn: {rates['command line'] / rates['torch.nn']:.1f}x")
