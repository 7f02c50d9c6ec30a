"""Where a gradient comes from, in the window: the path explorer, gradients on the diagram,
badges on saturated and dead units, the hidden space."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QDockWidget, QMessageBox

from bpstudio.app import new_workspace
from bpstudio.model.examples import load_example
from bpstudio.model.refs import EdgeRef, UnitRef
from bpstudio.views.diagram.path_overlay import path_colour
from bpstudio.views.weights.weight_table_model import TableMode
from bpstudio.views.window.main_window import MainWindow

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Discard)
    win = MainWindow(new_workspace())
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()


def _open_paths(window, qtbot):
    dock = window.docks["pathPanel"]
    dock.raise_()
    qtbot.waitUntil(lambda: window.insight.explorer.active)
    return window.insight.path_panel


def test_the_docks_and_actions_have_stable_names(window):
    assert window.findChild(QDockWidget, "pathPanel") is not None
    assert window.findChild(QDockWidget, "hiddenSpacePlot") is not None
    names = {a.objectName() for a in window.findChildren(type(window.insight.show_gradients))}
    assert {"actionShowGradients", "actionPathExplorer"} <= names
    assert "Ctrl+G" in window.insight.show_gradients.toolTip()


def test_seed_w11_2_shows_two_paths_and_their_sum(window, qtbot):
    panel = _open_paths(window, qtbot)
    window.document.set_selection({EdgeRef(2, 1, 1)})
    found = panel.found
    assert found is not None and found.paths_total == 2
    assert panel.table.rowCount() == 2
    routes = {panel.table.item(row, 1).text() for row in range(2)}
    assert routes == {"E → Y₁ → a₁² → w₁₁²", "E → Y₂ → a₁² → w₁₁²"}
    term = panel.table.item(0, 2).text()
    assert term.startswith("∂E/∂Y") and "∂a₁²/∂z₁² · x₁" in term and "(1.0000)" in term
    footer = panel.footer.text()
    assert footer.startswith("∂E/∂w₁₁² = (") and footer.endswith("= 0.0213")
    assert panel.table.item(0, 0).background().color() == path_colour(0)
    overlay = window.insight.explorer.overlay
    assert overlay.n_paths == 2 and overlay.scene() is window.diagram.diagram_scene


def test_hovering_a_term_highlights_its_path(window, qtbot):
    panel = _open_paths(window, qtbot)
    window.document.set_selection({EdgeRef(2, 1, 1)})
    overlay = window.insight.explorer.overlay
    table = panel.table
    rect = table.visualItemRect(table.item(1, 2))
    qtbot.mouseMove(table.viewport(), rect.center())
    qtbot.waitUntil(lambda: overlay.hovered == 1)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [1]
    panel._on_row_hovered(-1)  # the pointer left the table
    assert overlay.hovered is None and not table.selectionModel().hasSelection()


def test_a_unit_and_a_walkthrough_step_choose_the_target(window, qtbot):
    panel = _open_paths(window, qtbot)
    window.document.set_selection({UnitRef(2, 2)})
    assert panel.found.quantity == "dE/da" and panel.found.paths_total == 2
    cursor = window.workspace.cursor
    cursor.go_to(cursor.derivation.find("dE/dw", 3, 2, 1).index)
    assert (panel.found.quantity, panel.found.layer, panel.found.indices) == ("dE/dw", 3, (2, 1))
    assert panel.found.paths_total == 1
    window.document.set_selection({UnitRef(3, 1)})  # an output: one path, ∂E/∂Y itself
    assert panel.found is None and "∂E/∂Y" in panel.header.text()


def test_paths_follow_a_structural_edit_and_survive_the_rebuild(window, qtbot):
    panel = _open_paths(window, qtbot)
    window.document.set_selection({EdgeRef(2, 1, 1)})
    window.document.add_unit(3)  # a third output: three paths now
    window.document.set_selection({EdgeRef(2, 1, 1)})
    assert panel.found.paths_total == 3
    assert window.insight.explorer.overlay.scene() is window.diagram.diagram_scene


def test_hidden_panel_computes_nothing(window, qtbot):
    window.docks["derivationPanel"].raise_()
    qtbot.waitUntil(lambda: not window.insight.explorer.active)
    window.document.set_selection({EdgeRef(2, 1, 1)})
    overlay = window.insight.explorer.overlay
    assert overlay is None or overlay.n_paths == 0


def test_show_gradients_switches_the_diagram_and_the_tables(window):
    action = window.insight.show_gradients
    action.trigger()
    scene = window.diagram.diagram_scene
    assert window.diagram.edge_overlay == "gradient"
    assert window.weight_tables.mode == TableMode.GRADIENTS
    assert scene.items_.bundle.gradient and scene.items_.edge_values.gradient_colours
    legend = scene.items_.legend.text()
    assert "∂E/∂w" in legend and "sample 1" in legend
    action.trigger()
    assert window.diagram.edge_overlay == "weight"
    assert window.weight_tables.mode == TableMode.WEIGHTS
    assert not scene.items_.bundle.gradient


def test_the_tables_gradient_mode_switches_the_diagram_too(window):
    window.weight_tables.set_mode(TableMode.GRADIENTS)
    assert window.insight.show_gradients.isChecked()
    assert window.diagram.edge_overlay == "gradient"
    window.weight_tables.set_mode(TableMode.UPDATES)
    assert not window.insight.show_gradients.isChecked()
    assert window.diagram.edge_overlay == "weight"
    assert window.weight_tables.mode == TableMode.UPDATES  # the diagram does not undo it


def _saturating_seed(window, weight: float) -> None:
    project = load_example()
    for layer in (2, 3):
        project.network.weights[layer - 2][:] = 0.1
    project.network.weights[0][:, 0] = weight  # a₁² gets z = weight · (x₁ + x₂ + x₃)
    window.document.replace_network(project.network, "test")


def test_a_saturated_unit_gets_a_badge_that_says_why(window, qtbot):
    badges = window.insight.badges
    _saturating_seed(window, 30.0)
    qtbot.waitUntil(lambda: UnitRef(2, 1) in badges.items)
    item = badges.items[UnitRef(2, 1)]
    assert item.kind == "saturated" and item.scene() is window.diagram.diagram_scene
    assert "saturated" in item.toolTip() and "Try" in item.toolTip()
    assert UnitRef(2, 2) not in badges.items
    _saturating_seed(window, 0.5)
    qtbot.waitUntil(lambda: UnitRef(2, 1) not in badges.items)


def test_a_dead_relu_gets_a_badge(window, qtbot):
    project = load_example()
    network = project.network
    network.activations[0] = "relu"
    network.weights[0][:, 1] = -1.0  # every input is >= 0: z₂² < 0 on every sample
    window.document.replace_network(network, "test")
    badges = window.insight.badges
    qtbot.waitUntil(lambda: UnitRef(2, 2) in badges.items)
    assert badges.items[UnitRef(2, 2)].kind == "dead"
    assert "dead ReLU" in badges.items[UnitRef(2, 2)].toolTip()


def test_hidden_space_draws_xor_at_the_hidden_activations(window, qtbot):
    window.files.new_from_example("xor")
    window.docks["hiddenSpacePlot"].raise_()
    plot = window.insight.hidden_space
    qtbot.waitUntil(lambda: plot.space is not None)
    space = plot.space
    assert space.layer == 2 and space.points.shape == (4, 2)
    trace = window.document.project.network.forward(
        window.document.project.dataset.prepare_inputs(window.document.project.dataset.inputs)
    )
    np.testing.assert_allclose(space.points, trace.a[1])
    assert len(space.grid_lines) == 22 and space.output is not None
    xs, _ = plot.points.getData()
    assert len(xs) == 4
    assert "Grey lines" in plot.caption.text() and "Background" in plot.caption.text()


def test_hidden_space_lets_a_three_unit_layer_choose_two(window, qtbot):
    window.files.new_from_example("xor")
    window.document.add_unit(2)
    window.docks["hiddenSpacePlot"].raise_()
    plot = window.insight.hidden_space
    assert plot.units_combo.isEnabled() and plot.units_combo.count() == 3
    plot.units_combo.setCurrentIndex(2)
    qtbot.waitUntil(lambda: plot.space is not None and plot.space.units == (2, 3))
    assert plot.space.output is None  # a third unit would need a value
    assert "Background" not in plot.caption.text()


def test_hidden_space_says_when_there_is_no_plane(window, qtbot):
    window.document.add_unit(2)  # the seed's hidden layer: 3 units, still a plane
    window.document.add_unit(2)  # 4 units: none
    window.docks["hiddenSpacePlot"].raise_()
    plot = window.insight.hidden_space
    qtbot.waitUntil(lambda: plot._stack.currentIndex() == 1)
    assert "2 or 3 units" in plot.empty_label.text()


def test_while_training_the_edges_show_the_next_batchs_mean(window):
    from bpstudio.model.live_gradients import ParameterGradients

    window.insight.show_gradients.trigger()
    window.document.set_revealed(None)  # as while training: the walkthrough is suspended
    network = window.document.project.network.copy()
    live = ParameterGradients(tuple(np.full(w.shape, -1.0) for w in network.weights), None, 4)
    window.document.set_live_network(network, live)
    scene = window.diagram.diagram_scene
    assert "batch of 4 samples" in scene.items_.legend.text()
    assert np.all(scene.items_.edge_values.gradients == -1.0)
    assert window.weight_tables.mode == TableMode.GRADIENTS
    window.document.set_live_network(None)
    assert "sample 1" in scene.items_.legend.text()
    assert not np.all(scene.items_.edge_values.gradients == -1.0)
