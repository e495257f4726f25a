"""The timeline of an organisation or network: its items, and the layout both painters draw.

The layout (lanes, a month axis, marks and spans with their x positions and stacking rows) is
computed here, without Qt or reportlab, so the app's QPainter widget and the PDF Flowable show
the same picture. x runs from 0 at the start of the first month; each month has its own slot,
also when nothing happened in it, so the distance between two items keeps meaning time. In
compress mode a run of quiet months shrinks to a narrow, marked gap: the months stay on the
axis, but the build-up of weak signals before an escalation is no longer spread thin.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .enums import Confidentiality, SignalKind, Valence
from .snapshots import Label
from .subject_ref import SubjectRef


class Lane(StrEnum):
    """The rows of the timeline, top to bottom."""

    SIGNALS_NEGATIVE = "signalen_negatief"
    SIGNALS_AMBIGUOUS = "signalen_ambigu"
    SIGNALS_POSITIVE = "signalen_positief"
    VISITS = "bezoeken"  # visits and conversations
    LIFE_EVENTS = "gebeurtenissen"
    INSPECTIONS = "inspecties"
    SUPERVISION = "toezicht"  # intensified and heightened supervision periods
    INTERVENTIONS = "interventies"
    CONCERNS = "aandachtspunten"  # concern status changes


class ItemKind(StrEnum):
    SIGNAL = "signaal"
    VISIT = "bezoek"
    CONVERSATION = "gesprek"
    LIFE_EVENT = "gebeurtenis"
    INSPECTION = "inspectie"
    INTENSIFIED = "geintensiveerd"  # a span
    HEIGHTENED = "verscherpt"  # a span
    INTERVENTION = "interventie"
    CONCERN_STATUS = "aandachtspunt_status"


SPAN_KINDS = frozenset({ItemKind.INSPECTION, ItemKind.INTENSIFIED, ItemKind.HEIGHTENED})
_SIGNAL_LANES = {
    Valence.NEGATIVE: Lane.SIGNALS_NEGATIVE,
    Valence.AMBIGUOUS: Lane.SIGNALS_AMBIGUOUS,
    Valence.POSITIVE: Lane.SIGNALS_POSITIVE,
}
_LANE_OF = {
    ItemKind.VISIT: Lane.VISITS,
    ItemKind.CONVERSATION: Lane.VISITS,
    ItemKind.LIFE_EVENT: Lane.LIFE_EVENTS,
    ItemKind.INSPECTION: Lane.INSPECTIONS,
    ItemKind.INTENSIFIED: Lane.SUPERVISION,
    ItemKind.HEIGHTENED: Lane.SUPERVISION,
    ItemKind.INTERVENTION: Lane.INTERVENTIONS,
    ItemKind.CONCERN_STATUS: Lane.CONCERNS,
}
NOT_FOR_PDF = frozenset({Confidentiality.RESTRICTED, Confidentiality.REPORTER_CONFIDENTIAL})


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One thing on the timeline. A span runs from ``start`` to ``end`` (``open_end``: still
    running, drawn up to today). ``code`` is a framework code (life event type, action type,
    concern status) with its labels; ``text`` is the free text (observation, title)."""

    kind: ItemKind
    id: str
    start: date
    text: str
    end: date | None = None
    open_end: bool = False
    code: Label | None = None
    valence: Valence | None = None
    signal_kind: SignalKind | None = None
    confidentiality: Confidentiality | None = None
    member: str | None = None  # the member organisation's name, on a network's timeline
    planned: bool = False  # an intervention not yet done

    @property
    def lane(self) -> Lane:
        if self.kind == ItemKind.SIGNAL:
            return _SIGNAL_LANES[self.valence or Valence.AMBIGUOUS]
        return _LANE_OF[self.kind]

    @property
    def is_span(self) -> bool:
        return self.kind in SPAN_KINDS

    def short(self, language: str) -> str:
        """The label a flag or mark carries: the code's label, else the text."""
        return self.code.text(language) if self.code is not None else self.text

    def caption(self, language: str, text: str | None = None) -> str:
        """What a flag or band says: ``text`` (else ``short``), after the member's name on a
        network's timeline, so members' items are told apart without hovering."""
        text = self.short(language) if text is None else text
        return f"{self.member}: {text}" if self.member else text


@dataclass(frozen=True, slots=True)
class TimelineData:
    subject: SubjectRef
    title: str  # the organisation's or network's name
    today: date
    items: tuple[TimelineItem, ...]  # by start date

    def without(self, levels: frozenset[Confidentiality]) -> TimelineData:
        """The same timeline without items at these confidentiality levels (a PDF leaves
        BEPERKT and MELDER_VERTROUWELIJK out)."""
        kept = tuple(i for i in self.items if i.confidentiality not in levels)
        return TimelineData(self.subject, self.title, self.today, kept)


