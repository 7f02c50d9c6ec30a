"""Render the SVG app icon to the hicolor PNG sizes (and .ico/.icns inputs) with Qt's QSvgRenderer.

    python packaging/render_icons.py OUT_DIR [--svg PATH] [--sizes 16,22,...]

Writes OUT_DIR/<size>x<size>/bpstudio.png for each size. Runs offscreen: no display needed.
Exit status 1 if a rendered icon comes out blank (one colour), so a broken SVG stops the build.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SVG = HERE.parent / "bpstudio" / "resources" / "icons" / "bpstudio.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int):
    """The SVG drawn on a transparent size x size QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def distinct_colours(image) -> int:
    return len({image.pixel(x, y) for y in range(image.height()) for x in range(image.width())})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--svg", type=Path, default=DEFAULT_SVG)
    parser.add_argument("--sizes", default=",".join(map(str, HICOLOR_SIZES)))
    parser.add_argument("--name", default="bpstudio")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    for size in (int(s) for s in args.sizes.split(",")):
        image = render(args.svg, size)
        if distinct_colours(image) < 3:
            print(f"render_icons: {size}px icon is blank", file=sys.stderr)
            return 1
        target = args.out_dir / f"{size}x{size}" / f"{args.name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            print(f"render_icons: could not write {target}", file=sys.stderr)
            return 1
        print(f"render_icons: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
