"""The resting edges are cached as a pixmap on screen: a training snapshot that moves only the
units' values does not stroke the lines again; a new pen does; exports still draw lines."""

from __future__ import annotations

from bpstudio.views.diagram import edge_bundle
from tests.views.diagram_support import count_paints, document_with_sizes, shifted, shown_view


def test_new_unit_values_repaint_without_stroking_the_lines(qtbot, monkeypatch):
    paints = count_paints(monkeypatch, edge_bundle.EdgeBundleItem)
    document = document_with_sizes([4, 6, 3])
    view = shown_view(qtbot, document)
    view.grab()
    assert paints  # drawn into the cache
    paints.clear()
    unit = next(iter(view.diagram_scene.items_.units.values()))
    shown = unit.value_text
    document.set_sample_index(1)  # new unit values, the same weights: the same pens
    assert unit.value_text != shown
    view.grab()
    assert paints == []
    document.set_live_network(shifted(document, 2.0))  # every weight moves: new pens
    view.grab()
    assert len(paints) == 1


def test_svg_export_draws_lines_not_the_cached_picture(qtbot, tmp_path):
    document = document_with_sizes([3, 4, 2])
    view = shown_view(qtbot, document)
    view.grab()  # the cache exists
    path = tmp_path / "diagram.svg"
    view.export_svg(path)
    svg = path.read_text(encoding="utf-8")
    assert "<image" not in svg and svg.count("<polyline") >= 3 * 4 + 4 * 2 - 5
    no_cache = edge_bundle.QGraphicsItem.CacheMode.NoCache
    assert view.diagram_scene.items_.bundle.cacheMode() != no_cache  # back on screen
