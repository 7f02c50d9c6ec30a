"""A project as a PyTorch script (float64): `torch_script(spec, lang)`; and the notebook's closing
check, `torch_check_code`, which redoes the step (and the training) with torch and compares.

The network is one ``torch.nn.Linear`` per layer, gradients come from autograd and the update from
``torch.optim.SGD``. The walkthrough's per-sample gradients are autograd of that sample's own loss
(``E[r].backward()``, with ``retain_grad`` on every z and a); the update uses the batch loss.
The script prints the same ``name = value`` lines as the NumPy one.
"""

from __future__ import annotations

from bpstudio.model.derivation.text import tr as derivation_text
from bpstudio.render.code_numpy import (
    by_layer,
    docstring,
    forward_print_lines,
    setup_cell,
    wrapped,
)
from bpstudio.render.code_spec import ExportSpec
from bpstudio.render.code_words import comment, words

_ACTIVATIONS = {
    "sigmoid": "torch.sigmoid",
    "tanh": "torch.tanh",
    "relu": "torch.relu",
    "leaky_relu": "lambda z: torch.nn.functional.leaky_relu(z, 0.01)",
    "linear": "lambda z: z",
    "softmax": "lambda z: torch.softmax(z, dim=1)",
}


def _loss_lines(spec: ExportSpec, w: dict[str, str]) -> list[str]:
    lines = ["def torch_loss_per_sample(Y, Y_hat, z_out):", f"    # {w['loss.per_sample']}"]
    if spec.loss == "half_sse":
        return [*lines, "    return 0.5 * ((Y - Y_hat) ** 2).sum(dim=1)"]
    if spec.loss == "mse":
        return [*lines, "    return ((Y - Y_hat) ** 2).mean(dim=1)"]
    if spec.activations[-1] == "softmax":
        return [*lines, "    return -(Y_hat * torch.log_softmax(z_out, dim=1)).sum(dim=1)"]
    return [
        *lines,
        "    bce = torch.nn.functional.binary_cross_entropy_with_logits",
        '    return bce(z_out, Y_hat, reduction="none").sum(dim=1)',
    ]


def model_lines(spec: ExportSpec, w: dict[str, str]) -> list[str]:
    """torch_f, build_model, torch_forward and torch_loss_per_sample."""
    pairs = zip(range(2, spec.n_layers + 1), spec.activations, strict=True)
    activations = ", ".join(f"{layer}: {_ACTIVATIONS[name]}" for layer, name in pairs)
    bias = "True" if spec.use_bias else "False"
    lines = [
        f"torch_f = {{{activations}}}",
        "",
        "",
        "def build_model(W, b):" if spec.use_bias else "def build_model(W):",
        *comment(w["torch.model"], "    "),
        "    layers = {}",
        "    for l in range(2, L + 1):",
        f"        layer = torch.nn.Linear(n[l - 1], n[l], bias={bias}, dtype=torch.float64)",
        "        with torch.no_grad():",
        "            layer.weight.copy_(torch.from_numpy(W[l].T))",
    ]
    if spec.use_bias:
        lines += ["            layer.bias.copy_(torch.from_numpy(b[l]))"]
    lines += [
        "        layers[l] = layer",
        "    return layers",
        "",
        "",
        "def torch_forward(layers, x):",
        "    z, a = {}, {1: x}",
        "    for l in range(2, L + 1):",
        "        z[l] = layers[l](a[l - 1])",
        "        a[l] = torch_f[l](z[l])",
        "    return z, a",
        "",
        "",
        *_loss_lines(spec, w),
        "",
        "",
        "def trainable(layers):",
    ]
    if spec.use_bias and not spec.freeze_biases:
        lines += ["    return [p for l in layers for p in (layers[l].weight, layers[l].bias)]"]
    else:
        lines += ["    return [layers[l].weight for l in layers]"]
    return lines


def _start_buffers(spec: ExportSpec, optimizer: str, layers: str) -> list[str]:
    """Momentum buffers from the project's saved state (torch's own start is zero)."""
    start = spec.start
    lines = []
    if spec.momentum and start.momentum_w is not None:
        lines += [f"saved_W = {by_layer(start.momentum_w)}", f"for l in {layers}:"]
        lines += [
            f"    {optimizer}.state[{layers}[l].weight]['momentum_buffer'] = "
            "torch.from_numpy(saved_W[l].T.copy())"
        ]
    if spec.momentum and start.momentum_b is not None and not spec.freeze_biases:
        lines += [f"saved_b = {by_layer(start.momentum_b)}", f"for l in {layers}:"]
        lines += [
            f"    {optimizer}.state[{layers}[l].bias]['momentum_buffer'] = "
            "torch.from_numpy(saved_b[l].copy())"
        ]
    return lines


