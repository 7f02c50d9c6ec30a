"""View > Language: System default, English, 简体中文 (each language named in its own words).

Picking one switches the whole window at once, keeping the open project, its undo history and
the walkthrough's place; the choice is remembered for the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from bpstudio.views.widgets import language


class LanguageMenu(QObject):
    def __init__(self, parent_menu: QMenu, window: QWidget) -> None:
        super().__init__(window)
        self.menu = parent_menu.addMenu("")
        self.menu.setObjectName("menuLanguage")
        self.menu.setToolTipsVisible(True)
        self._group = QActionGroup(self)
        self._system = self._add_choice(language.SYSTEM, "", "actionLanguageSystem")
        for code, own_name in language.CHOICES:
            self._add_choice(code, own_name, f"actionLanguage_{code}")
        self._switcher = language.switcher()
        self._switcher.languageChanged.connect(self._show_choice)
        self._show_choice()
        self.retranslate()

    def _add_choice(self, code: str, text: str, name: str) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        action.setCheckable(True)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: self._choose(c))
        self._group.addAction(action)
        self.menu.addAction(action)
        return action

    def _choose(self, code: str) -> None:
        self._switcher.apply(code, remember=True)

    def _show_choice(self, *_args) -> None:
        for action in self._group.actions():
            action.setChecked(action.data() == self._switcher.choice)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Language"))
        self._system.setText(self.tr("System default"))
        tip = self.tr("Show BP Studio in this language (your work stays open)")
        for action in self._group.actions():
            action.setToolTip(tip)
            action.setStatusTip(tip)
