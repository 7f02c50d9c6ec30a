"""The node-edge diagram of the document's network (QGraphicsScene/QGraphicsView)."""

from bpstudio.views.diagram.view import NetworkDiagramView

__all__ = ["NetworkDiagramView"]
