"""The controls above the data table: a built-in set with its count, noise and seed; the
train/test split; standardisation.  They show the document's settings and report edits as
signals (the data docks turn them into document commands)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpstudio.model.data.dataset import MAX_TEST_FRACTION, Dataset
from bpstudio.model.data.registry import BUILTIN_SETS, get_builtin
from bpstudio.model.validation import MAX_SEED  # what a file and a spin box hold
from bpstudio.views.widgets.language import Retranslating
from bpstudio.views.widgets.model_names import dataset_description, dataset_title

MAX_GENERATED = 5000


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


class DataControls(Retranslating, QWidget):
    regenerateRequested = Signal(str, int, float, int)  # name, count, noise, seed
    splitEdited = Signal(float, int)  # test fraction, seed
    standardiseToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make_builtin_controls()
        self._make_split_controls()
        self._lay_out()
        self._on_builtin_chosen(self.builtin_box.currentIndex())
        self.retranslate()

    def retranslate(self) -> None:
        box = self.builtin_box
        for i, spec in enumerate(BUILTIN_SETS.values()):
            box.setItemText(i, dataset_title(spec.name, spec.title))
            box.setItemData(
                i, dataset_description(spec.name, spec.description), Qt.ItemDataRole.ToolTipRole
            )
        self.count_box.setToolTip(self.tr("How many samples to draw"))
        self.noise_box.setToolTip(self.tr("Standard deviation of the noise added to the data"))
        self.seed_box.setToolTip(self.tr("The same seed draws the same data"))
        box.setPlaceholderText(self.tr("choose a set…"))
        box.setToolTip(self.tr("Replace the data by a built-in set at once (Ctrl+Z undoes)"))
        self.regenerate_button.setText(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(self.tr("Replace the data by the chosen built-in set"))
        self.test_share_box.setToolTip(self.tr("Share of the rows held out for testing (0: none)"))
        self.split_seed_box.setToolTip(self.tr("Which rows are held out"))
        self.standardise_box.setText(self.tr("Standardise inputs"))
        self.standardise_box.setToolTip(
            self.tr("The network sees (x − mean) / sd per input column, over the training rows")
        )
        labels = (
            self.tr("Built-in:"),
            self.tr("n"),
            self.tr("noise"),
            self.tr("seed"),
            self.tr("Test share:"),
            self.tr("split seed"),
        )
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)

    def _make_builtin_controls(self) -> None:
        self.builtin_box = QComboBox()
        self.builtin_box.setObjectName("builtinDataBox")
        for spec in BUILTIN_SETS.values():
            self.builtin_box.addItem("", spec.name)  # texts: retranslate
        # None chosen: the data are the project's own until the student picks a set.
        self.builtin_box.setCurrentIndex(-1)
        self.count_box = _spin(1, MAX_GENERATED, 200)
        self.noise_box = QDoubleSpinBox(decimals=2, singleStep=0.05, maximum=2.0)
        self.seed_box = _spin(0, MAX_SEED, 0)
        self.regenerate_button = QPushButton()
        self.regenerate_button.setObjectName("regenerateButton")
        self.builtin_box.currentIndexChanged.connect(self._on_builtin_chosen)
        # Only a pick by the student (not a programmatic reset) replaces the data.
        self.builtin_box.activated.connect(self._on_regenerate_clicked)
        self.regenerate_button.clicked.connect(self._on_regenerate_clicked)

    def _make_split_controls(self) -> None:
        self.test_share_box = QSpinBox()
        self.test_share_box.setObjectName("testShareBox")
        self.test_share_box.setRange(0, int(100 * MAX_TEST_FRACTION))
        self.test_share_box.setSingleStep(5)
        self.test_share_box.setSuffix(" %")
        self.split_seed_box = _spin(0, MAX_SEED, 0)
        self.standardise_box = QCheckBox()
        self.standardise_box.setObjectName("standardiseBox")
        self.test_share_box.valueChanged.connect(self._on_split_edited)
        self.split_seed_box.valueChanged.connect(self._on_split_edited)
        self.standardise_box.toggled.connect(self.standardiseToggled)

    def _lay_out(self) -> None:
        self._labels = [QLabel() for _ in range(6)]  # texts: retranslate
        builtin = QHBoxLayout()
        for label, widget in zip(
            self._labels,
            (self.builtin_box, self.count_box, self.noise_box, self.seed_box),
            strict=False,
        ):
            builtin.addWidget(label)
            builtin.addWidget(widget)
        builtin.addWidget(self.regenerate_button)
        builtin.addStretch(1)
        split = QHBoxLayout()
        split.addWidget(self._labels[4])
        split.addWidget(self.test_share_box)
        split.addWidget(self._labels[5])
        split.addWidget(self.split_seed_box)
        split.addWidget(self.standardise_box)
        split.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(builtin)
        layout.addLayout(split)

    # showing the document ---------------------------------------------------------------------
    def show_dataset(self, dataset: Dataset) -> None:
        """The split and standardisation settings, without echoing them back as edits."""
        with QSignalBlocker(self.test_share_box), QSignalBlocker(self.split_seed_box):
            self.test_share_box.setValue(round(100 * dataset.test_fraction))
            self.split_seed_box.setValue(dataset.split_seed)
        with QSignalBlocker(self.standardise_box):
            self.standardise_box.setChecked(dataset.standardise)

    def clear_builtin_choice(self) -> None:
        """Another project is open: its data are its own, no built-in set is chosen."""
        self.builtin_box.setCurrentIndex(-1)
        with QSignalBlocker(self.seed_box):
            self.seed_box.setValue(0)

    # slots ------------------------------------------------------------------------------------
    def _on_builtin_chosen(self, _index: int) -> None:
        name = self.builtin_box.currentData()
        self.regenerate_button.setEnabled(name is not None)
        if name is None:
            return
        spec = get_builtin(name)
        self.count_box.setValue(spec.default_count)
        self.count_box.setEnabled(not spec.fixed_count)
        self.noise_box.setValue(spec.default_noise)

    def _on_regenerate_clicked(self) -> None:
        self.regenerateRequested.emit(
            self.builtin_box.currentData(),
            self.count_box.value(),
            self.noise_box.value(),
            self.seed_box.value(),
        )

    def _on_split_edited(self, _value: int) -> None:
        self.splitEdited.emit(self.test_share_box.value() / 100, self.split_seed_box.value())
