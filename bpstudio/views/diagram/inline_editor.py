"""The in-place number editor opened on an edge: Enter applies, Escape cancels.

A non-number is refused with a message under the field, and nothing changes; the editor
stays open so the student can correct the typing.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsProxyWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from bpstudio.views.widgets.language import translate
from bpstudio.views.widgets.number_input import parse_number

EDITOR_Z = 100.0


class _NumberField(QLineEdit):
    escapePressed = Signal()

    def keyPressEvent(self, event) -> None:
        # QLineEdit ignores Escape; catching it here works wherever the field is embedded.
        if event.key() == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class InlineNumberEditor(QFrame):
    committed = Signal(float)
    cancelled = Signal()

    def __init__(self, symbol_html: str, value_text: str) -> None:
        super().__init__()
        self.setObjectName("inlineWeightEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#inlineWeightEditor { background: #ffffff; border: 1px solid #0877bd;"
            " border-radius: 6px; }"
        )
        self.field = _NumberField(value_text)
        self.field.setObjectName("inlineWeightField")
        self.field.selectAll()
        self.field.setMinimumWidth(110)
        self.field.setToolTip(
            translate("NetworkDiagram", "Enter applies the new value, Esc cancels")
        )
        self.message = QLabel()
        self.message.setObjectName("inlineWeightMessage")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        self._build_layout(symbol_html)
        self.field.returnPressed.connect(self._on_return_pressed)
        self.field.escapePressed.connect(self.cancelled)
        self.field.textEdited.connect(self._on_text_edited)

    def _build_layout(self, symbol_html: str) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(f"{symbol_html} ="))
        row.addWidget(self.field)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        column.addLayout(row)
        column.addWidget(self.message)

    def _on_return_pressed(self) -> None:
        text = self.field.text()
        value = parse_number(text)
        if value is None:
            self._show_error(
                translate("NetworkDiagram", "“%s” is not a number. Type e.g. 0.25 or -1.5e-3.")
                % text
            )
            return
        self.committed.emit(value)

    def _on_text_edited(self, _text: str) -> None:
        self.message.hide()
        self.field.setStyleSheet("")
        self.adjustSize()

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.field.setStyleSheet("border: 1px solid #c62828;")
        self.adjustSize()


def open_editor_proxy(scene, editor: InlineNumberEditor, anchor: QPointF) -> QGraphicsProxyWidget:
    """Embed ``editor`` centred on ``anchor``, at screen size whatever the zoom."""
    proxy = scene.addWidget(editor)
    proxy.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    proxy.setZValue(EDITOR_Z)
    size = editor.sizeHint()
    proxy.setPos(anchor)
    proxy.setTransform(QTransform.fromTranslate(-size.width() / 2, -size.height() / 2))
    editor.field.setFocus()
    proxy.setFocus()
    return proxy
