"""The value controls of the training panel: speed, every training setting, stop conditions.

Only widgets and conversions here; the panel wires them to the controller.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QSlider,
    QSpinBox,
    QToolButton,
)

from bpstudio.controller.training_pace import DEFAULT_STEPS_PER_SECOND
from bpstudio.model.losses import LOSS_NAMES
from bpstudio.views.widgets.language import translate

# Seeds are bounded fields of the project file (0 ... 2^31 - 1), whatever generator uses them.
MAX_SEED = 2**31 - 1
SEED_BOX_MIN_WIDTH = 60  # pixels

# The speed slider's stops, in steps per second: slow enough to follow one update on the
# diagram, up to as fast as the machine goes.
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, math.inf)


def speed_text(steps_per_second: float) -> str:
    if math.isinf(steps_per_second):
        return translate("TrainingPanel", "flat out")
    one = steps_per_second == 1
    unit = translate("TrainingPanel", "step/s") if one else translate("TrainingPanel", "steps/s")
    return f"{steps_per_second:g} {unit}"


def make_speed_slider() -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, len(SPEEDS) - 1)
    slider.setValue(position_of(DEFAULT_STEPS_PER_SECOND))
    slider.setPageStep(3)
    slider.setTickPosition(QSlider.TickPosition.TicksBelow)
    slider.setMinimumWidth(120)
    return slider


def make_flat_out_button() -> QToolButton:
    """Flat out, one click away from any pace; a second click goes back to the default."""
    button = QToolButton()
    button.setCheckable(True)
    button.setObjectName("flatOutButton")
    return button


def speed_at(position: int) -> float:
    return float(SPEEDS[position])


def position_of(steps_per_second: float) -> int:
    """The slider stop nearest ``steps_per_second`` (on a log scale)."""
    if math.isinf(steps_per_second):
        return len(SPEEDS) - 1
    finite = range(len(SPEEDS) - 1)
    return min(finite, key=lambda i: abs(math.log(SPEEDS[i] / steps_per_second)))


class CompactDoubleSpinBox(QDoubleSpinBox):
    """Shows 0.5 as "0.5", not "0.500000": six decimals are accepted, not all displayed."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name, or it never runs
        return self.locale().toString(value, "g", 6)


def make_learning_rate_box() -> QDoubleSpinBox:
    box = CompactDoubleSpinBox()
    box.setDecimals(6)
    box.setRange(1e-6, 1000.0)
    box.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
    box.setKeyboardTracking(False)  # apply a typed rate once, not at every keystroke
    return box


def make_batch_size_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, 1)
    box.setKeyboardTracking(False)
    return box


def make_momentum_box() -> QDoubleSpinBox:
    box = CompactDoubleSpinBox(objectName="trainingMomentum")
    box.setDecimals(4)
    box.setRange(0.0, 0.999)  # [0, 1): at 1 the buffer would never forget
    box.setSingleStep(0.1)
    box.setKeyboardTracking(False)
    return box


def make_loss_box() -> QComboBox:
    """The losses by their file names (half_sse, mse, cross_entropy): the data is the name."""
    box = QComboBox(objectName="trainingLoss")
    shrink_to_fit(box, 5)
    for name in LOSS_NAMES:
        box.addItem(name, name)
    return box


def make_shuffle_box() -> QCheckBox:
    return QCheckBox(objectName="trainingShuffle")


def make_seed_box() -> QSpinBox:
    box = QSpinBox(objectName="trainingSeed")
    box.setRange(0, MAX_SEED)
    box.setKeyboardTracking(False)
    # As narrow as the other boxes when the window is: ten digits' width would widen the dock
    # beyond an 800-pixel screen; the box grows with the dock.
    box.setMinimumWidth(SEED_BOX_MIN_WIDTH)
    return box


def make_max_epochs_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 10_000_000)
    box.setKeyboardTracking(False)
    return box


def make_target_loss_box() -> QDoubleSpinBox:
    box = CompactDoubleSpinBox()
    box.setDecimals(6)
    box.setRange(0.0, 1000.0)
    box.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
    box.setKeyboardTracking(False)
    return box


def shrink_to_fit(box: QComboBox, characters: int) -> None:
    """Let a combo box with long item texts be narrower than its longest item (the dock beside
    it must fit a 1280-pixel screen); the open list still shows the items whole."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(characters)


def set_quietly(box, value) -> None:
    """Show ``value`` without emitting valueChanged (the model already has it)."""
    with QSignalBlocker(box):
        box.setValue(value)
