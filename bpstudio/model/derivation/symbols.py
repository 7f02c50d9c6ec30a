"""The symbols of the derivation, in LaTeX (for formulas) and in plain Unicode (for titles and
labels), in the notation in force (model.notation: the seed's by default).

In the seed's notation layer 1 holds the inputs, written ``x_j``; every other layer's outputs
are ``a_j^l``.  Two-index subscripts are written ``w_{11}^3`` like the seed, with a comma only
when a unit number has two digits (``w_{1,12}^3``), so the indices stay unambiguous.  Layers are
always numbered as the seed numbers them here; a preset's file says how its book prints them.
"""

from __future__ import annotations

from bpstudio.model import notation
from bpstudio.model.notation import Glyph

HAT = "\u02c6"  # ˆ after a letter: its hat in plain text (Adam's mˆ = m̂)
_SUB = str.maketrans("0123456789,", "₀₁₂₃₄₅₆₇₈₉‚")
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def pair(j: int, k: int) -> str:
    return f"{j}{k}" if j < 10 and k < 10 else f"{j},{k}"


def _script(text: str) -> str:
    return text if len(text) == 1 else f"{{{text}}}"


def sub_sup(base: str, sub: str, sup: int | None = None) -> str:
    tail = f"^{_script(str(sup))}" if sup is not None else ""
    return f"{base}_{_script(sub)}{tail}"


def glyph(role: str, layer: int, **fields) -> Glyph:
    """``role``'s symbol (model.notation.preset.ROLES) in ``layer``, in the notation in force."""
    writing = notation.current()
    return writing.notation.glyph(role, layer, writing.n_layers, **fields)


def _last() -> int:
    return notation.current().n_layers


def _a(layer: int, unit: int) -> Glyph:
    return glyph("input" if layer == 1 else "activation", layer, unit=unit)


def a_sym(layer: int, unit: int) -> str:
    return _a(layer, unit).latex


def z_sym(layer: int, unit: int) -> str:
    return glyph("net", layer, unit=unit).latex


def w_sym(layer: int, j: int, k: int) -> str:
    return glyph("weight", layer, j=j, k=k).latex


def b_sym(layer: int, unit: int) -> str:
    return glyph("bias", layer, unit=unit).latex


def bias_sign(layer: int) -> int:
    """-1 where the notation writes the negated bias, as 周志华's thresholds: z = Σ − θ."""
    return glyph("bias", layer, unit=1).sign


def y_sym(unit: int) -> str:
    return glyph("output", _last(), unit=unit).latex


def y_new_sym(unit: int) -> str:
    return glyph("output", _last(), unit=unit).primed.latex


def label_sym(unit: int) -> str:
    return glyph("label", _last(), unit=unit).latex


def rate_sym() -> str:
    return glyph("rate", 0).latex


def delta_name(layer: int, unit: int | str) -> str | None:
    """The book's own name for ∂E/∂z (δ, g = −∂E/∂β), as the left of its formula, or None."""
    writing = notation.current()
    tables = (writing.notation.symbols, writing.notation.output_layer)
    if not any("delta" in table for table in tables):
        return None
    named = glyph("delta", layer, unit=unit)
    return ("-" if named.sign < 0 else "") + named.latex


def partial(top: str, bottom: str) -> str:
    r"""``\frac{\partial top}{\partial bottom}``."""
    return rf"\frac{{\partial {top}}}{{\partial {bottom}}}"


def _loss() -> Glyph:
    return glyph("loss", 0)


def dE(symbol: str) -> str:
    return partial(_loss().latex, symbol)


def loss_sym(sample: int | None = None) -> str:
    """``E``, or ``E^{(2)}`` for the loss of sample 2 alone (counting from 1)."""
    base = _loss().latex
    return base if sample is None else f"{base}^{{({sample})}}"


def plain_loss(sample: int | None = None) -> str:
    base = _loss().plain
    return base if sample is None else f"{base}⁽{str(sample).translate(_SUP)}⁾"


def sample_dE(symbol: str, sample: int) -> str:
    """The gradient of one sample's own loss, ``E^{(2)}`` for sample 2 (counting from 1)."""
    return partial(loss_sym(sample), symbol)


# the optimisers' symbols in 七 -----------------------------------------------------------------
def optimiser_glyph(role: str) -> Glyph:
    """An optimiser's symbol (preset.OPTIMISER_ROLES) in the notation in force; a preset that
    names none (a teacher's own file) borrows the seed's."""
    writing = notation.current()
    book = writing.notation
    if role not in book.symbols:
        book = notation.get(notation.DEFAULT)
    return book.glyph(role, 0, writing.n_layers)


def _state_base(role: str, hat: bool) -> tuple[str, str]:
    glyph = optimiser_glyph(role)
    tex = glyph.tex or glyph.base
    # plain: the spacing circumflex (mˆ), which every font draws; a combining one (m̂) is
    # dropped by Qt's text layout with the common fonts under X11
    return (rf"\hat{{{tex}}}" if hat else tex), glyph.base + (HAT if hat else "")


def state_sym(role: str, p: str, hat: bool = False) -> str:
    """A parameter's optimiser state (LaTeX) with the parameter as its subscript,
    ``m_{[w_{11}^2]}``, so that it is never read as a quantity of a unit; ``hat``: m̂."""
    return f"{_state_base(role, hat)[0]}_{{[{p}]}}"


def plain_state(role: str, p_plain: str, hat: bool = False) -> str:
    """The same in plain Unicode, for sentences: ``m[w₁₁²]``, ``mˆ[w₁₁²]``."""
    return f"{_state_base(role, hat)[1]}[{p_plain}]"


def setting_sym(role: str) -> str:
    """An optimiser setting (μ, α, β₁, β₂, ε, λ) or the step t, in LaTeX."""
    return optimiser_glyph(role).latex


def plain_setting(role: str) -> str:
    return optimiser_glyph(role).plain


# plain Unicode, for titles and labels ---------------------------------------------------------
def plain(base: str, sub: str, sup: int | None = None) -> str:
    text = base + sub.translate(_SUB)
    return text if sup is None else text + str(sup).translate(_SUP)


def plain_a(layer: int, unit: int) -> str:
    return _a(layer, unit).plain


def plain_z(layer: int, unit: int) -> str:
    return glyph("net", layer, unit=unit).plain


def plain_w(layer: int, j: int, k: int) -> str:
    return glyph("weight", layer, j=j, k=k).plain


def plain_b(layer: int, unit: int) -> str:
    return glyph("bias", layer, unit=unit).plain


def plain_y(unit: int) -> str:
    return glyph("output", _last(), unit=unit).plain


def plain_label(unit: int) -> str:
    return glyph("label", _last(), unit=unit).plain


def words() -> dict[str, str]:
    """The generic names the catalogue's sentences use ({E}, {Y}, {Yhat}, {w}, {eta})."""
    last = _last()
    return {
        "E": _loss().plain,
        "Y": glyph("output", last, unit=1).base,
        "Yhat": glyph("label", last, unit=1).base,
        "w": glyph("weight", last, j=1, k=1).base,
        "eta": glyph("rate", 0).plain,
    }
