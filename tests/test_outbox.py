"""Every change to a synced table leaves exactly one outbox row, in the same transaction."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from inspectorapp.domain.drafts import OrganisationDraft, ParagraphDraft
from inspectorapp.services import notes, organisations
from inspectorapp.store_access import open_store
from storage import models as m
from storage.engine import Store

from . import helpers
from .conftest import PASSPHRASE, ROOT


def _outbox(store: Store) -> list[tuple[str, str, str, list[str]]]:
    with store.session() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(m.Outbox.entity, m.Outbox.entity_id, m.Outbox.op, m.Outbox.changed).order_by(
                    m.Outbox.seq
                )
            )
        ]  # type: ignore[misc]


def test_insert_update_softdelete_each_leave_one_row(store: Store, ctx) -> None:
    with store.transaction() as s:
        _, conv_id = helpers.conversation(s, ctx)
    start = len(_outbox(store))
    with store.transaction() as s:
        note = notes.add_paragraph(s, ctx, conv_id, ParagraphDraft(text="Eerste versie")).value
    with store.transaction() as s:
        notes.update_text(s, ctx, note.id, "Tweede versie")
    with store.transaction() as s:
        notes.update_text(s, ctx, note.id, "Tweede versie")  # no change: no row
    with store.transaction() as s:
        row = s.get(m.NoteParagraph, note.id)
        row.deleted_at = datetime.now(UTC)
    rows = [r for r in _outbox(store)[start:] if r[1] == note.id]
    assert [r[2] for r in rows] == ["insert", "update", "delete"]
    assert set(rows[1][3]) == {"text", "updated_at"}
    assert set(rows[2][3]) == {"deleted_at", "updated_at"}


def test_every_synced_table_has_outbox_triggers(store: Store) -> None:
    with store.session() as s:
        triggers = set(s.scalars(text("SELECT name FROM sqlite_schema WHERE type = 'trigger'")))
    for table in m.synced_tables():
        assert {
            f"outbox_{table}_insert",
            f"outbox_{table}_update",
            f"outbox_{table}_no_hard_delete",
        } <= triggers
    for table in m.Base.metadata.tables:
        if table not in m.synced_tables():
            assert f"outbox_{table}_insert" not in triggers


def test_hard_delete_refused_and_rolled_back(store: Store, ctx) -> None:
    with store.transaction() as s:
        org = organisations.create_organisation(s, ctx, OrganisationDraft(name="Blijft bestaan")).value
    before = len(_outbox(store))
    with pytest.raises(IntegrityError), store.transaction() as s:
        s.execute(text("DELETE FROM organisation WHERE id = :id"), {"id": org.id})
    assert len(_outbox(store)) == before
    with store.session() as s:
        assert s.get(m.Organisation, org.id) is not None


def test_failed_transaction_leaves_neither_row_nor_outbox(store: Store, ctx) -> None:
    before = len(_outbox(store))
    with pytest.raises(RuntimeError), store.transaction() as s:
        organisations.create_organisation(s, ctx, OrganisationDraft(name="Half werk"))
        s.flush()
        assert len(s.execute(select(m.Outbox)).all()) == before + 1  # visible inside
        raise RuntimeError("user action failed halfway")
    assert len(_outbox(store)) == before
    with store.session() as s:
        assert s.scalar(select(func.count()).where(m.Organisation.name == "Half werk")) == 0


def _spawn(store_path: Path, mode: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.procs.outbox_writer", str(store_path), PASSPHRASE, mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_kill_inside_open_transaction_leaves_neither(store: Store, store_path: Path) -> None:
    store.close()
    proc = _spawn(store_path, "hold")
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "HOLDING"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    reopened = open_store(store_path, PASSPHRASE)
    with reopened.session() as s:
        assert s.scalar(select(func.count()).where(m.Organisation.name == "Nooit gecommit")) == 0
        assert (
            s.scalar(select(func.count()).select_from(m.Outbox).where(m.Outbox.entity == "organisation")) == 0
        )
    assert reopened.integrity_check() == "ok"
    reopened.close()


@pytest.mark.slow
def test_kill_at_random_moments_outbox_matches_rows(store: Store, store_path: Path) -> None:
    store.close()
    rng = random.Random(int(os.environ.get("VELDWERK_KILL_SEED", "20261123")))
    runs = int(os.environ.get("VELDWERK_KILL_RUNS", "6"))
    for _ in range(runs):
        proc = _spawn(store_path, "loop")
        assert proc.stdout is not None
        line = proc.stdout.readline()  # wait until it writes
        assert line.startswith("COMMITTED"), proc.stderr.read() if proc.stderr else line
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    s_store = open_store(store_path, PASSPHRASE)
    assert s_store.integrity_check() == "ok"
    with s_store.session() as s:
        orgs = {o.id: o for o in s.scalars(select(m.Organisation))}
        rows = s.execute(
            select(m.Outbox.entity_id, m.Outbox.op).where(m.Outbox.entity == "organisation")
        ).all()
    inserts = [eid for eid, op in rows if op == "insert"]
    updates = [eid for eid, op in rows if op == "update"]
    assert sorted(inserts) == sorted(orgs)  # exactly one insert row per organisation
    assert len(orgs) > runs
    for eid in updates:
        assert eid in orgs
    # an organisation has its update row exactly when the region was committed
    assert sorted(updates) == sorted(o.id for o in orgs.values() if o.region is not None)
    s_store.close()


def test_demo_data_is_not_queued_for_the_office_but_later_edits_are(store: Store, ctx) -> None:
    from inspectorapp.services import demo

    before = len(_outbox(store))
    with store.transaction() as s:
        assert demo.load_demo(s, ctx).value.loaded
    assert len(_outbox(store)) == before
    with store.transaction() as s:
        note_id = s.scalar(select(m.NoteParagraph.id).limit(1))
        notes.update_text(s, ctx, note_id, "Aangevuld na het bezoek")
    assert [r[2] for r in _outbox(store)[before:]] == ["update"]


def test_every_synced_table_has_triggers_covering_every_model_column(store: Store) -> None:
    """A column added to a model without re-creating its triggers would never sync."""
    with store.session() as s:
        triggers = dict(s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all())
        tables = dict(s.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all())
    synced = [
        t
        for t in m.Base.metadata.sorted_tables
        if {"id", "updated_at", "deleted_at"} <= {c.name for c in t.columns}
    ]
    assert {"finding", "intervention", "inspection", "report_draft"} <= {t.name for t in synced}
    for table in synced:
        for suffix in ("insert", "update", "no_hard_delete"):
            assert f"outbox_{table.name}_{suffix}" in triggers, (table.name, suffix)
        payload = triggers[f"outbox_{table.name}_insert"]
        missing = [col.name for col in table.columns if f"'{col.name}'" not in payload]
        assert not missing, (table.name, missing)
    # batch-mode copies keep the enum CHECK constraints
    assert "ck_inspection_judgement_mode" in tables["inspection"]
    assert "CHECK (status IN (" in tables["inspection"]
    assert "ck_intervention_plan_assessment" in tables["intervention"]
