"""Puts the document's current numbers onto existing items: no item is created here."""

from __future__ import annotations

from functools import partial

import numpy as np

from bpstudio.views.diagram import style
from bpstudio.views.diagram.notation import Symbol
from bpstudio.views.diagram.values import (
    display_levels,
    display_scale,
    parameter_gradients,
    parameter_values,
    safe_parameter_gradients,
    unit_values,
)
from bpstudio.views.widgets.language import translate


def refresh_edges(document, items, overlay: str) -> None:
    weights = parameter_values(document.shown_network())
    drawn = safe_parameter_gradients(document)
    gradients = parameter_gradients(drawn)
    known = _revealed_mask(document, items.edge_order)
    if gradients is not None and known is not None:
        gradients = np.where(known, gradients, 0.0)  # not computed yet: drawn faint
    gradient_shown = overlay == "gradient" and gradients is not None
    shown = gradients if gradient_shown else weights
    levels = display_levels(shown, display_scale(shown), style.LEVELS)
    negatives = shown < 0
    items.bundle.set_display(negatives, levels, gradient_shown)
    items.edge_values.gradient_colours = gradient_shown
    items.legend.set_gradient_source(0 if drawn is None else drawn.batch_size)
    items.edge_values.store(weights, gradients, known, negatives, levels)
    if not items.labels:
        return
    shown_list = shown.tolist()
    for index, ref in enumerate(items.edge_order):
        label = items.labels.get(ref)
        if label is not None:
            negative, level = bool(negatives[index]), int(levels[index])
            label.set_text(style.format_value(shown_list[index]))
            label.set_colors(style.edge_color(negative, level, gradient_shown), style.INK)


def _revealed_mask(document, edge_order) -> np.ndarray | None:
    """Which edges' gradients the walkthrough has computed (None: all of them are known)."""
    if document.revealed is None:
        return None
    return np.array([ref in document.revealed for ref in edge_order], dtype=bool)


def refresh_units(document, items, mode: str) -> None:
    shown_rows = unit_values(document, mode)
    all_rows = {m: unit_values(document, m) for m in ("z", "a", "dE/dz")}
    scale = _unit_scale(shown_rows)
    concealed = document.concealed  # practice: values the student still works out
    for ref, unit in items.units.items():
        value = None if (mode, ref) in concealed else _cell(shown_rows, ref)
        fill = style.unit_fill(unit.role, value, scale)
        text = "?" if (mode, ref) in concealed else style.format_value(value)
        tooltip = partial(_tooltip_of, unit, all_rows, concealed)
        unit.set_value(text, fill, tooltip)


def _tooltip_of(unit, all_rows, concealed=frozenset()) -> str:
    """Built when the tooltip is wanted, not on every refresh (250 units at every frame)."""
    values = {
        m: _cell(rows, unit.ref) for m, rows in all_rows.items() if (m, unit.ref) not in concealed
    }
    return _unit_tooltip(unit.symbol, values)


def _cell(rows, ref) -> float | None:
    row = rows[ref.layer - 1]
    return None if row is None else float(row[ref.unit - 1])


def _unit_scale(rows) -> float:
    present = [row for row in rows if row is not None]
    if not present:
        return 0.0
    return float(np.max(np.abs(np.concatenate(present)))) if present else 0.0


def _unit_tooltip(symbol: Symbol, values: dict[str, float | None]) -> str:
    names = {"z": "<i>z</i>", "a": "<i>a</i>", "dE/dz": "∂<i>E</i>/∂<i>z</i>"}
    lines = [
        f"{names[mode]} = {style.format_value(value)}"
        for mode, value in values.items()
        if value is not None
    ]
    hint = translate("NetworkDiagram", "right-click for unit actions")
    hint = f"<span style='color:#5f6b7a'>{hint}</span>"
    return f"<b>{symbol.html}</b><br>" + "<br>".join(lines) + "<br>" + hint
