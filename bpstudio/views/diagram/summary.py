"""The diagram of a network too big to draw edge by edge: its layers' headers in a row (they
keep their right-click menu, so a layer can still be resized, removed or inserted) and a note
saying why the units and edges are not drawn."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsTextItem

from bpstudio.model.network_size import DIAGRAM_MAX_EDGES, network_weights
from bpstudio.views.diagram import style
from bpstudio.views.diagram.builder import DiagramItems, header_texts
from bpstudio.views.diagram.labels import LayerHeaderItem
from bpstudio.views.diagram.layout import BASE_COLUMN_GAP, DiagramLayout
from bpstudio.views.widgets.language import translate

NOTE_WIDTH = 520.0


def build_summary(scene, network) -> DiagramItems:
    """Headers of every layer, left to right, and the note under them."""
    items = DiagramItems(DiagramLayout.for_network(network.layer_sizes, network.use_bias))
    for layer in range(1, network.n_layers + 1):
        title, subtitle = header_texts(network, layer)
        position = QPointF((layer - 1) * BASE_COLUMN_GAP * 0.8, 0.0)
        header = LayerHeaderItem(layer, title, subtitle, position)
        scene.addItem(header)
        items.headers[layer] = header
    note = QGraphicsTextItem(summary_text(network))
    note.setObjectName("diagramSummary")
    note.setDefaultTextColor(style.MUTED_INK)
    note.setFont(style.text_font(13))
    note.setTextWidth(max(NOTE_WIDTH, (network.n_layers - 1) * BASE_COLUMN_GAP * 0.8))
    note.setPos(-BASE_COLUMN_GAP * 0.4, 50.0)
    scene.addItem(note)
    items.summary = note
    return items


def summary_text(network) -> str:
    sizes = " → ".join(f"{n:,}" for n in network.layer_sizes)
    return translate(
        "NetworkDiagram",
        "This network has %s weights: too many to draw one by one (the diagram draws up to "
        "%s). Layers: %s. Right-click a layer's title to change it; the weight tables and "
        "the training work as usual.",
    ) % (f"{network_weights(network):,}", f"{DIAGRAM_MAX_EDGES:,}", sizes)
