"""Where a gradient comes from and what the hidden units do: path explorer, health badges,
hidden space.
"""
