"""Loss history: a float buffer that grows by doubling, so a million appends stay cheap."""

from __future__ import annotations

import numpy as np


class GrowingArray:
    def __init__(self, values=(), capacity: int = 1024) -> None:
        values = np.asarray(values, dtype=np.float64).ravel()
        self._data = np.empty(max(capacity, 2 * len(values)), dtype=np.float64)
        self._data[: len(values)] = values
        self._size = len(values)

    def append(self, value: float) -> None:
        if self._size == len(self._data):
            grown = np.empty(2 * len(self._data), dtype=np.float64)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size] = value
        self._size += 1

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=np.float64).ravel()
        needed = self._size + len(values)
        if needed > len(self._data):
            capacity = max(1, len(self._data))
            while capacity < needed:
                capacity *= 2
            grown = np.empty(capacity, dtype=np.float64)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size : needed] = values
        self._size = needed

    def truncate(self, size: int) -> None:
        self._size = max(0, min(size, self._size))

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
        return LossHistory(self.steps.view(), self.epochs.view())

    def clear(self) -> None:
        self.steps.truncate(0)
        self.epochs.truncate(0)

    def to_json(self) -> dict:
        return {
            "step_losses": self.steps.view().tolist(),
            "epoch_losses": self.epochs.view().tolist(),
        }
