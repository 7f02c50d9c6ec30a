"""The walkthrough of a big network: built off the event loop, or not at all when it is huge;
long sums are cut on screen and the outline lists the first steps of a long section."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem

from bpstudio.controller.walkthrough import BUILDING, READY, TOO_BIG, WalkthroughCursor
from bpstudio.model.derivation import derive_project
from bpstudio.views.walkthrough.derivation_panel import OUTLINE_SECTION_STEPS, DerivationPanel
from tests.views.diagram_support import document_with_sizes


def _walk(qtbot, sizes, calls=None):
    document = document_with_sizes(sizes, use_bias=True)

    def build(project, sample, digits, lang):
        if calls is not None:
            calls.append(project.network.layer_sizes)
        return derive_project(project, sample, digits=digits, lang=lang)

    cursor = WalkthroughCursor(document, build)
    panel = DerivationPanel(cursor, document)
    qtbot.addWidget(panel)
    panel.show()
    return document, cursor, panel


def test_a_huge_network_is_not_walked_through_and_the_panel_says_why(qtbot):
    calls: list = []
    document, cursor, panel = _walk(qtbot, [2, 1400, 1400, 1], calls)
    assert cursor.status == TOO_BIG and cursor.derivation is None and calls == []
    assert panel.unavailable.isVisibleTo(panel)
    assert "1,967,001 weights" in panel.unavailable.text()
    assert "bpstudio derive" in panel.unavailable.text()
    cursor.next()  # nothing to step through: no update is applied
    assert document.undo_stack.count() == 0


def test_a_big_network_is_built_on_a_thread_then_shown(qtbot):
    _document, cursor, panel = _walk(qtbot, [60, 40, 10])  # 2,850 weights and biases
    assert cursor.status == BUILDING and cursor.derivation is None
    assert "Preparing the walkthrough" in panel.unavailable.text()
    qtbot.waitUntil(lambda: cursor.status == READY, timeout=20_000)
    assert not panel.unavailable.isVisibleTo(panel) and len(cursor.steps) > 5000
    # the outline: at most OUTLINE_SECTION_STEPS items a section, then a "more" line
    weights = next(
        panel.outline.topLevelItem(i)
        for i in range(panel.outline.topLevelItemCount())
        if panel.outline.topLevelItem(i).childCount() == OUTLINE_SECTION_STEPS + 1
    )
    more: QTreeWidgetItem = weights.child(OUTLINE_SECTION_STEPS)
    assert "more formulas" in more.text(0)
    # the first z sums 60 products: shown cut, the full formula stays in the derivation
    cursor.go_to(0)
    shown = panel.card.symbolic.latex()
    assert r"\cdots" in shown and r"\cdots" not in cursor.current.symbolic
    assert shown.count(" + ") < 10


def test_a_result_of_an_older_request_is_dropped(qtbot):
    document, cursor, _panel = _walk(qtbot, [60, 40, 10])
    qtbot.waitUntil(lambda: cursor.status == READY, timeout=20_000)
    shown = cursor.derivation
    stale_request = cursor._request
    document.set_weight(2, 1, 1, 5.0)
    cursor.steps  # noqa: B018 - reading the steps starts the rebuild due after an edit
    assert cursor.status == BUILDING
    cursor._on_build_done(stale_request, (shown, False))  # arrives late: ignored
    assert cursor.derivation is None
    qtbot.waitUntil(lambda: cursor.status == READY, timeout=20_000)
    assert r"\cdot 5 + " in cursor.steps[0].substituted  # z_1 = x_1 · w_11 + ..., w_11 = 5
