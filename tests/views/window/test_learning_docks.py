"""Training and the walkthrough inside the main window, driven as a student would."""

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from bpstudio.model.refs import EdgeRef
from tests.views.window_support import close_inside_the_test, shown_window

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot, monkeypatch):
    return shown_window(qtbot, monkeypatch, Button.Discard)


def test_docks_and_menus_exist_with_their_names(window):
    for name in ("weightTables", "derivationPanel", "trainingPanel", "lossPlot"):
        assert name in window.docks
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles.index("Training") < titles.index("Help")
    assert "Walkthrough" in titles
    assert not window.workspace.controller.thread_started  # nothing trained yet
    close_inside_the_test(window)


def test_play_moves_the_diagram_then_pause_is_one_undo_step(window, qtbot):
    doc, learning = window.document, window.learning
    controller = window.workspace.controller
    before = doc.project.network.copy()
    scene = window.diagram.diagram_scene
    edge = scene.items_.edges[EdgeRef(3, 1, 1)]
    shown_before = edge.value
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
        learning.training_panel.play_action.trigger()
    qtbot.waitUntil(lambda: doc.shown_network() is not doc.project.network, timeout=5000)
    qtbot.waitUntil(lambda: edge.value != shown_before, timeout=5000)  # the picture moves
    assert doc.project.network.equals(before)  # not an undo step yet
    qtbot.waitUntil(lambda: learning.loss_plot.point_count() > 10, timeout=5000)
    with qtbot.waitSignal(controller.stopped, timeout=5000):
        learning.training_panel.play_action.trigger()
    qtbot.waitUntil(lambda: doc.undo_stack.count() == 1, timeout=5000)
    assert doc.undo_stack.undoText().startswith("Train")
    assert not doc.project.network.equals(before)
    assert doc.shown_network() is doc.project.network
    assert edge.value == doc.project.network.weight(3)[0, 0]
    doc.undo_stack.undo()
    assert doc.project.network.equals(before)
    assert edge.value == before.weight(3)[0, 0]
    close_inside_the_test(window)


def test_closing_mid_training_stops_the_thread(window, qtbot):
    controller = window.workspace.controller
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
        controller.play()
    qtbot.waitUntil(lambda: window.learning.loss_plot.point_count() > 0, timeout=5000)
    thread = controller._thread
    window.document.undo_stack.setClean()
    window.close()
    assert not thread.isRunning()


def test_divergence_pauses_with_a_non_modal_message_and_finite_weights(window, qtbot):
    doc, learning = window.document, window.learning
    learning.training_panel.learning_rate_box.setValue(1000)
    assert doc.project.training.learning_rate == 1000  # the edit is recorded, undoably
    doc.set_activation(2, "linear")  # a linear network: each huge step overshoots more
    doc.set_activation(3, "linear")
    controller = window.workspace.controller
    with qtbot.waitSignal(controller.diverged, timeout=10000):
        controller.play()
    qtbot.waitUntil(lambda: not controller.is_running, timeout=5000)
    box = window.findChild(QMessageBox, "divergenceMessage")
    assert box is not None and box.isVisible() and not box.isModal()
    assert "smaller learning rate" in box.text()
    assert "diverged" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: doc.shown_network() is doc.project.network, timeout=5000)
    assert all(np.isfinite(w).all() for w in doc.project.network.weights)
    box.close()
    close_inside_the_test(window)


def test_walkthrough_keys_work_from_the_diagram(window, qtbot):
    from PySide6.QtCore import Qt

    cursor = window.workspace.cursor
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_Right)
    assert cursor.index == 1
    assert window.document.highlight == cursor.current.touches
    close_inside_the_test(window)


def test_the_walkthrough_rests_while_training_runs(window, qtbot):
    learning, doc, cursor = window.learning, window.document, window.workspace.cursor
    cursor.go_to(3)
    assert doc.highlight
    controller = window.workspace.controller
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
        controller.play()
    assert not doc.highlight and learning.derivation_panel.training_note.isVisibleTo(window)
    assert not learning.derivation_panel.bar.isEnabled()
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: not on):
        controller.pause()
    qtbot.waitUntil(lambda: doc.undo_stack.count() == 1)
    assert (
        window.workspace.cursor.index == 3
        and doc.highlight == window.workspace.cursor.current.touches
    )
    first = window.workspace.cursor.steps[0]  # z_1^2, now computed with the trained weights
    assert (first.quantity, first.layer, first.indices) == ("z", 2, (1,))
    assert first.value == pytest.approx(doc.trace().z_(2, 1), rel=1e-12)
    close_inside_the_test(window)


def test_help_lists_every_shortcut_and_tooltips_name_them(window):
    from bpstudio.views.window.learning_menus import shortcut_rows, show_shortcuts

    rows = shortcut_rows(window)
    keys_by_tip = {(menu, keys) for menu, _label, keys in rows}
    for menu, keys in (("Walkthrough", "Right"), ("Walkthrough", "Left"), ("Training", "Space")):
        assert (menu, keys) in keys_by_tip
    assert ("Edit", "Ctrl+Z") in keys_by_tip
    dialog = show_shortcuts(window)
    text = dialog.findChild(type(dialog.layout().itemAt(0).widget())).toPlainText()
    assert "Shift+Right" in text and "F10" in text
    dialog.close()
    next_action = window.learning.derivation_panel.bar.next
    assert "(Right)" in next_action.toolTip()
    close_inside_the_test(window)


def test_the_training_dock_edits_every_setting_undoably(window, qtbot):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox

    from bpstudio.model.examples import load_example

    doc, panel = window.document, window.learning.training_panel
    window.files.new_from_example("spirals")
    loss = window.findChild(QComboBox, "trainingLoss")
    momentum = window.findChild(QDoubleSpinBox, "trainingMomentum")
    shuffle = window.findChild(QCheckBox, "trainingShuffle")
    assert (
        loss is panel.loss_box and momentum is panel.momentum_box and shuffle is panel.shuffle_box
    )
    spirals = load_example("spirals")
    assert momentum.value() == spirals.training.momentum and shuffle.isChecked()
    assert loss.currentData() == "cross_entropy"
    for widget in (loss, momentum, shuffle, panel.seed_box):
        assert widget.toolTip()
    momentum.setValue(0.5)
    assert doc.project.training.momentum == 0.5
    assert doc.undo_stack.undoText() == "Set momentum to 0.5"
    shuffle.setChecked(False)
    assert not doc.project.training.shuffle and doc.undo_stack.undoText() == "Stop shuffling"
    assert not panel.seed_box.isEnabled()
    doc.undo_stack.undo()
    assert doc.project.training.shuffle and shuffle.isChecked() and panel.seed_box.isEnabled()
    panel.seed_box.setValue(7)
    assert doc.project.training.seed == 7
    loss.activated.emit(loss.findData("mse"))
    assert doc.project.loss == "mse" and doc.undo_stack.undoText() == "Set loss to mse"
    doc.undo_stack.undo()
    assert doc.project.loss == "cross_entropy" and loss.currentData() == "cross_entropy"
    window.files.new_from_example("sine")  # a linear output: cross-entropy cannot train it
    assert not loss.model().item(loss.findData("cross_entropy")).isEnabled()
    assert loss.model().item(loss.findData("mse")).isEnabled()
    close_inside_the_test(window)
