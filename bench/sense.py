"""Sense-making latency: the signal board's first paint for one busy organisation.

    python -m bench.sense [--rounds 15] [--total 100000] [--board 5000] [--observers 50]

Store: ``total`` signals over 60 organisations (the bench generator's organisations,
inspections and visits, texts from its ``TextMaker``), ``board`` of them on one
organisation from ``observers`` observers, with one or two categories each, shared source
keys (complaint case numbers) on a third, and a few hundred links (incongruent,
contradicting, corroborating, duplicate). Cached in bench/.cache/ like the main store.

App (budget p95 ≤ 300 ms and ≤ 3× the floor): ``signal_board.board`` on the database
thread (as ``ops.submit`` runs it), then ``SignalBoardView.fill`` and the event loop turn
in which the shown 1366x768 window lays out and paints its visible cards (offscreen).
Floor: the bare SQL query for the same rows and columns (``SELECT ... FROM signal WHERE
organisation_id = ? ... ORDER BY observed_at``) on the same connection and thread,
interleaved with the app runs.

Resurfacing (budget p95 ≤ 50 ms per key): ``services.resurfacing.suggestions`` for a
40-character observation typed one key at a time on the busy organisation.
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from inspectorapp.ids import new_id
from storage.migrate import head_revision

from .common import CACHE, PASSPHRASE, Result, Size, median, ms, percentile, print_result
from .dataset import iso, structure
from .generate import _insert, _new_store
from .words import TextMaker

BUDGET_S = 0.300
BUDGET_RATIO = 3.0
GENERATOR_VERSION = 1
SEED = 1414

SIGNAL_SQL = (
    "INSERT INTO signal (id, organisation_id, kind, valence, entrance, channel, source_type, source_key,"
    " observed_at, recorded_at, observed_by, observation, status, hook, report_use, confidentiality,"
    " shared_with_institution, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'intern', ?, 'nee', ?, ?)"
)
CATEGORY_SQL = (
    "INSERT INTO signal_category (id, signal_id, category_code, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?)"
)
LINK_SQL = (
    "INSERT INTO signal_link (id, from_signal_id, to_signal_id, link_type, note, created_by, created_at,"
    " updated_at) VALUES (?, ?, ?, ?, NULL, 'bench', ?, ?)"
)
FLOOR_SQL = (
    "SELECT id, observation, kind, valence, status, entrance, channel, observed_by,"
    " observed_at, unit_id, hook, confidentiality, source_key, organisation_id FROM signal"
    " WHERE organisation_id = ? AND deleted_at IS NULL ORDER BY observed_at, id"
)
LINK_TYPES = ("incongruent_met", "weerspreekt", "bevestigt", "maakt_hard", "dubbel_van")
CONFIDENTIALITIES = ("TEAM", "TEAM", "TEAM", "IGJ_INTERN", "BEPERKT", "MELDER_VERTROUWELIJK")


def store_path(total: int, board: int, observers: int) -> Path:
    return (
        CACHE
        / f"sense-t{total}-b{board}-o{observers}-r{head_revision()}-g{GENERATOR_VERSION}"
        / "veldwerk.db"
    )


def ensure_store(total: int, board: int, observers: int) -> tuple[Path, str]:
    """(the cached store, the busy organisation's id), generated first if missing."""
    path = store_path(total, board, observers)
    if not path.exists():
        _build(path, total, board, observers)
    return path, (path.parent / "organisation.txt").read_text("utf-8").strip()


def _codes(conn: Any, taxonomy: str) -> list[str]:
    rows = conn.execute(
        "SELECT DISTINCT code FROM taxonomy_item WHERE taxonomy = ? ORDER BY code", (taxonomy,)
    )
    return [r[0] for r in rows.fetchall()] or ["BENCH"]


def _build(path: Path, total: int, board: int, observers: int) -> None:
    building = path.parent.with_name(path.parent.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    print(f"generating sense store ({total:,} signals, {board:,} on one organisation) in {building}")
    t = TextMaker(random.Random(SEED))
    rng = t.rng
    store, framework_id, how = _new_store(building / "veldwerk.db")
    try:
        conn = store.raw
        structure(conn, Size(paragraphs=3000, signals=0), framework_id, t)
        orgs = [r[0] for r in conn.execute("SELECT id FROM organisation ORDER BY id").fetchall()]
        busy, others = orgs[0], orgs[1:]
        statuses, entrances = _codes(conn, "signal_status"), _codes(conn, "entrance")
        channels, categories = _codes(conn, "channel"), _codes(conn, "signal_category")
        names = [f"Inspecteur {t.org_name()}"[:80] for _ in range(observers + 150)]
        keys = [f"LMZ-2026-{n:05d}" for n in range(total // 6)]
        start = datetime(2023, 1, 1, 8, tzinfo=UTC)
        signals, cats, busy_ids = [], [], []
        for i in range(total):
            org = busy if i < board else rng.choice(others)
            seen = start + timedelta(minutes=rng.randint(0, 60 * 24 * 1300))
            sid, at = new_id(), iso(seen)
            signals.append(
                (
                    sid,
                    org,
                    rng.choice(("hard", "zacht")),
                    rng.choice(("positief", "negatief", "negatief", "ambigu")),
                    rng.choice(entrances),
                    rng.choice(channels),
                    rng.choice(("eigen_waarneming", "mondeling_medewerker", "document", "melder", None)),
                    rng.choice(keys) if rng.random() < 0.33 else None,
                    at,
                    at,
                    names[rng.randrange(observers)] if org == busy else rng.choice(names),
                    t.text(10, 60),
                    rng.choice(statuses),
                    t.text(6, 20) if rng.random() < 0.15 else None,
                    rng.choice(CONFIDENTIALITIES),
                    at,
                    at,
                )
            )
            for code in rng.sample(categories, rng.choice((1, 1, 2))):
                cats.append((new_id(), sid, code, at, at))
            if org == busy:
                busy_ids.append(sid)
        links: set[tuple[str, str, str]] = set()
        while len(links) < max(1, board // 15):
            a, b = rng.sample(busy_ids, 2)
            links.add((a, b, rng.choice(LINK_TYPES)))
        now = iso(datetime.now(UTC))
        took = _insert(conn, SIGNAL_SQL, signals)
        took += _insert(conn, CATEGORY_SQL, cats)
        took += _insert(conn, LINK_SQL, [(new_id(), a, b, kind, now, now) for a, b, kind in links])
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    (building / "organisation.txt").write_text(busy, "utf-8")
    building.rename(path.parent)
    print(
        f"  made with {how}: {len(signals):,} signals, {len(cats):,} categories,"
        f" {len(links)} links in {took:.1f} s"
    )


def run(total: int = 100_000, board: int = 5_000, observers: int = 50, rounds: int = 15) -> Result:
    from PySide6.QtWidgets import QApplication

    from inspectorapp.domain.snapshots import ActionContext
    from inspectorapp.domain.subject_ref import SubjectRef
    from inspectorapp.executor import DbExecutor
    from inspectorapp.paths import app_paths
    from inspectorapp.services import signal_board
    from inspectorapp.store_access import open_store
    from inspectorapp.workspace import Workspace
    from ui.signal_board import SignalBoardView

    app = QApplication.instance() or QApplication([])
    path, busy = ensure_store(total, board, observers)
    paths = app_paths(CACHE / "work" / "sense-home").ensure()
    ws = Workspace(DbExecutor(open_store(path, PASSPHRASE)), ActionContext("bench", "bench"), paths)
    subject = SubjectRef.organisation(busy)
    app_s: list[float] = []
    floor_s: list[float] = []
    parts: dict[str, list[float]] = {"service": [], "fill": [], "layout and paint": []}
    # As in the app (ui.gc_guard): no automatic collection; it runs between rounds instead,
    # where the app's idle timer would run it.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        rows = ws.call(lambda s: len(s.connection().exec_driver_sql(FLOOR_SQL, (busy,)).fetchall()))
        print(f"  board of {rows:,} signals in a store of {total:,}")
        for i in range(rounds + 2):  # two warm-up rounds
            t0 = time.perf_counter()
            ws.call(lambda s: s.connection().exec_driver_sql(FLOOR_SQL, (busy,)).fetchall())
            floor = time.perf_counter() - t0
            widget = SignalBoardView(ws)
            widget.resize(1366, 768)
            widget.show()
            app.processEvents()
            t0 = time.perf_counter()
            filters, categories = widget.request()  # what the board asks for its first paint
            view = ws.call(lambda s, f=filters, c=categories: signal_board.board(s, subject, f, c))
            t1 = time.perf_counter()
            widget.fill(view)
            t2 = time.perf_counter()
            app.processEvents()  # the shown window lays out and paints its visible cards
            t3 = time.perf_counter()
            widget.close()
            widget.deleteLater()
            app.processEvents()
            gc.collect()
            if i >= 2:
                floor_s.append(floor)
                app_s.append(t3 - t0)
                for key, took in zip(parts, (t1 - t0, t2 - t1, t3 - t2), strict=True):
                    parts[key].append(took)
        assert len(view.cards) == board
    finally:
        ws.close()
        if was_enabled:
            gc.enable()
    p95, f95 = percentile(app_s, 95), percentile(floor_s, 95)
    print("  parts (median): " + ", ".join(f"{k} {ms(median(v))}" for k, v in parts.items()))
    pairs = median([a / f for a, f in zip(app_s, floor_s, strict=True)])
    print(f"  median of the per-round ratios (app / floor, back to back): {pairs:.2f}×")
    ratio = p95 / f95
    return Result(
        "sense_board",
        f"p95 {ms(p95)} (p50 {ms(median(app_s))})",
        f"bare SQL p95 {ms(f95)} (p50 {ms(median(floor_s))})",
        ratio,
        f"p95 ≤ {BUDGET_S * 1000:.0f} ms and ≤ {BUDGET_RATIO:g}× floor",
        p95 <= BUDGET_S and ratio <= BUDGET_RATIO,
    )


TYPED = "Bewoners klagen over nachtdienst en bel 3"  # 40 characters, typed one key at a time
RESURFACING_BUDGET_S = 0.050


def run_resurfacing(total: int = 100_000, board: int = 5_000, observers: int = 50, rounds: int = 5) -> Result:
    """Suggestions while typing (services.resurfacing) against the same store: one call per
    key of a 40-character observation on the busy organisation, on the database thread.
    Floor: the bare indexed read of that organisation's signal ids and texts."""
    from datetime import date

    from inspectorapp.domain.resurfacing import SuggestionQuery
    from inspectorapp.services import resurfacing
    from inspectorapp.store_access import open_store

    path, busy = ensure_store(total, board, observers)
    store = open_store(path, PASSPHRASE)
    typed: list[float] = []
    floor_s: list[float] = []
    try:
        with store.session() as s:
            category = (
                s.connection()
                .exec_driver_sql("SELECT category_code FROM signal_category LIMIT 1")
                .scalar_one()
            )
            for i in range(rounds + 1):  # one warm-up round
                for n in range(1, len(TYPED) + 1):
                    query = SuggestionQuery(
                        busy, categories=(category,), text=TYPED[:n], today=date(2026, 7, 1)
                    )
                    t0 = time.perf_counter()
                    resurfacing.suggestions(s, query)
                    took = time.perf_counter() - t0
                    t0 = time.perf_counter()
                    s.connection().exec_driver_sql(
                        "SELECT id, observation FROM signal WHERE organisation_id = ? AND deleted_at IS NULL"
                        " ORDER BY observed_at DESC LIMIT 200",
                        (busy,),
                    ).fetchall()
                    if i:
                        typed.append(took)
                        floor_s.append(time.perf_counter() - t0)
    finally:
        store.close()
    p95, f95 = percentile(typed, 95), percentile(floor_s, 95)
    return Result(
        "resurfacing",
        f"p95 {ms(p95)} (p50 {ms(median(typed))}) per key",
        f"newest 200 of the organisation p95 {ms(f95)}",
        p95 / f95,
        f"p95 ≤ {RESURFACING_BUDGET_S * 1000:.0f} ms",
        p95 <= RESURFACING_BUDGET_S,
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.sense", description=__doc__.split("\n")[0])
    p.add_argument("--rounds", type=int, default=15)
    p.add_argument("--total", type=int, default=100_000)
    p.add_argument("--board", type=int, default=5_000)
    p.add_argument("--observers", type=int, default=50)
    a = p.parse_args(argv)
    board = run(a.total, a.board, a.observers, a.rounds)
    print_result(board)
    typing = run_resurfacing(a.total, a.board, a.observers)
    print_result(typing)
    return 0 if board.passed and typing.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
