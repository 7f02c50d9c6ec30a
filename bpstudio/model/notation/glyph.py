"""One symbol of a notation as a template (``a`` with subscript ``{unit}`` and superscript
``({l0})``) and, filled in, as LaTeX, plain Unicode and the diagram's base/sub/sup.

One template gives all three forms, so the walkthrough's formulas, its titles and the diagram's
labels can never name a quantity two ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_SUB = str.maketrans("0123456789,()+-=", "₀₁₂₃₄₅₆₇₈₉‚₍₎₊₋₌")
_SUP = str.maketrans("0123456789()+-=", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻⁼")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
FIELDS = ("unit", "j", "k", "jk", "kj", "layer", "l0", "n")


def _scripted(text: str, table: dict, marker: str) -> str:
    """Indices in sub- or superscript digits (a₁², a₁⁽²⁾); a script with letters as the books
    print it in plain text (out_h1, E_total), since Unicode has only some letters small."""
    if any(c.isalpha() and c.isascii() for c in text):
        return f"{marker}{text}"
    return text.translate(table)


def subscript(text: str) -> str:
    """``text`` as a plain-Unicode subscript: x₁, w₁₂, out_h1."""
    return _scripted(text, _SUB, "_")


def superscript(text: str) -> str:
    """``text`` as a plain-Unicode superscript: a², a⁽²⁾."""
    return _scripted(text, _SUP, "^")


def _fill(template: str, fields: dict) -> str:
    """Each ``{unit}``, ``{layer}``... replaced; other braces are LaTeX's (``\\hat{y}``)."""
    return _PLACEHOLDER.sub(lambda m: str(fields[m[1]]) if m[1] in fields else m[0], template)


def _braced(text: str) -> str:
    return text if len(text) == 1 else f"{{{text}}}"


@dataclass(frozen=True)
class Glyph:
    base: str  # plain Unicode: "a", "net", "θ", "ŷ"
    tex: str = ""  # LaTeX of the base when it differs: "\mathrm{net}", "\theta", "\hat{y}"
    sub: str = ""  # template: "{unit}", "h{unit}", "{kj}"
    sup: str = ""  # template: "{layer}", "({l0})"
    # -1 where the notation names the negative of the quantity (周志华's θ = −b, g = −∂E/∂β)
    sign: int = 1

    def filled(self, **fields) -> Glyph:
        base, tex, sub, sup = (_fill(p, fields) for p in (self.base, self.tex, self.sub, self.sup))
        return Glyph(base, tex, sub, sup, self.sign)

    @property
    def latex(self) -> str:
        text = self.tex or self.base
        if self.sub:
            text += f"_{_braced(self.sub)}"
        if self.sup:
            text += f"^{_braced(self.sup)}"
        return text

    @property
    def plain(self) -> str:
        text = self.base
        if self.sub:
            text += _scripted(self.sub, _SUB, "_")
        if self.sup:
            text += _scripted(self.sup, _SUP, "^")
        return text

    @property
    def primed(self) -> Glyph:
        """The same quantity after the update (Y' of the seed)."""
        return replace(self, base=self.base + "'", tex=(self.tex or self.base) + "'")


def parse_glyph(data, where: str) -> Glyph:
    """A glyph from a notation file's object, with a message naming ``where`` when it is wrong."""
    if isinstance(data, str):
        data = {"base": data}
    if not isinstance(data, dict) or not isinstance(data.get("base"), str) or not data["base"]:
        raise ValueError(f'{where}: a symbol needs a non-empty "base"')
    unknown = set(data) - {"base", "tex", "sub", "sup", "sign"}
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    sign = data.get("sign", 1)
    if sign not in (1, -1):
        raise ValueError(f'{where}: "sign" must be 1 or -1, got {sign!r}')
    glyph = Glyph(data["base"], data.get("tex", ""), data.get("sub", ""), data.get("sup", ""), sign)
    unknown = {m for part in (glyph.sub, glyph.sup) for m in _PLACEHOLDER.findall(part)}
    if unknown - set(FIELDS):
        known = ", ".join("{" + f + "}" for f in FIELDS)
        raise ValueError(
            f"{where}: unknown placeholder(s) {sorted(unknown - set(FIELDS))} ({known})"
        )
    return glyph
