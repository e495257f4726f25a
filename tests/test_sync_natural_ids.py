"""Records unique on a natural key, made by two inspectors offline, are one record after sync
(``inspectorapp/services/natural_ids.py``, decision 0025): the report draft each laptop makes
when its report screen first opens, a score of the same item of the same network meeting,
and the same note given as that score's evidence. Before, each laptop set the colleague's
record aside (its unique key was taken) and the office held both: the team's report split in
two without anybody being asked. Two real laptops and the real office over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.domain.outcome_drafts import ReportDraftChanges, ScoreDraft
from inspectorapp.domain.report import ReportType
from inspectorapp.services import notes, report_drafts, session_synthesis
from storage import models as m
from sync.server import schema as t

from . import helpers
from .postgres import postgres_server, postgres_url
from .sync_harness import Laptop, ServerProcess, enrolled, office_server, table_rows

__all__ = ["office_server", "postgres_server", "postgres_url"]  # fixtures, found by pytest in this namespace


@pytest.fixture
def pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    with enrolled(server, tmp_path, "Netwerken", "anna", "bram") as (a, b):
        yield a, b


def _meeting(a: Laptop) -> tuple[str, str, str]:
    """(inspection, network meeting, a note of it), made on ``a``."""

    def make(s: Session) -> tuple[str, str, str]:
        _org, conv = helpers.conversation(s, a.ctx, "NETWERKOVERLEG", "Netwerkoverleg dementie")
        visit = s.get(m.Visit, s.get(m.Conversation, conv).visit_id)
        note = notes.add_paragraph(s, a.ctx, conv, ParagraphDraft(text="De huisarts komt niet aan bod."))
        return visit.inspection_id, conv, note.value.id

    return a.db(make)


def _live(lap: Laptop, model: type) -> list[dict]:
    return [r for r in table_rows(lap, model).values() if r["deleted_at"] is None]


def test_the_same_report_draft_score_and_evidence_made_on_two_laptops_are_one_record(
    pair: tuple[Laptop, Laptop], server: ServerProcess
) -> None:
    a, b = pair
    inspection, conv, note = _meeting(a)
    a.sync()
    b.sync()
    kind = ReportType.AREA.value
    for lap, summary, comment in (
        (a, "Het netwerk werkt samen, de huisarts ontbreekt.", "Anna: niet aan bod gekomen."),
        (b, "Samenwerking in opbouw.", "Bram: kort genoemd, niet besproken."),
    ):  # both offline: neither has seen the other's
        lap.db(lambda s, lap=lap: report_drafts.ensure_draft(s, lap.ctx, inspection, kind))
        lap.db(
            lambda s, lap=lap, summary=summary: report_drafts.save_draft(
                s, lap.ctx, inspection, kind, ReportDraftChanges(summary=summary)
            )
        )
        lap.db(
            lambda s, lap=lap, comment=comment: session_synthesis.save_score(
                s, lap.ctx, conv, "B02", ScoreDraft(2, comment=comment, evidence=(("notitie", note),))
            )
        )
    a.sync()
    b.sync()
    a.sync()
    for model in (m.ReportDraft, m.ObservationScore, m.ObservationEvidence):
        rows = {lap.name: _live(lap, model) for lap in (a, b)}
        assert len(rows["anna"]) == 1 and len(rows["bram"]) == 1, (model.__name__, rows)
        assert rows["anna"] == rows["bram"], model.__name__  # the same record, converged
    for lap in (a, b):
        assert lap.db(lambda s: s.scalar(select(func.count()).select_from(m.SyncSetAside))) == 0
    # one value won each field; the other is kept at the office for review, not dropped
    lost = server.admin(
        lambda c: {
            (r.tbl, r.field, r.loser)
            for r in c.execute(select(t.sync_conflict).where(t.sync_conflict.c.review.is_(True)))
        }
    )
    draft = _live(a, m.ReportDraft)[0]
    score = _live(a, m.ObservationScore)[0]
    other_summary = (
        {"Het netwerk werkt samen, de huisarts ontbreekt.", "Samenwerking in opbouw."} - {draft["summary"]}
    ).pop()
    other_comment = (
        {"Anna: niet aan bod gekomen.", "Bram: kort genoemd, niet besproken."} - {score["comment"]}
    ).pop()
    assert ("report_draft", "summary", other_summary) in lost
    assert ("observation_score", "comment", other_comment) in lost
