"""The deliberation store of ``bench.deliberation``: the sense store (100,000 signals, 5,000
on one busy organisation) plus three years of a team's overleggen, decisions, concerns,
trajectories and account holders, inserted through the raw connection as the other
generators do (the schema's triggers fire, so the outbox fills as in real use).

Volumes (defaults): 24 overleggen a year (12 periodic reviews, 12 others) with agendas of 6-12
organisations, the busy one on every third periodic review and a third of the others; 300
decisions on the busy organisation (1-3 signals or a concern each, a status change by two in
five) and one or two per other agenda item; 15 concerns on the busy organisation (10 open)
with 2-4 hypotheses, 10-40 signals and a rated evidence matrix, two on every other; 30
trajectories (3 on the busy organisation, 2 active) with 2-4 monthly, fortnightly or
quarterly reporting duties and the reports received for nine in ten due dates; 1-3 account
holders per organisation (6 on the busy one); inspection teams (a third with the laptop's
user, a third with colleagues' accounts only, a third unlinked), contacts and reflections.
"""

from __future__ import annotations

import random
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from inspectorapp.domain.enums import ReportFrequency
from inspectorapp.domain.trajectory_schedule import due_dates
from inspectorapp.ids import new_id
from storage.migrate import head_revision

from . import sense
from .common import CACHE
from .dataset import iso
from .generate import _insert, open_bench_store
from .words import TextMaker

GENERATOR_VERSION = 1
SEED = 1515
TODAY = date(2026, 7, 1)  # the sense store's signals run to July 2026
YEARS = 3
READER = "bench"  # the laptop's user (the benchmark's ActionContext actor)

OPEN_CONCERN = ("VERMOEDEN", "IN_ONDERZOEK", "ONDERBOUWD", "BLIJFT_ZACHT")
CLOSED_CONCERN = ("AFGESLOTEN", "NIET_ONDERBOUWD")
FREQUENCIES = (ReportFrequency.MONTHLY,) * 3 + (ReportFrequency.FORTNIGHTLY, ReportFrequency.QUARTERLY)
OTHER_KINDS = ("mdo", "teamoverleg", "lmo", "intercollegiaal")


def _sql(table: str, columns: str) -> str:
    names = [c.strip() for c in columns.split(",")] + ["id", "created_at", "updated_at"]
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"


SQL = {
    "inspection_member": _sql("inspection_member", "inspection_id, display_name, team_role, user_ref"),
    "person": _sql("person", "role_code, organisation_id, name, function_title, confidentiality"),
    "reflection": _sql("reflection", "inspection_id, moment, author, text, written_at"),
    "account_holder": _sql("account_holder", "organisation_id, holder, since, reason, recorded_by"),
    "concern": _sql(
        "concern",
        "organisation_id, title, hypothesis, status, owner, opened_on, closed_on,"
        " closing_rationale, next_review_on",
    ),
    "concern_hypothesis": _sql("concern_hypothesis", "concern_id, position, statement"),
    "concern_signal": _sql("concern_signal", "concern_id, signal_id, role"),
    "concern_rating": _sql("concern_rating", "hypothesis_id, signal_id, rating"),
    "deliberation": _sql("deliberation", "kind, held_on, title, participants, chair, notes"),
    "deliberation_item": _sql("deliberation_item", "deliberation_id, organisation_id, position"),
    "decision": _sql(
        "decision",
        "deliberation_id, organisation_id, action_type, return_on, rationale, decided_by, decided_on",
    ),
    "decision_subject": _sql("decision_subject", "decision_id, signal_id, concern_id"),
    "signal_status_change": _sql(
        "signal_status_change",
        "signal_id, from_status, to_status, rationale, changed_by, changed_at, decision_id",
    ),
    "trajectory": _sql(
        "trajectory",
        "organisation_id, kind, started_on, ended_on, rationale, end_rationale, conditions,"
        " board_informed, board_informed_on, owner",
    ),
    "reporting_duty": _sql("reporting_duty", "trajectory_id, subject, frequency, first_due_on"),
    "trajectory_report": _sql("trajectory_report", "duty_id, due_on, received_on, summary"),
}


def store_path(total: int, board: int, observers: int) -> Path:
    return (
        CACHE
        / f"deliberation-t{total}-b{board}-o{observers}-r{head_revision()}-g{GENERATOR_VERSION}"
        / "veldwerk.db"
    )


