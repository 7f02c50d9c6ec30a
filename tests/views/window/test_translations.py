"""Simplified Chinese throughout: every text of the window and its dialogs, switched live."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QTextBrowser

from bpstudio.app import new_workspace
from bpstudio.i18n.translation_files import ts_file
from bpstudio.model.derivation import derive_project
from bpstudio.model.examples import load_example
from bpstudio.views.weights import network_dialogs
from bpstudio.views.widgets import language
from bpstudio.views.window.about import about_html
from bpstudio.views.window.learning_menus import show_shortcuts
from bpstudio.views.window.main_window import MainWindow
from tests.views.translation_support import english_left, english_words, texts_under


@pytest.fixture
def chinese(qapp):
    switcher = language.switcher()
    assert switcher.apply(language.CHINESE), "the zh_CN catalogue did not load"
    QCoreApplication.processEvents()  # LanguageChange reaches the widgets as a posted event
    yield switcher
    switcher.apply(language.ENGLISH)
    QCoreApplication.processEvents()


@pytest.fixture
def window(qtbot):
    win = MainWindow(new_workspace())
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.document.undo_stack.setClean()
    win.close()
    win.deleteLater()


def test_the_finder_catches_english():
    assert english_words("Save the project") == ["Save", "the", "project"]
    assert english_words("保存项目 (Ctrl+S) · w₁₁² = 0.25 · PNG <b>x</b>") == []


def test_every_catalogue_entry_loads_in_its_context(chinese):
    """lupdate's context (the class it saw) and the runtime's must agree, or nothing loads."""
    root = ET.parse(ts_file(language.CHINESE)).getroot()
    wrong = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source, wanted = message.findtext("source"), message.findtext("translation")
            assert wanted, f"untranslated: {name}: {source!r}"
            if QCoreApplication.translate(name, source) != wanted:
                wrong.append(f"{name}: {source!r}")
    assert wrong == []


def _open_menus(window) -> None:
    """Show and hide every menu once: some fill themselves when they are about to show."""
    for menu in window.menuBar().findChildren(QMenu) + window.findChildren(QMenu):
        if shiboken6.isValid(menu):  # a menu filled earlier in this loop may replace its own
            menu.aboutToShow.emit()
            menu.aboutToHide.emit()


def _diagram_texts(window) -> list[tuple[str, str]]:
    found = []
    for item in window.diagram.diagram_scene.items():
        found.append((f"{type(item).__name__} tooltip", item.toolTip()))
        for attr in ("title", "subtitle"):
            found.append((f"{type(item).__name__} {attr}", str(getattr(item, attr, ""))))
    found.append(("legend", window.diagram.diagram_scene.items_.legend.text()))
    return found


def _plot_texts(window) -> list[tuple[str, str]]:
    loss = window.learning.loss_plot
    found = []
    for plot in (loss.loss_plot, loss.gradient_plot):
        for side in ("left", "bottom"):
            found.append((f"axis {side}", plot.plotItem.getAxis(side).labelText))
    return found


def _everything_english_in(window, qtbot, skip=()) -> list[str]:
    _open_menus(window)
    qtbot.wait(20)  # an event loop: widgets replaced by deleteLater() go

    skip = (*skip, "menuRecent")  # Open Recent lists file names: the user's words, not ours
    texts = texts_under(window, skip) + _diagram_texts(window) + _plot_texts(window)
    name_words = set(english_words(window.document.display_name()))
    return english_left(texts, name_words)


def test_switching_live_translates_the_whole_window_and_keeps_the_work(window, tmp_path, qtbot):
    doc = window.document
    doc.add_unit(2)
    doc.save(tmp_path / "work.json")
    doc.add_unit(2)
    window.workspace.cursor.go_to(5)
    before = (doc.undo_stack.count(), doc.undo_stack.index(), doc.file_path, doc.is_modified())
    switcher = language.switcher()
    try:
        window.findChild(QMenu, "menuLanguage").actions()[2].trigger()  # 简体中文
        QCoreApplication.processEvents()
        assert switcher.language == language.CHINESE
        after = (doc.undo_stack.count(), doc.undo_stack.index(), doc.file_path, doc.is_modified())
        assert after == before
        assert window.workspace.cursor.index == 5
        assert window.learning.derivation_panel.card.section.text() == "(1) 输入层 → 隐含层"
        doc.set_use_bias(True)  # an edit made in Chinese is named in Chinese
        left = _everything_english_in(window, qtbot)
        assert left == [], "\n".join(left)
    finally:
        switcher.apply(language.ENGLISH, remember=True)
        QCoreApplication.processEvents()
    assert window.menus.actions["actionSave"].text() == "&Save"
    assert window.learning.derivation_panel.card.section.text().startswith("(1) Input layer")


def test_a_window_made_in_chinese_has_no_english_left(chinese, qtbot):
    window = MainWindow(new_workspace())
    window.show()
    qtbot.waitExposed(window)
    try:
        left = _everything_english_in(window, qtbot)
        assert left == [], "\n".join(left)
    finally:
        window.close()
        window.deleteLater()


def test_the_choice_is_remembered(chinese):
    chinese.apply(language.CHINESE, remember=True)
    assert language.saved_choice() == language.CHINESE
    chinese.apply(language.SYSTEM, remember=True)
    assert language.saved_choice() == language.SYSTEM


def _texts_of_modal(open_it) -> list[tuple[str, str]]:
    """Open a modal dialog with ``open_it``, read all its texts, then close it."""
    found: list[tuple[str, str]] = []
    timer = QTimer(interval=10)

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        timer.stop()
        found.extend(texts_under(dialog))
        dialog.reject()

    timer.timeout.connect(read_and_close)
    timer.start()
    open_it()
    timer.stop()
    assert found, "no dialog opened"
    return found


def test_every_dialog_is_in_chinese(window, chinese, monkeypatch):
    net = window.document.project.network
    w, doc = window, window.document
    openers = {
        "layer": lambda: network_dialogs.ask_layer(w, net, "添加单元", range(1, 4)),
        "unit": lambda: network_dialogs.ask_unit(w, net, "删除单元"),
        "new layer": lambda: network_dialogs.ask_new_layer(w, net),
        "re-initialise": lambda: network_dialogs.ask_init_scheme(w, doc.project.initialisation),
        "about": lambda: QMessageBox.about(w, "关于", about_html()),
        "data column": window.menus.network_menu._confirm_data_loss,
    }
    doc.add_unit(2)  # unsaved changes: the prompt
    openers["unsaved changes"] = window.files.maybe_keep_changes
    left = []
    project_name = set(english_words(doc.display_name()))  # the user's words, not ours
    for name, open_it in openers.items():
        texts = _texts_of_modal(open_it)
        left += [f"{name}: {text}" for text in english_left(texts, project_name)]
    shortcuts = show_shortcuts(window)
    table = shortcuts.findChild(QTextBrowser).toPlainText()
    left += english_left([*texts_under(shortcuts), ("shortcuts table", table)])
    shortcuts.close()
    assert left == []


def test_the_seed_derivation_speaks_the_seeds_chinese():
    derivation = derive_project(load_example("seed"), 0, lang="zh")
    titles = [s.title for s in derivation.sections]
    assert titles[:3] == ["(1) 输入层 → 隐含层", "(2) 隐含层 → 输出层", "(3) 输出"]
    assert titles[3] == "一、求 E 对 Y₁, Y₂ 或 a₁³, a₂³ 的偏导"
    assert titles[4].startswith("二、求 E 对 z₁³, z₂³ 的偏导")
    assert [p.title for p in derivation.phases][:2] == [
        "正向传播",
        "反向传播（从后向前，所以是反向）",
    ]
    headings = {s.heading for s in derivation.steps}
    assert {"隐含层内部转化", "输出层内部转化"} <= headings
    prose = " ".join(s.explanation for s in derivation.steps) + derivation.intro
    for words in ("标准答案（即 label，标签）", "由上可知", "即可求得"):
        assert words in prose, words
    assert "求解得" not in prose and "同理可得" not in prose  # said once, above the formula
    assert any(s.same_way for s in derivation.steps)


def test_the_models_known_messages_are_shown_in_chinese(chinese):
    from bpstudio.views.widgets.language import model_message

    diverged = (
        "training diverged at step 12: the loss is not finite; the weights are kept as they "
        "were before this step (try a smaller learning rate)"
    )
    assert model_message(diverged).startswith("训练在第 12 步发散: 损失")
    assert model_message("there is no row 7: the data has 4") == "没有第 7 行: 数据共有 4 行"
    assert english_left([("edit", model_message("layer 3 has only one unit; every layer "
                                                "needs at least one"))]) == []  # fmt: skip
    assert model_message("something new") == "something new"  # unknown: as the model wrote it
