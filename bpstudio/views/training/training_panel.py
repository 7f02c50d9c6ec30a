"""The training panel: play/pause, step, epoch, reset, speed, every training setting, stops.

It talks only to a TrainingController (never to the worker), and reads a project's training
configuration to show it.  Edits of the learning rate, the optimiser and its numbers, batch
size, shuffle or seed go to the controller at once (they apply from the next step) and out as
`configEdited`, for the document to record as an undoable edit; a new loss goes out as
`lossEdited` (the document's edit reaches the worker).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStyle,
    QToolButton,
    QWidget,
)

from bpstudio.controller.training_controller import TrainingController
from bpstudio.controller.training_pace import (
    DEFAULT_STEPS_PER_SECOND,
    FLAT_OUT,
    StopConditions,
)
from bpstudio.controller.training_snapshot import TrainingSnapshot
from bpstudio.model.losses import loss_fits
from bpstudio.model.project import Project
from bpstudio.model.training import TrainingConfig
from bpstudio.views.training import optimiser_controls
from bpstudio.views.training import training_controls as controls
from bpstudio.views.training.training_panel_texts import apply_texts, show_optimiser_summary
from bpstudio.views.widgets.actions import describe
from bpstudio.views.widgets.language import is_language_change, model_message
from bpstudio.views.widgets.steady_label import SteadyLabel

DIVERGED_COLOUR = "#b00020"


class TrainingPanel(QWidget):
    configEdited = Signal(object)  # TrainingConfig, after the user changed a value
    lossEdited = Signal(str)  # the loss the user chose (a file name: half_sse, mse, ...)

    def __init__(self, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._config = TrainingConfig()
        self._last_loss = float("nan")
        self._steps = self._epochs = 0
        self._make_actions()
        self._make_controls()
        self._lay_out()
        self._show_optimiser_fields(self._config.optimizer)
        self._connect()
        self._retranslate_static()
        self._on_running_changed(controller.is_running)

    # construction ---------------------------------------------------------------------------
    def _action(self, icon, shortcut: str, slot) -> QAction:
        action = QAction(self.style().standardIcon(icon), "", self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        c = self._controller
        self.play_action = self._action(pixmap.SP_MediaPlay, "Space", c.toggle_running)
        self.step_action = self._action(pixmap.SP_MediaSkipForward, "F10", c.step_once)
        self.epoch_action = self._action(pixmap.SP_MediaSeekForward, "Shift+F10", c.step_epoch)
        self.reset_action = self._action(pixmap.SP_BrowserReload, "Ctrl+Shift+R", c.reset)

    def _make_controls(self) -> None:
        self.speed_slider = controls.make_speed_slider()
        self.speed_label = QLabel()
        self.flat_out_button = controls.make_flat_out_button()
        self.learning_rate_box = controls.make_learning_rate_box()
        self.batch_size_box = controls.make_batch_size_box()
        self.loss_box = controls.make_loss_box()
        self.momentum_box = controls.make_momentum_box()
        self.optimiser_box = optimiser_controls.make_optimiser_box()
        self.nesterov_box = optimiser_controls.make_nesterov_box()
        self.alpha_box = optimiser_controls.make_alpha_box()
        self.epsilon_box = optimiser_controls.make_epsilon_box()
        self.beta1_box = optimiser_controls.make_beta1_box()
        self.beta2_box = optimiser_controls.make_beta2_box()
        self.weight_decay_box = optimiser_controls.make_weight_decay_box()
        # the optimiser's number boxes by setting name (optimisers.PARAMETERS' names)
        # (in torch's order: RMSprop α, ε, μ; Adam β₁, β₂, ε; SGD μ, Nesterov; then λ)
        self.optimiser_fields: dict[str, QWidget] = {
            "alpha": self.alpha_box,
            "beta1": self.beta1_box,
            "beta2": self.beta2_box,
            "epsilon": self.epsilon_box,
            "momentum": self.momentum_box,
            "nesterov": self.nesterov_box,
            "weight_decay": self.weight_decay_box,
        }
        self.optimiser_settings = optimiser_controls.OptimiserSettingsPopup(
            self.optimiser_fields, self
        )
        self.shuffle_box = controls.make_shuffle_box()
        self.seed_box = controls.make_seed_box()
        self.max_epochs_box = controls.make_max_epochs_box()
        self.target_loss_box = controls.make_target_loss_box()
        self.readout = SteadyLabel()  # new text many times a second: no relayout each time
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self._show_speed(self._controller.speed)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for action in (self.play_action, self.step_action, self.epoch_action, self.reset_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            buttons.addWidget(button)
        buttons.addStretch(1)
        speed = QHBoxLayout()  # a row of its own, so the panel fits beside the loss plot
        self._speed_caption = QLabel()
        speed.addWidget(self._speed_caption)
        speed.addWidget(self.speed_slider, 1)
        speed.addWidget(self.speed_label)
        speed.addWidget(self.flat_out_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setVerticalSpacing(2)  # every setting in the dock, and it fits an 800x600 window
        grid.addLayout(buttons, 0, 0, 1, 4)
        grid.addLayout(speed, 1, 0, 1, 4)
        # The optimiser's row replaces the momentum's: its numbers open from the button beside
        # the chooser (the dock must still fit an 800x600 window).
        self._captions = {
            box: self._add_field(grid, row, column, box)
            for box, row, column in (
                (self.loss_box, 2, 0),
                (self.learning_rate_box, 2, 2),
                (self.optimiser_box, 3, 0),
                (self.batch_size_box, 3, 2),
                (self.seed_box, 4, 2),
                (self.max_epochs_box, 5, 0),
                (self.target_loss_box, 5, 2),
            )
        }
        chooser = QHBoxLayout()
        chooser.setContentsMargins(0, 0, 0, 0)
        chooser.setSpacing(0)
        grid.removeWidget(self.optimiser_box)
        chooser.addWidget(self.optimiser_box, 1)
        chooser.addWidget(self.optimiser_settings.button)
        grid.addLayout(chooser, 3, 1)
        grid.addWidget(self.shuffle_box, 4, 0, 1, 2)
        grid.addWidget(self.readout, 6, 0, 1, 4)
        grid.addWidget(self.status_label, 7, 0, 1, 4)
        # The loss's name is the longest text in the grid ("½ Σ (Y − Ŷ)² (seed)"): its column
        # grows faster, so that at 1280x720 it shows whole beside numbers that need little room.
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)

    @staticmethod
    def _add_field(grid: QGridLayout, row: int, column: int, box: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(box)
        grid.addWidget(label, row, column)
        grid.addWidget(box, row, column + 1)
        return label

    # texts ----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._retranslate_static()
            self._on_running_changed(self._controller.is_running)
        super().changeEvent(event)

    def _retranslate_static(self) -> None:
        apply_texts(self)
        self._show_speed(self._controller.speed)
        self._show_counts(self._steps, self._epochs, 0.0)
        self.batch_size_box.setSuffix(self.tr(" of %d") % self.batch_size_box.maximum())

    def _connect(self) -> None:
        c = self._controller
        c.runningChanged.connect(self._on_running_changed)
        c.snapshotReady.connect(self._on_snapshot)
        c.stopped.connect(self._on_stopped)
        c.diverged.connect(self._on_diverged)
        c.failed.connect(self._on_failed)
        self.speed_slider.valueChanged.connect(self._on_speed_moved)
        self.flat_out_button.toggled.connect(self._on_flat_out_toggled)
        for box in (self.learning_rate_box, self.momentum_box, self.batch_size_box, self.seed_box,
                    self.alpha_box, self.epsilon_box, self.beta1_box, self.beta2_box,
                    self.weight_decay_box):  # fmt: skip
            box.valueChanged.connect(self._on_config_edited)
        self.shuffle_box.toggled.connect(self._on_config_edited)
        self.nesterov_box.toggled.connect(self._on_config_edited)
        self.optimiser_box.activated.connect(self._on_config_edited)
        self.loss_box.activated.connect(self._on_loss_chosen)
        self.max_epochs_box.valueChanged.connect(self._on_stop_conditions_edited)
        self.target_loss_box.valueChanged.connect(self._on_stop_conditions_edited)

    # the project ----------------------------------------------------------------------------
    def set_project(self, project: Project) -> None:
        """Show ``project``'s training configuration (without sending it back as an edit)."""
        self._config = project.training
        self.batch_size_box.blockSignals(True)  # a clamped value is not the user's edit
        self.batch_size_box.setRange(1, project.dataset.n_samples)
        self.batch_size_box.blockSignals(False)
        self.batch_size_box.setSuffix(self.tr(" of %d") % project.dataset.n_samples)
        config = project.training
        controls.set_quietly(self.learning_rate_box, config.learning_rate)
        controls.set_quietly(self.batch_size_box, config.batch_size)
        controls.set_quietly(self.momentum_box, config.momentum)
        controls.set_quietly(self.seed_box, config.seed)
        for name in ("alpha", "epsilon", "beta1", "beta2", "weight_decay"):
            controls.set_quietly(self.optimiser_fields[name], getattr(config, name))
        with QSignalBlocker(self.shuffle_box), QSignalBlocker(self.nesterov_box):
            self.shuffle_box.setChecked(config.shuffle)
            self.nesterov_box.setChecked(config.nesterov)
        with QSignalBlocker(self.optimiser_box):
            self.optimiser_box.setCurrentIndex(self.optimiser_box.findData(config.optimizer))
        self.seed_box.setEnabled(config.shuffle)
        self._show_optimiser_fields(config.optimizer)
        self._show_losses(project)
        self._last_loss = project.history.steps.latest
        self._show_counts(project.steps_taken, len(project.history.epochs), 0.0)

    def clear_status(self) -> None:
        """Forget why training last stopped (another project is open)."""
        self._show_status("")

    # slots ----------------------------------------------------------------------------------
    def _on_running_changed(self, running: bool) -> None:
        pixmap = (
            QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_action.setIcon(self.style().standardIcon(pixmap))
        self.play_action.setText(self.tr("Pause") if running else self.tr("Play"))
        tip = self.tr("Pause training") if running else self.tr("Train continuously")
        describe(self.play_action, tip)
        if running:
            self._show_status("")

    def _on_snapshot(self, snapshot: TrainingSnapshot) -> None:
        if len(snapshot.new_steps) or snapshot.history_reset:
            self._last_loss = snapshot.last_loss
        self._show_counts(snapshot.step_count, snapshot.epoch_count, snapshot.steps_per_second)

    def _on_stopped(self, reason: str) -> None:
        if not self.status_label.text():  # a divergence message stays until training restarts
            self._show_status(reason)

    def _on_diverged(self, message: str) -> None:
        self._show_status(f"<span style='color:{DIVERGED_COLOUR}'>{model_message(message)}</span>")

    def _on_failed(self, message: str) -> None:
        self._on_diverged(message)

    def _on_speed_moved(self, position: int) -> None:
        speed = controls.speed_at(position)
        self._show_speed(speed)
        self._controller.set_speed(speed)

    def _on_flat_out_toggled(self, flat_out: bool) -> None:
        speed = FLAT_OUT if flat_out else DEFAULT_STEPS_PER_SECOND
        self.speed_slider.setValue(controls.position_of(speed))

    def _on_config_edited(self, _value) -> None:
        self._config = self._config.with_changes(
            learning_rate=self.learning_rate_box.value(),
            momentum=self.momentum_box.value(),
            batch_size=self.batch_size_box.value(),
            shuffle=self.shuffle_box.isChecked(),
            seed=self.seed_box.value(),
            optimizer=self.optimiser_box.currentData(),
            nesterov=self.nesterov_box.isChecked(),
            alpha=self.alpha_box.value(),
            epsilon=self.epsilon_box.value(),
            beta1=self.beta1_box.value(),
            beta2=self.beta2_box.value(),
            weight_decay=self.weight_decay_box.value(),
        )
        self.seed_box.setEnabled(self._config.shuffle)
        self._show_optimiser_fields(self._config.optimizer)
        self._controller.set_config(self._config)
        self.configEdited.emit(self._config)

    def _show_optimiser_fields(self, kind: str) -> None:
        """Only the numbers ``kind`` uses; the others keep their values for a switch back."""
        self.optimiser_settings.show_fields(kind, self._config)
        show_optimiser_summary(self)

    def _on_loss_chosen(self, index: int) -> None:
        self.lossEdited.emit(self.loss_box.itemData(index))

    def _show_losses(self, project: Project) -> None:
        """The project's loss; losses its output layer cannot use are shown but disabled."""
        model = self.loss_box.model()
        for i in range(self.loss_box.count()):
            fits = loss_fits(self.loss_box.itemData(i), project.network.output_activation)
            model.item(i).setEnabled(fits)
        with QSignalBlocker(self.loss_box):
            self.loss_box.setCurrentIndex(self.loss_box.findData(project.loss))

    def _on_stop_conditions_edited(self, _value) -> None:
        epochs, target = self.max_epochs_box.value(), self.target_loss_box.value()
        self._controller.set_stop_conditions(
            StopConditions(max_epochs=epochs or None, target_loss=target or None)
        )

    # display --------------------------------------------------------------------------------
    def _show_speed(self, steps_per_second: float) -> None:
        controls.set_quietly(self.speed_slider, controls.position_of(steps_per_second))
        self.speed_label.setText(controls.speed_text(steps_per_second))
        with QSignalBlocker(self.flat_out_button):
            self.flat_out_button.setChecked(math.isinf(steps_per_second))

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))  # no empty row between readout and plot

    def _show_counts(self, steps: int, epochs: int, per_second: float) -> None:
        self._steps, self._epochs = steps, epochs  # shown again after a language switch
        loss = "–" if self._last_loss != self._last_loss else f"{self._last_loss:.6g}"
        rate = (" · " + self.tr("%s steps/s") % f"{per_second:,.0f}") if per_second else ""
        text = self.tr("Step %s · epoch %s · loss %s") % (f"{steps:,}", f"{epochs:,}", loss)
        self.readout.setText(text + rate)
