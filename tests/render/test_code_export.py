"""The exported NumPy script, PyTorch script and notebook reproduce BP Studio's numbers.

Each export runs in a subprocess (the notebook: its code cells in order) without bpstudio on the
path. Every ``name = value`` line of the walkthrough is compared, in order and by name, with
the derivation (1e-12); after ``--steps N`` each step's loss and the final weights are compared
with BP Studio's Trainer (1e-9 relative).
"""

from __future__ import annotations

import itertools
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bpstudio.model import Trainer
from bpstudio.model.derivation import derive_project
from bpstudio.model.project import from_json, load_project
from bpstudio.render.code_export import export_code

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
LINE = re.compile(r"^(?P<name>.+?) = (?P<value>\S+)$")
WALK_TOL = 1e-12
TRAIN_TOL = 1e-9


def _network_json(sizes, activations, *, bias=True, freeze=False, seed=0):
    rng = np.random.default_rng(seed)
    links = itertools.pairwise(sizes)
    weights = [rng.uniform(-1, 1, (m, n)).tolist() for m, n in links]
    biases = [rng.uniform(-0.5, 0.5, n).tolist() for n in sizes[1:]] if bias else None
    return {
        "layer_sizes": sizes, "activations": activations, "use_bias": bias,
        "freeze_biases": freeze, "weights": weights, "biases": biases,
    }  # fmt: skip


def _project_json(network, loss, inputs, targets, training, dataset_extra=None):
    return {
        "format": "bpstudio-project", "version": 1, "name": "test", "network": network,
        "loss": loss, "training": training,
        "dataset": {"inputs": inputs, "targets": targets, **(dataset_extra or {})},
    }  # fmt: skip


def _made_projects():
    rng = np.random.default_rng(7)
    x = rng.normal(size=(12, 3)) * 3 + 1
    labels = (x[:, 0] + x[:, 1] > 2).astype(int)
    one_hot = np.eye(2)[labels].tolist()
    train = {"learning_rate": 0.3, "momentum": 0.8, "batch_size": 5, "shuffle": True, "seed": 4}
    softmax_ce = _project_json(
        _network_json([3, 4, 2], ["relu", "softmax"], seed=1), "cross_entropy", x.tolist(),
        one_hot, train, {"split": {"test_fraction": 0.25, "seed": 3},
                         "standardisation": {"on": True}},
    )  # fmt: skip
    softmax_sse = _project_json(
        _network_json([3, 3, 3, 2], ["leaky_relu", "tanh", "softmax"], freeze=True, seed=2),
        "half_sse", x.tolist(), one_hot,
        {"learning_rate": 0.5, "momentum": 0.0, "batch_size": 4, "shuffle": False, "seed": 0},
    )  # fmt: skip
    linear_mse = _project_json(
        _network_json([3, 5, 2], ["sigmoid", "linear"], seed=3), "mse", x.tolist(),
        rng.normal(size=(12, 2)).tolist(),
        {"learning_rate": 0.05, "momentum": 0.5, "batch_size": 100, "shuffle": True, "seed": 9},
    )  # fmt: skip
    return {"softmax_ce": softmax_ce, "softmax_sse": softmax_sse, "linear_mse": linear_mse}


def _project(name: str):
    made = _made_projects()
    if name in made:
        return from_json(json.loads(json.dumps(made[name])))
    return load_project(EXAMPLES / f"{name}.json")


def _pair(j: int, k: int) -> str:
    return f"{j}{k}" if j < 10 and k < 10 else f"{j},{k}"


def expected_name(step) -> str:
    """The name the exported code prints for a derivation step."""
    q, layer, idx = step.quantity, step.layer, step.indices
    weight = f"w_{_pair(*idx)}^{layer}" if len(idx) == 2 else ""
    unit = f"_{idx[0]}^{layer}" if len(idx) == 1 else ""
    names = {
        "z": f"z{unit}", "a": f"a{unit}", "E": "E", "E_new": "E'",
        "dE/dz": f"dE/dz{unit}", "dE/da": f"dE/da{unit}", "dE/db": f"dE/db{unit}",
        "dE/dw": f"dE/d{weight}", "dE/dw_batch": f"batch dE/d{weight}",
        "dE/db_batch": f"batch dE/db{unit}", "w_new": f"new {weight}", "b_new": f"new b{unit}",
    }  # fmt: skip
    if q in ("Y", "dE/dY"):
        return f"{q.replace('Y', '')}Y_{idx[0]}"
    return names[q]


