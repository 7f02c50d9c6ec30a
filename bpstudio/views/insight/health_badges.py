"""Keeps the diagram's saturated/dead badges in step with the shown network.

Outside training a unit is judged on the shown sample (the walkthrough's); while training runs,
on the training set with the newest trained weights (at most ten times a second).  Dead ReLUs
are always judged on the training set.  The judging is ``model.unit_health``'s.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject

from bpstudio.controller.coalescer import Coalescer
from bpstudio.model.network_size import diagram_draws_edges
from bpstudio.model.unit_health import UnitHealth, unit_health
from bpstudio.views.diagram.notation import unit_symbol
from bpstudio.views.diagram.unit_badges import UnitBadgeItem, badge_tooltip

REFRESH_MS = 100


class HealthBadges(QObject):
    def __init__(self, document, scene, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._scene = scene
        self.health = UnitHealth()
        self.items: dict = {}  # UnitRef -> UnitBadgeItem
        self._refresh_soon = Coalescer(self.refresh, REFRESH_MS, self)
        document.changed.connect(self.refresh)
        document.liveChanged.connect(self._schedule)
        scene.rebuilt.connect(self._on_scene_rebuilt)
        self.refresh()

    def _schedule(self) -> None:
        self._refresh_soon.request()

    def _on_scene_rebuilt(self) -> None:
        self.items = {}  # deleted with the scene's other items
        self._schedule()  # the document's `changed` follows a rebuild; a language switch not

    def refresh(self) -> None:
        if self._scene.is_building:
            return  # the scene's ``rebuilt`` brings us back
        self.health = self._judge()
        wanted = {ref: kind for ref in self._scene.items_.units
                  if (kind := self.health.badge(ref)) is not None}  # fmt: skip
        for ref in list(self.items):
            item = self.items[ref]
            if wanted.get(ref) != item.kind or not shiboken6.isValid(item):
                if shiboken6.isValid(item) and item.scene() is self._scene:
                    self._scene.removeItem(item)
                del self.items[ref]
        for ref, kind in wanted.items():
            if ref not in self.items:
                unit = self._scene.items_.units[ref]
                self.items[ref] = UnitBadgeItem(kind, unit.pos(), "")
                self._scene.addItem(self.items[ref])
            self.items[ref].setToolTip(self._tooltip(ref, kind))

    def _judge(self) -> UnitHealth:
        document = self._document
        network = document.shown_network()
        if not diagram_draws_edges(network):
            # The diagram shows a summary: no unit to badge, and judging a 10^7-unit layer
            # stalled the window 3 s.
            return UnitHealth()
        training = network is not document.project.network  # trained weights, not yet a step
        dataset = document.project.dataset
        try:
            dataset.check_fits(network.layer_sizes)
            train = dataset.training_set().inputs
            i = document.sample_index
            sample = None if training else dataset.prepare_inputs(dataset.inputs[i : i + 1])
            return unit_health(network, train, sample)
        except ValueError:  # the data does not fit the network: the data panel says why
            return UnitHealth()

    def _tooltip(self, ref, kind: str) -> str:
        detail = self.health.detail.get(ref, 0.0)
        symbol = unit_symbol(ref, self._document.project.network.n_layers).html
        return badge_tooltip(kind, symbol, detail, self.health.on_training_set)
