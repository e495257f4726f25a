"""Full-text search latency: ``search.search()`` vs a raw FTS5 MATCH (DESIGN.md: p95 ≤ 50 ms).

    python -m bench.fts [--rounds 5] [--paragraphs N] [--signals N]

App: ``services.search.search(session, query, limit=50)`` inside ``store.transaction()``
(as the database thread runs it): the newest 400 matches with bm25, the best 50, their
details joined from notes/signals/conversations/visits.

Floor: ``SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 50`` on the same
store and connection, with the same MATCH expression the app builds (``fts_query``:
every word quoted, the last one a prefix). ~40 realistic queries, common and rare, one
and two words, typed partially, with and without diacritics; every query runs
``rounds`` times, app and floor interleaved. For the slowest queries the floor without
the prefix ``*`` is printed too, to show what prefix expansion costs. The budget is absolute; the ratio to the
floor is printed too.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import partial

import sqlcipher3.dbapi2 as sqlcipher

from inspectorapp.services import search
from storage.engine import Store

from .common import Result, Size, add_size_args, median, ms, percentile, print_result, size_from
from .generate import ensure_store, open_bench_store

BUDGET_S = 0.050
FLOOR_SQL = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 50"
COUNT_SQL = "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?"

QUERIES = (
    # common single words
    "zorg",
    "cliënt",
    "medewerkers",
    "dossier",
    "veiligheid",
    "medicatie",
    "bestuur",
    "afspraken",
    "overleg",
    "team",
    # rarer single words
    "decubitus",
    "separeer",
    "calamiteit",
    "meldcode",
    "wkkgz",
    "sondevoeding",
    "legionella",
    "suïcide",
    # Dutch compounds from the long tail
    "valanalyse",
    "nachtrooster",
    "medicatieproces",
    "zorgcoördinator",
    # two words
    "medicatie fout",
    "dubbele controle",
    "zorgplan evaluatie",
    "bestuur cultuur",
    "nachtdienst bezetting",
    "vrijheidsbeperking toestemming",
    "familie klacht",
    "infectie isolatie",
    "wond decubitus",
    "cliëntenraad jaarverslag",
    # as typed: partial last word, no diacritics, capitals
    "medic",
    "verpleeg",
    "clienten",
    "Geinformeerd",
    "scholing bekw",
    "aanspreek",
    # nothing to find
    "xylofoon",
    "rapport kwartaalcijfers",
)


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _floor_search(conn: sqlcipher.Connection, expr: str) -> int:
    return len(conn.execute(FLOOR_SQL, (expr,)).fetchall())


def _app_search(store: Store, query: str) -> int:
    with store.transaction() as session:
        return len(search.search(session, query, limit=50))


def run(size: Size, rounds: int = 5) -> Result:
    store = open_bench_store(ensure_store(size))
    app_s: dict[str, list[float]] = {q: [] for q in QUERIES}
    floor_s: dict[str, list[float]] = {q: [] for q in QUERIES}
    exact_s: dict[str, list[float]] = {q: [] for q in QUERIES}
    matches: dict[str, int] = {}
    try:
        conn = store.raw
        exprs = {q: search.fts_query(q) or '""' for q in QUERIES}
        exact = {q: e.removesuffix("*") for q, e in exprs.items()}  # diagnosis: no prefix expansion
        for q in QUERIES:  # warm-up: page cache and SQLAlchemy's statement cache
            _app_search(store, q)
            matches[q] = conn.execute(COUNT_SQL, (exprs[q],)).fetchone()[0]
        for _ in range(rounds):
            for q in QUERIES:
                floor_s[q].append(_timed(partial(_floor_search, conn, exprs[q])))
                exact_s[q].append(_timed(partial(_floor_search, conn, exact[q])))
                app_s[q].append(_timed(partial(_app_search, store, q)))
    finally:
        store.close()
    all_app = [s for q in QUERIES for s in app_s[q]]
    all_floor = [s for q in QUERIES for s in floor_s[q]]
    app95, floor95 = percentile(all_app, 95), percentile(all_floor, 95)
    print(f"  store {size.key}, {len(QUERIES)} queries × {rounds} rounds = {len(all_app)} searches each")
    print(
        f"  app   search.search  p50 {ms(percentile(all_app, 50))}  p95 {ms(app95)}  max {ms(max(all_app))}"
    )
    print(
        f"  floor MATCH LIMIT 50 p50 {ms(percentile(all_floor, 50))}  p95 {ms(floor95)}  "
        f"max {ms(max(all_floor))}"
    )
    print("  slowest queries: median app / floor / floor without the prefix '*' on the last word")
    slowest = sorted(QUERIES, key=lambda q: median(app_s[q]), reverse=True)[:8]
    for q in slowest:
        print(
            f"    {q!r:<26} {ms(median(app_s[q])):>10} / {ms(median(floor_s[q])):>9} /"
            f" {ms(median(exact_s[q])):>8}  {exprs[q]:<26} {matches[q]:>8,} matches"
        )
    return Result(
        name="fts",
        measured=f"p95 {ms(app95)} (p50 {ms(percentile(all_app, 50))})",
        baseline=f"raw MATCH LIMIT 50 p95 {ms(floor95)}",
        ratio=app95 / floor95,
        budget=f"p95 ≤ {BUDGET_S * 1000:g} ms absolute",
        passed=app95 <= BUDGET_S,
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.fts", description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5)
    add_size_args(p)
    args = p.parse_args(argv)
    print_result(run(size_from(args), args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
