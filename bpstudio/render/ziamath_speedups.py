"""Speed-ups of ziamath's layout and drawing that leave its output byte for byte the same.

Typesetting one walkthrough formula spent nearly all its time (figures in docs/performance.md)
in these places:

* Every ``<mrow>`` lays out each child twice: once "without stretching" to learn the row's
  height (for stretchy fences such as ``\\left[``), then for real.  Nested rows do the same, so
  a child at depth *d* is laid out 2^d times.  The first pass only matters if something in the
  row can stretch to the row's height (a fence with taller forms in the font, not within a
  nested row of its own); when nothing can, its result is never read, and
  :func:`_row_height_unless_unused` skips it.
* Every formula goes through text and back to fold ``<mstyle>`` elements into their children;
  most have none, and skip it.
* Every node's style starts from ``dataclasses.asdict`` of its parent's style (a recursive deep
  copy) behind a ``ChainMap`` of its own attributes.  Only plain fields are read from it, so
  one merged dictionary of the parent's fields and the attributes answers the same.
* ``Mnode.size_px`` builds a dictionary of fourteen formatted strings on every call; its result
  depends only on the size string and the font size, so it is remembered.
* Each glyph's outline is written into the SVG through one method call and two string
  formattings per coordinate; :func:`_faster_outline` writes the same text with one
  ``str.format`` of a template kept on the glyph (its points placed with NumPy).

Applied only to the ziamath version they were checked against (``TESTED_VERSIONS``); any other
version runs unchanged, only slower.  ``tests/render/test_ziamath_speedups.py`` compares the
SVG of many formulas with and without them.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.etree.ElementTree import Element

import numpy as np

TESTED_VERSIONS = frozenset({"0.13"})
SIZE_CACHE_LIMIT = 4096
# What ziamath's first pass returns for a row with nothing in it: the real pass never reads it
# unless something in the row stretches.
_UNREAD_ROW_HEIGHT = (9999, -9999)
# Elements ziamath lays out as plain rows (Mnode.fromelement turns the last four into <mrow>).
_ROW_TAGS = frozenset({"mrow", "math", "mtd", "mtr", "none"})

_originals: dict[str, object] = {}


def install(ziamath) -> bool:
    """Speed ziamath up if its version is one the speed-ups were checked against."""
    if _originals:
        return True
    if getattr(ziamath, "__version__", None) not in TESTED_VERSIONS:
        return False
    from ziafont import svgpath
    from ziafont.glyph import SimpleGlyph
    from ziamath import operators, styles, zmath
    from ziamath.nodes.mnode import Mnode
    from ziamath.nodes.mrow import Mrow

    _originals.update(
        apply_mstyle=zmath.apply_mstyle,
        row_height=Mrow._get_height_nostretch,
        asdict=styles.asdict,
        chain_map=styles.ChainMap,
        size_px=Mnode.size_px,
        svgpath=SimpleGlyph.svgpath,
    )
    stretchy = _stretchy_operators(operators.operators)
    Mrow._get_height_nostretch = _row_height_unless_unused(
        Mrow._get_height_nostretch, stretchy, frozenset(operators.leftfences)
    )
    styles.asdict = _fields
    setattr(styles, "ChainMap", _merged)  # noqa: B010 (mypy: a class replaced by a function)
    Mnode.size_px = _remembered_size(Mnode.size_px)
    SimpleGlyph.svgpath = _faster_outline(SimpleGlyph.svgpath, svgpath)
    zmath.apply_mstyle = _mstyle_only_if_present(zmath.apply_mstyle)
    return True


def uninstall() -> None:
    """ziamath as it came (for the tests and the benchmark's before/after)."""
    if not _originals:
        return
    from ziafont.glyph import SimpleGlyph
    from ziamath import styles, zmath
    from ziamath.nodes.mnode import Mnode
    from ziamath.nodes.mrow import Mrow

    zmath.apply_mstyle = _originals["apply_mstyle"]
    Mrow._get_height_nostretch = _originals["row_height"]
    styles.asdict = _originals["asdict"]
    setattr(styles, "ChainMap", _originals["chain_map"])  # noqa: B010 (as in install)
    Mnode.size_px = _originals["size_px"]
    SimpleGlyph.svgpath = _originals["svgpath"]
    _originals.clear()


def installed() -> bool:
    return bool(_originals)


def _stretchy_operators(dictionary: dict) -> frozenset[str]:
    """Operator names that stretch in some form, per ziamath's operator dictionary."""
    return frozenset(
        name
        for (name, _form), params in dictionary.items()
        if params.get("stretchy", "false") != "false"
    )


def _may_stretch(element: Element, stretchy: frozenset[str], grows_taller) -> bool:
    """Could this element become an operator that stretches to its row's height?  Errs on the
    side of yes: then the row is laid out exactly as ziamath always does."""
    if element.tag == "mfenced":
        return True
    text = (element.text or "").strip()
    declared = element.get("stretchy")
    if declared == "false" or (declared is None and text not in stretchy):
        return False
    return any(grows_taller(char) for char in text)


def _grows_taller(font, char: str, left_fences, covered: dict) -> bool:
    """Has the font a taller form of this character, or is it a left fence (which gets a
    little space when it stretches)?  Arrows stretch only sideways, so a row with an arrow in
    it still needs no first pass."""
    if char in left_fences or char.isalnum() or any(vars(font.alt_fonts).values()):
        return True  # letters can be restyled and other fonts chosen: not worth the risk
    key = (font, char)
    if key not in covered:
        covered[key] = _has_taller_forms(font, char)
    return covered[key]


def _has_taller_forms(font, char: str) -> bool:
    from ziamath.nodes.nodetools import subglyph

    variants = getattr(font.math, "_variantsvert", None)
    if variants is None:
        return True
    glyph = font.glyph(char)
    indices = {glyph.index, subglyph(glyph, font).index}  # as itself and in a script
    return any(variants.coverage.covidx(index) is not None for index in indices)


def _reads_row_height(line: list[Element], may_stretch) -> bool:
    """Does anything in the row read the height its first pass measures?  A stretchy operator
    does, unless it sits directly in a row nested deeper: that row measures its own height and
    hands it down instead, and in that row's own first pass the operator's height is left out
    anyway.  One wrapped in a script, root or fraction inside the nested row might still move
    its wrapper with its size, so that counts as reading."""
    return any(_reads_height(child, False, True, may_stretch) for child in line)


def _reads_height(element: Element, below_row: bool, in_row: bool, may_stretch) -> bool:
    if may_stretch(element) and not (below_row and in_row):
        return True
    is_row = element.tag in _ROW_TAGS
    return any(_reads_height(child, below_row or is_row, is_row, may_stretch) for child in element)


def _row_height_unless_unused(first_pass, stretchy: frozenset[str], left_fences):
    covered: dict[tuple[object, str], bool] = {}

    def get_height_nostretch(self, line: Iterable[Element], **kwargs):
        line = list(line)

        def grows_taller(char: str) -> bool:
            return _grows_taller(self.font, char, left_fences, covered)

        def may_stretch(element: Element) -> bool:
            return _may_stretch(element, stretchy, grows_taller)

        if _reads_row_height(line, may_stretch):
            return first_pass(self, line, **kwargs)
        return _UNREAD_ROW_HEIGHT

    return get_height_nostretch


def _mstyle_only_if_present(apply_mstyle):
    def apply_mstyle_if_present(element: Element) -> Element:
        if any("mstyle" in descendant.tag for descendant in element.iter()):
            return apply_mstyle(element)
        return element  # what the round trip through text would give back

    return apply_mstyle_if_present


def _fields(style) -> dict:
    """``asdict`` for a style whose nested values are only passed on, never changed."""
    return vars(style)


def _merged(attributes, inherited) -> dict:
    """``ChainMap(attributes, inherited)`` for a caller that only reads it."""
    return {**inherited, **attributes}


def _remembered_size(size_px):
    cache: dict[tuple[str, float], float] = {}

    def remembered_size_px(self, size: str, fontsize: float | None = None) -> float:
        if fontsize is None:
            fontsize = self.glyphsize
        key = (size, fontsize)
        try:
            return cache[key]
        except KeyError:
            if len(cache) >= SIZE_CACHE_LIMIT:
                cache.clear()
            value = cache[key] = size_px(self, size, fontsize)
            return value

    return remembered_size_px


_LETTERS = {"Moveto": "M", "Lineto": "L", "Quad": "Q", "Cubic": "C"}
_POINTS = {"M": ("p",), "L": ("p",), "Q": ("p1", "p2"), "C": ("p1", "p2", "p3")}
# Ends every number in an outline's template until its trailing zeros are stripped.
_END = "|"


class _Outline:
    """A glyph's outline, ready to be written at any place and size: the path text with a
    placeholder for each number, and the points' coordinates in font units."""

    def __init__(self, letters: list[str], points: list[tuple], precision: int) -> None:
        number = "{:." + str(precision) + "f}" + _END
        text = []
        for i, (letter, segment) in enumerate(zip(letters, points, strict=True)):
            if letter == "M" and i:
                text.append("Z ")
            text.append(letter + " " + number * (2 * len(segment)))
        text.append("Z ")
        self.template = "".join(text)
        self.precision = precision
        # What fmt() strips from a number: the fraction's trailing zeros, and the point if
        # nothing is left after it ("1.500" -> "1.5", "2.000" -> "2", "10.000" -> "10").  All
        # zeros first, then ever fewer: each replacement ends the numbers it strips.
        self.endings = [("." + "0" * precision + _END, " ")]
        self.endings += [("0" * n + _END, " ") for n in range(precision - 1, 0, -1)]
        self.endings.append((_END, " "))
        flat = [p for segment in points for p in segment]
        self.xs = np.array([x for x, _y in flat], dtype=float)
        self.ys = np.array([y for _x, y in flat], dtype=float)

    def path(self, x0: float, y0: float, scale: float) -> str:
        numbers = np.empty(2 * len(self.xs))
        numbers[0::2] = x0 + self.xs * scale  # as ziafont: x0 + x * scale, y0 - y * scale
        numbers[1::2] = y0 - self.ys * scale
        text = self.template.format(*numbers.tolist())
        for ending, space in self.endings:
            text = text.replace(ending, space)
        return text


def _outline_of(glyph, svgpath, precision: int) -> _Outline | None:
    """The glyph's outline; None if it has a kind of segment other than ziafont's four, or is
    empty, or the precision leaves no fraction to strip."""
    outline = glyph.__dict__.get("_bpstudio_outline", False)
    if outline is False or (outline is not None and outline.precision != precision):
        outline = _read_outline(glyph, svgpath, precision)
        glyph.__dict__["_bpstudio_outline"] = outline
    return outline


def _read_outline(glyph, svgpath, precision: int) -> _Outline | None:
    if precision < 1 or not glyph.operators:
        return None
    letters, points = [], []
    for operator in glyph.operators:
        kind = type(operator)
        letter = _LETTERS.get(kind.__name__)
        if letter is None or kind is not getattr(svgpath, kind.__name__):
            return None
        letters.append(letter)
        points.append(tuple((p.x, p.y) for p in (getattr(operator, a) for a in _POINTS[letter])))
    return _Outline(letters, points, precision)


def _faster_outline(original, svgpath):
    config = svgpath.config

    def outline_path(self, x0: float = 0, y0: float = 0, scale_factor: float = 1):
        outline = _outline_of(self, svgpath, config.precision)
        if outline is None:
            return original(self, x0, y0, scale_factor)
        scale = self.funits_to_points(1, scale_factor)
        return Element("path", attrib={"d": outline.path(x0, y0, scale)})

    return outline_path
