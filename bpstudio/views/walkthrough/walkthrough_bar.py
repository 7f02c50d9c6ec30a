"""The walkthrough's controls: previous/next formula and section, auto-play with a pace,
the sample, the number of significant digits and the levels of detail (Expanded, Jacobian).
Every control has a tooltip with its key."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSignalBlocker, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller.walkthrough import NEXT_STEP
from bpstudio.model.derivation.jacobian import jacobian_applies
from bpstudio.views.training.training_controls import shrink_to_fit
from bpstudio.views.widgets.actions import describe
from bpstudio.views.widgets.language import Retranslating

PACE_MIN_MS, PACE_MAX_MS = 200, 4000
SP = QStyle.StandardPixmap
EXPANDED_KEY = "walkthrough/expanded"  # remembered between sessions; on, as in the seed
JACOBIAN_KEY = "walkthrough/jacobian"  # remembered too; off: the merged 一、二 of the docs


def expanded_setting() -> bool:
    """Whether 三-六 end with the seed's fully expanded formula (the user's last choice)."""
    return bool(QSettings().value(EXPANDED_KEY, True, type=bool))


def jacobian_setting() -> bool:
    """Whether the softmax Jacobian is written out (the user's last choice)."""
    return bool(QSettings().value(JACOBIAN_KEY, False, type=bool))


def detail_options() -> dict[str, bool]:
    """The levels of detail the walkthrough starts with, as the student left them."""
    return {"expanded": expanded_setting(), "jacobian": jacobian_setting()}


def _action(parent, name: str, icon, key: str, slot) -> QAction:
    action = QAction(parent.style().standardIcon(icon), "", parent)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    return action


class WalkthroughBar(Retranslating, QWidget):
    def __init__(self, cursor, document, parent=None) -> None:
        super().__init__(parent)
        self.cursor = cursor
        self.document = document
        self.previous_section = _action(
            self,
            "actionPreviousSection",
            SP.SP_MediaSkipBackward,
            "Shift+Left",
            cursor.previous_section,
        )
        self.previous = _action(
            self,
            "actionPreviousStep",
            SP.SP_ArrowLeft,
            "Left",
            cursor.previous,
        )
        self.next = _action(
            self,
            "actionNextStep",
            SP.SP_ArrowRight,
            "Right",
            cursor.next,
        )
        self.next_section = _action(
            self,
            "actionNextSection",
            SP.SP_MediaSkipForward,
            "Shift+Right",
            cursor.next_section,
        )
        self.first = _action(
            self,
            "actionFirstStep",
            SP.SP_MediaSeekBackward,
            "Home",
            lambda: cursor.go_to(0),
        )
        self.autoplay = _action(
            self,
            "actionAutoPlay",
            SP.SP_MediaPlay,
            "Ctrl+Shift+P",
            self._on_autoplay,
        )
        self.autoplay.setCheckable(True)
        for action in self.actions_list():
            self.addAction(action)
        self._build_controls()
        self.retranslate()
        cursor.stepChanged.connect(self._on_step_changed)
        cursor.derivationChanged.connect(self._on_derivation_changed)
        document.changed.connect(self._on_document_changed)
        self._on_document_changed()
        self._on_step_changed(cursor.index)

    def actions_list(self) -> list[QAction]:
        return [
            self.first,
            self.previous_section,
            self.previous,
            self.next,
            self.next_section,
            self.autoplay,
        ]

    def _build_controls(self) -> None:
        buttons = QHBoxLayout()
        for action in self.actions_list():
            button = QToolButton()
            button.setDefaultAction(action)
            buttons.addWidget(button)
        self.position = QLabel(objectName="walkthroughPosition")
        buttons.addWidget(self.position, 1)
        self.pace = QSlider(Qt.Orientation.Horizontal, objectName="walkthroughPace")
        self.pace.setRange(PACE_MIN_MS, PACE_MAX_MS)
        self.pace.setInvertedAppearance(True)  # right = faster
        self.pace.setValue(1500)
        self.pace.valueChanged.connect(self.cursor.set_pace_ms)
        # What the walkthrough follows: the trainer's next step (first), or one chosen sample.
        self.sample = QComboBox(objectName="walkthroughSample")
        self.sample.activated.connect(self._on_sample_chosen)
        # In next-step mode: the row of the batch steps 一–六 follow.
        self.batch_row = QComboBox(objectName="walkthroughBatchRow")
        shrink_to_fit(self.sample, 17)  # "Next training step" whole
        shrink_to_fit(self.batch_row, 12)
        self.batch_row.activated.connect(self.cursor.set_next_step)
        self.digits = QSpinBox(objectName="walkthroughDigits")
        self.digits.setRange(2, 12)
        self.digits.setValue(self.cursor.digits)
        self.digits.valueChanged.connect(self.cursor.set_digits)
        self.expanded = QCheckBox(objectName="walkthroughExpanded")
        self.expanded.setChecked(bool(self.cursor.option("expanded", True)))
        self.expanded.toggled.connect(self._on_expanded)
        self.jacobian = QCheckBox(objectName="walkthroughJacobian")
        self.jacobian.setChecked(bool(self.cursor.option("jacobian", False)))
        self.jacobian.toggled.connect(self._on_jacobian)
        options = QHBoxLayout()
        self._pace_caption = QLabel()
        options.addWidget(self._pace_caption)
        options.addWidget(self.pace, 1)
        options.addWidget(self.sample)
        options.addWidget(self.batch_row)
        options.addWidget(self.digits)
        options.addWidget(self.expanded)
        options.addWidget(self.jacobian)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(options)

    # texts ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        tips = {
            self.previous_section: self.tr("Previous section of the derivation"),
            self.previous: self.tr("Previous formula (before the first: undo the last update)"),
            self.next: self.tr(
                "Next formula (after 七: apply the update and go on to the next step)"
            ),
            self.next_section: self.tr("Next section of the derivation"),
            self.first: self.tr("Back to the first formula"),
            self.autoplay: self.tr("Auto-play: advance one formula at the chosen pace"),
        }
        for action, tip in tips.items():
            action.setText(tip)
            describe(action, tip)
        self.pace.setToolTip(self.tr("Auto-play pace: time per formula (right is faster)"))
        self.sample.setToolTip(
            self.tr(
                "What the walkthrough follows: the trainer's next step (its batch and its "
                "optimiser's update: passing 七 takes that step), or one chosen sample (a plain "
                "update, not the trainer's next step)"
            )
        )
        self.batch_row.setToolTip(
            self.tr("The row of the next batch that the formulas before the batch mean follow")
        )
        self.digits.setSuffix(self.tr(" digits"))
        self.digits.setToolTip(self.tr("Significant digits of the numbers in the formulas"))
        self._pace_caption.setText(self.tr("Pace"))
        self.expanded.setText(self.tr("Expanded"))
        self.expanded.setToolTip(
            self.tr(
                "End steps 3-6 with the fully expanded formula, written down to the outputs "
                "as in the seed document (where it stays readable)"
            )
        )
        self.jacobian.setText(self.tr("Jacobian"))
        self.jacobian.setToolTip(
            self.tr(
                "Write out the softmax Jacobian ∂Y/∂z entry by entry, and with cross-entropy "
                "steps 1 and 2 apart: why ∂E/∂z = Y − Ŷ (shown for a softmax output or "
                "cross-entropy)"
            )
        )
        self._fill_samples()
        self._on_step_changed(self.cursor.index)

    @Slot(bool)
    def _on_autoplay(self, on: bool) -> None:
        self.cursor.set_autoplay(on)

    @Slot(bool)
    def _on_expanded(self, on: bool) -> None:
        QSettings().setValue(EXPANDED_KEY, bool(on))
        self.cursor.set_option("expanded", bool(on))

    @Slot(bool)
    def _on_jacobian(self, on: bool) -> None:
        QSettings().setValue(JACOBIAN_KEY, bool(on))
        self.cursor.set_option("jacobian", bool(on))

    @Slot(int)
    def _on_sample_chosen(self, index: int) -> None:
        if index == 0:
            self.cursor.set_next_step()
        else:
            self.cursor.set_sample(index - 1)

    @Slot()
    def _on_document_changed(self) -> None:
        project = self.document.project
        if self.sample.count() != project.dataset.n_samples + 1:
            self._fill_samples()
        # offered only where it changes the formulas (a softmax output, or cross-entropy)
        self.jacobian.setVisible(jacobian_applies(project.loss, project.network.output_activation))
        self._show_choice()

    def _fill_samples(self) -> None:
        n = self.document.project.dataset.n_samples
        with QSignalBlocker(self.sample):
            self.sample.clear()
            self.sample.addItem(self.tr("Next training step"))
            not_next = self.tr("Sample %d (not the next step)")
            self.sample.addItems([not_next % (i + 1) for i in range(n)])
        self._show_choice()

    def _show_choice(self) -> None:
        """The combo boxes as the cursor stands: the mode, and the batch's rows."""
        next_step = self.cursor.mode == NEXT_STEP
        with QSignalBlocker(self.sample):
            self.sample.setCurrentIndex(0 if next_step else self.document.sample_index + 1)
        derivation = self.cursor.derivation
        batch = derivation.batch if derivation is not None and next_step else ()
        with QSignalBlocker(self.batch_row):
            self.batch_row.clear()
            self.batch_row.addItems([self.tr("Row %d of the batch") % (s + 1) for s in batch])
            self.batch_row.setCurrentIndex(min(self.cursor.batch_row, max(0, len(batch) - 1)))
        self.batch_row.setVisible(len(batch) > 1)

    @Slot()
    def _on_derivation_changed(self) -> None:
        self._show_choice()
        self._on_step_changed(self.cursor.index)

    @Slot(int)
    def _on_step_changed(self, index: int) -> None:
        total = len(self.cursor.steps)
        # No formulas while a big network's walkthrough is prepared (or it has none at all):
        # the panel's note says why.
        self.position.setText(self.tr("Formula %d of %d") % (index + 1, total) if total else "")
