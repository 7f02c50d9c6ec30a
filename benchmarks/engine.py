"""Training steps per second (forward + backward + SGD update): BP Studio against its peers.

    python benchmarks/engine.py [--threads 1] [--repeats 5] [--seconds 0.4] [--compare DIR]
                                 [--cases 1,3]
    python benchmarks/engine.py --part cli [--repeats 3] [--cli-steps 1000000]
    python benchmarks/engine.py --part optimisers [--cases 0,1]

Prints one table: for each case, BP Studio's fast path, its reference path (the plain
reference kernel, `fast_training.REFERENCE`), PyTorch CPU and scikit-learn when installed
(`pip install -e ".[bench]"`), ratios side by side, and the share of the float32 GEMM peak
reached.  Figures are medians over ``--repeats`` rounds.

The machine's speed drifts by up to 2x within minutes (a shared host), so every engine of a case
is timed in the same rounds, one block (about ``--seconds``) of each a round, and for the
float32 cases so are the GEMM peak (2048^3, NumPy and torch) and the case's own GEMMs alone:
ratios then compare engines on the same machine.  "% peak" is BP Studio's useful GFLOP/s
against the larger peak of its rounds, "GEMMs % peak" the same for the case's matrix products
alone (the exact shapes and layouts BP Studio calls, through NumPy's OpenBLAS: the ceiling of
any NumPy engine), and "of GEMMs" how much of the step time those products are.

``--compare DIR`` times BP Studio from another source tree too (a checkout of an earlier commit,
e.g. ``mkdir /tmp/old && git archive <commit> bpstudio | tar -x -C /tmp/old``), in a helper
process whose blocks alternate with this tree's, so both see the same machine.

Threads: ONE by default, for every engine and for the GEMM peak.  The machine has 2 cores and
BP Studio trains on one thread while the GUI thread needs the other; and two BLAS threads
collapse (each waits for the other at every GEMM) as soon as another process loads a core.
``--threads 2`` measures the other choice, for every engine alike.

``--part optimisers`` prints another table instead: each case's step time with every optimiser
(SGD, momentum, Nesterov, RMSprop, Adam), each against plain SGD's in the same rounds, beside
torch.optim's same optimiser (issue 18: Adam and RMSprop within 2x of plain SGD on the seed
network, within 1.3x on the others).
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import dataclass
from time import perf_counter

import numpy as np

# --root DIR (the --compare helper): BP Studio from another tree.
_root = sys.argv[sys.argv.index("--root") + 1] if "--root" in sys.argv else None
sys.path.insert(0, _root or os.path.join(os.path.dirname(__file__), ".."))

from bpstudio.model import Dataset, Network, Trainer, TrainingConfig, fast_training  # noqa: E402


@dataclass(frozen=True)
class Case:
    name: str
    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    loss: str
    batch: int
    dtype: type
    bias: bool
    learning_rate: float
    targets: str  # the goal of the issue, in words

    def useful_flops(self) -> float:
        """Multiply-adds x 2 of forward, dE/dW and dE/da of every layer but the inputs' (no
        engine computes dE/da of the inputs).  The biases' products (BP Studio's row of ones)
        and the elementwise work are not counted: they are overhead, not useful work."""
        pairs = list(zip(self.sizes, self.sizes[1:], strict=False))
        per_sample = sum(a * b for a, b in pairs)
        return 2.0 * self.batch * (3 * per_sample - pairs[0][0] * pairs[0][1])


CASES = [
    Case("3-2-2, one sample (seed)", (3, 2, 2), ("sigmoid", "sigmoid"), "half_sse", 1,
         np.float64, False, 0.5, ">= 60,000 steps/s, >= 12x torch"),
    Case("2-8-8-1, batch 32", (2, 8, 8, 1), ("tanh", "tanh", "linear"), "mse", 32,
         np.float64, True, 0.01, ">= 10x torch, >= 13x sklearn"),
    Case("784-128-64-10, batch 64, f32", (784, 128, 64, 10), ("relu", "relu", "softmax"),
         "cross_entropy", 64, np.float32, True, 0.01, ">= torch f32, >= 45% GEMM peak"),
    Case("784-512-512-10, batch 256, f32", (784, 512, 512, 10), ("relu", "relu", "softmax"),
         "cross_entropy", 256, np.float32, True, 0.01, ">= 70% GEMM peak"),
]  # fmt: skip


# data ---------------------------------------------------------------------------------------
def make_data(case: Case, rng: np.random.Generator):
    n_rows = case.batch * 16 if case.batch > 1 else 1
    inputs = rng.normal(size=(n_rows, case.sizes[0]))
    if case.loss == "cross_entropy":
        targets = np.eye(case.sizes[-1])[rng.integers(0, case.sizes[-1], n_rows)]
    else:
        targets = rng.uniform(0.1, 0.9, size=(n_rows, case.sizes[-1]))
    return inputs, targets


def make_weights(case: Case, rng: np.random.Generator):
    pairs = list(zip(case.sizes, case.sizes[1:], strict=False))
    weights = [rng.normal(0, 1 / np.sqrt(a), (a, b)) for a, b in pairs]
    biases = [np.zeros(b) for _, b in pairs] if case.bias else None
    return weights, biases


# timing -------------------------------------------------------------------------------------
def steps_per_second(run_block, steps_in_block: int, repeats: int) -> float:
    """Median over ``repeats`` timed calls of ``run_block`` (each ``steps_in_block`` steps)."""
    run_block()  # warm-up: buffers, caches, JIT-free but first-touch
    rates = []
    for _ in range(repeats):
        started = perf_counter()
        run_block()
        rates.append(steps_in_block / (perf_counter() - started))
    return statistics.median(rates)


def block_size(one_step_seconds: float, seconds: float) -> int:
    return max(1, int(seconds / max(one_step_seconds, 1e-7)))


def calibrate(step, seconds: float) -> int:
    started, n = perf_counter(), 0
    while perf_counter() - started < 0.05:
        step()
        n += 1
    return block_size((perf_counter() - started) / n, seconds)


# engines ------------------------------------------------------------------------------------
def bpstudio_trainer(case: Case, data, weights, fast: bool, optimiser=None) -> Trainer:
    """``optimiser``: `TrainingConfig` fields (default: plain SGD at the case's rate)."""
    w, b = weights
    net = Network(list(case.sizes), list(case.activations), w, b, dtype=case.dtype)
    settings = {"learning_rate": case.learning_rate} | (optimiser or {})
    config = TrainingConfig(batch_size=case.batch, **settings)
    kernel = None if fast else fast_training.REFERENCE
    return Trainer(net, Dataset(*data), case.loss, config, kernel=kernel)


# A block: (a call that takes ``steps`` steps, steps); None when the engine is missing.
def bpstudio_block(case, data, weights, fast, seconds, optimiser=None):
    trainer = bpstudio_trainer(case, data, weights, fast, optimiser)
    n = calibrate(lambda: trainer.run_steps(1), seconds)
    return lambda: trainer.run_steps(n), n


def torch_optimiser(parameters, case: Case, optimiser=None):
    """torch.optim's optimiser of the same settings as `bpstudio_trainer`'s."""
    import torch

    s = TrainingConfig(**({"learning_rate": case.learning_rate} | (optimiser or {})))
    o, lr = s.optimiser, s.learning_rate
    if o.kind == "adam":
        return torch.optim.Adam(parameters, lr=lr, betas=(o.beta1, o.beta2), eps=o.epsilon,
                                weight_decay=o.weight_decay)  # fmt: skip
    if o.kind == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=lr, alpha=o.alpha, eps=o.epsilon,
                                   momentum=o.momentum, weight_decay=o.weight_decay)  # fmt: skip
    return torch.optim.SGD(parameters, lr=lr, momentum=o.momentum, nesterov=o.nesterov,
                           weight_decay=o.weight_decay)  # fmt: skip