def _value_lines(output: str) -> list[tuple[str, float]]:
    found = []
    for line in output.splitlines():
        m = LINE.match(line)
        if m:
            found.append((m["name"], float(m["value"])))
    return found


def _run(code: str, tmp_path: Path, name: str) -> str:
    script = tmp_path / name
    script.write_text(code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-I", str(script)], capture_output=True, text=True, timeout=300,
        cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    return result.stdout


def _notebook_code(text: str) -> str:
    nb = json.loads(text)
    assert nb["nbformat"] == 4
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    return "\n\n".join("".join(c["source"]) for c in cells)


def run_export(project, target: str, tmp_path: Path, **options) -> str:
    text = export_code(project, target, **options)
    if target == "notebook":
        text = _notebook_code(text)
    assert "bpstudio" not in "\n".join(
        line for line in text.splitlines() if line.startswith(("import", "from"))
    )
    return _run(text, tmp_path, f"export_{target}.py")


def check_walkthrough(project, printed, sample: int = 0) -> int:
    derivation = derive_project(project, sample)
    assert len(printed) >= len(derivation.steps)
    for step, (name, value) in zip(derivation.steps, printed, strict=False):
        assert name == expected_name(step), (step.index, step.quantity, name)
        if math.isfinite(step.value):
            assert value == pytest.approx(step.value, rel=WALK_TOL, abs=WALK_TOL), name
    return len(derivation.steps)


def bp_studio_training(project, steps: int):
    """What BP Studio's own trainer does with the project (as `bpstudio train --steps`)."""
    network = project.network.copy()
    extra = {"state": project.optimiser} if getattr(project, "optimiser", None) else {}
    trainer = Trainer(
        network, project.dataset.training_set(), project.loss, project.training,
        step=project.steps_taken, **extra,
    )  # fmt: skip
    trainer.run_steps(steps)
    return list(trainer.history.steps.view()), network


def check_training(project, printed, steps: int) -> None:
    losses, network = bp_studio_training(project, steps)
    step_lines = printed[:steps]
    assert [n for n, _ in step_lines][-1].endswith("E")
    np.testing.assert_allclose([v for _, v in step_lines], losses, rtol=TRAIN_TOL, atol=1e-15)
    expected = []
    for layer in range(2, network.n_layers + 1):
        W = network.weights[layer - 2]
        expected += [W[j, k] for k in range(W.shape[1]) for j in range(W.shape[0])]
        if network.biases is not None:
            expected += list(network.biases[layer - 2])
    weights = printed[steps:]
    assert len(weights) == len(expected)
    np.testing.assert_allclose([v for _, v in weights], expected, rtol=TRAIN_TOL, atol=1e-12)


CASES = [
    # project, steps, language
    ("seed", 100, "en"),
    ("xor", 100, "zh"),
    ("and_gate", 40, "en"),
    ("sine", 100, "zh"),
    ("spirals", 60, "en"),
    ("softmax_ce", 100, "en"),
    ("softmax_sse", 50, "zh"),
    ("linear_mse", 30, "en"),
]


# Every project as NumPy; PyTorch on the projects that between them take every branch of its
# code (losses, output layers, biases frozen or not, split, batches); the notebook on three
# (each run imports torch for its closing check, a few seconds apiece).
TORCH_CASES = ("seed", "xor", "spirals", "softmax_ce", "softmax_sse", "linear_mse")
NOTEBOOK_CASES = ("seed", "spirals", "softmax_sse")
RUNS = [
    (target, *case)
    for case in CASES
    for target in ("numpy", "pytorch", "notebook")
    if target == "numpy"
    or (target == "pytorch" and case[0] in TORCH_CASES)
    or (target == "notebook" and case[0] in NOTEBOOK_CASES)
]


@pytest.mark.parametrize(("target", "name", "steps", "lang"), RUNS)
def test_the_export_prints_the_walkthrough_and_trains_as_bp_studio(
    tmp_path, name, steps, lang, target
):
    project = _project(name)
    output = run_export(project, target, tmp_path, lang=lang, steps=steps)
    printed = _value_lines(output)
    used = check_walkthrough(project, printed)
    check_training(project, printed[used:], steps)
    if target == "notebook":
        assert "torch" in output and "assert" not in output


def test_a_later_sample_is_walked_through_with_its_own_batch(tmp_path):
    project = _project("xor")
    project.training = project.training.with_changes(batch_size=2)
    output = run_export(project, "numpy", tmp_path, sample=2)
    assert "\nbatch = [2, 3]\n" in export_code(project, "numpy", sample=2)
    printed = _value_lines(output)
    assert check_walkthrough(project, printed, sample=2) == len(printed)


def test_the_comments_follow_the_language():
    project = _project("seed")
    english = export_code(project, "numpy", lang="en")
    chinese = export_code(project, "numpy", lang="zh")
    assert "# The data" in english and "正向传播" not in english
    assert "# 数据" in chinese and 'print("== 正向传播")' in chinese
    notebook = json.loads(export_code(project, "notebook", lang="zh"))
    markdown = "".join(
        "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"
    )
    assert "## 正向传播" in markdown and "$$ z_1^2 = x_1 \\cdot w_{11}^2" in markdown
    assert "用 PyTorch 验算" in markdown


def test_the_script_reads_as_a_student_would_write_it():
    script = export_code(_project("spirals"), "numpy", steps=3)
    assert "for l in range(2, L + 1):" in script and "def backward(W, z, a, Y_hat):" in script
    assert "W = {\n    2: np.array([" in script
    assert "rng = np.random.default_rng(seed)" in script
    assert "buffer_W[l] = momentum * buffer_W[l] + dE_dW_l" in script
    assert max(len(line) for line in script.splitlines()) <= 100
    torch_script = export_code(_project("spirals"), "pytorch", steps=3)
    assert "torch.optim.SGD(" in torch_script and "torch.nn.Linear(" in torch_script
    assert ".backward(" in torch_script


def test_unknown_targets_and_samples_are_refused():
    project = _project("seed")
    with pytest.raises(ValueError, match="unknown export 'java'"):
        export_code(project, "java")
    with pytest.raises(ValueError, match="sample 2 does not exist"):
        export_code(project, "numpy", sample=1)


@pytest.mark.parametrize("target", ["numpy", "pytorch", "notebook"])
def test_training_continues_from_the_project_files_optimiser_state(tmp_path, target):
    if not hasattr(Trainer, "optimiser_state"):
        pytest.skip("needs the optimiser state in the project file (format version 2)")
    from bpstudio.model.project import save_project

    project = _project("sine")  # shuffled, momentum 0.9, 3 batches of 7 per epoch
    trainer = Trainer(
        project.network, project.dataset.training_set(), project.loss, project.training
    )
    trainer.run_steps(4)  # into the second epoch, with momentum built up
    project.optimiser = trainer.optimiser_state()
    project.steps_taken = trainer.step_count
    save_project(project, tmp_path / "trained.json")
    project = load_project(tmp_path / "trained.json")  # the state as the file keeps it
    assert project.optimiser is not None
    script = export_code(project, "numpy", steps=30)
    assert "buffer_W = {" in script and "rng.bit_generator.state = " in script
    printed = _value_lines(run_export(project, target, tmp_path, steps=30))
    used = check_walkthrough(project, printed)
    check_training(project, printed[used:], 30)


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"optimizer": "adam"}, "trains with adam"),
        ({"optimizer": "rmsprop"}, "trains with rmsprop"),
        ({"momentum": 0.9, "nesterov": True}, "without Nesterov momentum or weight decay"),
        ({"weight_decay": 0.01}, "without Nesterov momentum or weight decay"),
    ],
)
def test_an_optimiser_the_export_does_not_write_is_refused_by_name(changes, says):
    """The exported code trains with SGD and momentum: another optimiser would be another run."""
    from bpstudio.model.examples import load_example
    from bpstudio.render.code_spec import export_spec

    project = load_example("xor")
    project.training = project.training.with_changes(**changes)
    with pytest.raises(ValueError, match=says):
        export_spec(project)
