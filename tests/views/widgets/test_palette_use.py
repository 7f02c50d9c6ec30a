"""The diagram, the tables and the legend take their meaningful colours from
views/widgets/palette."""

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from bpstudio.views.diagram import style
from bpstudio.views.diagram.legend import LegendItem
from bpstudio.views.widgets import palette, value_colours


def test_the_diagram_and_the_tables_use_the_palette():
    assert QColor(palette.HIGHLIGHT) == style.HIGHLIGHT
    assert QColor(palette.HIGHLIGHT_FILL) == style.HIGHLIGHT_FILL
    assert (
        QColor(palette.WEIGHT_POSITIVE),
        QColor(palette.WEIGHT_NEGATIVE),
    ) == (style.POSITIVE, style.NEGATIVE)
    assert (value_colours.POSITIVE, value_colours.NEGATIVE) == (style.POSITIVE, style.NEGATIVE)
    assert value_colours.HIGHLIGHT_BACKGROUND == palette.HIGHLIGHT_FILL


def test_the_highlight_is_no_weight_sign_colour():
    signs = {style.POSITIVE.name(), style.NEGATIVE.name()}
    assert style.HIGHLIGHT.name() not in signs and style.HIGHLIGHT_FILL.name() not in signs


def test_the_legend_says_what_a_highlight_means(qapp):
    legend = LegendItem(QPointF(0, 0))
    assert "used by the current walkthrough formula" in legend.text()
    swatches = [value for kind, value in legend._parts if kind == "swatch"]
    assert any(pen.color() == style.HIGHLIGHT for pen in swatches)
