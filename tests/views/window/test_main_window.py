"""The main window driven as a user drives it: menus, files, prompts, undo, shared views."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QLineEdit, QMessageBox

from bpstudio.app import new_workspace
from bpstudio.model.examples import load_example
from bpstudio.model.project import load_project
from bpstudio.model.refs import EdgeRef
from bpstudio.views.weights import network_dialogs
from bpstudio.views.window import recent_files
from bpstudio.views.window.main_window import MainWindow

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot, monkeypatch):
    # A modal box left unanswered would hang the run: unless a test says otherwise, every
    # question is answered "Discard" and every warning/critical box is swallowed.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Button.Discard)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: Button.Ok)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: Button.Ok)
    win = MainWindow(new_workspace())
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()


@pytest.fixture
def answer(monkeypatch):
    """Answer every QMessageBox.question with the given button, and count the questions."""
    asked = []

    def set_answer(button):
        def question(*args, **kwargs):
            asked.append(args[2] if len(args) > 2 else "")
            return button

        monkeypatch.setattr(QMessageBox, "question", question)
        return asked

    return set_answer


@pytest.fixture
def save_dialog(monkeypatch, tmp_path):
    target = tmp_path / "saved.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    return target


def test_stable_object_names(window):
    for name in (
        "actionNew",
        "actionOpen",
        "actionSave",
        "actionSaveAs",
        "actionUndo",
        "actionRedo",
    ):
        action = window.menus.actions[name]
        assert action.objectName() == name
        assert action.toolTip()
    assert window.findChild(QDockWidget, "weightTables") is not None
    assert window.centralWidget().objectName() == "networkDiagram"


def test_tooltips_name_shortcuts(window):
    assert "Ctrl+S" in window.menus.actions["actionSave"].toolTip()
    assert "Ctrl+Z" in window.menus.actions["actionUndo"].toolTip()


def test_title_shows_name_and_modified_marker(window):
    assert window.windowTitle().startswith("The seed network")
    assert "[*]" in window.windowTitle()
    assert not window.isWindowModified()
    window.document.set_weight(2, 1, 1, 0.3)
    assert window.isWindowModified()
    window.menus.actions["actionUndo"].trigger()
    assert not window.isWindowModified()


def test_undo_action_text_follows_the_stack(window):
    undo = window.menus.actions["actionUndo"]
    assert not undo.isEnabled()
    window.document.add_unit(2)
    assert undo.isEnabled()
    assert "Add a unit to layer 2" in undo.text()
    assert "Add a unit to layer 2" in undo.toolTip()


def test_table_edit_then_undo_and_redo_through_actions(window, qtbot):
    table = window.weight_tables.tables[0]
    index = table.model().index(0, 0)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "-0.5")
    with qtbot.waitSignal(window.document.changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.project.network.weight(2)[0, 0] == -0.5
    window.menus.actions["actionUndo"].trigger()
    assert table.model().data(index) == "0.1000"
    window.menus.actions["actionRedo"].trigger()
    assert table.model().data(index) == "-0.5000"


def test_diagram_edit_shows_in_the_table(window, qtbot):
    scene = window.diagram.diagram_scene
    editor = scene.begin_edit(EdgeRef(3, 1, 2))
    field = editor.findChild(QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, "2.5")
    with qtbot.waitSignal(window.document.changed):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    model = window.weight_tables.tables[1].model()
    assert model.data(model.index(0, 1)) == "2.5000"
    window.document.undo_stack.undo()
    assert model.data(model.index(0, 1)) == "0.9000"


def test_selecting_a_cell_selects_the_diagram_edge(window):
    table = window.weight_tables.tables[1]
    table.setCurrentIndex(table.model().index(1, 0))
    assert window.document.selection == {EdgeRef(3, 2, 1)}
    selected = [item.ref for item in window.diagram.diagram_scene.selectedItems()]
    assert selected == [EdgeRef(3, 2, 1)]


def test_save_then_reopen_gives_the_same_project(window, save_dialog, answer):
    window.document.insert_layer(2, 3, "tanh")
    assert window.files.save()  # never saved: asks for a name
    assert save_dialog.exists()
    assert not window.isWindowModified()
    assert "saved.json" in window.windowTitle()
    assert load_project(save_dialog).equals(window.document.project)
    saved = window.document.project
    window.files.new_from_example("xor")
    assert window.files.open_path(save_dialog)
    assert window.document.project.equals(saved)
    assert recent_files.recent_files()[0] == save_dialog.resolve()


def test_malformed_file_shows_the_loader_message_and_keeps_work(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(text))
    window.document.set_weight(2, 2, 2, 4.0)
    kept = window.document.project
    bad = tmp_path / "truncated.json"
    bad.write_text(Path(load_example.__globals__["example_path"]("seed")).read_text()[:200])
    assert not window.files.open_path(bad, ask=False)
    assert len(shown) == 1
    assert "truncated.json" in shown[0] and "not valid JSON" in shown[0]
    assert window.document.project is kept
    assert window.isWindowModified()


def test_close_with_unsaved_changes_cancel_keeps_window(window, answer):
    window.document.add_unit(1)
    asked = answer(Button.Cancel)
    assert not window.close()
    assert asked and window.isVisible()


def test_close_with_unsaved_changes_discard_closes(window, answer):
    window.document.add_unit(1)
    answer(Button.Discard)
    assert window.close()


def test_close_with_unsaved_changes_save_writes_the_file(window, answer, save_dialog):
    window.document.remove_unit(2, 1)
    answer(Button.Save)
    assert window.close()
    assert load_project(save_dialog).network.layer_sizes == [3, 1, 2]


def test_new_asks_first_and_cancel_keeps_work(window, answer):
    window.document.add_unit(2)
    kept = window.document.project
    asked = answer(Button.Cancel)
    window.menus.actions["actionNew"].trigger()
    assert asked
    assert window.document.project is kept


def test_no_prompt_without_changes(window, answer):
    asked = answer(Button.Cancel)
    window.files.new_from_example("xor")
    assert not asked
    assert window.document.project.equals(load_example("xor"))


def test_network_menu_adds_a_unit_through_a_dialog(window, monkeypatch):
    monkeypatch.setattr(network_dialogs, "ask_layer", lambda *a: 2)
    window.menus.network_menu.edit_actions["actionAddUnit"].trigger()
    assert window.document.project.network.layer_sizes == [3, 3, 2]
    assert len(window.weight_tables.tables[0].model().index(0, 2).data()) > 0


def test_removing_an_input_with_data_asks_and_no_keeps_it(window, monkeypatch, answer):
    monkeypatch.setattr(network_dialogs, "ask_unit", lambda *a: (1, 1))
    asked = answer(Button.No)
    window.menus.network_menu.edit_actions["actionRemoveUnit"].trigger()
    assert asked
    assert window.document.undo_stack.count() == 0
    answer(Button.Yes)
    window.menus.network_menu.edit_actions["actionRemoveUnit"].trigger()
    assert window.document.project.dataset.n_inputs == 2


def test_refused_edit_explains_itself(window, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(network_dialogs, "ask_new_layer", lambda *a: (2, 0, "tanh"))
    window.menus.network_menu.edit_actions["actionInsertLayer"].trigger()
    assert warned == ["a layer needs at least one unit"]


def test_add_dock_joins_the_view_menu(window):
    dock = window.add_dock(QLabel("notes"), "notesDock", "Notes")
    assert window.findChild(QDockWidget, "notesDock") is dock
    assert dock.toggleViewAction() in window.menus.view_menu.actions()


def test_layout_is_remembered(qtbot, window):
    # A size the window can take (no smaller than its docks allow) inside the offscreen
    # screen (800 x 600), so nothing is clamped.
    size = window.minimumSizeHint().expandedTo(QSize(700, 500))
    assert size.width() <= 800 and size.height() <= 600
    window.resize(size)
    window.docks["weightTables"].hide()
    window.save_layout()
    again = MainWindow(new_workspace())
    qtbot.addWidget(again)
    again.restore_layout()
    assert again.size() == size
    assert not again.docks["weightTables"].isVisibleTo(again)


@pytest.mark.parametrize(
    ("action", "suffix"), [("actionExportPng", ".png"), ("actionExportSvg", ".svg")]
)
def test_export_diagram(window, monkeypatch, tmp_path, action, suffix):
    target = tmp_path / "diagram"  # no suffix typed: the right one is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menus.actions[action].trigger()
    written = target.with_suffix(suffix)
    assert written.exists() and written.stat().st_size > 0


def test_open_recent_lists_saved_files(window, save_dialog):
    window.files.save_as()
    recent_menu = window.menus._recent_menu
    recent_menu.aboutToShow.emit()
    names = [a.text() for a in recent_menu.actions()]
    assert names[0] == "saved.json"
    window.document.add_unit(2)
    window.document.undo_stack.setClean()
    recent_menu.actions()[0].trigger()
    assert window.document.project.network.layer_sizes == [3, 2, 2]


def test_a_layout_saved_by_an_older_version_is_ignored(qtbot, window):
    from PySide6.QtCore import QSettings

    from bpstudio.views.window.main_window import LAYOUT_VERSION

    window.docks["derivationPanel"].hide()
    QSettings().setValue("mainWindow/state", window.saveState(LAYOUT_VERSION - 1))
    again = MainWindow(new_workspace())
    qtbot.addWidget(again)
    again.restore_layout()
    assert again.docks["derivationPanel"].isVisibleTo(again)
    again.workspace.shutdown()


def test_an_edit_the_diagram_refuses_is_explained_in_the_status_bar(window):
    window.diagram.diagram_scene.menus.set_parameter(EdgeRef(9, 1, 1), 1.0)
    assert "there is no layer" in window.statusBar().currentMessage()


def test_no_two_window_actions_share_a_shortcut(window):
    """A key that two actions claim does neither (Qt reports it as ambiguous)."""
    from PySide6.QtGui import QAction, QKeySequence

    owners: dict[str, str] = {}
    window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    for action in window.findChildren(QAction):
        if action.shortcutContext() not in window_wide:
            continue
        for sequence in action.shortcuts():
            keys = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            name = action.objectName() or action.text()
            assert keys not in owners, f"{keys} is both {owners[keys]} and {name}"
            owners[keys] = name