def torch_block(case, data, weights, seconds, optimiser_settings=None):
    try:
        import torch
    except ImportError:
        return None
    dtype = torch.float32 if case.dtype == np.float32 else torch.float64
    model = torch_model(case, weights, dtype)
    optimiser = torch_optimiser(model.parameters(), case, optimiser_settings)
    loss_fn = torch_loss(case)
    batches = torch_batches(case, data, dtype)
    position = [0]

    def step():
        x, y = batches[position[0] % len(batches)]
        position[0] += 1
        optimiser.zero_grad(set_to_none=True)
        loss_fn(model(x), y).backward()
        optimiser.step()

    n = calibrate(step, seconds)
    return lambda: [step() for _ in range(n)], n


def torch_model(case, weights, dtype):
    import torch

    layers = []
    w, b = weights
    for i, name in enumerate(case.activations):
        linear = torch.nn.Linear(*w[i].shape, bias=case.bias, dtype=dtype)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(w[i].T.copy()))
            if case.bias:
                linear.bias.copy_(torch.from_numpy(b[i]))
        layers.append(linear)
        if name != "softmax" and name != "linear":  # softmax lives in CrossEntropyLoss
            layers.append({"sigmoid": torch.nn.Sigmoid, "tanh": torch.nn.Tanh,
                           "relu": torch.nn.ReLU}[name]())  # fmt: skip
    return torch.nn.Sequential(*layers)


