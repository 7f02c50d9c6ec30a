"""Issue 15 in Chinese: the new page, hints and dialogs, the training status and the undo
history's names (also those made before a live switch) hold no English."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from bpstudio.model.data.dataset import Dataset
from bpstudio.views.widgets import language
from bpstudio.views.window.getting_started import show_getting_started
from tests.views.translation_support import english_left, texts_under
from tests.views.window_support import close_inside_the_test, shown_window


def switch(to: str) -> None:
    assert language.switcher().apply(to)
    QCoreApplication.processEvents()  # LanguageChange is a posted event


def test_after_a_live_switch_the_status_and_every_undo_name_are_chinese(qtbot, monkeypatch):
    window = shown_window(qtbot, monkeypatch)
    document = window.document
    try:
        document.set_weight(2, 1, 1, 0.3)  # named in English
        document.set_standardise(True)
        document.add_data_row(None)
        switch(language.CHINESE)
        names = [document.undo_stack.text(i) for i in range(document.undo_stack.count())]
        assert names == ["把 w₁₁² 设为 0.3", "标准化输入", "添加一行数据"]
        controller = window.workspace.controller
        panel = window.learning.training_panel
        with qtbot.waitSignal(controller.runningChanged, timeout=5000):
            panel.play_action.trigger()
        qtbot.waitUntil(lambda: (controller.latest_snapshot.step_count or 0) >= 2, timeout=10000)
        with qtbot.waitSignal(controller.stopped, timeout=5000):
            panel.play_action.trigger()
        qtbot.waitUntil(lambda: document.undo_stack.count() == 4)
        assert panel.status_label.text() == "已暂停"
        assert document.undo_stack.undoText().startswith("训练")
        document.undo_stack.undo()
        assert window.menus.actions["actionRedo"].text().startswith("重做")
        assert english_left([("undo", document.undo_stack.text(i)) for i in range(4)]) == []
        close_inside_the_test(window)
    finally:
        switch(language.ENGLISH)


def test_the_new_page_hints_and_export_dialog_are_chinese(qtbot, monkeypatch):
    switch(language.CHINESE)
    try:
        window = shown_window(qtbot, monkeypatch)
        found = []
        page = show_getting_started(window)
        found += [*texts_under(page), ("page text", page.browser.toPlainText())]
        page.close()
        panel = window.learning.derivation_panel
        qtbot.waitUntil(lambda: panel.start_hint.text() != "")
        found.append(("start hint", panel.start_hint.text()))
        window.document.new_from_example("xor")
        window.document.replace_dataset(
            Dataset(np.array([[0.0, 0.0], [1.0, 100.0]]), np.array([[0.0], [1.0]]))
        )
        found.append(("standardise hint", window.data.data_panel.standardise_hint.text()))
        found.append(("legend", window.diagram.diagram_scene.items_.legend.text()))
        found.append(("flat out", window.learning.training_panel.flat_out_button.text()))
        asked = {}

        def ask(_parent, title, _suggestion, filters):
            asked.update(title=title, filters=filters)
            return "", ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
        window.findChild(QAction, "actionExportHandout").trigger()
        found += [("export title", asked["title"]), ("export filters", asked["filters"])]
        menu = window.diagram.diagram_scene.menus.unit_menu(
            next(iter(window.diagram.diagram_scene.items_.units)), window
        )
        found += [("unit menu", a.text()) for a in menu.actions()]
        assert all("_" not in a.text() and "^" not in a.text() for a in menu.actions())
        assert english_left(found) == []
        close_inside_the_test(window)
    finally:
        switch(language.ENGLISH)
