"""The walkthrough dock's level of detail (issue 14): the seed's expanded lines as a remembered
toggle, the seed's 同理可得 said above a repeating formula, and the "Ps" on the sigmoid's slope
with the steps that use it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from bpstudio.controller.document import Document
from bpstudio.controller.walkthrough import WalkthroughCursor
from bpstudio.controller.workspace import walkthrough_derivation
from bpstudio.views.walkthrough.derivation_panel import DerivationPanel, _outline_text
from bpstudio.views.walkthrough.walkthrough_bar import EXPANDED_KEY, expanded_setting


def _panel(qtbot, lang="zh"):
    document = Document()  # the seed network
    cursor = WalkthroughCursor(
        document, walkthrough_derivation, lang=lang, options={"expanded": expanded_setting()}
    )
    panel = DerivationPanel(cursor, document)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return cursor, panel


def _index(cursor, quantity, layer, *indices):
    return next(
        s.index
        for s in cursor.steps
        if (s.quantity, s.layer, s.indices) == (quantity, layer, indices)
    )


def test_expanded_is_on_by_default_and_the_toggle_is_remembered(qtbot):
    assert expanded_setting()
    cursor, panel = _panel(qtbot)
    box = panel.bar.expanded
    assert box.objectName() == "walkthroughExpanded" and box.isChecked()
    assert box.toolTip()
    cursor.go_to(_index(cursor, "dE/dw", 2, 1, 1))
    assert cursor.derivation.expanded and r"\left[" in panel.card.symbolic.latex()
    box.setChecked(False)  # rebuilt at once, at the same formula
    assert not cursor.derivation.expanded
    assert r"\left[" not in panel.card.symbolic.latex()
    assert cursor.current.quantity == "dE/dw"
    assert QSettings().value(EXPANDED_KEY, type=bool) is False
    _, again = _panel(qtbot)  # a new window starts as the student left it
    assert not again.bar.expanded.isChecked() and not again.cursor.derivation.expanded


@pytest.mark.parametrize("lang, lead", [("zh", "同理可得："), ("en", "In the same way:")])
def test_same_way_is_said_above_the_repeating_formula(qtbot, lang, lead):
    cursor, panel = _panel(qtbot, lang)
    cursor.go_to(_index(cursor, "z", 2, 1))
    assert panel.card.lead.isHidden()
    cursor.go_to(_index(cursor, "z", 2, 2))
    assert panel.card.lead.isVisible() and panel.card.lead.text() == lead
    assert not panel.card.explanation.text().startswith(lead)


def test_the_ps_opens_with_the_steps_that_use_the_sigmoid_slope(qtbot):
    cursor, panel = _panel(qtbot)
    note = panel.card.note
    cursor.go_to(_index(cursor, "z", 2, 1))
    assert note.isHidden()
    cursor.go_to(_index(cursor, "dE/dz", 3, 1))
    assert note.isVisible() and note.toggle.text() == "Ps：关于 sigmoid 函数求导"
    assert note.body.isHidden()
    note.toggle.click()
    assert note.body.isVisible()
    formulas = [w.latex() for w in note.body.findChildren(type(panel.card.symbolic))]
    assert formulas[-1].endswith("= y - y^2") and len(formulas) == 5


def test_the_outline_names_a_samples_own_loss():
    step = type("S", (), {"symbol": r"\frac{\partial E^{(2)}}{\partial w_{11}^3}", "value": -0.0})
    assert _outline_text(step) == "∂E⁽²⁾/∂w₁₁³ = 0"  # and never "-0"
