"""Deliberation reads (issue #15) at a realistic volume: what an overleg and a successor read.

    python -m bench.deliberation [--rounds 15] [--total 100000] [--board 5000] [--observers 50]
                                 [name ...]

Store: the sense store (``bench.sense``) plus three years of overleggen, decisions, concerns,
trajectories and account holders (``bench.deliberation_data``), cached in bench/.cache/.

Each read runs on the busy organisation (5,000 signals, 300 decisions), a fresh session per
call as on the database thread, ``rounds`` times after two warm-ups; its floor is the bare SQL
for the rows it needs (same connection, run back to back with each call): ``FLOORS`` below.
Printed per read: p95 and p50, the floor's, their ratio, the median of the per-round ratios
and the number of SQL statements one call runs (a statement per row would show there).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from .common import PASSPHRASE, Result, median, ms, percentile, print_result
from .deliberation_data import READER, TODAY, ensure_store

SIGNALS = (
    "SELECT * FROM signal WHERE organisation_id = :org AND deleted_at IS NULL ORDER BY observed_at DESC, id"
)
CONCERNS = (
    "SELECT c.*, cs.signal_id, cs.role FROM concern c LEFT JOIN concern_signal cs"
    " ON cs.concern_id = c.id AND cs.deleted_at IS NULL"
    " WHERE c.organisation_id = :org AND c.deleted_at IS NULL"
)
MATRIX = (
    "SELECT h.id, h.concern_id, h.position, h.statement, r.signal_id, r.rating FROM concern c"
    " JOIN concern_hypothesis h ON h.concern_id = c.id AND h.deleted_at IS NULL"
    " LEFT JOIN concern_rating r ON r.hypothesis_id = h.id AND r.deleted_at IS NULL"
    " WHERE c.organisation_id = :org AND c.deleted_at IS NULL"
)
PAIRS = (
    "SELECT l.* FROM signal_link l JOIN signal s ON s.id = l.from_signal_id WHERE s.organisation_id = :org"
    " AND l.deleted_at IS NULL AND l.link_type IN ('weerspreekt', 'incongruent_met')"
)
REVIEW = (
    "SELECT id, observation, status, review_by FROM signal"
    " WHERE organisation_id = :org AND deleted_at IS NULL"
    " AND status != 'AFGESLOTEN' AND review_by <= :today"
)
INTERVENTIONS = "SELECT * FROM intervention WHERE organisation_id = :org AND deleted_at IS NULL"
DECISIONS = (
    "SELECT d.*, o.kind, o.title FROM decision d LEFT JOIN deliberation o ON o.id = d.deliberation_id"
    " WHERE d.organisation_id = :org AND d.deleted_at IS NULL"
    " ORDER BY d.decided_on DESC, d.created_at DESC, d.id"
)
ABOUT = (
    "SELECT ds.decision_id, s.id, s.observation, s.status, c.id, c.title, c.status FROM decision d"
    " JOIN decision_subject ds ON ds.decision_id = d.id AND ds.deleted_at IS NULL"
    " LEFT JOIN signal s ON s.id = ds.signal_id LEFT JOIN concern c ON c.id = ds.concern_id"
    " WHERE d.organisation_id = :org AND d.deleted_at IS NULL"
)
STEPS = (
    "SELECT ch.*, s.observation FROM decision d JOIN signal_status_change ch ON ch.decision_id = d.id"
    " AND ch.deleted_at IS NULL JOIN signal s ON s.id = ch.signal_id WHERE d.organisation_id = :org"
    " AND d.deleted_at IS NULL"
)
TRAJECTORIES = (
    "SELECT t.*, du.*, r.* FROM trajectory t"
    " LEFT JOIN reporting_duty du ON du.trajectory_id = t.id AND du.deleted_at IS NULL"
    " LEFT JOIN trajectory_report r ON r.duty_id = du.id AND r.deleted_at IS NULL"
    " WHERE t.organisation_id = :org AND t.deleted_at IS NULL"
)
HOLDERS = "SELECT * FROM account_holder WHERE organisation_id = :org AND deleted_at IS NULL ORDER BY since"
PEOPLE = "SELECT * FROM person WHERE organisation_id = :org AND deleted_at IS NULL"
TEAMS = "SELECT * FROM inspection_member WHERE deleted_at IS NULL"
INSPECTIONS = (
    "SELECT i.*, v.* FROM inspection_subject s JOIN inspection i ON i.id = s.inspection_id"
    " LEFT JOIN visit v ON v.inspection_id = i.id WHERE s.organisation_id = :org AND s.deleted_at IS NULL"
)
REFLECTIONS = (
    "SELECT r.* FROM inspection_subject s JOIN reflection r ON r.inspection_id = s.inspection_id"
    " WHERE s.organisation_id = :org AND r.deleted_at IS NULL ORDER BY r.written_at DESC"
)
OVERDUE = (
    "SELECT organisation_id, network_id, count(*) FROM concern WHERE deleted_at IS NULL"
    " AND status NOT IN ('AFGESLOTEN', 'NIET_ONDERBOUWD') GROUP BY 1, 2",
    "SELECT organisation_id, network_id, count(*) FROM trajectory WHERE deleted_at IS NULL"
    " AND started_on <= :today AND (ended_on IS NULL OR ended_on > :today) GROUP BY 1, 2",
    "SELECT organisation_id, count(*) FROM signal"
    " WHERE deleted_at IS NULL AND status != 'AFGESLOTEN' GROUP BY 1",
    "SELECT i.organisation_id, i.network_id, max(d.held_on) FROM deliberation_item i"
    " JOIN deliberation d ON d.id = i.deliberation_id WHERE d.deleted_at IS NULL AND i.deleted_at IS NULL"
    " AND d.kind = 'apk' AND d.held_on <= :today GROUP BY 1, 2",
    "SELECT id, name FROM organisation WHERE deleted_at IS NULL",
    "SELECT id, name FROM network WHERE deleted_at IS NULL",
)
PACK_DECISIONS = DECISIONS.replace("ORDER BY", "AND d.deliberation_id = :overleg ORDER BY")

# The bare SQL for what each read needs, once: the rows, no objects.
FLOORS: dict[str, tuple[str, ...]] = {
    "agenda_pack": (SIGNALS, CONCERNS, MATRIX, PAIRS, REVIEW, INTERVENTIONS, TRAJECTORIES, PACK_DECISIONS),
    "handover_dossier": (
        SIGNALS,
        CONCERNS,
        MATRIX,
        DECISIONS,
        ABOUT,
        STEPS,
        TRAJECTORIES,
        HOLDERS,
        PEOPLE,
        TEAMS,
        INSPECTIONS,
        INTERVENTIONS,
        REFLECTIONS,
    ),
    "decision_log": (DECISIONS, ABOUT, STEPS),
    "decision_search": (DECISIONS, ABOUT, STEPS),
    "overdue_review": OVERDUE,
    "trajectory_warnings": (TRAJECTORIES,),
}
# p95 budgets: a screen the user opened and waits for (pack, dossier: 500 ms) or a list that
# follows a keystroke or a page switch (100 ms; the warnings sit on the trajectory page: 50).
# A ratio is budgeted only where the floor is tens of milliseconds; against a 0.3-3 ms floor
# the fixed cost of mapping rows to objects dominates and the ratio is printed, not judged.
# The reasoning and the numbers are in bench/README.md.
BUDGETS: dict[str, tuple[float, float | None]] = {  # name -> (p95 seconds, ratio to the floor)
    "agenda_pack": (0.500, 4.0),
    "handover_dossier": (0.500, 6.0),
    "decision_log": (0.100, None),
    "decision_search": (0.100, None),
    "overdue_review": (0.150, 3.0),
    "trajectory_warnings": (0.050, None),
}
NAMES = tuple(FLOORS)
SEARCH = "bezoek zorg"  # two common words of the generator's vocabulary: a real narrowing


def _calls(busy: str, overleg: str) -> dict[str, Callable[[Session], Any]]:
    from inspectorapp.domain.handover_views import Reader
    from inspectorapp.domain.subject_ref import SubjectRef
    from inspectorapp.services import agenda_pack, decision_log, handover, review_cycle, trajectories

    subject = SubjectRef.organisation(busy)
    return {
        "agenda_pack": lambda s: agenda_pack.agenda_pack(s, overleg, subject, TODAY),
        "handover_dossier": lambda s: handover.dossier(s, subject, Reader(READER, laptop_user=True), TODAY),
        "decision_log": lambda s: decision_log.decision_log(s, subject),
        "decision_search": lambda s: decision_log.decision_log(s, subject, SEARCH),
        "overdue_review": lambda s: review_cycle.overdue_for_review(s, TODAY),
        "trajectory_warnings": lambda s: trajectories.trajectory_warnings(s, subject, TODAY),
    }


def _last_periodic_review(store: Any, busy: str) -> tuple[str, date]:
    """The latest periodic review (APK) with the busy organisation on its agenda."""
    row = store.raw.execute(
        "SELECT d.id, d.held_on FROM deliberation d JOIN deliberation_item i ON i.deliberation_id = d.id"
        " WHERE d.kind = 'apk' AND i.organisation_id = ? AND d.held_on <= ? ORDER BY d.held_on DESC LIMIT 1",
        (busy, TODAY.isoformat()),
    ).fetchone()
    return str(row[0]), date.fromisoformat(row[1])


def run(
    names: tuple[str, ...] = NAMES,
    total: int = 100_000,
    board: int = 5_000,
    observers: int = 50,
    rounds: int = 15,
) -> list[Result]:
    from inspectorapp.store_access import open_store

    path, busy = ensure_store(total, board, observers)
    store = open_store(path, PASSPHRASE)
    statements = [0]

    def count(*_args: Any) -> None:
        statements[0] += 1

    results = []
    try:
        overleg, held_on = _last_periodic_review(store, busy)
        calls = _calls(busy, overleg)
        params = {"org": busy, "today": TODAY.isoformat(), "overleg": overleg}
        print(f"  busy organisation's periodic review of {held_on}; today {TODAY}")
        event.listen(store.engine, "before_cursor_execute", count)
        for name in names:
            app_s, floor_s, sizes, per_call = _measure(
                store, calls[name], FLOORS[name], params, rounds, statements
            )
            results.append(_result(name, app_s, floor_s, sizes, per_call))
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
        store.close()
    return results


def _measure(
    store: Any,
    call: Callable[[Session], Any],
    floor: tuple[str, ...],
    params: dict[str, str],
    rounds: int,
    statements: list[int],
) -> tuple[list[float], list[float], int, int]:
    app_s: list[float] = []
    floor_s: list[float] = []
    rows = per_call = 0
    for i in range(rounds + 2):  # two warm-up rounds
        with store.session() as s:
            conn = s.connection()
            t0 = time.perf_counter()
            rows = sum(len(conn.exec_driver_sql(q, params).fetchall()) for q in floor)
            took_floor = time.perf_counter() - t0
        with store.session() as s:
            s.connection()  # the session's begin is not part of the read
            before = statements[0]
            t0 = time.perf_counter()
            call(s)
            took = time.perf_counter() - t0
            per_call = statements[0] - before
        if i >= 2:
            app_s.append(took)
            floor_s.append(took_floor)
    return app_s, floor_s, rows, per_call


def _result(name: str, app_s: list[float], floor_s: list[float], rows: int, per_call: int) -> Result:
    limit, ratio_limit = BUDGETS[name]
    p95, f95 = percentile(app_s, 95), percentile(floor_s, 95)
    pairs = median([a / f for a, f in zip(app_s, floor_s, strict=True)])
    print(
        f"  {name}: {per_call} SQL statements per call; floor {rows:,} rows in {len(FLOORS[name])} queries;"
        f" median of the per-round ratios {pairs:.2f}×"
    )
    ratio = p95 / f95
    return Result(
        name,
        f"p95 {ms(p95)} (p50 {ms(median(app_s))})",
        f"bare SQL p95 {ms(f95)} (p50 {ms(median(floor_s))})",
        ratio,
        f"p95 ≤ {limit * 1000:.0f} ms" + (f" and ≤ {ratio_limit:g}× floor" if ratio_limit else ""),
        p95 <= limit and (ratio_limit is None or ratio <= ratio_limit),
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.deliberation", description=__doc__.split("\n")[0])
    p.add_argument("names", nargs="*", metavar="name", help=f"default all: {', '.join(NAMES)}")
    p.add_argument("--rounds", type=int, default=15)
    p.add_argument("--total", type=int, default=100_000)
    p.add_argument("--board", type=int, default=5_000)
    p.add_argument("--observers", type=int, default=50)
    a = p.parse_args(argv)
    unknown = set(a.names) - set(NAMES)
    if unknown:
        p.error(f"unknown {', '.join(sorted(unknown))}; choose from {', '.join(NAMES)}")
    results = run(tuple(a.names) or NAMES, a.total, a.board, a.observers, a.rounds)
    for r in results:
        print_result(r)
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