def torch_loss(case):
    import torch

    if case.loss == "cross_entropy":
        return torch.nn.CrossEntropyLoss()
    if case.loss == "mse":
        return torch.nn.MSELoss()
    return lambda y, t: 0.5 * ((y - t) ** 2).sum(dim=1).mean()


def torch_batches(case, data, dtype):
    import torch

    inputs, targets = (torch.from_numpy(a).to(dtype) for a in data)
    if case.loss == "cross_entropy":
        targets = targets.argmax(dim=1)
    rows = range(0, len(inputs), case.batch)
    return [(inputs[r : r + case.batch], targets[r : r + case.batch]) for r in rows]


def sklearn_block(case, data, seconds):
    """MLPRegressor.partial_fit on one batch = one SGD step (identity output: its only kind)."""
    if case.dtype != np.float64:
        return None
    try:
        from sklearn.neural_network import MLPRegressor
    except ImportError:
        return None
    activation = {"sigmoid": "logistic"}.get(case.activations[0], case.activations[0])
    model = MLPRegressor(
        hidden_layer_sizes=case.sizes[1:-1], activation=activation, solver="sgd",
        batch_size=case.batch, learning_rate_init=case.learning_rate, momentum=0.0,
        alpha=0.0, nesterovs_momentum=False, shuffle=False,
    )  # fmt: skip
    inputs, targets = data
    batches = [(inputs[r : r + case.batch], targets[r : r + case.batch])
               for r in range(0, len(inputs), case.batch)]  # fmt: skip
    position = [0]

    def step():
        x, y = batches[position[0] % len(batches)]
        position[0] += 1
        model.partial_fit(x, y if y.shape[1] > 1 else y.ravel())

    n = calibrate(step, seconds)
    return lambda: [step() for _ in range(n)], n


# the case's GEMMs alone ---------------------------------------------------------------------
def case_gemms(case: Case, data):
    """The products of BP Studio's steps, in its layouts (activations a row per unit and a
    column per sample, a row of ones under each layer for its biases; each batch's inputs a
    contiguous copy, as BP Studio makes for data of up to 32 MB that is not shuffled), one
    batch of the data after the other as the steps take them, without the rest."""
    rng = np.random.default_rng(2)
    n, sizes, b, dt = case.batch, case.sizes, int(case.bias), case.dtype
    rows = np.hstack([data[0], np.ones((len(data[0]), b))])
    batches = [np.ascontiguousarray(rows[r : r + n].T, dtype=dt) for r in range(0, len(rows), n)]
    calls = []
    for i, (n_in, n_out) in enumerate(itertools.pairwise(sizes)):
        block = rng.normal(0, 0.1, (n_in + b, n_out)).astype(dt)
        a = None if i == 0 else rng.random((n_in + b, n)).astype(dt)
        z = np.empty((n_out, n), dt)
        delta = rng.normal(size=(n_out, n)).astype(dt)
        grad = np.empty_like(block)
        calls.append(lambda x, block=block, a=a, z=z: np.dot(block.T, x if a is None else a, out=z))
        calls.append(lambda x, a=a, delta=delta, grad=grad: np.dot(x if a is None else a,
                                                                    delta.T, out=grad))  # fmt: skip
        if i:
            da = np.empty((n_in, n), dt)
            w = block[:n_in]
            calls.append(lambda _x, w=w, delta=delta, da=da: np.dot(w, delta, out=da))
    position = [0]

    def run(steps: int) -> None:
        for _ in range(steps):
            x = batches[position[0] % len(batches)]
            position[0] += 1
            for call in calls:
                call(x)

    return run


