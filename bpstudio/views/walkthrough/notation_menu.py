"""View ▸ Notation: the textbook whose symbols the walkthrough, the diagram's labels, the weight
tables and every export use (the seed's, Mazur's, CS231n's, 邱锡鹏's, 周志华's, a teacher's own).

A view setting like the language: remembered for the next start, not an edit of the project, so
it has no undo step.  Picking one rewrites everything on screen at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from bpstudio.model import notation
from bpstudio.model.derivation.notation_intro import fallback_message
from bpstudio.views.widgets.language import derivation_language, switcher
from bpstudio.views.widgets.status import ShowStatus

if TYPE_CHECKING:
    from bpstudio.controller.document import Document
    from bpstudio.controller.walkthrough import WalkthroughCursor
    from bpstudio.views.diagram import NetworkDiagramView
    from bpstudio.views.weights.weights_dock import WeightsDock

SETTINGS_KEY = "view/notation"


def restore_notation() -> None:
    """The notation remembered from the last session (the seed's if it is gone)."""
    name = QSettings().value(SETTINGS_KEY, notation.DEFAULT)
    try:
        notation.choose(str(name))
    except ValueError:
        notation.choose(notation.DEFAULT)


class NotationMenu(QObject):
    notationChanged = Signal(str)  # the preset's name

    def __init__(self, parent_menu: QMenu, window: QWidget) -> None:
        super().__init__(window)
        self.menu = parent_menu.addMenu("")
        self.menu.setObjectName("menuNotation")
        self.menu.setToolTipsVisible(True)
        self._group = QActionGroup(self)
        for name in notation.names():
            action = QAction(self.menu)
            action.setObjectName(f"actionNotation_{name}")
            action.setCheckable(True)
            action.setData(name)
            action.triggered.connect(lambda _checked=False, n=name: self.choose(n))
            self._group.addAction(action)
            self.menu.addAction(action)
        self._show_choice()
        self.retranslate()

    def choose(self, name: str) -> None:
        notation.choose(name)
        QSettings().setValue(SETTINGS_KEY, name)
        self._show_choice()
        self.notationChanged.emit(name)

    def _show_choice(self) -> None:
        for action in self._group.actions():
            action.setChecked(action.data() == notation.chosen().name)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Notation"))
        lang = derivation_language(switcher().language)
        tip = self.tr(
            "Write the walkthrough, the diagram's labels and the exports in this book's symbols"
        )
        for action in self._group.actions():
            preset = notation.get(action.data())
            action.setText(preset.label(lang))
            action.setToolTip(tip)
            action.setStatusTip(tip)


def show_notation(
    document: Document,
    cursor: WalkthroughCursor,
    diagram: NetworkDiagramView,
    weights: WeightsDock,
    show_status: ShowStatus,
) -> None:
    """Rewrite what the window shows in the notation just chosen: the walkthrough (rebuilt at
    the same step), the diagram's labels and the weight tables' headers."""
    diagram.diagram_scene.rebuild()
    lang = derivation_language(switcher().language)
    cursor.set_language(lang)  # rebuilds the derivation, keeping its place
    if weights.built:
        weights.tables.refresh_symbols()
    sizes = document.project.network.layer_sizes
    writing = notation.resolve(None, sizes)
    if writing.fallback_from is not None:  # Mazur's names fit his 2-2-2 network only: say so
        show_status(fallback_message(writing.fallback_from, sizes, lang))
