"""Pages of a report: templates, running footer, and page numbers that are only known at the end.

The total in "Pagina 3 van 212" and the page of each table-of-contents entry are printed
through PDF form XObjects: while a page is laid out it refers to its form by name, and the
forms are defined just before the file is written, when all numbers are known. So the
document is laid out once; reportlab's TableOfContents with multiBuild lays everything out
at least twice (three times when the contents' own length moves the pages), which a
200-page report would feel.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property, partial
from typing import IO, Any

from reportlab.lib.colors import white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .fonts import BOLD, REGULAR, fit
from .styles import ACCENT, FOOTER_Y, FRAME_HEIGHT, FRAME_WIDTH, MARGIN, MUTED, PAGE_HEIGHT, PAGE_WIDTH, RULE

TOC_CALLBACK = "toc_page"  # <onDraw name="toc_page" label="key"/> at the end of a contents line
FOOTER_SIZE = 7.5
PAGE_LABEL_WIDTH = 90  # kept free for "Pagina 123 van 456" right of the footer text
LEADER_GAP = 30  # kept free left of a contents line's page number
COVER_BAND = 22 * mm  # height of the coloured band at the top of the cover
COVER_FOOT = 12 * mm  # height kept for the hash at the foot of the cover


@dataclass(frozen=True)
class TocEntry:
    key: str
    title: str  # plain text, also the PDF outline (bookmark) title
    level: int  # 0: chapter or annex, 1: finding
    font_size: float  # of the contents line, for its page number


class PageNumbers:
    """Headings, the pages they land on and the page count, noted during the one layout pass,
    and the one form per page that prints the numbers depending on them."""

    def __init__(self, page_label: str) -> None:
        self.page_label = page_label  # "Pagina {page} van {total}"
        self.entries: list[TocEntry] = []
        self.pages: dict[str, int] = {}
        self._by_key: dict[str, TocEntry] = {}
        self._footed: list[int] = []  # pages that refer to their form
        self._toc_numbers: dict[int, list[tuple[float, float, TocEntry]]] = defaultdict(list)

    def add_heading(self, title: str, level: int, font_size: float) -> str:
        """Register a heading for the contents and the outline; returns its key."""
        entry = TocEntry(f"h{len(self.entries) + 1}", title, level, font_size)
        self.entries.append(entry)
        self._by_key[entry.key] = entry
        return entry.key

    def install(self, canvas: Canvas) -> None:
        canvas.setNamedCB(TOC_CALLBACK, self._toc_line_drawn)

    def heading_drawn(self, canvas: Canvas, key: str, x: float, y: float) -> None:
        canvas.bookmarkHorizontal(key, x, y)
        entry = self._by_key[key]
        canvas.addOutlineEntry(entry.title, key, entry.level)
        self.pages[key] = canvas.getPageNumber()

    def _toc_line_drawn(self, canvas: Canvas, _kind: str, key: str) -> None:
        """A dotted leader after the title; the page number is left to the page's form."""
        # Paragraph exposes the text position to onDraw callbacks only via _curr_tx_info.
        info = canvas._curr_tx_info
        right, x, y = info["xs"].paraWidth, info["cur_x"], info["cur_y"]
        if right - LEADER_GAP > x + 6:
            canvas.saveState()
            canvas.setStrokeColor(MUTED)
            canvas.setLineWidth(0.7)
            canvas.setLineCap(1)  # round caps on zero-length dashes: dots
            canvas.setDash([0, 3.5])
            canvas.line(x + 4, y + 1, right - LEADER_GAP, y + 1)
            canvas.restoreState()
        where = canvas.absolutePosition(right, y)
        self._toc_numbers[canvas.getPageNumber()].append((*where, self._by_key[key]))

    def refer_to_form(self, canvas: Canvas) -> None:
        """Draw this page's form (footer page label, contents page numbers): call at page start."""
        page = canvas.getPageNumber()
        self._footed.append(page)
        canvas.doForm(_form_name(page))

    def define_forms(self, canvas: Canvas, total: int) -> None:
        """Define the forms the pages refer to; call once all pages are laid out."""
        for page in self._footed:
            canvas.beginForm(_form_name(page))  # page-sized, in page coordinates
            canvas.setFont(REGULAR, FOOTER_SIZE)
            canvas.setFillColor(MUTED)
            label = self.page_label.format(page=page, total=total)
            canvas.drawRightString(PAGE_WIDTH - MARGIN, FOOTER_Y, label)
            canvas.setFillColor(ACCENT)
            for x, y, entry in self._toc_numbers.get(page, ()):
                canvas.setFont(REGULAR, entry.font_size)
                canvas.drawRightString(x, y, str(self.pages[entry.key]))
            canvas.endForm()


