"""A project as one readable NumPy script: `numpy_script(spec, lang)`, or its parts as cells.

The script is what a student would write: dictionaries keyed by the walkthrough's layer numbers,
a loop over layers, one function per idea. It prints every quantity of the walkthrough, in its
order, as ``name = value`` (``z_1^2``, ``dE/dw_11^3``, ``new w_11^3``, ``E'``), with the value in
full precision (Python's repr), so a test can compare it with the derivation. With steps, it then
trains as the Trainer does and prints each step's loss and the final weights.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from bpstudio import __version__
from bpstudio.model.derivation.text import tr as derivation_text
from bpstudio.render.code_spec import ExportSpec
from bpstudio.render.code_words import comment, words


@dataclass(frozen=True)
class Cell:
    """One part of the script: a heading (a comment in the script, Markdown in a notebook) and
    its code."""

    key: str  # "setup", "functions", "forward", "backward", "update", "training"
    title: str
    code: str


def number(x: float) -> str:
    return repr(float(x))


def wrapped(items: list[str], indent: str, width: int = 96) -> str:
    """``[a, b, ...]``, broken over lines of at most ``width`` characters when long."""
    one_line = "[" + ", ".join(items) + "]"
    if len(indent) + len(one_line) <= width:
        return one_line
    lines, line = [], ""
    for item in items:
        if line and len(indent) + 4 + len(line) + len(item) + 2 > width:
            lines.append(line.rstrip())
            line = ""
        line += item + ", "
    lines.append(line.rstrip())
    return "[\n" + "\n".join(f"{indent}    {part}" for part in lines) + f"\n{indent}]"


def array(values: np.ndarray, indent: str = "    ") -> str:
    """``np.array([...])`` with every number in full precision, one row per line."""
    values = np.asarray(values, dtype=np.float64)
    if values.ndim == 1:
        return f"np.array({wrapped([number(v) for v in values], indent)})"
    inner = indent + "    "
    rows = [inner + wrapped([number(v) for v in row], inner) + "," for row in values]
    return "np.array([\n" + "\n".join(rows) + "\n" + indent + "])"


def by_layer(arrays: Iterable[np.ndarray], indent: str = "") -> str:
    """``{2: np.array(...), 3: ...}``: one array per layer, keyed by the walkthrough's number."""
    inner = indent + "    "
    lines = [f"{inner}{layer}: {array(a, inner)}," for layer, a in enumerate(arrays, start=2)]
    return "{\n" + "\n".join(lines) + "\n" + indent + "}"


# --- the parts ---------------------------------------------------------------------------------
def setup_cell(spec: ExportSpec, w: dict[str, str]) -> Cell:
    lines = ["import numpy as np", "", *comment(w["net.layers"])]
    sizes = ", ".join(f"{layer}: {n}" for layer, n in enumerate(spec.layer_sizes, start=1))
    lines += [f"n = {{{sizes}}}  # units per layer", f"L = {spec.n_layers}"]
    lines += [f"W = {by_layer(spec.weights)}"]
    if spec.biases is not None:  # spec.use_bias
        lines += [*comment(w["net.bias"]), f"b = {by_layer(spec.biases)}"]
        if spec.freeze_biases:
            lines += comment(w["net.frozen"])
    lines += ["", f"# {w['data']}", *comment(w["data.rows"])]
    if spec.standardised:
        lines += comment(w["data.standardised"])
    lines += [f"X = {array(spec.inputs, '')}", f"Y_hat = {array(spec.targets, '')}"]
    if not spec.all_rows_train:
        lines += [
            *comment(w["data.train_rows"]),
            f"train_rows = {wrapped([str(r) for r in spec.train_rows], '')}",
        ]
    lines += [
        "",
        f"# {w['settings']}",
        f"learning_rate = {number(spec.learning_rate)}  # {w['settings.lr']}",
        f"momentum = {number(spec.momentum)}  # {w['settings.mu']}",
        f"batch_size = {spec.batch_size}  # {w['settings.batch']}",
        f"shuffle = {spec.shuffle}  # {w['settings.shuffle']}",
        f"seed = {spec.seed}  # {w['settings.seed']}",
    ]
    return Cell("setup", w["net"], "\n".join(lines))


