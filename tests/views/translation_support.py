"""Finds interface text left in English, for the Simplified Chinese completeness tests.

A text is "English" when, after symbols, numbers, markup, key names and a few names that a
Chinese textbook also writes in Latin letters are taken out, a word of two or more Latin
letters is left.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

# Names and abbreviations that stay in Latin letters in Chinese text.
ALLOWED_WORDS = {
    "BP", "Studio", "PNG", "CSV", "SVG", "TSV", "JSON", "json", "png", "svg", "csv", "tsv", "txt",
    "ReLU", "Leaky", "tanh", "Tanh", "Sigmoid", "sigmoid", "softmax", "Softmax", "LaTeX",
    "Xavier", "He", "XOR", "AND", "OR", "Qt", "PySide", "LGPL", "argmax", "label", "dE", "dw", "dz",
    "scale", "xavier", "he", "Esc", "Ctrl", "Shift", "Alt", "Space", "Home", "End", "Left",
    "Right", "Up", "Down", "Del", "Delete", "Backspace", "Enter", "Return", "PgUp", "PgDown",
    "sd", "English", "Python", "NumPy", "pyqtgraph", "ziamath", "MIT", "BSD", "Clause",
    "PyTorch", "Jupyter", "torch", "nn", "autograd", "optim", "py", "ipynb",
    "PDF", "pdf", "HTML", "html", "Markdown", "md", "tex",  # the handout's file formats
    "Matt", "Mazur",  # View ▸ Notation: the author of a worked example, as Chinese courses cite him
    "SGD", "RMSprop", "Adam", "Nesterov",  # the optimisers, named as torch and textbooks do
}  # fmt: skip
ALLOWED_PHRASES = ("Qt for Python",)
_MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|\([^)]*\*\.[^)]*\)")  # tags, entities, (*.png)
_KEY = re.compile(r"\b(?:Ctrl|Shift|Alt|Meta)\+\S+|\bF\d+\b")
_SYMBOL = re.compile(r"\S*[\d_^/\\{}]\S*")  # w11^2, b_k^2, x₁, dE/dw, 0.25, paths
_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str, also_allowed: set[str] = frozenset()) -> list[str]:
    text = _MARKUP.sub(" ", text).replace("&", "")
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, " ")
    text = _SYMBOL.sub(" ", _KEY.sub(" ", text))
    return [w for w in _WORD.findall(text) if w not in ALLOWED_WORDS | set(also_allowed)]


def widget_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can see on ``widget`` (not its children)."""
    name = f"{type(widget).__name__}:{widget.objectName()}"
    found = [(f"{name} tooltip", widget.toolTip()), (f"{name} title", widget.windowTitle())]
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        found.append((f"{name} text", widget.text()))
    if isinstance(widget, QLineEdit):
        found.append((f"{name} placeholder", widget.placeholderText()))
    if isinstance(widget, QComboBox):
        found += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            found += [(f"{name} tab", widget.tabText(i)), (f"{name} tab tip", widget.tabToolTip(i))]
    if isinstance(widget, QGroupBox):
        found.append((f"{name} group", widget.title()))
    if isinstance(widget, QDockWidget):
        found.append((f"{name} dock", widget.windowTitle()))
    if isinstance(widget, QMenu):
        found.append((f"{name} menu", widget.title()))
    for attr in ("suffix", "prefix", "specialValueText"):
        if hasattr(widget, attr):
            found.append((f"{name} {attr}", getattr(widget, attr)()))
    for action in widget.actions():
        label = f"{name} action {action.objectName()}"
        found += [
            (f"{label} text", action.text()),
            (f"{label} tip", action.toolTip()),
            (f"{label} status", action.statusTip()),
        ]
    return found


def _inside(widget: QWidget, names) -> bool:
    while widget is not None:
        if widget.objectName() in names:
            return True
        widget = widget.parentWidget()
    return False


def texts_under(root: QWidget, skip=()) -> list[tuple[str, str]]:
    """Texts of ``root`` and its descendants, except those inside a widget named in ``skip``."""
    found = widget_texts(root)
    for child in root.findChildren(QWidget):
        if not _inside(child, skip):
            found += widget_texts(child)
    return found


def english_left(texts, also_allowed=frozenset()) -> list[str]:
    return [
        f"{where}: {text!r} ({', '.join(words)})"
        for where, text in texts
        if text and (words := english_words(text, also_allowed))
    ]