# GEMM peak ----------------------------------------------------------------------------------
def peak_calls(size: int = 2048) -> dict:
    """float32 matmuls of ``size``^3: NumPy's BLAS, and torch's when installed."""
    rng = np.random.default_rng(1)
    a = rng.random((size, size), dtype=np.float32)
    b = rng.random((size, size), dtype=np.float32)
    calls = {"numpy": lambda: a @ b}
    try:
        import torch

        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        calls["torch"] = lambda: ta @ tb
    except ImportError:
        pass
    return calls


def gemm_peak(repeats: int, size: int = 2048) -> dict[str, float]:
    """float32 GFLOP/s of a large square matmul: NumPy's BLAS, and torch's when installed."""
    flops = 2.0 * size**3
    calls = peak_calls(size)
    return {k: flops * steps_per_second(f, 1, repeats) / 1e9 for k, f in calls.items()}


# rounds: every engine, the case's GEMMs and the peak, block after block -----------------------
class CompareHelper:
    """BP Studio from another source tree, in a process that times blocks on request."""

    def __init__(self, root: str, threads: int) -> None:
        command = [sys.executable, __file__, "--serve", "--root", os.path.abspath(root),
                   "--threads", str(threads)]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.origin = self._reply()

    def _reply(self) -> str:
        line = self.process.stdout.readline()
        if not line:
            sys.exit("the --compare helper stopped (see its error above)")
        return line.strip()

    def time_block(self, case_index: int, steps: int) -> float:
        self.process.stdin.write(f"{case_index} {steps}\n")
        self.process.stdin.flush()
        return float(self._reply())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def serve(threads: int) -> None:
    """The --compare helper: "CASE STEPS" on stdin -> seconds on stdout."""
    limiter = set_threads(threads)
    import bpstudio

    print(os.path.dirname(os.path.dirname(os.path.abspath(bpstudio.__file__))), flush=True)
    trainers = {}
    for line in sys.stdin:
        index, steps = (int(x) for x in line.split())
        trainer = trainers.get(index)
        if trainer is None:
            case = CASES[index]
            rng = np.random.default_rng(0)
            data, weights = make_data(case, rng), make_weights(case, rng)
            trainer = trainers[index] = bpstudio_trainer(case, data, weights, True)
            trainer.run_steps(steps)  # warm-up
        started = perf_counter()
        trainer.run_steps(steps)
        print(perf_counter() - started, flush=True)
    limiter.restore_original_limits()


def rounds(case, index, data, weights, repeats, seconds, helper):
    """Medians over ``repeats`` rounds of one block of each: steps/s of BP Studio, the compared
    tree, the reference path, torch, scikit-learn and the case's GEMMs alone, and the GEMM
    peak (GFLOP/s by library).  Interleaved, so every ratio compares the same machine."""
    fast, n = bpstudio_block(case, data, weights, True, seconds)
    blocks = {"fast": (fast, n)}
    if helper is not None:
        blocks["compare"] = (lambda: helper.time_block(index, n), n)
    blocks["before"] = bpstudio_block(case, data, weights, False, seconds / 2)
    blocks["torch"] = torch_block(case, data, weights, seconds)
    blocks["sklearn"] = sklearn_block(case, data, seconds)
    if case.dtype == np.float32:
        gemms = case_gemms(case, data)
        blocks["gemms"] = (lambda: gemms(n), n)
        for name, call in peak_calls().items():
            blocks["peak " + name] = (call, 1)
    blocks = {k: v for k, v in blocks.items() if v is not None}
    times: dict[str, list[float]] = {k: [] for k in blocks}
    for block, _ in blocks.values():
        block()  # warm-up: buffers, caches, first touch
    for _ in range(repeats):
        for key, (block, _) in blocks.items():
            started = perf_counter()
            result = block()
            times[key].append(result if key == "compare" else perf_counter() - started)
    rates = {k: blocks[k][1] / statistics.median(v) for k, v in times.items()}
    peaks = {k[5:]: 2.0 * 2048**3 * rates.pop(k) / 1e9 for k in list(rates) if k[:5] == "peak "}
    return rates, peaks


