"""The named mistakes of 七's optimiser lines: on projects trained a few steps with each
optimiser (so that every state slot is in play), typing the number a slip gives makes the
checker name that slip.

Every expected number is worked out here from the optimisers' formulas (torch.optim's
pseudo-code, the Adam paper's bias corrections) with the slip made, from the project's stored
slots, its weight and the walkthrough's batch gradient; not with `optimisers.update`.
"""

from __future__ import annotations

import math

import pytest

from bpstudio.model.derivation import derive_project, plain_number
from bpstudio.model.derivation.builder import optimiser_step
from bpstudio.model.examples import load_example
from bpstudio.model.optimisers import OptimiserSettings
from bpstudio.model.practice import MISTAKE_CODES, check_answer, pass_facts, project_mistakes
from bpstudio.model.practice.checker import Verdict
from bpstudio.model.practice.hints import factor_hints
from bpstudio.model.practice.text import mistake_advice, mistake_name
from tests.model.derivation.test_optimiser_seven import _optimised
from tests.model.test_resume import train

ADAM = OptimiserSettings("adam", beta1=0.8, beta2=0.95, epsilon=0.01, weight_decay=0.1)
RMSPROP = OptimiserSettings("rmsprop", alpha=0.9, epsilon=0.01, weight_decay=0.1)
RMSPROP_MOMENTUM = OptimiserSettings("rmsprop", alpha=0.9, epsilon=0.01, momentum=0.6)
NESTEROV = OptimiserSettings("sgd", momentum=0.7, nesterov=True, weight_decay=0.1)
MOMENTUM = OptimiserSettings("sgd", momentum=0.7)


class _W:
    """The numbers of weight w_{11}^2 in the project's next step (the slots before it)."""

    def __init__(self, project, d, s: OptimiserSettings) -> None:
        slots = optimiser_step(project).slots[0]
        self.s, self.eta = s, d.learning_rate
        self.p = float(project.network.weights[0][0, 0])
        batch = "dE/dw_batch" if len(d.batch) > 1 else "dE/dw"
        self.dE = d.find(batch, 2, 1, 1).value
        self.t = int(slots.get("step") or 0) + 1

        def old(name: str) -> float:
            value = slots.get(name)
            return 0.0 if value is None else float(value[0, 0])

        self.b, self.v, self.m, self.sq = (
            old("momentum_buffer"), old("square_avg"), old("exp_avg"), old("exp_avg_sq"),
        )  # fmt: skip

    @property
    def g(self) -> float:
        return self.dE + self.s.weight_decay * self.p

    def adam(self, g: float) -> tuple[float, float, float]:
        """m, v and the step m̂/(√v̂ + ε) of Adam on gradient ``g``."""
        s = self.s
        m = s.beta1 * self.m + (1 - s.beta1) * g
        v = s.beta2 * self.sq + (1 - s.beta2) * g * g
        m_hat, v_hat = m / (1 - s.beta1**self.t), v / (1 - s.beta2**self.t)
        return m, v, m_hat / (math.sqrt(v_hat) + s.epsilon)

    def rms_v(self) -> float:
        return self.s.alpha * self.v + (1 - self.s.alpha) * self.g**2


def _adam_hats(w: _W) -> tuple[float, float]:
    m, v, _ = w.adam(w.g)
    return m, v


# code -> (settings, the line's quantity, the slip's number)
CASES = {
    "dropped_decay": (ADAM, "grad_w", lambda w: w.dE),
    "decay_on_weight": (ADAM, "w_new",
                        lambda w: w.p - w.eta * w.adam(w.dE)[2] - w.eta * w.s.weight_decay * w.p),
    "forgot_momentum": (NESTEROV, "buffer_w", lambda w: w.g),
    "damped_momentum": (NESTEROV, "buffer_w", lambda w: 0.7 * w.b + 0.3 * w.g),
    "no_lookahead": (NESTEROV, "w_new", lambda w: w.p - w.eta * (0.7 * w.b + w.g)),
    "dropped_one_minus": (ADAM, "exp_avg_w", lambda w: 0.8 * w.m + w.g),
    "swapped_rates": (ADAM, "exp_avg_w", lambda w: 0.2 * w.m + 0.8 * w.g),
    "unsquared_gradient": (RMSPROP, "square_avg_w", lambda w: 0.9 * w.v + 0.1 * w.g),
    "no_bias_correction": (ADAM, "w_new", lambda w: w.p - w.eta * _adam_hats(w)[0]
                           / (math.sqrt(_adam_hats(w)[1]) + 0.01)),
    "step_from_zero": (ADAM, "exp_avg_hat_w", lambda w: _adam_hats(w)[0] / (1 - 0.8 ** (w.t - 1))),
    "dropped_power": (ADAM, "exp_avg_sq_hat_w", lambda w: _adam_hats(w)[1] / (1 - 0.95)),
    "inverted_correction": (ADAM, "exp_avg_hat_w", lambda w: _adam_hats(w)[0] * (1 - 0.8**w.t)),
    "dropped_root": (ADAM, "w_new", lambda w: w.p - w.eta * _adam_hats(w)[0]
                     / (1 - 0.8**w.t) / (_adam_hats(w)[1] / (1 - 0.95**w.t) + 0.01)),
    "epsilon_inside_root": (RMSPROP, "w_new",
                            lambda w: w.p - w.eta * w.g / math.sqrt(w.rms_v() + 0.01)),
}  # fmt: skip
OPTIMISER_CODES = MISTAKE_CODES[MISTAKE_CODES.index("dropped_decay") :]


