"""The push pipeline (decision 0024): the batch worked out while another travels is exactly the
one ``freeze`` makes once that other is answered, and a record edited across the two batches
reaches the office without a conflict with itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.services import notes
from storage import models as m
from sync import batches, enrolment
from sync.protocol import MAX_PUSH_MUTATIONS
from sync.server import schema as t
from sync.transport import Transport

from . import helpers
from .postgres import postgres_server, postgres_url
from .sync_harness import Laptop, ServerProcess, add_note, enrolled, office_server, outbox_size, table_rows

__all__ = ["office_server", "postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace


class _Undo(Exception):
    """Raised to roll a transaction back after reading what it would have made."""

    def __init__(self, value: Any) -> None:
        super().__init__("undo")
        self.value = value


@pytest.fixture
def pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    with enrolled(server, tmp_path, "Dementie", "anna", "bram") as (a, b):
        yield a, b


def test_the_batch_prepared_in_flight_is_the_one_freeze_makes_after_the_answer(
    pair: tuple[Laptop, Laptop], server: ServerProcess
) -> None:
    a, b = pair
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    a.sync()

    def write(s: Session) -> list[str]:
        made = [
            notes.add_paragraph(s, a.ctx, conv, ParagraphDraft(text=f"Waarneming {n}.")).value.id
            for n in range(MAX_PUSH_MUTATIONS)
        ]
        notes.add_paragraph(s, a.ctx, conv, ParagraphDraft(text="De volgende batch begint hier."))
        notes.update_text(s, a.ctx, made[0], "Waarneming 0, later aangevuld.")  # in both batches
        return made

    made = a.db(write)
    transport = Transport(server.base, a.db(enrolment.token))
    try:
        first = a.db(batches.freeze)
        assert first is not None and first.mutations == MAX_PUSH_MUTATIONS
        prepared = a.db(lambda s: batches.prepare(s, after=first.last_outbox_seq))
        assert prepared is not None and prepared.mutations == 2
        answer = transport.push(first.payload)

        def sequential(s: Session) -> None:  # the old way: answer taken in, then frozen anew
            batches.acknowledge(s, answer)
            raise _Undo(batches.freeze(s))

        with pytest.raises(_Undo) as undone:
            a.db(sequential)
        _counts, second = a.db(lambda s: batches.acknowledge(s, answer, then=prepared))
        assert second is not None and second.payload == undone.value.value.payload
        assert a.db(batches.freeze) == second  # in flight now: a retry sends these bytes
        transport.push(second.payload)
    finally:
        transport.close()
    a.sync()
    b.sync()
    texts = {nid: row["text"] for nid, row in table_rows(b, m.NoteParagraph).items()}
    assert texts[made[0]] == "Waarneming 0, later aangevuld."
    assert len(texts) == MAX_PUSH_MUTATIONS + 1
    conflicts = server.admin(lambda c: c.execute(select(func.count()).select_from(t.sync_conflict)).scalar())
    assert conflicts == 0  # the laptop's second edit follows its first: not concurrent


def test_a_prepared_batch_is_dropped_when_the_outbox_head_moved(
    pair: tuple[Laptop, Laptop], server: ServerProcess
) -> None:
    """A prepared batch is only taken if nothing it was made from moved (here: the batch in
    flight was acknowledged by another run in between); ``freeze`` then starts over."""
    a, _b = pair
    a.db(lambda s: helpers.conversation(s, a.ctx))
    transport = Transport(server.base, a.db(enrolment.token))
    try:
        first = a.db(batches.freeze)
        assert first is not None
        a.db(lambda s: helpers.conversation(s, a.ctx))
        stale = a.db(lambda s: batches.prepare(s, after=0))  # made from the wrong head
        assert stale is not None
        answer = transport.push(first.payload)
        _counts, taken = a.db(lambda s: batches.acknowledge(s, answer, then=stale))
        assert taken is None
        again = a.db(batches.freeze)
        assert again is not None and again.payload != first.payload
    finally:
        transport.close()


def test_an_answer_whose_records_were_never_written_is_healed_by_the_next_pull(
    pair: tuple[Laptop, Laptop], server: ServerProcess
) -> None:
    """The engine settles an answer, sends the next batch, and only then writes the answer's
    records (``batches.settle``). A laptop that stops in between holds its own text, not the
    office's merge of it with a colleague's edit; the next sync brings the merge."""
    a, b = pair
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    note = add_note(a, conv, "Eerste regel.\nTweede regel.")
    a.sync()
    b.sync()
    b.db(lambda s: notes.update_text(s, b.ctx, note, "Eerste regel, door Bram.\nTweede regel."))
    b.sync()
    a.db(lambda s: notes.update_text(s, a.ctx, note, "Eerste regel.\nTweede regel, door Anna."))
    merged = "Eerste regel, door Bram.\nTweede regel, door Anna."
    transport = Transport(server.base, a.db(enrolment.token))
    try:
        batch = a.db(batches.freeze)
        assert batch is not None
        answer = transport.push(batch.payload)
    finally:
        transport.close()
    settled = a.db(lambda s: batches.settle(s, answer))  # and then the laptop stops
    assert [r.fields.get("text") for r in settled.records] == [merged]
    assert outbox_size(a) == 0 and a.db(batches.freeze) is None  # nothing is sent again
    assert table_rows(a, m.NoteParagraph)[note]["text"] == "Eerste regel.\nTweede regel, door Anna."
    a.sync()
    b.sync()
    assert table_rows(a, m.NoteParagraph)[note]["text"] == merged
    assert table_rows(b, m.NoteParagraph)[note]["text"] == merged
    revs = {
        lap.name: lap.db(lambda s: s.get(m.SyncRecord, ("note_paragraph", note)).field_revs) for lap in (a, b)
    }
    assert revs["anna"] == revs["bram"]
