"""GUI figures of issue 17, offscreen, medians over many frames; run by hand, never asserted.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_paths.py

- gradients: a training frame of the diagram with gradients shown (actionShowGradients): the
  snapshot's new weights and its batch gradients applied, then the view painted; at 600 and
  10,000 edges, against the diagram's targets (4 ms and 25 ms), and the same loop with the
  weights shown, for a comparison under the same load.  The batch gradients are
  computed beforehand, as the training process computes them.
- paths: choosing a weight in the path explorer on a 10,000-edge network: the 64 largest paths
  found and drawn, the panel filled, the diagram and the panel repainted on screen (target
  < 50 ms); and the same with the diagram rendered afresh into an image, as the frame figures
  are taken (no cached edge pixmap).
"""

from __future__ import annotations

import statistics
import time

import numpy as np
from gui import app, diagram_document, wait


def _render(view, image) -> None:
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    view.render(painter)
    painter.end()


def gradient_frame_ms(sizes, overlay: str = "gradient", frames: int = 30) -> tuple[float, int]:
    """A training frame with the edges drawn by ``overlay`` ("gradient" or "weight": the same
    loop, for a comparison in the same minute)."""
    from PySide6.QtGui import QImage

    from bpstudio.model.live_gradients import ParameterGradients
    from bpstudio.views.diagram import NetworkDiagramView

    document = diagram_document(sizes)
    document.set_revealed(None)
    view = NetworkDiagramView(document)
    view.set_edge_overlay(overlay)
    view.resize(1000, 650)
    view.show()
    wait(100)
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    rng = np.random.default_rng(1)
    data = document.project.dataset
    times = []
    for _ in range(frames + 2):
        live = document.project.network.copy()
        live.weights = [w + rng.normal(0, 0.05, w.shape) for w in live.weights]
        grads = live.gradients(data.inputs, data.targets, document.project.loss)
        batch = ParameterGradients(tuple(grads.dW), None, data.n_samples)  # the process's part
        started = time.perf_counter()
        document.set_live_network(live, batch)  # what a training snapshot does
        _render(view, image)
        times.append((time.perf_counter() - started) * 1000)
    view.hide()
    return statistics.median(times[2:]), document.project.network.n_edges()


def path_highlight_ms(sizes, picks: int = 20) -> tuple[float, float, int]:
    """(what the student waits for: paths found, panel filled, the diagram and the panel
    repainted on screen; the same with the whole diagram rendered afresh into an image, as the
    frame figures are measured), in ms, and the number of edges."""
    from PySide6.QtGui import QImage

    from bpstudio.model.refs import EdgeRef
    from bpstudio.views.diagram import NetworkDiagramView
    from bpstudio.views.insight.path_explorer import PathExplorer
    from bpstudio.views.insight.path_panel import PathPanel

    document = diagram_document(sizes)
    view = NetworkDiagramView(document)
    view.resize(1000, 650)
    view.show()
    panel = PathPanel()
    panel.resize(600, 500)
    panel.show()
    explorer = PathExplorer(document, view.diagram_scene, panel)
    explorer.set_active(True)
    wait(100)
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    rng = np.random.default_rng(2)
    on_screen, rendered = [], []
    for _ in range(picks + 2):
        j, k = (int(rng.integers(1, n + 1)) for n in sizes[:2])
        started = time.perf_counter()
        explorer.set_target(EdgeRef(2, j, k))
        view.viewport().repaint()
        panel.repaint()
        on_screen.append((time.perf_counter() - started) * 1000)
        explorer.set_target(None)
        wait(20)
        started = time.perf_counter()
        explorer.set_target(EdgeRef(2, j, k))
        _render(view, image)
        rendered.append((time.perf_counter() - started) * 1000)
    view.hide()
    panel.hide()
    edges = document.project.network.n_edges()
    return statistics.median(on_screen[2:]), statistics.median(rendered[2:]), edges


def main() -> None:
    app()
    for sizes, target in (([20, 20, 10], 4), ([100, 50, 100], 25)):
        ms, edges = gradient_frame_ms(sizes)
        plain, _ = gradient_frame_ms(sizes, "weight")
        shape = "-".join(map(str, sizes))
        print(f"diagram frame with gradients shown, {edges:,} edges ({shape}): median "
              f"{ms:.2f} ms (weights shown, same loop: {plain:.2f} ms)"
              f"   target < {target} ms")  # fmt: skip
    for sizes in ([100, 50, 100], [20, 100, 50, 20, 10]):
        screen, rendered, edges = path_highlight_ms(sizes)
        shape = "-".join(map(str, sizes))
        print(f"path highlighting, {edges:,} edges ({shape}): median {screen:.2f} ms on "
              f"screen, {rendered:.2f} ms rendered afresh   target < 50 ms")  # fmt: skip


if __name__ == "__main__":
    main()
