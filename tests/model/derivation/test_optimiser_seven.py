"""七 for every optimiser: its numbers are the update function's, checked two ways.

1. Against an independent reference written here from the optimisers' published formulas
   (torch.optim's documented pseudo-code, the Adam paper's bias corrections), in NumPy over
   whole arrays: every state line (g, b, v, m, v, m̂, v̂) and every new weight, to 1e-12.
2. Against the trainer's real next step (`next_step.take_next_step`) on projects trained a few
   steps with that optimiser, so that the state slots are not zero: 七's new weights equal
   Step's to 1e-12.

And every substituted formula evaluates (as a student would read it) to its value; the
symbols follow the notation preset; both languages name the optimiser.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from bpstudio.model import Dataset, Network, TrainingConfig
from bpstudio.model.derivation import build_derivation, derive_project
from bpstudio.model.derivation.optimiser_step import OptimiserStep
from bpstudio.model.examples import load_example
from bpstudio.model.next_step import take_next_step
from bpstudio.model.optimisers import OptimiserSettings
from bpstudio.model.project import Project
from tests.model.derivation.derivation_helpers import evaluate, numeric_parts
from tests.model.test_fast_step import assert_close
from tests.model.test_resume import random_project, train

SETTINGS = {
    "sgd+decay": OptimiserSettings("sgd", weight_decay=0.05),
    "momentum": OptimiserSettings("sgd", momentum=0.9),
    "nesterov": OptimiserSettings("sgd", momentum=0.8, nesterov=True),
    "nesterov+decay": OptimiserSettings("sgd", momentum=0.5, nesterov=True, weight_decay=0.01),
    "rmsprop": OptimiserSettings("rmsprop", alpha=0.9, epsilon=1e-6),
    "rmsprop+momentum+decay": OptimiserSettings(
        "rmsprop", alpha=0.95, momentum=0.7, weight_decay=0.02
    ),
    "adam": OptimiserSettings("adam"),
    "adam+decay": OptimiserSettings("adam", beta1=0.8, beta2=0.99, epsilon=1e-5, weight_decay=0.1),
}
LEARNING_RATE = 0.05
N_CASES = 6


def _case(seed: int):
    """A random network with biases, data, and random state slots after ``step`` steps."""
    rng = np.random.default_rng(seed)
    sizes = [int(n) for n in rng.integers(1, 4, size=int(rng.integers(2, 4)))]
    acts = ["tanh"] * (len(sizes) - 2) + ["sigmoid"]
    weights = [rng.normal(0, 0.8, (a, b)) for a, b in itertools.pairwise(sizes)]
    biases = [rng.normal(0, 0.5, n) for n in sizes[1:]]
    net = Network(sizes, acts, weights, biases)
    inputs = rng.normal(0, 1, (3, sizes[0]))
    targets = rng.random((3, sizes[-1]))
    step = int(rng.integers(0, 7))
    slots = [
        {
            "momentum_buffer": rng.normal(0, 0.1, p.shape),
            "square_avg": rng.random(p.shape) * 0.01,
            "exp_avg": rng.normal(0, 0.1, p.shape),
            "exp_avg_sq": rng.random(p.shape) * 0.01,
            "step": step,
        }
        for p in net.parameters()
    ]
    return net, inputs, targets, slots


def reference(params, grads, slots, s: OptimiserSettings, lr: float):
    """One step of the optimiser on whole arrays, written from the formulas: the new
    parameters and the lines' values by name ("grad", "momentum_buffer", ..., "exp_avg_hat")."""
    new_params, lines = [], {}
    for i, (p, g, slot) in enumerate(zip(params, grads, slots, strict=True)):
        g = g + s.weight_decay * p
        lines[("grad", i)] = g
        t = slot["step"] + 1
        if s.kind == "sgd":
            if s.momentum == 0:
                new_params.append(p - lr * g)
                continue
            b = s.momentum * slot["momentum_buffer"] + g
            lines[("momentum_buffer", i)] = b
            new_params.append(p - lr * (g + s.momentum * b if s.nesterov else b))
        elif s.kind == "rmsprop":
            v = s.alpha * slot["square_avg"] + (1 - s.alpha) * g**2
            lines[("square_avg", i)] = v
            scaled = g / (np.sqrt(v) + s.epsilon)
            if s.momentum:
                b = s.momentum * slot["momentum_buffer"] + scaled
                lines[("momentum_buffer", i)] = b
                scaled = b
            new_params.append(p - lr * scaled)
        else:
            m = s.beta1 * slot["exp_avg"] + (1 - s.beta1) * g
            v = s.beta2 * slot["exp_avg_sq"] + (1 - s.beta2) * g**2
            m_hat, v_hat = m / (1 - s.beta1**t), v / (1 - s.beta2**t)
            lines.update({("exp_avg", i): m, ("exp_avg_sq", i): v})
            lines.update({("exp_avg_hat", i): m_hat, ("exp_avg_sq_hat", i): v_hat})
            new_params.append(p - lr * m_hat / (np.sqrt(v_hat) + s.epsilon))
    return new_params, lines