_ACTIVATION_CODE = {
    "sigmoid": ("1 / (1 + np.exp(-z))", "a - a**2", True),
    "tanh": ("np.tanh(z)", "1 - a**2", True),
    "relu": ("np.maximum(z, 0.0)", "(z > 0) * 1.0", False),
    "leaky_relu": ("np.where(z > 0, z, 0.01 * z)", "np.where(z > 0, 1.0, 0.01)", False),
    "linear": ("z.copy()", "np.ones_like(z)", False),
}


def _activation_functions(spec: ExportSpec, w: dict[str, str]) -> list[str]:
    lines = []
    for name in dict.fromkeys(spec.activations):  # each used activation once, in order
        if name == "softmax":
            lines += [
                "def softmax(z):",
                "    e = np.exp(z - z.max(axis=1, keepdims=True))  # shifted: never overflows",
                "    return e / e.sum(axis=1, keepdims=True)",
                "",
                "",
                "def softmax_backward(dE_da, z, a):",
                *comment(w["softmax.jacobian"], "    "),
                "    return a * (dE_da - np.sum(dE_da * a, axis=1, keepdims=True))",
                "",
                "",
            ]
            continue
        value, slope, by_a = _ACTIVATION_CODE[name]
        note = f"  # {w['slope.by_a']}" if by_a else ""
        lines += [
            f"def {name}(z):",
            f"    return {value}",
            "",
            "",
            f"def {name}_slope(z, a):",
            f"    return {slope}{note}",
            "",
            "",
        ]
    layers = range(2, spec.n_layers + 1)
    pairs = zip(layers, spec.activations, strict=True)
    lines.append("f = {" + ", ".join(f"{layer}: {name}" for layer, name in pairs) + "}")
    pairs = zip(layers, spec.activations, strict=True)
    lines.append(
        "f_slope = {"
        + ", ".join(f"{layer}: {name}_slope" for layer, name in pairs if name != "softmax")
        + "}"
    )
    return lines


def _loss_functions(spec: ExportSpec, w: dict[str, str]) -> list[str]:
    output = spec.activations[-1]
    lines = ["def loss_per_sample(Y, Y_hat, z_out):", f"    # {w['loss.per_sample']}"]
    if spec.loss == "half_sse":
        lines += ["    return 0.5 * np.sum((Y - Y_hat) ** 2, axis=1)"]
    elif spec.loss == "mse":
        lines += ["    return np.mean((Y - Y_hat) ** 2, axis=1)"]
    elif output == "softmax":
        lines += [
            "    shifted = z_out - z_out.max(axis=1, keepdims=True)",
            "    log_Y = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))",
            "    return -np.sum(Y_hat * log_Y, axis=1)",
        ]
    else:
        lines = [
            "def softplus(x):",
            *comment(w["loss.softplus"], "    "),
            "    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))",
            "",
            "",
            *lines,
            "    return np.sum(Y_hat * softplus(-z_out) + (1 - Y_hat) * softplus(z_out), axis=1)",
        ]
    if not spec.merged_output:
        slope = "Y - Y_hat" if spec.loss == "half_sse" else "(2.0 / Y.shape[1]) * (Y - Y_hat)"
        lines += ["", "", "def loss_slope(Y, Y_hat):", f"    # {w['loss.slope']}"]
        lines += [f"    return {slope}"]
    return lines


def functions_cell(spec: ExportSpec, w: dict[str, str]) -> Cell:
    bias = " + b[l]" if spec.use_bias else ""
    bias_arg = ", b" if spec.use_bias else ""
    lines = [*_activation_functions(spec, w), "", "", *_loss_functions(spec, w), "", ""]
    lines += [
        f"def forward(W{bias_arg}, x):",
        f'    """{w["forward.doc"]}"""',
        "    z, a = {}, {1: x}",
        "    for l in range(2, L + 1):",
        f"        z[l] = a[l - 1] @ W[l]{bias}",
        "        a[l] = f[l](z[l])",
        "    return z, a",
        "",
        "",
        "def backward(W, z, a, Y_hat):",
        f'    """{w["backward.doc"]}"""',
    ]
    if spec.merged_output:
        lines += [
            "    dE_da = {}",
            f"    # {w['backward.merged']}",
            "    dE_dz = {L: a[L] - Y_hat}",
        ]
    else:
        lines += ["    dE_da = {L: loss_slope(a[L], Y_hat)}", "    dE_dz = {}"]
    lines += ["    for l in range(L, 1, -1):"]
    inner = "        "
    if spec.merged_output:
        lines += [f"{inner}if l < L:"]
        inner += "    "
    lines += [f"{inner}# {w['backward.chain']}", f"{inner}dE_dz[l] = {_through_f(spec)}"]
    lines += [
        "        if l > 2:",
        f"            # {w['backward.to_a']}",
        "            dE_da[l - 1] = dE_dz[l] @ W[l].T",
        "    return dE_da, dE_dz",
        "",
        "",
        "def show(name, value):",
        f'    """{w["show.doc"]}"""',
        '    print(f"{name} = {float(value)!r}")',
        "",
        "",
        "def pair(j, k):",
        '    return f"{j}{k}" if j < 10 and k < 10 else f"{j},{k}"',
    ]
    return Cell("functions", w["functions"], "\n".join(lines))


