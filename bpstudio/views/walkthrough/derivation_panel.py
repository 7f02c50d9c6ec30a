"""The walkthrough dock (``derivationPanel``): one step of the derivation at a time, typeset
three ways (symbolic, with the numbers, the value), with an outline of the seed's sections."""

from __future__ import annotations

import re

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller.coalescer import Coalescer
from bpstudio.controller.walkthrough import BUILDING, TOO_BIG
from bpstudio.model.derivation.numbers import shown_text
from bpstudio.model.derivation.symbols import HAT
from bpstudio.model.derivation.text import tr as derivation_text  # lupdate must not see "tr("
from bpstudio.model.network_size import WALKTHROUGH_MAX_WEIGHTS
from bpstudio.model.notation.glyph import subscript, superscript
from bpstudio.render.elision import shorten_sums
from bpstudio.views.walkthrough.formula_widget import FormulaLabel, FormulaScroll, prefetch
from bpstudio.views.walkthrough.matrix_box import MatrixBox
from bpstudio.views.walkthrough.practice_bar import PracticeBar
from bpstudio.views.walkthrough.practice_box import PracticeBox
from bpstudio.views.walkthrough.walkthrough_bar import WalkthroughBar
from bpstudio.views.widgets.language import Retranslating
from bpstudio.views.widgets.symbols import sup

STEP_ROLE = Qt.ItemDataRole.UserRole
# The neighbours are typeset once the student has had a moment with the formula (a step's own
# painting never waits for them), one formula per turn of the event loop, so a key pressed
# meanwhile waits for one formula at most.
PREFETCH_DELAY_MS = 100
# A section of more steps lists its first ones in the outline, then a line saying how many
# follow (a 784-16-10 network has 12,560 weight gradients in one section).
OUTLINE_SECTION_STEPS = 100


