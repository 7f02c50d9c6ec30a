"""The main window's menus and toolbar: File, Edit, Network, View, Help."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QStyle

from bpstudio.model.examples import example_names
from bpstudio.views import learning_menus, network_dialogs, recent_files
from bpstudio.views.about import show_about
from bpstudio.views.actions import describe, make_action, themed_icon
from bpstudio.views.network_menu import NetworkMenu

if TYPE_CHECKING:
    from bpstudio.views.main_window import MainWindow

Key = QKeySequence.StandardKey
Theme = QIcon.ThemeIcon
Pixmap = QStyle.StandardPixmap


class WindowMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.actions: dict[str, QAction] = {}
        self._build_file_menu()
        self._build_edit_menu()
        self.network_menu = NetworkMenu(window.document, window)
        window.menuBar().addMenu(self.network_menu)
        self._build_view_menu()
        self._build_help_menu()
        self._build_toolbar()

    def _add(self, menu: QMenu, action: QAction) -> QAction:
        menu.addAction(action)
        if action.objectName():
            self.actions[action.objectName()] = action
        return action

    # File -------------------------------------------------------------------------------
    def _build_file_menu(self) -> None:
        w, files = self._window, self._window.files
        menu = w.menuBar().addMenu(w.tr("&File"))
        menu.setToolTipsVisible(True)
        self._examples_menu = menu.addMenu(w.tr("&New from example"))
        self._examples_menu.setToolTipsVisible(True)
        for name in example_names():
            self._examples_menu.addAction(
                make_action(
                    w,
                    name,
                    w.tr("Start a new project from the example “%s”") % name,
                    lambda _c=False, n=name: files.new_from_example(n),
                )
            )
        icon = themed_icon(w, Theme.DocumentNew, Pixmap.SP_FileIcon)
        self._add(
            menu,
            make_action(
                w,
                w.tr("&New"),
                w.tr("New project: the seed network"),
                lambda: files.new_from_example(example_names()[0]),
                name="actionNew",
                shortcut=Key.New,
                icon=icon,
            ),
        )
        icon = themed_icon(w, Theme.DocumentOpen, Pixmap.SP_DialogOpenButton)
        self._add(
            menu,
            make_action(
                w,
                w.tr("&Open…"),
                w.tr("Open a project file"),
                files.open,
                name="actionOpen",
                shortcut=Key.Open,
                icon=icon,
            ),
        )
        self._recent_menu = menu.addMenu(w.tr("Open &Recent"))
        self._recent_menu.setObjectName("menuRecent")
        self._recent_menu.setToolTipsVisible(True)
        self._recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        menu.addSeparator()
        icon = themed_icon(w, Theme.DocumentSave, Pixmap.SP_DialogSaveButton)
        self._add(
            menu,
            make_action(
                w,
                w.tr("&Save"),
                w.tr("Save the project"),
                files.save,
                name="actionSave",
                shortcut=Key.Save,
                icon=icon,
            ),
        )
        icon = themed_icon(w, Theme.DocumentSaveAs, Pixmap.SP_DialogSaveButton)
        self._add(
            menu,
            make_action(
                w,
                w.tr("Save &As…"),
                w.tr("Save the project to a new file"),
                files.save_as,
                name="actionSaveAs",
                shortcut=Key.SaveAs,
                icon=icon,
            ),
        )
        menu.addSeparator()
        self._add(
            menu,
            make_action(
                w,
                w.tr("Export diagram as &PNG…"),
                w.tr("Save the diagram as a PNG image"),
                self._on_export_png,
                name="actionExportPng",
            ),
        )
        self._add(
            menu,
            make_action(
                w,
                w.tr("Export diagram as S&VG…"),
                w.tr("Save the diagram as an SVG drawing"),
                self._on_export_svg,
                name="actionExportSvg",
            ),
        )
        menu.addSeparator()
        self._add(
            menu,
            make_action(
                w,
                w.tr("&Quit"),
                w.tr("Close BP Studio"),
                w.close,
                name="actionQuit",
                shortcut=Key.Quit,
                icon=themed_icon(w, Theme.ApplicationExit, Pixmap.SP_DialogCloseButton),
            ),
        )

    def _on_recent_menu_about_to_show(self) -> None:
        w = self._window
        self._recent_menu.clear()
        paths = recent_files.recent_files()
        for path in paths:
            self._recent_menu.addAction(
                make_action(
                    self._recent_menu,
                    path.name,
                    str(path),
                    lambda _c=False, p=path: w.files.open_path(p),
                )
            )
        if not paths:
            self._recent_menu.addAction(w.tr("(none yet)")).setEnabled(False)
            return
        self._recent_menu.addSeparator()
        self._recent_menu.addAction(
            make_action(
                self._recent_menu,
                w.tr("Clear list"),
                w.tr("Forget the recent files"),
                recent_files.clear,
            )
        )

    def _on_export_png(self) -> None:
        self._export("PNG images (*.png)", ".png", self._window.diagram.export_png)

    def _on_export_svg(self) -> None:
        self._export("SVG drawings (*.svg)", ".svg", self._window.diagram.export_svg)

    def _export(self, file_filter: str, suffix: str, export) -> None:
        w = self._window
        path, _f = QFileDialog.getSaveFileName(w, w.tr("Export diagram"), "", file_filter)
        if not path:
            return
        path = Path(path) if Path(path).suffix else Path(path + suffix)
        try:
            export(path)
        except OSError as exc:
            w.show_status(w.tr("Could not export: %s") % (exc.strerror or exc))
            return
        w.show_status(w.tr("Exported the diagram to %s") % path)

    # Edit -------------------------------------------------------------------------------
    def _build_edit_menu(self) -> None:
        w = self._window
        stack = w.document.undo_stack
        menu = w.menuBar().addMenu(w.tr("&Edit"))
        menu.setToolTipsVisible(True)
        undo = stack.createUndoAction(w, w.tr("&Undo"))
        redo = stack.createRedoAction(w, w.tr("&Redo"))
        for action, name, key, theme, pixmap in (
            (undo, "actionUndo", Key.Undo, Theme.EditUndo, Pixmap.SP_ArrowBack),
            (redo, "actionRedo", Key.Redo, Theme.EditRedo, Pixmap.SP_ArrowForward),
        ):
            action.setObjectName(name)
            action.setShortcut(QKeySequence(key))
            action.setIcon(themed_icon(w, theme, pixmap))
            self._add(menu, action)
        # The stack rewrites the actions' text ("Undo Set w11^2 to 4"); the tooltips follow it.
        stack.indexChanged.connect(self._on_undo_index_changed)
        stack.cleanChanged.connect(self._on_undo_index_changed)
        self._on_undo_index_changed()
        menu.addSeparator()
        self._add(
            menu,
            make_action(
                w,
                w.tr("Re-&initialise weights…"),
                w.tr("Draw fresh weights with a scheme and a seed"),
                self._on_reinitialise,
                name="actionReinitialise",
                shortcut="Ctrl+Shift+I",
            ),
        )

    def _on_undo_index_changed(self, *_args) -> None:
        for name in ("actionUndo", "actionRedo"):
            action = self.actions[name]
            if shiboken6.isValid(action):  # the stack's last signals come during teardown
                describe(action, action.text().replace("&", ""))

    def _on_reinitialise(self) -> None:
        doc = self._window.document
        scheme = network_dialogs.ask_init_scheme(self._window, doc.project.initialisation)
        if scheme is not None:
            doc.reinitialise(scheme)

    # View and Help ----------------------------------------------------------------------
    def _build_view_menu(self) -> None:
        w = self._window
        menu = w.menuBar().addMenu(w.tr("&View"))
        menu.setToolTipsVisible(True)
        for text, tip, slot, name, key in (
            (
                w.tr("Zoom &in"),
                w.tr("Zoom into the diagram"),
                w.diagram.zoom_in,
                "actionZoomIn",
                Key.ZoomIn,
            ),
            (
                w.tr("Zoom &out"),
                w.tr("Zoom out of the diagram"),
                w.diagram.zoom_out,
                "actionZoomOut",
                Key.ZoomOut,
            ),
            (
                w.tr("&Fit to window"),
                w.tr("Show the whole diagram"),
                w.diagram.fit,
                "actionFit",
                "Ctrl+0",
            ),
        ):
            self._add(menu, make_action(w, text, tip, slot, name=name, shortcut=key))
        menu.addSeparator()
        self._view_menu = menu
        for dock in w.docks.values():
            self.add_dock_toggle(dock.toggleViewAction())

    def add_learning_menus(self, learning) -> None:
        """The Training and Walkthrough menus (before Help) and Help > Keyboard shortcuts."""
        learning_menus.add_menus(self._window, learning, self._help_menu)

    def add_dock_toggle(self, action: QAction) -> None:
        self._view_menu.addAction(action)

    def _build_help_menu(self) -> None:
        w = self._window
        menu = w.menuBar().addMenu(w.tr("&Help"))
        menu.setToolTipsVisible(True)
        self._help_menu = menu
        self._add(
            menu,
            make_action(
                w,
                w.tr("&About BP Studio"),
                w.tr("Version and licences"),
                lambda: show_about(w),
                name="actionAbout",
            ),
        )

    def _build_toolbar(self) -> None:
        w = self._window
        bar = w.addToolBar(w.tr("Main"))
        bar.setObjectName("mainToolBar")
        for name in ("actionNew", "actionOpen", "actionSave", None, "actionUndo", "actionRedo"):
            if name is None:
                bar.addSeparator()
            else:
                bar.addAction(self.actions[name])


def build_menus(window: MainWindow) -> WindowMenus:
    return WindowMenus(window)
