"""The data panel's loss and accuracy: evaluated at once for small networks, on a thread for big
ones while the panel says so, and never showing the numbers of a state that is gone."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from bpstudio.controller.document import Document
from bpstudio.model import network_size
from bpstudio.model.evaluation import evaluate
from bpstudio.model.examples import load_example
from bpstudio.model.network import Network
from bpstudio.views.data.data_panel import DataPanel


def _project(sizes):
    project = load_example("seed")
    rng = np.random.default_rng(0)
    pairs = list(itertools.pairwise(sizes))
    weights = [rng.normal(0, 0.1, pair) for pair in pairs]
    project.network = Network(list(sizes), ["sigmoid"] * len(pairs), weights, None)
    project.dataset = project.dataset.__class__(
        rng.uniform(-1, 1, (8, sizes[0])), rng.uniform(0, 1, (8, sizes[-1]))
    )
    return project


@pytest.fixture
def panel(qtbot):
    document = Document(_project((2, 3, 1)))
    widget = DataPanel(document)
    qtbot.addWidget(widget)
    return widget


def _expected(document):
    project = document.project
    return evaluate(document.shown_network(), project.dataset, project.loss, project.steps_taken)


def test_a_small_network_is_evaluated_at_once(panel):
    assert not panel.evaluation.evaluating
    assert repr(panel.evaluation.result) == repr(_expected(panel._document))
    assert "evaluating" not in panel.info.text()


def test_a_big_network_is_evaluated_on_a_thread_while_the_window_keeps_ticking(panel, qtbot):
    document = panel._document
    ticks = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    document.restore_autosave(_project((1, 500_000, 1)), None)
    assert panel.evaluation.evaluating
    assert "Loss: evaluating…" in panel.info.text()
    ticks.clear()
    qtbot.waitUntil(lambda: not panel.evaluation.evaluating, timeout=60_000)
    timer.stop()
    assert repr(panel.evaluation.result) == repr(_expected(document))
    assert "evaluating" not in panel.info.text()
    assert len(ticks) >= 3  # the event loop ran while the pass did


def test_an_edit_during_the_pass_drops_the_older_result(panel, qtbot, monkeypatch):
    monkeypatch.setattr(network_size, "EVALUATION_SYNC_COST", 0)
    document = panel._document
    results = []
    panel.evaluation.changed.connect(lambda: results.append(panel.evaluation.result))
    document.set_weight(2, 1, 1, 2.5)
    document.set_weight(2, 1, 2, -1.5)  # while the first edit's pass runs
    qtbot.waitUntil(lambda: not panel.evaluation.evaluating, timeout=10_000)
    shown = [r for r in results if r is not None]
    # the first edit's numbers are never shown
    assert [repr(r) for r in shown] == [repr(_expected(document))]
    assert "evaluating" not in panel.info.text()


def test_a_big_networks_hidden_space_is_computed_on_a_thread(qtbot, monkeypatch):
    from bpstudio.views.insight.hidden_space import HiddenSpacePlot

    document = Document(_project((2, 2, 1)))
    plot = HiddenSpacePlot(document)
    qtbot.addWidget(plot)
    assert plot.space is not None  # small: drawn at once
    monkeypatch.setattr(network_size, "EVALUATION_SYNC_COST", 0)
    document.set_weight(2, 1, 1, 2.5)
    plot.redraw_now()
    assert plot.space is None and plot._stack.currentWidget() is plot.busy_label
    assert "Computing" in plot.busy_label.text()
    qtbot.waitUntil(lambda: plot.space is not None, timeout=10_000)
    assert plot._stack.currentIndex() == 0
    prepared = document.project.dataset.prepare_inputs(document.project.dataset.inputs)
    np.testing.assert_allclose(plot.space.points, document.project.network.forward(prepared).a[1])


def test_millions_of_weights_are_summarised_on_a_thread(qtbot, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from bpstudio.views.weights.weight_tables import WeightTablesPanel

    monkeypatch.setattr(network_size, "SUMMARY_SYNC_WEIGHTS", 0)
    document = Document(_project((2, 600, 600, 1)))  # 360,000 weights: not listed
    panel = WeightTablesPanel(document)
    qtbot.addWidget(panel)
    summary = panel.findChild(QLabel, "weightSummary3")
    assert "Summarising them…" in summary.text() and "Smallest" not in summary.text()
    qtbot.waitUntil(lambda: "Smallest" in summary.text(), timeout=10_000)
    document.set_weight(3, 1, 1, 99.0)
    assert "Summarising them…" in summary.text()  # never the numbers from before the edit
    qtbot.waitUntil(lambda: "largest 99," in summary.text(), timeout=10_000)


def test_a_big_project_is_saved_on_a_thread_behind_a_progress_box(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from bpstudio.app import new_workspace
    from bpstudio.model.project import load_project
    from bpstudio.views.window.main_window import MainWindow

    monkeypatch.setattr(network_size, "SAVE_SYNC_WEIGHTS", 0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window = MainWindow(new_workspace())
    qtbot.addWidget(window)
    window.show()
    project = _project((1, 200_000, 1))
    window.document.restore_autosave(project, None)
    seen = []

    def look():  # while the save runs: the event loop turns and the progress box shows
        box = window.findChild(QProgressDialog, "saveProgress")
        if window.files.saving is not None and box is not None and box.isVisible():
            seen.append(window.document.is_modified())

    ticks = QTimer()
    ticks.setInterval(5)
    ticks.timeout.connect(look)
    ticks.start()
    path = tmp_path / "big.json"
    assert window.files._save_to(path)
    ticks.stop()
    assert seen and all(seen)  # the window ticked; the document was not marked saved early
    assert window.document.file_path == path and not window.document.is_modified()
    assert load_project(path).equals(window.document.project)
    window.document.undo_stack.setClean()
    window.close()


def test_a_big_projects_save_failure_is_reported(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from bpstudio.app import new_workspace
    from bpstudio.views.window.main_window import MainWindow

    monkeypatch.setattr(network_size, "SAVE_SYNC_WEIGHTS", 0)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    window = MainWindow(new_workspace())
    qtbot.addWidget(window)
    window.document.restore_autosave(_project((2, 3, 1)), None)
    assert not window.files._save_to(tmp_path / "no such folder" / "x.json")
    assert shown and "x.json" in shown[0]
    assert window.document.file_path is None and window.document.is_modified()
    window.document.undo_stack.setClean()
    window.close()
