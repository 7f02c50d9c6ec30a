"""What a derivation says about its notation: the preset's conventions, in the intro, and why a
chosen preset was not used (Mazur's names exist only for his 2-2-2 network)."""

from __future__ import annotations

import re
from dataclasses import replace

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.derivation.loss_tex import LOSS_PLAIN
from bpstudio.model.derivation.text import tr
from bpstudio.model.notation import Notation, Writing


def loss_plain(loss: str) -> str:
    """The loss's one-line formula (E = ½ Σₖ (Yₖ − Ŷₖ)²) in the notation in force."""
    words = sym.words()
    names = {"E": words["E"], "Y": words["Y"], "Ŷ": words["Yhat"]}
    return re.sub(r"Ŷ|Y|E", lambda m: names[m[0]], LOSS_PLAIN[loss])


def fallback_message(asked: Notation, sizes, lang: str) -> str:
    """Why ``asked`` cannot write a network of ``sizes``, and what is used instead."""
    shape = "-".join(str(n) for n in sizes)
    if asked.sizes is not None:
        only = tr("notation.only_sizes", lang, sizes="-".join(str(n) for n in asked.sizes))
    else:
        only = tr("notation.only_hidden", lang, n=asked.hidden_layers)
    return tr("notation.fallback", lang, asked=asked.label(lang), only=only, sizes=shape)


def notation_intro(derivation, writing: Writing):
    """``derivation`` with its notation recorded, its conventions said after the intro."""
    lang = derivation.lang
    said = writing.notation.note.get(lang) or writing.notation.note.get("en", "")
    fallback = ""
    if writing.fallback_from is not None:
        fallback = fallback_message(writing.fallback_from, derivation.layer_sizes, lang)
        said = fallback
    space = "" if lang == "zh" else " "
    intro = f"{derivation.intro}{space}{said}" if said else derivation.intro
    return replace(
        derivation,
        intro=intro,
        notation=writing.notation.name,
        notation_fallback=fallback,
    )
