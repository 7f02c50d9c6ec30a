"""The main window's menus and toolbar: File, Edit, Network, View, Help.

Actions are made without text; `retranslate` gives every menu and action its text and tooltip,
at start and again whenever the language changes.  The feature helpers put their own menus
before `help_menu` and their actions into `view_menu` and `toolbar`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from bpstudio.model.examples import example_names
from bpstudio.views.walkthrough.export_code_dialog import export_code_dialog
from bpstudio.views.walkthrough.notation_menu import NotationMenu
from bpstudio.views.weights import network_dialogs
from bpstudio.views.weights.network_menu import NetworkMenu
from bpstudio.views.widgets.actions import describe, make_action, themed_icon
from bpstudio.views.window import recent_files
from bpstudio.views.window.getting_started import show_getting_started
from bpstudio.views.window.language_menu import LanguageMenu
from bpstudio.views.window.undo_actions import UndoRedoActions
from bpstudio.views.window.window_export import export_diagram

if TYPE_CHECKING:
    from bpstudio.controller.document import Document
    from bpstudio.controller.walkthrough import WalkthroughCursor
    from bpstudio.views.diagram import NetworkDiagramView
    from bpstudio.views.window.window_files import WindowFiles

Key = QKeySequence.StandardKey
Theme = QIcon.ThemeIcon
Pixmap = QStyle.StandardPixmap


class WindowMenus(QObject):
    statusMessage = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        document: Document,
        cursor: WalkthroughCursor,
        files: WindowFiles,
        diagram: NetworkDiagramView,
    ) -> None:
        """``window``: the menus' window (its menu bar and toolbar; the parent of the dialogs
        the menus open).  ``cursor``: the walkthrough a handout is written from.  A choice of
        notation is announced by ``notation_menu.notationChanged``."""
        super().__init__(window)
        self._window = window
        self._document = document
        self._cursor = cursor
        self._files = files
        self._diagram = diagram
        self.actions: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        self._build_file_menu()
        self._build_edit_menu()
        self.network_menu = NetworkMenu(document, window)
        window.menuBar().addMenu(self.network_menu)
        self._build_view_menu()
        self._build_help_menu()
        self.toolbar = self._build_toolbar()
        self.retranslate()

    # texts ------------------------------------------------------------------------------
    def _menu_titles(self) -> dict[str, str]:
        return {
            "menuFile": self.tr("&File"),
            "menuExamples": self.tr("&New from example"),
            "menuRecent": self.tr("Open &Recent"),
            "menuEdit": self.tr("&Edit"),
            "menuView": self.tr("&View"),
            "menuHelp": self.tr("&Help"),
        }

    def _action_texts(self) -> dict[str, tuple[str, str]]:
        """Action name -> (menu text, tooltip)."""
        return {
            "actionNew": (self.tr("&New"), self.tr("New project: the seed network")),
            "actionOpen": (self.tr("&Open…"), self.tr("Open a project file")),
            "actionSave": (self.tr("&Save"), self.tr("Save the project")),
            "actionSaveAs": (self.tr("Save &As…"), self.tr("Save the project to a new file")),
            "actionExportPng": (
                self.tr("Export diagram as &PNG…"),
                self.tr("Save the diagram as a PNG image"),
            ),
            "actionExportSvg": (
                self.tr("Export diagram as S&VG…"),
                self.tr("Save the diagram as an SVG drawing"),
            ),
            "actionExportCode": (
                self.tr("Export as &code…"),
                self.tr("Write the walkthrough as runnable NumPy or PyTorch code, or a notebook"),
            ),
            "actionExportHandout": (
                self.tr("Export &handout…"),
                self.tr("Save the walkthrough as a PDF, web page, Markdown or LaTeX handout"),
            ),
            "actionExportSheets": (
                self.tr("Export e&xercise sheets…"),
                self.tr("Sheets for a class: each student's own numbers, blanks, one answer key"),
            ),
            "actionQuit": (self.tr("&Quit"), self.tr("Close BP Studio")),
            "actionReinitialise": (
                self.tr("Re-&initialise weights…"),
                self.tr("Draw fresh weights with a scheme and a seed"),
            ),
            "actionZoomIn": (self.tr("Zoom &in"), self.tr("Zoom into the diagram")),
            "actionZoomOut": (self.tr("Zoom &out"), self.tr("Zoom out of the diagram")),
            "actionFit": (self.tr("&Fit to window"), self.tr("Show the whole diagram")),
            "actionGettingStarted": (
                self.tr("&Getting started"),
                self.tr("A short tour: what the diagram shows, how to step and how to train"),
            ),
            "actionAbout": (self.tr("&About BP Studio"), self.tr("Version and licences")),
        }

    def example_title(self, name: str) -> str:
        titles = {
            "seed": self.tr("The seed network (3-2-2)"),
            "xor": self.tr("XOR"),
            "and_gate": self.tr("AND gate"),
            "sine": self.tr("Sine curve"),
            "spirals": self.tr("Two spirals"),
            "iris": self.tr("Iris flowers"),
            "circle": self.tr("Circle"),
        }
        return titles.get(name, name)

    def retranslate(self) -> None:
        for key, title in self._menu_titles().items():
            self._menus[key].setTitle(title)
        for name, (text, tip) in self._action_texts().items():
            self.actions[name].setText(text)
            describe(self.actions[name], tip)
        for action in self._menus["menuExamples"].actions():
            title = self.example_title(action.data())
            action.setText(title)
            describe(action, self.tr("Start a new project from the example “%s”") % title)
        self.toolbar.setWindowTitle(self.tr("Main"))
        self.undo_redo.refresh()
        self.language_menu.retranslate()
        self.notation_menu.retranslate()

    # construction -----------------------------------------------------------------------
    def _menu(self, key: str, parent: QMenu | None = None) -> QMenu:
        menu = (parent or self._window.menuBar()).addMenu("")
        menu.setObjectName(key)
        menu.setToolTipsVisible(True)
        self._menus[key] = menu
        return menu

    def _action(self, menu: QMenu, name: str, slot, shortcut=None, icon=None) -> QAction:
        action = make_action(self._window, "", "", slot, name=name, shortcut=shortcut, icon=icon)
        menu.addAction(action)
        self.actions[name] = action
        return action

    def _icon(self, theme: QIcon.ThemeIcon, fallback: QStyle.StandardPixmap) -> QIcon:
        return themed_icon(self._window, theme, fallback)

    def _build_file_menu(self) -> None:
        w, files = self._window, self._files
        menu = self._menu("menuFile")
        examples = self._menu("menuExamples", menu)
        for name in example_names():
            action = make_action(w, name, "", lambda _c=False, n=name: files.new_from_example(n))
            action.setData(name)
            examples.addAction(action)
        seed = example_names()[0]
        new_icon = self._icon(Theme.DocumentNew, Pixmap.SP_FileIcon)
        self._action(menu, "actionNew", lambda: files.new_from_example(seed), Key.New, new_icon)
        open_icon = self._icon(Theme.DocumentOpen, Pixmap.SP_DialogOpenButton)
        self._action(menu, "actionOpen", files.open, Key.Open, open_icon)
        recent = self._recent_menu = self._menu("menuRecent", menu)
        recent.aboutToShow.connect(self._on_recent_menu_about_to_show)
        menu.addSeparator()
        save_icon = self._icon(Theme.DocumentSave, Pixmap.SP_DialogSaveButton)
        self._action(menu, "actionSave", files.save, Key.Save, save_icon)
        save_as_icon = self._icon(Theme.DocumentSaveAs, Pixmap.SP_DialogSaveButton)
        self._action(menu, "actionSaveAs", files.save_as, Key.SaveAs, save_as_icon)
        menu.addSeparator()
        doc, diagram, status = self._document, self._diagram, self.statusMessage.emit
        self._action(menu, "actionExportPng", lambda: export_diagram(w, diagram, "png", status))
        self._action(menu, "actionExportSvg", lambda: export_diagram(w, diagram, "svg", status))
        code = lambda: export_code_dialog(w, doc, status)  # noqa: E731
        self._action(menu, "actionExportCode", code, "Ctrl+Shift+X")
        handout = lambda: _export_handout(w, doc, self._cursor, status)  # noqa: E731
        self._action(menu, "actionExportHandout", handout, "Ctrl+Shift+H")
        self._action(menu, "actionExportSheets", lambda: _export_sheets(w, doc, status))
        menu.addSeparator()
        quit_icon = self._icon(Theme.ApplicationExit, Pixmap.SP_DialogCloseButton)
        self._action(menu, "actionQuit", w.close, Key.Quit, quit_icon)

    def _on_recent_menu_about_to_show(self) -> None:
        menu = self._menus["menuRecent"]
        menu.clear()
        paths = recent_files.recent_files()
        for path in paths:
            open_it = lambda _c=False, p=path: self._files.open_path(p)  # noqa: E731
            menu.addAction(make_action(menu, path.name, str(path), open_it))
        if not paths:
            menu.addAction(self.tr("(none yet)")).setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction(
            make_action(
                menu, self.tr("Clear list"), self.tr("Forget the recent files"), recent_files.clear
            )
        )

    def _build_edit_menu(self) -> None:
        w = self._window
        menu = self._menu("menuEdit")
        self.undo_redo = UndoRedoActions(self._document.undo_stack, w)
        for action, name, key, theme, pixmap in (
            (self.undo_redo.undo, "actionUndo", Key.Undo, Theme.EditUndo, Pixmap.SP_ArrowBack),
            (self.undo_redo.redo, "actionRedo", Key.Redo, Theme.EditRedo, Pixmap.SP_ArrowForward),
        ):
            action.setObjectName(name)
            action.setShortcut(QKeySequence(key))
            action.setIcon(self._icon(theme, pixmap))
            menu.addAction(action)
            self.actions[name] = action
        menu.addSeparator()
        self._action(menu, "actionReinitialise", self._on_reinitialise, "Ctrl+Shift+I")

    def _on_reinitialise(self) -> None:
        doc = self._document
        scheme = network_dialogs.ask_init_scheme(self._window, doc.project.initialisation)
        if scheme is not None:
            doc.reinitialise(scheme)

    def _build_view_menu(self) -> None:
        w, diagram = self._window, self._diagram
        menu = self._menu("menuView")
        self._action(menu, "actionZoomIn", diagram.zoom_in, Key.ZoomIn)
        self._action(menu, "actionZoomOut", diagram.zoom_out, Key.ZoomOut)
        self._action(menu, "actionFit", diagram.fit, "Ctrl+0")
        menu.addSeparator()
        self.language_menu = LanguageMenu(menu, w)
        self.notation_menu = NotationMenu(menu, w)
        menu.addSeparator()  # the docks' show/hide actions follow (add_dock_toggle)
        self.view_menu = menu

    def add_dock_toggle(self, action: QAction) -> None:
        self.view_menu.addAction(action)

    def _build_help_menu(self) -> None:
        w = self._window
        self.help_menu = self._menu("menuHelp")
        self._action(self.help_menu, "actionGettingStarted", lambda: show_getting_started(w))
        self.help_menu.addSeparator()
        self._action(self.help_menu, "actionAbout", lambda: _show_about(w))

    def _build_toolbar(self) -> QToolBar:
        bar = self._window.addToolBar("")
        bar.setObjectName("mainToolBar")
        for name in ("actionNew", "actionOpen", "actionSave", None, "actionUndo", "actionRedo"):
            if name is None:
                bar.addSeparator()
            else:
                bar.addAction(self.actions[name])
        return bar


def _export_handout(window, document, cursor, show_status) -> None:
    # Imported when asked for: the PDF writer and the SVG renderer are not needed at start.
    from bpstudio.views.walkthrough.handout_export import export_handout

    export_handout(window, document, cursor, show_status)


def _export_sheets(window, document, show_status) -> None:
    from bpstudio.views.walkthrough.exercise_sheets_dialog import export_exercise_sheets

    export_exercise_sheets(window, document, show_status)


def _show_about(window) -> None:
    # Imported when asked for: the about box reads the installed package's version, which
    # takes a few tens of ms to look up (nothing on the way to the first frame needs it).
    from bpstudio.views.window.about import show_about

    show_about(window)