def training_lines(spec: ExportSpec, w: dict[str, str], show: bool) -> list[str]:
    """N steps with torch.optim.SGD on the Trainer's batches; leaves ``trained`` (the layers)."""
    from bpstudio.render.code_numpy import _start_state_lines

    rows = "X_train, Y_train = X, Y_hat"
    if not spec.all_rows_train:
        rows = "X_train, Y_train = X[train_rows], Y_hat[train_rows]"
    bias = ", b" if spec.use_bias else ""
    state = [line for line in _start_state_lines(spec, w) if "buffer_" not in line]
    lines = [
        f"trained = build_model(W{bias})",
        "sgd = torch.optim.SGD(trainable(trained), lr=learning_rate, momentum=momentum)",
        *_start_buffers(spec, "sgd", "trained"),
        rows,
        "n_rows = len(X_train)",
        "B = min(batch_size, n_rows)",
        *comment(w["train.order"]),
        "rng = np.random.default_rng(seed)",
        "",
        "",
        "def epoch_order():",
        "    return rng.permutation(n_rows) if shuffle else np.arange(n_rows)",
        "",
        "",
        "order, position = epoch_order(), 0",
        *state,
        "",
    ]
    if show:
        lines += [f'print("{w["train.heading"].format(steps=spec.steps)}")']
    lines += [
        f"for step in range(1, {spec.steps} + 1):",
        "    rows = order[position : position + B]",
        "    sgd.zero_grad()",
        "    z, a = torch_forward(trained, torch.from_numpy(X_train[rows]))",
        "    E = torch_loss_per_sample(a[L], torch.from_numpy(Y_train[rows]), z[L]).mean()",
        "    E.backward()",
        "    sgd.step()",
    ]
    if show:
        lines += [f'    show(f"{w["train.step"].format(step="{step}")}", E)']
    lines += [
        "    position += len(rows)",
        "    if position >= n_rows:",
        "        order, position = epoch_order(), 0",
    ]
    return lines


def torch_script(spec: ExportSpec, lang: str = "en", file_name: str = "bp_torch.py") -> str:
    w = words(lang)
    setup = setup_cell(spec, w).code.replace(
        "import numpy as np", "import numpy as np\nimport torch"
    )
    bias = ", b" if spec.use_bias else ""
    lines = [
        docstring(spec, lang, "pytorch", file_name),
        "",
        setup,
        "",
        "",
        *model_lines(spec, w),
        "",
        "",
        "def show(name, value):",
        f'    """{w["show.doc"]}"""',
        '    print(f"{name} = {float(torch.as_tensor(value).detach())!r}")',
        "",
        "",
        "def pair(j, k):",
        '    return f"{j}{k}" if j < 10 and k < 10 else f"{j},{k}"',
        "",
        "",
        f"sample = {spec.sample}  # {w['walk'].format(sample=spec.sample + 1)}",
        f"# {w['walk.batch']}",
        f"batch = {wrapped([str(s) for s in spec.batch], '')}",
        "r = batch.index(sample)",
        f"layers = build_model(W{bias})",
        "z, a = torch_forward(layers, torch.from_numpy(X[batch]))",
        f"# {w['torch.retain']}",
        "for t in [*z.values(), *list(a.values())[1:]]:",
        "    t.retain_grad()",
        *forward_print_lines(w, lang),
        "E = torch_loss_per_sample(a[L], torch.from_numpy(Y_hat[batch]), z[L])",
        'show("E", E[r])',
        "",
        f"# {w['torch.sample_loss']}",
        "E[r].backward(retain_graph=True)",
        f'print("== {derivation_text("phase.backward", lang)}")',
        *_backward_print_lines(spec, w),
        "",
        f"# {w['torch.batch_loss']}",
        "for l in layers:",
        "    layers[l].zero_grad()",
        "E.mean().backward()",
        *_batch_print_lines(spec, w),
        "",
        f"# {w['torch.sgd']}",
        "sgd = torch.optim.SGD(trainable(layers), lr=learning_rate, momentum=momentum)",
        "sgd.step()",
        f'print("{w["walk.update"]}")',
        *_update_print_lines(spec),
        "with torch.no_grad():",
        "    z_new, a_new = torch_forward(layers, torch.from_numpy(X[[sample]]))",
        '    show("E\'", torch_loss_per_sample(a_new[L], torch.from_numpy(Y_hat[[sample]]), '
        "z_new[L])[0])",
    ]
    if spec.steps:
        lines += [
            "",
            "",
            f"# {'-' * 4} {w['train'].format(steps=spec.steps)}",
            *training_lines(spec, w, show=True),
            "",
            *_final_weights_lines(spec, "trained", "show"),
        ]
    return "\n".join(lines) + "\n"


