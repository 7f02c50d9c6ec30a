"""The training dock: play/pause and settings, the live loss plot and its companions."""
