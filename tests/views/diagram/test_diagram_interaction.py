"""Selection shared with the document, context-menu edits, Delete, highlight, zoom, export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from bpstudio.controller.document import Document
from bpstudio.model.examples import load_example
from bpstudio.model.refs import EdgeRef, UnitRef
from bpstudio.views.diagram.style import BACKGROUND
from tests.views.diagram_support import non_background_fraction, shown_view, viewport_point_on


@pytest.fixture
def doc(qapp):
    return Document(load_example("seed"))


@pytest.fixture
def view(doc, qtbot):
    return shown_view(qtbot, doc)


def trigger(menu, name) -> None:
    """Trigger an action while its menu is still referenced (a parentless menu owns it)."""
    action(menu, name).trigger()


def action(menu, name):
    found = [a for a in menu.actions() if a.objectName() == name]
    for sub in (a.menu() for a in menu.actions() if a.menu() is not None):
        found += [a for a in sub.actions() if a.objectName() == name]
    assert found, f"no action {name} in the menu"
    return found[0]


# hover -----------------------------------------------------------------------------------------
def move_mouse(view, point: QPoint) -> None:
    """A plain mouse move on the viewport (QTest's goes to whichever window is under it)."""
    global_point = QPointF(view.viewport().mapToGlobal(point))
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        global_point,
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_hovering_a_resting_edge_makes_it_hittable_and_gives_its_tooltip(qtbot, view):
    edge = view.diagram_scene.items_.edges[EdgeRef(3, 1, 2)]
    assert edge.opacity() == 0.0  # at rest: drawn by the bundle, skipped by Qt
    point = viewport_point_on(view, edge)
    move_mouse(view, QPoint(2, 2))
    move_mouse(view, point)
    assert edge._hovered and edge.opacity() == 1.0
    assert "<i>w</i><sub>12</sub><sup>3</sup>" in edge.toolTip()
    move_mouse(view, QPoint(2, 2))
    assert not edge._hovered and edge.opacity() == 0.0


# selection -------------------------------------------------------------------------------------
def test_clicking_an_edge_selects_it_in_the_document(qtbot, view, doc):
    edge = view.diagram_scene.items_.edges[EdgeRef(3, 1, 2)]
    with qtbot.waitSignal(doc.selectionChanged, check_params_cb=lambda r: r == {edge.ref}):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point_on(view, edge)
        )
    assert edge.isSelected()


def test_a_document_selection_selects_the_items_without_echo(qtbot, view, doc):
    emitted = []
    doc.selectionChanged.connect(emitted.append)
    doc.set_selection({UnitRef(2, 1), EdgeRef(2, 3, 2)})
    items = view.diagram_scene.items_
    assert items.units[UnitRef(2, 1)].isSelected()
    assert items.edges[EdgeRef(2, 3, 2)].isSelected()
    doc.set_selection({EdgeRef(3, 1, 1)})
    assert not items.units[UnitRef(2, 1)].isSelected()
    assert emitted == [frozenset({UnitRef(2, 1), EdgeRef(2, 3, 2)}), frozenset({EdgeRef(3, 1, 1)})]


# context menus ---------------------------------------------------------------------------------
def test_unit_menu_adds_and_removes_units(view, doc):
    menus = view.diagram_scene.menus
    trigger(menus.unit_menu(UnitRef(2, 1)), "actionAddUnit")
    assert doc.project.network.layer_sizes == [3, 3, 2]
    trigger(menus.unit_menu(UnitRef(2, 1)), "actionRemoveUnit")
    assert doc.project.network.layer_sizes == [3, 2, 2]
    assert doc.project.network.weight(3)[0].tolist() == [0.8, 0.1]  # unit 1 went, unit 2 stayed


def test_removing_an_input_with_data_asks_first(view, doc):
    asked = []
    view.diagram_scene.confirm_data_loss = lambda layer, unit: asked.append((layer, unit))
    trigger(view.diagram_scene.menus.unit_menu(UnitRef(1, 2)), "actionRemoveUnit")
    assert asked == [(1, 2)]
    assert doc.project.network.layer_sizes == [3, 2, 2]  # the answer was no (None)


