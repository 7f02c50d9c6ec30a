"""Loss history: a float buffer that grows by doubling, so a million appends stay cheap."""

from __future__ import annotations

import numpy as np


class GrowingArray:
    """An append-only float series.

    ``copy()`` is cheap: the copy shares the buffer and is *frozen* until it is first
    changed, when it takes a private copy.  The owner appends in place: it only ever writes
    past the end that any frozen copy can see, and a truncation moves it to a new buffer, so
    a frozen copy never sees a number change.  (An undo stack holds many project snapshots;
    sharing keeps a million-step history from being stored once per snapshot.)  Only the
    owner writes to a buffer, so copies may be read on other threads.
    """

    def __init__(self, values=(), capacity: int = 1024) -> None:
        values = np.asarray(values, dtype=np.float64).ravel()
        self._data = np.empty(max(capacity, 2 * len(values)), dtype=np.float64)
        self._data[: len(values)] = values
        self._size = len(values)
        self._frozen = False

    def copy(self) -> GrowingArray:
        twin = GrowingArray.__new__(GrowingArray)
        twin._data, twin._size, twin._frozen = self._data, self._size, True
        return twin

    def append(self, value: float) -> None:
        if self._frozen or self._size == len(self._data):
            self._reallocate(self._size + 1)
        self._data[self._size] = value
        self._size += 1

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=np.float64).ravel()
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
        grown = np.empty(capacity, dtype=np.float64)
        grown[: self._size] = self._data[: self._size]
        self._data, self._frozen = grown, False

    def view(self) -> np.ndarray:
        """The filled part (a read-only view: copy it before handing it to another thread)."""
        v = self._data[: self._size]
        v.flags.writeable = False
        return v

    def __len__(self) -> int:
        return self._size


class LossHistory:
    """The loss of every optimiser step, and the mean step loss of every finished epoch."""

    def __init__(self, step_losses=(), epoch_losses=()) -> None:
        self.steps = GrowingArray(step_losses)
        self.epochs = GrowingArray(epoch_losses)

    def copy(self) -> LossHistory:
        """Cheap: the copy shares the numbers until one of the two changes (see GrowingArray)."""
        twin = LossHistory()
        twin.steps, twin.epochs = self.steps.copy(), self.epochs.copy()
        return twin

    def clear(self) -> None:
        self.steps.truncate(0)
        self.epochs.truncate(0)

    def to_json(self) -> dict:
        return {
            "step_losses": self.steps.view().tolist(),
            "epoch_losses": self.epochs.view().tolist(),
        }
