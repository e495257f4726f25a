"""The office store's own migrations keep data: the per-field history of an older server is
folded into one row per mutation, and a SQLite store is backed up before an upgrade."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from sync.server import accounts, conflicts, dead_letters, pages
from sync.server import schema as t
from sync.server.db import alembic_config, make_engine, migrate

from .postgres import postgres_server, postgres_url

__all__ = ["postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace

OLD_ROWS = [  # (seq, tbl, record_id, field, value, hlc, device_id, client_seq)
    (1, "note_paragraph", "p1", "text", '"Eerste versie"', "h1", "dev-a", 1),
    (1, "note_paragraph", "p1", "kind", '"waarneming"', "h1", "dev-a", 1),
    (1, "note_paragraph", "p1", "for_report", "false", "h1", "dev-a", 1),
    (1, "organisation", "o1", "name", '"Zorggroep De Linde"', "h2", "dev-a", 2),
    (2, "note_paragraph", "p1", "text", '"Tweede versie"', "h3", "dev-b", 7),
    (3, "note_paragraph", "p1", "text", '"Derde versie"', "h4", "dev-a", 3),
    (3, "note_paragraph", "p1", "theme_codes", '["veiligheid"]', "h4", "dev-a", 3),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'office.db'}"
    return str(request.getfixturevalue("postgres_url"))


def test_field_history_is_folded_per_mutation(url: str) -> None:
    command.upgrade(alembic_config(url), "0003")
    engine = make_engine(url)
    cast = "CAST(:value AS JSONB)" if engine.dialect.name == "postgresql" else ":value"
    with engine.begin() as conn:
        for seq, tbl, rid, field, value, hlc, dev, cseq in OLD_ROWS:
            conn.execute(
                text(
                    "INSERT INTO field_history (seq, tbl, record_id, field, value, hlc, device_id, client_seq)"
                    f" VALUES (:seq, :tbl, :rid, :field, {cast}, :hlc, :dev, :cseq)"
                ),
                {"seq": seq, "tbl": tbl, "rid": rid, "field": field, "value": value}
                | {"hlc": hlc, "dev": dev, "cseq": cseq},
            )
    engine.dispose()

    backup = migrate(url)

    engine = make_engine(url)
    try:
        assert "field_history" not in inspect(engine).get_table_names()
        with engine.connect() as conn:
            h = t.change_history.c
            rows = conn.execute(select(t.change_history).order_by(h.seq, h.tbl, h.client_seq)).all()
    finally:
        engine.dispose()
    got = [(r.seq, r.tbl, r.record_id, r.fields, r.hlc, r.device_id, r.client_seq) for r in rows]
    first = {"text": "Eerste versie", "kind": "waarneming", "for_report": False}
    assert got == [
        (1, "note_paragraph", "p1", first, "h1", "dev-a", 1),
        (1, "organisation", "o1", {"name": "Zorggroep De Linde"}, "h2", "dev-a", 2),
        (2, "note_paragraph", "p1", {"text": "Tweede versie"}, "h3", "dev-b", 7),
        (
            3,
            "note_paragraph",
            "p1",
            {"text": "Derde versie", "theme_codes": ["veiligheid"]},
            "h4",
            "dev-a",
            3,
        ),
    ]
    if url.startswith("sqlite"):
        assert backup is not None and backup.name == "office-pre-0003.db"
        with sqlite3.connect(backup) as old:  # the copy is the store as it was
            assert old.execute("SELECT count(*) FROM field_history").fetchone() == (len(OLD_ROWS),)
    else:
        assert backup is None  # PostgreSQL: pg_dump, by the operator (README)
    assert migrate(url) is None  # up to date: nothing to back up, nothing changed


def test_blob_links_of_an_older_store(url: str) -> None:
    """Migration 0006 on a store with odd attachment values: a dict or list for a hash is
    skipped (was a TypeError), and a shared record naming a hash that a record inside an
    inspection names too (the planted exploit of issue #12) is not linked."""
    command.upgrade(alembic_config(url), "0005")
    team_doc, shared_doc = "a" * 64, "b" * 64
    rows = [  # (id, scope, fields)
        ("in-inspection", "insp-1", {"sha256": team_doc}),
        ("planted", None, {"sha256": team_doc}),
        ("shared", None, {"sha256": shared_doc}),
        ("a-dict", None, {"sha256": {"x": 1}}),
        ("a-list", "insp-1", {"sha256": [team_doc]}),
        ("no-fields", None, ["not", "a", "record"]),
    ]
    engine = make_engine(url)
    with engine.begin() as conn:
        for record_id, scope, fields in rows:
            conn.execute(
                t.record.insert().values(
                    tbl="attachment", id=record_id, scope=scope, rev=1, ord=0, deleted=False,
                    fields=fields, field_meta={},
                )
            )
        for sha in (team_doc, shared_doc):
            conn.execute(text("INSERT INTO blob (sha256, size, stored_at) VALUES (:s, 1, 'x')"), {"s": sha})
    engine.dispose()
    migrate(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            links = set(conn.execute(select(t.blob_link.c.record_id, t.blob_link.c.sha256)).all())
    finally:
        engine.dispose()
    assert links == {("in-inspection", team_doc), ("shared", shared_doc)}


CONFLICT, LETTER = "0190a1b2-0000-7000-8000-0000000000c1", "0190a1b2-0000-7000-8000-0000000000d1"


def test_conflicts_and_dead_letters_of_an_older_store_stay_open_and_can_be_closed(url: str) -> None:
    """Migration 0009 adds who closed a conflict or dead letter, when and why: rows of an older
    store stay open with none of it, and can then be closed (and the columns go on downgrade)."""
    command.upgrade(alembic_config(url), "0008")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sync_conflict (id, seq, tbl, record_id, field, kind, winner_hlc, winner_device,"
                " loser_hlc, loser_device, review, status, created_at) VALUES (:id, 1, 'organisation',"
                " 'o1', 'name', 'concurrent_update', 'h2', 'dev-b', 'h1', 'dev-a', false, 'open', 'x')"
            ),
            {"id": CONFLICT},
        )
        mutation = "CAST('{}' AS JSONB)" if engine.dialect.name == "postgresql" else "'{}'"
        conn.execute(
            text(
                "INSERT INTO sync_rejection (id, device_id, epoch, client_seq, mutation, reason, status,"
                f" created_at) VALUES (:id, 'dev-a', 1, 3, {mutation}, 'forbidden', 'open', 'x')"
            ),
            {"id": LETTER},
        )
    engine.dispose()
    migrate(url)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            for table in (t.sync_conflict, t.sync_rejection):
                row = conn.execute(select(table.c.status, table.c.closed_at, table.c.closed_by)).one()
                assert tuple(row) == ("open", None, None)
            assert conflicts.close(conn, CONFLICT, "beheer", "seen")["close_note"] == "seen"
            assert dead_letters.close(conn, LETTER, "beheer")["status"] == "closed"
            for table in (t.sync_conflict, t.sync_rejection):
                assert conn.execute(select(table.c.status, table.c.closed_by)).one() == ("closed", "beheer")
    finally:
        engine.dispose()
    command.downgrade(alembic_config(url), "0008")
    engine = make_engine(url)
    try:
        names = {c["name"] for c in inspect(engine).get_columns("sync_conflict")}
        assert "closed_by" not in names and "status" in names
    finally:
        engine.dispose()


NOTE = "0190a1b2-0000-7000-8000-0000000000e1"


def test_records_of_an_older_store_keep_their_values_and_pages_still_carry_their_revisions(url: str) -> None:
    """Migrations 0010 (field revisions as text, NULL on older rows) and 0011 (records and
    history as json, not jsonb, on PostgreSQL) on a store with a record from before both: its
    values come through unchanged, and a pull page makes its field revisions from
    ``field_meta`` in the database, as a new row carries them as written."""
    command.upgrade(alembic_config(url), "0009")
    fields = {"text": "Cliënt zegt: “het gaat goed” \\ 😀", "theme_codes": ["a", {"b": [1, 2.5, None]}]}
    meta = {"text": {"rev": 3, "hlc": "h", "dev": "d"}, "theme_codes": {"rev": 2, "hlc": "h", "dev": "d"}}
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            t.record.insert().values(
                tbl="note_paragraph", id=NOTE, scope=None, rev=3, ord=0, deleted=False,
                fields=fields, field_meta=meta,
            )
        )
        conn.execute(
            t.change_history.insert().values(
                seq=3, tbl="note_paragraph", record_id=NOTE, fields=fields, hlc="h", device_id="d", client_seq=1
            )
        )
        conn.execute(text("UPDATE sync_counter SET last_seq = 3"))
    engine.dispose()
    migrate(url)
    engine = make_engine(url)
    try:
        if engine.dialect.name == "postgresql":
            types = {c["name"]: str(c["type"]) for c in inspect(engine).get_columns("record")}
            assert types["fields"] == types["field_meta"] == "JSON"
        with engine.begin() as conn:
            row = conn.execute(select(t.record).where(t.record.c.id == NOTE)).one()
            assert (row.fields, row.field_meta, row.field_revs) == (fields, meta, None)
            assert conn.execute(select(t.change_history.c.fields)).scalar_one() == fields
            page = json.loads(pages.pull(conn, accounts.Caller("dev", "nobody", 1, 0), 0, 100))
    finally:
        engine.dispose()
    [change] = page["changes"]
    assert (change["id"], change["fields"], change["field_revs"]) == (NOTE, fields, {"text": 3, "theme_codes": 2})
