"""The seed's closing side derivation, "Ps: 关于 sigmoid 函数求导", in its own forms.

It derives the slope that 二 and 五 use, ``e^{-z}/(1+e^{-z})^2 = y - y^2``, so it comes with
every derivation that has a sigmoid layer, and names the steps (those ∂E/∂z of sigmoid units)
it explains.
"""

from __future__ import annotations

from collections.abc import Sequence

from bpstudio.model.derivation.steps import DerivationStep, Note, NoteLine
from bpstudio.model.derivation.text import tr

_SIGMOID_LINES = (
    ("", r"f(z) = \frac{1}{1 + e^{-z}}"),
    ("note.sigmoid.rewrite", r"f(z) = (1 + e^{-z})^{-1}"),
    (
        "note.sigmoid.differentiate",
        r"\frac{\partial y}{\partial z} = -1 \cdot (1 + e^{-z})^{-2} \cdot e^{-z} \cdot (-1)",
    ),
    ("", r"\frac{\partial y}{\partial z} = (1 + e^{-z})^{-2} \cdot e^{-z}"),
    ("note.sigmoid.so", r"\frac{\partial y}{\partial z} = \frac{e^{-z}}{(1 + e^{-z})^2} = y - y^2"),
)


def derivation_notes(
    steps: Sequence[DerivationStep], activations: Sequence[str], lang: str
) -> tuple[Note, ...]:
    """The notes a derivation closes with: the sigmoid's slope when a layer uses sigmoid."""
    if "sigmoid" not in activations:
        return ()
    uses = tuple(
        s.index
        for s in steps
        if s.quantity == "dE/dz" and s.layer >= 2 and activations[s.layer - 2] == "sigmoid"
    )
    lines = tuple(NoteLine(tr(key, lang) if key else "", f) for key, f in _SIGMOID_LINES)
    return (Note("ps.sigmoid", tr("note.sigmoid", lang), lines, uses),)
