"""A student walks the seed network through every formula with the keyboard."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio.controller.document import Document
from bpstudio.controller.walkthrough import WalkthroughCursor
from bpstudio.model import Trainer
from bpstudio.model.derivation import derive_project
from bpstudio.model.next_step import next_batch_rows
from bpstudio.model.refs import EdgeRef, UnitRef
from bpstudio.views.walkthrough.derivation_panel import DerivationPanel


def build(project, sample, digits, lang, row=0):
    return derive_project(project, sample, row=row, digits=digits, lang=lang)


@pytest.fixture
def walk(qtbot):
    document = Document()
    cursor = WalkthroughCursor(document, build)
    panel = DerivationPanel(cursor, document)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.setFocus()
    return document, cursor, panel


def engine_value(project, step):
    """The number the engine computes for a step, looked up independently of the derivation."""
    net, data = project.network, project.dataset
    trace = net.forward(data.inputs[:1])
    grads = net.backward(trace, data.targets[:1], project.loss)
    q, layer, idx = step.quantity, step.layer, step.indices
    if q == "z":
        return trace.z_(layer, *idx)
    if q in ("a", "Y"):
        return trace.a_(layer, *idx)
    if q == "E":
        return net.loss(data.inputs[:1], data.targets[:1], project.loss)
    if q in ("dE/dY", "dE/da"):
        return grads.dE_da_(layer, *idx)
    if q == "dE/dz":
        return grads.dE_dz_(layer, *idx)
    if q == "dE/dw":
        return grads.dE_dw_(layer, *idx)
    return None


def test_keyboard_walk_through_every_formula_then_update_then_back(walk, qtbot):
    document, cursor, panel = walk
    original = document.project.copy()
    n_steps = len(cursor.steps)
    assert n_steps > 30
    checked = 0
    for i in range(n_steps):
        step = cursor.current
        assert cursor.index == i
        assert panel.card.symbolic.latex() == step.symbolic
        assert panel.card.substituted.latex() == step.substituted
        expected = engine_value(original, step)
        if expected is not None:
            assert step.value == pytest.approx(expected, rel=1e-12, abs=1e-15)
            assert float(panel.card.value.toolTip()) == step.value
            checked += 1
        assert document.highlight == step.touches
        if i < n_steps - 1:
            with qtbot.waitSignal(cursor.stepChanged, timeout=2000):
                qtbot.keyClick(panel, Qt.Key.Key_Right)
    assert checked >= 20
    assert cursor.current.section.startswith("update")

    expected_net = original.network.copy()
    Trainer(expected_net, original.dataset, original.loss, original.training).step()
    with qtbot.waitSignal(cursor.updateApplied, timeout=2000):
        qtbot.keyClick(panel, Qt.Key.Key_Right)  # past 七: apply the update
    for got, want in zip(document.project.network.weights, expected_net.weights, strict=True):
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-15)
    assert cursor.index == 0 and document.is_modified()

    qtbot.keyClick(panel, Qt.Key.Key_Left)  # back over the update: undone exactly
    assert cursor.index == n_steps - 1
    assert document.project.network.equals(original.network)
    for _ in range(n_steps - 1):
        qtbot.keyClick(panel, Qt.Key.Key_Left)
    assert cursor.index == 0
    qtbot.keyClick(panel, Qt.Key.Key_Left)  # nothing before the very start
    assert cursor.index == 0 and document.project.network.equals(original.network)


def test_sections_outline_and_highlight_values(walk, qtbot):
    document, cursor, panel = walk
    qtbot.keyClick(panel, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert cursor.current.section != cursor.steps[0].section
    first_of_section = cursor.index
    assert cursor.steps[first_of_section - 1].section != cursor.current.section
    qtbot.keyClick(panel, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert cursor.index == 0
    # jump from the outline to dE/dw_{21}^3 and see the edge highlighted with its value
    target = next(s for s in cursor.steps if s.quantity == "dE/dw" and s.layer == 3)
    item = panel._items[target.index]
    panel.outline.itemClicked.emit(item, 0)
    assert cursor.index == target.index
    edge = EdgeRef(3, *target.indices)
    assert edge in document.highlight
    assert document.highlight_values[edge] == f"{target.value:.4g}"
    assert UnitRef(3, target.indices[1]) in document.highlight


def test_digits_and_sample_choice_rebuild_the_steps(walk, qtbot):
    document, cursor, panel = walk
    cursor.go_to(5)
    panel.bar.digits.setValue(7)
    assert cursor.derivation.digits == 7 and cursor.index == 5
    # the trainer's next step first, then each sample (labelled as not the next step)
    assert panel.bar.sample.count() == document.project.dataset.n_samples + 1
    assert panel.bar.sample.currentIndex() == 0 and cursor.mode == "next"
    assert "not the next step" in panel.bar.sample.itemText(1)
    panel.bar.sample.activated.emit(1)
    assert cursor.mode == "sample" and cursor.derivation.next_step is None
    panel.bar.sample.activated.emit(0)
    assert cursor.mode == "next" and cursor.derivation.next_step == 1


def test_passing_7_in_next_step_mode_is_the_trainers_step(qtbot):
    from bpstudio.model.examples import load_example
    from bpstudio.model.next_step import take_next_step
    from tests.model.test_resume import train

    project = train(load_example("spirals"), 5)  # momentum, shuffled batches, a split
    document = Document(project)
    cursor = WalkthroughCursor(document, build)
    panel = DerivationPanel(cursor, document)
    qtbot.addWidget(panel)
    assert cursor.derivation.batch == next_batch_rows(project)
    assert panel.bar.batch_row.count() == len(cursor.derivation.batch)
    panel.bar.batch_row.activated.emit(2)  # another row of the same batch
    assert cursor.derivation.sample == cursor.derivation.batch[2]
    # the diagram shows that row (set on the next turn of the event loop)
    qtbot.waitUntil(lambda: document.sample_index == cursor.derivation.sample, timeout=2000)
    expected = take_next_step(project)
    cursor.go_to(len(cursor.steps) - 1)
    notices = []
    cursor.notice.connect(notices.append)
    with qtbot.waitSignal(cursor.updateApplied, timeout=2000):
        cursor.next()
    after = document.project
    assert after.steps_taken == 6 and len(after.history.steps) == 6
    for got, want in zip(after.network.parameters(), expected.network.parameters(), strict=True):
        np.testing.assert_array_equal(got, want)
    for got, want in zip(after.optimiser.momentum, expected.optimiser.momentum, strict=True):
        np.testing.assert_array_equal(got, want)
    assert after.optimiser.epoch.position == expected.optimiser.epoch.position
    assert document.undo_stack.undoText() == "Walkthrough: training step 6"
    assert notices == ["Took training step 6, as Step does"]
    assert cursor.derivation.next_step == 7
    cursor.previous()  # back over the boundary: the step is undone, state and all
    assert document.project.steps_taken == 5 and document.project.optimiser is project.optimiser


def test_passing_7_in_sample_mode_is_an_edit_that_says_so(qtbot):
    from bpstudio.model.examples import load_example

    document = Document(load_example("xor"))
    cursor = WalkthroughCursor(document, build)
    cursor.set_sample(2)
    notices = []
    cursor.notice.connect(notices.append)
    cursor.go_to(len(cursor.steps) - 1)
    cursor.next()
    assert document.project.steps_taken == 0  # not a training step
    assert "not a training step" in document.undo_stack.undoText()
    assert "not the trainer's step" in notices[0]


def test_autoplay_advances_on_its_timer(walk, qtbot):
    _document, cursor, panel = walk
    panel.bar.pace.setValue(200)
    panel.bar.autoplay.trigger()
    assert cursor.is_autoplaying()
    with qtbot.waitSignal(cursor.stepChanged, timeout=3000, check_params_cb=lambda i: i == 2):
        pass
    panel.bar.autoplay.trigger()
    assert not cursor.is_autoplaying()


def test_an_edit_rebuilds_the_walkthrough_with_the_new_numbers(walk, qtbot):
    document, cursor, _panel = walk
    before = cursor.steps[0].value
    with qtbot.waitSignal(cursor.derivationChanged, timeout=2000):
        document.set_weight(2, 1, 1, 2.5)
    assert cursor.steps[0].value != before
    assert cursor.steps[0].value == pytest.approx(document.trace().z_(2, 1))


def test_gradients_appear_in_the_table_once_the_walkthrough_computes_them(walk, qtbot):
    from bpstudio.views.weights.weight_table_model import TableMode, WeightTableModel

    document, cursor, _panel = walk
    table = WeightTableModel(document, 3)
    table.set_mode(TableMode.GRADIENTS)
    cell = table.index(0, 0)  # dE/dw_{11}^3
    assert table.data(cell) == "—"  # the walkthrough starts with the forward pass
    step = next(s for s in cursor.steps if s.quantity == "dE/dw" and s.indices == (1, 1))
    cursor.go_to(step.index - 1)
    assert table.data(cell) == "—"
    cursor.go_to(step.index)
    assert table.value_at(0, 0) == pytest.approx(step.value, rel=1e-12)
    assert table.value_at(0, 1) is None  # dE/dw_{12}^3 comes later
    cursor.set_suspended(True)  # training: every gradient is shown
    assert table.value_at(0, 1) is not None


def test_the_next_formulas_are_typeset_while_the_student_reads(walk, qtbot):
    from bpstudio.views.walkthrough.formula_widget import formula_pixmap

    _document, cursor, panel = walk
    formula_pixmap.cache_clear()
    cursor.go_to(10)
    upcoming, before = cursor.steps[11], cursor.steps[9]
    assert panel.prefetch_pending
    qtbot.waitUntil(lambda: not panel.prefetch_pending, timeout=5000)
    assert formula_pixmap.cache_info().currsize == 6  # this step's two, and two each side
    typeset = formula_pixmap.cache_info().misses
    cursor.next()
    assert panel.card.substituted.latex() == upcoming.substituted
    cursor.go_to(9)
    assert panel.card.substituted.latex() == before.substituted
    assert formula_pixmap.cache_info().misses == typeset  # all four came from the cache


def test_moving_on_drops_the_old_neighbours_from_the_queue(walk, qtbot):
    from bpstudio.views.walkthrough.formula_widget import formula_pixmap

    _document, cursor, panel = walk
    formula_pixmap.cache_clear()
    cursor.go_to(10)
    cursor.go_to(20)  # before the student finished reading 10
    qtbot.waitUntil(lambda: not panel.prefetch_pending, timeout=5000)
    assert formula_pixmap.cache_info().currsize == 8  # 10's and 20's own two, 20's neighbours
    typeset = formula_pixmap.cache_info().misses
    cursor.go_to(21)
    cursor.go_to(19)
    assert formula_pixmap.cache_info().misses == typeset
