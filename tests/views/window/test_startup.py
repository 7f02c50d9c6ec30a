"""The window's start in two parts (issue 9): the first frame goes on screen before the docks
hidden behind a tab are filled and before the first formula is typeset; what the user sees
once the start has finished is what an all-at-once start gives, and a saved layout restores
onto the docks filled late."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMessageBox

from bpstudio.app import new_workspace
from bpstudio.views.data.decision_boundary import DecisionBoundaryWidget
from bpstudio.views.training.held_out_curve import AccuracyReadout, HeldOutLossCurve
from bpstudio.views.weights.weight_tables import WeightTablesPanel
from bpstudio.views.window.main_window import MainWindow
from tests.views.window_support import close_inside_the_test

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
DOCK_CONTENTS = {
    "weightTables": WeightTablesPanel,
    "derivationPanel": "derivationPanelWidget",
    "trainingPanel": "trainingPanelWidget",
    "lossPlot": "lossPlotWidget",
    "datasetTable": "dataPanelWidget",
    "decisionBoundary": "decisionBoundaryWidget",
    "pathPanel": "pathPanelWidget",
    "hiddenSpacePlot": "hiddenSpacePlotWidget",
    "runsPanel": "runsPanelWidget",
}


class _FirstFrameRecord(QObject):
    """What the window held when Qt was about to paint its first frame (its first Expose)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window
        self.at_first_frame: dict | None = None

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Expose and self.at_first_frame is None:
            w = self._window
            self.at_first_frame = {
                "startup_finished": w.startup_finished,
                "formula": w.learning.derivation_panel.card.symbolic.latex(),
                "geometry": _visible_geometry(w),
            }
        return False


def on_screen(widget) -> bool:
    """Shown and not behind another tab (Qt moves a tabbed dock out of sight, still visible)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def _visible_geometry(window: MainWindow) -> dict:
    shown = {n: d.geometry().getRect() for n, d in window.docks.items() if on_screen(d)}
    return shown | {"diagram": window.diagram.geometry().getRect(), "size": window.size()}


def _window(qtbot, monkeypatch) -> MainWindow:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window = MainWindow(new_workspace())
    qtbot.addWidget(window)
    return window


def _show_and_finish(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.firstFrameShown, timeout=10_000):
        window.show()
    assert window.startup_finished


def assert_every_dock_filled(window: MainWindow) -> None:
    assert set(window.docks) == set(DOCK_CONTENTS)
    for name, content in DOCK_CONTENTS.items():
        dock = window.findChild(QDockWidget, name)
        assert dock is window.docks[name]
        widget = dock.widget()
        assert widget is not None, name
        if isinstance(content, str):
            assert widget.objectName() == content
        else:
            assert isinstance(widget, content)
        assert dock.windowTitle()


def test_the_first_frame_comes_first_then_everything_is_built(qtbot, monkeypatch):
    window = _window(qtbot, monkeypatch)
    record = _FirstFrameRecord(window)
    window.winId()  # the platform window exists before show, so its first Expose is seen
    window.windowHandle().installEventFilter(record)
    _show_and_finish(qtbot, window)
    first = record.at_first_frame
    assert first is not None
    assert not first["startup_finished"] and first["formula"] == ""  # both waited for the frame
    assert_every_dock_filled(window)
    cursor, card = window.workspace.cursor, window.learning.derivation_panel.card
    assert card.symbolic.latex() == cursor.current.symbolic  # the first formula, typeset
    assert card.symbolic.pixmap() is not None and not card.symbolic.pixmap().isNull()
    # Nothing the user sees moves when the late contents arrive: the first frame's layout is
    # the finished one (a hidden dock's content may not widen the docks' column).
    qtbot.wait(50)  # a posted relayout, if the late contents caused one
    assert _visible_geometry(window) == first["geometry"]
    close_inside_the_test(window)


def test_late_contents_are_wired_like_the_rest(qtbot, monkeypatch):
    window = _window(qtbot, monkeypatch)
    _show_and_finish(qtbot, window)
    data = window.data
    assert isinstance(data.boundary, DecisionBoundaryWidget)
    assert isinstance(data.test_curve, HeldOutLossCurve)
    assert isinstance(data.accuracy, AccuracyReadout)
    assert window.learning.training_panel.isAncestorOf(data.accuracy)
    shown = []
    window.statusBar().messageChanged.connect(shown.append)
    window.weight_tables.statusMessage.emit("from the tables")
    assert "from the tables" in shown
    tables_before = len(window.weight_tables.tables)
    window.document.insert_layer(2, 3, "tanh")  # the late tables follow the document
    assert len(window.weight_tables.tables) == tables_before + 1
    close_inside_the_test(window)


def test_a_window_never_shown_builds_everything_when_asked(qtbot, monkeypatch):
    window = _window(qtbot, monkeypatch)
    assert not window.startup_finished
    finished = []
    window.startupFinished.connect(lambda: finished.append(True))
    assert isinstance(window.data.boundary, DecisionBoundaryWidget)  # asking builds it
    assert window.startup_finished and finished == [True]
    assert_every_dock_filled(window)
    window.finish_startup()  # once only
    assert finished == [True]
    late = []
    window.build_after_first_frame(lambda: late.append(True))  # after the start: at once
    assert late == [True]
    window.workspace.shutdown()


def test_a_saved_layout_restores_onto_the_late_docks(qtbot, monkeypatch):
    first = _window(qtbot, monkeypatch)
    _show_and_finish(qtbot, first)
    first.docks["decisionBoundary"].raise_()  # a late dock in front
    first.addDockWidget(LEFT, first.docks["weightTables"])  # another one moved
    first.docks["trainingPanel"].hide()
    qtbot.waitUntil(lambda: on_screen(first.data.boundary))
    first.save_layout()
    close_inside_the_test(first)

    again = _window(qtbot, monkeypatch)
    again.restore_layout()  # as run_gui does: before show, while late docks are still empty
    _show_and_finish(qtbot, again)
    docks = again.docks
    qtbot.waitUntil(lambda: on_screen(again.data.boundary))  # in front, with its content
    assert not on_screen(again.learning.derivation_panel)  # behind it, as it was left
    assert again.dockWidgetArea(docks["weightTables"]) == LEFT
    assert on_screen(again.weight_tables)
    assert not docks["trainingPanel"].isVisibleTo(again)
    assert_every_dock_filled(again)
    close_inside_the_test(again)
