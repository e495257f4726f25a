"""The timeline in a PDF: a reportlab Flowable drawing the shared layout in vector form, and an
internal one-page PDF of a subject's timeline.

The layout is the one the app's QPainter widget draws (inspectorapp.domain.timeline), so the
PDF shows the same picture. Restricted and reporter-confidential signals are left out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from inspectorapp.domain.enums import SignalKind
from inspectorapp.domain.timeline import (
    GAP_HEX,
    GRID_HEX,
    NOT_FOR_PDF,
    TODAY_HEX,
    ItemKind,
    Lane,
    Period,
    TimelineData,
    TimelineLayout,
    colour,
    layout,
    month_date,
)

from .flow import markup
from .fonts import REGULAR, fit, register_fonts
from .styles import INK, MUTED, Styles

LABEL_WIDTH = 118  # points
HEADER = 24
PAD = 6
MAX_ROW = 16
MARK = 3.2
FLAG_TEXT = 62
SMALL = 6.5


@dataclass(frozen=True)
class TimelineLabels:
    lanes: dict[Lane, str]
    kinds: dict[ItemKind, str]  # span captions
    short_months: tuple[str, ...]
    title: str  # "Tijdlijn {name}"
    period: str  # "Periode {first} – {last}"
    legend: str
    footer: str  # "intern – niet voor verzending"
    left_out: str  # "{n} vertrouwelijke signalen niet opgenomen"


DUTCH = TimelineLabels(
    lanes={
        Lane.SIGNALS_NEGATIVE: "Signalen: negatief",
        Lane.SIGNALS_AMBIGUOUS: "Signalen: ambigu",
        Lane.SIGNALS_POSITIVE: "Signalen: positief",
        Lane.VISITS: "Bezoeken en gesprekken",
        Lane.LIFE_EVENTS: "Gebeurtenissen",
        Lane.INSPECTIONS: "Inspecties",
        Lane.SUPERVISION: "Geïntensiveerd / verscherpt",
        Lane.INTERVENTIONS: "Interventies",
        Lane.CONCERNS: "Status aandachtspunten",
    },
    kinds={ItemKind.INTENSIFIED: "Geïntensiveerd toezicht", ItemKind.HEIGHTENED: "Verscherpt toezicht"},
    short_months=("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    title="Tijdlijn {name}",
    period="Periode {first} – {last}",
    legend="● hard signaal   ○ zacht signaal   ◆ bezoek   | gesprek   ■ interventie   ▲ aandachtspunt   "
    "≈ stille periode",
    footer="intern – niet voor verzending",
    left_out="{n} vertrouwelijke signalen (beperkt, melder vertrouwelijk) niet opgenomen",
)
ENGLISH = TimelineLabels(
    lanes={
        Lane.SIGNALS_NEGATIVE: "Signals: negative",
        Lane.SIGNALS_AMBIGUOUS: "Signals: ambiguous",
        Lane.SIGNALS_POSITIVE: "Signals: positive",
        Lane.VISITS: "Visits and conversations",
        Lane.LIFE_EVENTS: "Life events",
        Lane.INSPECTIONS: "Inspections",
        Lane.SUPERVISION: "Intensified / heightened",
        Lane.INTERVENTIONS: "Interventions",
        Lane.CONCERNS: "Concern status",
    },
    kinds={ItemKind.INTENSIFIED: "Intensified supervision", ItemKind.HEIGHTENED: "Heightened supervision"},
    short_months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    title="Timeline {name}",
    period="Period {first} – {last}",
    legend="● hard signal   ○ soft signal   ◆ visit   | conversation   ■ intervention   ▲ concern   "
    "≈ quiet period",
    footer="internal – not for distribution",
    left_out="{n} confidential signals (restricted, reporter confidential) not included",
)


def _c(hex_: str) -> Color:
    return HexColor(hex_)


class TimelineFlowable(Flowable):
    """The timeline at the width it is given; rows as high as ``max_height`` allows."""

    def __init__(
        self,
        data: TimelineData,
        labels: TimelineLabels,
        language: str = "nl",
        period: Period | None = None,
        compress: bool = False,
        max_height: float = 400,
    ) -> None:
        super().__init__()
        self.data, self.labels, self.language = data, labels, language
        self.period = period or Period.around(data)
        self.compress, self.max_height = compress, max_height
        self.lay: TimelineLayout | None = None
        self.row = float(MAX_ROW)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        months = len(self.period.months)
        month_width = (availWidth - LABEL_WIDTH - 2 * PAD) / max(months, 1)
        self.lay = layout(
            self.data,
            self.period,
            month_width,
            compress=self.compress,
            mark_width=2 * MARK + 1.5,
            flag_width=FLAG_TEXT + 8,
        )
        if self.compress:  # the room the gaps gave back goes to the months that stayed
            slack = availWidth - LABEL_WIDTH - 2 * PAD - self.lay.axis.width
            full = sum(1 for s in self.lay.axis.slots if not s.compressed)
            if slack > 0 and full:
                self.lay = layout(
                    self.data,
                    self.period,
                    month_width + slack / full,
                    compress=True,
                    mark_width=2 * MARK + 1.5,
                    flag_width=FLAG_TEXT + 8,
                )
        room = min(self.max_height, availHeight) - HEADER - PAD
        self.row = max(8.0, min(MAX_ROW, room / max(self.lay.rows, 1)))
        self.width, self.height = availWidth, HEADER + self.lay.rows * self.row + PAD
        return self.width, self.height

    # Drawing coordinates: y grows downwards in the layout, upwards in PDF.
    def _x(self, layout_x: float) -> float:
        return LABEL_WIDTH + PAD + layout_x

    def _y(self, row: float) -> float:
        return self.height - HEADER - row * self.row

    def draw(self) -> None:
        lay = self.lay
        if lay is None:
            return
        c: Canvas = self.canv
        c.saveState()
        self._grid(c, lay)
        self._spans(c, lay)
        self._marks(c, lay)
        today = self.data.today
        if month_date(lay.axis.slots[0].month) <= today <= self.period.last:
            c.setStrokeColor(_c(TODAY_HEX))
            c.setDash(2, 2)
            x = self._x(lay.axis.x(today))
            c.line(x, self._y(0) + 4, x, self._y(lay.rows))
            c.setDash()
        c.restoreState()

    def _grid(self, c: Canvas, lay: TimelineLayout) -> None:
        bottom = self._y(lay.rows)
        c.setLineWidth(0.4)
        for n, box in enumerate(lay.lanes):
            top = self._y(box.row)
            if n % 2:
                c.setFillColor(HexColor("#f4f6f8"))
                c.rect(0, top - box.rows * self.row, self.width, box.rows * self.row, stroke=0, fill=1)
            c.setFillColor(INK)
            c.setFont(REGULAR, SMALL + 0.5)
            c.drawString(
                2, top - self.row / 2 - 2.5, fit(self.labels.lanes[box.lane], SMALL + 0.5, LABEL_WIDTH - 4)
            )
            c.setStrokeColor(_c(GRID_HEX))
            c.line(0, top - box.rows * self.row, self.width, top - box.rows * self.row)
        for gap in lay.axis.gaps:
            x = self._x(gap.x)
            c.setFillColor(_c(GAP_HEX))
            c.rect(x, bottom, gap.width, self._y(0) + 10 - bottom, stroke=0, fill=1)
            c.setFillColor(MUTED)
            c.setFont(REGULAR, SMALL)
            c.drawCentredString(x + gap.width / 2, self._y(0) + 3, "≈")
        c.setFont(REGULAR, SMALL)
        for n, slot in enumerate(lay.axis.slots):
            if slot.compressed:
                continue
            x = self._x(slot.x)
            day = slot.day_one
            c.setStrokeColor(_c(GRID_HEX))
            c.line(x, self._y(0) + 2, x, bottom)
            c.setFillColor(MUTED)
            name = self.labels.short_months[day.month - 1]
            if c.stringWidth(name, REGULAR, SMALL) + 2 <= slot.width:
                c.drawString(x + 1, self._y(0) + 3, name)
            if day.month == 1 or n == 0:
                c.setFillColor(INK)
                c.drawString(x + 1, self.height - SMALL - 1, str(day.year))
        c.setStrokeColor(_c(GRID_HEX))
        c.line(LABEL_WIDTH, self._y(0) + 10, LABEL_WIDTH, bottom)

    def _spans(self, c: Canvas, lay: TimelineLayout) -> None:
        for span in lay.spans:
            box = lay.lane_box(span.item.lane)
            top = self._y(box.row + span.row) - 2
            height = self.row - 4
            fill = _c(colour(span.item))
            c.setFillColor(fill)
            c.setStrokeColor(fill)
            if span.item.open_end:
                c.setDash(2, 1.5)
            c.roundRect(
                self._x(span.x0), top - height, max(span.x1 - span.x0, 2), height, 1.5, stroke=1, fill=1
            )
            c.setDash()
            item = span.item
            kind = None if item.kind == ItemKind.INSPECTION else self.labels.kinds[item.kind]
            text = item.caption(self.language, kind)
            room = span.x1 - span.x0 - 6
            if room > 24:
                c.setFillColor(INK)
                c.setFont(REGULAR, SMALL)
                c.drawString(self._x(span.x0) + 3, top - height / 2 - 2.2, fit(text, SMALL, room))

    def _marks(self, c: Canvas, lay: TimelineLayout) -> None:
        for mark in lay.marks:
            item = mark.item
            box = lay.lane_box(item.lane)
            cy = self._y(box.row + mark.row) - self.row / 2
            cx = self._x(mark.x)
            col = _c(colour(item))
            c.setStrokeColor(col)
            c.setFillColor(col)
            c.setLineWidth(0.9)
            if item.kind == ItemKind.SIGNAL:
                hard = item.signal_kind == SignalKind.HARD
                if not hard:
                    c.setDash(1.2, 1)
                    c.setFillColor(white)
                c.circle(cx, cy, MARK, stroke=1, fill=1)
                c.setDash()
            elif item.kind == ItemKind.LIFE_EVENT:
                half = self.row / 2 - 1
                c.line(cx, cy - half, cx, cy + half)
                path = c.beginPath()
                path.moveTo(cx, cy + half)
                path.lineTo(cx + 5, cy + half - 2.5)
                path.lineTo(cx, cy + half - 5)
                path.close()
                c.drawPath(path, stroke=0, fill=1)
                c.setFillColor(INK)
                c.setFont(REGULAR, SMALL)
                room = min(FLAG_TEXT, self.width - cx - 6)  # a flag near the end stays on the page
                c.drawString(cx + 6, cy - 2.2, fit(item.caption(self.language), SMALL, room))
            elif item.kind == ItemKind.VISIT:
                path = c.beginPath()
                for px, py in ((cx, cy + MARK), (cx + MARK, cy), (cx, cy - MARK), (cx - MARK, cy)):
                    (path.lineTo if path.getCode() else path.moveTo)(px, py)
                path.close()
                c.drawPath(path, stroke=1, fill=1)
            elif item.kind == ItemKind.CONVERSATION:
                c.setLineWidth(1.2)
                c.line(cx, cy - 2.6, cx, cy + 2.6)
            elif item.kind == ItemKind.INTERVENTION:
                if item.planned:
                    c.setFillColor(white)
                c.rect(cx - MARK + 0.6, cy - MARK + 0.6, 2 * MARK - 1.2, 2 * MARK - 1.2, stroke=1, fill=1)
            else:  # a concern's status
                path = c.beginPath()
                path.moveTo(cx, cy + MARK)
                path.lineTo(cx + MARK, cy - MARK + 0.6)
                path.lineTo(cx - MARK, cy - MARK + 0.6)
                path.close()
                c.drawPath(path, stroke=0, fill=1)


def _month_text(day: date, labels: TimelineLabels) -> str:
    return f"{labels.short_months[day.month - 1]} {day.year}"


def timeline_pdf(
    data: TimelineData,
    language: str = "nl",
    period: Period | None = None,
    compress: bool = False,
    printed_on: date | None = None,
) -> bytes:
    """An internal one-page PDF (A4 landscape) of the timeline, without BEPERKT and
    MELDER_VERTROUWELIJK signals; the footer says it is internal."""
    register_fonts()
    labels = ENGLISH if language == "en" else DUTCH
    shown = data.without(NOT_FOR_PDF)
    period = period or Period.around(data)
    out = io.BytesIO()
    page = landscape(A4)
    margin = 14 * mm
    doc = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=labels.title.format(name=data.title),
        author="Veldwerk",
        creator="Veldwerk",
        lang=language,
        invariant=True,  # no clock and no random ids in the file
        initialFontName=REGULAR,  # otherwise the page preamble references Helvetica
    )
    printed = (printed_on or data.today).strftime("%d-%m-%Y")

    def footer(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(margin, margin / 2, f"{labels.footer}  ·  {data.title}  ·  {printed}")
        canvas.restoreState()

    left_out = len(data.items) - len(shown.items)
    story: list[Flowable] = [
        Paragraph(markup(labels.title.format(name=data.title)), Styles.h2),
        Paragraph(
            markup(
                labels.period.format(
                    first=_month_text(period.first, labels), last=_month_text(period.last, labels)
                )
            ),
            Styles.meta,
        ),
        Spacer(1, 4),
        TimelineFlowable(shown, labels, language, period, compress, max_height=page[1] - 2 * margin - 90),
        Spacer(1, 6),
        Paragraph(markup(labels.legend), Styles.meta),
    ]
    if left_out:
        story.append(Paragraph(markup(labels.left_out.format(n=left_out)), Styles.meta))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
