"""Records from the office written into a real laptop store (``sync.apply``): they land in the
ordinary tables without making outbox rows, and a record naming anything but a synced table is
set aside as a problem, never written."""

from __future__ import annotations

from sqlalchemy import func, select, text

from storage import models as m
from storage.engine import Store
from sync.apply import apply_records
from sync.protocol import RecordState

NOW = "2026-12-05T10:00:00.000Z"
ORG = "01900000-0000-7000-8000-0000000000a1"


def _record(tbl: str, record_id: str, **fields: object) -> RecordState:
    return RecordState(
        tbl=tbl,
        id=record_id,
        rev=7,
        deleted=False,
        fields=fields,
        field_revs={f: 7 for f in fields},
        partial=False,
    )


def test_pulled_records_are_written_without_echo_and_bookkeeping_is_refused(store: Store) -> None:
    with store.transaction() as s:
        outbox_before = s.scalar(select(func.count()).select_from(m.Outbox))
        meta_before = {k: v for k, v in s.execute(select(m.StoreMeta.key, m.StoreMeta.value))}
    hostile = [
        _record("store_meta", "sync.server_url", value="http://evil.example"),
        _record("outbox", "1", entity="organisation"),
        _record("sync_applying", "1"),
        _record("no_such_table", ORG, name="x"),
    ]
    good = _record("organisation", ORG, name="Zorggroep De Linde", created_at=NOW, updated_at=NOW)
    with store.transaction() as s:
        assert apply_records(s, [*hostile, good]) == 1
    with store.transaction() as s:
        assert s.get(m.Organisation, ORG).name == "Zorggroep De Linde"  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(m.Outbox)) == outbox_before  # no echo
        assert {k: v for k, v in s.execute(select(m.StoreMeta.key, m.StoreMeta.value))} == meta_before
        issues = [(k, t) for k, t in s.execute(select(m.SyncIssue.kind, m.SyncIssue.tbl))]
        assert sorted(issues) == sorted(("unknown_table", r.tbl) for r in hostile)
        assert s.execute(text("SELECT count(*) FROM sync_applying")).scalar_one() == 0
        rev = s.execute(text("SELECT rev FROM sync_record WHERE id = :id"), {"id": ORG}).scalar_one()
        assert rev == 7
