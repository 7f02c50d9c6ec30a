"""The model's messages to the user, translated.

bpstudio.model never imports Qt, so its errors are English sentences.  The view shows the
ones a student meets in normal use (a refused edit, a diverged training run, a last data row)
through this table: each known message is matched and re-worded with ``translate``; any other
message is shown as the model wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bpstudio.views.language import translate


def _what(text: str) -> str:
    return {
        "the loss": translate("ModelMessages", "the loss"),
        "an updated weight": translate("ModelMessages", "an updated weight"),
    }.get(text, text)


def _table() -> tuple[tuple[str, Callable[[re.Match[str]], str]], ...]:
    """(the model's message as a regular expression, its translation from the match)."""
    return (
        (
            r"training diverged at step (\d+): (.+) is not finite; the weights are kept as they "
            r"were before this step \(try a smaller learning rate\)",
            lambda m: (
                translate(
                    "ModelMessages",
                    "training diverged at step %s: %s is not finite; the weights are kept as they "
                    "were before this step (try a smaller learning rate)",
                )
                % (m[1], _what(m[2]))
            ),
        ),
        (
            r"layer (\d+) has only one unit; every layer needs at least one",
            lambda m: (
                translate(
                    "ModelMessages", "layer %s has only one unit; every layer needs at least one"
                )
                % m[1]
            ),
        ),
        (
            r"this network has no biases; switch them on first",
            lambda m: translate(
                "ModelMessages", "this network has no biases; switch them on first"
            ),
        ),
        (
            r"the inputs \(layer 1\) have no bias",
            lambda m: translate("ModelMessages", "the inputs (layer 1) have no bias"),
        ),
        (
            r"a layer needs at least one unit",
            lambda m: translate("ModelMessages", "a layer needs at least one unit"),
        ),
        (
            r"softmax is for the output layer only",
            lambda m: translate("ModelMessages", "softmax is for the output layer only"),
        ),
        (
            r"only hidden layers \(2 \.\. (\d+)\) can be removed, not layer (\d+)",
            lambda m: (
                translate(
                    "ModelMessages", "only hidden layers (2 .. %s) can be removed, not layer %s"
                )
                % (m[1], m[2])
            ),
        ),
        (
            r"the data needs at least one sample; this is the last one",
            lambda m: translate(
                "ModelMessages", "the data needs at least one sample; this is the last one"
            ),
        ),
        (
            r"there is no row (\d+): the data has (\d+)",
            lambda m: (
                translate("ModelMessages", "there is no row %s: the data has %s") % (m[1], m[2])
            ),
        ),
    )


def model_message(text: str) -> str:
    """``text`` (an error message of bpstudio.model) in the interface language."""
    for pattern, reword in _table():
        match = re.fullmatch(pattern, text)
        if match:
            return reword(match)
    return text
