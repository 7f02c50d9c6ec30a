"""The step-by-step walkthrough: the derivation card, its controls, practice mode, notation
and exports.
"""
