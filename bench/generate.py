"""Generate a realistic encrypted store for the benchmarks, cached under bench/.cache/.

    python -m bench.generate [--paragraphs 1000000] [--signals 100000] [--force]

~60 organisations, ~120 inspections (each with a subject organisation), 4 visits per
inspection, conversations of 20-140 paragraphs, note paragraphs of 10-120 words and
signals, all over one year. Rows go in through the raw SQLCipher connection with
executemany, one transaction per ~20k rows; the schema's triggers fire, so the outbox,
search_ref and the FTS5 index fill exactly as in real use.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from inspectorapp.ids import new_id
from inspectorapp.services.frameworks import BUNDLED
from resources import path as resource_path
from storage.engine import Store, connect_raw, wrap
from storage.migrate import head_revision, upgrade

from .common import CACHE, PASSPHRASE, Size, add_size_args, size_from
from .dataset import NOTE_SQL, SIGNAL_SQL, iso, rows_for, structure
from .words import TextMaker

GENERATOR_VERSION = 1  # bump when the generated data changes shape
CHUNK_ROWS = 20_000
SEED = 20261123


def store_dir(size: Size) -> Path:
    return CACHE / f"store-{size.key}-r{head_revision()}-g{GENERATOR_VERSION}"


def store_path(size: Size) -> Path:
    return store_dir(size) / "veldwerk.db"


def open_bench_store(path: Path) -> Store:
    """What unlocking does underneath (key, pragmas, one connection), without the
    quick_check and migration check of open_store, which are not what we measure."""
    return wrap(path, connect_raw(path, PASSPHRASE))


def ensure_store(size: Size, force: bool = False) -> Path:
    """The cached store of this size, generated first if missing (or ``force``)."""
    target = store_dir(size)
    if force:
        shutil.rmtree(target, ignore_errors=True)
    if not (target / "veldwerk.db").exists():
        build_store(size, target)
    return target / "veldwerk.db"


def _new_store(path: Path) -> tuple[Store, str, str]:
    """A migrated store with a framework version to hang inspections on."""
    if resource_path("frameworks", BUNDLED[0]).exists():
        from inspectorapp.store_access import create_store

        try:
            store = create_store(path, PASSPHRASE)
            row = store.raw.execute("SELECT id FROM framework_version ORDER BY key LIMIT 1").fetchone()
            return store, str(row[0]), "create_store (bundled frameworks)"
        except Exception as exc:  # the framework file may be mid-edit; fall back to raw
            print(f"  create_store failed ({exc!r}); falling back to a raw migrated store")
            shutil.rmtree(path.parent, ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = wrap(path, connect_raw(path, PASSPHRASE))
    upgrade(store)
    framework_id = new_id()
    conn = store.raw
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO store_meta (key, value) VALUES (?, ?)",
        [("device_id", new_id()), ("created_at", iso(datetime.now(UTC)))],
    )
    conn.execute(
        "INSERT INTO framework_version VALUES (?, 'bench', '1', 'Benchkader', 'Bench framework',"
        " '2026-01-01', ?, ?)",
        (framework_id, "0" * 64, iso(datetime.now(UTC))),
    )
    conn.execute("COMMIT")
    return store, framework_id, "connect_raw + wrap + upgrade (no bundled framework file yet)"


def _insert(conn: sqlcipher.Connection, sql: str, rows: Sequence[tuple[Any, ...]]) -> float:
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(sql, rows)
    conn.execute("COMMIT")
    return time.perf_counter() - started


def build_store(size: Size, target: Path) -> None:
    building = target.with_name(target.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    print(f"generating store {size.key} in {building}")
    rng = random.Random(SEED)
    t = TextMaker(rng)
    store, framework_id, how = _new_store(building / "veldwerk.db")
    stats: dict[str, Any] = {"size": size.key, "made_with": how}
    try:
        conn = store.raw
        convs = structure(conn, size, framework_id, t)
        per_paragraph = size.signals / max(1, size.paragraphs)
        carry, done, gen_s, note_s, sig_s, n_notes, n_sigs = 0.0, 0, 0.0, 0.0, 0.0, 0, 0
        pending_notes: list[tuple[Any, ...]] = []
        pending_sigs: list[tuple[Any, ...]] = []
        for i, c in enumerate(convs):
            carry += c.paragraphs * per_paragraph
            g0 = time.perf_counter()
            notes, sigs = rows_for(c, carry, t)
            gen_s += time.perf_counter() - g0
            carry -= len(sigs)
            pending_notes += notes
            pending_sigs += sigs
            if len(pending_notes) + len(pending_sigs) >= CHUNK_ROWS or i == len(convs) - 1:
                note_s += _insert(conn, NOTE_SQL, pending_notes)
                sig_s += _insert(conn, SIGNAL_SQL, pending_sigs)
                n_notes += len(pending_notes)
                n_sigs += len(pending_sigs)
                pending_notes, pending_sigs = [], []
                if n_notes - done >= 100_000 or i == len(convs) - 1:
                    done = n_notes
                    print(f"  {n_notes:>9,} paragraphs, {n_sigs:>7,} signals")
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "organisation",
                "inspection",
                "visit",
                "conversation",
                "note_paragraph",
                "signal",
                "outbox",
                "search_ref",
            )
        }
        stats.update(
            counts=counts,
            text_generation_s=round(gen_s, 2),
            paragraphs_per_s=round(n_notes / note_s),
            signals_per_s=round(n_sigs / max(sig_s, 1e-9)),
        )
    finally:
        store.close()
    stats["file_mb"] = round((building / "veldwerk.db").stat().st_size / 1e6, 1)
    stats["built_on"] = date.today().isoformat()
    (building / "meta.json").write_text(json.dumps(stats, indent=2), "utf-8")
    building.rename(target)
    print(f"  made with: {how}")
    print(f"  rows: {stats['counts']}")
    print(
        f"  insert rate (note + outbox + search_ref + FTS by trigger): {stats['paragraphs_per_s']:,} "
        f"paragraphs/s, {stats['signals_per_s']:,} signals/s; text generation {gen_s:.1f} s; "
        f"file {stats['file_mb']} MB"
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    add_size_args(p)
    p.add_argument("--force", action="store_true", help="regenerate even if cached")
    args = p.parse_args(argv)
    path = ensure_store(size_from(args), force=args.force)
    print(f"store: {path}")
    print((path.parent / "meta.json").read_text("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