def ensure_store(total: int, board: int, observers: int) -> tuple[Path, str]:
    """(the cached store, the busy organisation's id): a copy of the sense store with the
    deliberation data added, made first if missing."""
    path = store_path(total, board, observers)
    if not path.exists():
        source, busy = sense.ensure_store(total, board, observers)
        building = path.parent.with_name(path.parent.name + ".building")
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir(parents=True)
        shutil.copyfile(source, building / "veldwerk.db")  # closed and checkpointed: no WAL
        store = open_bench_store(building / "veldwerk.db")
        try:
            counts, took = _seed(store.raw, busy)
            store.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            store.close()
        (building / "organisation.txt").write_text(busy, "utf-8")
        building.rename(path.parent)
        print(
            "  deliberation data: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()) + f" in {took:.1f} s"
        )
    return path, (path.parent / "organisation.txt").read_text("utf-8").strip()


class _Rows:
    """Rows per table, inserted in foreign-key order."""

    def __init__(self, now: str) -> None:
        self.now = now
        self.rows: dict[str, list[tuple[Any, ...]]] = {k: [] for k in SQL}

    def add(self, table: str, *values: Any) -> str:
        rid = new_id()
        self.rows[table].append((*values, rid, self.now, self.now))
        return rid


def _seed(conn: sqlcipher.Connection, busy: str) -> tuple[dict[str, int], float]:
    t = TextMaker(random.Random(SEED))
    rng = t.rng
    out = _Rows(iso(datetime.now(UTC)))
    orgs = [r[0] for r in conn.execute("SELECT id FROM organisation ORDER BY id").fetchall()]
    by_org: dict[str, list[str]] = {}
    for sid, oid in conn.execute("SELECT id, organisation_id FROM signal ORDER BY observed_at, id"):
        by_org.setdefault(oid, []).append(sid)
    codes = {
        tax: [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT code FROM taxonomy_item WHERE taxonomy = ? ORDER BY code", (tax,)
            )
        ]
        for tax in ("action_type", "person_role", "signal_status")
    }
    inspections = conn.execute(
        "SELECT i.id, s.organisation_id FROM inspection i JOIN inspection_subject s ON s.inspection_id = i.id"
    ).fetchall()
    people = [f"Inspecteur {t.org_name()}"[:80] for _ in range(12)]
    start = TODAY - timedelta(days=365 * YEARS)

    for n, (iid, oid) in enumerate(inspections):
        for k in range(rng.randint(2, 4)):
            user = (
                (READER if k == 0 else rng.choice(people))
                if n % 3 == 0
                else (rng.choice(people) if n % 3 == 1 else None)
            )
            out.add("inspection_member", iid, rng.choice(people), "inspecteur", user)
        if oid == busy:
            for moment in ("vooraf", "halverwege", "achteraf"):
                at = iso(
                    datetime.combine(start, datetime.min.time(), UTC) + timedelta(days=rng.randint(0, 1000))
                )
                out.add("reflection", iid, moment, rng.choice(people), t.text(30, 120), at)
    for oid in orgs:
        for _ in range(30 if oid == busy else 5):
            conf = rng.choice(("TEAM", "TEAM", "TEAM", "IGJ_INTERN", "BEPERKT", "MELDER_VERTROUWELIJK"))
            out.add(
                "person", rng.choice(codes["person_role"]), oid, t.org_name()[:60], t.text(1, 3)[:60], conf
            )
        for k in range(6 if oid == busy else rng.randint(1, 3)):
            since = start + timedelta(days=k * 170 + rng.randint(0, 60))
            out.add("account_holder", oid, rng.choice(people), since.isoformat(), t.text(4, 15), READER)

    concerns: dict[str, list[str]] = {}
    for oid in orgs:
        signals = by_org.get(oid, [])
        for k in range(15 if oid == busy else 2):
            closed = k >= 10 if oid == busy else k == 1
            opened = start + timedelta(days=rng.randint(0, 900))
            cid = out.add(
                "concern",
                oid,
                t.text(3, 9)[:150],
                t.text(10, 30),
                rng.choice(CLOSED_CONCERN if closed else OPEN_CONCERN),
                rng.choice(people),
                opened.isoformat(),
                (opened + timedelta(days=120)).isoformat() if closed else None,
                t.text(10, 30) if closed else None,
                (TODAY + timedelta(days=rng.randint(-60, 90))).isoformat() if not closed else None,
            )
            concerns.setdefault(oid, []).append(cid)
            hyps = [out.add("concern_hypothesis", cid, p, t.text(8, 25)) for p in range(rng.randint(2, 4))]
            attached = rng.sample(signals, min(len(signals), rng.randint(10, 40) if oid == busy else 5))
            for sid in attached:
                out.add(
                    "concern_signal",
                    cid,
                    sid,
                    rng.choice(("steunend", "steunend", "tegensprekend", "context")),
                )
                for h in hyps:
                    if rng.random() < 0.7:
                        out.add(
                            "concern_rating",
                            h,
                            sid,
                            rng.choice(("consistent", "inconsistent", "neutraal", "nvt")),
                        )

    overleggen: list[tuple[str, date, list[str]]] = []
    periodic = 0
    for month in range(12 * YEARS):
        for kind in ("apk", rng.choice(OTHER_KINDS)):
            held = start + timedelta(days=month * 365 / 12 + (3 if kind == "apk" else 17))
            agenda = rng.sample([o for o in orgs if o != busy], rng.randint(6, 12))
            if kind == "apk":
                periodic += 1
                if periodic % 3 == 0:
                    agenda.insert(0, busy)
            elif rng.random() < 0.33:
                agenda.insert(0, busy)
            did = out.add(
                "deliberation",
                kind,
                held.isoformat(),
                f"{kind.upper()} {held:%B %Y}",
                "\n".join(people[:5]),
                people[0],
                t.text(20, 60),
            )
            for pos, oid in enumerate(agenda):
                out.add("deliberation_item", did, oid, pos)
            overleggen.append((did, held, agenda))

    busy_meetings = [(d, held) for d, held, agenda in overleggen if busy in agenda]
    plan: list[tuple[str, str | None, date]] = [(busy, *rng.choice(busy_meetings)) for _ in range(250)]
    plan += [(busy, None, start + timedelta(days=rng.randint(0, 365 * YEARS))) for _ in range(50)]
    plan += [
        (o, d, held)
        for d, held, agenda in overleggen
        for o in agenda
        if o != busy
        for _ in range(rng.randint(1, 2))
    ]
    statuses = codes["signal_status"]
    for oid, meeting, on in plan:
        action = rng.choice(codes["action_type"]) if rng.random() < 0.85 else None
        dec = out.add(
            "decision",
            meeting,
            oid,
            action,
            (on + timedelta(days=90)).isoformat() if action is None else None,
            t.text(20, 80),
            rng.choice(people),
            on.isoformat(),
        )
        signals = by_org.get(oid, [])
        about = rng.sample(signals, min(len(signals), rng.randint(1, 3)))
        for sid in about:
            out.add("decision_subject", dec, sid, None)
        if concerns.get(oid) and rng.random() < 0.3:
            out.add("decision_subject", dec, None, rng.choice(concerns[oid]))
        if about and rng.random() < 0.4:
            changed = iso(datetime.combine(on, datetime.min.time(), UTC) + timedelta(hours=14))
            old, new = rng.sample(statuses, 2)
            out.add(
                "signal_status_change", about[0], old, new, t.text(5, 20), rng.choice(people), changed, dec
            )

    others = rng.sample([o for o in orgs if o != busy], 27)
    for n, oid in enumerate([busy] * 3 + others):
        began = TODAY - timedelta(days=rng.randint(60, 700)) if n != 2 else start + timedelta(days=30)
        ended = (
            None
            if (n < 2 or (n > 2 and rng.random() < 0.5))
            else began + timedelta(days=rng.randint(120, 360))
        )
        if ended is not None and ended >= TODAY:
            ended = None
        informed = rng.random() < 0.7
        tid = out.add(
            "trajectory",
            oid,
            rng.choice(("geintensiveerd", "verscherpt")),
            began.isoformat(),
            ended.isoformat() if ended else None,
            t.text(20, 60),
            t.text(10, 30) if ended else None,
            "\n".join(t.text(4, 10) for _ in range(rng.randint(2, 5))),
            1 if informed else 0,
            (began + timedelta(days=14)).isoformat() if informed else None,
            rng.choice(people),
        )
        for _ in range(rng.randint(2, 4)):
            freq = rng.choice(FREQUENCIES)
            first = began + timedelta(days=rng.randint(14, 45))
            if ended is not None and first > ended:
                first = ended
            duty = out.add("reporting_duty", tid, t.text(4, 12), str(freq), first.isoformat())
            for due in due_dates(first, freq, min(ended or TODAY, TODAY)):
                if rng.random() < 0.9:
                    got = min(due + timedelta(days=rng.randint(-3, 10)), TODAY)
                    out.add(
                        "trajectory_report",
                        duty,
                        due.isoformat(),
                        max(got, began).isoformat(),
                        t.text(10, 40),
                    )

    took = 0.0
    for table, rows in out.rows.items():
        if rows:
            took += _insert(conn, SQL[table], rows)
    # Signals to look at again ("te herbeoordelen"): one in thirty has a review-by date.
    review = [
        ((TODAY - timedelta(days=rng.randint(-90, 200))).isoformat(), sid)
        for sids in by_org.values()
        for sid in sids
        if rng.random() < 1 / 30
    ]
    took += _insert(conn, "UPDATE signal SET review_by = ? WHERE id = ?", review)
    counts = {k: len(v) for k, v in out.rows.items()} | {"review-by dates": len(review)}
    return counts, took
