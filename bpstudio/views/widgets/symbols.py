"""The symbols (x₁, a₁², Y₁, w₁₂³, b₁² in the seed's notation) as plain Unicode text for headers
and tooltips, in the notation in force (model.notation, View ▸ Notation).

Plain text rather than rich text: item-view headers, tooltips and status messages show it as is,
and screen readers read it.
"""

from __future__ import annotations

from bpstudio.model import notation

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def sub(n: int | str) -> str:
    return str(n).translate(_SUB)


def sup(n: int | str) -> str:
    return str(n).translate(_SUP)


def unit_glyph(layer: int, unit: int, n_layers: int) -> notation.Glyph:
    """The inputs, the outputs (the seed's x_j and Y_k), and the units in between (a_k^l)."""
    writing = notation.current(n_layers)
    role = "input" if layer == 1 else "output" if layer == n_layers else "activation"
    return writing.notation.glyph(role, layer, n_layers, unit=unit)


def parameter_glyph(layer: int, j: int | None, k: int) -> notation.Glyph:
    """A weight (j, k) or, with j None, the bias of unit k: w_{jk}^l, b_k^l."""
    writing = notation.current()
    if j is None:
        return writing.notation.glyph("bias", layer, writing.n_layers, unit=k)
    return writing.notation.glyph("weight", layer, writing.n_layers, j=j, k=k)


def unit_symbol(layer: int, unit: int, n_layers: int) -> str:
    return unit_glyph(layer, unit, n_layers).plain


def weight_symbol(layer: int, j: int, k: int) -> str:
    """w_{jk}^l; a comma separates j and k once either has two digits (w₁₂,₃³)."""
    return parameter_glyph(layer, j, k).plain


def bias_symbol(layer: int, unit: int) -> str:
    return parameter_glyph(layer, None, unit).plain
