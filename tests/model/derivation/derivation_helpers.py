"""Helpers for the derivation tests: random networks, and an evaluator for substituted LaTeX.

The evaluator is deliberately independent of the code under test: it reads the LaTeX text a
student would read and turns it into Python arithmetic.
"""

from __future__ import annotations

import itertools
import math
import re

import numpy as np

from bpstudio.model import Network

HIDDEN = ("sigmoid", "tanh", "relu", "leaky_relu", "linear")
OUTPUT = (*HIDDEN, "softmax")


def random_case(rng: np.random.Generator):
    """(network, inputs, targets, loss, sample, batch) drawn at random."""
    sizes = [int(n) for n in rng.integers(1, 7, size=int(rng.integers(2, 6)))]
    acts = [str(rng.choice(HIDDEN)) for _ in sizes[2:]] + [str(rng.choice(OUTPUT))]
    loss = str(rng.choice(("half_sse", "mse", "cross_entropy")))
    if loss == "cross_entropy" and acts[-1] not in ("softmax", "sigmoid"):
        acts[-1] = str(rng.choice(("softmax", "sigmoid")))
    weights = [rng.normal(0, 0.8, (a, b)) for a, b in itertools.pairwise(sizes)]
    biases = [rng.normal(0, 0.5, n) for n in sizes[1:]] if rng.random() < 0.5 else None
    net = Network(sizes, acts, weights, biases)
    n_samples = int(rng.integers(1, 6))
    inputs = rng.normal(0, 1, (n_samples, sizes[0]))
    if loss == "cross_entropy":
        targets = rng.random((n_samples, sizes[-1]))
        if acts[-1] == "softmax":
            targets /= targets.sum(axis=1, keepdims=True)
    else:
        targets = rng.normal(0, 1, (n_samples, sizes[-1]))
    sample = int(rng.integers(0, n_samples))
    size = int(rng.integers(1, n_samples + 1))
    start = (sample // size) * size
    batch = tuple(range(start, min(start + size, n_samples)))
    return net, inputs, targets, loss, sample, batch


# evaluating substituted formulas -------------------------------------------------------------
_SIMPLE = [
    (r"\left[", "("),
    (r"\right]", ")"),
    ("[", "("),
    ("]", ")"),
    (r"\cdot", "*"),
    (r"\times", "*"),
    (r"\tanh", "tanh"),
    (r"\ln", "log"),
    (r"\max", "max"),
]


def _group(text: str, i: int) -> tuple[str, int]:
    """The contents of the brace group starting at text[i] == '{', and the index after it."""
    assert text[i] == "{", text[i:]
    depth = 0
    for j in range(i, len(text)):
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return text[i + 1 : j], j + 1
    raise AssertionError(f"unbalanced braces in {text!r}")


def to_python(tex: str) -> str:
    for old, new in _SIMPLE:
        tex = tex.replace(old, new)
    out, i = [], 0
    while i < len(tex):
        if tex.startswith(r"\frac", i):
            num, i = _group(tex, i + 5)
            den, i = _group(tex, i)
            out.append(f"(({to_python(num)})/({to_python(den)}))")
        elif tex.startswith(r"\sqrt", i):
            arg, i = _group(tex, i + 5)
            out.append(f"sqrt({to_python(arg)})")
        elif tex.startswith("e^{", i) and (i == 0 or not tex[i - 1].isalpha()):
            arg, i = _group(tex, i + 2)
            out.append(f"exp({to_python(arg)})")
        elif tex.startswith("^{", i):
            arg, i = _group(tex, i + 1)
            out.append(f"**({to_python(arg)})")
        elif tex[i] == "^":
            out.append("**")
            i += 1
        elif tex[i] in "{}":  # a plain group, such as the braced sign of {-0.2}
            out.append("(" if tex[i] == "{" else ")")
            i += 1
        elif tex[i] == "\\":
            raise AssertionError(f"unexpected command in a substituted formula: {tex[i:]!r}")
        else:
            out.append(tex[i])
            i += 1
    return re.sub(r"\)\s+\(", ")*(", "".join(out))


def numeric_parts(substituted: str) -> list[str]:
    """The sides of a substituted formula that hold numbers only (not the quantity's name)."""
    parts = re.split(r" = | \\leftarrow ", substituted)
    return [
        p
        for p in parts
        if "_" not in p
        and r"\partial" not in p
        and not p.startswith("E")  # E^{(2)}, the loss of sample 2
        and any(ch.isdigit() for ch in p)
    ]


def evaluate(tex: str) -> float:
    env = {"exp": math.exp, "tanh": math.tanh, "log": math.log, "max": max, "sqrt": math.sqrt}
    return float(eval(to_python(tex), {"__builtins__": {}}, env))
