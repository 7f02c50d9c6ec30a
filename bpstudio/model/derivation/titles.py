"""Section titles: layer names, and lists of symbols written once in Unicode, once in LaTeX."""

from __future__ import annotations

from collections.abc import Sequence

from bpstudio.model.derivation.text import tr

MAX_LISTED = 8  # longer lists show the first few, an ellipsis and the last


def layer_name(layer: int, n_layers: int, lang: str) -> str:
    if layer == 1:
        return tr("layer.input", lang)
    if layer == n_layers:
        return tr("layer.output", lang)
    if n_layers == 3:
        return tr("layer.hidden", lang)
    return tr("layer.hidden_n", lang, n=layer - 1)


def symbol_list(symbols: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """``(plain, tex)`` of ``(plain, latex)`` symbols: ``"a₁², a₂²"``, ``"$a_1^2$, $a_2^2$"``."""
    items = list(symbols)
    if len(items) > MAX_LISTED:
        items = [*items[: MAX_LISTED - 2], ("…", r"\dots"), *items[-1:]]
    plain = ", ".join(p for p, _ in items)
    tex = ", ".join(f"${t}$" for _, t in items)
    return plain, tex


def loss_list(ctx) -> dict[str, tuple[str, str]]:
    """The loss a title speaks of, ``E`` or the chosen sample's ``E⁽ⁿ⁾``, plain and LaTeX."""
    return {"E": (ctx.E_plain, f"${ctx.E}$" if ctx.sample_number is not None else "E")}


def fill(
    key: str, lang: str, lists: dict[str, tuple[str, str]], translate=tr, **fields
) -> tuple[str, str]:
    """A catalogue entry filled in twice: with the plain lists, and with the LaTeX lists
    (``translate``: the catalogue's lookup, text.tr unless the entry lives elsewhere)."""
    plain = translate(key, lang, **fields, **{k: v[0] for k, v in lists.items()})
    tex = translate(key, lang, **fields, **{k: v[1] for k, v in lists.items()})
    return plain, tex