_LINE_OF = {
    "grad": "grad",
    "buffer": "momentum_buffer",
    "square_avg": "square_avg",
    "exp_avg": "exp_avg",
    "exp_avg_sq": "exp_avg_sq",
    "exp_avg_hat": "exp_avg_hat",
    "exp_avg_sq_hat": "exp_avg_sq_hat",
}


def _at(array: np.ndarray, indices) -> float:
    return float(array[tuple(i - 1 for i in indices)])


@pytest.mark.parametrize("name", SETTINGS)
@pytest.mark.parametrize("case", range(N_CASES))
def test_seven_equals_a_reference_written_from_the_formulas(name, case):
    settings = SETTINGS[name]
    net, inputs, targets, slots = _case(case)
    batch = (0, 1, 2)
    d = build_derivation(net, inputs, targets, "half_sse", 0, LEARNING_RATE, batch,
                         optimiser=OptimiserStep(settings, slots), digits=17)  # fmt: skip
    grads = net.gradients(inputs, targets, "half_sse")
    new_params, lines = reference(net.parameters(), grads.dW + grads.db, slots, settings,
                                  LEARNING_RATE)  # fmt: skip
    n_w, checked = len(net.weights), 0
    for step in d.steps_in_section("update.7"):
        if step.quantity == "E_new":
            continue
        if step.quantity in ("w_new", "b_new"):
            line, kind = "new", step.quantity[0]
        else:
            line, kind = step.quantity.rsplit("_", 1)
        index = step.layer - 2 + (n_w if kind == "b" else 0)
        if line == "new":
            expected = _at(new_params[index], step.indices)
        else:
            expected = _at(lines[(_LINE_OF[line], index)], step.indices)
        assert step.value == pytest.approx(expected, rel=1e-12, abs=1e-12), (name, step)
        checked += 1
        for part in numeric_parts(step.substituted):
            assert evaluate(part) == pytest.approx(step.value, rel=1e-9, abs=1e-12), (part, step)
    n_lines = {"sgd": 1, "rmsprop": 2, "adam": 5}[settings.kind]
    n_lines += (settings.momentum != 0) + (settings.weight_decay != 0)
    assert checked == n_lines * net.n_parameters()


def test_zhou_thresholds_negate_the_first_order_slots_only():
    # 周志华 names one hidden layer only: the first case with one
    net, inputs, targets, slots = next(c for c in map(_case, range(50)) if c[0].n_layers == 3)
    opt = OptimiserStep(SETTINGS["adam+decay"], slots)
    seed = build_derivation(net, inputs, targets, "half_sse", optimiser=opt, notation="seed")
    d = build_derivation(net, inputs, targets, "half_sse", optimiser=opt, notation="zhou")
    assert d.notation == "zhou"
    for quantity, sign in (("exp_avg_b", -1), ("exp_avg_sq_b", 1), ("b_new", -1)):
        assert d.find(quantity, 2, 1).value == pytest.approx(sign * seed.find(quantity, 2, 1).value)


def _optimised(project, settings: OptimiserSettings):
    config = project.training.with_changes(
        optimizer=settings.kind, momentum=settings.momentum, nesterov=settings.nesterov,
        alpha=settings.alpha, epsilon=settings.epsilon, beta1=settings.beta1,
        beta2=settings.beta2, weight_decay=settings.weight_decay,
    )  # fmt: skip
    project.training = config
    project.optimiser = None
    return project


def _update_values(derivation, network) -> list[np.ndarray]:
    params = [p.copy() for p in network.parameters()]
    n_w = len(network.weights)
    for step in derivation.steps_in_section("update.7"):
        layer, idx = step.layer, step.indices
        if step.quantity == "w_new":
            params[layer - 2][idx[0] - 1, idx[1] - 1] = step.value
        elif step.quantity == "b_new":
            params[n_w + layer - 2][idx[0] - 1] = step.value
    return params


def _check_next_step(project) -> None:
    d = derive_project(project)
    stepped = take_next_step(project)
    shown = _update_values(d, project.network)
    for got, want in zip(shown, stepped.network.parameters(), strict=True):
        assert_close(got, want)
    assert d.optimiser == project.training.optimizer


@pytest.mark.parametrize("name", SETTINGS)
@pytest.mark.parametrize("example, steps", [("seed", 3), ("xor", 7), ("spirals", 2)])
def test_seven_is_the_trainers_next_step_on_the_examples(name, example, steps):
    project = train(_optimised(load_example(example), SETTINGS[name]), steps)
    _check_next_step(project)


