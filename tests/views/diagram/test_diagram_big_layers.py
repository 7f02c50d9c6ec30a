"""Big layers in the diagram: a column of a thousand units paints without an error."""

from __future__ import annotations

from bpstudio.views.diagram.unit_item import _pixmap_zoom
from tests.views.diagram_support import document_with_sizes, shown_view


def test_a_thousand_unit_layer_paints_when_the_whole_network_fits_the_window(qtbot):
    # Fitted to the window, a column of 1,000 units is drawn at a scale under 1/128; the
    # unit's cached disc used to be made at that scale rounded to 1/64, which is 0, and every
    # unit's paint raised ZeroDivisionError (pytest-qt fails the test on such an error).
    view = shown_view(qtbot, document_with_sizes([1000, 3, 1]))
    assert view.transform().m11() < 1 / 128
    image = view.grab().toImage()
    assert not image.isNull()


def test_the_cached_pixmaps_zoom_is_never_zero_and_close_to_the_scale():
    for scale in (1e-4, 1 / 200, 1 / 129, 1 / 64, 0.3, 1.0, 4.0):
        zoom = _pixmap_zoom(scale)
        assert zoom > 0 and 0.8 < zoom / scale < 1.25


def test_a_network_of_millions_of_edges_is_summarised_not_drawn(qtbot):
    view = shown_view(qtbot, document_with_sizes([2, 1400, 1400, 1], use_bias=True))
    scene = view.diagram_scene
    assert scene.is_summary
    assert scene.items_.units == {} and scene.items_.edges == {}
    assert sorted(scene.items_.headers) == [1, 2, 3, 4]  # the layers keep their menus
    note = scene.items_.summary.toPlainText()
    assert "1,967,001 weights" in note and "2 → 1,400 → 1,400 → 1" in note
    view.grab()
    view.document.set_selection(frozenset())  # the document's signals reach a summary safely
    view.document.set_highlight(frozenset())


def test_the_diagram_draws_again_when_the_network_shrinks_below_the_limit(qtbot):
    document = document_with_sizes([2, 120, 120, 1])  # 14,760 edges: over the limit
    view = shown_view(qtbot, document)
    assert view.diagram_scene.is_summary
    document.remove_layer(2)  # 2-120-1: 360 edges
    assert not view.diagram_scene.is_summary
    assert len(view.diagram_scene.items_.edges) == 360


def test_import_of_a_thousand_columns_with_resize_draws_the_diagram(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from bpstudio.app import new_workspace
    from bpstudio.views.window.main_window import MainWindow

    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: yes)
    path = tmp_path / "wide.csv"
    rows = [",".join(f"{(r * 7 + c) % 10 / 10}" for c in range(1000)) for r in range(4)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    window = MainWindow(new_workspace())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = window.data.import_csv(str(path))
    dialog.accept()  # the last column is the target, "Resize the network?" Yes
    assert window.document.project.network.layer_sizes[0] == 999
    scene = window.diagram.diagram_scene
    qtbot.waitUntil(lambda: not scene.is_building)  # 2,000 edges: built in slices
    assert not scene.is_summary and len(scene.items_.units) > 999
    window.diagram.grab()  # every unit paints (a ZeroDivisionError here used to fail this)
    window.document.undo_stack.setClean()
    window.close()
