"""References to the elements of a network, numbered as the seed numbers them (from 1).

They name what a walkthrough step touches, what the user has selected, and what the diagram
highlights.  ``EdgeRef(3, 1, 2)`` is the edge of ``w_{12}^3``: from unit 1 of layer 2 to unit 2
of layer 3.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class UnitRef:
    layer: int  # 1 = inputs
    unit: int  # from 1


@dataclass(frozen=True, order=True)
class EdgeRef:
    layer: int  # the layer the edge enters (>= 2)
    j: int  # unit of layer - 1, from 1
    k: int  # unit of layer, from 1

    @property
    def source(self) -> UnitRef:
        return UnitRef(self.layer - 1, self.j)

    @property
    def target(self) -> UnitRef:
        return UnitRef(self.layer, self.k)


@dataclass(frozen=True, order=True)
class BiasRef:
    layer: int  # the layer whose units the bias feeds (>= 2)
    unit: int  # from 1


ElementRef = UnitRef | EdgeRef | BiasRef
