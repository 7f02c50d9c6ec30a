"""The Network menu: add/remove units and hidden layers, activations, biases, loss.

Dialogs ask for the arguments; the document does the edit (one undo command each).  A refused
edit (softmax in a hidden layer, a loss that does not fit the output) is explained in a box.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from bpstudio.controller.document import Document
from bpstudio.model.activations import ACTIVATION_NAMES
from bpstudio.model.losses import LOSS_NAMES
from bpstudio.views.weights import network_dialogs
from bpstudio.views.widgets.actions import describe, make_action
from bpstudio.views.widgets.language import Retranslating, model_message
from bpstudio.views.widgets.model_names import activation_label, loss_label


class NetworkMenu(Retranslating, QMenu):
    def __init__(self, document: Document, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("menuNetwork")
        self.setToolTipsVisible(True)
        self._document = document
        self._window = parent
        self._add_edit_actions()
        self.addSeparator()
        self._activation_menu = self.addMenu("")
        self._activation_menu.setToolTipsVisible(True)
        self._bias_action = make_action(
            self, "", "", self._on_bias_toggled, name="actionUseBias", checkable=True
        )
        self.addAction(self._bias_action)
        self._loss_menu = self.addMenu("")
        self._loss_menu.setToolTipsVisible(True)
        self.aboutToShow.connect(self._on_about_to_show)
        self.retranslate()

    def _add_edit_actions(self) -> None:
        slots = {
            "actionAddUnit": self._on_add_unit,
            "actionRemoveUnit": self._on_remove_unit,
            "actionInsertLayer": self._on_insert_layer,
            "actionRemoveLayer": self._on_remove_layer,
        }
        self.edit_actions = {}
        for name, slot in slots.items():
            self.edit_actions[name] = make_action(self, "", "", slot, name=name)
            self.addAction(self.edit_actions[name])

    # texts ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Network"))
        self._activation_menu.setTitle(self.tr("&Activation"))
        self._loss_menu.setTitle(self.tr("&Loss"))
        self._bias_action.setText(self.tr("Use &biases"))
        describe(self._bias_action, self.tr("Add a bias b to every non-input unit"))
        texts = {
            "actionAddUnit": (self.tr("Add &unit…"), self.tr("Add a unit to a layer")),
            "actionRemoveUnit": (
                self.tr("&Remove unit…"),
                self.tr("Remove a unit and its weights"),
            ),
            "actionInsertLayer": (
                self.tr("&Insert hidden layer…"),
                self.tr("Insert a hidden layer"),
            ),
            "actionRemoveLayer": (
                self.tr("Remove hidden &layer…"),
                self.tr("Remove a hidden layer"),
            ),
        }
        for name, (text, tip) in texts.items():
            self.edit_actions[name].setText(text)
            describe(self.edit_actions[name], tip)
        self._on_about_to_show()  # the activation and loss entries are made with their texts

    # keeping the checkable items in step with the project -----------------------------------
    def _on_about_to_show(self) -> None:
        net = self._document.project.network
        with QSignalBlocker(self._bias_action):  # reflecting the state is not an edit
            self._bias_action.setChecked(net.use_bias)
        self.edit_actions["actionRemoveLayer"].setEnabled(net.n_layers > 2)
        self._fill_activation_menu()
        self._fill_loss_menu()

    def _fill_activation_menu(self) -> None:
        for old in self._activation_menu.findChildren(QMenu):
            old.deleteLater()  # clear() keeps submenus alive; their texts would go stale
        self._activation_menu.clear()
        net = self._document.project.network
        for layer in range(2, net.n_layers + 1):
            sub = self._activation_menu.addMenu(network_dialogs.layer_name(net, layer))
            group = QActionGroup(sub)
            for name in ACTIVATION_NAMES:
                if name == "softmax" and layer != net.n_layers:
                    continue
                action = make_action(
                    sub,
                    activation_label(name),
                    self.tr("Layer %d computes a = %s(z)") % (layer, activation_label(name)),
                    checkable=True,
                )
                action.setChecked(net.activations[layer - 2] == name)
                action.triggered.connect(
                    lambda _checked=False, lay=layer, n=name: self._edit(
                        self._document.set_activation, lay, n
                    )
                )
                group.addAction(action)
                sub.addAction(action)

    def _fill_loss_menu(self) -> None:
        self._loss_menu.clear()
        group = QActionGroup(self._loss_menu)
        for name in LOSS_NAMES:
            action = make_action(
                self._loss_menu,
                loss_label(name),
                self.tr("Use the loss %s") % loss_label(name),
                checkable=True,
            )
            action.setChecked(self._document.project.loss == name)
            action.triggered.connect(
                lambda _checked=False, n=name: self._edit(self._document.set_loss, n)
            )
            group.addAction(action)
            self._loss_menu.addAction(action)

    # edits ----------------------------------------------------------------------------------
    def _edit(self, method, *args) -> None:
        try:
            method(*args)
        except ValueError as exc:
            QMessageBox.warning(
                self._window, self.tr("Cannot make this change"), model_message(exc)
            )

    def _on_add_unit(self) -> None:
        net = self._document.project.network
        layer = network_dialogs.ask_layer(
            self._window, net, self.tr("Add unit"), range(1, net.n_layers + 1)
        )
        if layer is not None:
            self._edit(self._document.add_unit, layer)

    def _on_remove_unit(self) -> None:
        answer = network_dialogs.ask_unit(
            self._window, self._document.project.network, self.tr("Remove unit")
        )
        if answer is None:
            return
        layer, unit = answer
        if self._document.unit_removal_loses_data(layer, unit) and not self._confirm_data_loss():
            return
        self._edit(self._document.remove_unit, layer, unit)

    def _confirm_data_loss(self) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self._window,
            self.tr("Remove a data column?"),
            self.tr(
                "This unit's column in the dataset holds values. Removing the unit removes "
                "them too (Undo brings them back). Remove it?"
            ),
            buttons.Yes | buttons.No,
            buttons.No,
        )
        return answer == buttons.Yes

    def _on_insert_layer(self) -> None:
        answer = network_dialogs.ask_new_layer(self._window, self._document.project.network)
        if answer is not None:
            self._edit(self._document.insert_layer, *answer)

    def _on_remove_layer(self) -> None:
        net = self._document.project.network
        layer = network_dialogs.ask_layer(
            self._window, net, self.tr("Remove hidden layer"), range(2, net.n_layers)
        )
        if layer is not None:
            self._edit(self._document.remove_layer, layer)

    def _on_bias_toggled(self, on: bool) -> None:
        self._edit(self._document.set_use_bias, on)
