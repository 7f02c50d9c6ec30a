"""The walkthrough's highlight: the touched elements glow, the rest fade, values are called out."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from bpstudio.model.refs import BiasRef, EdgeRef, UnitRef
from bpstudio.views.diagram.builder import label_position
from bpstudio.views.diagram.labels import CalloutItem
from bpstudio.views.diagram.layout import UNIT_RADIUS


def apply_highlight(scene, items, refs, values: dict) -> list[CalloutItem]:
    """Mark ``refs`` on the items of ``items``; returns the callouts it added to ``scene``."""
    refs = frozenset(refs)
    active = bool(refs)
    for ref, unit in items.units.items():
        unit.set_emphasis(ref in refs, active and ref not in refs)
    for ref, edge in items.edges.items():
        edge.set_highlighted(ref in refs)
    for ref, label in items.labels.items():
        label.set_dimmed(active and ref not in refs)
    for node in items.bias_nodes.values():
        node.set_dimmed(active)
    items.bundle.set_dimmed(active)
    return [_add_callout(scene, items, ref, text) for ref, text in _known(items, values)]


def clear_callouts(scene, callouts) -> None:
    for callout in callouts:
        if callout.scene() is scene:
            scene.removeItem(callout)


def _known(items, values: dict):
    """Values of refs that exist in this build, in a stable order."""
    present = [(ref, text) for ref, text in values.items() if items.item_for(ref) is not None]
    return sorted(present, key=lambda pair: (type(pair[0]).__name__, pair[0]))


def _add_callout(scene, items, ref, text: str) -> CalloutItem:
    if isinstance(ref, UnitRef):
        # Above the unit and to its right, clear of the unit's own symbol and value.
        centre = items.units[ref].pos()
        position = QPointF(centre.x() + 0.55 * UNIT_RADIUS, centre.y() - UNIT_RADIUS - 12)
        callout = CalloutItem(str(text), position, anchor_left=True)
    else:
        assert isinstance(ref, EdgeRef | BiasRef)
        callout = CalloutItem(str(text), label_position(items.layout, ref), anchor_left=False)
    scene.addItem(callout)
    return callout