# The optimisers of ``--optimisers``: (name, TrainingConfig fields); Adam's and RMSprop's rate is
# torch's default (their steps are about the rate each), the others' the case's.
OPTIMISERS = [
    ("SGD", {}),
    ("momentum 0.9", {"momentum": 0.9}),
    ("Nesterov 0.9", {"momentum": 0.9, "nesterov": True}),
    ("RMSprop", {"optimizer": "rmsprop", "learning_rate": 0.01}),
    ("Adam", {"optimizer": "adam", "learning_rate": 0.001}),
]


def optimiser_rounds(case, data, weights, repeats, seconds):
    """Medians over ``repeats`` rounds of one block of each optimiser, BP Studio and torch:
    steps/s by (engine, optimiser name)."""
    blocks = {}
    for name, settings in OPTIMISERS:
        blocks[("BP Studio", name)] = bpstudio_block(case, data, weights, True, seconds, settings)
        blocks[("torch", name)] = torch_block(case, data, weights, seconds / 2, settings)
    blocks = {k: v for k, v in blocks.items() if v is not None}
    times: dict = {k: [] for k in blocks}
    for block, _ in blocks.values():
        block()  # warm-up
    for _ in range(repeats):
        for key, (block, _) in blocks.items():
            started = perf_counter()
            block()
            times[key].append(perf_counter() - started)
    return {k: blocks[k][1] / statistics.median(v) for k, v in times.items()}


def optimiser_table(args) -> None:
    target = {0: 2.0}  # the seed network; the others 1.3 (issue 18)
    header = (f"{'case':32} {'optimiser':14} {'BP us/step':>10} {'x SGD':>6} "
              f"{'torch us/step':>13} {'x SGD':>6} {'vs torch':>8}  target")  # fmt: skip
    print(header)
    print("-" * len(header))
    chosen = {int(i) for i in args.cases.split(",") if i} or set(range(len(CASES)))
    for index, case in enumerate(CASES):
        if index not in chosen:
            continue
        rng = np.random.default_rng(0)
        data, weights = make_data(case, rng), make_weights(case, rng)
        rates = optimiser_rounds(case, data, weights, args.repeats, args.seconds)
        ours_sgd, theirs_sgd = rates[("BP Studio", "SGD")], rates.get(("torch", "SGD"))
        for name, _ in OPTIMISERS:
            ours, theirs = rates[("BP Studio", name)], rates.get(("torch", name))
            goal = ""
            if name in ("RMSprop", "Adam"):
                limit = target.get(index, 1.3)
                met = ours_sgd / ours <= limit
                goal = f"<= {limit}x SGD: {'met' if met else 'NOT met'}"
            torch_cells = (f"{1e6 / theirs:13.1f} {theirs_sgd / theirs:5.2f}x "
                           f"{ratio(ours, theirs):>8}" if theirs and theirs_sgd
                           else f"{'-':>13} {'-':>6} {'-':>8}")  # fmt: skip
            print(f"{case.name if name == 'SGD' else '':32} {name:14} {1e6 / ours:10.2f} "
                  f"{ours_sgd / ours:5.2f}x {torch_cells}  {goal}")  # fmt: skip


def set_threads(n: int):
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        sys.exit("benchmarks/engine.py needs threadpoolctl: pip install -e '.[bench]'")
    limiter = threadpool_limits(limits=n)
    try:
        import torch

        torch.set_num_threads(n)
    except ImportError:
        pass
    return limiter


