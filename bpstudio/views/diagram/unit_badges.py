"""Badges on the diagram's units that pass back little gradient: saturated and dead units.

A small disc at the bottom right of the unit, with a tooltip that says why gradients through it
are small and what to try.  Which units get one is decided by ``model.unit_health``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from bpstudio.model.unit_health import SATURATED_SHARE, SATURATION_SLOPE
from bpstudio.views.diagram import style
from bpstudio.views.diagram.layout import UNIT_RADIUS
from bpstudio.views.widgets import palette
from bpstudio.views.widgets.language import translate

BADGE_Z = 12.0  # above the units (10) and their labels
BADGE_RADIUS = 10.0
COLOURS = {"saturated": QColor(palette.BADGE_SATURATED), "dead": QColor(palette.BADGE_DEAD)}


def badge_letter(kind: str) -> str:
    if kind == "dead":
        return "0"  # it outputs 0: the same in every language
    return translate("UnitBadges", "S", "badge letter: a saturated unit (keep it one character)")


def badge_tooltip(kind: str, symbol_html: str, detail: float, on_training_set: bool) -> str:
    """Why gradients through the unit are small, and what to try (rich text)."""
    if kind == "dead":
        why = translate(
            "UnitBadges",
            "<b>%1 is a dead ReLU</b>: its z is ≤ 0 on every training sample, so it outputs 0 "
            "and its slope is 0. Every path through it carries nothing back (step 五), so the "
            "weights into it never change: it will not recover by itself.",
        )
        tip = translate(
            "UnitBadges",
            "Try a smaller learning rate, Leaky ReLU, small positive biases, or re-initialising "
            "the weights.",
        )
    else:
        if on_training_set:
            why = translate(
                "UnitBadges",
                "<b>%1 is saturated</b> on %2 % of the training samples (at least %3 %): there "
                "its slope da/dz is below %4 % of its largest.",
            )
        else:
            why = translate(
                "UnitBadges",
                "<b>%1 is saturated</b> on this sample: its slope da/dz is only %2 % of its "
                "largest (below %4 %).",
            )
        why += " " + translate(
            "UnitBadges",
            "Step 五 multiplies every gradient passing back through it by that slope, so the "
            "weights before it learn very slowly.",
        )
        tip = translate(
            "UnitBadges",
            "Try smaller initial weights, standardised inputs, a smaller learning rate, or tanh "
            "or ReLU instead of the sigmoid.",
        )
    share = f"{100 * detail:.0f}" if on_training_set else f"{100 * detail:.1f}"
    why = (
        why.replace("%1", symbol_html)
        .replace("%2", share)
        .replace("%3", f"{100 * SATURATED_SHARE:.0f}")
        .replace("%4", f"{100 * SATURATION_SLOPE:.0f}")
    )
    return f"{why}<br><span style='color:#5f6b7a'>{tip}</span>"


class UnitBadgeItem(QGraphicsItem):
    def __init__(self, kind: str, centre: QPointF, tooltip: str) -> None:
        super().__init__()
        self.kind = kind
        # Bottom right: the walkthrough's callouts sit at the top right.
        offset = 0.74 * UNIT_RADIUS
        self.setPos(centre + QPointF(offset, offset))
        self.setZValue(BADGE_Z)
        self.setToolTip(tooltip)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)  # for the tooltip
        self._font = style.text_font(12, bold=True)

    def boundingRect(self) -> QRectF:
        r = BADGE_RADIUS + 1
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(COLOURS[self.kind])
        painter.drawEllipse(QPointF(0, 0), BADGE_RADIUS, BADGE_RADIUS)
        painter.setFont(self._font)
        painter.setPen(QColor("white"))
        r = BADGE_RADIUS
        painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter,
                         badge_letter(self.kind))  # fmt: skip
