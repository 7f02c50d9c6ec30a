"""The diagram shows the document's network: items, labels, values, in-place refresh, rebuild."""

from __future__ import annotations

import pytest

from bpstudio.controller.document import Document
from bpstudio.model.examples import load_example
from bpstudio.model.refs import BiasRef, EdgeRef, UnitRef
from bpstudio.views.diagram import NetworkDiagramView
from bpstudio.views.diagram.style import BACKGROUND, format_value
from tests.views.diagram_support import document_with_sizes, non_background_fraction, shown_view


@pytest.fixture
def doc(qapp):
    return Document(load_example("seed"))


@pytest.fixture
def view(doc, qtbot):
    return shown_view(qtbot, doc)


def test_the_seed_network_has_7_units_and_10_edges_named_as_the_seed_names_them(view):
    items = view.diagram_scene.items_
    names = {ref: unit.symbol.plain for ref, unit in items.units.items()}
    assert names == {
        UnitRef(1, 1): "x_1", UnitRef(1, 2): "x_2", UnitRef(1, 3): "x_3",
        UnitRef(2, 1): "a_1^2", UnitRef(2, 2): "a_2^2",
        UnitRef(3, 1): "Y_1", UnitRef(3, 2): "Y_2",
    }  # fmt: skip
    expected_edges = {EdgeRef(2, j, k) for j in (1, 2, 3) for k in (1, 2)}
    expected_edges |= {EdgeRef(3, j, k) for j in (1, 2) for k in (1, 2)}
    assert set(items.edges) == expected_edges
    assert view.objectName() == "networkDiagram"


def test_headers_name_the_layer_and_its_activation(view):
    headers = view.diagram_scene.items_.headers
    assert [headers[n].text() for n in (1, 2, 3)] == [
        "Layer 1 · inputs", "Layer 2 · sigmoid", "Layer 3 · sigmoid",
    ]  # fmt: skip


def test_units_show_the_documents_activations_and_edges_their_weights(view, doc):
    items = view.diagram_scene.items_
    assert items.units[UnitRef(2, 1)].value_text == format_value(doc.trace().a_(2, 1))
    assert items.units[UnitRef(1, 2)].value_text == "0.5000"
    assert view.edge_labels_visible  # a 10-edge network is labelled by default
    assert items.labels[EdgeRef(3, 1, 2)].text == "0.9000"
    assert items.edges[EdgeRef(2, 3, 1)].value == pytest.approx(0.3)


@pytest.mark.parametrize(
    ("mode", "read"),
    [
        ("z", lambda doc: doc.trace().z_(3, 2)),
        ("dE/dz", lambda doc: doc.gradients().dE_dz_(3, 2)),
    ],
)
def test_node_value_modes_show_z_and_dE_dz(view, doc, mode, read):
    view.set_node_value_mode(mode)
    assert view.node_value_mode == mode
    assert view.diagram_scene.items_.units[UnitRef(3, 2)].value_text == format_value(read(doc))
    assert view.diagram_scene.items_.units[UnitRef(1, 1)].value_text == "—"  # inputs have no z
    with pytest.raises(ValueError):
        view.set_node_value_mode("nonsense")


def test_gradient_overlay_labels_edges_with_dE_dw(view, doc):
    view.toggle_edge_overlay()
    assert view.edge_overlay == "gradient"
    label = view.diagram_scene.items_.labels[EdgeRef(2, 1, 1)]
    assert label.text == format_value(doc.gradients().dE_dw_(2, 1, 1))
    assert "width grows with |∂E/∂w|" in view.diagram_scene.items_.legend.text()


def test_edge_tooltip_gives_the_weight_and_its_gradient(view, doc):
    edge = view.diagram_scene.items_.edges[EdgeRef(3, 1, 2)]
    tooltip = edge.tooltip_html()
    assert "<i>w</i><sub>12</sub><sup>3</sup> = 0.9000" in tooltip
    assert f"= {format_value(doc.gradients().dE_dw_(3, 1, 2))}" in tooltip


def test_a_value_change_updates_items_in_place(view, doc, qtbot):
    items = view.diagram_scene.items_
    unit = items.units[UnitRef(3, 1)]
    before = unit.value_text
    with qtbot.waitSignal(doc.changed):
        doc.set_weight(3, 1, 1, -2.0)
    assert view.diagram_scene.items_ is items  # no rebuild
    assert items.labels[EdgeRef(3, 1, 1)].text == "-2.0000"
    assert items.edges[EdgeRef(3, 1, 1)].negative
    assert unit.value_text != before


def test_a_structural_change_rebuilds(view, doc, qtbot):
    with qtbot.waitSignal(doc.structureChanged):
        doc.add_unit(2)
    items = view.diagram_scene.items_
    assert len(items.units) == 8 and len(items.edges) == 3 * 3 + 3 * 2
    with qtbot.waitSignal(doc.structureChanged):
        doc.set_use_bias(True)
    items = view.diagram_scene.items_
    assert BiasRef(3, 2) in items.edges and set(items.bias_nodes) == {2, 3}
    assert items.headers[2].subtitle == "3 hidden units"


def test_a_20_60_60_10_network_builds_and_renders(qtbot):
    doc = document_with_sizes([20, 60, 60, 10])
    view = shown_view(qtbot, doc, 1200, 800)
    items = view.diagram_scene.items_
    assert len(items.units) == 150
    assert len(items.edges) == 20 * 60 + 60 * 60 + 60 * 10
    assert not view.edge_labels_visible  # 5,400 labels would be noise
    image = view.grab().toImage()
    assert non_background_fraction(image, BACKGROUND) > 0.2


def test_view_constructs_without_a_parent_and_a_document_signal_reaches_it(doc, qtbot):
    view = NetworkDiagramView(doc)
    qtbot.addWidget(view)
    doc.set_activation(2, "tanh")
    assert view.diagram_scene.items_.headers[2].text() == "Layer 2 · tanh"