def sort_items(items: list[TimelineItem]) -> tuple[TimelineItem, ...]:
    return tuple(sorted(items, key=lambda i: (i.start, list(Lane).index(i.lane), i.id)))


# ----- months ---------------------------------------------------------------------------


def month_number(d: date) -> int:
    """Months since year 0: consecutive months have consecutive numbers."""
    return d.year * 12 + d.month - 1


def month_date(number: int) -> date:
    return date(number // 12, number % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class Period:
    """From the first day of ``first``'s month to the last day of ``last``'s month."""

    first: date
    last: date

    @property
    def months(self) -> range:
        return range(month_number(self.first), month_number(self.last) + 1)

    @classmethod
    def around(cls, data: TimelineData) -> Period:
        """From the first item's month to the month of today (or of the last item)."""
        if not data.items:
            return cls(date(data.today.year, 1, 1), data.today)
        first = min(i.start for i in data.items)
        last = max(max(i.start, i.end or i.start) for i in data.items)
        return cls(first, max(last, data.today))


@dataclass(frozen=True, slots=True)
class Slot:
    month: int  # month_number
    x: float
    width: float
    compressed: bool

    @property
    def day_one(self) -> date:
        return month_date(self.month)


@dataclass(frozen=True, slots=True)
class Gap:
    """A compressed run of quiet months, drawn as a marked gap."""

    first: int  # month_number
    last: int
    x: float
    width: float


@dataclass(frozen=True, slots=True)
class Axis:
    slots: tuple[Slot, ...]
    gaps: tuple[Gap, ...]

    @property
    def width(self) -> float:
        return self.slots[-1].x + self.slots[-1].width if self.slots else 0.0

    def x(self, d: date) -> float:
        """x of a day: its month's slot, and the day's place in it. Days outside the axis
        are clamped to its ends."""
        first = self.slots[0].month
        index = month_number(d) - first
        if index < 0:
            return 0.0
        if index >= len(self.slots):
            return self.width
        slot = self.slots[index]
        days = calendar.monthrange(d.year, d.month)[1]
        return slot.x + slot.width * (d.day - 1) / days


def build_axis(
    months: range, month_width: float, quiet: frozenset[int] | None, min_run: int, gap_width: float
) -> Axis:
    """Each month its slot of ``month_width``; with ``quiet`` (compress mode) every run of at
    least ``min_run`` quiet months shares ``gap_width`` instead."""
    runs: dict[int, int] = {}  # first month of a compressed run -> its length
    if quiet is not None:
        start: int | None = None
        for m in [*months, None]:
            if m is not None and m in quiet:
                start = m if start is None else start
                continue
            if start is not None:
                end = (m if m is not None else months.stop) - 1
                if end - start + 1 >= min_run:
                    runs[start] = end - start + 1
                start = None
    slots: list[Slot] = []
    gaps: list[Gap] = []
    x = 0.0
    m = months.start
    while m < months.stop:
        if m in runs:
            length = runs[m]
            width = gap_width / length
            gaps.append(Gap(m, m + length - 1, x, gap_width))
            slots += [Slot(m + k, x + k * width, width, True) for k in range(length)]
            x += gap_width
            m += length
        else:
            slots.append(Slot(m, x, month_width, False))
            x += month_width
            m += 1
    return Axis(tuple(slots), tuple(gaps))


# ----- layout ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    item: TimelineItem
    x: float
    row: int  # stacking row within its lane, 0 on top


@dataclass(frozen=True, slots=True)
class Span:
    item: TimelineItem
    x0: float
    x1: float
    row: int


@dataclass(frozen=True, slots=True)
class LaneBox:
    lane: Lane
    row: int  # first row of the lane, counted over all lanes
    rows: int  # at least one


@dataclass(frozen=True, slots=True)
class TimelineLayout:
    period: Period
    axis: Axis
    lanes: tuple[LaneBox, ...]
    marks: tuple[Mark, ...]
    spans: tuple[Span, ...]
    compressed: bool

    @property
    def rows(self) -> int:
        return sum(b.rows for b in self.lanes)

    def lane_box(self, lane: Lane) -> LaneBox:
        return next(b for b in self.lanes if b.lane == lane)


MAX_ROWS = 4  # marks closer than this pile up in the last row instead of making a lane tall


def _stack(spans: list[tuple[float, float]]) -> list[int]:
    """A row per interval (in order): the first row whose last interval ends before it starts."""
    ends: list[float] = []
    rows: list[int] = []
    for x0, x1 in spans:
        row = next((r for r, end in enumerate(ends) if end <= x0), None)
        if row is None:
            row = len(ends) if len(ends) < MAX_ROWS else MAX_ROWS - 1
            if row == len(ends):
                ends.append(x1)
        ends[row] = max(ends[row], x1)
        rows.append(row)
    return rows


def quiet_months(data: TimelineData, months: range) -> frozenset[int]:
    """Months in which nothing starts or ends (a span running through a month keeps it quiet:
    a long supervision period should not stop the build-up before it from showing)."""
    busy: set[int] = set()
    for item in data.items:
        busy.add(month_number(item.start))
        if item.end is not None and not item.open_end:
            busy.add(month_number(item.end))
    return frozenset(m for m in months if m not in busy)


def layout(
    data: TimelineData,
    period: Period,
    month_width: float,
    *,
    compress: bool = False,
    min_quiet: int = 2,
    gap_width: float | None = None,
    mark_width: float = 10.0,
    flag_width: float = 90.0,
) -> TimelineLayout:
    """Where everything goes. ``mark_width`` is how far apart two marks must be to share a
    row; ``flag_width`` the same for life-event flags, which carry a label."""
    months = period.months
    quiet = quiet_months(data, months) if compress else None
    axis = build_axis(months, month_width, quiet, min_quiet, gap_width or max(month_width * 0.6, 14.0))
    lo, hi = month_date(months.start), period.last
    by_lane: dict[Lane, list[TimelineItem]] = {lane: [] for lane in Lane}
    for item in data.items:
        end = item.end or (data.today if item.open_end else item.start)
        if end < lo or item.start > hi.replace(day=calendar.monthrange(hi.year, hi.month)[1]):
            continue
        by_lane[item.lane].append(item)
    marks: list[Mark] = []
    spans: list[Span] = []
    boxes: list[LaneBox] = []
    row = 0
    for lane, items in by_lane.items():
        extents: list[tuple[float, float]] = []
        for item in items:
            x0 = axis.x(item.start)
            if item.is_span:
                x1 = axis.x(item.end or data.today) if (item.end or item.open_end) else x0
                extents.append((x0, max(x1, x0 + 2)))
            else:
                width = flag_width if lane == Lane.LIFE_EVENTS else mark_width
                extents.append((x0 - mark_width / 2, x0 + width))
        rows = _stack(extents)
        for item, (x0, x1), r in zip(items, extents, rows, strict=True):
            if item.is_span:
                spans.append(Span(item, x0, x1, r))
            else:
                marks.append(Mark(item, axis.x(item.start), r))
        count = max(rows, default=0) + 1
        boxes.append(LaneBox(lane, row, count))
        row += count
    return TimelineLayout(period, axis, tuple(boxes), tuple(marks), tuple(spans), compress)


def hit(lay: TimelineLayout, x: float, row: int, tolerance: float) -> TimelineItem | None:
    """The item at layout position (x, overall row): the nearest mark within ``tolerance``,
    else a span under x."""
    best: tuple[float, TimelineItem] | None = None
    for box in lay.lanes:
        if not box.row <= row < box.row + box.rows:
            continue
        for mark in lay.marks:
            if mark.item.lane == box.lane and box.row + mark.row == row:
                distance = abs(mark.x - x)
                if distance <= tolerance and (best is None or distance < best[0]):
                    best = (distance, mark.item)
        if best is not None:
            return best[1]
        for span in lay.spans:
            if span.item.lane == box.lane and box.row + span.row == row and span.x0 <= x <= span.x1:
                return span.item
    return None


# One palette for both painters (the valence colours of the report's charts).
VALENCE_HEX = {Valence.POSITIVE: "#2e7d32", Valence.NEGATIVE: "#e64a19", Valence.AMBIGUOUS: "#9e9e9e"}
KIND_HEX = {
    ItemKind.VISIT: "#154273",
    ItemKind.CONVERSATION: "#5c7fa3",
    ItemKind.LIFE_EVENT: "#6a1b9a",
    ItemKind.INSPECTION: "#8fb0d3",
    ItemKind.INTENSIFIED: "#f3b562",
    ItemKind.HEIGHTENED: "#d9534f",
    ItemKind.INTERVENTION: "#154273",
    ItemKind.CONCERN_STATUS: "#8d6e63",
}
GAP_HEX = "#eceff1"
GRID_HEX = "#dde3ea"
TODAY_HEX = "#c62828"


def colour(item: TimelineItem) -> str:
    if item.kind == ItemKind.SIGNAL:
        return VALENCE_HEX[item.valence or Valence.AMBIGUOUS]
    return KIND_HEX[item.kind]
