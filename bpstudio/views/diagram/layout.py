"""Where each unit, bias node and header sits: geometry only, from the layer sizes.

Layers are columns, left to right, each centred on y = 0.  The bias node that feeds layer l
("+1", as textbooks draw it) sits below the units of column l - 1, where its edges run the
same way as the weights.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF

UNIT_RADIUS = 30.0
BIAS_HALF_SIDE = 15.0
HEADER_GAP = 62.0  # from the top unit's edge to the header's centre, at text scale 1
BASE_COLUMN_GAP = 280.0
LEGEND_GAP = 48.0


@dataclass(frozen=True)
class DiagramLayout:
    sizes: tuple[int, ...]
    use_bias: bool

    @classmethod
    def for_network(cls, layer_sizes, use_bias: bool) -> DiagramLayout:
        return cls(tuple(int(n) for n in layer_sizes), bool(use_bias))

    @property
    def n_layers(self) -> int:
        return len(self.sizes)

    @property
    def unit_spacing(self) -> float:
        # Roomy for the seed-sized networks a student reads number by number; tighter
        # columns for big layers, which are read at a glance when zoomed out anyway.
        return 100.0 if max(self.sizes) <= 10 else 76.0

    @property
    def column_gap(self) -> float:
        # Wide enough for edge labels; wider still for tall columns, so that the fan of
        # edges is not a near-vertical wall and the diagram keeps a screen-like aspect.
        return max(BASE_COLUMN_GAP, 0.42 * self._slots(max(self.sizes)) * self.unit_spacing)

    @property
    def text_scale(self) -> float:
        """How much larger than normal the headers and legend are drawn: a big network is
        seen zoomed out, and its headers must still be readable then."""
        return max(1.0, 0.7 * self.column_gap / BASE_COLUMN_GAP)

    def column_x(self, layer: int) -> float:
        return (layer - 1) * self.column_gap

    def unit_pos(self, layer: int, unit: int) -> QPointF:
        return QPointF(self.column_x(layer), self._slot_y(layer, unit - 1))

    def bias_pos(self, layer: int) -> QPointF:
        """The "+1" node feeding ``layer`` (>= 2), under the units of layer - 1."""
        source = layer - 1
        return QPointF(self.column_x(source), self._slot_y(source, self.sizes[source - 1]))

    def header_pos(self, layer: int) -> QPointF:
        """The centre of a layer's header, one row above the tallest column."""
        top = -(self._slots(max(self._column_slots())) - 1) * self.unit_spacing / 2
        return QPointF(self.column_x(layer), top - UNIT_RADIUS - HEADER_GAP * self.text_scale)

    def legend_pos(self) -> QPointF:
        """The left end of the legend, one row under the lowest unit or bias node."""
        bottom = (max(self._column_slots()) - 1) * self.unit_spacing / 2
        return QPointF(-UNIT_RADIUS, bottom + UNIT_RADIUS + LEGEND_GAP * self.text_scale)

    def _column_slots(self) -> list[int]:
        """Slots per column: its units, plus its bias node when it feeds the next layer."""
        last = self.n_layers
        return [n + (1 if self.use_bias and i + 1 < last else 0) for i, n in enumerate(self.sizes)]

    def _slots(self, n: int) -> int:
        return max(1, n)

    def _slot_y(self, layer: int, index: int) -> float:
        slots = self._column_slots()[layer - 1]
        return (index - (slots - 1) / 2) * self.unit_spacing
