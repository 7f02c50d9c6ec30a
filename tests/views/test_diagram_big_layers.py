"""Big layers in the diagram: a column of a thousand units paints without an error."""

from __future__ import annotations

from diagram_support import document_with_sizes, shown_view

from bpstudio.views.diagram.unit_item import _pixmap_zoom


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
