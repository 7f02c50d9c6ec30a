"""Context menus of units, layers and edges; every action calls one document edit.

Menus are built by plain methods so that tests can trigger their QActions directly.  Actions
have stable objectNames (actionAddUnit, actionRemoveUnit, ...).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from bpstudio.model.activations import ACTIVATIONS
from bpstudio.model.refs import BiasRef, EdgeRef, UnitRef
from bpstudio.views.diagram.notation import parameter_symbol, unit_symbol
from bpstudio.views.widgets.language import model_message, translate
from bpstudio.views.widgets.model_names import activation_label

MAX_DEFAULT_LAYER_SIZE = 16


class DiagramMenus:
    def __init__(self, document, report: Callable[[str], None], confirm_removal) -> None:
        self._document = document
        self._report = report  # shows why an edit was refused
        self._confirm_removal = confirm_removal  # (layer, unit) -> bool

    @property
    def _network(self):
        return self._document.project.network

    def unit_menu(self, ref: UnitRef, parent: QWidget | None = None) -> QMenu:
        menu = QMenu(parent)
        self._add_action(
            menu,
            "actionAddUnit",
            translate("NetworkDiagram", "Add a unit to layer %d") % ref.layer,
            lambda: self._document.add_unit(ref.layer),
        )
        name = unit_symbol(ref, self._network.n_layers).unicode
        remove = self._add_action(
            menu,
            "actionRemoveUnit",
            translate("NetworkDiagram", "Remove unit %s") % name,
            lambda: self.remove_unit(ref),
        )
        remove.setEnabled(self._network.layer_sizes[ref.layer - 1] > 1)
        menu.addSeparator()
        layer_menu = self.layer_menu(ref.layer, menu)
        layer_menu.setTitle(translate("NetworkDiagram", "Layer %d") % ref.layer)
        menu.addMenu(layer_menu)
        return menu

    def layer_menu(self, layer: int, parent: QWidget | None = None) -> QMenu:
        net = self._network
        menu = QMenu(parent)
        self._add_action(
            menu,
            "actionAddUnit",
            translate("NetworkDiagram", "Add a unit to layer %d") % layer,
            lambda: self._document.add_unit(layer),
        )
        menu.addSeparator()
        before = self._add_action(
            menu,
            "actionInsertLayerBefore",
            translate("NetworkDiagram", "Insert a hidden layer before layer %d") % layer,
            lambda: self._insert_layer(layer),
        )
        before.setEnabled(layer >= 2)
        after = self._add_action(
            menu,
            "actionInsertLayerAfter",
            translate("NetworkDiagram", "Insert a hidden layer after layer %d") % layer,
            lambda: self._insert_layer(layer + 1),
        )
        after.setEnabled(layer < net.n_layers)
        remove = self._add_action(
            menu,
            "actionRemoveLayer",
            translate("NetworkDiagram", "Remove layer %d") % layer,
            lambda: self._document.remove_layer(layer),
        )
        remove.setEnabled(1 < layer < net.n_layers)
        menu.addSeparator()
        menu.addMenu(self._activation_menu(layer, menu))
        bias = self._add_action(
            menu,
            "actionToggleBias",
            translate("NetworkDiagram", "Biases"),
            lambda: self._document.set_use_bias(not net.use_bias),
        )
        bias.setCheckable(True)
        bias.setChecked(net.use_bias)
        return menu

    def edge_menu(self, ref: EdgeRef | BiasRef, begin_edit, parent=None) -> QMenu:
        menu = QMenu(parent)
        name = parameter_symbol(ref).unicode
        self._add_action(
            menu,
            "actionEditWeight",
            translate("NetworkDiagram", "Edit %s…") % name,
            lambda: begin_edit(ref),
        )
        self._add_action(
            menu,
            "actionZeroWeight",
            translate("NetworkDiagram", "Set %s to 0") % name,
            lambda: self.set_parameter(ref, 0.0),
        )
        return menu

    # edits shared with the view ------------------------------------------------------------
    def remove_unit(self, ref: UnitRef) -> None:
        if self._confirm_removal(ref.layer, ref.unit):
            self._safely(lambda: self._document.remove_unit(ref.layer, ref.unit))

    def set_parameter(self, ref: EdgeRef | BiasRef, value: float) -> None:
        if isinstance(ref, BiasRef):
            self._safely(lambda: self._document.set_bias(ref.layer, ref.unit, value))
        else:
            self._safely(lambda: self._document.set_weight(ref.layer, ref.j, ref.k, value))

    # helpers -------------------------------------------------------------------------------
    def _activation_menu(self, layer: int, parent: QMenu) -> QMenu:
        menu = QMenu(translate("NetworkDiagram", "Activation"), parent)
        menu.setObjectName("menuActivation")
        menu.setEnabled(layer >= 2)
        current = self._network.activations[layer - 2] if layer >= 2 else None
        is_output = layer == self._network.n_layers
        for name in ACTIVATIONS:
            action = self._add_action(
                menu,
                f"actionActivation_{name}",
                activation_label(name),
                lambda n=name: self._document.set_activation(layer, n),
            )
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setEnabled(is_output or name != "softmax")  # softmax: outputs only
        return menu

    def _insert_layer(self, position: int) -> None:
        """A new hidden layer numbered ``position``, shaped like its neighbour."""
        net = self._network
        neighbour = net.layer_sizes[position - 1]
        size = max(2, min(MAX_DEFAULT_LAYER_SIZE, neighbour))
        activation = net.activations[position - 2]
        if activation == "softmax":
            activation = "sigmoid"
        self._safely(lambda: self._document.insert_layer(position, size, activation))

    def _add_action(self, menu: QMenu, name: str, text: str, slot):
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: self._safely(slot))
        return action

    def _safely(self, edit) -> None:
        try:
            edit()
        except ValueError as error:  # the model refuses an impossible edit and says why
            self._report(model_message(error))
