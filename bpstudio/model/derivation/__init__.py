"""The seed's step-by-step derivation of backpropagation, for any network.  NumPy only.

``build_derivation(network, inputs, targets, loss, sample, learning_rate, batch, digits=, lang=)``
or ``derive_project(project, sample, digits=, lang=)`` give a ``Derivation``: ordered
``DerivationStep``s grouped in ``Section``s (the seed's headings) and ``Phase``s.
"""

from bpstudio.model.derivation.builder import (
    DEFAULT_DIGITS,
    batch_of,
    build_derivation,
    derive_project,
)
from bpstudio.model.derivation.numbers import atom_number, plain_number
from bpstudio.model.derivation.steps import (
    PHASES,
    Derivation,
    DerivationStep,
    Note,
    NoteLine,
    Phase,
    Section,
)
from bpstudio.model.derivation.text import LANGUAGES

__all__ = [
    "DEFAULT_DIGITS",
    "LANGUAGES",
    "PHASES",
    "Derivation",
    "DerivationStep",
    "Note",
    "NoteLine",
    "Phase",
    "Section",
    "atom_number",
    "batch_of",
    "build_derivation",
    "derive_project",
    "plain_number",
]
