import gc

from PySide6.QtCore import QObject

from bpstudio.controller.gui_gc import GuiThreadCollector, collect_due


def test_the_collector_switches_automatic_collection_off_and_collects_on_its_timer(qtbot):
    was_enabled = gc.isenabled()
    owner = QObject()
    try:
        GuiThreadCollector(owner, interval_ms=10)
        assert not gc.isenabled()

        class Cycle:
            pass

        for _ in range(gc.get_threshold()[0] + 100):  # past the first generation's threshold
            a, b = Cycle(), Cycle()
            a.other, b.other = b, a
        qtbot.waitUntil(lambda: gc.get_count()[0] < gc.get_threshold()[0])
    finally:
        if was_enabled:
            gc.enable()


def test_collect_due_does_nothing_below_the_thresholds():
    gc.collect()
    before = gc.get_stats()[0]["collections"]
    collect_due()
    assert gc.get_stats()[0]["collections"] == before


def test_freezing_the_start_up_leaves_later_collections_nothing_old_to_walk():
    """After `freeze_start_up`, the objects alive at the start are in the permanent generation:
    a full collection no longer walks them (their count is what gc.get_freeze_count says)."""
    assert gc.get_freeze_count() == 0
    try:
        GuiThreadCollector.freeze_start_up()
        assert gc.get_freeze_count() > 1000  # the modules' objects, at least
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0
