"""The Training and Walkthrough menus, and Help > Keyboard shortcuts.

The actions themselves belong to the training panel and the walkthrough bar (their shortcuts
work wherever the focus is in the window); the menus make them discoverable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
)

from bpstudio.views.widgets.actions import describe, make_action
from bpstudio.views.widgets.language import translate

if TYPE_CHECKING:
    from bpstudio.views.window.learning_docks import LearningDocks


class LearningMenus(QObject):
    def __init__(self, learning: LearningDocks, help_menu: QMenu, window: QMainWindow) -> None:
        """The two menus go before ``help_menu`` in ``window``'s menu bar; Keyboard shortcuts
        goes into it, after the tour (which stays its first item)."""
        super().__init__(window)
        bar = window.menuBar()
        self.training = QMenu(window)
        self.training.setObjectName("menuTraining")
        panel = learning.training_panel
        for action in (
            panel.play_action,
            panel.step_action,
            panel.epoch_action,
            panel.reset_action,
        ):
            self.training.addAction(action)
        self.walkthrough = QMenu(window)
        self.walkthrough.setObjectName("menuWalkthrough")
        for action in learning.derivation_panel.bar.actions_list():
            self.walkthrough.addAction(action)
        self.walkthrough.addSeparator()
        for action in learning.derivation_panel.practice_bar.actions_list():
            self.walkthrough.addAction(action)
        for menu in (self.training, self.walkthrough):
            menu.setToolTipsVisible(True)
            bar.insertMenu(help_menu.menuAction(), menu)
        self.shortcuts = make_action(
            window,
            "",
            "",
            lambda: show_shortcuts(window),
            name="actionShortcuts",
            shortcut=QKeySequence.StandardKey.HelpContents,
        )
        after_tour = help_menu.actions()[1:2]
        help_menu.insertAction(after_tour[0] if after_tour else None, self.shortcuts)
        self.retranslate()

    def retranslate(self) -> None:
        self.training.setTitle(self.tr("&Training"))
        self.walkthrough.setTitle(self.tr("&Walkthrough"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))
        describe(self.shortcuts, self.tr("Every keyboard shortcut of BP Studio"))


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action in the menu bar that has a shortcut."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in _all_actions(menu):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                label = action.text().replace("&", "") or action.statusTip() or action.toolTip()
                rows.append((menu.title().replace("&", ""), label, keys))
    return rows


def _all_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found.extend(_all_actions(action.menu()))
        elif not action.isSeparator():
            found.append(action)
    return found


def show_shortcuts(window: QMainWindow) -> QDialog:
    dialog = QDialog(window)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(translate("LearningMenus", "Keyboard shortcuts"))
    text = QTextBrowser()
    menu_title = translate("LearningMenus", "Menu")
    action_title = translate("LearningMenus", "Action")
    keys_title = translate("LearningMenus", "Keys")
    rows = "".join(
        f"<tr><td>{menu}</td><td>{label}</td><td><b>{keys}</b></td></tr>"
        for menu, label, keys in shortcut_rows(window)
    )
    header = (
        f"<tr><th align=left>{menu_title}</th><th align=left>{action_title}</th>"
        f"<th align=left>{keys_title}</th></tr>"
    )
    text.setHtml(f"<table cellpadding=4>{header}{rows}</table>")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(560, 520)
    dialog.show()
    return dialog
