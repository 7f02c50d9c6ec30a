"""Small pieces every view shares: the interface language, action helpers, colours, symbols,
number input.
"""