def _form_name(page: int) -> str:
    return f"page{page}"


class HeadingMark(Flowable):
    """Zero-size marker right before a heading: bookmarks it, adds it to the outline, notes its
    page. (An <onDraw/> in the heading would too, but puts the Paragraph on reportlab's slow
    multi-fragment path.) Unless ``room`` points are left on the page, it claims that much
    height and so moves to the next page, taking its heading along: a heading never ends a page."""

    def __init__(self, numbers: PageNumbers, key: str, room: float) -> None:
        super().__init__()
        self._numbers = numbers
        self.key = key
        self.room = room

    def wrap(self, _width: float, height: float) -> tuple[float, float]:
        return 0, (0 if height >= self.room else self.room)

    def split(self, _width: float, _height: float) -> list[Flowable]:
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self._numbers.heading_drawn(canvas, self.key, x, y)


class ReportCanvas(Canvas):
    """A canvas that defines the late page numbers before saving and dates the file by the report."""

    def __init__(self, *args: Any, numbers: PageNumbers, report_date: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._numbers = numbers
        numbers.install(self)
        stamp = _pdf_date(report_date)
        if stamp is not None:
            self.setDateFormatter(lambda *_: stamp)
        self.showOutline()

    def save(self) -> None:
        # The document template has shown the last page, so the counter stands one past it.
        self._numbers.define_forms(self, self.getPageNumber() - 1)
        super().save()


def _pdf_date(iso: str) -> str | None:
    """The report date as a PDF date; None (reportlab's fixed invariant date) if it is no date."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None
    return f"D:{day:%Y%m%d}000000+00'00'"


@dataclass(frozen=True)
class PageDecor:
    """What the page templates print around the text: cover band, hash, running footer."""

    numbers: PageNumbers
    footer_text: str  # report title and short hash
    report_type: str
    hash_label: str
    content_hash: str

    @cached_property
    def _footer_line(self) -> str:
        return fit(self.footer_text, FOOTER_SIZE, FRAME_WIDTH - PAGE_LABEL_WIDTH)

    def footer(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, FOOTER_Y + 10, PAGE_WIDTH - MARGIN, FOOTER_Y + 10)
        canvas.setFont(REGULAR, FOOTER_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, FOOTER_Y, self._footer_line)
        canvas.restoreState()
        self.numbers.refer_to_form(canvas)

    def cover(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, PAGE_HEIGHT - COVER_BAND, PAGE_WIDTH, COVER_BAND, stroke=0, fill=1)
        canvas.setFillColor(white)
        canvas.setFont(BOLD, 11)
        canvas.drawString(MARGIN, PAGE_HEIGHT - COVER_BAND * 0.6, self.report_type.upper())
        canvas.setFillColor(MUTED)
        canvas.setFont(BOLD, 7)
        canvas.drawString(MARGIN, MARGIN + 10, self.hash_label)
        canvas.setFont(REGULAR, 7)
        canvas.drawString(MARGIN, MARGIN, self.content_hash)
        canvas.restoreState()


def _frame(frame_id: str, bottom: float = 0) -> Frame:
    """The text area, ``bottom`` points above the bottom margin."""
    return Frame(
        MARGIN,
        MARGIN + bottom,
        FRAME_WIDTH,
        FRAME_HEIGHT - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=frame_id,
    )


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str
    language: str
    report_date: str  # ISO date, also the file's creation date


def make_document(
    out: IO[bytes], decor: PageDecor, with_cover: bool, meta: Metadata
) -> tuple[BaseDocTemplate, Callable[..., Canvas]]:
    """The document template (cover template first when there is a cover) and its canvas maker."""
    templates = [PageTemplate("body", [_frame("body")], onPage=decor.footer)]
    if with_cover:
        # The cover's text stays clear of the hash printed at its foot.
        templates.insert(0, PageTemplate("cover", [_frame("cover", COVER_FOOT)], onPage=decor.cover))
    doc = BaseDocTemplate(
        out,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageTemplates=templates,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        invariant=True,  # no clock and no random ids in the file
        initialFontName=REGULAR,  # otherwise every page's preamble references Helvetica
        title=meta.title,
        subject=meta.subject,
        lang=meta.language,
        author="Veldwerk",
        creator="Veldwerk",
        displayDocTitle=True,
    )
    return doc, partial(ReportCanvas, numbers=decor.numbers, report_date=meta.report_date)
