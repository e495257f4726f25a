"""Page geometry, colours and paragraph styles of the report: A4, 25 mm margins, 10/14 pt body."""

from __future__ import annotations

from functools import cache

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .fonts import BOLD, ITALIC, REGULAR

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 25 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - 2 * MARGIN
FOOTER_Y = MARGIN - 12 * mm  # baseline of the running footer, below the text frame

MUTED_HEX = "#5f6368"
INK = HexColor("#1a1a1a")
ACCENT = HexColor("#154273")
MUTED = HexColor(MUTED_HEX)
RULE = HexColor("#c9d1da")
TABLE_HEAD = HexColor("#eef2f6")

# Traffic lights are printed in Paragraph markup, which takes colours as strings.
TRAFFIC_LIGHTS = {"groen": "#2e7d32", "oranje": "#ef6c00", "rood": "#c62828"}
POSITIVE = HexColor("#2e7d32")
NEGATIVE = HexColor("#e64a19")
AMBIGUOUS = HexColor("#9e9e9e")

BODY_SIZE = 10
BODY_LEADING = 14


def _style(name: str, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": REGULAR,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "textColor": INK,
        "alignment": TA_LEFT,
        "bulletFontName": REGULAR,
    }
    return ParagraphStyle(name, **(base | kw))


class Styles:
    """The paragraph styles, as a namespace: Styles.body, Styles.h1, ..."""

    body = _style("body", spaceAfter=6)
    muted = _style("muted", textColor=MUTED, spaceAfter=6)
    meta = _style("meta", fontSize=9, leading=13, textColor=MUTED, spaceAfter=4)
    evidence = _style("evidence", fontSize=9, leading=13, textColor=MUTED, spaceBefore=6, spaceAfter=4)
    numbered = _style("numbered", leftIndent=18, bulletIndent=0, spaceAfter=5)
    h1 = _style("h1", fontName=BOLD, fontSize=17, leading=22, textColor=ACCENT, spaceBefore=14, spaceAfter=10)
    h2 = _style(
        "h2", fontName=BOLD, fontSize=12.5, leading=17, textColor=ACCENT, spaceBefore=16, spaceAfter=4
    )
    h3 = _style("h3", fontName=BOLD, fontSize=10, leading=14, spaceBefore=8, spaceAfter=2)
    toc0 = _style("toc0", rightIndent=36, spaceBefore=5, spaceAfter=1)
    toc1 = _style("toc1", fontSize=9, leading=12.5, leftIndent=14, rightIndent=36)
    cover_type = _style("cover_type", fontName=BOLD, fontSize=11, leading=14, textColor=ACCENT)
    cover_title = _style(
        "cover_title", fontName=BOLD, fontSize=26, leading=32, textColor=ACCENT, spaceBefore=8, spaceAfter=10
    )
    cover_subtitle = _style("cover_subtitle", fontSize=14, leading=19, textColor=INK)
    letter_subtitle = _style("letter_subtitle", fontSize=12, leading=16, textColor=INK)
    letter_title = _style(
        "letter_title", fontName=BOLD, fontSize=19, leading=24, textColor=ACCENT, spaceBefore=4, spaceAfter=4
    )
    key = _style("key", fontSize=9, leading=13, textColor=MUTED)
    value = _style("value", fontSize=10, leading=14)
    content_hash = _style("content_hash", fontSize=7, leading=9.5, textColor=MUTED)
    cell = _style("cell", fontSize=9, leading=12)
    cell_number = _style("cell_number", fontSize=9, leading=12, alignment=TA_RIGHT)
    cell_head = _style("cell_head", fontName=BOLD, fontSize=9, leading=12)
    source_head = _style(
        "source_head",
        fontSize=9,
        leading=13,
        textColor=MUTED,
        leftIndent=32,
        bulletIndent=0,
        bulletFontName=BOLD,
        bulletColor=INK,
        spaceBefore=6,
    )
    source_text = _style("source_text", fontName=ITALIC, leftIndent=32, spaceAfter=2)
    source_attribution = _style("source_attribution", fontSize=9, leading=13, leftIndent=32, textColor=MUTED)


@cache
def traffic_light_style(colour: str) -> ParagraphStyle:
    """The meta line of a finding with a traffic light: a disc of ``colour`` as its bullet."""
    return ParagraphStyle(
        f"meta-{colour}", Styles.meta, leftIndent=13, bulletIndent=0, bulletFontSize=11, bulletColor=colour
    )