class StepCard(Retranslating, QFrame):
    """The current step: section, heading, symbolic form, numbers substituted, value, why."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("stepCard")
        self.section = QLabel(objectName="stepSection")
        self.section.setWordWrap(True)
        font = QFont(self.section.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.section.setFont(font)
        self.heading = QLabel(objectName="stepHeading")
        # the seed's 同理可得： above a formula that repeats the one before for another unit
        self.lead = QLabel(objectName="stepLead")
        self.symbolic = FormulaLabel(0.8)
        self.symbolic.setObjectName("stepSymbolic")
        self.substituted = FormulaLabel(0.8)
        self.substituted.setObjectName("stepSubstituted")
        self.value = QLabel(objectName="stepValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = QLabel(objectName="stepExplanation")
        self.explanation.setWordWrap(True)
        self._captions = [QLabel() for _ in range(3)]
        self._concealed = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.section)
        layout.addWidget(self.heading)
        layout.addWidget(self.lead)
        for caption, widget in zip(
            self._captions, (self.symbolic, self.substituted, self.value), strict=True
        ):
            caption.setStyleSheet("color: #555; font-weight: bold;")
            layout.addWidget(caption)
            layout.addWidget(_scrolling(widget))
        self._practice_slot = layout.count()  # practice's answer box goes here, under the value
        layout.addWidget(self.explanation)
        self.note = NoteBox()
        layout.addWidget(self.note)
        self.matrix = MatrixBox()  # the same step's layer in matrices
        layout.addWidget(self.matrix)
        layout.addStretch(1)
        for label in self.findChildren(QLabel):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.retranslate()

    def retranslate(self) -> None:
        for caption, text in zip(
            self._captions,
            (self.tr("Symbolic"), self.tr("With the numbers"), self.tr("Value")),
            strict=True,
        ):
            caption.setText(text)

    def add_practice(self, widget: QWidget) -> None:
        self.layout().insertWidget(self._practice_slot, widget)

    def set_concealed(self, concealed: bool) -> None:
        """Practice: the student computes this value; only the symbolic form shows."""
        self._concealed = concealed
        for i in (1, 2):
            self._captions[i].setVisible(not concealed)
        for widget in (self.substituted, self.value):
            widget.parentWidget().parentWidget().setVisible(not concealed)

    def show_step(self, step, lead: str = "", note=None) -> None:
        """``lead``: 同理可得： (or "") in the derivation's language; ``note``: the side
        derivation (the seed's Ps) that explains this step's formula, or None."""
        self.section.setText(step.section_title)
        self.heading.setText(step.heading)
        self.heading.setVisible(bool(step.heading))
        self.lead.setText(lead)
        self.lead.setVisible(bool(lead))
        self.note.show_note(note)
        self.symbolic.set_latex(shorten_sums(step.symbolic))
        self.substituted.set_latex(shorten_sums(step.substituted))
        for widget in (self.symbolic, self.substituted):
            widget.parentWidget().parentWidget().updateGeometry()
        self.value.setText(f"<b>{shown_text(step.value, 10)}</b>")
        self.value.setToolTip(repr(step.value))
        self.explanation.setText(step.explanation)


class NoteBox(QWidget):
    """A side derivation (the seed's "Ps: 关于 sigmoid 函数求导"): its title as a button that
    opens and closes its lines; shown only with the steps whose formula it explains."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("stepNote")
        self.toggle = QToolButton(objectName="stepNoteToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._on_toggled)
        self.body = QWidget(objectName="stepNoteBody")
        self._body_layout = QVBoxLayout(self.body)
        self._body_layout.setContentsMargins(16, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        self.body.hide()
        self._note = None
        self.hide()

    def show_note(self, note) -> None:
        self.setVisible(note is not None)
        if note is None or note == self._note:
            return
        self._note = note
        self.toggle.setText(note.title)
        self._clear_body()
        if self.toggle.isChecked():
            self._fill_body()

    def _clear_body(self) -> None:
        while self._body_layout.count():
            widget = self._body_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    def _fill_body(self) -> None:
        """Typeset only when opened: stepping through the walkthrough never waits for it."""
        for line in self._note.lines:
            if line.caption:
                self._body_layout.addWidget(QLabel(line.caption))
            formula = FormulaLabel(0.7)
            formula.set_latex(line.formula)
            self._body_layout.addWidget(formula)

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        if on and self._note is not None and not self._body_layout.count():
            self._fill_body()
        self.body.setVisible(on)


def _scrolling(widget: QWidget) -> QScrollArea:
    return FormulaScroll(widget)


class DerivationPanel(Retranslating, QWidget):
    """Steps through a :class:`WalkthroughCursor`; never computes a number itself."""

    def __init__(self, cursor, document, parent=None, first_step_after=None, practice=None) -> None:
        super().__init__(parent)
        self.setObjectName("derivationPanelWidget")
        self.cursor = cursor
        self.document = document
        self.practice = practice  # a PracticeSession, or None
        self.bar = WalkthroughBar(cursor, document)
        self.card = StepCard()
        self.outline = QTreeWidget(objectName="derivationOutline")
        self.outline.setHeaderHidden(True)
        self.outline.itemActivated.connect(self._on_outline_activated)
        self.outline.itemClicked.connect(self._on_outline_activated)
        splitter = QSplitter(Qt.Orientation.Vertical)
        card_area = QScrollArea()  # on a small screen the card scrolls rather than crowds
        card_area.setWidget(self.card)
        card_area.setWidgetResizable(True)
        card_area.setFrameShape(QFrame.Shape.NoFrame)
        splitter.addWidget(card_area)
        splitter.addWidget(self.outline)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([3000, 1000])  # the card first: on a 720-pixel screen it needs room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.training_note = QLabel(objectName="walkthroughTrainingNote")
        self.training_note.setWordWrap(True)
        self.training_note.setStyleSheet("background: #fff4d6; padding: 4px;")
        self.training_note.hide()
        self.unavailable = QLabel(objectName="walkthroughUnavailable")
        self.unavailable.setWordWrap(True)
        self.unavailable.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.unavailable.setStyleSheet("padding: 8px;")
        self.unavailable.hide()
        # Before the first step: where to start (it goes once the student has stepped on).
        self.start_hint = QLabel(objectName="walkthroughStartHint")
        self.start_hint.setWordWrap(True)
        self.start_hint.setStyleSheet("color: #5f6b7a; padding: 2px 4px;")
        layout.addWidget(self.bar)
        layout.addWidget(self.start_hint)
        self.practice_bar = self.practice_box = None
        if practice is not None:
            self.practice_bar = PracticeBar(practice, cursor)
            self.practice_box = PracticeBox(practice, cursor)
            self.card.add_practice(self.practice_box)
            layout.addWidget(self.practice_bar)
            practice.changed.connect(self._on_practice_changed)
        layout.addWidget(self.training_note)
        layout.addWidget(self.unavailable, 1)  # in the splitter's place while it is hidden
        layout.addWidget(splitter, 1)
        self._splitter = splitter
        self._items: dict[int, QTreeWidgetItem] = {}  # by step index
        self._outline_of = None  # the derivation the outline lists
        self._section_items: dict[str, QTreeWidgetItem] = {}
        cursor.derivationChanged.connect(self._on_derivation_changed)
        cursor.stepChanged.connect(self._on_step_changed)
        # Typesetting a formula takes longer than a frame (docs/performance.md): the
        # neighbours are typeset while the student reads, so the next formula appears at once.
        self._prefetch_queue: list[tuple[str, float]] = []
        self._prefetch_soon = Coalescer(self._on_prefetch_due, PREFETCH_DELAY_MS, self)
        self._on_derivation_changed()
        # The first formula is typeset once the window is on screen, not before it: when
        # `first_step_after` fires (the main window's firstFrameShown), else at the first turn
        # of the event loop (which, for a window shown now, still comes before its first frame).
        if first_step_after is None:
            QTimer.singleShot(0, self, self._show_first_step)
        else:
            first_step_after.connect(self._show_first_step)
        self.retranslate()

    def retranslate(self) -> None:
        self.training_note.setText(
            self.tr("Training is running: the walkthrough follows again when it pauses.")
        )
        self._show_status()
        self._show_start_hint()

    def _show_status(self) -> None:
        """While the walkthrough is being built, or when the network is too big for one, a note
        says so in place of the formulas."""
        status = self.cursor.status
        weights = f"{self.cursor.weights:,}"
        if status == BUILDING:
            text = self.tr("Preparing the walkthrough of this network (%s weights)…") % weights
        elif status == TOO_BIG:
            text = self.tr(
                "This network has %s weights: a walkthrough would show about twice as many "
                "formulas, too many to go through one by one (walkthroughs are made up to %s "
                "weights). Try it on a smaller network; `bpstudio derive` writes a handout of "
                "this one with the repeated steps left out."
            ) % (weights, f"{WALKTHROUGH_MAX_WEIGHTS:,}")
        else:
            text = ""
        self.unavailable.setText(text)
        self.unavailable.setVisible(bool(text))
        if text:
            self.start_hint.hide()
        self._splitter.setVisible(not text)

    def _show_start_hint(self) -> None:
        """The derivation's intro (the loss, what Ŷ and the data's columns are), then where
        to start."""
        hint = self.tr("Press → to go through the formulas one by one; Play trains the network.")
        derivation = self.cursor.derivation
        data = self.document.project.dataset
        named = data.input_names is not None or data.target_names is not None
        # The intro names an imported file's columns; otherwise the hint stays one line.
        self.start_hint.setText(f"{derivation.intro}\n{hint}" if derivation and named else hint)

    def set_training(self, running: bool) -> None:
        """While training runs the formulas' numbers are stale: grey them out and say why."""
        self.training_note.setVisible(running)
        self.bar.setEnabled(not running)
        self._splitter.setEnabled(not running)
        if self.practice_bar is not None:
            self.practice_bar.setEnabled(not running)

    @property
    def prefetch_pending(self) -> bool:
        """The neighbours of the current formula are still to be typeset."""
        return bool(self._prefetch_queue)

    @Slot()
    def _on_derivation_changed(self) -> None:
        self._show_status()
        self._show_start_hint()
        self.outline.clear()
        self._items = {}
        self._section_items = {}
        derivation = self._outline_of = self.cursor.derivation
        if derivation is None:
            return
        steps = derivation.steps
        for section in derivation.sections:
            parent = QTreeWidgetItem(self.outline, [section.title])
            parent.setData(0, STEP_ROLE, section.first)
            self._section_items[section.id] = parent
            listed = section.step_range[:OUTLINE_SECTION_STEPS]
            for i in listed:
                item = QTreeWidgetItem(parent, [self._outline_text(i)])
                item.setData(0, STEP_ROLE, i)
                item.setToolTip(0, shorten_sums(steps[i].symbolic))
                self._items[i] = item
            if section.count > len(listed):
                more = QTreeWidgetItem(parent, [self._more_text(section.count - len(listed))])
                more.setData(0, STEP_ROLE, section.first + len(listed))
        self.outline.expandAll()

    def _more_text(self, count: int) -> str:
        return self.tr("… %s more formulas: go on with Next (or jump here)") % f"{count:,}"

    @Slot()
    def _show_first_step(self) -> None:
        self._on_step_changed(self.cursor.index)

    @Slot(int)
    def _on_step_changed(self, index: int) -> None:
        self.start_hint.setVisible(index == 0 and self.cursor.derivation is not None)
        step = self.cursor.current
        if step is None:
            return
        derivation = self.cursor.derivation
        lead = derivation_text("same_way", derivation.lang) if step.same_way else ""
        note = next((n for n in derivation.notes if step.index in n.steps), None)
        self.card.show_step(step, lead, note)
        self.card.matrix.show_step(derivation, step)
        self.card.set_concealed(self._concealed(index))
        self._queue_neighbours(index)
        item = self._items.get(index) or self._section_items.get(step.section)
        if item is not None:
            with QSignalBlocker(self.outline):
                self.outline.setCurrentItem(item)
                self.outline.scrollToItem(item)

    def _queue_neighbours(self, index: int) -> None:
        """The next formula first (the likelier move), then the previous one."""
        steps = self.cursor.steps
        neighbours = [steps[i] for i in (index + 1, index - 1) if 0 <= i < len(steps)]
        self._prefetch_queue = [
            (shorten_sums(formula), label.scale)
            for step in neighbours
            for formula, label in (
                (step.symbolic, self.card.symbolic),
                (step.substituted, self.card.substituted),
            )
        ]
        self._prefetch_soon.restart()

    @Slot()
    def _on_prefetch_due(self) -> None:
        if not self._prefetch_queue:
            return
        prefetch(*self._prefetch_queue.pop(0))
        if self._prefetch_queue:
            self._prefetch_soon.restart(0)

    def _concealed(self, index: int) -> bool:
        return self.practice is not None and self.practice.is_concealed(index)

    def _outline_text(self, index: int) -> str:
        return _outline_text(self.cursor.steps[index], self._concealed(index))

    @Slot()
    def _on_practice_changed(self) -> None:
        """An answer, a level or the mode changed: the card and outline show what they may."""
        self.cursor.steps  # noqa: B018 -- a rebuild that is due runs first
        if self.cursor.derivation is not self._outline_of:
            return  # a new derivation: its outline is being built from scratch
        for i, item in self._items.items():
            text = self._outline_text(i)
            if item.text(0) != text:
                item.setText(0, text)
        if self.cursor.current is not None:
            self.card.set_concealed(self._concealed(self.cursor.index))

    @Slot(QTreeWidgetItem)
    def _on_outline_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.cursor.go_to(item.data(0, STEP_ROLE))


def _outline_text(step, concealed: bool = False) -> str:
    """``symbol = value``; ``symbol = ?`` while practice leaves the value to the student."""
    value = "?" if concealed else shown_text(step.value, 4)
    return f"{_plain(step.symbol)} = {value}"


_SAMPLE = re.compile(r"\^\{\((\d+)\)\}")
_PARTIAL = re.compile(r"\\frac\{\\partial ([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\{\\partial ")
_SCRIPT = re.compile(r"([_^])(?:\{([^{}]*)\}|(\w))")
_WRAPPED = re.compile(r"\\(?:mathrm|mathcal|hat)\{([^{}]*)\}")
_LETTERS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "theta": "θ", "eta": "η",
    "mu": "μ", "rho": "ρ", "lambda": "λ", "varepsilon": "ε", "nabla": "∇",
}  # fmt: skip
_SPECIAL = {"mathcal": {"L": "ℒ"}, "hat": {"Y": "Ŷ", "y": "ŷ"}}
# an optimiser's state of a parameter, m_{[w_{11}^2]}: its subscript is a whole symbol
_STATE = re.compile(r"_\{\[(.*)\]\}$")


def _unwrapped(match: re.Match) -> str:
    kind = match[0][1 : match[0].index("{")]
    default = match[1] + HAT if kind == "hat" else match[1]  # mˆ, as the derivation writes it
    return _SPECIAL.get(kind, {}).get(match[1], default)


def _plain(latex: str) -> str:
    """A readable plain-text version of a quantity's LaTeX symbol (in any notation preset),
    for the outline."""
    state = _STATE.search(latex)
    if state:  # m[w₁₁²], mˆ[b₁³]
        return f"{_plain(latex[: state.start()])}[{_plain(state[1])}]"
    text = _SAMPLE.sub(lambda m: f"⁽{sup(m[1])}⁾", latex)  # E^{(2)}: the loss of sample 2
    text = _PARTIAL.sub(r"∂\1/∂", text)
    text = _WRAPPED.sub(_unwrapped, text)
    text = re.sub(r"\\([a-z]+)", lambda m: _LETTERS.get(m[1], m[0]), text)
    text = _SCRIPT.sub(lambda m: (subscript if m[1] == "_" else superscript)(m[2] or m[3]), text)
    for token in ("\\", "{", "}"):
        text = text.replace(token, "")
    return text
