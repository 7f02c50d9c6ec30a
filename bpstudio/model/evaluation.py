"""How well a network does on a dataset's training and test parts: loss and accuracy.

Accuracy is reported for classification targets only: one-hot rows (several 0/1 columns, one 1
per row: the class is the argmax of the outputs) or one 0/1 column (class 1 when the output
is at least 0.5).  For regression targets it is NaN, and views say "–".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpstudio.model.data.dataset import Dataset
from bpstudio.model.network import Network

NAN = float("nan")


@dataclass(frozen=True)
class Evaluation:
    step: int  # optimiser steps taken when it was measured
    epoch: int  # epochs finished when it was measured
    train_loss: float
    test_loss: float  # NaN without a test split
    train_accuracy: float  # 0..1; NaN for regression
    test_accuracy: float  # NaN for regression or without a test split

    @property
    def is_classification(self) -> bool:
        return self.train_accuracy == self.train_accuracy


def is_classification(targets: np.ndarray) -> bool:
    """0/1 targets in one column, or one-hot rows in several."""
    targets = np.atleast_2d(targets)
    if not np.isin(targets, (0.0, 1.0)).all():
        return False
    return targets.shape[1] == 1 or bool(np.all(targets.sum(axis=1) == 1.0))


def predicted_classes(outputs: np.ndarray) -> np.ndarray:
    """The class of each output row: argmax, or output >= 0.5 for a single output."""
    outputs = np.atleast_2d(outputs)
    if outputs.shape[1] == 1:
        return (outputs[:, 0] >= 0.5).astype(int)
    classes: np.ndarray = np.argmax(outputs, axis=1)
    return classes


def accuracy(outputs: np.ndarray, targets: np.ndarray) -> float:
    """The share of rows whose predicted class is the target's class."""
    return float(np.mean(predicted_classes(outputs) == predicted_classes(targets)))


def _loss_and_accuracy(
    network: Network, part: Dataset | None, loss: str, classify: bool
) -> tuple[float, float]:
    if part is None:
        return NAN, NAN
    trace = network.forward(part.inputs)
    value = float(np.mean(network.per_sample_loss(trace, part.targets, loss)))
    return value, accuracy(trace.output, part.targets) if classify else NAN


def evaluate(
    network: Network, dataset: Dataset, loss: str, step: int = 0, epoch: int = 0
) -> Evaluation:
    """Loss and accuracy on the prepared training and test rows of ``dataset``."""
    classify = is_classification(dataset.targets)
    train_loss, train_acc = _loss_and_accuracy(network, dataset.training_set(), loss, classify)
    test_loss, test_acc = _loss_and_accuracy(network, dataset.test_set(), loss, classify)
    return Evaluation(step, epoch, train_loss, test_loss, train_acc, test_acc)
