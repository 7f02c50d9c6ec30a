"""What 七 applies: an optimiser's settings and each parameter's state slots.

Its own module, free of the derivation's others, because a `Derivation` keeps the one it was
built with (steps.py) and the derivation's update (optimiser_update.py) writes it out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bpstudio.model.optimisers import OptimiserSettings


@dataclass(frozen=True)
class OptimiserStep:
    """What 七 applies: the optimiser's settings and, per parameter (`Network.parameters`
    order), its state slots as `optimisers.update` takes them (arrays of the parameter's
    shape, and ``step``: the steps taken so far)."""

    settings: OptimiserSettings
    slots: Sequence[Mapping[str, Any]]

    @property
    def is_plain(self) -> bool:
        """Plain SGD: w ← w − η ∂E/∂w, the seed's own 七."""
        s = self.settings
        return s.kind == "sgd" and s.momentum == 0.0 and s.weight_decay == 0.0
