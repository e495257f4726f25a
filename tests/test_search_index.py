"""The search index of pulled records: fed set-based while a page is written (the insert
triggers stay quiet then, migration 0014), it must hold exactly what the triggers make for
the same rows written locally."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select

from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import demo, json_export, notes, search
from inspectorapp.store_access import create_store
from storage import models as m
from storage import search_index
from storage.engine import Store
from storage.migrate import alembic_config, upgrade
from sync.apply import apply_records
from sync.protocol import RecordState

from . import helpers
from .conftest import PASSPHRASE
from .sync_harness import ServerProcess, add_note, enrolled


def _index(store: Store) -> Counter[tuple[str, str, str, int]]:
    """Every indexed word of the store: (source, record id, term, offset), counted."""
    raw = store.raw
    raw.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, search_fts, 'instance')")
    rows = raw.execute(
        "SELECT r.source, r.ref_id, v.term, v.offset FROM temp.vocab v JOIN search_ref r ON r.seq = v.doc"
    ).fetchall()
    return Counter((str(s), str(i), str(t), int(o)) for s, i, t, o in rows)


def _refs(store: Store) -> set[tuple[str, str]]:
    return {(str(s), str(i)) for s, i in store.raw.execute("SELECT source, ref_id FROM search_ref")}


def test_the_live_search_bodies_are_those_of_the_migrated_triggers(store: Store) -> None:
    rows = store.raw.execute(
        "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'"
    ).fetchall()
    assert {str(tbl) for tbl, _sql in rows} == set(search_index.BODIES)
    for tbl, sql in rows:
        source, body = search_index.BODIES[str(tbl)]
        assert f"'{source}'" in sql or "DELETE FROM search_fts" in sql, tbl
        assert body.replace("X.", "NEW.") in sql, tbl
    for tbl, sql in rows:  # 0014: only the insert triggers keep quiet while a page is written
        assert ("sync_applying" in sql) == ("AFTER INSERT" in sql), tbl


def _demo_inspections(tmp_path: Path) -> list[dict[str, Any]]:
    """The demo's inspections as exports: imported into a store, they travel as typed work
    (the demo itself never does, decision 0005)."""
    store = create_store(tmp_path / "demo" / "veldwerk.db", PASSPHRASE)
    ctx = ActionContext("demo", "device-demo")
    try:
        with store.transaction() as s:
            demo.load_demo(s, ctx)
            ids = list(s.scalars(select(m.Inspection.id)))
            return [
                json.loads(json_export.dumps(json_export.export_inspection(s, ctx, i, True))) for i in ids
            ]
    finally:
        store.close()


@pytest.fixture
def office(tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(f"sqlite:///{tmp_path / 'office.db'}", tmp_path / "server.log")
    proc.start()
    yield proc
    proc.kill()


def test_pulled_records_are_indexed_as_the_triggers_index_local_ones(
    office: ServerProcess, tmp_path: Path
) -> None:
    with enrolled(office, tmp_path, "Dementie", "anna", "bram") as (a, b):
        for doc in _demo_inspections(tmp_path):  # notes, signals, events, scores: every source
            a.db(lambda s, doc=doc: json_export.import_inspection(s, a.ctx, doc))
        _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
        gone = add_note(a, conv, "Deze alinea wordt geschrapt.")
        a.db(lambda s: notes.save_edits(s, a.ctx, conv, [], deletes=[gone]))
        add_note(a, conv, "")  # no text: a search_ref row, no index entry
        a.sync()
        b.sync()
        assert len(_index(b.store)) > 1000 and {s for s, _ in _refs(b.store)} == set(
            source for source, _body in search_index.BODIES.values()
        )
        assert _refs(b.store) == _refs(a.store)
        assert _index(b.store) == _index(a.store)
        with b.store.session() as s:
            assert not search.search(s, "geschrapt", 10)

        first = a.db(lambda s: s.scalars(select(m.NoteParagraph.id).order_by(m.NoteParagraph.id)).first())
        a.db(helpers.paragraph_edit(first, "waarneming", "Een nieuwe tekst over de medicatieveiligheid."))
        a.sync()
        b.sync()  # an edit of a row B holds: the update trigger, as before
        assert _index(b.store) == _index(a.store)
        with b.store.session() as s:
            assert [h.ref_id for h in search.search(s, "medicatieveiligheid", 10)] == [first]


def _note(conv: str, note_id: str, text: str, rev: int, partial: bool = False) -> RecordState:
    fields = {"text": text}
    if not partial:
        fields |= {
            "conversation_id": conv,
            "position": 99,
            "occurred_at": "2026-03-12T10:00:00.000Z",
            "kind": "waarneming",
            "theme_codes": [],
            "confidentiality": "TEAM",
            "about_absent_party": False,
            "partial_interest": "geen",
            "followed_up": False,
            "for_report": False,
            "created_at": "2026-03-12T10:00:00.000Z",
            "updated_at": "2026-03-12T10:00:00.000Z",
        }
    revs = {f: rev for f in fields}
    return RecordState(
        tbl="note_paragraph",
        id=note_id,
        rev=rev,
        deleted=False,
        fields=fields,
        field_revs=revs,
        partial=partial,
    )


def test_a_record_new_and_edited_in_one_page_is_indexed_with_its_last_text(store: Store, ctx) -> None:
    with store.transaction() as s:
        _org, conv = helpers.conversation(s, ctx)
    note_id = "0190f0c0-0000-7000-8000-000000000001"
    page = [
        _note(conv, note_id, "Eerst over de wachtlijst.", 5),
        _note(conv, note_id, "Dan over het rooster.", 6, True),
    ]
    with store.transaction() as s:
        assert apply_records(s, page) == 2
    with store.session() as s:
        assert [h.ref_id for h in search.search(s, "rooster", 10)] == [note_id]
        assert not search.search(s, "wachtlijst", 10)
    assert sum(1 for source, i in _refs(store) if i == note_id) == 1


def test_migration_0014_goes_both_ways_and_local_inserts_stay_indexed(tmp_path: Path, ctx) -> None:
    store = create_store(tmp_path / "v.db", PASSPHRASE)
    try:
        quiet = "SELECT count(*) FROM sqlite_master WHERE name LIKE 'search\\_%\\_insert' ESCAPE '\\' AND sql LIKE '%sync_applying%'"
        assert store.raw.execute(quiet).fetchone()[0] == len(search_index.BODIES)
        with store.engine.connect() as conn, conn.begin():
            command.downgrade(alembic_config(conn), "0013")
        assert store.raw.execute(quiet).fetchone()[0] == 0
        upgrade(store)
        assert store.raw.execute(quiet).fetchone()[0] == len(search_index.BODIES)
        with store.transaction() as s:
            _org, conv = helpers.conversation(s, ctx)
        with store.transaction() as s:
            notes.add_paragraph(s, ctx, conv, ParagraphDraft(text="Lokaal getypt over valpreventie."))
        with store.session() as s:
            assert len(search.search(s, "valpreventie", 10)) == 1
    finally:
        store.close()
