"""Experiment…: runs off the GUI thread with progress and Cancel, then curves and a table,
and "Keep as runs" as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from bpstudio.model.experiment import Plan, run_experiment
from tests.views.window_support import close_inside_the_test, shown_window

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot, monkeypatch):
    win = shown_window(qtbot, monkeypatch, Button.Discard)
    win.files.new_from_example("xor")
    return win


def choose(dialog, setting, values, epochs):
    dialog.setting.setCurrentIndex(dialog.setting.findData(setting))
    dialog.values.setText(values)
    dialog.epochs.setValue(epochs)


def test_the_dialog_trains_each_value_and_shows_curves_and_numbers(window, qtbot):
    dialog = window.runs.show_experiment()
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.values.text() == "sigmoid, tanh, relu"  # the activation comparison
    choose(dialog, "activation", "sigmoid, tanh, relu", 300)
    with qtbot.waitSignal(dialog.job.finished, timeout=60_000):
        dialog.run_button.click()
        assert dialog.cancel_button.isEnabled() and not dialog.run_button.isEnabled()
    expected = run_experiment(
        window.document.project, Plan("activation", ("sigmoid", "tanh", "relu"), 300)
    )
    table = dialog.results
    assert table.rowCount() == 3
    for row, run in enumerate(expected):
        assert table.index(row, 0).data() == run.name.replace("activation", "hidden activation")
        assert table.index(row, 1).data() == f"{run.final_loss:.4g}"
        converged = run.converged_epoch()
        assert table.index(row, 3).data() == (str(converged) if converged else "not yet")
    names = [label.text for _sample, label in dialog.legend.items]
    assert names == [
        "hidden activation = sigmoid",
        "hidden activation = tanh",
        "hidden activation = relu",
    ]
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.status.text() == "Done: 3 runs"
    doc = window.document
    count = doc.undo_stack.count()
    dialog.keep_button.click()
    assert doc.undo_stack.count() == count + 1 and len(doc.project.runs) == 3
    assert not dialog.keep_button.isEnabled()
    assert window.runs.panel.model.rowCount() == 3
    dialog.close()
    close_inside_the_test(window)


def test_cancel_stops_and_the_window_stays_responsive(window, qtbot):
    dialog = window.runs.show_experiment()
    choose(dialog, "learning_rate", "0.1, 0.5", 5_000_000)
    with qtbot.waitSignal(dialog.job.progressed, timeout=60_000):
        dialog.run_button.click()
    # The GUI thread is free meanwhile: an edit goes through at once.
    window.document.set_loss("mse")
    assert window.document.project.loss == "mse"
    with qtbot.waitSignal(dialog.job.finished, timeout=60_000):
        dialog.cancel_button.click()
    assert dialog.status.text() == "Cancelled: 0 runs finished"
    assert dialog.run_button.isEnabled() and not dialog.keep_button.isEnabled()
    dialog.close()
    close_inside_the_test(window)


def test_a_bad_value_is_named_and_nothing_runs(window, qtbot):
    dialog = window.runs.show_experiment()
    choose(dialog, "activation", "sigmoid, tanhh", 10)
    dialog.run_button.click()
    assert not dialog.job.running
    assert dialog.status.text() == "activation: unknown value 'tanhh' (did you mean tanh?)"
    dialog.close()
    close_inside_the_test(window)


def test_every_control_has_a_tooltip(window):
    dialog = window.runs.show_experiment()
    for widget in (
        dialog.setting,
        dialog.values,
        dialog.epochs,
        dialog.share,
        dialog.run_button,
        dialog.cancel_button,
        dialog.keep_button,
    ):
        assert widget.toolTip(), widget.objectName()
    dialog.close()
    close_inside_the_test(window)
