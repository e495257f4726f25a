"""The due dates of a trajectory's reporting duty and which reports answered them (pure)."""

from __future__ import annotations

from datetime import date

import pytest

from inspectorapp.domain.enums import ReportFrequency
from inspectorapp.domain.trajectory_schedule import (
    MAX_DUE_DATES,
    Received,
    SlotState,
    add_months,
    due_dates,
    due_soon,
    late,
    schedule_until,
    slots,
    whole_months,
)

F = ReportFrequency


def test_monthly_from_the_31st_clamps_to_month_ends_and_keeps_its_anchor() -> None:
    assert due_dates(date(2026, 1, 31), F.MONTHLY, date(2026, 5, 31)) == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
        date(2026, 5, 31),
    ]


def test_monthly_in_a_leap_year_reaches_the_29th() -> None:
    assert due_dates(date(2028, 1, 31), F.MONTHLY, date(2028, 3, 1))[1] == date(2028, 2, 29)
    assert due_dates(date(2028, 2, 29), F.MONTHLY, date(2028, 4, 30)) == [
        date(2028, 2, 29),
        date(2028, 3, 29),
        date(2028, 4, 29),
    ]


def test_quarterly_half_yearly_and_fortnightly() -> None:
    assert due_dates(date(2025, 11, 30), F.QUARTERLY, date(2026, 9, 1)) == [
        date(2025, 11, 30),
        date(2026, 2, 28),
        date(2026, 5, 30),
        date(2026, 8, 30),
    ]
    assert due_dates(date(2025, 8, 31), F.HALF_YEARLY, date(2026, 12, 31)) == [
        date(2025, 8, 31),
        date(2026, 2, 28),
        date(2026, 8, 31),
    ]
    assert due_dates(date(2026, 12, 21), F.FORTNIGHTLY, date(2027, 1, 18)) == [
        date(2026, 12, 21),
        date(2027, 1, 4),
        date(2027, 1, 18),  # the end is included
    ]


def test_once_and_a_first_date_after_the_end() -> None:
    assert due_dates(date(2026, 3, 1), F.ONCE, date(2030, 1, 1)) == [date(2026, 3, 1)]
    assert due_dates(date(2026, 3, 1), F.ONCE, date(2026, 2, 28)) == []
    assert due_dates(date(2026, 3, 1), F.MONTHLY, date(2026, 2, 28)) == []


def test_far_horizons_stay_bounded() -> None:
    assert len(due_dates(date(2000, 1, 1), F.FORTNIGHTLY, date(2200, 12, 31))) == MAX_DUE_DATES
    assert due_dates(date(9999, 6, 30), F.HALF_YEARLY, date(9999, 12, 31))[-1] == date(9999, 12, 30)


def test_the_schedule_ends_with_the_trajectory_or_the_horizon() -> None:
    assert schedule_until(None, date(2027, 1, 1)) == date(2027, 1, 1)
    assert schedule_until(date(2026, 6, 30), date(2027, 1, 1)) == date(2026, 6, 30)
    assert schedule_until(date(2028, 1, 1), date(2027, 1, 1)) == date(2027, 1, 1)


def test_add_months_across_years() -> None:
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)


def test_reports_matched_to_due_dates_late_and_due_soon() -> None:
    due = due_dates(date(2026, 9, 1), F.MONTHLY, date(2027, 1, 1))  # 1 Sep .. 1 Jan
    reports = [
        Received("r1", date(2026, 9, 1), date(2026, 9, 3)),  # received two days late
        Received("r2", date(2026, 10, 1), date(2026, 9, 28)),
        Received("r2b", date(2026, 10, 1), date(2026, 10, 5)),  # a second answer: the first counts
        Received("old", date(2026, 8, 15), date(2026, 8, 16)),  # a date no longer scheduled
    ]
    today = date(2026, 12, 6)
    got = slots(due, reports, today)
    assert [(s.due_on, s.state, s.report_id) for s in got] == [
        (date(2026, 8, 15), SlotState.RECEIVED, "old"),
        (date(2026, 9, 1), SlotState.RECEIVED, "r1"),
        (date(2026, 10, 1), SlotState.RECEIVED, "r2"),
        (date(2026, 11, 1), SlotState.LATE, None),
        (date(2026, 12, 1), SlotState.LATE, None),
        (date(2027, 1, 1), SlotState.UPCOMING, None),
    ]
    assert got[0].scheduled is False and got[1].received_late and not got[2].received_late
    assert [s.due_on for s in late(got)] == [date(2026, 11, 1), date(2026, 12, 1)]
    assert due_soon(got) == []
    assert [s.due_on for s in due_soon(slots(due, reports, date(2026, 12, 20)))] == [date(2027, 1, 1)]


@pytest.mark.parametrize(
    ("due", "state"),
    [
        (date(2026, 12, 5), SlotState.LATE),
        (date(2026, 12, 6), SlotState.DUE_SOON),  # due today is not late yet
        (date(2026, 12, 20), SlotState.DUE_SOON),
        (date(2026, 12, 21), SlotState.UPCOMING),
    ],
)
def test_late_is_before_today_soon_is_within_two_weeks(due: date, state: SlotState) -> None:
    assert slots([due], [], date(2026, 12, 6))[0].state == state


def test_whole_months() -> None:
    assert whole_months(date(2026, 2, 1), date(2026, 12, 1)) == 10
    assert whole_months(date(2026, 2, 1), date(2026, 11, 30)) == 9
    assert whole_months(date(2026, 1, 31), date(2026, 2, 28)) == 1
    assert whole_months(date(2026, 1, 31), date(2026, 2, 27)) == 0
    assert whole_months(date(2026, 12, 6), date(2026, 12, 1)) == 0
