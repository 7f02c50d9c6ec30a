"""Text in the user's language that both the command line and the window use, without Qt.

- `translation_files`: where the Qt Linguist sources (.ts) and compiled catalogues (.qm) are;
- `cli_text`: the command line's `translate`, reading the .ts with xml.etree (no PySide6);
- `model_messages`: the model's messages (templates with parameters) in either language.

Nothing here imports Qt (an import-linter contract in pyproject.toml checks it).
"""
