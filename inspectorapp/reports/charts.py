"""The charts chapter: signals per month by valence, and speaking shares per observed session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, Shape, String
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from inspectorapp.domain.report import ReportSection, SessionShares, ShareBar, TimelinePoint

from .flow import Writer, markup
from .fonts import REGULAR, fit
from .labels import Labels, short_month
from .styles import ACCENT, AMBIGUOUS, FRAME_WIDTH, INK, MUTED, NEGATIVE, POSITIVE, RULE, Styles

TICK_SIZE = 7.5
BAR_ROW = 17  # height per bar in a share chart
MAX_BAR = 34  # width of a month's bar when there are only a few months
MAX_LABEL_SHARE = 0.38  # of the width, for a share chart's category labels


def charts_chapter(w: Writer) -> None:
    content, labels = w.content, w.labels
    timeline = content.timeline if any(_total(p) for p in content.timeline) else ()
    sessions = [s for s in content.sessions if s.by_role or s.by_organisation]
    if not content.includes(ReportSection.CHARTS) or not (timeline or sessions):
        return
    w.chapter(labels.charts, new_page=True)
    if timeline:
        w.add(_titled(labels.signals_per_month, timeline_chart(timeline, labels)))
    for session in sessions:
        w.add(*_session(session, labels))


def _session(session: SessionShares, labels: Labels) -> list[Flowable]:
    """Each chart kept with its caption, the session title with the first of them."""
    charts = [
        (caption, bars)
        for caption, bars in (
            (labels.share_by_role, session.by_role),
            (labels.share_by_organisation, session.by_organisation),
        )
        if bars
    ]
    # One label column for both charts, so their bars line up.
    label_width = _label_width([*session.by_role, *session.by_organisation])
    blocks = [
        [Paragraph(markup(caption), Styles.h3), share_chart(bars, label_width)] for caption, bars in charts
    ]
    blocks[0].insert(0, Paragraph(markup(session.title), Styles.h2))
    return [KeepTogether(block) for block in blocks]


def _titled(title: str, drawing: Drawing) -> KeepTogether:
    return KeepTogether([Paragraph(markup(title), Styles.h2), drawing])


def _total(point: TimelinePoint) -> int:
    return point.positive + point.negative + point.ambiguous


def _nice_step(top: int) -> int:
    """A tick step of 1, 2 or 5 times a power of ten giving at most six steps up to ``top``."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top <= 6 * factor * magnitude:
                return factor * magnitude
        magnitude *= 10


# The charts are drawn from plain shapes rather than reportlab's chart widgets, which build
# and validate a widget tree per label and cost several times as much to draw.


@dataclass(frozen=True)
class _Plot:
    """The plotting area of a chart, in drawing coordinates."""

    x: float
    y: float
    width: float
    height: float


def _text(x: float, y: float, text: str, anchor: str = "start", size: float = TICK_SIZE) -> String:
    return String(x, y, text, fontName=REGULAR, fontSize=size, fillColor=INK, textAnchor=anchor)


def _line(x1: float, y1: float, x2: float, y2: float, colour: Color = RULE) -> Line:
    return Line(x1, y1, x2, y2, strokeColor=colour, strokeWidth=0.5)


def timeline_chart(points: Sequence[TimelinePoint], labels: Labels) -> Drawing:
    """Stacked bars per month: positive, negative and ambiguous signals, with a legend on top."""
    rotate = len(points) > 8  # month names no longer fit side by side
    height = 215
    plot = _Plot(30, 48 if rotate else 28, FRAME_WIDTH - 34, height - (48 if rotate else 28) - 30)
    top = max(_total(p) for p in points)
    step = _nice_step(top)
    top = step * -(-top // step)
    drawing = Drawing(FRAME_WIDTH, height, initialFontName=REGULAR)
    for value in range(0, top + 1, step):
        y = plot.y + plot.height * value / top
        drawing.add(_line(plot.x, y, plot.x + plot.width, y, RULE if value else MUTED))
        drawing.add(_text(plot.x - 4, y - TICK_SIZE / 3, str(value), "end"))
    slot = plot.width / len(points)
    bar = min(slot * 0.62, MAX_BAR)
    for number, point in enumerate(points):
        x = plot.x + number * slot + (slot - bar) / 2
        y = plot.y
        for value, colour in (
            (point.positive, POSITIVE),
            (point.negative, NEGATIVE),
            (point.ambiguous, AMBIGUOUS),
        ):
            if value:
                height_of = plot.height * value / top
                drawing.add(Rect(x, y, bar, height_of, fillColor=colour, strokeColor=None))
                y += height_of
        drawing.add(_month(x + bar / 2, plot.y - 4, short_month(point.month, labels), rotate))
    _legend(drawing, plot.x, height - 12, labels)
    return drawing


def _month(x: float, y: float, text: str, rotate: bool) -> Shape:
    if not rotate:
        return _text(x, y - TICK_SIZE, text, "middle")
    label = Group(_text(0, -TICK_SIZE, text, "end"))
    label.translate(x, y)
    label.rotate(40)
    return label


def _legend(drawing: Drawing, x: float, y: float, labels: Labels) -> None:
    entries = ((POSITIVE, labels.positive), (NEGATIVE, labels.negative), (AMBIGUOUS, labels.ambiguous))
    for colour, name in entries:
        drawing.add(Rect(x, y, 7, 7, fillColor=colour, strokeColor=None))
        drawing.add(_text(x + 11, y, name, size=8))
        x += 11 + stringWidth(name, REGULAR, 8) + 22


def _label_width(bars: Sequence[ShareBar]) -> float:
    widest = max(stringWidth(b.label, REGULAR, TICK_SIZE) for b in bars)
    return min(widest + 8, FRAME_WIDTH * MAX_LABEL_SHARE)


def share_chart(bars: Sequence[ShareBar], label_width: float) -> Drawing:
    """Horizontal bars of speaking share in the given order, labelled '42% (17)' (share, turns)."""
    plot = _Plot(label_width, 14, FRAME_WIDTH - label_width - 56, BAR_ROW * len(bars))
    drawing = Drawing(FRAME_WIDTH, plot.height + 20, initialFontName=REGULAR)
    for percent in range(0, 101, 25):
        x = plot.x + plot.width * percent / 100
        drawing.add(_line(x, plot.y, x, plot.y + plot.height, RULE if percent else MUTED))
        drawing.add(_text(x, plot.y - 4 - TICK_SIZE, f"{percent}%", "middle"))
    bar = BAR_ROW * 0.7
    for number, share in enumerate(bars, 1):
        y = plot.y + plot.height - number * BAR_ROW + (BAR_ROW - bar) / 2
        middle = y + bar / 2 - TICK_SIZE / 3
        width = plot.width * min(max(share.share, 0.0), 1.0)
        drawing.add(Rect(plot.x, y, width, bar, fillColor=ACCENT, strokeColor=None))
        drawing.add(_text(plot.x - 5, middle, fit(share.label, TICK_SIZE, label_width - 8), "end"))
        drawing.add(_text(plot.x + width + 3, middle, f"{share.share:.0%} ({share.turns})"))
    return drawing
