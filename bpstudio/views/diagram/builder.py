"""Builds the diagram's items for one network shape; the scene owns and updates them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF

from bpstudio.model.refs import BiasRef, EdgeRef, UnitRef
from bpstudio.views.diagram.edge_bundle import EdgeBundleItem
from bpstudio.views.diagram.edge_item import HIT_RADIUS, EdgeItem, EdgeValues
from bpstudio.views.diagram.hit_index import EdgeHitIndex, line_coords
from bpstudio.views.diagram.labels import EdgeLabelItem, LayerHeaderItem
from bpstudio.views.diagram.layout import DiagramLayout
from bpstudio.views.diagram.legend import LegendItem
from bpstudio.views.diagram.notation import unit_symbol
from bpstudio.views.diagram.unit_item import BiasNodeItem, UnitItem
from bpstudio.views.diagram.values import edge_refs
from bpstudio.views.widgets.language import translate

MIN_LABEL_FRACTION = 0.24  # nearer the source than this, a label would sit on the unit
# Items made between two chances to pause a build (see ``build_in_steps``): a step of this
# many stays near a millisecond (docs/performance.md; several when another thread holds the
# interpreter lock: then each Qt call waits for it).
ITEMS_PER_STEP = 20


@dataclass
class DiagramItems:
    """Every item of one build, indexed by the model element it shows."""

    layout: DiagramLayout
    units: dict[UnitRef, UnitItem] = field(default_factory=dict)
    edges: dict[EdgeRef | BiasRef, EdgeItem] = field(default_factory=dict)
    edge_order: list[EdgeRef | BiasRef] = field(default_factory=list)
    headers: dict[int, LayerHeaderItem] = field(default_factory=dict)
    bias_nodes: dict[int, BiasNodeItem] = field(default_factory=dict)
    labels: dict[EdgeRef | BiasRef, EdgeLabelItem] = field(default_factory=dict)
    bundle: EdgeBundleItem | None = None
    edge_values: EdgeValues | None = None
    hit_index: EdgeHitIndex | None = None
    legend: LegendItem | None = None
    summary: object | None = None  # the note of a network too big to draw (see summary.py)

    def item_for(self, ref):
        return self.units.get(ref) or self.edges.get(ref)


def build_items(scene, network) -> DiagramItems:
    """Every item at once."""
    steps = build_in_steps(scene, network)
    items = next(steps)
    for _ in steps:
        pass
    return items


def build_in_steps(scene, network) -> Iterator[DiagramItems]:
    """Builds the items a few at a time: yields the (growing) items first and then after
    every step, so that a caller can give the event loop a turn between steps (a big network
    takes a few hundred milliseconds to build).  Done when the generator is exhausted."""
    layout = DiagramLayout.for_network(network.layer_sizes, network.use_bias)
    items = DiagramItems(layout)
    yield items
    _build_headers(scene, network, items)
    yield from _build_units(scene, network, items)
    yield from _build_edges(scene, network, items)
    items.legend = LegendItem(layout.legend_pos())
    items.legend.setScale(layout.text_scale)
    scene.addItem(items.legend)


def label_position(layout: DiagramLayout, ref: EdgeRef | BiasRef) -> QPointF:
    """Where an edge's label (and its editor) goes: near the source, at a fraction chosen so
    that no two labels between the same pair of columns share a height (for small layers)."""
    targets = layout.sizes[ref.layer - 1]
    fraction = max(MIN_LABEL_FRACTION, 1.0 / (targets + 1))
    source, target = edge_endpoints(layout, ref)
    return source + (target - source) * fraction


def edge_endpoints(layout: DiagramLayout, ref: EdgeRef | BiasRef) -> tuple[QPointF, QPointF]:
    if isinstance(ref, BiasRef):
        return layout.bias_pos(ref.layer), layout.unit_pos(ref.layer, ref.unit)
    return layout.unit_pos(ref.layer - 1, ref.j), layout.unit_pos(ref.layer, ref.k)


def build_labels(scene, items: DiagramItems) -> None:
    for ref in items.edge_order:
        label = EdgeLabelItem(ref, label_position(items.layout, ref))
        scene.addItem(label)
        items.labels[ref] = label


def remove_labels(scene, items: DiagramItems) -> None:
    for label in items.labels.values():
        scene.removeItem(label)
    items.labels.clear()


def header_texts(network, layer: int) -> tuple[str, str]:
    """("Layer 2 · sigmoid", "2 hidden units"): what the layer is, then what it holds."""
    n = network.layer_sizes[layer - 1]
    one = n == 1  # English says "1 input", "2 inputs"; Chinese has one form for both
    if layer == 1:
        title = translate("NetworkDiagram", "Layer 1 · inputs")
        count = (
            translate("NetworkDiagram", "%d input")
            if one
            else translate("NetworkDiagram", "%d inputs")
        )
        return title, count % n
    title = translate("NetworkDiagram", "Layer %d · %s") % (layer, network.activations[layer - 2])
    if layer == network.n_layers:
        count = (
            translate("NetworkDiagram", "%d output")
            if one
            else translate("NetworkDiagram", "%d outputs")
        )
        return title, count % n
    count = (
        translate("NetworkDiagram", "%d hidden unit")
        if one
        else translate("NetworkDiagram", "%d hidden units")
    )
    return title, count % n


def _build_headers(scene, network, items: DiagramItems) -> None:
    for layer in range(1, network.n_layers + 1):
        title, subtitle = header_texts(network, layer)
        header = LayerHeaderItem(layer, title, subtitle, items.layout.header_pos(layer))
        header.setScale(items.layout.text_scale)
        scene.addItem(header)
        items.headers[layer] = header


def _build_units(scene, network, items: DiagramItems) -> Iterator[DiagramItems]:
    n_layers = network.n_layers
    for layer, size in enumerate(network.layer_sizes, start=1):
        role = "input" if layer == 1 else "output" if layer == n_layers else "hidden"
        for unit in range(1, size + 1):
            ref = UnitRef(layer, unit)
            position = items.layout.unit_pos(layer, unit)
            item = UnitItem(ref, role, unit_symbol(ref, n_layers), position)
            scene.addItem(item)
            items.units[ref] = item
            if len(items.units) % ITEMS_PER_STEP == 0:
                yield items
    if network.use_bias:
        for layer in range(2, n_layers + 1):
            node = BiasNodeItem(layer, items.layout.bias_pos(layer))
            scene.addItem(node)
            items.bias_nodes[layer] = node


def _build_edges(scene, network, items: DiagramItems) -> Iterator[DiagramItems]:
    items.edge_order = edge_refs(network.layer_sizes, network.use_bias)
    items.edge_values = EdgeValues(len(items.edge_order))
    lines, dashed, coords = [], [], []
    for index, ref in enumerate(items.edge_order):
        source, target = edge_endpoints(items.layout, ref)
        edge = EdgeItem(ref, source, target, items.edge_values, index)
        scene.addItem(edge)
        items.edges[ref] = edge
        line = edge.line()
        lines.append(line)
        dashed.append(edge.is_bias)
        coords.append(line_coords(line))
        if index % ITEMS_PER_STEP == ITEMS_PER_STEP - 1:
            yield items
    coords_array = np.array(coords, dtype=float).reshape(-1, 4)
    items.hit_index = EdgeHitIndex(coords_array, HIT_RADIUS)
    items.bundle = EdgeBundleItem(lines, dashed, coords_array)
    scene.addItem(items.bundle)
