"""The training panel's optimiser controls: the chooser and each optimiser's numbers.

Widgets and their ranges only (the ranges are model/optimisers.py's, so a value the boxes
allow is a valid setting); which boxes show for which optimiser is `visible_fields`.  The
panel lays them out and turns their values into a `TrainingConfig`.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QLabel,
    QToolButton,
    QWidget,
)

from bpstudio.model.optimisers import KINDS, PARAMETERS
from bpstudio.views.training.training_controls import CompactDoubleSpinBox, shrink_to_fit

# The largest value below 1 the [0, 1) boxes take (four nines: beta2 is 0.999 by default).
BELOW_ONE = 0.9999
MAX_WEIGHT_DECAY = 10.0


class ScientificSpinBox(CompactDoubleSpinBox):
    """A positive number that may be tiny (ε = 1e-8): typed as 1e-8 or 0.00000001, shown as
    1e-08; the arrows multiply or divide it by 10."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        number, ok = self.locale().toDouble(text)
        if ok and self.minimum() <= number <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt's name
        number, ok = self.locale().toDouble(text)
        return number if ok else self.value()

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        value = self.value() * 10.0**steps
        self.setValue(min(max(value, self.minimum()), self.maximum()))


def make_optimiser_box() -> QComboBox:
    """SGD, RMSprop, Adam: the data is the file's name (sgd, rmsprop, adam)."""
    box = QComboBox(objectName="trainingOptimizer")
    shrink_to_fit(box, 2)  # as narrow as the momentum box it replaced: the dock fits 800 px
    for kind in KINDS:
        box.addItem(kind, kind)
    return box


def make_nesterov_box() -> QCheckBox:
    return QCheckBox(objectName="trainingNesterov")


def _fraction_box(name: str) -> QDoubleSpinBox:
    """A number in [0, 1) such as α, β₁, β₂."""
    box = CompactDoubleSpinBox(objectName=name)
    box.setDecimals(6)
    box.setRange(0.0, BELOW_ONE)
    box.setSingleStep(0.01)
    box.setKeyboardTracking(False)
    return box


def make_alpha_box() -> QDoubleSpinBox:
    return _fraction_box("trainingAlpha")


def make_beta1_box() -> QDoubleSpinBox:
    return _fraction_box("trainingBeta1")


def make_beta2_box() -> QDoubleSpinBox:
    return _fraction_box("trainingBeta2")


def make_epsilon_box() -> QDoubleSpinBox:
    box = ScientificSpinBox(objectName="trainingEpsilon")
    box.setDecimals(15)  # QDoubleSpinBox rounds to its decimals: 1e-12 must survive
    box.setRange(1e-12, 1.0)
    box.setKeyboardTracking(False)
    return box


def make_weight_decay_box() -> QDoubleSpinBox:
    box = CompactDoubleSpinBox(objectName="trainingWeightDecay")
    box.setDecimals(8)
    box.setRange(0.0, MAX_WEIGHT_DECAY)
    box.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
    box.setSingleStep(0.0001)
    box.setKeyboardTracking(False)
    return box


def visible_fields(kind: str) -> set[str]:
    """The settings (optimisers.PARAMETERS' names) whose boxes show for optimiser ``kind``."""
    return set(PARAMETERS[kind])


BUTTON_WIDTH = 18  # pixels: "…"


class SettingsFrame(QFrame):
    """The popup form: a window of its own that closes on Esc or a click outside, and whose
    boxes Tab goes through (a menu would take the keys for its own items)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class OptimiserSettingsPopup:
    """The button beside the optimiser chooser and the form it opens: the chosen optimiser's
    numbers (only those it uses) and the weight decay.  The boxes are the panel's own, so an
    edit there is an edit of the panel."""

    def __init__(self, fields: dict[str, QWidget], parent: QWidget) -> None:
        self.fields = fields
        self.button = QToolButton(parent, objectName="trainingOptimizerSettings")
        self.button.setText("…")
        self.button.setMaximumWidth(BUTTON_WIDTH)
        self.frame = SettingsFrame(self.button)
        self.form = QFormLayout(self.frame)
        self.form.setContentsMargins(8, 6, 8, 6)
        self.labels: dict[str, QLabel] = {}
        for name, box in fields.items():
            if name == "nesterov":
                self.form.addRow(box)
                continue
            label = self.labels[name] = QLabel(self.frame)
            label.setBuddy(box)
            self.form.addRow(label, box)
        self.button.clicked.connect(self.open)

    def open(self) -> None:
        """Show the form under the button, the first number ready for typing."""
        self.frame.adjustSize()
        self.frame.move(self.button.mapToGlobal(QPoint(0, self.button.height())))
        self.frame.show()
        first = next((box for box in self.fields.values() if not box.isHidden()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.PopupFocusReason)

    def show_fields(self, kind: str, config) -> None:
        """The rows ``kind`` uses; the button's tooltip lists their values."""
        shown = visible_fields(kind)
        for name, box in self.fields.items():
            self.form.setRowVisible(box, name in shown)
        self.frame.adjustSize()
        self._summary = ", ".join(
            f"{SYMBOLS[name]} {getattr(config, name):g}"
            for name in self.fields
            if name in shown and name != "nesterov"
        ) + (" · Nesterov" if kind == "sgd" and config.nesterov else "")

    @property
    def summary(self) -> str:
        """The shown numbers in one line (μ 0.9, λ 0): the button's tooltip ends with it."""
        return getattr(self, "_summary", "")


# The settings' symbols, as torch's documentation and the walkthrough write them.
SYMBOLS = {
    "momentum": "μ",
    "alpha": "α",
    "epsilon": "ε",
    "beta1": "β₁",
    "beta2": "β₂",
    "weight_decay": "λ",
}
