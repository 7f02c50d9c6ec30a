"""The weights: tables of each weight matrix, and the Network menu's edits and dialogs."""
