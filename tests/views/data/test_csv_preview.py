"""The CSV import dialog's preview: a model and a delegate, editors only while editing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from bpstudio.views.data.csv_import_dialog import CsvImportDialog


def _dialog(qtbot, tmp_path, text: str) -> CsvImportDialog:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    dialog = CsvImportDialog()
    qtbot.addWidget(dialog)
    dialog.open_path(str(path))
    return dialog


def test_ten_thousand_columns_open_without_a_widget_per_column(qtbot, tmp_path):
    names = ",".join(f"c{i}" for i in range(10_000))
    rows = "\n".join(",".join(str((i + r) % 10) for i in range(10_000)) for r in range(3))
    dialog = _dialog(qtbot, tmp_path, names + "\n" + rows + "\n")
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.preview.model()
    assert (model.columnCount(), model.rowCount()) == (10_000, 4)
    assert dialog.preview.findChildren(QComboBox) == []  # no editor until one is opened
    assert dialog.roles()[-2:] == ["input", "target"]
    assert "3 samples, 9999 inputs, 1 target columns" in dialog.message.text()


def test_a_role_is_chosen_in_an_editor_made_on_demand(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path, "a,b,kind\n1,2,x\n3,4,y\n5,6,x\n")
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.preview.model()
    assert model.data(model.index(0, 1)).startswith("Input")
    assert model.data(model.index(1, 2)) == "x"
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsEditable
    dialog.preview.edit(model.index(0, 1))
    editors = dialog.preview.findChildren(QComboBox)
    assert len(editors) == 1 and editors[0].currentData() == "input"
    editors[0].setCurrentIndex(editors[0].findData("skip"))
    editors[0].activated.emit(editors[0].currentIndex())
    assert dialog.roles() == ["input", "skip", "target"]
    assert "3 samples, 1 inputs" in dialog.message.text()
    dialog.set_role(2, "input")  # no target left
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
