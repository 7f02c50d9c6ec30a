"""Every notation preset by name, and the one chosen for this process (View ▸ Notation, or
``--notation``), which the derivation, the diagram and the exporters read.

The choice is process-wide on purpose: it is a view setting, like the language.  What a symbol
looks like also depends on the network being written (Mazur's w₁..w₈ exist only for his 2-2-2
network); ``writing(notation, sizes)`` says which, for the code inside it, in this thread.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from bpstudio.model.notation.preset import DEFAULT, PRESETS_DIR, Notation, load_file, user_dir

ORDER = ("seed", "mazur", "cs231n", "qiu", "zhou")  # the menu's order; a teacher's come after


@lru_cache(maxsize=1)
def presets() -> dict[str, Notation]:
    """The shipped presets, then the user's own files (a bad user file is skipped with a
    warning on stderr: one teacher's typo must not stop the app)."""
    found = {path.stem: load_file(path) for path in sorted(PRESETS_DIR.glob("*.json"))}
    folder = user_dir()
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            found[path.stem] = load_file(path)
        except ValueError as exc:
            print(f"bpstudio: notation skipped: {exc}", file=sys.stderr)
    ranked = sorted(found, key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))
    return {name: found[name] for name in ranked}


def names() -> tuple[str, ...]:
    return tuple(presets())


def get(name: str) -> Notation:
    try:
        return presets()[name]
    except KeyError:
        known = ", ".join(presets())
        raise ValueError(f"unknown notation {name!r} (known: {known})") from None


_chosen = DEFAULT


def choose(name: str) -> None:
    """Make ``name`` the notation of everything written from now on (checked first)."""
    global _chosen
    get(name)
    _chosen = name


def chosen() -> Notation:
    return get(_chosen)


@dataclass(frozen=True)
class Writing:
    """The notation in force for one network: the chosen one, or the default where the chosen
    one cannot name this network (``fallback_from`` then says which was asked for)."""

    notation: Notation
    n_layers: int
    fallback_from: Notation | None = None


_writing: ContextVar[Writing | None] = ContextVar("bpstudio_notation_writing", default=None)


def resolve(notation: Notation | str | None, sizes) -> Writing:
    asked = get(notation) if isinstance(notation, str) else (notation or chosen())
    sizes = tuple(sizes)
    if asked.fits(sizes):
        return Writing(asked, len(sizes))
    return Writing(get(DEFAULT), len(sizes), asked)


@contextmanager
def writing(notation: Notation | str | None, sizes) -> Iterator[Writing]:
    active = resolve(notation, sizes)
    token = _writing.set(active)
    try:
        yield active
    finally:
        _writing.reset(token)


_shown: tuple[int, ...] | None = None


def show_network(sizes) -> None:
    """The layer sizes of the network on screen: the labels, tables and menus of the window
    are written for it wherever no ``writing`` says otherwise (the app shows one project).
    None: no network on screen."""
    global _shown
    _shown = None if sizes is None else tuple(int(n) for n in sizes)


def current(n_layers: int | None = None) -> Writing:
    """The notation in force here: set by ``writing``, else the chosen one for the network on
    screen (``show_network``), else for a network of ``n_layers`` layers whose sizes are
    unknown (a preset bound to one layout then falls back)."""
    active = _writing.get()
    if active is not None:
        return active
    if _shown is not None and (n_layers is None or n_layers == len(_shown)):
        return resolve(None, _shown)
    asked = chosen()
    depth = n_layers or 3
    if asked.sizes is not None or not asked.fits((1,) * depth):
        return Writing(get(DEFAULT), depth, asked)
    return Writing(asked, depth)
