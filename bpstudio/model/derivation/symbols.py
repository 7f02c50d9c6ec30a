"""The seed's symbols, in LaTeX (for formulas) and in plain Unicode (for titles and labels).

Layer 1 holds the inputs, written ``x_j`` as the seed writes them; every other layer's outputs
are ``a_j^l``.  Two-index subscripts are written ``w_{11}^3`` like the seed, with a comma only
when a unit number has two digits (``w_{1,12}^3``), so the indices stay unambiguous.
"""

from __future__ import annotations

_SUB = str.maketrans("0123456789,", "₀₁₂₃₄₅₆₇₈₉‚")
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def pair(j: int, k: int) -> str:
    return f"{j}{k}" if j < 10 and k < 10 else f"{j},{k}"


def _script(text: str) -> str:
    return text if len(text) == 1 else f"{{{text}}}"


def sub_sup(base: str, sub: str, sup: int | None = None) -> str:
    tail = f"^{_script(str(sup))}" if sup is not None else ""
    return f"{base}_{_script(sub)}{tail}"


def a_sym(layer: int, unit: int) -> str:
    return sub_sup("x", str(unit)) if layer == 1 else sub_sup("a", str(unit), layer)


def z_sym(layer: int, unit: int) -> str:
    return sub_sup("z", str(unit), layer)


def w_sym(layer: int, j: int, k: int) -> str:
    return sub_sup("w", pair(j, k), layer)


def b_sym(layer: int, unit: int) -> str:
    return sub_sup("b", str(unit), layer)


def y_sym(unit: int) -> str:
    return sub_sup("Y", str(unit))


def y_new_sym(unit: int) -> str:
    return sub_sup("Y'", str(unit))


def label_sym(unit: int) -> str:
    return sub_sup(r"\hat{Y}", str(unit))


def partial(top: str, bottom: str) -> str:
    r"""``\frac{\partial top}{\partial bottom}``."""
    return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"


def dE(symbol: str) -> str:
    return partial("E", symbol)


def loss_sym(sample: int | None = None) -> str:
    """``E``, or ``E^{(2)}`` for the loss of sample 2 alone (counting from 1)."""
    return "E" if sample is None else f"E^{{({sample})}}"


def plain_loss(sample: int | None = None) -> str:
    return "E" if sample is None else f"E⁽{str(sample).translate(_SUP)}⁾"


def sample_dE(symbol: str, sample: int) -> str:
    """The gradient of one sample's own loss, ``E^{(2)}`` for sample 2 (counting from 1)."""
    return partial(f"E^{{({sample})}}", symbol)


# plain Unicode, for titles and labels ---------------------------------------------------------
def plain(base: str, sub: str, sup: int | None = None) -> str:
    text = base + sub.translate(_SUB)
    return text if sup is None else text + str(sup).translate(_SUP)


def plain_a(layer: int, unit: int) -> str:
    return plain("x", str(unit)) if layer == 1 else plain("a", str(unit), layer)


def plain_z(layer: int, unit: int) -> str:
    return plain("z", str(unit), layer)


def plain_w(layer: int, j: int, k: int) -> str:
    return plain("w", pair(j, k), layer)


def plain_b(layer: int, unit: int) -> str:
    return plain("b", str(unit), layer)


def plain_y(unit: int) -> str:
    return plain("Y", str(unit))
