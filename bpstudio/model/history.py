"""Loss history that stays small however long training runs.

A `LossSeries` keeps the loss of every step until it holds `THINNING_LIMIT` points; then it
keeps every 2nd step, later every 4th, and so on (its *stride* doubles each time it fills up).
What it holds is always exactly the offered points whose index is a multiple of the stride, so
two holders fed the same points (the training worker and the GUI) hold the same points, however
the points were split into chunks.  The series remembers how many points were offered (`len`)
and the newest one's value (`latest`), which survive thinning.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# Every step up to this many points; then every 2nd, 4th, ... (a power of two).  A series then
# takes at most 1 MB however long the run, the loss plot never holds more (it draws about two
# points per pixel column of it), and a project file's history stays a few MB: writing a
# float as JSON text costs microseconds, and autosave writes the whole history.
THINNING_LIMIT = 1 << 16


class GrowingArray:
    """An append-only number series that grows by doubling, so a million appends stay cheap.

    ``copy()`` is cheap: the copy shares the buffer and is *frozen* until it is first
    changed, when it takes a private copy.  The owner appends in place: it only ever writes
    past the end that any frozen copy can see, and a truncation moves it to a new buffer, so
    a frozen copy never sees a number change.  (An undo stack holds many project snapshots;
    sharing keeps a long history from being stored once per snapshot.)  Only the owner writes
    to a buffer, so copies may be read on other threads.
    """

    def __init__(self, values=(), capacity: int = 1024, dtype=np.float64) -> None:
        values = np.asarray(values, dtype=dtype).ravel()
        self._data = np.empty(max(capacity, 2 * len(values)), dtype=dtype)
        self._data[: len(values)] = values
        self._size = len(values)
        self._frozen = False

    def copy(self) -> GrowingArray:
        twin = GrowingArray.__new__(GrowingArray)
        twin._data, twin._size, twin._frozen = self._data, self._size, True
        return twin

    def append(self, value) -> None:
        if self._frozen or self._size == len(self._data):
            self._reallocate(self._size + 1)
        self._data[self._size] = value
        self._size += 1

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=self._data.dtype).ravel()
        needed = self._size + len(values)
        if self._frozen or needed > len(self._data):
            self._reallocate(needed)
        self._data[self._size : needed] = values
        self._size = needed

    def truncate(self, size: int) -> None:
        size = max(0, min(size, self._size))
        if size < self._size:
            self._size = size
            self._reallocate(size)  # the old buffer's later numbers may be seen by copies

    def _reallocate(self, needed: int) -> None:
        capacity = max(1024, len(self._data))
        while capacity < needed:
            capacity *= 2
        grown = np.empty(capacity, dtype=self._data.dtype)
        grown[: self._size] = self._data[: self._size]
        self._data, self._frozen = grown, False

    def view(self) -> np.ndarray:
        """The filled part (a read-only view: copy it before handing it to another thread)."""
        v = self._data[: self._size]
        v.flags.writeable = False
        return v

    def __len__(self) -> int:
        return self._size


def frozen_copy(array, dtype=None) -> np.ndarray:
    """A read-only copy (of ``dtype`` when given), safe to hand to another thread."""
    array = np.array(array, dtype=dtype, copy=True)
    array.flags.writeable = False
    return array


@dataclass(frozen=True)
class SeriesChunk:
    """The points a series gained between two moments: it covered ``start`` points before and
    ``end`` after; ``indices``/``values`` are the ones it kept (read-only copies)."""

    start: int
    end: int
    indices: np.ndarray
    values: np.ndarray
    latest: float = math.nan  # the value of point ``end - 1``, kept or not
    stride: int = 1  # the sender's stride after these points: the receiver thins as far

    @classmethod
    def empty(cls, at: int = 0) -> SeriesChunk:
        return cls(at, at, frozen_copy(np.empty(0, np.int64)), frozen_copy(np.empty(0)))

    @classmethod
    def consecutive(cls, start: int, values) -> SeriesChunk:
        """Unthinned points ``start``, ``start + 1``, ... with ``values``."""
        values = frozen_copy(np.asarray(values, dtype=np.float64).ravel())
        indices = frozen_copy(np.arange(start, start + len(values), dtype=np.int64))
        latest = float(values[-1]) if len(values) else math.nan
        return cls(start, start + len(values), indices, values, latest)

    def __len__(self) -> int:
        """How many points were offered in this chunk (not how many were kept)."""
        return self.end - self.start


def join_chunks(chunks: list[SeriesChunk]) -> SeriesChunk:
    """Consecutive chunks as one (each array joined with one copy)."""
    if len(chunks) == 1:
        return chunks[0]
    with_points = [c for c in chunks if len(c.indices)] or chunks[:1]
    newest = [c for c in chunks if c.end > c.start]
    return SeriesChunk(
        chunks[0].start,
        chunks[-1].end,
        frozen_copy(np.concatenate([c.indices for c in with_points])),
        frozen_copy(np.concatenate([c.values for c in with_points])),
        newest[-1].latest if newest else math.nan,
        max(c.stride for c in chunks),
    )


class LossSeries:
    """Losses by step (or epoch) index, thinned as described in the module docstring."""

    def __init__(
        self,
        values=(),
        indices=None,
        *,
        end: int | None = None,
        stride: int = 1,
        limit: int = THINNING_LIMIT,
    ) -> None:
        """``values`` at ``indices`` (0, 1, 2, ... when None); ``end``: how many points the
        series covers when more than the last index + 1 (its newest points were thinned)."""
        self.limit = max(2, int(limit))
        self.stride = max(1, int(stride))
        self._xs = GrowingArray(dtype=np.int64)
        self._ys = GrowingArray()
        self._end = 0
        self.latest = math.nan
        values = np.asarray(values, dtype=np.float64).ravel()
        self.add_points(np.arange(len(values)) if indices is None else indices, values)
        if end is not None and end > self._end:
            self._end = int(end)

    def copy(self) -> LossSeries:
        """Cheap: the copy shares the numbers until one of the two changes (see GrowingArray)."""
        twin = LossSeries.__new__(LossSeries)
        twin.__dict__.update(self.__dict__)
        twin._xs, twin._ys = self._xs.copy(), self._ys.copy()
        return twin

    # reading --------------------------------------------------------------------------------
    def __len__(self) -> int:
        """How many points the series covers (steps or epochs), kept or thinned away."""
        return self._end

    @property
    def kept(self) -> int:
        """How many points are stored."""
        return len(self._xs)

    @property
    def is_thinned(self) -> bool:
        return len(self._xs) != self._end or self.stride > 1

    def view(self) -> np.ndarray:
        """The stored losses, oldest first (read-only)."""
        return self._ys.view()

    def indices(self) -> np.ndarray:
        """The index (0-based step or epoch) of each stored loss (read-only)."""
        return self._xs.view()

    def chunk_since(self, start: int) -> SeriesChunk:
        """The points from index ``start`` on, as copies another thread may keep."""
        first = int(np.searchsorted(self._xs.view(), start))
        return SeriesChunk(
            start,
            max(start, self._end),
            frozen_copy(self._xs.view()[first:]),
            frozen_copy(self._ys.view()[first:]),
            self.latest if self._end > start else math.nan,
            self.stride,
        )

    # writing --------------------------------------------------------------------------------
    def append(self, value: float) -> None:
        """The next point's loss."""
        index = self._end
        self._end += 1
        self.latest = float(value)
        if index & (self.stride - 1):
            return
        self._xs.append(index)
        self._ys.append(value)
        if len(self._xs) >= self.limit:
            self._thin()

    def extend(self, values) -> None:
        """The next points' losses."""
        values = np.asarray(values, dtype=np.float64).ravel()
        self.add_points(np.arange(self._end, self._end + len(values)), values)

    def add_points(self, indices, values) -> None:
        """Points at increasing ``indices``; any before the series' end are ignored."""
        indices = np.asarray(indices, dtype=np.int64).ravel()
        values = np.asarray(values, dtype=np.float64).ravel()
        fresh = indices >= self._end
        indices, values = indices[fresh], values[fresh]
        if not len(indices):
            return
        end, latest = int(indices[-1]) + 1, float(values[-1])
        while len(indices):
            on_stride = (indices & (self.stride - 1)) == 0
            indices, values = indices[on_stride], values[on_stride]
            room = self.limit - len(self._xs)
            self._xs.extend(indices[:room])
            self._ys.extend(values[:room])
            indices, values = indices[room:], values[room:]
            if len(self._xs) >= self.limit:
                self._thin()
        self._end, self.latest = end, latest

    def place(self, chunk: SeriesChunk) -> None:
        """Take a chunk from another holder: points it replaces are dropped first; a gap
        before it (points never received) stays empty."""
        if chunk.start < self._end:
            self.truncate(chunk.start)
        self.add_points(chunk.indices, chunk.values)
        if chunk.end > self._end:
            self._end = chunk.end
        if chunk.end > chunk.start:
            self.latest = chunk.latest
        # The point that made the sender thin may itself have been thinned away: follow it.
        self._keep_multiples_of(chunk.stride)

    def truncate(self, end: int) -> None:
        """Forget the points from index ``end`` on."""
        end = max(0, int(end))
        if end >= self._end:
            return
        kept = int(np.searchsorted(self._xs.view(), end))
        self._xs.truncate(kept)
        self._ys.truncate(kept)
        self._end = end
        last_kept_is_newest = kept and self._xs.view()[-1] == end - 1
        self.latest = float(self._ys.view()[-1]) if last_kept_is_newest else math.nan

    def clear(self) -> None:
        self.truncate(0)
        self.stride = 1

    def _thin(self) -> None:
        stride = self.stride * 2
        while np.count_nonzero((self._xs.view() & (stride - 1)) == 0) >= self.limit:
            stride *= 2  # sparse indices may need more than one doubling
        self._keep_multiples_of(stride)

    def _keep_multiples_of(self, stride: int) -> None:
        if stride <= self.stride:
            return
        self.stride = stride
        keep = (self._xs.view() & (stride - 1)) == 0
        self._xs = GrowingArray(self._xs.view()[keep], dtype=np.int64)
        self._ys = GrowingArray(self._ys.view()[keep])

    # file -----------------------------------------------------------------------------------
    def to_json(self, name: str) -> dict:
        """``{name}_losses``, and for a thinned series its indices, stride and end."""
        out = {f"{name}_losses": self.view().tolist()}
        if self.is_thinned:
            out[f"{name}_indices"] = self.indices().tolist()
            out[f"{name}_stride"] = self.stride
            out[f"{name}_end"] = self._end
        return out


class LossHistory:
    """The loss of every optimiser step, and the mean step loss of every finished epoch."""

    def __init__(self, step_losses=(), epoch_losses=()) -> None:
        self.steps = LossSeries(step_losses)
        self.epochs = LossSeries(epoch_losses)

    @classmethod
    def of(cls, steps: LossSeries, epochs: LossSeries) -> LossHistory:
        history = cls()
        history.steps, history.epochs = steps, epochs
        return history

    def copy(self) -> LossHistory:
        """Cheap: the copy shares the numbers until one of the two changes (see GrowingArray)."""
        return LossHistory.of(self.steps.copy(), self.epochs.copy())

    def clear(self) -> None:
        self.steps.clear()
        self.epochs.clear()

    def to_json(self) -> dict:
        return {**self.steps.to_json("step"), **self.epochs.to_json("epoch")}
