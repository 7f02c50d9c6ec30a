"""View ▸ Notation and the walkthrough's matrix view, in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from bpstudio.model import notation
from bpstudio.model.refs import UnitRef
from bpstudio.views.walkthrough.formula_widget import FormulaLabel
from bpstudio.views.walkthrough.notation_menu import SETTINGS_KEY, restore_notation
from bpstudio.views.widgets.symbols import bias_symbol, unit_symbol, weight_symbol
from tests.views.window_support import close_inside_the_test, shown_window


@pytest.fixture
def window(qtbot, monkeypatch):
    win = shown_window(qtbot, monkeypatch)
    win.finish_startup()
    yield win
    close_inside_the_test(win)
    notation.choose(notation.DEFAULT)


def _pick(window, name: str) -> None:
    menu = window.menus.notation_menu.menu
    action = next(a for a in menu.actions() if a.data() == name)
    action.trigger()


def test_the_menu_lists_every_preset_in_its_own_words(window):
    actions = window.menus.notation_menu.menu.actions()
    assert [a.data() for a in actions] == list(notation.names())
    assert any("周志华" in a.text() for a in actions)
    checked = [a.data() for a in actions if a.isChecked()]
    assert checked == ["seed"]


def test_choosing_a_notation_rewrites_the_walkthrough_and_the_diagram(window, qtbot):
    cursor = window.workspace.cursor
    qtbot.waitUntil(lambda: cursor.derivation is not None, timeout=5000)
    _pick(window, "qiu")
    assert QSettings().value(SETTINGS_KEY) == "qiu"
    qtbot.waitUntil(lambda: cursor.derivation.notation == "qiu", timeout=5000)
    assert any(r"\delta_1^{(2)}" in s.symbolic for s in cursor.steps)
    items = window.diagram.diagram_scene.items_
    hidden = items.units[UnitRef(2, 1)].symbol
    assert (hidden.base, hidden.sub, hidden.sup) == ("a", "1", "(1)")
    assert items.units[UnitRef(3, 1)].symbol.base == "ŷ"
    headers = window.weight_tables.tables[0].model()
    assert headers.headerData(0, Qt.Orientation.Horizontal) == "a₁⁽¹⁾"


def test_choosing_mazur_for_another_network_says_why_its_names_are_not_used(window):
    _pick(window, "mazur")
    message = window.statusBar().currentMessage()
    assert "2-2-2" in message and "3-2-2" in message and "indexed symbols" in message
    hidden = window.diagram.diagram_scene.items_.units[UnitRef(2, 1)].symbol
    assert (hidden.base, hidden.sub, hidden.sup) == ("a", "1", "2")  # the seed's


def test_mazur_labels_his_own_network():
    notation.choose("mazur")
    notation.show_network((2, 2, 2))
    try:
        assert unit_symbol(1, 2, 3) == "i₂" and unit_symbol(2, 1, 3) == "out_h1"
        assert unit_symbol(3, 2, 3) == "out_o2"
        assert [weight_symbol(3, j, k) for k in (1, 2) for j in (1, 2)] == ["w₅", "w₆", "w₇", "w₈"]
        assert bias_symbol(2, 1) == "b_h1"
    finally:
        notation.show_network(None)
        notation.choose(notation.DEFAULT)


def test_the_choice_is_restored_at_the_next_start(window):
    _pick(window, "zhou")
    notation.choose(notation.DEFAULT)
    restore_notation()
    assert notation.chosen().name == "zhou"
    QSettings().setValue(SETTINGS_KEY, "a file since deleted")
    restore_notation()
    assert notation.chosen().name == notation.DEFAULT


def test_the_matrix_view_shows_the_layer_in_matrices(window, qtbot):
    cursor = window.workspace.cursor
    qtbot.waitUntil(lambda: cursor.derivation is not None, timeout=5000)
    card = window.learning.derivation_panel.card
    card.matrix.toggle.setChecked(True)
    cursor.go_to(next(s.index for s in cursor.steps if s.quantity == "dE/dw"))
    formulas = [f.latex() for f in card.matrix.body.findChildren(FormulaLabel)]
    assert any(r"\begin{bmatrix}" in f for f in formulas)
    assert any(f.startswith(r"\frac{\partial E}{\partial W^{3}} = a^2") for f in formulas)
    assert QSettings().value("walkthrough/matrixView", type=bool) is True
    card.matrix.toggle.setChecked(False)
