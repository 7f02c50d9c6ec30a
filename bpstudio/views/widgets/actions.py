"""Helpers for QActions: a tooltip that names the shortcut, theme icons with a fallback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget


def themed_icon(widget: QWidget, theme: QIcon.ThemeIcon, fallback: QStyle.StandardPixmap) -> QIcon:
    """The desktop theme's icon, or Qt's built-in one where the platform has no theme."""
    icon = QIcon.fromTheme(theme)
    return icon if not icon.isNull() else widget.style().standardIcon(fallback)


def describe(action: QAction, tip: str) -> None:
    """Tooltip and status tip; the tooltip shows the shortcut, as users look for it there."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    action.setStatusTip(tip)


def make_action(
    parent: QWidget,
    text: str,
    tip: str,
    slot: Callable | None = None,
    *,
    name: str = "",
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    icon: QIcon | None = None,
    checkable: bool = False,
) -> QAction:
    action = QAction(text, parent)
    if name:
        action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(icon)
    action.setCheckable(checkable)
    describe(action, tip)
    if slot is not None:
        signal = action.toggled if checkable else action.triggered
        signal.connect(slot)
    return action
