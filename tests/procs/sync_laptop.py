"""Child process for the sync kill test: an enrolled laptop that edits and syncs in a loop until killed.

argv: store path, passphrase, seed, mode, conversation id. Mode 'loop': a round of edits (notes in
that conversation, organisations), a sync, again and again; 'final': one sync without edits, then
exit. Every step is printed (flushed) as it happens, so the parent knows which edits were confirmed
and where its kill landed:

    EDIT {"tbl", "id", "set": {field: value}}   per edit, inside its transaction; OK after the commit
    push send / push recv / push acked N         a batch handed to HTTP / answered / acknowledged
    pull send / pull recv N / pull applied N     a page asked for / received / applied
    SYNCED {report}                              a whole sync run finished

The edit and sync helpers are shared with the in-process server-kill test.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.domain.drafts import OrganisationDraft, ParagraphDraft
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.services import notes, organisations
from inspectorapp.store_access import open_store
from storage.models import NoteParagraph, Organisation
from sync import enrolment
from sync import local_state as state
from sync.engine import Progress, RunDb, SyncEngine, SyncReport
from sync.protocol import PullResponse, PushResponse
from sync.transport import Transport

Emit = Callable[[str], None]
Change = Callable[[Session], tuple[str, str, dict[str, Any]]]
ROUND = 240  # edits per round: >200 distinct records, so every round pushes two batches
ORG = "Zorggroep "
WORDS = ("cliënt", "’s nachts", "VIM-map", "teamleider", "één", "wachtlijst", "bestuur", "„incident”", "zorg")


class Reporting(Transport):
    """The real transport, announcing each request and its answer."""

    def __init__(self, base_url: str, token: str | None, emit: Emit) -> None:
        super().__init__(base_url, token)
        self.emit = emit

    def push(self, payload: bytes) -> PushResponse:
        self.emit("push send")
        response = super().push(payload)
        self.emit("push recv")
        return response

    def pull(self, since: int, limit: int = 500, baseline: str | None = None) -> PullResponse:
        self.emit("pull send")
        page = super().pull(since, limit, baseline)
        self.emit(f"pull recv {len(page.changes)}")
        return page


def sync(run_db: RunDb, transport: Reporting) -> SyncReport:
    """One SyncEngine run; progress comes after each commit (batch acknowledged, page applied)."""
    emit = transport.emit

    def progress(step: Progress) -> None:
        emit(f"push acked {step.items}" if step.stage == "push" else f"pull applied {step.items}")

    report = SyncEngine(run_db, transport, progress).run()
    emit("SYNCED " + json.dumps(asdict(report), default=sorted))  # changed: a set of keys
    return report


def edit(run_db: RunDb, emit: Emit, changes: Sequence[Change]) -> list[str]:
    """One transaction (an autosave: one edit or a few), each edit announced before the commit and
    all confirmed by one ``OK`` after it. Returns the ids of the records edited."""

    def inside(session: Session) -> list[str]:
        ids = []
        for change in changes:
            tbl, record_id, values = change(session)
            emit("EDIT " + json.dumps({"tbl": tbl, "id": record_id, "set": values}, ensure_ascii=False))
            ids.append(record_id)
        return ids

    ids: list[str] = run_db(inside)
    emit("OK")
    return ids


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12))).capitalize() + "."


def edit_round(
    run_db: RunDb, ctx: ActionContext, conv: str, rng: random.Random, emit: Emit, size: int = ROUND
) -> None:
    """Random edits as the app makes them: new paragraphs in conversation ``conv``, typing in its old
    ones, removals, organisations."""
    live: list[str] = run_db(
        lambda s: list(
            s.scalars(
                select(NoteParagraph.id)
                .where(NoteParagraph.conversation_id == conv, NoteParagraph.deleted_at.is_(None))
                .order_by(NoteParagraph.id)
            )
        )
    )
    # Only organisations made here move: they have no children. (A parent changed after its children
    # is pulled after them, which a fresh laptop cannot apply: reported separately, not a kill matter.)
    orgs: list[str] = run_db(
        lambda s: list(
            s.scalars(
                select(Organisation.id).where(Organisation.name.startswith(ORG)).order_by(Organisation.id)
            )
        )
    )
    done = 0
    while done < size:
        group: list[Change] = []
        new_notes, new_orgs = [], []  # their places in the group: the ids come from the transaction
        for _ in range(min(rng.randint(1, 8), size - done)):
            pick, text = rng.random(), _text(rng)
            if pick < 0.45 or not live:
                new_notes.append(len(group))
                group.append(new_note(ctx, conv, text))
            elif pick < 0.85:
                group.append(_typed(ctx, rng.choice(live), text))
            elif pick < 0.9:
                group.append(_removed(ctx, conv, live.pop(rng.randrange(len(live)))))
            elif pick < 0.95 or not orgs:
                new_orgs.append(len(group))
                group.append(_new_organisation(ctx, f"{ORG}{text}"[:200]))
            else:
                group.append(_moved(rng.choice(orgs), f"Regio {rng.randint(1, 99)}"))
        ids = edit(run_db, emit, group)
        live += [ids[n] for n in new_notes]
        orgs += [ids[n] for n in new_orgs]
        done += len(group)


def new_note(ctx: ActionContext, conversation_id: str, text: str) -> Change:
    def change(s: Session) -> tuple[str, str, dict[str, Any]]:
        note = notes.add_paragraph(s, ctx, conversation_id, ParagraphDraft(text=text)).value
        return "note_paragraph", note.id, {"text": text}

    return change


def _typed(ctx: ActionContext, nid: str, text: str) -> Change:
    def change(s: Session) -> tuple[str, str, dict[str, Any]]:
        notes.update_text(s, ctx, nid, text)
        return "note_paragraph", nid, {"text": text}

    return change


def _removed(ctx: ActionContext, conversation_id: str, nid: str) -> Change:
    def change(s: Session) -> tuple[str, str, dict[str, Any]]:
        notes.save_edits(s, ctx, conversation_id, [], [nid])
        return "note_paragraph", nid, {"deleted": True}

    return change


def _new_organisation(ctx: ActionContext, name: str) -> Change:
    def change(s: Session) -> tuple[str, str, dict[str, Any]]:
        org = organisations.create_organisation(s, ctx, OrganisationDraft(name=name)).value
        return "organisation", org.id, {"name": name}

    return change


def _moved(oid: str, region: str) -> Change:
    def change(s: Session) -> tuple[str, str, dict[str, Any]]:
        row = s.get(Organisation, oid)
        assert row is not None
        row.region = region
        return "organisation", oid, {"region": region}

    return change


def main() -> None:
    path, passphrase, seed, mode, conv = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), *sys.argv[4:]
    store = open_store(path, passphrase)

    def run_db(fn: Callable[[Session], Any]) -> Any:
        with store.transaction() as session:
            return fn(session)

    def emit(line: str) -> None:
        print(line, flush=True)

    base = run_db(lambda s: state.get(s, "server_url"))
    transport = Reporting(base, run_db(enrolment.token), emit)
    emit("READY")
    if mode == "final":
        sync(run_db, transport)
        transport.close()
        store.close()
        return
    rng = random.Random(seed)
    ctx = ActionContext("anna", "device-anna")
    while True:  # until killed
        edit_round(run_db, ctx, conv, rng, emit)
        sync(run_db, transport)


if __name__ == "__main__":
    main()
