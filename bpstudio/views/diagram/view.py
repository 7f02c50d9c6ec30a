"""NetworkDiagramView: the node-edge diagram of the document's network, zoomable and editable.

Wheel zooms under the mouse, dragging the background pans, F fits, +/- zoom, Delete removes
the selected units, Enter edits the selected edge.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView

from bpstudio.views.diagram import export
from bpstudio.views.diagram.edge_item import EdgeItem
from bpstudio.views.diagram.scene import NetworkScene
from bpstudio.views.widgets.language import is_language_change

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 6.0
FIT_MARGIN = 12


class NetworkDiagramView(QGraphicsView):
    message = Signal(str)  # an edit the model refused, and why (for the status bar)
    zoomChanged = Signal(float)  # the current scale factor, 1.0 = one scene unit per pixel

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("networkDiagram")
        self.document = document
        self.diagram_scene = NetworkScene(document, self)
        self.setScene(self.diagram_scene)
        self.diagram_scene.message.connect(self.message)
        self.diagram_scene.rebuilt.connect(self._on_structure_changed)  # a big build ends late
        document.structureChanged.connect(self._on_structure_changed)
        self._auto_fit = True  # until the user zooms, the diagram follows the window's size
        self._configure()

    def _configure(self) -> None:
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Small items (a hovered edge) repaint their own rectangle; the batched edges are
        # cheap to redraw clipped, so minimal updates beat repainting the whole viewport.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Network diagram"))
        self.setToolTip("")

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            # Headers, legend and tooltips are made with the items: make them again.
            self.setAccessibleName(self.tr("Network diagram"))
            self.diagram_scene.rebuild()
        super().changeEvent(event)

    # public API for the main window ------------------------------------------------------------
    @property
    def node_value_mode(self) -> str:
        """What units show: "a", "z" or "dE/dz"."""
        return self.diagram_scene.node_value_mode

    def set_node_value_mode(self, mode: str) -> None:
        self.diagram_scene.set_node_value_mode(mode)

    @property
    def edge_overlay(self) -> str:
        """What edge colour and width show: "weight" (w) or "gradient" (dE/dw)."""
        return self.diagram_scene.edge_overlay

    def set_edge_overlay(self, overlay: str) -> None:
        self.diagram_scene.set_edge_overlay(overlay)

    def toggle_edge_overlay(self) -> None:
        self.set_edge_overlay("gradient" if self.edge_overlay == "weight" else "weight")

    @property
    def edge_labels_visible(self) -> bool:
        return self.diagram_scene.edge_labels_visible

    def set_edge_labels_visible(self, visible: bool) -> None:
        self.diagram_scene.set_edge_labels_visible(visible)

    def toggle_edge_labels(self) -> None:
        self.set_edge_labels_visible(not self.edge_labels_visible)

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP, anchored_under_mouse=False)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP, anchored_under_mouse=False)

    def fit(self) -> None:
        """Show the whole network, as large as the window allows."""
        self._auto_fit = True
        self._fit_scene()

    def zoom_factor(self) -> float:
        return self.transform().m11()

    def export_png(self, path) -> None:
        self.diagram_scene.close_editor()
        self.diagram_scene.finish_build()
        export.export_png(self.diagram_scene, path)

    def export_svg(self, path) -> None:
        self.diagram_scene.close_editor()
        self.diagram_scene.finish_build()
        export.export_svg(self.diagram_scene, path)

    def edit_selected_edge(self) -> bool:
        edges = [i for i in self.diagram_scene.selectedItems() if isinstance(i, EdgeItem)]
        if len(edges) != 1:
            return False
        return self.diagram_scene.begin_edit(edges[0].ref) is not None

    def remove_selected_units(self) -> None:
        # Highest unit first, so that the numbers of the ones still to remove stay valid.
        for ref in sorted(self.diagram_scene.selected_units(), reverse=True):
            self.diagram_scene.menus.remove_unit(ref)

    # QGraphicsView -----------------------------------------------------------------------------
    def itemAt(self, *args):
        """Also finds a resting edge: the scene makes the edge under the point hittable."""
        point = QPoint(*args) if len(args) == 2 else QPoint(args[0])
        self.diagram_scene.activate_edge_at(self.mapToScene(point))
        return super().itemAt(point)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self._zoom_by(ZOOM_STEP**steps, anchored_under_mouse=True)
        event.accept()

    def keyPressEvent(self, event) -> None:
        if self.diagram_scene.editor is not None:
            super().keyPressEvent(event)  # typing goes to the open editor
            return
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected_units()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.edit_selected_edge():
            pass
        elif key == Qt.Key.Key_F:
            self.fit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self._fit_scene()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._auto_fit:
            self._fit_scene()

    # helpers ----------------------------------------------------------------------------------
    def _on_structure_changed(self) -> None:
        if self._auto_fit:
            self._fit_scene()

    def _zoom_by(self, factor: float, anchored_under_mouse: bool) -> None:
        current = self.zoom_factor()
        factor = max(MIN_SCALE / current, min(MAX_SCALE / current, factor))
        anchor = (
            QGraphicsView.ViewportAnchor.AnchorUnderMouse
            if anchored_under_mouse
            else QGraphicsView.ViewportAnchor.AnchorViewCenter
        )
        self.setTransformationAnchor(anchor)
        self.scale(factor, factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._auto_fit = False
        self.zoomChanged.emit(self.zoom_factor())

    def _fit_scene(self) -> None:
        rect = self.diagram_scene.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        # Never blow a tiny network up beyond comfortable reading size.
        if self.zoom_factor() > 1.6:
            self.resetTransform()
            self.scale(1.6, 1.6)
            self.centerOn(rect.center())
        self.zoomChanged.emit(self.zoom_factor())
