"""Small builders for tests: a minimal inspection tree through the real services."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain.drafts import InspectionDraft, OrganisationDraft, SubjectDraft
from inspectorapp.domain.enums import InspectionType, InspectorateRole, NoteKind
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import inspections, organisations
from storage import models as m


def organisation(session: Session, ctx: ActionContext, name: str = "Ziekenhuis Test") -> str:
    return organisations.create_organisation(session, ctx, OrganisationDraft(name=name, sector="MSZ")).value.id


def conversation(
    session: Session,
    ctx: ActionContext,
    conversation_type: str = "INDIVIDUEEL_GESPREK",
    title: str = "Interview bestuurder",
) -> tuple[str, str]:
    """(organisation id, conversation id) of a fresh inspection with one visit."""
    org = organisation(session, ctx)
    insp = inspections.create_inspection(
        session,
        ctx,
        InspectionDraft(
            title="Testinspectie",
            inspection_type=InspectionType.RISK,
            declared_role=InspectorateRole.COMPLIANCE,
            subjects=(SubjectDraft(organisation_id=org),),
        ),
    ).value
    visit = m.Visit(inspection_id=insp.id, visit_date=date(2026, 3, 12), location="Locatie Noord")
    session.add(visit)
    session.flush()
    conv = m.Conversation(
        visit_id=visit.id,
        conversation_type=conversation_type,
        title=title,
        starts_at=datetime(2026, 3, 12, 9, tzinfo=UTC),
    )
    session.add(conv)
    session.flush()
    return org, conv.id


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[bool]:
    """A folder nobody may write into: mode 0555, and immutable when running as root
    (root ignores modes). Yields False when this system can make neither."""
    folder.chmod(0o555)
    immutable = False
    if os.geteuid() == 0:
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    try:
        yield os.geteuid() != 0 or immutable
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        folder.chmod(0o755)


def paragraph_edit(nid: str, kind: str, text: str) -> Callable[[Session], None]:
    """An edit of a paragraph's kind and words in one save, as the note editor writes it; run
    it on a store (``laptop.db(...)``, ``workspace.call(...)``)."""

    def write(s: Session) -> None:
        row = s.get(m.NoteParagraph, nid)
        assert row is not None
        row.kind = NoteKind(kind)
        row.text = text
        row.updated_at = utc_now()

    return write


def drain(qtbot, workspace, rounds: int = 2) -> None:
    """Every request submitted to ``workspace`` so far has answered, and (``rounds`` deep) so
    have the requests those answers submitted: the database thread runs requests in order
    and the GUI thread gets their answers in order (``ui.ops``)."""
    from ui import ops

    done: list[object] = []
    for n in range(1, rounds + 1):
        ops.submit(workspace, lambda _s: None, on_done=done.append, on_error=done.append)
        qtbot.waitUntil(lambda n=n: len(done) == n, timeout=10000)
    assert done == [None] * rounds, done
