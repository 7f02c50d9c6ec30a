"""A typeset formula: LaTeX -> SVG (ziamath, cached in bpstudio.render) -> a crisp pixmap."""

from __future__ import annotations

import contextlib
from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

from bpstudio.render.formula_svg import formula_svg


@lru_cache(maxsize=512)
def formula_pixmap(latex: str, height_scale: float, ratio: float) -> QPixmap:
    """The formula drawn at ``height_scale`` times ziamath's natural size."""
    renderer = QSvgRenderer(QByteArray(formula_svg(latex)))
    natural = renderer.defaultSize()
    size = QSize(
        max(1, round(natural.width() * height_scale)),
        max(1, round(natural.height() * height_scale)),
    )
    pixmap = QPixmap(size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return pixmap


def _screen_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.devicePixelRatio() if screen else 1.0


def prefetch(latex: str, scale: float) -> None:
    """Typeset a formula into the cache now (idle time), so showing it later is instant."""
    with contextlib.suppress(Exception):  # shown as LaTeX source when its turn comes
        formula_pixmap(latex, scale, _screen_ratio())


class FormulaLabel(QLabel):
    """Shows one LaTeX formula; falls back to the LaTeX source if it cannot be typeset."""

    def __init__(self, scale: float = 0.75, parent=None) -> None:
        super().__init__(parent)
        self._scale = scale
        self._latex = ""
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    @property
    def scale(self) -> float:
        return self._scale

    def latex(self) -> str:
        return self._latex

    def set_latex(self, latex: str) -> None:
        self._latex = latex
        self.setToolTip(latex)
        if not latex:
            self.clear()
            return
        try:
            self.setPixmap(formula_pixmap(latex, self._scale, _screen_ratio()))
        except Exception:  # noqa: BLE001 - a formula ziamath cannot typeset is still shown, as LaTeX
            self.setText(latex)


class FormulaScroll(QScrollArea):
    """Long formulas (six-term sums of deep networks) scroll sideways instead of squeezing;
    the area is exactly as tall as its formula."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        hint = self.widget().sizeHint()
        return QSize(hint.width(), hint.height() + self.horizontalScrollBar().sizeHint().height())
