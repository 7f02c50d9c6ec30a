"""Small dialogs that ask for the arguments of a network edit.  Each returns None on Cancel.

They only ask; the main window passes the answers to the document, which does the edit.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from bpstudio.model.activations import ACTIVATION_NAMES
from bpstudio.model.initialisation import SCHEMES, USES_SCALE, InitScheme
from bpstudio.model.network import Network
from bpstudio.model.validation import MAX_SEED
from bpstudio.views.widgets.language import translate
from bpstudio.views.widgets.model_names import activation_label, scheme_label


def layer_name(network: Network, layer: int) -> str:
    size = network.layer_sizes[layer - 1]
    if layer == 1:
        return translate("NetworkDialogs", "Layer 1 (inputs, %d units)") % size
    if layer == network.n_layers:
        return translate("NetworkDialogs", "Layer %d (outputs, %d units)") % (layer, size)
    return translate("NetworkDialogs", "Layer %d (hidden, %d units)") % (layer, size)


def _form_dialog(parent: QWidget, title: str) -> tuple[QDialog, QFormLayout]:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    return dialog, form


def _run(dialog: QDialog, form: QFormLayout) -> bool:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return dialog.exec() == QDialog.DialogCode.Accepted


def _layer_combo(network: Network, layers, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for layer in layers:
        combo.addItem(layer_name(network, layer), layer)
    combo.setToolTip(
        translate("NetworkDialogs", "The layer, numbered as the seed numbers them (inputs = 1)")
    )
    return combo


def _activation_combo(parent: QWidget, allow_softmax: bool) -> QComboBox:
    combo = QComboBox(parent)
    for name in ACTIVATION_NAMES:
        if name != "softmax" or allow_softmax:
            combo.addItem(activation_label(name), name)
    combo.setToolTip(translate("NetworkDialogs", "The function f in a = f(z)"))
    return combo


def ask_layer(parent: QWidget, network: Network, title: str, layers) -> int | None:
    dialog, form = _form_dialog(parent, title)
    combo = _layer_combo(network, layers, dialog)
    form.addRow(translate("NetworkDialogs", "Layer:"), combo)
    return combo.currentData() if _run(dialog, form) else None


def ask_unit(parent: QWidget, network: Network, title: str) -> tuple[int, int] | None:
    """(layer, unit) of a unit to remove."""
    dialog, form = _form_dialog(parent, title)
    combo = _layer_combo(network, range(1, network.n_layers + 1), dialog)
    unit = QSpinBox(dialog)
    unit.setToolTip(translate("NetworkDialogs", "The unit's number within its layer, from 1"))

    def _on_layer_changed() -> None:
        unit.setRange(1, network.layer_sizes[combo.currentData() - 1])

    combo.currentIndexChanged.connect(_on_layer_changed)
    _on_layer_changed()
    form.addRow(translate("NetworkDialogs", "Layer:"), combo)
    form.addRow(translate("NetworkDialogs", "Unit:"), unit)
    return (combo.currentData(), unit.value()) if _run(dialog, form) else None


def ask_new_layer(parent: QWidget, network: Network) -> tuple[int, int, str] | None:
    """(position, size, activation) of a hidden layer to insert."""
    dialog, form = _form_dialog(parent, translate("NetworkDialogs", "Insert hidden layer"))
    position = QComboBox(dialog)
    for p in range(2, network.n_layers + 1):
        position.addItem(translate("NetworkDialogs", "Before %s") % layer_name(network, p), p)
    position.setToolTip(
        translate("NetworkDialogs", "The new layer takes this place; later layers move right")
    )
    size = QSpinBox(dialog)
    size.setRange(1, 200)
    size.setValue(2)
    size.setToolTip(translate("NetworkDialogs", "How many units the new layer has"))
    activation = _activation_combo(dialog, allow_softmax=False)
    form.addRow(translate("NetworkDialogs", "Position:"), position)
    form.addRow(translate("NetworkDialogs", "Units:"), size)
    form.addRow(translate("NetworkDialogs", "Activation:"), activation)
    if not _run(dialog, form):
        return None
    return position.currentData(), size.value(), activation.currentData()


def ask_init_scheme(parent: QWidget, current: InitScheme) -> InitScheme | None:
    dialog, form = _form_dialog(parent, translate("NetworkDialogs", "Re-initialise weights"))
    scheme = QComboBox(dialog)
    for name in SCHEMES:
        scheme.addItem(scheme_label(name), name)
    scheme.setCurrentIndex(scheme.findData(current.name))
    scheme.setToolTip(
        translate(
            "NetworkDialogs",
            "uniform: every weight in [−scale, scale]; Xavier: uniform in ±√(6 / (inputs + "
            "outputs)) of the layer; He: normal with σ = √(2 / inputs); constant: every weight "
            "and bias equal to the scale; zeros: every weight and bias 0 (the hidden units stay "
            "copies of each other: the symmetry problem)",
        )
    )
    seed = QSpinBox(dialog)
    seed.setRange(0, MAX_SEED)
    seed.setValue(current.seed)
    seed.setToolTip(translate("NetworkDialogs", "The same seed always draws the same weights"))
    scale = QDoubleSpinBox(dialog)
    scale.setRange(0.0, 100.0)
    scale.setDecimals(3)
    scale.setValue(current.scale)
    scale.setToolTip(
        translate("NetworkDialogs", "The range of 'uniform' and the value of 'constant'")
    )

    def _on_scheme_changed() -> None:  # the scale means something to two schemes only
        scale.setEnabled(scheme.currentData() in USES_SCALE)

    scheme.currentIndexChanged.connect(_on_scheme_changed)
    _on_scheme_changed()
    form.addRow(translate("NetworkDialogs", "Scheme:"), scheme)
    form.addRow(translate("NetworkDialogs", "Seed:"), seed)
    form.addRow(translate("NetworkDialogs", "Scale:"), scale)
    if not _run(dialog, form):
        return None
    return InitScheme(scheme.currentData(), seed.value(), scale.value())
