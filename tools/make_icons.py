"""Render the app icon from resources/icons/veldwerk.svg into every file the installers use.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py

Writes, beside the SVG: veldwerk-<N>.png for the hicolor sizes (Linux desktop entry, window
icon), veldwerk.ico (Windows EXE and installer) and veldwerk.icns (macOS .app). The outputs
are committed, so a build needs neither Qt's SVG renderer nor Pillow's writers; run this
again after changing the SVG.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "veldwerk.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    rendered = {size: render(renderer, size) for size in sorted({*HICOLOR_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    for size in HICOLOR_SIZES:
        # optimize + no timestamp chunks: the same SVG gives the same bytes, so a rerun shows no diff
        rendered[size].save(ICONS / f"veldwerk-{size}.png", optimize=True)
    # Each size rendered from the vector, not scaled down from the largest bitmap.
    big_ico = rendered[max(ICO_SIZES)]
    big_ico.save(
        ICONS / "veldwerk.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[rendered[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    rendered[max(ICNS_SIZES)].save(
        ICONS / "veldwerk.icns",
        append_images=[rendered[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    print(f"wrote {len(HICOLOR_SIZES)} PNGs, veldwerk.ico and veldwerk.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
