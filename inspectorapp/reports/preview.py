"""Report pages as raw pixels for the in-app preview (pdfium; no Qt in the core).

The preview shows the very bytes that will be saved, so what the inspector checks is
what the institution receives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2


@dataclass(frozen=True)
class PageImage:
    """One page as 32-bit BGRx pixels (Qt's Format_RGB32 on little-endian machines)."""

    width: int
    height: int
    stride: int
    pixels: bytes


def _open(pdf: bytes) -> pypdfium2.PdfDocument:
    import pypdfium2  # a native library: loaded on first preview, not at start-up

    return pypdfium2.PdfDocument(pdf)


def page_count(pdf: bytes) -> int:
    doc = _open(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def render_pages(pdf: bytes, width_px: int, first: int = 0, count: int | None = None) -> list[PageImage]:
    """Pages ``first`` .. ``first + count`` scaled to ``width_px`` pixels wide."""
    doc = _open(pdf)
    try:
        last = len(doc) if count is None else min(len(doc), first + count)
        out = []
        for index in range(first, last):
            page = doc[index]
            scale = width_px / page.get_width()
            bitmap = page.render(scale=scale, prefer_bgrx=True)
            out.append(PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer)))
            bitmap.close()
            page.close()
        return out
    finally:
        doc.close()
