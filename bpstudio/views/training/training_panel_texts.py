"""The training panel's fixed texts, apart from its logic so that both files stay short."""

from __future__ import annotations

from bpstudio.views.widgets.actions import describe
from bpstudio.views.widgets.language import translate


def apply_texts(panel) -> None:
    """Every fixed caption and tooltip of ``panel``, in the current language."""
    for action, text, tip in (
        (
            panel.step_action,
            translate("TrainingPanel", "Step"),
            translate("TrainingPanel", "Take one optimiser update, then pause"),
        ),
        (
            panel.epoch_action,
            translate("TrainingPanel", "Epoch"),
            translate("TrainingPanel", "Train to the end of the current epoch, then pause"),
        ),
        (
            panel.reset_action,
            translate("TrainingPanel", "Reset"),
            translate(
                "TrainingPanel",
                "Fresh weights from the initialisation seed; clear the loss history",
            ),
        ),
    ):
        action.setText(text)
        describe(action, tip)
    tips = {
        panel.speed_slider: translate(
            "TrainingPanel",
            "Training speed: from slow motion (follow each update on the diagram) to flat out",
        ),
        panel.flat_out_button: translate(
            "TrainingPanel",
            "Train as fast as the computer can; click again for the default pace",
        ),
        panel.learning_rate_box: translate(
            "TrainingPanel",
            "Learning rate η: how far each update moves the weights (applies at once)",
        ),
        panel.batch_size_box: translate(
            "TrainingPanel",
            "Samples per update: 1 is online learning; all of them is full batch "
            "(a change starts a fresh epoch)",
        ),
        panel.loss_box: translate(
            "TrainingPanel",
            "The loss E the gradients are taken of: ½ Σ (Y − Ŷ)² as in the seed, the mean "
            "squared error, or cross-entropy (for a softmax or sigmoid output layer)",
        ),
        panel.momentum_box: translate(
            "TrainingPanel",
            "Momentum μ (torch.optim.SGD's rule): each weight keeps a buffer b ← μ·b + ∂E/∂w "
            "and moves by −η·b; 0 is plain gradient descent (applies at once)",
        ),
        panel.shuffle_box: translate(
            "TrainingPanel",
            "Draw a new order of the training samples for every epoch, from the seed "
            "(a change starts a fresh epoch)",
        ),
        panel.seed_box: translate(
            "TrainingPanel",
            "The seed of the shuffled order: the same seed gives the same run "
            "(a change starts a fresh epoch)",
        ),
        panel.max_epochs_box: translate(
            "TrainingPanel", "Pause once this many epochs have finished"
        ),
        panel.target_loss_box: translate(
            "TrainingPanel", "Pause once an epoch's loss is at most this"
        ),
        panel.readout: translate(
            "TrainingPanel", "Updates taken, epochs finished, latest loss, speed"
        ),
        panel.status_label: translate("TrainingPanel", "Why training last stopped"),
    }
    for widget, tip in tips.items():
        widget.setToolTip(tip)
    captions = {
        panel.loss_box: translate("TrainingPanel", "Loss"),
        panel.momentum_box: translate("TrainingPanel", "Momentum"),
        panel.seed_box: translate("TrainingPanel", "Seed"),
        panel.learning_rate_box: translate("TrainingPanel", "Learning rate"),
        panel.batch_size_box: translate("TrainingPanel", "Batch size"),
        panel.max_epochs_box: translate("TrainingPanel", "Stop after epochs"),
        panel.target_loss_box: translate("TrainingPanel", "or at loss ≤"),
    }
    for box, label in panel._captions.items():
        label.setText(captions[box])
        label.setToolTip(box.toolTip())
    panel._speed_caption.setText(translate("TrainingPanel", "Speed"))
    panel.flat_out_button.setText(translate("TrainingPanel", "Flat out"))
    panel.shuffle_box.setText(translate("TrainingPanel", "Shuffle each epoch"))
    loss_names = {
        "half_sse": translate("TrainingPanel", "½ Σ (Y − Ŷ)² (seed)"),
        "mse": translate("TrainingPanel", "Mean squared error"),
        "cross_entropy": translate("TrainingPanel", "Cross-entropy"),
    }
    for i in range(panel.loss_box.count()):
        panel.loss_box.setItemText(i, loss_names[panel.loss_box.itemData(i)])
    panel.max_epochs_box.setSpecialValueText(translate("TrainingPanel", "no limit"))
    panel.target_loss_box.setSpecialValueText(translate("TrainingPanel", "none"))
