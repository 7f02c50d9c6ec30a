"""LaTeX formula -> SVG, with ziamath (pure Python: no TeX installation, no network).

``ziamath.config.svg2 = False`` makes ziamath draw every glyph as a plain path, which QtSvg
(SVG Tiny 1.2) can draw.  A formula takes several milliseconds to typeset, and a walkthrough
shows the same formulas again and again, so the results are cached.  ``ziamath_speedups``
makes the typesetting itself about twice as fast, with the same output.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

from bpstudio.render import ziamath_speedups


@lru_cache(maxsize=1)
def _ziamath():
    """ziamath, imported on first use: its import is slow (docs/performance.md), and the
    window's start need not wait for it."""
    with warnings.catch_warnings():
        # ziamath loads its font through a deprecated importlib API; not our warning to fix
        warnings.simplefilter("ignore", DeprecationWarning)
        import ziamath
    ziamath.config.svg2 = False
    ziamath_speedups.install(ziamath)
    return ziamath


DEFAULT_SIZE = 18.0
CACHE_SIZE = 4096
_NAMESPACES = re.compile(r'\s+xmlns(:\w+)?="[^"]*"')


@lru_cache(maxsize=CACHE_SIZE)
def formula_svg(latex: str, size: float = DEFAULT_SIZE, color: str = "black") -> bytes:
    """The formula typeset as a standalone SVG document (UTF-8 bytes)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        svg = _ziamath().Math.fromlatex(latex, size=size, color=color).svg()
    return svg.encode("utf-8")


def inline_svg(latex: str, size: float = DEFAULT_SIZE) -> str:
    """The SVG element for embedding in HTML: without namespace declarations, which HTML
    does not need and which would put URLs into a page that must not reference any."""
    return _NAMESPACES.sub("", formula_svg(latex, size).decode("utf-8"), count=2)