def _through_f(spec: ExportSpec) -> str:
    """dE/dz[l] from dE/da[l]: the slope, or the Jacobian where a layer is softmax."""
    softmax_layers = [i + 2 for i, a in enumerate(spec.activations) if a == "softmax"]
    plain = "dE_da[l] * f_slope[l](z[l], a[l])"
    if not softmax_layers:
        return plain
    jacobian = "softmax_backward(dE_da[l], z[l], a[l])"
    if len(softmax_layers) == spec.n_layers - 1:
        return jacobian
    return f"{jacobian} if l in {set(softmax_layers)} else {plain}"


def forward_print_lines(w: dict[str, str], lang: str) -> list[str]:
    """The forward pass printed unit by unit for the followed row ``r`` of ``z`` and ``a``
    (the NumPy and the PyTorch script alike)."""
    return [
        f'print("== {derivation_text("phase.forward", lang)}")',
        "for l in range(2, L + 1):",
        f'    print(f"{w["walk.link"].format(p="{l - 1}", l="{l}")}")',
        "    for k in range(1, n[l] + 1):",
        '        show(f"z_{k}^{l}", z[l][r, k - 1])',
        "    for k in range(1, n[l] + 1):",
        '        show(f"a_{k}^{l}", a[l][r, k - 1])',
        f'print("{w["walk.output"]}")',
        "for k in range(1, n[L] + 1):",
        '    show(f"Y_{k}", a[L][r, k - 1])',
    ]


def forward_cell(spec: ExportSpec, w: dict[str, str], lang: str) -> Cell:
    bias = ", b" if spec.use_bias else ""
    lines = [
        f"sample = {spec.sample}  # {w['walk'].format(sample=spec.sample + 1)}",
        f"# {w['walk.batch']}",
        f"batch = {wrapped([str(s) for s in spec.batch], '')}",
        "r = batch.index(sample)  # its row in the batch",
        f"z, a = forward(W{bias}, X[batch])",
        "",
        *forward_print_lines(w, lang),
        "E = loss_per_sample(a[L], Y_hat[batch], z[L])",
        'show("E", E[r])',
    ]
    return Cell("forward", derivation_text("phase.forward", lang), "\n".join(lines))


def backward_cell(spec: ExportSpec, w: dict[str, str], lang: str) -> Cell:
    lines = ["dE_da, dE_dz = backward(W, z, a, Y_hat[batch])", ""]
    lines += [f'print("== {derivation_text("phase.backward", lang)}")']
    if not spec.merged_output:
        lines += [
            f'print("{w["walk.dY"]}")',
            "for k in range(1, n[L] + 1):",
            '    show(f"dE/dY_{k}", dE_da[L][r, k - 1])',
        ]
    lines += [
        "for l in range(L, 1, -1):",
        f'    print(f"{w["walk.layer"].format(l="{l}")}")',
        "    if l < L:",
        "        for j in range(1, n[l] + 1):",
        '            show(f"dE/da_{j}^{l}", dE_da[l][r, j - 1])',
        "    for k in range(1, n[l] + 1):",
        '        show(f"dE/dz_{k}^{l}", dE_dz[l][r, k - 1])',
        f"    # {w['walk.sample_grad']}",
        "    for k in range(1, n[l] + 1):",
        "        for j in range(1, n[l - 1] + 1):",
        '            show(f"dE/dw_{pair(j, k)}^{l}", a[l - 1][r, j - 1] * dE_dz[l][r, k - 1])',
    ]
    if spec.use_bias:
        lines += [
            "    for k in range(1, n[l] + 1):",
            '        show(f"dE/db_{k}^{l}", dE_dz[l][r, k - 1])',
        ]
    lines += ["", "# dE/dW of the batch: the mean over its samples"]
    lines += ["dE_dW = {l: a[l - 1].T @ dE_dz[l] / len(batch) for l in range(2, L + 1)}"]
    if spec.use_bias:
        lines += ["dE_db = {l: dE_dz[l].mean(axis=0) for l in range(2, L + 1)}"]
    if len(spec.batch) > 1:
        samples = ", ".join(str(s + 1) for s in spec.batch)
        lines += [
            f'print("{w["walk.batch_mean"].format(samples=samples)}")',
            "for l in range(2, L + 1):",
            "    for k in range(1, n[l] + 1):",
            "        for j in range(1, n[l - 1] + 1):",
            '            show(f"batch dE/dw_{pair(j, k)}^{l}", dE_dW[l][j - 1, k - 1])',
        ]
        if spec.use_bias:
            lines += [
                "    for k in range(1, n[l] + 1):",
                '        show(f"batch dE/db_{k}^{l}", dE_db[l][k - 1])',
            ]
    return Cell("backward", derivation_text("phase.backward", lang), "\n".join(lines))


