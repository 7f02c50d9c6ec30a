"""The one rule for labels that a loss can learn from, shared by every way data arrives.

Cross-entropy reads each target as a probability: a target outside [0, 1] makes the loss
meaningless (it once reported a loss of -33.5), and with a softmax output each row of targets
is a probability distribution (numbers from 0 to 1 adding up to 1), or the merged gradient
Y - Ŷ is not the gradient of the loss.  Project load (naming the field), CSV import, data
table edits, a change of loss or output activation all apply this same rule, naming the row
(as the data table counts: from 1).
"""

from __future__ import annotations

import numpy as np

from bpstudio.model.messages import Message, ModelError

SUM_TOLERANCE = 1e-6  # 0.1 + 0.2 + 0.7 is not exactly 1 in floating point


class LabelError(ModelError):
    """Targets the project's loss cannot learn from; the message names the row."""


def target_problem(
    targets: np.ndarray, loss: str, output_activation: str
) -> tuple[int, Message] | None:
    """``(row index, why)`` of the first row of ``targets`` the loss cannot use, or None."""
    if loss != "cross_entropy":
        return None
    targets = np.atleast_2d(np.asarray(targets, dtype=np.float64))
    outside = (targets < 0.0) | (targets > 1.0)
    if outside.any():
        row, column = (int(i) for i in np.argwhere(outside)[0])
        return row, Message(
            "cross-entropy needs targets from 0 to 1; target {column} is {value}",
            column=column + 1,
            value=f"{float(targets[row, column]):.6g}",
        )
    if output_activation == "softmax":
        totals = targets.sum(axis=1)
        wrong = np.flatnonzero(np.abs(totals - 1.0) > SUM_TOLERANCE)
        if wrong.size:
            row = int(wrong[0])
            return row, Message(
                "with softmax and cross-entropy each row of targets is a distribution "
                "(adding up to 1); this one adds up to {total}",
                total=f"{float(totals[row]):.6g}",
            )
    return None


def check_targets(
    targets: np.ndarray, loss: str, output_activation: str, first_row: int = 0
) -> None:
    """LabelError ("row 3: ...") when ``targets`` break the rule for this loss; the rows of
    ``targets`` are rows ``first_row``, ... (0-based) of the data."""
    problem = target_problem(targets, loss, output_activation)
    if problem is not None:
        row, why = problem
        raise LabelError("row {row}: {reason}", row=first_row + row + 1, reason=why)
