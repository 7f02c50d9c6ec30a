"""Qt-side state without widgets: the document, its undo commands, the training worker."""
