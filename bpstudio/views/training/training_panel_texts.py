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
    tips: dict = {
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
            "Momentum μ (torch.optim's rule): each weight keeps a buffer b ← μ·b + g "
            "(RMSprop: + g / (√v + ε)) and moves by −η·b; 0 is no momentum (applies at once)",
        ),
        **optimiser_tips(panel),
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
        panel.optimiser_box: translate("TrainingPanel", "Optimiser"),
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
    panel.nesterov_box.setText(translate("TrainingPanel", "Nesterov momentum"))
    field_captions = {
        "momentum": translate("TrainingPanel", "Momentum μ"),
        "alpha": translate("TrainingPanel", "Decay α"),
        "epsilon": translate("TrainingPanel", "Epsilon ε"),
        "beta1": translate("TrainingPanel", "Decay β₁"),
        "beta2": translate("TrainingPanel", "Decay β₂"),
        "weight_decay": translate("TrainingPanel", "Weight decay λ"),
    }
    for name, label in panel.optimiser_settings.labels.items():
        label.setText(field_captions[name])
        label.setToolTip(panel.optimiser_fields[name].toolTip())
    show_optimiser_summary(panel)
    optimiser_names = {
        "sgd": translate("TrainingPanel", "SGD"),
        "rmsprop": translate("TrainingPanel", "RMSprop"),
        "adam": translate("TrainingPanel", "Adam"),
    }
    for i in range(panel.optimiser_box.count()):
        panel.optimiser_box.setItemText(i, optimiser_names[panel.optimiser_box.itemData(i)])
    loss_names = {
        "half_sse": translate("TrainingPanel", "½ Σ (Y − Ŷ)² (seed)"),
        "mse": translate("TrainingPanel", "Mean squared error"),
        "cross_entropy": translate("TrainingPanel", "Cross-entropy"),
    }
    for i in range(panel.loss_box.count()):
        panel.loss_box.setItemText(i, loss_names[panel.loss_box.itemData(i)])
    panel.max_epochs_box.setSpecialValueText(translate("TrainingPanel", "no limit"))
    panel.target_loss_box.setSpecialValueText(translate("TrainingPanel", "none"))


def optimiser_tips(panel) -> dict:
    """The tooltips of the optimiser's controls (torch.optim's meanings)."""
    return {
        panel.optimiser_box: translate(
            "TrainingPanel",
            "How the gradient g becomes an update (torch.optim's SGD, RMSprop, Adam): SGD "
            "steps by −η·g (with momentum, by a running sum); RMSprop divides g by the root "
            "of its running mean square; Adam divides a running mean of g by the root of its "
            "running mean square. Another optimiser starts its running averages from zero",
        ),
        panel.nesterov_box: translate(
            "TrainingPanel",
            "Nesterov momentum: step by −η·(g + μ·b) instead of −η·b, looking one step ahead "
            "(needs a momentum above 0)",
        ),
        panel.weight_decay_box: translate(
            "TrainingPanel",
            "Weight decay λ (L2 penalty, as torch.optim adds it): every weight's gradient "
            "becomes g + λ·w, pulling the weights towards 0; 0 is none",
        ),
        panel.alpha_box: translate(
            "TrainingPanel",
            "RMSprop's α: how slowly its mean square forgets, v ← α·v + (1 − α)·g² "
            "(torch's default 0.99)",
        ),
        panel.epsilon_box: translate(
            "TrainingPanel",
            "ε: added to the root in the denominator so that it is never 0 (torch's default "
            "1e-8); type it as 1e-8, the arrows multiply or divide it by 10",
        ),
        panel.beta1_box: translate(
            "TrainingPanel",
            "Adam's β₁: how slowly the mean of g forgets, m ← β₁·m + (1 − β₁)·g "
            "(torch's default 0.9)",
        ),
        panel.beta2_box: translate(
            "TrainingPanel",
            "Adam's β₂: how slowly the mean square forgets, v ← β₂·v + (1 − β₂)·g² "
            "(torch's default 0.999)",
        ),
    }


def show_optimiser_summary(panel) -> None:
    """The settings button's tooltip: what it opens, and the numbers in use now."""
    tip = translate("TrainingPanel", "The optimiser's numbers and the weight decay: %s")
    panel.optimiser_settings.button.setToolTip(tip % panel.optimiser_settings.summary)
