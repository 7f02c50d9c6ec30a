"""The key under the diagram: what edge colour and width mean, and what the units show.

It lives in the scene (not the view) so that exported figures carry it too.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from bpstudio.views.diagram import style
from bpstudio.views.widgets.language import translate

EDGE_MEANING = {"weight": "w", "gradient": "∂E/∂w"}


def unit_meaning(node_mode: str) -> str:
    meanings = {
        "a": translate("NetworkDiagram", "units show a = f(z), the activation"),
        "z": translate("NetworkDiagram", "units show z, the weighted input"),
        "dE/dz": translate("NetworkDiagram", "units show ∂E/∂z"),
    }
    return meanings[node_mode]


SWATCH = 26.0
GAP = 10.0


class LegendItem(QGraphicsItem):
    def __init__(self, position: QPointF) -> None:
        super().__init__()
        self._font = style.text_font(12)
        self._parts: list[tuple[str, object]] = []
        self._width = 0.0
        self._modes: tuple[str, str, int] = ("a", "weight", 0)
        self._batch_size = 0
        self.setPos(position)
        self.setAcceptedMouseButtons(self.acceptedMouseButtons().NoButton)
        self.set_modes("a", "weight")

    def set_modes(self, node_mode: str, overlay: str, sample: int = 0) -> None:
        """``sample``: the 1-based sample whose gradients the edges show (gradient overlay)."""
        self._modes = (node_mode, overlay, sample)
        self._update_parts()

    def set_gradient_source(self, batch_size: int) -> None:
        """The gradients drawn are the mean over a batch of this many samples (while training
        runs), or 0: the shown sample's own."""
        self._batch_size = batch_size
        self._update_parts()

    def _update_parts(self) -> None:
        node_mode, overlay, sample = self._modes
        symbol = EDGE_MEANING[overlay]
        gradient = overlay == "gradient"
        source = f" ({self._source_text(sample, self._batch_size)})" if gradient else ""
        parts = [
            ("swatch", style.edge_pen(False, style.LEVELS - 2, gradient)),
            ("text", f"{symbol} > 0"),
            ("swatch", style.edge_pen(True, style.LEVELS - 2, gradient)),
            ("text", f"{symbol} < 0"),
            ("text", self._width_text(symbol) + source + f"  ·  {unit_meaning(node_mode)}"),
            ("swatch", style.round_pen(style.HIGHLIGHT, 6.0)),
            ("text", translate("NetworkDiagram", "used by the current walkthrough formula")),
        ]
        if parts == self._parts:
            return  # asked at every refresh, i.e. every training frame
        self.prepareGeometryChange()
        self._parts = parts
        metrics = QFontMetricsF(self._font)
        self._width = sum(
            SWATCH + GAP if kind == "swatch" else metrics.horizontalAdvance(value) + GAP
            for kind, value in parts
        )
        self.update()

    @staticmethod
    def _source_text(sample: int, batch_size: int) -> str:
        if batch_size:
            return (
                translate("NetworkDiagram", "mean over the next step's batch of %d samples")
                % batch_size
            )
        return translate("NetworkDiagram", "on sample %d") % sample

    @staticmethod
    def _width_text(symbol: str) -> str:
        return translate("NetworkDiagram", "· width grows with |%s|") % symbol

    def text(self) -> str:
        return " ".join(str(value) for kind, value in self._parts if kind == "text")

    def boundingRect(self) -> QRectF:
        return QRectF(0, -12, self._width, 24)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._font)
        metrics = QFontMetricsF(self._font)
        x = 0.0
        baseline = metrics.ascent() / 2 - 1
        for kind, value in self._parts:
            if kind == "swatch":
                painter.setPen(value)
                painter.drawLine(QLineF(x + 2, 0, x + SWATCH - 2, 0))
                x += SWATCH + GAP
            else:
                painter.setPen(style.MUTED_INK)
                painter.drawText(QPointF(x, baseline), value)
                x += metrics.horizontalAdvance(value) + GAP
