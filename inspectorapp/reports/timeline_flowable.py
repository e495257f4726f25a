"""The timeline in a PDF: a reportlab Flowable drawing the shared layout in vector form, and an
internal PDF of a subject's timeline: the picture on page 1, then the list of what it shows.

The layout is the one the app's QPainter widget draws (inspectorapp.domain.timeline), so the
PDF shows the same picture. Marks carry no text on paper, so the list after the picture says
what each one is. Restricted and reporter-confidential signals are left out of both.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from inspectorapp.domain.enums import SignalKind, Valence
from inspectorapp.domain.timeline import (
    GAP_HEX,
    GRID_HEX,
    NOT_FOR_PDF,
    TODAY_HEX,
    ItemKind,
    Lane,
    Period,
    TimelineData,
    TimelineItem,
    TimelineLayout,
    colour,
    layout,
    month_date,
)

from .flow import markup, table
from .fonts import REGULAR, fit, register_fonts
from .styles import INK, MUTED, Styles

LABEL_WIDTH = 118  # points
HEADER = 24
PAD = 6
MAX_ROW = 16
MARK = 3.2
FLAG_TEXT = 62  # the room of a flag's text, at least ...
FLAG_TEXT_MAX = 124  # ... and at most: wide enough for "Ziekenhuis A: Bestuurswissel"
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
    entries: dict[ItemKind, str]  # what an entry of the list is
    signal_kinds: dict[SignalKind, str]
    valences: dict[Valence, str]
    planned: str
    listing: str  # the heading of the list
    columns: tuple[str, str, str]  # date, what, description
    ongoing: str  # the end of a span still running
    page: str  # "pagina {n}"


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
    entries={
        ItemKind.SIGNAL: "Signaal",
        ItemKind.VISIT: "Bezoek",
        ItemKind.CONVERSATION: "Gesprek",
        ItemKind.LIFE_EVENT: "Gebeurtenis",
        ItemKind.INSPECTION: "Inspectie",
        ItemKind.INTENSIFIED: "Geïntensiveerd toezicht",
        ItemKind.HEIGHTENED: "Verscherpt toezicht",
        ItemKind.INTERVENTION: "Interventie",
        ItemKind.CONCERN_STATUS: "Aandachtspunt",
    },
    signal_kinds={SignalKind.HARD: "hard", SignalKind.SOFT: "zacht"},
    valences={Valence.NEGATIVE: "negatief", Valence.AMBIGUOUS: "ambigu", Valence.POSITIVE: "positief"},
    planned="gepland",
    listing="Wat er op de tijdlijn staat",
    columns=("Datum", "Wat", "Omschrijving"),
    ongoing="lopend",
    page="pagina {n}",
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
    entries={
        ItemKind.SIGNAL: "Signal",
        ItemKind.VISIT: "Visit",
        ItemKind.CONVERSATION: "Conversation",
        ItemKind.LIFE_EVENT: "Life event",
        ItemKind.INSPECTION: "Inspection",
        ItemKind.INTENSIFIED: "Intensified supervision",
        ItemKind.HEIGHTENED: "Heightened supervision",
        ItemKind.INTERVENTION: "Intervention",
        ItemKind.CONCERN_STATUS: "Concern",
    },
    signal_kinds={SignalKind.HARD: "hard", SignalKind.SOFT: "soft"},
    valences={Valence.NEGATIVE: "negative", Valence.AMBIGUOUS: "ambiguous", Valence.POSITIVE: "positive"},
    planned="planned",
    listing="What the timeline shows",
    columns=("Date", "What", "Description"),
    ongoing="ongoing",
    page="page {n}",
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
        # Flags as wide as their texts (within bounds): on a network's timeline the member's
        # name comes first and a fixed room cut "Ziekenhuis A: Fusie" to "Ziekenhuis A: Fu…".
        # Paper has height to spare for the extra stacking rows this may cost.
        widths = [
            stringWidth(i.caption(language), REGULAR, SMALL)
            for i in data.items
            if i.kind == ItemKind.LIFE_EVENT
        ]
        self.flag_text = min(FLAG_TEXT_MAX, max([FLAG_TEXT, *widths]))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        months = len(self.period.months)
        month_width = (availWidth - LABEL_WIDTH - 2 * PAD) / max(months, 1)
        self.lay = layout(
            self.data,
            self.period,
            month_width,
            compress=self.compress,
            mark_width=2 * MARK + 1.5,
            flag_width=self.flag_text + 8,
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
                    flag_width=self.flag_text + 8,
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
        flags: list[tuple[float, float, str]] = []  # texts drawn last, left to right per row
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
                flags.append((cx, cy, item.caption(self.language)))
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
        self._flag_texts(c, flags)

    def _flag_texts(self, c: Canvas, flags: list[tuple[float, float, str]]) -> None:
        """Each flag's text right of its pole; near the page's end, where it would be cut,
        left of it if the previous text in its row leaves more room there."""
        c.setFillColor(INK)
        c.setFont(REGULAR, SMALL)
        ends: dict[float, float] = {}  # row (its y) -> where the last text drawn in it ends
        for cx, cy, text in sorted(flags):
            need = stringWidth(text, REGULAR, SMALL)
            right = min(self.flag_text, self.width - cx - 6)
            left = min(self.flag_text, cx - 3 - ends.get(cy, LABEL_WIDTH + PAD))
            if need > right and left > right:
                shown = fit(text, SMALL, left)
                c.drawRightString(cx - 3, cy - 2.2, shown)
                ends[cy] = cx
            else:
                shown = fit(text, SMALL, right)
                c.drawString(cx + 6, cy - 2.2, shown)
                ends[cy] = cx + 6 + stringWidth(shown, REGULAR, SMALL) + 4


def _month_text(day: date, labels: TimelineLabels) -> str:
    return f"{labels.short_months[day.month - 1]} {day.year}"


def _in_period(item: TimelineItem, period: Period, today: date) -> bool:
    end = today if item.open_end else (item.end or item.start)
    return item.start <= period.last and end >= period.first


def left_out(data: TimelineData, period: Period) -> int:
    """The restricted and reporter-confidential signals the PDF leaves out of ``period``;
    counted in the period printed, as a signal outside it is not missed by this reader."""
    return sum(
        1 for i in data.items if i.confidentiality in NOT_FOR_PDF and _in_period(i, period, data.today)
    )


def _when(item: TimelineItem, labels: TimelineLabels) -> str:
    start = item.start.strftime("%d-%m-%Y")
    if not item.is_span:
        return start
    end = labels.ongoing if item.open_end or item.end is None else item.end.strftime("%d-%m-%Y")
    return f"{start} – {end}"


def _what(item: TimelineItem, labels: TimelineLabels, language: str) -> str:
    what = labels.entries[item.kind]
    if item.kind == ItemKind.SIGNAL:
        kind = labels.signal_kinds.get(item.signal_kind or SignalKind.SOFT, "")
        valence = labels.valences[item.valence or Valence.AMBIGUOUS]
        return f"{what}, {kind}, {valence}"
    if item.code is not None and not item.is_span:
        what = f"{what}: {item.code.text(language)}"
    return f"{what} ({labels.planned})" if item.planned else what


def listing(
    data: TimelineData, labels: TimelineLabels, language: str, period: Period, width: float
) -> list[Flowable]:
    """The list of what the picture shows in ``period``, by date: the text a mark cannot carry."""
    rows = [
        (_when(i, labels), _what(i, labels, language), i.caption(language, i.text))
        for i in data.items
        if _in_period(i, period, data.today)
    ]
    if not rows:
        return []
    widths = (118.0, 170.0, width - 288.0)
    return [Paragraph(markup(labels.listing), Styles.h2), table(labels.columns, rows, widths)]


def timeline_pdf(
    data: TimelineData,
    language: str = "nl",
    period: Period | None = None,
    compress: bool = False,
    printed_on: date | None = None,
) -> bytes:
    """An internal PDF (A4 landscape) of the timeline: the picture on page 1, the list of its
    entries after it, without BEPERKT and MELDER_VERTROUWELIJK signals; every page's footer
    says it is internal."""
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
        canvas.drawRightString(page[0] - margin, margin / 2, labels.page.format(n=canvas.getPageNumber()))
        canvas.restoreState()

    missing = left_out(data, period)
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
    if missing:
        story.append(Paragraph(markup(labels.left_out.format(n=missing)), Styles.meta))
    if entries := listing(shown, labels, language, period, page[0] - 2 * margin):
        story += [PageBreak(), *entries]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
