"""A gradient as the sum over paths from E back to a weight or a unit, with the numbers.

The seed's steps 四-六 add up, for a hidden weight, one term per path from E down to it: each
term is the product of the local derivatives along its path (colah's "calculus on
computational graphs").  Here every path of one sample's pass, each term with its factors::

    ∂E/∂w₁₁² = ∂E/∂Y₁ · ∂Y₁/∂z₁³ · w₁₁³ · ∂a₁²/∂z₁² · x₁  +  ∂E/∂Y₂ · ∂Y₂/∂z₂³ · w₁₂³ · ...

For element-wise activations a weight into unit k of layer l has one path per choice of one unit
in each layer above it, so ``paths_total`` is the product of those widths.  A softmax output
couples the outputs: the path from E enters output n (∂E/∂Y_n) and leaves through z_m
(the Jacobian term ∂Y_n/∂z_m), one more choice of width n_L.  With cross-entropy the walkthrough
merges steps 一 and 二 into ∂E/∂z_m = Y_m - Ŷ_m, and so do the paths.

Paths grow exponentially with depth, so at most ``limit`` are listed, the largest |value| first,
found by a best-first search (`path_search`) without visiting the others; ``paths_rest`` is the
sum of the unlisted ones: the gradient (which backpropagation sums exactly) minus the listed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from bpstudio.model.derivation import Derivation, DerivationStep
from bpstudio.model.derivation import symbols as sym
from bpstudio.model.losses import get_loss
from bpstudio.model.network import Network
from bpstudio.model.path_search import FoundPath, best_paths
from bpstudio.model.refs import EdgeRef, UnitRef

MAX_LISTED = 64  # paths listed per gradient (the JSON export and the path panel)
PATH_QUANTITIES = ("dE/dw", "dE/da")  # the walkthrough's steps that get their paths


@dataclass(frozen=True)
class PathFactor:
    """One local derivative along a path, in the walkthrough's notation."""

    kind: str  # "dE/dY", "dE/dz", "slope", "jacobian", "weight", "input"
    symbol: str  # LaTeX
    plain: str  # plain Unicode, for labels
    value: float


@dataclass(frozen=True)
class GradientPath:
    units: tuple[UnitRef, ...]  # from the output end back to the target (a weight's source last)
    factors: tuple[PathFactor, ...]  # in the same order, from E back to the target
    value: float  # the product of the factors, in that order

    def edges(self) -> tuple[EdgeRef, ...]:
        """The diagram's edges along the path (a softmax coupling inside a layer is none)."""
        pairs = zip(self.units, self.units[1:], strict=False)
        return tuple(
            EdgeRef(upper.layer, lower.unit, upper.unit)
            for upper, lower in pairs
            if lower.layer + 1 == upper.layer
        )


@dataclass(frozen=True)
class PathSum:
    quantity: str  # "dE/dw" or "dE/da"
    layer: int
    indices: tuple[int, ...]  # (j, k) of a weight, (unit,) of a unit
    symbol: str  # LaTeX of the gradient
    plain: str
    value: float  # the gradient, as backpropagation computes it
    paths: tuple[GradientPath, ...]  # the largest |value| first
    paths_total: int  # how many paths exist
    paths_rest: float  # the sum of the unlisted paths' values (0 when all are listed)

    @property
    def listed_all(self) -> bool:
        return len(self.paths) == self.paths_total


