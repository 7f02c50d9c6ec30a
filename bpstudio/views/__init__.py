"""QtWidgets views of the document: diagram, tables, plots, panels, dialogs."""
