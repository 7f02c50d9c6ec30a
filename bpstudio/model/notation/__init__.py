"""Notation presets (the seed's, Mazur's, CS231n's, 邱锡鹏's, 周志华's, a teacher's own) and the
one in force, which every symbol of the derivation, the diagram and the exports is read from."""

from bpstudio.model.notation.glyph import Glyph
from bpstudio.model.notation.preset import DEFAULT, Notation, load_file, user_dir
from bpstudio.model.notation.registry import (
    Writing,
    choose,
    chosen,
    current,
    get,
    names,
    presets,
    resolve,
    show_network,
    writing,
)

__all__ = [
    "DEFAULT",
    "Glyph",
    "Notation",
    "Writing",
    "choose",
    "chosen",
    "current",
    "get",
    "load_file",
    "names",
    "presets",
    "resolve",
    "show_network",
    "user_dir",
    "writing",
]