def test_layer_menu_inserts_removes_and_sets_activation_and_biases(view, doc):
    menus = view.diagram_scene.menus
    trigger(menus.layer_menu(2), "actionInsertLayerAfter")
    assert doc.project.network.layer_sizes == [3, 2, 2, 2]
    trigger(menus.layer_menu(2), "actionInsertLayerBefore")
    assert doc.project.network.layer_sizes == [3, 2, 2, 2, 2]
    trigger(menus.layer_menu(3), "actionRemoveLayer")
    assert doc.project.network.n_layers == 4
    trigger(menus.layer_menu(2), "actionActivation_tanh")
    assert doc.project.network.activations[0] == "tanh"
    trigger(menus.layer_menu(2), "actionToggleBias")
    assert doc.project.network.use_bias
    menu = menus.layer_menu(1)
    assert not action(menu, "actionRemoveLayer").isEnabled()
    menu = menus.layer_menu(1)
    assert not action(menu, "actionInsertLayerBefore").isEnabled()
    menu = menus.layer_menu(2)
    assert not action(menu, "actionActivation_softmax").isEnabled()


def test_a_refused_edit_is_reported_not_raised(qtbot, view, doc):
    with qtbot.waitSignal(view.message, check_params_cb=lambda text: "layer" in text):
        view.diagram_scene.menus.set_parameter(EdgeRef(9, 1, 1), 1.0)


def test_edge_menu_zeroes_the_weight(view, doc):
    menu = view.diagram_scene.menus.edge_menu(EdgeRef(2, 2, 1), view.diagram_scene.begin_edit)
    action(menu, "actionZeroWeight").trigger()
    assert doc.project.network.weight(2)[1, 0] == 0.0
    action(menu, "actionEditWeight").trigger()
    assert view.diagram_scene.editor is not None


def test_delete_removes_the_selected_unit_and_undo_restores_it(qtbot, view, doc):
    original = doc.project.copy()
    doc.set_selection({UnitRef(2, 2)})
    with qtbot.waitSignal(doc.structureChanged):
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert doc.project.network.layer_sizes == [3, 1, 2]
    assert len(view.diagram_scene.items_.units) == 6
    doc.undo_stack.undo()
    assert doc.project.equals(original)
    assert len(view.diagram_scene.items_.units) == 7


# highlight ------------------------------------------------------------------------------------
def test_highlighted_refs_glow_others_fade_and_values_are_called_out(view, doc):
    touched = {UnitRef(2, 1), EdgeRef(2, 2, 1)}
    doc.set_highlight(touched, {UnitRef(2, 1): "z = 0.2400", EdgeRef(2, 2, 1): "0.1000"})
    items = view.diagram_scene.items_
    assert items.units[UnitRef(2, 1)].highlighted and not items.units[UnitRef(2, 1)].dimmed
    assert items.units[UnitRef(3, 1)].dimmed
    assert items.edges[EdgeRef(2, 2, 1)].highlighted and items.bundle.dimmed
    callouts = sorted(c.text for c in view.diagram_scene._callouts)
    assert callouts == ["0.1000", "z = 0.2400"]
    image = view.grab().toImage()
    centre = view.mapFromScene(items.units[UnitRef(2, 1)].pos())
    ring = image.pixelColor(centre.x() + round(35 * view.zoom_factor()), centre.y())
    assert ring.red() > 200 and ring.blue() < 100  # amber, not the unit's blue-grey
    doc.set_highlight(set())
    assert not view.diagram_scene._callouts and not items.bundle.dimmed


# zoom and export ------------------------------------------------------------------------------
def test_zoom_in_out_and_fit(qtbot, view):
    fitted = view.zoom_factor()
    view.zoom_in()
    assert view.zoom_factor() == pytest.approx(fitted * 1.25)
    view.zoom_out()
    view.zoom_out()
    assert view.zoom_factor() < fitted
    view.fit()
    assert view.zoom_factor() == pytest.approx(fitted)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.diagram_scene.itemsBoundingRect())


def test_export_png_writes_a_picture_of_the_diagram(view, tmp_path):
    path = tmp_path / "diagram.png"
    view.export_png(path)
    image = QImage(str(path))
    assert not image.isNull() and image.width() > 500
    assert non_background_fraction(image, BACKGROUND) > 0.03


def test_export_svg_writes_an_svg_with_the_labels(view, tmp_path):
    path = tmp_path / "diagram.svg"
    view.export_svg(path)
    text = path.read_text(encoding="utf-8")
    assert "<svg" in text and "Layer 2 · sigmoid" in text and "0.9000" in text


def test_the_wheel_zooms_and_stops_following_the_window_size(qtbot, view):
    before = view.zoom_factor()
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre, view.viewport().mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom_factor() == pytest.approx(before * 1.25)
    view.resize(600, 400)
    assert view.zoom_factor() == pytest.approx(before * 1.25)  # the user's zoom is kept
