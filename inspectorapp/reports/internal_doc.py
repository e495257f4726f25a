"""The shared internal A4 document (agenda pack, handover dossier): every page carries the
marking "Intern – niet voor verzending" at its head and "Pagina x van y" at its foot.

Every piece of text given to it is user text and is escaped (``flow.markup``): a title or a
signal reading ``<b>`` or ``&amp;`` prints literally, never as markup. Callers never write
Paragraph markup themselves.

    doc = InternalDoc("Agendapakket MDO", "Ziekenhuis A", language="nl", generated_on=today)
    doc.heading("Nieuwe signalen (3)")
    doc.paragraph("…")
    doc.labelled("Motivering", "…")  # "Motivering: …", nothing when the text is empty
    doc.bullets(["één", "twee"])
    doc.table(("Datum", "Wat"), [("01-02-2026", "…")], weights=(1, 4))
    doc.table_or_note(("Datum", "Wat"), rows, weights=(1, 4), none="Geen.")
    pdf: bytes = doc.build()

The total page count comes from layout.PageNumbers' late forms, so the document is laid out
once. Rendering runs on any thread (fonts register under a lock).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer

from .flow import markup, table
from .fonts import BOLD, REGULAR, fit, register_fonts
from .layout import FOOTER_SIZE, PAGE_LABEL_WIDTH, HeadingMark, PageNumbers, ReportCanvas
from .styles import (
    ACCENT,
    FOOTER_Y,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    Styles,
)

HEADER_Y = PAGE_HEIGHT - MARGIN + 9 * mm  # baseline of the marking, above the text frame
_ROOM = {1: 90.0, 2: 60.0}  # a heading moves to the next page unless this much fits below it
BULLET = ParagraphStyle("internal_bullet", Styles.body, leftIndent=14, bulletIndent=2, spaceAfter=3)
TITLE = ParagraphStyle("internal_title", Styles.h1, spaceBefore=0, spaceAfter=2)
SUBTITLE = ParagraphStyle("internal_subtitle", Styles.letter_subtitle, spaceAfter=4)


@dataclass(frozen=True, slots=True)
class InternalLabels:
    marking: str
    generated: str  # "{date}"
    page: str  # "{page}", "{total}"


DUTCH = InternalLabels("Intern – niet voor verzending", "Gemaakt op {date}", "Pagina {page} van {total}")
ENGLISH = InternalLabels("Internal – not for sending", "Generated on {date}", "Page {page} of {total}")


def labels_for(language: str) -> InternalLabels:
    return ENGLISH if language == "en" else DUTCH


class InternalDoc:
    """An internal document under construction: add blocks in reading order, then ``build``."""

    def __init__(self, title: str, subtitle: str = "", *, language: str = "nl", generated_on: date) -> None:
        register_fonts()  # Paragraphs parse their markup (and look up the face) when made
        self.title = title
        self.language = language
        self.labels = labels_for(language)
        self.generated_on = generated_on
        self._numbers = PageNumbers(self.labels.page)
        self.story: list[Flowable] = [Paragraph(markup(title), TITLE)]
        if subtitle:
            self.story.append(Paragraph(markup(subtitle), SUBTITLE))
        generated = self.labels.generated.format(date=generated_on.strftime("%d-%m-%Y"))
        self.story += [Paragraph(markup(generated), Styles.meta), Spacer(1, 6)]

    # ----- blocks ----------------------------------------------------------------------

    def heading(self, text: str, level: int = 1) -> None:
        """A section (level 1) or subsection (level 2) heading; also a PDF bookmark."""
        style = Styles.h2 if level <= 1 else Styles.h3
        key = self._numbers.add_heading(text, 0 if level <= 1 else 1, style.fontSize)
        self.story += [
            HeadingMark(self._numbers, key, _ROOM[min(max(level, 1), 2)]),
            Paragraph(markup(text), style),
        ]

    def paragraph(self, text: str, style: ParagraphStyle = Styles.body) -> None:
        """User text; line breaks are kept."""
        if text.strip():
            self.story.append(Paragraph(markup(text.strip()), style))

    def note(self, text: str) -> None:
        """A muted line: counts, what was left out, an empty section's "none"."""
        self.paragraph(text, Styles.meta)

    def labelled(self, label: str, text: str | None) -> None:
        """A "label: text" paragraph; nothing when there is no text."""
        if text:
            self.paragraph(f"{label}: {text}")

    def bullets(self, items: Sequence[str]) -> None:
        self.story += [Paragraph(markup(item), BULLET, bulletText="•") for item in items]

    def table(self, head: Sequence[str], rows: Sequence[Sequence[str]], weights: Sequence[float]) -> None:
        """A simple table across the text width; ``weights`` are the columns' relative widths."""
        total = sum(weights)
        self.story += [table(head, rows, [FRAME_WIDTH * w / total for w in weights]), Spacer(1, 6)]

    def table_or_note(
        self, head: Sequence[str], rows: Sequence[Sequence[str]], weights: Sequence[float], none: str
    ) -> None:
        """The table, or the note ``none`` when there are no rows (a header alone says nothing)."""
        if rows:
            self.table(head, rows, weights)
        else:
            self.note(none)

    def add(self, *flowables: Flowable) -> None:
        """Any flowable (its maker is responsible for escaping what it prints)."""
        self.story.extend(flowables)

    # ----- the file ------------------------------------------------------------------

    def build(self) -> bytes:
        register_fonts()
        out = io.BytesIO()
        frame = Frame(
            MARGIN,
            MARGIN,
            FRAME_WIDTH,
            FRAME_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc = BaseDocTemplate(
            out,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            pageTemplates=[PageTemplate("body", [frame], onPage=self._decorate)],
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            invariant=True,  # no clock and no random ids in the file
            initialFontName=REGULAR,  # otherwise every page's preamble references Helvetica
            title=self.title,
            subject=self.labels.marking,
            lang=self.language,
            author="Veldwerk",
            creator="Veldwerk",
            displayDocTitle=True,
        )
        numbers = self._numbers
        doc.build(
            list(self.story),
            canvasmaker=lambda *a, **kw: ReportCanvas(
                *a, numbers=numbers, report_date=self.generated_on.isoformat(), **kw
            ),
        )
        return out.getvalue()

    def _decorate(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        """The marking and the title at the head of the page, the date and page x/y at its foot."""
        canvas.saveState()
        canvas.setFont(BOLD, 8.5)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN, HEADER_Y, self.labels.marking)
        marking_width = canvas.stringWidth(self.labels.marking, BOLD, 8.5)
        canvas.setFont(REGULAR, FOOTER_SIZE)
        canvas.setFillColor(MUTED)
        room = FRAME_WIDTH - marking_width - 24
        canvas.drawRightString(PAGE_WIDTH - MARGIN, HEADER_Y, fit(self.title, FOOTER_SIZE, room))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, HEADER_Y - 5, PAGE_WIDTH - MARGIN, HEADER_Y - 5)
        canvas.line(MARGIN, FOOTER_Y + 10, PAGE_WIDTH - MARGIN, FOOTER_Y + 10)
        generated = self.labels.generated.format(date=self.generated_on.strftime("%d-%m-%Y"))
        footer = f"{self.labels.marking}  ·  {generated}"
        canvas.drawString(MARGIN, FOOTER_Y, fit(footer, FOOTER_SIZE, FRAME_WIDTH - PAGE_LABEL_WIDTH))
        canvas.restoreState()
        self._numbers.refer_to_form(canvas)