def update_cell(spec: ExportSpec, w: dict[str, str], lang: str) -> Cell:
    lines = [*comment(w["walk.update.note"]), f'print("{w["walk.update"]}")']
    lines += ["W_new = {l: W[l] - learning_rate * dE_dW[l] for l in range(2, L + 1)}"]
    update_b = spec.use_bias and not spec.freeze_biases
    if spec.use_bias:
        if update_b:
            lines += ["b_new = {l: b[l] - learning_rate * dE_db[l] for l in range(2, L + 1)}"]
        else:
            lines += ["b_new = b  # " + w["net.frozen"]]
    lines += [
        "for l in range(2, L + 1):",
        "    for k in range(1, n[l] + 1):",
        "        for j in range(1, n[l - 1] + 1):",
        '            show(f"new w_{pair(j, k)}^{l}", W_new[l][j - 1, k - 1])',
    ]
    if update_b:
        lines += [
            "    for k in range(1, n[l] + 1):",
            '        show(f"new b_{k}^{l}", b_new[l][k - 1])',
        ]
    bias = ", b_new" if spec.use_bias else ""
    lines += [
        f"z_new, a_new = forward(W_new{bias}, X[[sample]])",
        'show("E\'", loss_per_sample(a_new[L], Y_hat[[sample]], z_new[L])[0])',
    ]
    return Cell("update", derivation_text("phase.update", lang), "\n".join(lines))


def training_cell(spec: ExportSpec, w: dict[str, str]) -> Cell:
    rows = "X_train, Y_train = X, Y_hat"
    if not spec.all_rows_train:
        rows = "X_train, Y_train = X[train_rows], Y_hat[train_rows]"
    lines = [
        *comment(w["train.restart"]),
        "W_trained = {l: W[l].copy() for l in W}",
        *(["b_trained = {l: b[l].copy() for l in b}"] if spec.use_bias else []),
        rows,
        "n_rows = len(X_train)",
        "B = min(batch_size, n_rows)",
        "",
        *comment(w["train.order"]),
        "rng = np.random.default_rng(seed)",
        "",
        "",
        "def epoch_order():",
        "    return rng.permutation(n_rows) if shuffle else np.arange(n_rows)",
        "",
        "",
        "order, position = epoch_order(), 0",
    ]
    lines += _start_state_lines(spec, w)
    bias_arg = ", b_trained" if spec.use_bias else ""
    update_b = spec.use_bias and not spec.freeze_biases
    lines += [
        "",
        f'print("{w["train.heading"].format(steps=spec.steps)}")',
        f"for step in range(1, {spec.steps} + 1):",
        "    rows = order[position : position + B]",
        f"    z, a = forward(W_trained{bias_arg}, X_train[rows])",
        f"    # {w['train.loss']}",
        "    E = np.mean(loss_per_sample(a[L], Y_train[rows], z[L]))",
        "    dE_da, dE_dz = backward(W_trained, z, a, Y_train[rows])",
        "    for l in range(2, L + 1):",
        "        dE_dW_l = a[l - 1].T @ dE_dz[l] / len(rows)",
    ]
    if update_b:
        lines += ["        dE_db_l = dE_dz[l].mean(axis=0)"]
    if spec.momentum:
        lines += [
            f"        # {w['train.momentum']}",
            "        buffer_W[l] = momentum * buffer_W[l] + dE_dW_l",
            "        W_trained[l] = W_trained[l] - learning_rate * buffer_W[l]",
        ]
        if update_b:
            lines += [
                "        buffer_b[l] = momentum * buffer_b[l] + dE_db_l",
                "        b_trained[l] = b_trained[l] - learning_rate * buffer_b[l]",
            ]
    else:
        lines += [f"        # {w['train.plain']}"]
        lines += ["        W_trained[l] = W_trained[l] - learning_rate * dE_dW_l"]
        if update_b:
            lines += ["        b_trained[l] = b_trained[l] - learning_rate * dE_db_l"]
    step_label = w["train.step"].format(step="{step}")
    lines += [
        f'    show(f"{step_label}", E)',
        "    position += len(rows)",
        "    if position >= n_rows:  # the epoch is over: a new order",
        "        order, position = epoch_order(), 0",
        "",
        "for l in range(2, L + 1):",
        "    for k in range(1, n[l] + 1):",
        "        for j in range(1, n[l - 1] + 1):",
        '            show(f"w_{pair(j, k)}^{l}", W_trained[l][j - 1, k - 1])',
    ]
    if spec.use_bias:
        lines += [
            "    for k in range(1, n[l] + 1):",
            '        show(f"b_{k}^{l}", b_trained[l][k - 1])',
        ]
    return Cell("training", w["train"].format(steps=spec.steps), "\n".join(lines))


