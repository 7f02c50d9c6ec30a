"""The optimiser's state between two steps: what a saved project needs to continue exactly.

A step depends on more than the weights and the settings: the optimiser's slots (torch's
names, one array per parameter each: ``momentum_buffer``, and RMSprop's ``square_avg`` or
Adam's ``exp_avg`` and ``exp_avg_sq``) and its step count (Adam's t), where the epoch is (its
sample order and how far into it the trainer is), the random generator that draws the next
epoch's order, and the running sum of this epoch's step losses.  `OptimiserState` holds
exactly that, immutable; `Trainer` gives one (`Trainer.optimiser_state`) and takes one
(``Trainer(..., state=...)``), and the project file stores it (``optimiser``, format
version 2: docs/project-format.md).

Absent (None) means the zero state: zero slots, step 0 and a fresh epoch, drawn from the seed,
as a version 1 file or a new project starts.  A state belongs to one kind of optimiser
(``kind``): a trainer or an edit that changes the kind starts from zero slots
(`for_kind`), as a new torch optimiser would.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from bpstudio.model.optimisers import AVERAGES
from bpstudio.model.validation import (
    MAX_COUNT,
    expect_int,
    expect_list,
    expect_matrix,
    expect_number,
    expect_object,
    expect_str,
    expect_vector,
    fail,
    require,
)

# The generator the trainer shuffles with: NumPy's default (PCG64).  Its state holds two
# 128-bit integers, written as decimal text (JSON readers other than Python's lose digits).
BIT_GENERATOR = "PCG64"
MAX_128 = (1 << 128) - 1


def _frozen(values) -> np.ndarray:
    array = np.array(values, dtype=np.float64)
    array.flags.writeable = False
    return array


@dataclass(frozen=True)
class EpochState:
    """Where the current epoch is: its order of the training rows (None: the rows in their
    own order, as without shuffling), the next row's position in it, and its steps' losses."""

    order: tuple[int, ...] | None
    position: int
    loss_sum: float
    steps: int


@dataclass(frozen=True)
class OptimiserState:
    momentum: tuple[np.ndarray, ...]  # per parameter, `Network.parameters` order; read-only
    epoch: EpochState | None  # None: start a fresh epoch (a fresh order from the seed)
    rng: dict[str, Any] | None  # NumPy's bit_generator.state; None: seeded afresh
    # The running averages (optimisers.AVERAGES) this kind keeps, each like ``momentum``.
    averages: dict[str, tuple[np.ndarray, ...]] = field(default_factory=dict)
    step: int = 0  # optimiser steps since the slots were zero (torch's state["step"])
    kind: str = "sgd"  # the optimiser whose slots these are

    @staticmethod
    def of(
        momentum,
        epoch: EpochState | None,
        rng: dict | None,
        averages: dict | None = None,
        step: int = 0,
        kind: str = "sgd",
    ) -> OptimiserState:
        frozen = {
            name: tuple(_frozen(a) for a in arrays) for name, arrays in (averages or {}).items()
        }
        return OptimiserState(tuple(_frozen(b) for b in momentum), epoch, rng, frozen, step, kind)

    def without_epoch(self) -> OptimiserState:
        """The same slots, with a fresh epoch order (data, batch size, shuffle or seed
        changed)."""
        return replace(self, epoch=None, rng=None)

    def for_kind(self, kind: str) -> OptimiserState:
        """This state for optimiser ``kind``: itself if it is that kind's, else zero slots and
        step 0 (a new optimiser), the epoch kept."""
        if kind == self.kind:
            return self
        zeros = [np.zeros(b.shape) for b in self.momentum]
        return OptimiserState.of(zeros, self.epoch, self.rng, None, 0, kind)

    def slot(self, name: str) -> tuple[np.ndarray, ...] | None:
        """The arrays of slot ``name`` (torch's name), or None when this state has none."""
        return self.momentum if name == "momentum_buffer" else self.averages.get(name)

    def slots_of(self, index: int) -> dict[str, Any]:
        """Parameter ``index``'s slots as `optimisers.update` takes them (with ``step``)."""
        slots: dict[str, Any] = {"momentum_buffer": self.momentum[index], "step": self.step}
        return slots | {name: arrays[index] for name, arrays in self.averages.items()}

    def fits(self, parameter_shapes: list[tuple[int, ...]]) -> bool:
        shapes = [tuple(s) for s in parameter_shapes]
        return all(
            [a.shape for a in arrays] == shapes
            for arrays in (self.momentum, *self.averages.values())
        )

    def is_zero_slots(self) -> bool:
        """Whether every slot is zero and no step was counted (the epoch aside)."""
        arrays = (self.momentum, *self.averages.values())
        return self.step == 0 and not any(a.any() for group in arrays for a in group)

    def is_zero(self) -> bool:
        arrays = (self.momentum, *self.averages.values())
        return (
            self.epoch is None
            and self.rng is None
            and self.step == 0
            and not any(a.any() for group in arrays for a in group)
        )


# the file ------------------------------------------------------------------------------------
def _arrays_to_json(arrays, n_weights: int) -> dict:
    lists = [a.tolist() for a in arrays]
    return {"weights": lists[:n_weights], "biases": lists[n_weights:] or None}


def state_to_json(state: OptimiserState, n_weights: int) -> dict:
    """The file's ``optimiser``: ``momentum_buffers`` always (zeros when unused, so older
    readers of version 2 still read it), the running averages this kind keeps, ``step``."""
    out: dict[str, Any] = {"momentum_buffers": _arrays_to_json(state.momentum, n_weights)}
    for name, arrays in state.averages.items():
        out[name] = _arrays_to_json(arrays, n_weights)
    if state.step:
        out["step"] = state.step
    if state.epoch is not None:
        epoch = state.epoch
        out["epoch"] = {
            "order": None if epoch.order is None else list(epoch.order),
            "position": epoch.position,
            "loss_sum": epoch.loss_sum,
            "steps": epoch.steps,
        }
    if state.rng is not None:
        inner = state.rng["state"]
        out["rng"] = {
            "bit_generator": state.rng["bit_generator"],
            "state": str(inner["state"]),
            "inc": str(inner["inc"]),
            "has_uint32": int(state.rng["has_uint32"]),
            "uinteger": int(state.rng["uinteger"]),
        }
    return out


def state_from_json(
    raw: Any, network, n_rows: int, shuffle: bool, kind: str = "sgd"
) -> OptimiserState:
    """Read ``optimiser``, the state of optimiser ``kind`` (``training.optimizer``); it must
    fit ``network`` and the ``n_rows`` training rows.  A file from before the optimisers has
    only ``momentum_buffers``: SGD's state."""
    data = expect_object(raw, "optimiser")
    buffers = expect_object(
        require(data, "momentum_buffers", "optimiser"), "optimiser.momentum_buffers"
    )
    momentum = _read_buffers(buffers, network, "momentum_buffers")
    averages = {}
    for name in AVERAGES:
        if data.get(name) is not None:
            arrays = expect_object(data[name], f"optimiser.{name}")
            averages[name] = _read_buffers(arrays, network, name)
    step = expect_int(data.get("step", 0), "optimiser.step", minimum=0, maximum=MAX_COUNT)
    epoch = None
    if data.get("epoch") is not None:
        epoch = _read_epoch(expect_object(data["epoch"], "optimiser.epoch"), n_rows, shuffle)
    rng = None
    if data.get("rng") is not None:
        rng = _read_rng(expect_object(data["rng"], "optimiser.rng"))
    return OptimiserState.of(momentum, epoch, rng, averages, step, kind)


def _read_buffers(buffers: dict, network, name: str) -> list[np.ndarray]:
    sizes = network.layer_sizes
    n_links = len(sizes) - 1
    path = f"optimiser.{name}"
    weights_raw = expect_list(
        require(buffers, "weights", path), f"{path}.weights", n_links, "weight matrices"
    )
    momentum = [
        np.array(expect_matrix(w, f"{path}.weights[{i}]", sizes[i], sizes[i + 1]))
        for i, w in enumerate(weights_raw)
    ]
    biases_raw = buffers.get("biases")
    if network.use_bias:
        if biases_raw is None:
            momentum += [np.zeros(n) for n in sizes[1:]]
        else:
            items = expect_list(biases_raw, f"{path}.biases", n_links, "bias vectors")
            momentum += [
                np.array(expect_vector(b, f"{path}.biases[{i}]", sizes[i + 1]))
                for i, b in enumerate(items)
            ]
    elif biases_raw is not None:
        raise fail(f"{path}.biases", "expected null when use_bias is false")
    return momentum


def _read_epoch(epoch: dict, n_rows: int, shuffle: bool) -> EpochState:
    order = None
    if epoch.get("order") is not None:
        if not shuffle:
            raise fail("optimiser.epoch.order", "expected null when shuffling is off")
        items = expect_list(epoch["order"], "optimiser.epoch.order", n_rows, "indices")
        order = tuple(
            expect_int(v, f"optimiser.epoch.order[{i}]", minimum=0) for i, v in enumerate(items)
        )
        if sorted(order) != list(range(n_rows)):
            raise fail(
                "optimiser.epoch.order",
                "expected each training row number 0 to {last} once",
                last=n_rows - 1,
            )
    position = expect_int(epoch.get("position", 0), "optimiser.epoch.position", minimum=0)
    if position >= n_rows:
        raise fail(
            "optimiser.epoch.position",
            "expected a number below {rows} (the training rows)",
            rows=n_rows,
        )
    steps = expect_int(epoch.get("steps", 0), "optimiser.epoch.steps", minimum=0)
    loss_sum = expect_number(epoch.get("loss_sum", 0.0), "optimiser.epoch.loss_sum")
    return EpochState(order, position, float(loss_sum), steps)


def _read_rng(rng: dict) -> dict:
    name = expect_str(require(rng, "bit_generator", "optimiser.rng"), "optimiser.rng.bit_generator")
    if name != BIT_GENERATOR:
        raise fail(
            "optimiser.rng.bit_generator", "expected {name!r}, got {got!r}", name=BIT_GENERATOR,
            got=name,
        )  # fmt: skip
    inner = {key: _read_128(rng, key) for key in ("state", "inc")}
    has_uint32 = expect_int(rng.get("has_uint32", 0), "optimiser.rng.has_uint32", minimum=0)
    if has_uint32 > 1:
        raise fail("optimiser.rng.has_uint32", "expected 0 or 1, got {value}", value=has_uint32)
    uinteger = expect_int(rng.get("uinteger", 0), "optimiser.rng.uinteger", minimum=0)
    if uinteger >= 1 << 32:
        raise fail("optimiser.rng.uinteger", "expected a number below 2^32")
    state: dict[str, Any] = {
        "bit_generator": BIT_GENERATOR,
        "state": inner,
        "has_uint32": has_uint32,
        "uinteger": uinteger,
    }
    try:  # PCG64 needs an odd increment, among others: let NumPy say what it accepts
        # NumPy's stubs type the setter with a private TypedDict; the setter checks the dict.
        np.random.PCG64().state = state  # type: ignore[assignment]
    except (ValueError, TypeError) as exc:
        reason = str(exc)
        raise fail(
            "optimiser.rng", "not a valid generator state ({reason})", reason=reason
        ) from None
    return state


def _read_128(rng: dict, key: str) -> int:
    path = f"optimiser.rng.{key}"
    text = expect_str(require(rng, key, "optimiser.rng"), path)
    if not text.isdigit() or len(text) > 39 or int(text) > MAX_128:
        raise fail(path, "expected a whole number from 0 to 2^128 - 1 written as text")
    return int(text)
