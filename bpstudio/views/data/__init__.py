"""The data: the table and its controls, CSV import, the decision boundary."""
