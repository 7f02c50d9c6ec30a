"""A big diagram is built in slices between event-loop turns, and a newer build cancels an
older one (issue 21: the window never stalls while a view is built)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGraphicsTextItem

from bpstudio.views.diagram import NetworkDiagramView, stepped_build
from bpstudio.views.diagram.edge_bundle import EdgeBundleItem
from bpstudio.views.diagram.edge_item import EdgeItem
from bpstudio.views.diagram.unit_item import UnitItem
from tests.views.diagram_support import document_with_sizes

BIG = [20, 60, 60, 10]  # 5,400 edges: above the limit built at once


def _note(scene):
    return [
        item
        for item in scene.items()
        if isinstance(item, QGraphicsTextItem) and item.objectName() == "diagramBuildingNote"
    ]


def _view(qtbot, document) -> NetworkDiagramView:
    view = NetworkDiagramView(document)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    return view


def test_a_small_network_is_built_at_once(qtbot):
    view = _view(qtbot, document_with_sizes([4, 6, 3]))
    assert not view.diagram_scene.is_building
    assert len(view.diagram_scene.items_.edges) == 4 * 6 + 6 * 3


def test_the_event_loop_turns_while_a_big_network_is_built(qtbot):
    ticks = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    view = _view(qtbot, document_with_sizes(BIG))
    scene = view.diagram_scene
    assert scene.is_building
    assert len(_note(scene)) == 1  # "Drawing the network…" while the items come
    ticks.clear()
    with qtbot.waitSignal(scene.rebuilt, timeout=20_000):
        pass
    timer.stop()
    assert len(ticks) >= 2  # the build let the timer run between its slices
    assert not scene.is_building and not _note(scene)
    assert len(scene.items_.edges) == 20 * 60 + 60 * 60 + 60 * 10
    assert scene.items_.bundle is not None and scene.items_.hit_index is not None


def test_a_newer_build_cancels_an_older_one_and_leaves_no_stale_item(qtbot, monkeypatch):
    # One step per slice until the edit: a fast machine could otherwise finish the whole first
    # build between two polls of waitUntil, and there would be nothing left to cancel.
    monkeypatch.setattr(stepped_build, "SLICE_SECONDS", 0.0)
    document = document_with_sizes(BIG)
    view = _view(qtbot, document)
    scene = view.diagram_scene
    assert scene.is_building
    done = []
    scene.rebuilt.connect(lambda: done.append(len(scene.items_.units)))
    qtbot.waitUntil(lambda: len(scene.items_.units) > 0)  # the first build is under way
    assert scene.is_building
    document.remove_unit(3, 60)  # a structural edit mid-build: a newer build
    assert scene.is_building
    monkeypatch.undo()
    qtbot.waitUntil(lambda: not scene.is_building, timeout=20_000)
    assert done == [20 + 60 + 59 + 10]  # only the newer build finished
    units = [i for i in scene.items() if isinstance(i, UnitItem)]
    edges = [i for i in scene.items() if isinstance(i, EdgeItem)]
    bundles = [i for i in scene.items() if isinstance(i, EdgeBundleItem)]
    assert len(units) == len(scene.items_.units) == 149
    assert len(edges) == len(scene.items_.edges) == 20 * 60 + 60 * 59 + 59 * 10
    assert len(bundles) == 1 and not _note(scene)


def test_an_export_during_a_build_finishes_it_first(qtbot, tmp_path):
    view = _view(qtbot, document_with_sizes(BIG))
    assert view.diagram_scene.is_building
    view.export_svg(tmp_path / "big.svg")
    assert not view.diagram_scene.is_building
    assert len(view.diagram_scene.items_.edges) == 20 * 60 + 60 * 60 + 60 * 10
    assert (tmp_path / "big.svg").stat().st_size > 0


def test_the_note_is_chinese_in_chinese(qtbot):
    from PySide6.QtCore import QCoreApplication

    from bpstudio.views.widgets import language

    assert language.switcher().apply(language.CHINESE)
    QCoreApplication.processEvents()
    try:
        view = _view(qtbot, document_with_sizes(BIG))
        assert [n.toPlainText() for n in _note(view.diagram_scene)] == ["正在绘制网络…"]
        qtbot.waitUntil(lambda: not view.diagram_scene.is_building, timeout=20_000)
    finally:
        assert language.switcher().apply(language.ENGLISH)
        QCoreApplication.processEvents()