def _backward_print_lines(spec: ExportSpec, w: dict[str, str]) -> list[str]:
    lines = []
    if not spec.merged_output:
        lines += [
            f'print("{w["walk.dY"]}")',
            "for k in range(1, n[L] + 1):",
            '    show(f"dE/dY_{k}", a[L].grad[r, k - 1])',
        ]
    lines += [
        "for l in range(L, 1, -1):",
        f'    print(f"{w["walk.layer"].format(l="{l}")}")',
        "    if l < L:",
        "        for j in range(1, n[l] + 1):",
        '            show(f"dE/da_{j}^{l}", a[l].grad[r, j - 1])',
        "    for k in range(1, n[l] + 1):",
        '        show(f"dE/dz_{k}^{l}", z[l].grad[r, k - 1])',
        "    for k in range(1, n[l] + 1):",
        "        for j in range(1, n[l - 1] + 1):",
        '            show(f"dE/dw_{pair(j, k)}^{l}", layers[l].weight.grad[k - 1, j - 1])',
    ]
    if spec.use_bias:
        lines += [
            "    for k in range(1, n[l] + 1):",
            '        show(f"dE/db_{k}^{l}", layers[l].bias.grad[k - 1])',
        ]
    return lines


def _batch_print_lines(spec: ExportSpec, w: dict[str, str]) -> list[str]:
    if len(spec.batch) < 2:
        return []
    samples = ", ".join(str(s + 1) for s in spec.batch)
    lines = [
        f'print("{w["walk.batch_mean"].format(samples=samples)}")',
        "for l in range(2, L + 1):",
        "    for k in range(1, n[l] + 1):",
        "        for j in range(1, n[l - 1] + 1):",
        '            show(f"batch dE/dw_{pair(j, k)}^{l}", layers[l].weight.grad[k - 1, j - 1])',
    ]
    if spec.use_bias:
        lines += [
            "    for k in range(1, n[l] + 1):",
            '        show(f"batch dE/db_{k}^{l}", layers[l].bias.grad[k - 1])',
        ]
    return lines


def _update_print_lines(spec: ExportSpec) -> list[str]:
    lines = [
        "for l in range(2, L + 1):",
        "    for k in range(1, n[l] + 1):",
        "        for j in range(1, n[l - 1] + 1):",
        '            show(f"new w_{pair(j, k)}^{l}", layers[l].weight[k - 1, j - 1])',
    ]
    if spec.use_bias and not spec.freeze_biases:
        lines += [
            "    for k in range(1, n[l] + 1):",
            '        show(f"new b_{k}^{l}", layers[l].bias[k - 1])',
        ]
    return lines


def _final_weights_lines(spec: ExportSpec, layers: str, show: str) -> list[str]:
    lines = [
        "for l in range(2, L + 1):",
        "    for k in range(1, n[l] + 1):",
        "        for j in range(1, n[l - 1] + 1):",
        f'            {show}(f"w_{{pair(j, k)}}^{{l}}", {layers}[l].weight[k - 1, j - 1])',
    ]
    if spec.use_bias:
        lines += [
            "    for k in range(1, n[l] + 1):",
            f'        {show}(f"b_{{k}}^{{l}}", {layers}[l].bias[k - 1])',
        ]
    return lines


def torch_check_code(spec: ExportSpec, lang: str) -> str:
    """The notebook's last cell: the step (and the training) again with torch, compared with
    the NumPy results of the cells above; prints the largest difference and asserts it is
    tiny."""
    w = words(lang)
    bias = ", b" if spec.use_bias else ""
    update_b = spec.use_bias and not spec.freeze_biases
    lines = [
        "import torch",
        "",
        *model_lines(spec, w),
        "",
        "",
        f"layers = build_model(W{bias})",
        "z_t, a_t = torch_forward(layers, torch.from_numpy(X[batch]))",
        "torch_loss_per_sample(a_t[L], torch.from_numpy(Y_hat[batch]), z_t[L]).mean().backward()",
        "torch.optim.SGD(trainable(layers), lr=learning_rate, momentum=momentum).step()",
        "differences = []",
        "for l in range(2, L + 1):",
        "    differences.append(np.abs(layers[l].weight.detach().numpy().T - W_new[l]).max())",
    ]
    if update_b:
        lines += [
            "    differences.append(np.abs(layers[l].bias.detach().numpy() - b_new[l]).max())"
        ]
    if spec.steps:
        lines += ["", *training_lines(spec, w, show=False), "for l in range(2, L + 1):"]
        lines += ["    trained_W = trained[l].weight.detach().numpy().T"]
        lines += ["    differences.append(np.abs(trained_W - W_trained[l]).max())"]
        if spec.use_bias:
            lines += ["    trained_b = trained[l].bias.detach().numpy()"]
            lines += ["    differences.append(np.abs(trained_b - b_trained[l]).max())"]
    lines += [
        f'print("{w["torch.agree"]}", max(differences))',
        "assert max(differences) < 1e-9",
    ]
    return "\n".join(lines)
