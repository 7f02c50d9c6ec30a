"""The Training dock's optimiser chooser: every edit undoable, only the chosen optimiser's
numbers shown, the trainer told, and it steps as the chosen torch optimiser."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QMessageBox, QToolButton

from bpstudio.views.training.optimiser_controls import ScientificSpinBox
from tests.views.window_support import close_inside_the_test, shown_window

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot, monkeypatch):
    return shown_window(qtbot, monkeypatch, Button.Discard)


def visible_in_popup(panel) -> set[str]:
    form = panel.optimiser_settings.form
    return {name for name, box in panel.optimiser_fields.items() if form.isRowVisible(box)}


def test_the_optimiser_and_its_numbers_are_undoable_edits(window):
    doc, panel = window.document, window.learning.training_panel
    window.files.new_from_example("xor")
    chooser = window.findChild(QComboBox, "trainingOptimizer")
    decay = window.findChild(QDoubleSpinBox, "trainingWeightDecay")
    nesterov = window.findChild(QCheckBox, "trainingNesterov")
    settings = window.findChild(QToolButton, "trainingOptimizerSettings")
    assert chooser is panel.optimiser_box and decay is panel.weight_decay_box
    assert settings is panel.optimiser_settings.button and nesterov is panel.nesterov_box
    assert chooser.currentData() == "sgd" and visible_in_popup(panel) == {
        "momentum", "nesterov", "weight_decay"
    }  # fmt: skip
    for widget in (chooser, decay, nesterov, settings, *panel.optimiser_fields.values()):
        assert widget.toolTip(), widget.objectName()
    chooser.setCurrentIndex(chooser.findData("adam"))
    chooser.activated.emit(chooser.currentIndex())
    assert doc.project.training.optimizer == "adam"
    assert doc.undo_stack.undoText() == "Set optimiser to Adam"
    assert visible_in_popup(panel) == {"beta1", "beta2", "epsilon", "weight_decay"}
    assert "β₂ 0.999" in settings.toolTip()
    window.findChild(QDoubleSpinBox, "trainingBeta2").setValue(0.99)
    assert doc.project.training.beta2 == 0.99 and doc.undo_stack.undoText() == "Set β₂ to 0.99"
    decay.setValue(0.001)
    assert doc.project.training.weight_decay == 0.001
    assert doc.undo_stack.undoText() == "Set weight decay to 0.001"
    for _ in range(3):
        doc.undo_stack.undo()
    assert doc.project.training.optimizer == "sgd" and chooser.currentData() == "sgd"
    assert doc.project.training.beta2 == 0.999 and decay.value() == 0.0
    assert "nesterov" in visible_in_popup(panel)
    panel.momentum_box.setValue(0.9)
    nesterov.setChecked(True)
    assert doc.project.training.nesterov and doc.undo_stack.undoText() == "Use Nesterov momentum"
    close_inside_the_test(window)


def test_epsilon_is_typed_in_scientific_notation(qtbot):
    box = ScientificSpinBox()
    qtbot.addWidget(box)
    box.setDecimals(15)
    box.setRange(1e-12, 1.0)
    box.lineEdit().setText("1e-7")
    box.interpretText()
    assert box.value() == pytest.approx(1e-7)
    box.stepBy(-1)
    assert box.value() == pytest.approx(1e-8) and "e-08" in box.text()


def test_training_with_adam_from_the_dock_steps_as_adam(window, qtbot):
    doc, panel = window.document, window.learning.training_panel
    window.files.new_from_example("xor")
    chooser = panel.optimiser_box
    chooser.setCurrentIndex(chooser.findData("adam"))
    chooser.activated.emit(chooser.currentIndex())
    before = doc.project.network.copy()
    controller = window.workspace.controller
    with qtbot.waitSignal(controller.snapshotReady, timeout=5000):
        panel.step_action.trigger()
    qtbot.waitUntil(lambda: doc.project.steps_taken == 1, timeout=5000)
    state = doc.project.optimiser
    assert state.kind == "adam" and state.step == 1 and "exp_avg" in state.averages
    # Adam's first step moves every weight by about the learning rate (m^ / sqrt(v^) = ±1)
    lr = doc.project.training.learning_rate
    moved = np.abs(doc.project.network.weights[0] - before.weights[0])
    assert np.allclose(moved[moved > 0], lr, rtol=1e-3)
    close_inside_the_test(window)


# The offscreen platform cannot raise a popup or give it the keyboard; it says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_settings_button_opens_the_numbers_and_esc_closes_them(window, qtbot):
    from PySide6.QtCore import Qt

    panel = window.learning.training_panel
    window.files.new_from_example("xor")  # SGD with momentum: μ first
    popup = panel.optimiser_settings
    qtbot.mouseClick(popup.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(popup.frame.isVisible)
    assert panel.momentum_box.hasFocus() or popup.frame.focusWidget() is panel.momentum_box
    qtbot.keyClick(popup.frame, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.frame.isVisible())
    close_inside_the_test(window)
