"""The seed's symbols as plain Unicode text (x₁, a₁², Y₁, w₁₂³, b₁²) for headers and tooltips.

Plain text rather than rich text: item-view headers, tooltips and status messages show it as is,
and screen readers read it.
"""

from __future__ import annotations

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def sub(n: int | str) -> str:
    return str(n).translate(_SUB)


def sup(n: int | str) -> str:
    return str(n).translate(_SUP)


def unit_symbol(layer: int, unit: int, n_layers: int) -> str:
    """x_j for the inputs, Y_k for the outputs, a_k^l in between (the seed writes them so)."""
    if layer == 1:
        return "x" + sub(unit)
    if layer == n_layers:
        return "Y" + sub(unit)
    return "a" + sub(unit) + sup(layer)


def weight_symbol(layer: int, j: int, k: int) -> str:
    """w_{jk}^l; a comma separates j and k once either has two digits (w₁₂,₃³)."""
    pair = f"{j}{k}" if j < 10 and k < 10 else f"{j},{k}"
    return "w" + sub(pair).replace(",", "‚") + sup(layer)


def bias_symbol(layer: int, unit: int) -> str:
    return "b" + sub(unit) + sup(layer)
