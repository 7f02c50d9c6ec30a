"""Data: the dataset and its file form, edits, splits, label rules, scaling; built-in
generators, the registry of them, CSV import/export, decision grids.

Pure NumPy, like the rest of ``bpstudio.model``.  Import the submodules themselves
(``registry``, ``csv_io``, ``grid``); this package imports nothing eagerly, so that
``bpstudio.model.data.dataset`` can be imported by them without a cycle.
"""
