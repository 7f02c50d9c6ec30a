"""The diagram's scene: listens to the document, rebuilds on structure, repaints on values.

Items draw; the document holds the data.  A structural change (sizes, activations, biases)
rebuilds every item; any other change only updates values, pens and labels in place.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtWidgets import QGraphicsScene, QGraphicsTextItem, QMessageBox

from bpstudio.model import notation
from bpstudio.model.network_size import diagram_builds_at_once, diagram_draws_edges
from bpstudio.model.refs import UnitRef
from bpstudio.views.diagram import style
from bpstudio.views.diagram.builder import (
    DiagramItems,
    build_in_steps,
    build_items,
    build_labels,
    label_position,
    remove_labels,
)
from bpstudio.views.diagram.edge_item import EdgeItem
from bpstudio.views.diagram.highlight import apply_highlight, clear_callouts
from bpstudio.views.diagram.inline_editor import InlineNumberEditor, open_editor_proxy
from bpstudio.views.diagram.menus import DiagramMenus
from bpstudio.views.diagram.notation import parameter_symbol
from bpstudio.views.diagram.refresh import refresh_edges, refresh_units
from bpstudio.views.diagram.stepped_build import SteppedBuild
from bpstudio.views.diagram.summary import build_summary
from bpstudio.views.diagram.unit_item import UnitItem
from bpstudio.views.diagram.values import EDGE_OVERLAYS, NODE_MODES
from bpstudio.views.widgets.language import translate

AUTO_LABEL_EDGE_LIMIT = 40  # edge labels default on up to this many edges (the seed has 10)
SCENE_MARGIN = 60.0


class NetworkScene(QGraphicsScene):
    message = Signal(str)  # why an edit was refused, for the status bar
    # every item was made anew (overlays add theirs again); a big network's build ends a few
    # event-loop turns after ``rebuild`` (see ``is_building``)
    rebuilt = Signal()

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.items_: DiagramItems | None = None
        self.node_value_mode = "a"
        self.edge_overlay = "weight"
        self._labels_choice: bool | None = None  # None: decided by the network's size
        self._callouts: list = []
        self._editor_proxy = None
        self._applying_selection = False
        self._selected_edges: set[EdgeItem] = set()
        self._active_edge: EdgeItem | None = None
        self._build: SteppedBuild | None = None
        self._building_note: QGraphicsTextItem | None = None
        self._making_items = False  # a stepped build has not made every item yet
        self.menus = DiagramMenus(document, self.message.emit, self._confirm_removal)
        self.setBackgroundBrush(style.BACKGROUND)
        # No BSP tree: long diagonal edges fall in most of its leaves, and querying it for a
        # frame of 10,000 edges cost tens of milliseconds; a linear pass skips the resting
        # (transparent) edges at once.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        document.structureChanged.connect(self._on_structure_changed)
        document.changed.connect(self._on_document_changed)
        document.liveChanged.connect(self._on_document_changed)
        document.revealedChanged.connect(self._on_document_changed)
        document.selectionChanged.connect(self._on_document_selection_changed)
        document.highlightChanged.connect(self._on_highlight_changed)
        self.selectionChanged.connect(self._on_scene_selection_changed)
        self.rebuild()

    # modes ---------------------------------------------------------------------------------
    def set_node_value_mode(self, mode: str) -> None:
        if mode not in NODE_MODES:
            raise ValueError(f"node value mode must be one of {NODE_MODES}, not {mode!r}")
        self.node_value_mode = mode
        self.refresh_values()

    def set_edge_overlay(self, overlay: str) -> None:
        if overlay not in EDGE_OVERLAYS:
            raise ValueError(f"edge overlay must be one of {EDGE_OVERLAYS}, not {overlay!r}")
        self.edge_overlay = overlay
        self.refresh_values()

    @property
    def edge_labels_visible(self) -> bool:
        if self._labels_choice is not None:
            return self._labels_choice
        return len(self.items_.edge_order) <= AUTO_LABEL_EDGE_LIMIT

    def set_edge_labels_visible(self, visible: bool) -> None:
        self._labels_choice = bool(visible)
        self._sync_labels()
        self.refresh_values()

    # building and refreshing ---------------------------------------------------------------
    def rebuild(self) -> None:
        """Makes every item anew: at once for a small network; for a big one in slices
        between event-loop turns (a newer rebuild cancels an older one still under way)."""
        self._cancel_build()
        self._applying_selection = True  # clearing deselects: not a user's selection
        try:
            self.close_editor()
            self._callouts = []
            self._selected_edges = set()
            self._active_edge = None
            self.clear()
            network = self.document.project.network
            notation.show_network(network.layer_sizes)  # Mazur's names fit his 2-2-2 only
            if not diagram_draws_edges(network):
                self.items_ = build_summary(self, network)
            elif diagram_builds_at_once(network):
                self.items_ = build_items(self, network)
            else:
                self._start_stepped_build(network)
                return
        finally:
            self._applying_selection = False
        self._finish_rebuild()

    @property
    def is_building(self) -> bool:
        """A big network's build is under way: ``rebuilt`` follows when it ends."""
        return self._build is not None and self._build.running

    def finish_build(self) -> None:
        """Makes the rest of the items now (an export needs all of them)."""
        if self.is_building:
            self._build.finish_now()

    def _start_stepped_build(self, network) -> None:
        steps = build_in_steps(self, network)
        self.items_ = next(steps)
        self._making_items = True
        self._show_building_note(network)
        self._build = SteppedBuild(self._stepped_rebuild(steps), self._on_stepped_build_done, self)

    def _stepped_rebuild(self, steps):
        yield from steps
        self._making_items = False
        self.removeItem(self._building_note)
        self._building_note = None
        yield from self._finishing_steps()

    def _show_building_note(self, network) -> None:
        layout = self.items_.layout
        note = QGraphicsTextItem(translate("NetworkDiagram", "Drawing the network…"))
        note.setObjectName("diagramBuildingNote")
        note.setDefaultTextColor(style.MUTED_INK)
        note.setFont(style.text_font(13))
        note.setScale(layout.text_scale)
        note.setPos(layout.legend_pos())
        self.addItem(note)
        self._building_note = note
        # The build's final extent, known from the layout, so the view fits it once.
        top_left = layout.header_pos(1)
        bottom_right = QPointF(layout.header_pos(network.n_layers).x(), note.pos().y())
        m, text = SCENE_MARGIN, 40 * layout.text_scale  # a header's and the note's height
        rect = QRectF(top_left, bottom_right).normalized()
        self.setSceneRect(rect.adjusted(-m, -m - text, m, m + text))

    def _on_stepped_build_done(self) -> None:
        self._build.deleteLater()
        self._build = None
        self.rebuilt.emit()

    def _cancel_build(self) -> None:
        if self._build is not None:
            self._build.cancel()  # its items go with the ``clear`` that follows
            self._build.deleteLater()
            self._build = None
        self._building_note = None
        self._making_items = False

    def _finish_rebuild(self) -> None:
        for _ in self._finishing_steps():
            pass
        self.rebuilt.emit()

    def _finishing_steps(self):
        """Labels, values, highlight and selection on the new items; a pause between them
        when the build runs in slices (each costs tens of milliseconds at 10,000 edges)."""
        self._applying_selection = True
        try:
            if not self.is_summary:
                self._sync_labels()
            m = SCENE_MARGIN
            self.setSceneRect(self._content_rect().adjusted(-m, -m, m, m))
        finally:
            self._applying_selection = False
        yield
        self.refresh_values()
        yield
        self._on_highlight_changed(self.document.highlight)
        self._apply_selection(self.document.selection)

    def _content_rect(self) -> QRectF:
        """What ``itemsBoundingRect`` gives, without asking each of 10,000 edges: they lie
        inside their bundle's rectangle."""
        items = self.items_
        if items.bundle is None:
            return self.itemsBoundingRect()
        rect = items.bundle.sceneBoundingRect()
        for group in (items.units, items.headers, items.bias_nodes, items.labels):
            for item in group.values():
                rect = rect.united(item.sceneBoundingRect())
        if items.legend is not None:
            rect = rect.united(items.legend.sceneBoundingRect())
        return rect

    @property
    def is_summary(self) -> bool:
        """The network is too big to draw: only its layers and a note are shown."""
        return self.items_ is not None and self.items_.summary is not None

    def refresh_values(self) -> None:
        if self.is_summary or self._making_items:
            return
        sample = self.document.sample_index + 1
        self.items_.legend.set_modes(self.node_value_mode, self.edge_overlay, sample)
        refresh_units(self.document, self.items_, self.node_value_mode)
        refresh_edges(self.document, self.items_, self.edge_overlay)

    def _sync_labels(self) -> None:
        if self._making_items:
            return  # labels follow when the edges are all made
        remove_labels(self, self.items_)
        if self.edge_labels_visible:
            build_labels(self, self.items_)

    # document signals ----------------------------------------------------------------------
    def _on_structure_changed(self) -> None:
        self.rebuild()

    def _on_document_changed(self) -> None:
        self.refresh_values()

    def _on_highlight_changed(self, refs) -> None:
        if self.is_summary or self._making_items:
            return
        clear_callouts(self, self._callouts)
        self._callouts = apply_highlight(self, self.items_, refs, self.document.highlight_values)

    def _on_document_selection_changed(self, refs) -> None:
        self._apply_selection(refs)

    # selection shared with the tables --------------------------------------------------------
    def _on_scene_selection_changed(self) -> None:
        selected = self.selectedItems()
        self._refresh_selected_edges({i for i in selected if isinstance(i, EdgeItem)})
        if self._applying_selection:
            return  # the echo of a selection the document just told us about
        refs = frozenset(i.ref for i in selected if isinstance(i, UnitItem | EdgeItem))
        self.document.set_selection(refs)

    def _refresh_selected_edges(self, selected_edges: set) -> None:
        for edge in selected_edges ^ self._selected_edges:
            edge.refresh_emphasis()
        self._selected_edges = selected_edges

    def _apply_selection(self, refs) -> None:
        if self._making_items:
            return  # applied when the build ends
        self._applying_selection = True
        try:
            for item in self.selectedItems():
                if getattr(item, "ref", None) not in refs:
                    item.setSelected(False)
            for ref in refs:
                item = self.items_.item_for(ref)
                if item is not None:
                    item.setSelected(True)
        finally:
            self._applying_selection = False

    def selected_units(self) -> list[UnitRef]:
        return sorted(i.ref for i in self.selectedItems() if isinstance(i, UnitItem))

    # hit testing of resting edges ------------------------------------------------------------
    def activate_edge_at(self, scene_pos: QPointF) -> None:
        """Make the edge under ``scene_pos`` (if any) hittable, before Qt looks for items."""
        if self.items_ is None or self.items_.hit_index is None or self._making_items:
            return
        index = self.items_.hit_index.nearest(scene_pos)
        edge = None if index is None else self.items_.edges[self.items_.edge_order[index]]
        if edge is self._active_edge:
            return
        if self._active_edge is not None:
            self._active_edge.set_active(False)
        self._active_edge = edge
        if edge is not None:
            edge.set_active(True)

    def itemAt(self, *args):
        self.activate_edge_at(QPointF(args[0]) if len(args) == 2 else QPointF(args[0], args[1]))
        return super().itemAt(*args)

    def mouseMoveEvent(self, event) -> None:
        self.activate_edge_at(event.scenePos())
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        self.activate_edge_at(event.scenePos())
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        self.activate_edge_at(event.scenePos())
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:
        self.activate_edge_at(event.scenePos())
        super().contextMenuEvent(event)

    def helpEvent(self, event) -> None:
        self.activate_edge_at(event.scenePos())
        super().helpEvent(event)

    # in-place editing ------------------------------------------------------------------------
    def begin_edit(self, ref) -> InlineNumberEditor | None:
        if self.is_building:
            return None
        edge = self.items_.edges.get(ref)
        if edge is None:
            return None
        self.close_editor()
        editor = InlineNumberEditor(parameter_symbol(ref).html, str(edge.value))
        editor.committed.connect(lambda value: self._on_editor_committed(ref, value))
        editor.cancelled.connect(self.close_editor)
        anchor = label_position(self.items_.layout, ref)
        self._editor_proxy = open_editor_proxy(self, editor, anchor)
        return editor

    @property
    def editor(self) -> InlineNumberEditor | None:
        return None if self._editor_proxy is None else self._editor_proxy.widget()

    def close_editor(self) -> None:
        proxy, self._editor_proxy = self._editor_proxy, None
        if proxy is not None:
            self.removeItem(proxy)
            proxy.deleteLater()  # not now: we may be inside the editor's own signal
            for view in self.views():
                view.setFocus()

    def _on_editor_committed(self, ref, value: float) -> None:
        self.close_editor()
        if value != self.items_.edges[ref].value:  # Enter on an untouched value: no undo step
            self.menus.set_parameter(ref, value)

    # context menus -------------------------------------------------------------------------
    def show_unit_menu(self, ref: UnitRef, screen_pos) -> None:
        self._exec_menu(self.menus.unit_menu(ref, self._menu_parent()), screen_pos)

    def show_layer_menu(self, layer: int, screen_pos) -> None:
        self._exec_menu(self.menus.layer_menu(layer, self._menu_parent()), screen_pos)

    def show_edge_menu(self, ref, screen_pos) -> None:
        menu = self.menus.edge_menu(ref, self.begin_edit, self._menu_parent())
        self._exec_menu(menu, screen_pos)

    def _menu_parent(self):
        views = self.views()
        return views[0] if views else None

    @staticmethod
    def _exec_menu(menu, screen_pos: QPointF) -> None:
        menu.exec(screen_pos)
        menu.deleteLater()

    # removal with data loss ----------------------------------------------------------------
    def confirm_data_loss(self, layer: int, unit: int) -> bool:
        """Ask before a removal drops a dataset column (replaceable, e.g. by tests)."""
        answer = QMessageBox.question(
            self._menu_parent(),
            translate("NetworkDiagram", "Remove unit"),
            translate(
                "NetworkDiagram",
                "Removing unit %d of layer %d deletes its column of the dataset. Remove it?",
            )
            % (unit, layer),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_removal(self, layer: int, unit: int) -> bool:
        if not self.document.unit_removal_loses_data(layer, unit):
            return True
        return self.confirm_data_loss(layer, unit)
