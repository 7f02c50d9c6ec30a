"""The data docks in the main window: table, import, decision boundary, test loss, accuracy."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from bpstudio.model.project import dumps
from bpstudio.views.widgets import language
from tests.views.translation_support import english_left, texts_under
from tests.views.window_support import close_inside_the_test, shown_window

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot, monkeypatch):
    return shown_window(qtbot, monkeypatch, Button.Yes)


def test_docks_and_the_data_menu_exist(window):
    assert "datasetTable" in window.docks and "decisionBoundary" in window.docks
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles.index("Data") == titles.index("Help") - 1
    close_inside_the_test(window)


def test_the_table_model_is_sound_and_edits_are_undoable(window, qtmodeltester):
    model = window.data.data_panel.model
    qtmodeltester.check(model)
    doc = window.document
    assert model.rowCount() == 1 and model.columnCount() == 1 + 3 + 2  # the seed: 3 in, 2 out
    assert model.data(model.index(0, 1)) == "1"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.setData(model.index(0, 2), "0,75")  # a decimal comma is fine
    assert doc.project.dataset.inputs[0, 1] == 0.75 and doc.undo_stack.count() == 1
    assert not model.setData(model.index(0, 2), "abc")
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.project.dataset.inputs[0, 1] == 0.5
    close_inside_the_test(window)


def test_regenerate_offers_to_resize_and_undo_restores_exactly(window):
    doc, controls = window.document, window.data.data_panel.controls
    before = dumps(doc.project)
    controls.builtin_box.setCurrentIndex(controls.builtin_box.findData("circle"))
    controls.regenerate_button.click()
    assert doc.project.network.layer_sizes == [2, 2, 1]
    assert doc.project.dataset.n_samples == 200 and doc.undo_stack.count() == 1
    assert window.data.data_panel.model.rowCount() == 200
    controls.test_share_box.setValue(25)
    assert len(doc.project.dataset.test_indices()) == 50
    assert window.data.data_panel.model.data(window.data.data_panel.model.index(0, 0)) in (
        "train",
        "test",
    )
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert dumps(doc.project) == before
    close_inside_the_test(window)


def test_the_boundary_says_why_it_is_empty_for_three_inputs(window):
    boundary = window.data.boundary
    assert "2 inputs" in boundary.empty_label.text() and "3" in boundary.empty_label.text()
    window.document.new_from_example("xor")
    boundary.redraw_now()
    assert boundary._stack.currentIndex() == 0
    assert boundary.image.image.shape == (120, 120)
    assert len(boundary.strip.images) == 2
    close_inside_the_test(window)


def test_csv_import_resizes_and_a_bad_file_changes_nothing(window, tmp_path, qtbot):
    doc = window.document
    good = tmp_path / "good.csv"
    good.write_text("a;b;label\n1;2;cat\n3;4;dog\n5;6;emu\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,c\n1,2,3\n4,oops,6\n", encoding="utf-8")
    before = dumps(doc.project)
    dialog = window.data.import_csv(str(bad))
    assert "row 3, column 2 (b): 'oops' is not a number" in dialog.message.text()
    assert not dialog._ok_button().isEnabled()
    dialog.reject()
    assert dumps(doc.project) == before and doc.undo_stack.count() == 0
    dialog = window.data.import_csv(str(good))
    assert dialog.roles() == ["input", "input", "target"]
    dialog.accept()
    assert doc.project.network.layer_sizes == [2, 2, 3]
    assert doc.project.dataset.targets.tolist() == np.eye(3).tolist()
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Import good.csv"
    doc.undo_stack.undo()
    assert dumps(doc.project) == before
    close_inside_the_test(window)


def test_the_heatmap_moves_during_training_and_accuracy_is_shown(window, qtbot):
    doc, data = window.document, window.data
    doc.new_from_example("spirals")
    session = window.workspace.session
    qtbot.waitUntil(lambda: not session._sync_soon.pending)  # the session has the new file
    boundary = data.boundary
    window.docks["decisionBoundary"].raise_()  # a hidden map is not recomputed
    boundary.redraw_now()
    first_image = boundary.image.image.copy()
    controller = window.workspace.controller
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda on: on):
        window.learning.training_panel.play_action.trigger()
    started, count_at_start = time.monotonic(), boundary.redraw_count
    qtbot.waitUntil(lambda: boundary.redraw_count >= count_at_start + 3, timeout=10000)
    qtbot.waitUntil(lambda: data.test_curve.point_count() >= 2, timeout=10000)
    assert not np.array_equal(boundary.image.image, first_image)  # it follows the training
    elapsed = time.monotonic() - started
    assert boundary.redraw_count - count_at_start <= 10 * elapsed + 2  # at most ~10 a second
    with qtbot.waitSignal(controller.stopped, timeout=5000):
        window.learning.training_panel.play_action.trigger()
    qtbot.waitUntil(lambda: "Accuracy: train" in data.accuracy.text(), timeout=5000)
    assert "test" in data.accuracy.text() and data.accuracy.isVisible()
    assert "accuracy: train" in data.data_panel.info.text()
    close_inside_the_test(window)


def test_the_parts_a_widget_walk_cannot_see_switch_language_live(window, tmp_path, qtbot):
    """Table headers and cells, the legend, the hidden-unit labels and an open import dialog:
    texts that are not widget texts, so the window-wide translation test does not read them."""
    doc, data = window.document, window.data
    doc.new_from_example("xor")
    data.boundary.redraw_now()
    model = data.data_panel.model
    csv = tmp_path / "two.csv"
    csv.write_text("a,b,y\n1,2,0\n3,4,1\n", encoding="utf-8")
    dialog = data.import_csv(str(csv))
    headers = []
    model.headerDataChanged.connect(lambda *args: headers.append(args))
    switcher = language.switcher()
    try:
        assert switcher.apply(language.CHINESE)
        QCoreApplication.processEvents()
        horizontal = Qt.Orientation.Horizontal
        texts = [
            ("header", model.headerData(0, horizontal)),
            ("header tip", model.headerData(1, horizontal, Qt.ItemDataRole.ToolTipRole)),
            ("cell", model.data(model.index(0, 0))),
            *(("legend", label.text) for _sample, label in data.test_curve._legend.items),
            *(("strip", label.text) for label in data.boundary.strip._labels),
            *texts_under(dialog),
        ]
        preview = dialog.preview.model()
        texts += [("role", preview.headerData(0, Qt.Orientation.Vertical))]
        texts += [("role name", preview.data(preview.index(0, 0)))]
        assert headers, "the table was not told that its headers changed"
        assert len(data.test_curve._legend.items) == 2 and len(data.boundary.strip._labels) == 1
        assert english_left(texts, {"two"}) == []
    finally:
        switcher.apply(language.ENGLISH)
        QCoreApplication.processEvents()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "set"
    assert dialog.windowTitle() == "Import CSV" and dialog.roles() == ["input", "input", "target"]
    assert "2 samples" in dialog.message.text()
    dialog.reject()
    close_inside_the_test(window)
