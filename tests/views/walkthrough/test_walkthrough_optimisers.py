"""The walkthrough dock with the new levels of detail and optimisers (issue 18): the Jacobian
check box (offered where it changes the formulas, remembered), every optimiser's 七 typeset in
the formula view, and passing 七 taking the trainer's real step for every optimiser."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from bpstudio.controller.document import Document
from bpstudio.controller.walkthrough import WalkthroughCursor
from bpstudio.controller.workspace import walkthrough_derivation as build_derivation
from bpstudio.model.examples import load_example
from bpstudio.model.next_step import take_next_step
from bpstudio.views.walkthrough.derivation_panel import DerivationPanel
from bpstudio.views.walkthrough.walkthrough_bar import JACOBIAN_KEY, detail_options
from tests.model.test_resume import train

OPTIMISERS = {
    "momentum": {"optimizer": "sgd", "momentum": 0.9},
    "nesterov": {"optimizer": "sgd", "momentum": 0.8, "nesterov": True, "weight_decay": 0.01},
    "rmsprop": {"optimizer": "rmsprop", "momentum": 0.0},
    "rmsprop+momentum": {"optimizer": "rmsprop", "momentum": 0.5, "weight_decay": 0.001},
    "adam": {"optimizer": "adam", "momentum": 0.0},
    "adam+decay": {"optimizer": "adam", "momentum": 0.0, "weight_decay": 0.01, "beta1": 0.8},
}


def _panel(qtbot, project=None, lang="en"):
    document = Document(project) if project is not None else Document()
    cursor = WalkthroughCursor(document, build_derivation, lang=lang, options=detail_options())
    panel = DerivationPanel(cursor, document)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return document, cursor, panel


def _softmax_project():
    project = load_example("seed")  # 3-2-2: a softmax output with cross-entropy
    project.network.activations[-1] = "softmax"
    project.loss = "cross_entropy"
    targets = project.dataset.targets
    project.dataset.targets[:] = (targets == targets.max(axis=1, keepdims=True)).astype(float)
    return project


def _optimised(project, settings: dict):
    project.training = project.training.with_changes(**settings)
    project.optimiser = None
    return project


def test_the_jacobian_box_is_offered_where_it_changes_something_and_remembered(qtbot):
    _, _, plain = _panel(qtbot)  # the seed: sigmoid outputs, squared error
    assert plain.bar.jacobian.isHidden()
    try:
        _, cursor, panel = _panel(qtbot, _softmax_project(), lang="zh")
        box = panel.bar.jacobian
        assert box.isVisible() and not box.isChecked() and box.toolTip()
        assert not any(s.quantity == "dY/dz" for s in cursor.steps)
        box.setChecked(True)  # rebuilt at once
        assert cursor.derivation.jacobian
        entries = [s for s in cursor.steps if s.quantity == "dY/dz"]
        assert len(entries) == 4 and entries[0].section_title.startswith("softmax 的雅可比矩阵")
        cursor.go_to(entries[1].index)
        assert r"\delta_{21}" in panel.card.symbolic.latex()
        assert QSettings().value(JACOBIAN_KEY, type=bool) is True
        _, again, _ = _panel(qtbot, _softmax_project())  # the next window starts as left
        assert again.derivation.jacobian
    finally:
        QSettings().remove(JACOBIAN_KEY)


@pytest.mark.parametrize("name", OPTIMISERS)
def test_every_optimisers_seven_is_typeset_in_the_formula_view(qtbot, name):
    project = train(_optimised(load_example("seed"), OPTIMISERS[name]), 2)
    _, cursor, panel = _panel(qtbot, project, lang="zh")
    for step in cursor.derivation.steps_in_section("update.7"):
        if step.same_way:
            continue  # one of each form is enough
        cursor.go_to(step.index)
        for label in (panel.card.symbolic, panel.card.substituted):
            assert not label.pixmap().isNull() and not label.text(), (step.quantity, label.latex())


@pytest.mark.parametrize("name", OPTIMISERS)
def test_passing_7_takes_the_trainers_step_with_every_optimiser(qtbot, name):
    project = train(_optimised(load_example("xor"), OPTIMISERS[name]), 3)
    document, cursor, _ = _panel(qtbot, project)
    shown = {
        (s.quantity, s.layer, s.indices): s.value
        for s in cursor.derivation.steps_in_section("update.7")
        if s.quantity in ("w_new", "b_new")
    }
    expected = take_next_step(project)
    cursor.go_to(len(cursor.steps) - 1)
    with qtbot.waitSignal(cursor.updateApplied, timeout=5000):
        cursor.next()
    after = document.project
    assert after.steps_taken == project.steps_taken + 1
    for got, want in zip(after.network.parameters(), expected.network.parameters(), strict=True):
        np.testing.assert_array_equal(got, want)
    net = after.network
    for (quantity, layer, idx), value in shown.items():  # 七's numbers are what was applied
        if quantity == "w_new":
            applied = net.weights[layer - 2][idx[0] - 1, idx[1] - 1]
        else:
            applied = net.biases[layer - 2][idx[0] - 1]
        assert value == pytest.approx(applied, rel=1e-12, abs=1e-12)


def test_the_outline_names_an_optimisers_state_with_its_parameter():
    from bpstudio.views.walkthrough.derivation_panel import _outline_text

    def named(symbol: str) -> str:
        return _outline_text(type("S", (), {"symbol": symbol, "value": 0.25})).split(" = ")[0]

    assert named(r"\hat{m}_{[w_{11}^2]}") == "mˆ[w₁₁²]"
    assert named(r"v_{[b_1^3]}") == "v[b₁³]"
    assert named(r"\nabla_{[\theta_1]}") == "∇[θ₁]"  # 周志华's names
    assert named(r"\mathrm{cache}_{[W1_{12}]}") == "cache[W1₁₂]"  # CS231n's
