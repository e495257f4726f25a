"""The report's one typeface, DejaVu Sans, embedded so every glyph (ë, €, ●) prints everywhere."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four faces and their family once per process (safe from any thread), so
    Paragraph markup <b>/<i> picks the right face."""
    global _registered
    with _lock:
        if _registered:
            return
        for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
            pdfmetrics.registerFont(TTFont(name, str(resources.path("fonts", f"{name}.ttf"))))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True


def fit(text: str, size: float, width: float, font: str = REGULAR) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` points (footers, chart labels)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
