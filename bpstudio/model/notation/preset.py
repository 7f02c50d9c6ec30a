"""A notation preset: the symbols of a textbook, its word templates and its conventions.

Read from a small JSON file (format in docs/notations.md); the presets shipped are in
bpstudio/resources/notations, and a teacher adds one by dropping a file there or in the user's
notation folder (``user_dir``).  Pure data and NumPy-free: the derivation, the diagram and the
exporters all read symbols through ``Notation.glyph``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from bpstudio.model.notation.glyph import Glyph, parse_glyph

PRESETS_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "notations"
DEFAULT = "seed"
ROLES = (
    "input", "activation", "net", "weight", "bias", "output", "label", "loss", "rate",
)  # fmt: skip
# The optimisers' symbols in 七 (model/optimisers.py): the state slots (torch's names; each is
# written with its parameter as a subscript, m_{[w]}), the settings and the step t; ``grad`` is
# the gradient with weight decay added.  A file that names none of them gets the seed's.
OPTIMISER_ROLES = (
    "grad", "momentum_buffer", "square_avg", "exp_avg", "exp_avg_sq",
    "momentum", "alpha", "beta1", "beta2", "epsilon", "weight_decay", "step",
)  # fmt: skip
# a name for ∂E/∂z (δ, g, e) where the book gives one, and the optimisers' symbols
OPTIONAL_ROLES = ("delta", *OPTIMISER_ROLES)
LANGS = ("en", "zh")


@dataclass(frozen=True)
class Notation:
    name: str  # the file's stem: "seed", "qiu"
    title: dict[str, str]  # {"en": ..., "zh": ...}
    symbols: dict[str, Glyph]
    output_layer: dict[str, Glyph] = field(default_factory=dict)  # overrides for the last layer
    first_layer: dict[str, Glyph] = field(default_factory=dict)  # overrides for layer 2
    hidden_layers: int | None = None  # the only depth it can name (周志华: 1), None: any
    sizes: tuple[int, ...] | None = None  # the only layout it can name (Mazur: 2-2-2)
    note: dict[str, str] = field(default_factory=dict)  # its conventions, said in the intro
    words: dict[str, dict[str, str]] = field(default_factory=dict)  # catalogue overrides

    def label(self, lang: str) -> str:
        return self.title.get(lang, self.title["en"])

    def fits(self, sizes) -> bool:
        sizes = tuple(int(n) for n in sizes)
        if self.sizes is not None and sizes != self.sizes:
            return False
        return self.hidden_layers is None or len(sizes) - 2 == self.hidden_layers

    def glyph(self, role: str, layer: int, n_layers: int, **fields) -> Glyph:
        """``role``'s symbol in ``layer`` (seed numbering: inputs are layer 1), filled in."""
        table = self.symbols
        if layer == n_layers and role in self.output_layer:
            table = self.output_layer
        elif layer == 2 and role in self.first_layer:
            table = self.first_layer
        template = table[role]
        unit = fields.get("unit", fields.get("k", ""))
        j, k = fields.get("j", ""), fields.get("k", unit)
        return template.filled(
            unit=unit, j=j, k=k, jk=_pair(j, k), kj=_pair(k, j), layer=layer, l0=layer - 1,
            n=self._number(layer, j, k) if role == "weight" else "",
        )  # fmt: skip

    def _number(self, layer: int, j, k) -> int | str:
        """Mazur's w₁..w₈: weights counted layer by layer, all edges into a unit together."""
        if self.sizes is None or j == "" or k == "":
            return ""
        sizes = self.sizes
        before = sum(sizes[i] * sizes[i + 1] for i in range(layer - 2))
        return before + (int(k) - 1) * self.sizes[layer - 2] + int(j)


def _pair(j, k) -> str:
    """w_{jk}: a comma only when an index has two digits, where "w_123" would be ambiguous."""
    if j == "" or k == "":
        return f"{j}{k}"
    return f"{j}{k}" if int(j) < 10 and int(k) < 10 else f"{j},{k}"


def parse_notation(data, name: str, where: str) -> Notation:
    """A Notation from a file's JSON; every mistake names the file and the key."""
    if not isinstance(data, dict):
        raise ValueError(f"{where}: a notation file holds one JSON object")
    title = _texts(data.get("title"), f'{where}: "title"')
    symbols = _glyphs(data.get("symbols"), f'{where}: "symbols"')
    missing = [role for role in ROLES if role not in symbols]
    if missing:
        raise ValueError(f'{where}: "symbols" lacks {", ".join(missing)}')
    sizes = data.get("sizes")
    if sizes is not None and not (
        isinstance(sizes, list) and sizes and all(isinstance(n, int) and n > 0 for n in sizes)
    ):
        raise ValueError(f'{where}: "sizes" must be a list of positive whole numbers')
    hidden = data.get("hidden_layers")
    if hidden is not None and not (isinstance(hidden, int) and hidden >= 0):
        raise ValueError(f'{where}: "hidden_layers" must be a whole number')
    words = data.get("words", {})
    if not isinstance(words, dict):
        raise ValueError(f'{where}: "words" must be an object of catalogue keys')
    return Notation(
        name=name,
        title=title,
        symbols=symbols,
        output_layer=_glyphs(data.get("output_layer", {}), f'{where}: "output_layer"'),
        first_layer=_glyphs(data.get("first_layer", {}), f'{where}: "first_layer"'),
        hidden_layers=hidden,
        sizes=tuple(sizes) if sizes is not None else None,
        note=_texts(data.get("note", {"en": ""}), f'{where}: "note"'),
        words={key: _texts(text, f'{where}: "words".{key}') for key, text in words.items()},
    )


def _texts(data, where: str) -> dict[str, str]:
    if isinstance(data, str):
        return {"en": data}
    if not isinstance(data, dict) or not isinstance(data.get("en"), str):
        raise ValueError(f'{where} needs an English text ("en"), and may add "zh"')
    if any(not isinstance(v, str) for v in data.values()):
        raise ValueError(f"{where}: every translation must be text")
    return dict(data)


def _glyphs(data, where: str) -> dict[str, Glyph]:
    if not isinstance(data, dict):
        raise ValueError(f"{where} must be an object of symbols")
    unknown = set(data) - set(ROLES) - set(OPTIONAL_ROLES)
    if unknown:
        raise ValueError(f"{where}: unknown role(s) {', '.join(sorted(unknown))}")
    return {role: parse_glyph(value, f"{where}.{role}") for role, value in data.items()}


def user_dir(environ=os.environ) -> Path:
    """Where a teacher's own notation files go (besides the shipped ones)."""
    if environ.get("BPSTUDIO_NOTATIONS"):
        return Path(environ["BPSTUDIO_NOTATIONS"])
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "bpstudio" / "notations"


def load_file(path: Path) -> Notation:
    where = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{where}: cannot be read ({exc.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{where}: not valid JSON ({exc})") from None
    return parse_notation(data, path.stem, where)
