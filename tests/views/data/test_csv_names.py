"""After importing a CSV with a header and a text label column, the window shows the file's
column and class names: the data table, the decision boundary's legend and axes, the
walkthrough's intro."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.views.window_support import close_inside_the_test, shown_window

CSV = "sepal;petal;species\n1;2;setosa\n3;4;versicolor\n5;6;virginica\n6;1;setosa\n"


def test_imported_names_reach_the_table_the_boundary_and_the_walkthrough(
    qtbot, monkeypatch, tmp_path
):
    window = shown_window(qtbot, monkeypatch, QMessageBox.StandardButton.Yes)  # resize: yes
    path = tmp_path / "flowers.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = window.data.import_csv(str(path))
    dialog.accept()
    model = window.data.data_panel.model
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, model.columnCount())
    ]
    assert headers == ["sepal\nx₁", "petal\nx₂", "setosa\nŶ₁", "versicolor\nŶ₂", "virginica\nŶ₃"]
    boundary = window.data.boundary
    window.docks["decisionBoundary"].raise_()
    boundary.redraw_now()
    caption = boundary.caption.text()
    assert "setosa" in caption and "versicolor" in caption and "virginica" in caption
    item = boundary.plot.getPlotItem()
    assert item.getAxis("bottom").labelText == "sepal" and item.getAxis("left").labelText == "petal"
    hint = window.learning.derivation_panel.start_hint
    qtbot.waitUntil(lambda: "x₁ = sepal" in hint.text())
    assert "Ŷ₁ = setosa" in hint.text()
    window.document.undo_stack.undo()  # the seed's data again: no names left anywhere
    assert model.headerData(1, Qt.Orientation.Horizontal) == "x₁"
    qtbot.waitUntil(lambda: "sepal" not in hint.text())
    close_inside_the_test(window)