class SamplePass:
    """One sample's forward and backward pass, and the local derivatives the paths multiply."""

    def __init__(self, network: Network, inputs: ArrayLike, targets: ArrayLike, loss: str) -> None:
        self.network = network
        self.loss = loss
        x = np.atleast_2d(np.asarray(inputs, dtype=np.float64))[:1]
        t = np.atleast_2d(np.asarray(targets, dtype=np.float64))[:1]
        self.trace = network.forward(x)
        self.grads = network.backward(self.trace, t, loss)
        self.merged = get_loss(loss).merges_output_steps
        self.softmax = network.output_activation == "softmax" and not self.merged
        self._slopes: dict[int, np.ndarray] = {}
        self._heads: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @property
    def n_layers(self) -> int:
        return self.network.n_layers

    def width(self, layer: int) -> int:
        return self.network.layer_sizes[layer - 1]

    def a(self, layer: int) -> np.ndarray:
        row: np.ndarray = self.trace.a[layer - 1][0]
        return row

    def slope(self, layer: int) -> np.ndarray:
        """da/dz of each unit of an element-wise layer (never asked of a softmax layer)."""
        if layer not in self._slopes:
            z, a = self.trace.z_at(layer), self.trace.a[layer - 1]
            self._slopes[layer] = self.network.activation(layer).slope(z, a)[0]
        return self._slopes[layer]

    def dE_dY(self) -> np.ndarray:
        row: np.ndarray = self.grads.dE_da_at(self.n_layers)[0]
        return row

    def dE_dz_out(self) -> np.ndarray:
        row: np.ndarray = self.grads.dE_dz_at(self.n_layers)[0]
        return row

    def jacobian(self) -> np.ndarray:
        """∂Y_n/∂z_m = Y_n(δ_nm - Y_m) of a softmax output, indexed [n, m]."""
        y = self.a(self.n_layers)
        return np.diag(y) - np.outer(y, y)

    @property
    def heads(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(n, m, value) of every way from E into z_m of the output layer (0-based units): it
        enters output n and leaves through z_m (n == m unless a softmax couples them)."""
        if self._heads is None:
            width = self.width(self.n_layers)
            if self.softmax:
                n, m = np.divmod(np.arange(width * width), width)
                value = self.dE_dY()[n] * self.jacobian()[n, m]
            else:
                n = m = np.arange(width)
                value = (
                    self.dE_dz_out() if self.merged else self.dE_dY() * self.slope(self.n_layers)
                )
            self._heads = (n, m, value)
        return self._heads

    def head_units(self, n: int, m: int) -> tuple[UnitRef, ...]:
        last = self.n_layers
        return (UnitRef(last, n + 1),) + ((UnitRef(last, m + 1),) if m != n else ())

    def head_factors(self, n: int, m: int) -> list[PathFactor]:
        last = self.n_layers
        if self.merged:
            return [
                _factor(
                    "dE/dz",
                    sym.dE(sym.z_sym(last, m + 1)),
                    _plain_dE(sym.plain_z(last, m + 1)),
                    self.dE_dz_out()[m],
                )
            ]
        first = _factor(
            "dE/dY", sym.dE(sym.y_sym(n + 1)), _plain_dE(sym.plain_y(n + 1)), self.dE_dY()[n]
        )
        top, plain_top = sym.y_sym(n + 1), sym.plain_y(n + 1)
        bottom, plain_bottom = sym.z_sym(last, m + 1), sym.plain_z(last, m + 1)
        if self.softmax:
            value, kind = self.jacobian()[n, m], "jacobian"
        else:
            value, kind = self.slope(last)[m], "slope"
        second = _factor(kind, sym.partial(top, bottom), f"∂{plain_top}/∂{plain_bottom}", value)
        return [first, second]

    def hop_factors(self, layer: int, lower: int, upper: int, with_slope: bool) -> list[PathFactor]:
        """From z_upper of ``layer`` down to unit ``lower`` of layer - 1 (1-based units)."""
        w = float(self.network.weights[layer - 2][lower - 1, upper - 1])
        factors = [
            _factor("weight", sym.w_sym(layer, lower, upper), sym.plain_w(layer, lower, upper), w)
        ]
        if with_slope:
            below = layer - 1
            a, z = sym.a_sym(below, lower), sym.z_sym(below, lower)
            plain = f"∂{sym.plain_a(below, lower)}/∂{sym.plain_z(below, lower)}"
            factors.append(_factor("slope", sym.partial(a, z), plain, self.slope(below)[lower - 1]))
        return factors


def weight_paths(sp: SamplePass, layer: int, j: int, k: int, limit: int = MAX_LISTED) -> PathSum:
    """∂E/∂w_{jk}^layer of the pass's sample as a sum over paths (1-based j, k)."""
    _check_weight(sp, layer, j, k)
    source = float(sp.a(layer - 1)[j - 1])
    tail = _factor("input", sym.a_sym(layer - 1, j), sym.plain_a(layer - 1, j), source)
    found = best_paths(sp, layer, k, source, True, limit)
    paths = [_assemble(sp, p, layer, True, [tail], UnitRef(layer - 1, j)) for p in found]
    value = sp.grads.dE_dw_(layer, j, k, 0)
    symbol = sym.dE(sym.w_sym(layer, j, k))
    return _summed(
        "dE/dw",
        layer,
        (j, k),
        symbol,
        _plain_dE(sym.plain_w(layer, j, k)),
        value,
        paths,
        _count(sp, layer),
    )


def unit_paths(sp: SamplePass, layer: int, unit: int, limit: int = MAX_LISTED) -> PathSum:
    """∂E/∂a_unit^layer of the pass's sample as a sum over paths (any layer below the output)."""
    if not 1 <= layer < sp.n_layers or not 1 <= unit <= sp.width(layer):
        raise ValueError(f"no unit {unit} of a layer 1-{sp.n_layers - 1} (layer {layer})")
    found = best_paths(sp, layer, unit, 1.0, False, limit)
    paths = [_assemble(sp, p, layer, False, [], None) for p in found]
    value = sp.grads.dE_da_(layer, unit, 0)
    a = sym.a_sym(layer, unit)
    return _summed(
        "dE/da",
        layer,
        (unit,),
        sym.dE(a),
        _plain_dE(sym.plain_a(layer, unit)),
        value,
        paths,
        _count(sp, layer),
    )


def paths_of(
    sp: SamplePass, quantity: str, layer: int, indices: tuple[int, ...], limit: int = MAX_LISTED
) -> PathSum | None:
    """The PathSum of a walkthrough quantity ("dE/dw" or "dE/da"), or None for any other."""
    if quantity == "dE/dw":
        j, k = indices
        return weight_paths(sp, layer, j, k, limit=limit)
    if quantity == "dE/da" and layer < sp.n_layers:
        (unit,) = indices
        return unit_paths(sp, layer, unit, limit=limit)
    return None


def paths_for_ref(sp: SamplePass, ref: object, limit: int = MAX_LISTED) -> PathSum | None:
    """The paths of a selected edge (its ∂E/∂w) or unit (its ∂E/∂a); None for an output unit
    or a bias (a bias's gradient is its unit's ∂E/∂z)."""
    if isinstance(ref, EdgeRef):
        return weight_paths(sp, ref.layer, ref.j, ref.k, limit)
    if isinstance(ref, UnitRef) and ref.layer < sp.n_layers:
        return unit_paths(sp, ref.layer, ref.unit, limit)
    return None


def _count(sp: SamplePass, layer: int) -> int:
    """Paths from E to layer ``layer``: one unit in each layer above, and the softmax choice."""
    total = math.prod(sp.width(i) for i in range(layer + 1, sp.n_layers + 1))
    return total * (sp.width(sp.n_layers) if sp.softmax else 1)


def _assemble(
    sp: SamplePass,
    choice: FoundPath,
    layer: int,
    weight_target: bool,
    tail: list[PathFactor],
    source: UnitRef | None,
) -> GradientPath:
    """A found path (its head and the unit chosen in each layer below) with its factors."""
    head, below = choice
    heads_n, heads_m, _ = sp.heads
    n, m = int(heads_n[head]), int(heads_m[head])
    units = list(sp.head_units(n, m))
    factors = sp.head_factors(n, m)
    upper = m + 1
    current = sp.n_layers
    for lower in below:
        slope = current - 1 > layer or weight_target
        factors += sp.hop_factors(current, lower + 1, upper, slope)
        units.append(UnitRef(current - 1, lower + 1))
        upper, current = lower + 1, current - 1
    factors += tail
    if source is not None:
        units.append(source)
    value = math.prod(f.value for f in factors)
    return GradientPath(tuple(units), tuple(factors), float(value))


def _summed(
    quantity: str,
    layer: int,
    indices: tuple[int, ...],
    symbol: str,
    plain: str,
    value: float,
    found: list[GradientPath],
    total: int,
) -> PathSum:
    paths = sorted(found, key=lambda p: (-abs(p.value), p.units))
    listed = sum(p.value for p in paths)
    rest = 0.0 if len(paths) == total else float(value - listed)
    return PathSum(quantity, layer, indices, symbol, plain, float(value), tuple(paths), total, rest)


def _check_weight(sp: SamplePass, layer: int, j: int, k: int) -> None:
    if not 2 <= layer <= sp.n_layers:
        raise ValueError(f"no weights enter layer {layer} (layers 2-{sp.n_layers} have them)")
    if not (1 <= j <= sp.width(layer - 1) and 1 <= k <= sp.width(layer)):
        raise ValueError(f"no weight w_{j},{k} enters layer {layer}")


def _factor(kind: str, symbol: str, plain: str, value: float) -> PathFactor:
    return PathFactor(kind, symbol, plain, float(value))


def _plain_dE(plain_symbol: str) -> str:
    return f"∂E/∂{plain_symbol}"


def derivation_pass(derivation: Derivation) -> SamplePass | None:
    """The pass of a walkthrough's chosen sample (None for a derivation built without one)."""
    if derivation.source is None:
        return None
    network, inputs, targets = derivation.source
    return SamplePass(network, inputs, targets, derivation.loss)


def step_paths(sp: SamplePass, step: DerivationStep, limit: int = MAX_LISTED) -> PathSum | None:
    """The paths of a walkthrough step computing ∂E/∂w or ∂E/∂a (None for any other step)."""
    if step.quantity not in PATH_QUANTITIES:
        return None
    return paths_of(sp, step.quantity, step.layer, step.indices, limit)


def paths_to_json(found: PathSum, unit_json: Callable[[UnitRef], object]) -> dict[str, object]:
    """The JSON export's fields of a step: ``paths`` (at most MAX_LISTED, the largest |value|
    first), ``paths_total`` and ``paths_rest``; ``unit_json`` writes a UnitRef."""

    def number(value: float) -> float | None:
        return value if math.isfinite(value) else None  # JSON has no NaN or infinity

    paths = [
        {
            "units": [unit_json(u) for u in path.units],
            "factors": [
                {"kind": f.kind, "symbol": f.symbol, "value": number(f.value)} for f in path.factors
            ],
            "value": number(path.value),
        }
        for path in found.paths
    ]
    return {"paths": paths, "paths_total": found.paths_total,
            "paths_rest": number(found.paths_rest)}  # fmt: skip
