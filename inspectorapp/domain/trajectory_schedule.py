"""When a trajectory's reporting duty falls due, and which due dates a report answered.

Pure functions, no store. A monthly (quarterly, half-yearly) duty is anchored on the day of
its first due date: 31 Jan, 28/29 Feb, 31 Mar, 30 Apr ... (each date is counted from the
first, not from the one before, so a short month does not pull every later date forward).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .enums import ReportFrequency

# A report due within this many days (and not received) is "due soon".
DUE_SOON_DAYS = 14
# A schedule never holds more dates than this: a fortnightly duty over a far horizon (or a
# hostile one) stays bounded; 600 dates is more than 20 years of fortnights.
MAX_DUE_DATES = 600

_MONTHS = {
    ReportFrequency.MONTHLY: 1,
    ReportFrequency.QUARTERLY: 3,
    ReportFrequency.HALF_YEARLY: 6,
}


def add_months(anchor: date, months: int) -> date:
    """``anchor`` moved ``months`` on, its day clamped to the length of the month reached."""
    number = anchor.year * 12 + anchor.month - 1 + months
    year, month = divmod(number, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(anchor.day, last))


def due_dates(first_due_on: date, frequency: ReportFrequency, until: date) -> list[date]:
    """Every due date from ``first_due_on`` up to and including ``until`` (none when the
    first lies after it)."""
    out: list[date] = []
    n = 0
    while len(out) < MAX_DUE_DATES:
        if frequency == ReportFrequency.ONCE:
            day = first_due_on
        elif frequency == ReportFrequency.FORTNIGHTLY:
            day = first_due_on + timedelta(days=14 * n)
        else:
            try:
                day = add_months(first_due_on, _MONTHS[frequency] * n)
            except ValueError:  # past year 9999
                break
        if day > until:
            break
        out.append(day)
        if frequency == ReportFrequency.ONCE:
            break
        n += 1
    return out


def ended_before(ended_on: date | None, day: date) -> bool:
    """A trajectory's ``ended_on`` is its last day, included (a duty's report due that day is
    still asked for, ``schedule_until``): one that ends today is still running today and
    has ended from tomorrow. Every screen that says "running" or "ended" asks this."""
    return ended_on is not None and ended_on < day


def running_on(started_on: date, ended_on: date | None, day: date) -> bool:
    """Begun and not ended on ``day``."""
    return started_on <= day and not ended_before(ended_on, day)


def schedule_until(ended_on: date | None, horizon: date) -> date:
    """A duty runs to the trajectory's end, or to ``horizon`` while it has none (or ends
    later than the horizon)."""
    return min(ended_on, horizon) if ended_on is not None else horizon


class SlotState(StrEnum):
    RECEIVED = "ontvangen"
    LATE = "te_laat"  # due before today, no report
    DUE_SOON = "binnenkort"  # due today or within DUE_SOON_DAYS, no report
    UPCOMING = "gepland"


@dataclass(frozen=True, slots=True)
class Received:
    """A report as the schedule sees it: the due date it answers and when it came."""

    id: str
    due_on: date
    received_on: date


@dataclass(frozen=True, slots=True)
class Slot:
    """One due date and what answered it. ``scheduled`` is False for a report whose due date
    is no longer in the schedule (the duty's frequency or first date changed since): it stays
    listed rather than vanishing."""

    due_on: date
    state: SlotState
    report_id: str | None = None
    received_on: date | None = None
    scheduled: bool = True

    @property
    def received_late(self) -> bool:
        return self.received_on is not None and self.received_on > self.due_on


def state_of(due_on: date, received: bool, today: date, soon_days: int = DUE_SOON_DAYS) -> SlotState:
    if received:
        return SlotState.RECEIVED
    if due_on < today:
        return SlotState.LATE
    if due_on <= today + timedelta(days=soon_days):
        return SlotState.DUE_SOON
    return SlotState.UPCOMING


def slots(
    due: Sequence[date], reports: Iterable[Received], today: date, soon_days: int = DUE_SOON_DAYS
) -> list[Slot]:
    """Each due date with the report that answers it (the earliest received if two do), plus
    reports for dates outside the schedule; by due date."""
    by_due: dict[date, Received] = {}
    for r in sorted(reports, key=lambda r: (r.received_on, r.id)):
        by_due.setdefault(r.due_on, r)
    scheduled = set(due)
    out = [
        Slot(
            d,
            state_of(d, d in by_due, today, soon_days),
            by_due[d].id if d in by_due else None,
            by_due[d].received_on if d in by_due else None,
        )
        for d in sorted(scheduled)
    ]
    out += [
        Slot(r.due_on, SlotState.RECEIVED, r.id, r.received_on, scheduled=False)
        for d, r in by_due.items()
        if d not in scheduled
    ]
    return sorted(out, key=lambda s: s.due_on)


def late(all_slots: Iterable[Slot]) -> list[Slot]:
    return [s for s in all_slots if s.state == SlotState.LATE]


def due_soon(all_slots: Iterable[Slot]) -> list[Slot]:
    return [s for s in all_slots if s.state == SlotState.DUE_SOON]


def whole_months(since: date, today: date) -> int:
    """Whole months from ``since`` to ``today`` (1 Feb -> 1 Dec is 10, 30 Nov is 9; 31 Jan ->
    28 Feb is 1, the month's end counting as its day); 0 when ``today`` is not after."""
    if today <= since:
        return 0
    months = (today.year - since.year) * 12 + today.month - since.month
    if add_months(since, months) > today:
        months -= 1
    return max(months, 0)
