"""Render resources/icons/byline.svg to the PNG sizes desktops and PyInstaller use.

Run after editing the SVG: ``QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py``.
The PNGs are committed so that neither a build nor a fresh clone needs to render them.
Qt renders the SVG (QtSvg ships with PySide6), so no extra tool is needed.
"""

from __future__ import annotations

import os
import pathlib
import sys

ICON_DIR = pathlib.Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICON_DIR / "byline.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> pathlib.Path:
    return ICON_DIR / f"byline-{size}.png"


def render(size: int, renderer) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png_path(size)), "PNG"):
        raise SystemExit(f"render_icons: cannot write {png_path(size)}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs one
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"render_icons: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        render(size, renderer)
        print(png_path(size).relative_to(ICON_DIR.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