def _start_state_lines(spec: ExportSpec, w: dict[str, str]) -> list[str]:
    """The momentum buffers and, when the project saved them, the epoch and the generator."""
    start = spec.start
    lines = []
    saved = (start.momentum_w, start.momentum_b, start.rng, start.position)
    if any(s is not None for s in saved):
        lines += ["", *comment(w["train.state"])]
    if start.rng is not None:
        lines += [
            "rng = np.random.Generator(np.random.PCG64())",
            f"rng.bit_generator.state = {start.rng!r}",
        ]
        if start.position is None:
            lines += ["order, position = epoch_order(), 0"]
    if start.position is not None:
        if spec.shuffle and start.order is not None:
            lines += [f"order = np.array({wrapped([str(i) for i in start.order], '')})"]
        lines += [f"position = {start.position}"]
    if spec.momentum:
        if start.momentum_w is not None:
            lines += [f"buffer_W = {by_layer(start.momentum_w)}"]
        else:
            lines += ["buffer_W = {l: np.zeros_like(W[l]) for l in W}  # momentum buffers"]
        if spec.use_bias and not spec.freeze_biases:
            if start.momentum_b is not None:
                lines += [f"buffer_b = {by_layer(start.momentum_b)}"]
            else:
                lines += ["buffer_b = {l: np.zeros_like(b[l]) for l in b}"]
    return lines


# --- the whole ---------------------------------------------------------------------------------
def numpy_cells(spec: ExportSpec, lang: str) -> list[Cell]:
    w = words(lang)
    cells = [
        setup_cell(spec, w),
        functions_cell(spec, w),
        forward_cell(spec, w, lang),
        backward_cell(spec, w, lang),
        update_cell(spec, w, lang),
    ]
    if spec.steps:
        cells.append(training_cell(spec, w))
    return cells


def docstring(spec: ExportSpec, lang: str, kind: str, file_name: str) -> str:
    w = words(lang)
    parts = [
        derivation_text("title", lang, sample=spec.sample + 1),
        "",
        w["doc.exported"].format(version=__version__, name=spec.name),
        w[f"doc.{kind}"].format(file=file_name),
        w["doc.what"].format(sample=spec.sample + 1),
    ]
    if spec.steps:
        parts.append(w["doc.steps"].format(steps=spec.steps))
    return '"""' + "\n".join(parts).replace('"""', "'''") + '\n"""'


def numpy_script(spec: ExportSpec, lang: str = "en", file_name: str = "bp_numpy.py") -> str:
    blocks = [docstring(spec, lang, "numpy", file_name)]
    for cell in numpy_cells(spec, lang):
        rule = "# " + "-" * 4 + f" {cell.title} " + "-" * max(4, 90 - len(cell.title))
        blocks.append(f"{rule}\n{cell.code}")
    return "\n\n".join(blocks) + "\n"