@pytest.mark.parametrize("name", SETTINGS)
@pytest.mark.parametrize("seed", range(0, 40, 5))
def test_seven_is_the_trainers_next_step_on_random_projects(name, seed):
    project = train(_optimised(random_project(seed), SETTINGS[name]), 4)
    _check_next_step(project)


@pytest.mark.parametrize("notation", ["seed", "mazur", "cs231n", "qiu", "zhou"])
def test_every_preset_names_the_optimisers_state(notation):
    project = load_example("seed")  # 3-2-2
    if notation == "mazur":  # his names exist for his 2-2-2 network only
        rng = np.random.default_rng(0)
        net = Network([2, 2, 2], ["sigmoid", "sigmoid"], [rng.normal(size=(2, 2))] * 2,
                      [rng.normal(size=2)] * 2)  # fmt: skip
        project = Project("mazur", net, Dataset(rng.random((4, 2)), rng.random((4, 2))),
                          "half_sse", TrainingConfig())  # fmt: skip
    project = train(_optimised(project, SETTINGS["adam+decay"]), 2)
    d = derive_project(project, notation=notation)
    assert d.notation == notation
    first = {"seed": "m", "mazur": "m", "cs231n": "m", "qiu": "M", "zhou": "s"}[notation]
    rate = {"zhou": r"\rho_1"}.get(notation, r"\beta_1")
    step = next(s for s in d.steps if s.quantity == "exp_avg_w")
    assert step.symbol.startswith(first + "_{[") and rate in step.symbolic
    hat = next(s for s in d.steps if s.quantity == "exp_avg_hat_w")
    assert hat.symbol.startswith(rf"\hat{{{first}}}_{{[")
    base = derive_project(project, notation="seed")
    assert [s.value for s in d.steps if s.quantity == "w_new"] == [
        s.value for s in base.steps if s.quantity == "w_new"
    ]


@pytest.mark.parametrize("lang, words", [("en", "with Adam"), ("zh", "用 Adam（权重衰减")])
def test_the_title_names_the_optimiser_in_both_languages(lang, words):
    project = train(_optimised(load_example("seed"), SETTINGS["adam+decay"]), 1)
    d = derive_project(project, lang=lang)
    title = d.section("update.7").title
    assert words in title and "mˆ/(√vˆ + ε)" in title
    headings = {s.heading for s in d.steps_in_section("update.7")}
    assert ("偏差修正" if lang == "zh" else "The bias corrections") in headings


def test_a_chosen_sample_keeps_the_plain_step():
    project = train(_optimised(load_example("seed"), SETTINGS["adam"]), 2)
    d = derive_project(project, sample=0)
    assert {s.quantity for s in d.steps_in_section("update.7")} == {"w_new", "E_new"}
    assert d.optimiser == "sgd"


def test_plain_sgd_keeps_the_seeds_own_seven():
    project = load_example("seed")
    d = derive_project(project)
    assert d.section("update.7").title.startswith("7. Update every weight: w ← w − η")
    assert not any(s.heading for s in d.steps_in_section("update.7"))


def test_a_kind_changed_since_the_last_step_starts_from_zero_slots():
    project = train(_optimised(load_example("xor"), SETTINGS["momentum"]), 3)
    # the momentum buffers of SGD stay saved; the trainer starts Adam from zero slots
    project.training = project.training.with_changes(optimizer="adam")
    d = derive_project(project)
    m = [s for s in d.steps if s.quantity == "exp_avg_w"]
    # m ← β₁·0 + (1 − β₁)·g: the stored m of a fresh Adam is 0, and t = 1
    assert all(r"\leftarrow 0.9 \cdot 0 +" in s.substituted for s in m)
    _check_next_step(project)


@pytest.mark.parametrize("notation", ["seed", "qiu", "zhou", "cs231n"])
def test_every_format_writes_every_optimiser(notation):
    """Markdown, HTML (each formula typeset by ziamath) and LaTeX of every optimiser's 七."""
    from bpstudio.render import render_derivation

    net, inputs, targets, slots = next(c for c in map(_case, range(50)) if c[0].n_layers == 3)
    for name, settings in SETTINGS.items():
        d = build_derivation(net, inputs, targets, "half_sse", 0, LEARNING_RATE, (0, 1),
                             optimiser=OptimiserStep(settings, slots), notation=notation,
                             lang="zh")  # fmt: skip
        html = render_derivation(d, "html")
        assert html.count("<svg") >= 2 * len(d.steps_in_section("update.7")) // 4, name
        markdown, latex = render_derivation(d, "markdown"), render_derivation(d, "latex")
        update = d.steps_in_section("update.7")[-2]  # the last update line
        assert update.symbolic in markdown, name
        assert r"\leftarrow" in latex, name
