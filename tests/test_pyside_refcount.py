"""PySide6-Essentials 6.12.0 on Python 3.11 loses references to None and True on calls from Qt
into Python: one to True per signal emitted to a Python slot, two to None per Python `paint`
override. When a count reaches zero the interpreter aborts. pyproject.toml caps PySide6 below
6.12 on Python 3.11; these tests catch a build with the defect.
"""

import ctypes
import gc
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None and True are immortal from Python 3.12 on"
)

SIGNAL_EMITS = 100_000
PAINT_CALLS = 10_000
# Ordinary allocation moves these counts by a few dozen; the defect, by one or two per call.
TOLERATED_FALL = 1_000
# True has only a few hundred references in a fresh interpreter: a defective build would
# deallocate it (a fatal error, and no report) within the first thousand emits. References held
# while measuring let the count fall far enough to be measured and reported instead.
BALLAST = 1_000_000


class _Sender(QObject):
    toggled = Signal(bool)


class _CountingReceiver:
    # Counts rather than stores what it receives: a list of 100,000 Trues would add 100,000
    # references to True and hide a fall of the same size.
    def __init__(self) -> None:
        self.calls = 0
        self.not_true = 0

    def _on_toggled(self, checked: bool) -> None:
        self.calls += 1
        if checked is not True:
            self.not_true += 1


class _CountingItem(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.paint_calls = 0

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, 8, 8)

    def paint(self, painter, option, widget=None) -> None:
        self.paint_calls += 1
        painter.drawRect(self.boundingRect())


def _refcounts() -> tuple[int, int]:
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True)


def _assert_refcounts_hold(run: Callable[[], None], calls: int) -> None:
    ballast = [None, True] * BALLAST
    before = _refcounts()
    run()
    after = _refcounts()
    falls = {
        name: was - now for name, was, now in zip(("None", "True"), before, after, strict=True)
    }
    worst = max(falls.values())
    if worst >= TOLERATED_FALL:
        # Freeing the ballast now would take the broken count to zero and abort the interpreter
        # before pytest reports; leak it instead.
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(ballast))
    assert worst < TOLERATED_FALL, (
        f"over {calls} calls from Qt into Python the refcounts fell by {falls}: "
        "this PySide6 build corrupts the reference counts of None and True"
    )


def test_signal_emits_to_python_slot_keep_none_and_true_refcounts():
    sender = _Sender()
    receiver = _CountingReceiver()
    sender.toggled.connect(receiver._on_toggled)

    def emit_many() -> None:
        for _ in range(SIGNAL_EMITS):
            sender.toggled.emit(True)

    _assert_refcounts_hold(emit_many, SIGNAL_EMITS)
    assert receiver.calls == SIGNAL_EMITS
    assert receiver.not_true == 0


def test_python_paint_override_keeps_none_and_true_refcounts(qapp):
    scene = QGraphicsScene(0, 0, 8, 8)
    item = _CountingItem()
    scene.addItem(item)
    image = QImage(8, 8, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)

    def paint_many() -> None:
        for _ in range(PAINT_CALLS):
            scene.render(painter)

    try:
        _assert_refcounts_hold(paint_many, PAINT_CALLS)
    finally:
        painter.end()
    assert item.paint_calls == PAINT_CALLS
