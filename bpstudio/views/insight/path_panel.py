"""The path explorer's panel (``pathPanel``): a gradient written as the sum over its paths.

Each row is one path from E down to the chosen weight or unit: its colour (the same as on the
diagram), the units it runs through, the product of its local derivatives, symbolic and with
the numbers, and its value.  Hovering a row highlights that path on the diagram.  The panel
only shows what ``model.gradient_paths`` computed; it adds nothing up itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.model.derivation import symbols as sym
from bpstudio.model.gradient_paths import GradientPath, PathSum
from bpstudio.views.diagram.path_overlay import path_colour
from bpstudio.views.diagram.style import format_value
from bpstudio.views.widgets import palette
from bpstudio.views.widgets.language import Retranslating

SWATCH, ROUTE, TERM, VALUE = range(4)
SUM_TERMS_SHOWN = 6  # the footer writes out the sum term by term up to this many paths


class PathPanel(Retranslating, QWidget):
    pathHovered = Signal(int)  # the row under the pointer, -1 for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pathPanelWidget")
        self.found: PathSum | None = None
        self._sample = 0
        self._empty_reason = ""
        self.header = QLabel()
        self.header.setObjectName("pathPanelHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.table = self._make_table()
        self.footer = QLabel()
        self.footer.setObjectName("pathPanelSum")
        self.footer.setWordWrap(True)
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)
        self.show_nothing("")
        self.retranslate()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setObjectName("pathTable")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The row under the pointer is shown selected: the path drawn wide on the diagram.
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setMouseTracking(True)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(SWATCH, QHeaderView.ResizeMode.Fixed)
        # Sized once per fill (show_paths): a ResizeToContents column measures every row again
        # at each setItem, a millisecond each for 64 rows of 4 cells.
        header.setSectionResizeMode(ROUTE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TERM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(SWATCH, 14)
        table.cellEntered.connect(lambda row, _column: self._on_row_hovered(row))
        table.viewport().installEventFilter(self)
        return table

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._on_row_hovered(-1)
        return False

    def _on_row_hovered(self, row: int) -> None:
        if row < 0:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self.pathHovered.emit(row)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                "",
                self.tr("Path from E"),
                self.tr("Term: the product along the path"),
                self.tr("Value"),
            ]
        )
        self.table.setToolTip(self.tr("Point at a path to highlight it on the diagram"))
        if self.found is not None:
            self.show_paths(self.found, self._sample)
        else:
            self.show_nothing(self._empty_reason)

    # contents ---------------------------------------------------------------------------
    def show_nothing(self, reason: str) -> None:
        """No weight or unit chosen (or its paths cannot be computed: ``reason`` says why)."""
        self.found = None
        self._empty_reason = reason
        self.table.setRowCount(0)
        self.header.setText(
            reason
            or self.tr(
                "Select a weight (an edge) or a hidden unit on the diagram, or step the "
                "walkthrough to a ∂E/∂w or ∂E/∂a step, to see every path from E to it and "
                "its gradient as the sum over those paths."
            )
        )
        self.footer.setText("")

    def show_paths(self, found: PathSum, sample: int) -> None:
        """``sample``: the 1-based sample whose pass the numbers are from."""
        self.found, self._sample = found, sample
        self.header.setText(self._header_text(found, sample))
        self.table.setRowCount(len(found.paths))
        for row, path in enumerate(found.paths):
            self._fill_row(row, path, found)
        self.table.resizeColumnToContents(ROUTE)
        self.table.resizeColumnToContents(VALUE)
        self.table.resizeRowsToContents()
        self.footer.setText(self._sum_text(found))

    def _header_text(self, found: PathSum, sample: int) -> str:
        what = f"<b>{found.plain}</b>"
        if found.paths_total == 1:
            text = self.tr(
                "%1 on sample %2 has one path from E: its term multiplies the local derivatives "
                "along it (the chain rule)."
            )
        elif found.listed_all:
            text = self.tr(
                "%1 on sample %2 is the sum over its %3 paths from E: each term multiplies the "
                "local derivatives along its path (the chain rule), and backpropagation adds "
                "the terms up."
            )
        else:
            text = self.tr(
                "%1 on sample %2 is the sum over its %3 paths from E; the %4 largest terms are "
                "listed, the largest first."
            )
        return (
            text.replace("%1", what)
            .replace("%2", str(sample))
            .replace("%3", f"{found.paths_total:,}")
            .replace("%4", str(len(found.paths)))
        )

    def _fill_row(self, row: int, path: GradientPath, found: PathSum) -> None:
        swatch = QTableWidgetItem()
        swatch.setBackground(path_colour(row))
        route = QTableWidgetItem(" → ".join(["E", *_route(path, found)]))
        symbols = " · ".join(f.plain for f in path.factors)
        numbers = "".join(f"({format_value(f.value)})" for f in path.factors)
        term = QTableWidgetItem(f"{symbols}\n= {numbers}")
        value = QTableWidgetItem(format_value(path.value))
        value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if path.value < 0:
            value.setForeground(QColor(palette.GRADIENT_NEGATIVE))
        for column, item in enumerate((swatch, route, term, value)):
            self.table.setItem(row, column, item)

    def _sum_text(self, found: PathSum) -> str:
        listed = [f"({format_value(p.value)})" for p in found.paths]
        total = format_value(found.value)
        if found.listed_all and len(listed) <= SUM_TERMS_SHOWN:
            return f"{found.plain} = {' + '.join(listed)} = {total}"
        if found.listed_all:
            return (
                self.tr("%1 = the sum of the %2 terms above = %3")
                .replace("%1", found.plain)
                .replace("%2", str(len(listed)))
                .replace("%3", total)
            )
        text = self.tr("%1 = the %2 terms above + the other %3 paths (%4 together) = %5")
        others = found.paths_total - len(found.paths)
        return (
            text.replace("%1", found.plain)
            .replace("%2", str(len(listed)))
            .replace("%3", f"{others:,}")
            .replace("%4", format_value(found.paths_rest))
            .replace("%5", total)
        )


def _route(path: GradientPath, found: PathSum) -> list[str]:
    """The units a path runs through, named as the walkthrough names them; a weight's path
    ends at the weight."""
    names = []
    last_layer = max(u.layer for u in path.units)
    units = path.units[:-1] if found.quantity == "dE/dw" else path.units
    for index, unit in enumerate(units):
        if unit.layer == last_layer:
            coupled = index > 0 and units[index - 1].layer == last_layer
            names.append(sym.plain_z(unit.layer, unit.unit) if coupled else sym.plain_y(unit.unit))
        else:
            names.append(sym.plain_a(unit.layer, unit.unit))
    if found.quantity == "dE/dw":
        names.append(sym.plain_w(found.layer, *found.indices))
    return names
