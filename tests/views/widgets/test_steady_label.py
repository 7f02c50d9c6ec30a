"""The live readout's line: a new text repaints the line, and lays nothing out again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bpstudio.views.widgets.steady_label import SteadyLabel


class LayoutRequests(QObject):
    def __init__(self, watched: QWidget) -> None:
        super().__init__()
        self.count = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def shown_in_a_layout(qtbot, line: QWidget) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    layout = QVBoxLayout(parent)
    layout.addWidget(QLabel("above"))
    layout.addWidget(line)
    parent.resize(300, 100)
    parent.show()
    qtbot.waitExposed(parent)
    return parent


@pytest.mark.parametrize("kind", [SteadyLabel, QLabel])
def test_new_texts_lay_out_the_parent_only_for_a_qlabel(qtbot, kind):
    line = kind()
    parent = shown_in_a_layout(qtbot, line)
    QCoreApplication.sendPostedEvents()  # the layout requests of showing it
    requests = LayoutRequests(parent)
    for step in range(1, 2000, 97):
        line.setText(f"Step {step * 1000:,} · loss {1 / step:.6g}")
        QCoreApplication.sendPostedEvents()  # deliver the layout requests, if any
    assert (requests.count == 0) == (kind is SteadyLabel)
    assert line.text().startswith("Step 1,941,000")


def test_the_line_keeps_one_font_line_of_height_and_paints(qtbot):
    line = SteadyLabel()
    parent = shown_in_a_layout(qtbot, line)
    line.setText("Step 1 · epoch 0 · loss 0.25")
    assert line.height() == line.fontMetrics().height()
    assert line.minimumSizeHint().width() == 0  # a narrow dock elides, never grows
    assert not parent.grab().isNull()
