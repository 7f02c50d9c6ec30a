"""Training steps per second (forward + backward + SGD update): BP Studio against its peers.

    python benchmarks/engine.py [--threads 1] [--repeats 5] [--seconds 0.4]

Prints one table: for each case, BP Studio's fast path, its reference path (the code before the
fast path, still in `Trainer._reference_step`), PyTorch CPU and scikit-learn when installed
(`pip install -e ".[bench]"`), ratios side by side, and the share of the float32 GEMM peak
measured in the same run.  Figures are medians over ``--repeats`` timed blocks.

Threads: ONE by default, for every engine and for the GEMM peak.  The machine has 2 cores and
BP Studio trains on one thread while the GUI thread needs the other; and two BLAS threads
collapse (each waits for the other at every GEMM) as soon as another process loads a core.
``--threads 2`` measures the other choice, for every engine alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
from dataclasses import dataclass
from time import perf_counter

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from bpstudio.model import Dataset, Network, Trainer, TrainingConfig  # noqa: E402


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
        """Multiply-adds x 2 of forward, dE/dW and dE/da of every layer but the inputs'."""
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
def bpstudio_trainer(case: Case, data, weights, fast: bool) -> Trainer:
    w, b = weights
    net = Network(list(case.sizes), list(case.activations), w, b, dtype=case.dtype)
    config = TrainingConfig(learning_rate=case.learning_rate, batch_size=case.batch)
    trainer = Trainer(net, Dataset(*data), case.loss, config)
    trainer.use_fast_path = fast
    return trainer


def bench_bpstudio(case, data, weights, fast, repeats, seconds) -> float:
    trainer = bpstudio_trainer(case, data, weights, fast)
    n = calibrate(lambda: trainer.run_steps(1), seconds)
    return steps_per_second(lambda: trainer.run_steps(n), n, repeats)


def bench_torch(case, data, weights, repeats, seconds) -> float | None:
    try:
        import torch
    except ImportError:
        return None
    dtype = torch.float32 if case.dtype == np.float32 else torch.float64
    model = torch_model(case, weights, dtype)
    optimiser = torch.optim.SGD(model.parameters(), lr=case.learning_rate)
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
    return steps_per_second(lambda: [step() for _ in range(n)], n, repeats)


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


def bench_sklearn(case, data, repeats, seconds) -> float | None:
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
    return steps_per_second(lambda: [step() for _ in range(n)], n, repeats)


# GEMM peak ----------------------------------------------------------------------------------
def gemm_peak(repeats: int, size: int = 2048) -> dict[str, float]:
    """float32 GFLOP/s of a large square matmul: NumPy's BLAS, and torch's when installed."""
    rng = np.random.default_rng(1)
    a = rng.random((size, size), dtype=np.float32)
    b = rng.random((size, size), dtype=np.float32)
    flops = 2.0 * size**3
    peaks = {"numpy": flops * steps_per_second(lambda: a @ b, 1, repeats) / 1e9}
    try:
        import torch

        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        peaks["torch"] = flops * steps_per_second(lambda: ta @ tb, 1, repeats) / 1e9
    except ImportError:
        pass
    return peaks


# report -------------------------------------------------------------------------------------
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=0.4, help="per timed block")
    args = parser.parse_args()
    limiter = set_threads(args.threads)
    describe_environment(args.threads)
    peaks = gemm_peak(args.repeats)
    peak = max(peaks.values())
    print("float32 GEMM peak (2048^3): "
          + ", ".join(f"{k} {v:.1f} GFLOP/s" for k, v in peaks.items()))  # fmt: skip
    columns = ["BP Studio", "us/step", "before", "torch", "sklearn", "vs before", "vs torch",
               "vs skl", "% peak"]  # fmt: skip
    widths = [11, 8, 9, 9, 8, 9, 8, 7, 6]
    header = f"{'case':32} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
    header += "  target"
    print(header)
    print("-" * len(header))
    for case in CASES:
        rng = np.random.default_rng(0)
        data, weights = make_data(case, rng), make_weights(case, rng)
        fast = bench_bpstudio(case, data, weights, True, args.repeats, args.seconds)
        before = bench_bpstudio(case, data, weights, False, 3, args.seconds / 2)
        torch_rate = bench_torch(case, data, weights, args.repeats, args.seconds)
        skl = bench_sklearn(case, data, 3, args.seconds)
        share = fast * case.useful_flops() / 1e9 / peak * 100
        cells = [rate(fast), f"{1e6 / fast:.1f}", rate(before), rate(torch_rate), rate(skl),
                 ratio(fast, before), ratio(fast, torch_rate), ratio(fast, skl),
                 f"{share:.1f}%"]  # fmt: skip
        row = " ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True))
        print(f"{case.name:32} {row}  {case.targets}")
    limiter.restore_original_limits()


if __name__ == "__main__":
    main()
