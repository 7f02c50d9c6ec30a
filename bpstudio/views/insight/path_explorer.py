"""The path explorer: which weight or unit's paths are shown, on the panel and the diagram.

The target is the last thing the student pointed at: a single selected edge (its ∂E/∂w) or
unit (its ∂E/∂a), or the walkthrough's current ∂E/∂w or ∂E/∂a step.  The numbers are those of
the shown sample's pass through the shown network (the trained weights, live, while training
runs: redrawn at most ten times a second).  Nothing is computed while the panel is hidden.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject

from bpstudio.controller.coalescer import Coalescer
from bpstudio.model.gradient_paths import PATH_QUANTITIES, SamplePass, paths_for_ref
from bpstudio.model.refs import EdgeRef, UnitRef
from bpstudio.views.diagram.path_overlay import PathOverlayItem
from bpstudio.views.widgets.language import model_message

LIVE_REFRESH_MS = 100


def document_pass(document) -> SamplePass:
    """The shown sample's pass through the shown network, as the diagram shows it."""
    project, i = document.project, document.sample_index
    inputs = project.dataset.prepare_inputs(project.dataset.inputs[i : i + 1])
    targets = project.dataset.targets[i : i + 1]
    return SamplePass(document.shown_network(), inputs, targets, project.loss)


def step_target(step) -> EdgeRef | UnitRef | None:
    """The weight or unit a walkthrough step's ∂E/∂w or ∂E/∂a is about."""
    if step is None or step.quantity not in PATH_QUANTITIES:
        return None
    if step.quantity == "dE/dw":
        return EdgeRef(step.layer, *step.indices)
    return UnitRef(step.layer, *step.indices)


class PathExplorer(QObject):
    def __init__(self, document, scene, panel, cursor=None, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._scene = scene
        self.panel = panel
        self._cursor = cursor
        self.target: EdgeRef | UnitRef | None = None
        self.active = False
        self.overlay: PathOverlayItem | None = None
        self._refresh_soon = Coalescer(self.refresh, LIVE_REFRESH_MS, self)
        document.selectionChanged.connect(self._on_selection_changed)
        document.changed.connect(self.refresh)
        document.structureChanged.connect(self._on_structure_changed)
        document.liveChanged.connect(self._schedule)
        scene.rebuilt.connect(self._on_scene_rebuilt)
        panel.pathHovered.connect(self._on_path_hovered)
        if cursor is not None:
            cursor.stepChanged.connect(self._on_step_changed)

    # what is shown ------------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """On while the panel is visible: the paths are drawn and kept up to date."""
        self.active = bool(active)
        if self.active and self.target is None:
            self._take_selection(self._document.selection)
        self.refresh()

    def set_target(self, ref: EdgeRef | UnitRef | None) -> None:
        self.target = ref
        self.refresh()

    def refresh(self) -> None:
        if self._scene.is_building:
            return  # the scene's ``rebuilt`` brings us back
        if not self.active or self.target is None:
            overlay = self.overlay
            if overlay is not None and shiboken6.isValid(overlay) and overlay.n_paths:
                overlay.set_paths([])  # hidden panel: nothing drawn, nothing computed
            if self.target is None:
                self.panel.show_nothing("")
            return
        overlay = self._overlay_item()
        try:
            found = paths_for_ref(document_pass(self._document), self.target)
        except ValueError as error:  # a loss that refuses the output layer, data that misfit
            overlay.set_paths([])
            self.panel.show_nothing(model_message(str(error)))
            return
        if found is None:
            overlay.set_paths([])
            self.panel.show_nothing(self.tr(
                "An output unit has one path from E: ∂E/∂Y itself (step 一). Select a hidden "
                "unit or a weight to see the paths that add up to its gradient."
            ))  # fmt: skip
            return
        layout = self._scene.items_.layout
        overlay.set_paths(
            [[layout.unit_pos(u.layer, u.unit) for u in p.units] for p in found.paths]
        )
        self.panel.show_paths(found, self._document.sample_index + 1)

    # events -------------------------------------------------------------------------------
    def _schedule(self) -> None:
        if self.active and self.target is not None:
            self._refresh_soon.request()

    def _on_selection_changed(self, refs) -> None:
        if self._take_selection(refs):
            self.refresh()

    def _take_selection(self, refs) -> bool:
        chosen = [r for r in refs if isinstance(r, EdgeRef | UnitRef)]
        if len(chosen) != 1:
            return False
        self.target = chosen[0]
        return True

    def _on_step_changed(self, _index: int) -> None:
        ref = step_target(self._cursor.current)
        if ref is not None and ref != self.target:
            self.target = ref
            self.refresh()

    def _on_structure_changed(self) -> None:
        if self.target is not None and not _exists(self.target, self._document):
            self.target = None

    def _on_scene_rebuilt(self) -> None:
        self.overlay = None  # the scene deleted it with every other item
        self.refresh()

    def _on_path_hovered(self, row: int) -> None:
        self._overlay_item().set_hovered(None if row < 0 else row)

    def _overlay_item(self) -> PathOverlayItem:
        if self.overlay is None or not shiboken6.isValid(self.overlay):
            self.overlay = PathOverlayItem()
            self._scene.addItem(self.overlay)
        return self.overlay


def _exists(ref, document) -> bool:
    sizes = document.project.network.layer_sizes
    if isinstance(ref, UnitRef):
        return 1 <= ref.layer <= len(sizes) and 1 <= ref.unit <= sizes[ref.layer - 1]
    return (
        2 <= ref.layer <= len(sizes)
        and 1 <= ref.j <= sizes[ref.layer - 2]
        and 1 <= ref.k <= sizes[ref.layer - 1]
    )