def test_every_optimiser_code_is_tested_and_worded():
    assert sorted(CASES) == sorted(OPTIMISER_CODES)
    for code in OPTIMISER_CODES:
        for lang in ("en", "zh"):
            assert mistake_name(code, lang) and mistake_advice(code, lang)


@pytest.mark.parametrize("example", ["seed", "xor"])
@pytest.mark.parametrize("code", sorted(CASES))
def test_typing_the_slip_names_it(code, example):
    settings, quantity, slip = CASES[code]
    project = train(_optimised(load_example(example), settings), 3)
    d = derive_project(project)
    index = d.steps.index(d.find(quantity, 2, 1, 1))
    step, mistakes = d.steps[index], project_mistakes(project, d)[index]
    expected = slip(_W(project, d, settings))
    assert f"{expected:.4g}" != f"{step.value:.4g}"  # a slip that shows, on these numbers
    named = [m for m in mistakes if m.code == code]
    assert named and named[0].value == pytest.approx(expected, rel=1e-9, abs=1e-12)
    verdict = check_answer(f"{expected:.6g}", step.value, mistakes, d.digits)
    assert verdict == Verdict("mistake", code)


def test_rmsprop_with_momentum_names_the_plain_rmsprop_step():
    project = train(_optimised(load_example("seed"), RMSPROP_MOMENTUM), 3)
    d = derive_project(project)
    index = d.steps.index(d.find("w_new", 2, 1, 1))
    w = _W(project, d, RMSPROP_MOMENTUM)
    expected = w.p - w.eta * w.g / (math.sqrt(w.rms_v()) + 0.01)
    verdict = check_answer(f"{expected:.6g}", d.steps[index].value,
                           project_mistakes(project, d)[index], d.digits)  # fmt: skip
    assert verdict == Verdict("mistake", "forgot_momentum")


def test_the_first_adam_step_has_no_slip_from_t_zero():
    """On step 1, 1 − β₁⁰ = 0: t counted from 0 gives no number, so it is not offered."""
    project = _optimised(load_example("seed"), ADAM)
    d = derive_project(project)
    index = d.steps.index(d.find("exp_avg_hat_w", 2, 1, 1))
    codes = [m.code for m in project_mistakes(project, d)[index]]
    assert "step_from_zero" not in codes and "dropped_power" not in codes  # 1 − β¹ is 1 − β
    assert "no_bias_correction" in codes


def test_plain_sgd_has_no_optimiser_slips():
    project = load_example("seed")
    d = derive_project(project)
    named = {m.code for step in project_mistakes(project, d) for m in step}
    assert named.isdisjoint(OPTIMISER_CODES)


def test_thresholds_are_named_as_the_notation_writes_them():
    """周志华's θ = −b: a threshold's lines and its update's slips are in θ, as 七 shows it."""
    project = train(_optimised(load_example("xor"), NESTEROV), 3)
    d = derive_project(project, notation="zhou")
    mistakes = project_mistakes(project, d)
    theta = -float(project.network.biases[0][0])
    gradient = d.find("dE/db_batch", 2, 1).value  # ∂E/∂θ
    grad = d.find("grad_b", 2, 1)
    assert grad.value == pytest.approx(gradient + 0.1 * theta, rel=1e-12)
    new = d.find("b_new", 2, 1)
    expected = {
        grad.index: ("dropped_decay", gradient),
        new.index: ("sign_flipped", 2 * theta - new.value),
    }
    for index, (code, value) in expected.items():
        verdict = check_answer(f"{value:.6g}", d.steps[index].value, mistakes[index], d.digits)
        assert verdict == Verdict("mistake", code)


@pytest.mark.parametrize("settings", [ADAM, RMSPROP, RMSPROP_MOMENTUM, NESTEROV])
def test_hint_two_lists_the_numbers_of_each_optimiser_line(settings):
    project = train(_optimised(load_example("xor"), settings), 3)
    d = derive_project(project)
    data = project.dataset.prepared()
    facts = pass_facts(d, project.network, data.inputs, data.targets)
    w = _W(project, d, settings)
    for step in d.steps_in_phase("update"):
        hints = factor_hints(facts, step, d.digits)
        assert hints, step.quantity
        if (step.quantity, step.layer, step.indices) == ("grad_w", 2, (1, 1)):
            assert hints[-1].endswith(plain_number(w.p, d.digits))
        if step.quantity == "exp_avg_hat_w":
            assert hints[-1] == f"t = {w.t}"
