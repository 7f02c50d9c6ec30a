from PySide6.QtCore import QObject

from bpstudio.controller.coalescer import Coalescer


def test_many_requests_make_one_call(qtbot):
    calls = []
    owner = QObject()
    coalescer = Coalescer(lambda: calls.append(1), 20, owner)
    for _ in range(50):
        coalescer.request()
    assert coalescer.pending
    qtbot.waitUntil(lambda: calls == [1])
    assert not coalescer.pending
    coalescer.request()
    qtbot.waitUntil(lambda: calls == [1, 1])


def test_cancel_drops_the_call_and_restart_moves_it(qtbot):
    calls = []
    owner = QObject()
    coalescer = Coalescer(lambda: calls.append(1), 10_000, owner)
    coalescer.request()
    coalescer.cancel()
    assert not coalescer.pending
    coalescer.restart(0)  # the same call, now
    qtbot.waitUntil(lambda: calls == [1])