def describe_environment(threads: int) -> None:
    from threadpoolctl import threadpool_info

    print(f"Python {platform.python_version()}, NumPy {np.__version__}, threads {threads}")
    for pool in threadpool_info():
        print(f"  {pool['internal_api']} {pool.get('version')} {pool.get('architecture', '')} "
              f"threads={pool['num_threads']} ({os.path.basename(pool['filepath'])})")  # fmt: skip
    for module in ("torch", "sklearn"):
        try:
            print(f"  {module} {__import__(module).__version__}")
        except ImportError:
            print(f"  {module}: not installed (pip install -e '.[bench]')")
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        print(f"  {var}={os.environ.get(var, '(unset)')}")
    print(f"  load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.1f}x" if a and b else "-"


def rate(x: float | None) -> str:
    return f"{x:,.0f}" if x else "-"


def percent(x: float | None) -> str:
    return f"{x:.1f}%" if x else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=0.4, help="per timed block")
    parser.add_argument("--compare", metavar="DIR", help="BP Studio from this tree as well")
    parser.add_argument("--cases", default="", help="indices of the cases to run, e.g. 1,3")
    parser.add_argument(
        "--part",
        choices=["engines", "cli", "optimisers"],
        default="engines",
        help="cli: the command line's steady rate (benchmarks/cli_rate.py); optimisers: each "
        "optimiser against plain SGD, beside torch.optim's",
    )
    parser.add_argument("--cli-steps", type=int, default=1_000_000)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args.threads)
    limiter = set_threads(args.threads)
    describe_environment(args.threads)
    if args.part == "optimisers":
        optimiser_table(args)
        limiter.restore_original_limits()
        return None
    if args.part == "cli":
        import cli_rate

        return cli_rate.report(sys.modules[__name__], args.repeats, args.cli_steps, args.seconds)
    helper = CompareHelper(args.compare, args.threads) if args.compare else None
    if helper:
        print(f"  compared with BP Studio from {helper.origin}")
    peaks = gemm_peak(args.repeats)
    print("float32 GEMM peak (2048^3) at the start: "
          + ", ".join(f"{k} {v:.1f} GFLOP/s" for k, v in peaks.items()))  # fmt: skip
    columns = ["BP Studio", "us/step"]
    columns += ["compared", "vs compared"] if helper else []
    columns += ["before", "torch", "sklearn", "vs before", "vs torch", "vs skl", "% peak",
                "GEMMs % peak", "of GEMMs"]  # fmt: skip
    widths = [max(9, len(c)) for c in columns]
    header = f"{'case':32} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
    header += "  target"
    print(header)
    print("-" * len(header))
    chosen = {int(i) for i in args.cases.split(",") if i} or set(range(len(CASES)))
    for index, case in enumerate(CASES):
        if index not in chosen:
            continue
        rng = np.random.default_rng(0)
        data, weights = make_data(case, rng), make_weights(case, rng)
        rates, round_peaks = rounds(case, index, data, weights, args.repeats, args.seconds,
                                    helper)  # fmt: skip
        fast, before = rates["fast"], rates["before"]
        torch_rate, skl = rates.get("torch"), rates.get("sklearn")
        share = gemm_share = of_gemms = None
        if round_peaks:
            peak = max(round_peaks.values())
            share = fast * case.useful_flops() / 1e9 / peak * 100
            gemm_share = rates["gemms"] * case.useful_flops() / 1e9 / peak * 100
            of_gemms = fast / rates["gemms"] * 100
        cells = [rate(fast), f"{1e6 / fast:.1f}"]
        if helper:
            cells += [rate(rates["compare"]), ratio(fast, rates["compare"])]
        cells += [rate(before), rate(torch_rate), rate(skl), ratio(fast, before),
                  ratio(fast, torch_rate), ratio(fast, skl), percent(share),
                  percent(gemm_share), percent(of_gemms)]  # fmt: skip
        row = " ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True))
        print(f"{case.name:32} {row}  {case.targets}")
        if round_peaks:
            print(f"{'':32}   GEMM peak in its rounds: "
                  + ", ".join(f"{k} {v:.1f}" for k, v in round_peaks.items())
                  + " GFLOP/s")  # fmt: skip
    if helper:
        helper.close()
    limiter.restore_original_limits()


if __name__ == "__main__":
    main()
