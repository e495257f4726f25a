"""No work is dropped at the seams of sync, against a real office process and real laptop
stores: work refused for lack of access waits and goes once access arrives; "Keep mine"
rewrites only what lost; a record the laptop's store refuses is set aside while the rest of
the sync (files, conflicts) goes on."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain.drafts import ParagraphDraft
from inspectorapp.domain.enums import NoteKind
from inspectorapp.errors import FieldIssue, ValidationError
from inspectorapp.services import notes, status, sync_status
from inspectorapp.workspace import Workspace
from storage import models as m
from sync.server import accounts
from sync.server import schema as t

from . import helpers
from .postgres import postgres_server, postgres_url
from .sync_harness import (
    PASSWORD,
    Laptop,
    ServerProcess,
    add_note,
    enrolled,
    laptops,
    office_server,
    outbox_size,
    table_rows,
    team,
)

__all__ = ["office_server", "postgres_server", "postgres_url"]



@pytest.fixture
def pair(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    with enrolled(server, tmp_path, "Dementie", "anna", "bram") as (a, b):
        yield a, b


def test_work_made_before_membership_reaches_the_office_after_the_grant(
    server: ServerProcess, tmp_path: Path
) -> None:
    """Dirk enrols and works before the administrator adds him to a team: the office refuses
    the inspection (forbidden) and its children (unknown_parent). Nothing is dropped: the
    laptop says how many records wait for access, the rest of the outbox flows, his later
    edit is what arrives, and after ``add-member`` one sync brings it all to the office."""

    def setup(conn: Connection) -> None:
        accounts.create_team(conn, "Dementie")
        accounts.create_account(conn, "dirk", "Dirk", PASSWORD)

    server.admin(setup)
    team(server, "Ziekenhuizen", "anna")
    dirk, anna = laptops(server, tmp_path, "dirk", "anna")
    try:
        dirk.enrol("dirk")
        anna.enrol("anna")
        _org, conv = dirk.db(lambda s: helpers.conversation(s, dirk.ctx))
        nid = add_note(dirk, conv, "Eerste versie, voor de toekenning.")
        report = dirk.sync()
        assert report.statuses.get("rejected", 0) >= 4 and report.statuses.get("applied", 0) >= 1
        assert outbox_size(dirk) == 0  # nothing blocks the outbox
        overview = dirk.db(sync_status.sync_overview)
        waiting = overview.waiting_for_access
        assert waiting >= 4 and overview.issues == ()  # waiting, not refused for good
        assert dirk.db(status.store_status).waiting_for_access == waiting  # the status bar's count
        dirk.db(lambda s: notes.update_text(s, dirk.ctx, nid, "Nieuwste versie, na de weigering."))
        dirk.sync()  # still no access: asked again, still waiting, nothing lost
        assert dirk.db(sync_status.sync_overview).waiting_for_access == waiting

        server.admin(lambda conn: accounts.add_member(conn, "Dementie", "dirk"))
        report = dirk.sync()
        assert report.statuses.get("rejected", 0) == 0
        assert dirk.db(sync_status.sync_overview).waiting_for_access == 0
        assert outbox_size(dirk) == 0
        on_server = server.admin(lambda c: {(r.tbl, r.id): r.fields for r in c.execute(select(t.record))})
        assert on_server[("note_paragraph", nid)]["text"] == "Nieuwste versie, na de weigering."  # the newest
        for model in (m.Inspection, m.Visit, m.Conversation):
            assert {(model.__tablename__, i) for i in table_rows(dirk, model)} <= set(on_server)
        # a colleague given the inspection sees Dirk's work
        (inspection_id,) = table_rows(dirk, m.Inspection)
        server.admin(lambda conn: accounts.grant(conn, inspection_id, "Ziekenhuizen"))
        anna.sync()
        assert table_rows(anna, m.NoteParagraph)[nid]["text"] == "Nieuwste versie, na de weigering."
        assert table_rows(anna, m.Conversation) == table_rows(dirk, m.Conversation)
    finally:
        dirk.close()
        anna.close()


def test_keep_mine_after_a_merge_leaves_the_colleagues_words(pair: tuple[Laptop, Laptop]) -> None:
    """Bram and Anna both change a paragraph's kind and its words. The words merge; only
    Bram's kind loses. His problem lists only the kind, and "Keep mine" writes only the kind:
    Anna's merged words stay on both laptops."""
    a, b = pair
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    nid = add_note(a, conv, "De kerngroep besluit vandaag over de wachtlijst.")
    a.sync()
    b.sync()
    b.db(helpers.paragraph_edit(nid, "citaat", "De kerngroep besluit vandaag over de wachtlijst casemanagement."))
    a.db(helpers.paragraph_edit(nid, "vraag", "De kerngroep besluit vandaag niet over de wachtlijst."))
    a.sync()
    b.sync()  # Bram's clock is older: his kind loses, his words merge with Anna's
    merged = "De kerngroep besluit vandaag niet over de wachtlijst casemanagement."
    assert table_rows(b, m.NoteParagraph)[nid]["text"] == merged
    (issue,) = [i for i in b.db(sync_status.sync_overview).issues if i.record_id == nid]
    assert issue.kind == "superseded" and [f.field for f in issue.fields] == ["kind"]
    b.db(lambda s: sync_status.resolve_issue(s, b.ctx, issue.id, "mine"))
    b.sync()
    a.sync()
    b.sync()
    for laptop in (a, b):
        row = table_rows(laptop, m.NoteParagraph)[nid]
        assert (row["text"], row["kind"]) == (merged, NoteKind.QUOTE), laptop.name


def test_keep_mine_on_a_refused_inspection_keeps_its_framework(pair: tuple[Laptop, Laptop]) -> None:
    """The office refuses a new inspection for a value (a theme list of numbers); its problem
    carries the framework as it travels (``key@version``). "Keep mine" writes this laptop's own
    framework row back, not the wire key (which failed with a foreign key error)."""
    a, _b = pair
    a.db(lambda s: helpers.conversation(s, a.ctx))
    (inspection_id,) = table_rows(a, m.Inspection)
    framework = table_rows(a, m.Inspection)[inspection_id]["framework_version_id"]
    a.db(
        lambda s: s.connection().exec_driver_sql(
            "UPDATE inspection SET theme_codes = json('[1, 2]') WHERE id = ?", (inspection_id,)
        )
    )
    a.sync()
    (issue,) = [i for i in a.db(sync_status.sync_overview).issues if i.record_id == inspection_id]
    assert issue.kind == "rejected"
    assert any(f.field == "framework_version_id" and "@" in str(f.mine) for f in issue.fields)
    a.db(lambda s: sync_status.resolve_issue(s, a.ctx, issue.id, "mine"))
    assert table_rows(a, m.Inspection)[inspection_id]["framework_version_id"] == framework


def test_a_poisoned_record_is_set_aside_and_the_rest_of_the_sync_goes_on(
    qtbot, tmp_path: Path, server: ServerProcess
) -> None:
    """An office store written by an older server holds an organisation without its NOT NULL
    name. The laptop sets it aside (kept whole, listed in the sync panel), applies the rest of
    the page, uploads its attachment file and fetches its lost conflicts."""
    from PySide6.QtWidgets import QApplication

    from inspectorapp import sync_runner
    from inspectorapp.bootstrap import build_main_window
    from inspectorapp.paths import app_paths
    from inspectorapp.services import attachments
    from sync.server.db import next_revision
    from ui.sync_dialog import SyncDialog

    from .test_app_window import _create

    team(server, "Dementie", "anna")
    w = build_main_window(QApplication.instance(), app_paths(tmp_path / "home").ensure())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _create(qtbot, w, demo=False)
    qtbot.waitUntil(lambda: w.sync is not None and w.sync.overview is not None, timeout=20000)
    try:
        ws = w.workspace
        sync_runner.enrol(ws, server.base, "laptop", "anna", PASSWORD, "")
        _org, conv = ws.call(helpers.conversation, ws.ctx)
        visit = ws.call(lambda s: s.get(m.Conversation, conv).visit_id)
        ws.call(
            lambda s: attachments.add_attachment(
                s, ws.ctx, attachments.blob_store(s, ws.paths.attachments_dir), b"%PDF-1.7 plan", "plan.pdf",
                visit_id=visit,
            )
        )
        poisoned, good = "01900000-0000-7000-8000-00000000dead", "01900000-0000-7000-8000-00000000600d"
        stamp = "2026-12-05T10:00:00.000Z"

        def poison(conn: Connection) -> None:
            seq = next_revision(conn)
            for record_id, fields in (
                (poisoned, {"sector": "MSZ", "created_at": stamp, "updated_at": stamp}),
                (good, {"name": "Zorggroep Goed", "created_at": stamp, "updated_at": stamp}),
            ):
                meta = {f: {"rev": seq, "hlc": "0000000000000001.00000", "dev": "old"} for f in fields}
                conn.execute(
                    t.record.insert().values(
                        tbl="organisation", id=record_id, scope=None, rev=seq, ord=0, deleted=False,
                        fields=fields, field_meta=meta,
                    )
                )

        server.admin(poison)
        outcome = sync_runner.run_sync(ws)
        assert outcome.kind == "done" and outcome.report is not None and outcome.report.files == 1
        assert ws.call(lambda s: s.get(m.Organisation, good) is not None)
        assert ws.call(lambda s: s.get(m.Organisation, poisoned) is None)
        assert ws.call(lambda s: s.get(m.StoreMeta, "sync.conflict_cursor") is not None)  # conflicts fetched
        aside = ws.call(lambda s: [(r.tbl, r.id, r.record["fields"]) for r in s.scalars(select(m.SyncSetAside))])
        assert aside == [("organisation", poisoned, {"sector": "MSZ", "created_at": stamp, "updated_at": stamp})]
        assert sync_runner.run_sync(ws).kind == "done"  # tried again, still kept, nothing stops
        dialog = SyncDialog(w.sync, w)
        qtbot.addWidget(dialog)
        w.sync.refresh()
        qtbot.waitUntil(lambda: bool(w.sync.overview and w.sync.overview.set_aside), timeout=10000)
        texts = [dialog.issues.item(n).text() for n in range(dialog.issues.count())]
        assert any(poisoned[:8] in text and "organisation" in text for text in texts), texts
    finally:
        w.lock()


def _kind(ws: Workspace, nid: str) -> str:
    return ws.call(lambda s: str(s.get(m.NoteParagraph, nid).kind))


@pytest.mark.parametrize("first", ["loser", "winner"])
def test_both_sides_of_a_conflict_show_both_values(
    qtbot, server: ServerProcess, tmp_path: Path, first: str
) -> None:
    """Bram sets a paragraph's kind to "citaat", a moment later Anna to "vraag": Anna's value
    wins, whichever laptop pushes first. Anna's problem shows her value that won beside Bram's
    that lost (not hers twice, and also when Bram pushed last); Bram's shows his value beside
    Anna's. Each is listed once, the panel labels the sides, and "Keep theirs" on Anna's
    laptop writes Bram's value, which then reaches both laptops."""
    from inspectorapp import sync_runner
    from ui.sync_controller import SyncController
    from ui.sync_dialog import SyncDialog

    from .test_sync_blobs import _workspace

    team(server, "Dementie", "anna", "bram")
    anna, bram = (_workspace(server, tmp_path, u) for u in ("anna", "bram"))
    try:
        nid = _kind_conflict(anna, bram, first)

        (won,) = [i for i in anna.call(sync_status.sync_overview).issues if i.record_id == nid]
        assert won.kind == "conflict" and won.won
        assert [(f.field, f.mine, f.theirs) for f in won.fields] == [("kind", "vraag", "citaat")]
        (lost,) = [i for i in bram.call(sync_status.sync_overview).issues if i.record_id == nid]
        assert lost.kind == ("overwritten" if first == "loser" else "superseded") and not lost.won
        assert [(f.field, f.mine, f.current) for f in lost.fields] == [("kind", "citaat", "vraag")]
        for ws in (anna, bram):  # asked again: listed once
            assert sync_runner.run_sync(ws).kind == "done"
        assert [i.id for i in anna.call(sync_status.sync_overview).issues] == [won.id]
        assert [i.id for i in bram.call(sync_status.sync_overview).issues] == [lost.id]

        panels = {}
        for name, ws in (("anna", anna), ("bram", bram)):
            controller = SyncController(ws)
            controller.refresh()
            qtbot.waitUntil(lambda c=controller: c.overview is not None, timeout=10000)
            dialog = SyncDialog(controller)
            qtbot.addWidget(dialog)
            dialog.show_overview()
            dialog.issues.setCurrentRow(0)
            panels[name] = dialog
        a, b = panels["anna"], panels["bram"]
        assert (a.mine_title.text(), a.theirs_title.text()) == (a.tr("Yours (won)"), a.tr("Colleague's (lost)"))
        assert (a.mine.toPlainText(), a.theirs.toPlainText()) == ("kind: vraag", "kind: citaat")
        assert (b.mine_title.text(), b.theirs_title.text()) == (b.tr("Yours (lost)"), b.tr("Current version"))
        assert (b.mine.toPlainText(), b.theirs.toPlainText()) == ("kind: citaat", "kind: vraag")

        qtbot.mouseClick(a.keep_theirs, Qt.MouseButton.LeftButton)  # Bram was right after all
        qtbot.waitUntil(lambda: not anna.call(sync_status.sync_overview).issues, timeout=10000)
        for ws in (anna, bram):
            assert sync_runner.run_sync(ws).kind == "done"
        assert _kind(anna, nid) == _kind(bram, nid) == "citaat"
    finally:
        anna.close()
        bram.close()


def _kind_conflict(anna: Workspace, bram: Workspace, first: str) -> str:
    """Bram sets a new paragraph's kind to "citaat", a moment later Anna to "vraag"; both
    sync twice (``first`` pushes first): Anna's value wins. Returns the paragraph's id."""
    from inspectorapp import sync_runner

    _org, conv = anna.call(helpers.conversation, anna.ctx)
    nid: str = anna.call(
        lambda s: notes.add_paragraph(s, anna.ctx, conv, ParagraphDraft(text="Wachtlijst.")).value.id
    )
    assert sync_runner.run_sync(anna).kind == "done" and sync_runner.run_sync(bram).kind == "done"
    bram.call(lambda s: _set_kind(s, nid, "citaat"))
    time.sleep(0.05)  # Anna's edit is the later one: her value wins
    anna.call(lambda s: _set_kind(s, nid, "vraag"))
    order = (bram, anna, bram, anna) if first == "loser" else (anna, bram, anna, bram)
    for ws in order:
        assert sync_runner.run_sync(ws).kind == "done"
    assert _kind(anna, nid) == _kind(bram, nid) == "vraag"
    return nid


@pytest.mark.parametrize("first", ["loser", "winner"])
def test_keep_theirs_after_a_win_refuses_a_value_changed_again_since(
    qtbot, server: ServerProcess, tmp_path: Path, first: str
) -> None:
    """Anna's "vraag" won over Bram's "citaat"; then Bram, having seen hers, sets "actie",
    which reaches Anna's laptop while her problem is still open. Her panel shows that current
    value beside both sides, and "Keep theirs" (Bram's old "citaat") is refused with a
    message: it would overwrite "actie" unseen. Likewise Bram's "Keep mine" (his problem was
    about "vraag", now gone). Nothing is written on either laptop."""
    from inspectorapp import sync_runner
    from ui.messages import message_for
    from ui.sync_controller import SyncController
    from ui.sync_dialog import SyncDialog

    from .test_sync_blobs import _workspace

    team(server, "Dementie", "anna", "bram")
    anna, bram = (_workspace(server, tmp_path, u) for u in ("anna", "bram"))
    try:
        nid = _kind_conflict(anna, bram, first)
        bram.call(lambda s: _set_kind(s, nid, "actie"))  # a third edit, after the conflict
        for ws in (bram, anna):
            assert sync_runner.run_sync(ws).kind == "done"
        assert _kind(anna, nid) == "actie"
        (won,) = [i for i in anna.call(sync_status.sync_overview).issues if i.record_id == nid]
        assert won.won and [(f.mine, f.theirs, f.current) for f in won.fields] == [("vraag", "citaat", "actie")]

        controller = SyncController(anna)
        controller.refresh()
        qtbot.waitUntil(lambda: controller.overview is not None, timeout=10000)
        dialog = SyncDialog(controller)
        qtbot.addWidget(dialog)
        dialog.show_overview()
        dialog.issues.setCurrentRow(0)
        assert (dialog.mine.toPlainText(), dialog.theirs.toPlainText()) == ("kind: vraag", "kind: citaat")
        assert not dialog.current.isHidden() and dialog.current_title.text() == dialog.tr("Current version")
        assert dialog.current.toPlainText() == "kind: actie"

        qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
        # in the language loaded (an earlier test in the run may have installed the Dutch translator)
        refused = message_for(ValidationError([FieldIssue("kind", "changed_since")]))
        assert "changed again" in refused or "opnieuw gewijzigd" in refused
        qtbot.waitUntil(lambda: dialog.error.text() == refused, timeout=10000)
        assert [i.id for i in anna.call(sync_status.sync_overview).issues] == [won.id]  # still open
        with pytest.raises(ValidationError) as exc:
            anna.call(lambda s: sync_status.resolve_issue(s, anna.ctx, won.id, "theirs"))
        assert [(i.field, i.problem) for i in exc.value.issues] == [("kind", "changed_since")]
        assert message_for(exc.value) == refused
        (lost,) = [i for i in bram.call(sync_status.sync_overview).issues if i.record_id == nid]
        assert [(f.mine, f.theirs, f.current, f.changed) for f in lost.fields] == [("citaat", "vraag", "actie", True)]
        with pytest.raises(ValidationError):
            bram.call(lambda s: sync_status.resolve_issue(s, bram.ctx, lost.id, "mine"))
        for ws in (anna, bram):
            assert sync_runner.run_sync(ws).kind == "done"
        assert _kind(anna, nid) == _kind(bram, nid) == "actie"
    finally:
        anna.close()
        bram.close()


def _set_kind(s: Session, nid: str, kind: str) -> None:
    row = s.get(m.NoteParagraph, nid)
    assert row is not None
    row.kind = NoteKind(kind)
    row.updated_at = utc_now()


def test_two_hundred_long_paragraphs_travel_in_batches_under_the_body_limit(pair: tuple[Laptop, Laptop]) -> None:
    """200 paragraphs of 90,000 characters (some two bytes each in UTF-8) are ~25 MB: one batch
    of 200 mutations passed the office's body limit, was refused (413) and sent again forever,
    blocking everything behind it. Batches are capped by bytes: all of it arrives."""
    from sync.batches import OVERSIZED, freeze
    from sync.protocol import MAX_PUSH_BYTES
    from sync.server.limits import PUSH_MAX

    assert PUSH_MAX >= 2 * MAX_PUSH_BYTES and OVERSIZED < PUSH_MAX
    a, b = pair
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    base = "Zorgverleners overleggen over de cliënt; één casus, geëvalueerd. "
    texts = {(base * 1400)[: 90_000 - 4] + f"{n:04d}" for n in range(200)}
    assert len(texts) == 200
    ids = a.db(lambda s: [notes.add_paragraph(s, a.ctx, conv, ParagraphDraft(text=t)).value.id for t in sorted(texts)])
    sizes = []

    def frozen(s: Session) -> None:
        batch = freeze(s)
        assert batch is not None
        sizes.append(len(batch.payload))

    a.db(frozen)  # the first batch, as the sync will send it
    assert sizes[0] <= MAX_PUSH_BYTES
    report = a.sync()
    assert report.statuses.get("rejected", 0) == 0 and outbox_size(a) == 0
    assert a.db(sync_status.sync_overview).issues == ()
    b.sync()
    assert {i for i, row in table_rows(b, m.NoteParagraph).items() if len(row["text"]) == 90_000} == set(ids)


def test_no_record_the_store_accepts_is_too_large_to_travel() -> None:
    """Every text with a length CHECK, at its limit and written in the longest JSON escape (six
    bytes a character), fits in one batch: a single mutation never passes the office's limit.
    (Unbounded Text columns are kept short by the services; one past it becomes a problem.)"""
    import re

    from sqlalchemy import String

    from storage.models import Base
    from sync.batches import ENVELOPE, FIELD_ENVELOPE
    from sync.protocol import MAX_PUSH_BYTES

    for table in Base.metadata.sorted_tables:
        if "deleted_at" not in table.c:
            continue
        bounds = {
            column: int(limit)
            for c in table.constraints
            for column, limit in re.findall(r"length\((\w+)\) <= (\d+)", str(getattr(c, "sqltext", "")))
        }
        for c in table.c:
            if isinstance(c.type, String) and c.type.length:
                bounds.setdefault(c.name, c.type.length)
        worst = ENVELOPE + sum(6 * n + FIELD_ENVELOPE + len(name) for name, n in bounds.items())
        assert worst < MAX_PUSH_BYTES, table.name


def test_children_of_a_parent_refused_for_its_values_are_problems_not_held(pair: tuple[Laptop, Laptop]) -> None:
    """The office refuses a new inspection for a value; its visit and conversation come back
    forbidden / unknown_parent. That is no lack of access: they are listed as problems (they were held and
    sent again forever, and pulled values of held fields never applied)."""
    a, _b = pair
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    (inspection_id,) = table_rows(a, m.Inspection)
    (visit_id,) = table_rows(a, m.Visit)
    a.db(
        lambda s: s.connection().exec_driver_sql(
            "UPDATE inspection SET theme_codes = json('[1, 2]') WHERE id = ?", (inspection_id,)
        )
    )
    a.sync()
    overview = a.db(sync_status.sync_overview)
    assert overview.waiting_for_access == 0
    problems = {(i.tbl, i.record_id): i for i in overview.issues}
    assert problems[("inspection", inspection_id)].kind == "rejected"
    for key in (("visit", visit_id), ("conversation", conv)):
        assert problems[key].kind == "rejected" and problems[key].reason in ("forbidden", "unknown_parent")


def test_held_work_is_sent_ever_more_rarely_after_repeated_refusals(server: ServerProcess, tmp_path: Path) -> None:
    """Work refused for lack of access is sent on each of the first syncs, then less often."""

    def setup(conn: Connection) -> None:
        accounts.create_team(conn, "Dementie")
        accounts.create_account(conn, "dirk", "Dirk", PASSWORD)

    server.admin(setup)
    (dirk,) = laptops(server, tmp_path, "dirk")
    try:
        dirk.enrol("dirk")
        dirk.db(lambda s: helpers.conversation(s, dirk.ctx))
        pushed = [dirk.sync().pushed for _ in range(8)]
        assert pushed[0] > 0 and all(n == pushed[1] for n in pushed[1:3])  # the first refusals
        assert pushed[3:8].count(0) >= 2  # then skipped on some syncs
        assert dirk.db(sync_status.sync_overview).waiting_for_access >= 4  # still kept
    finally:
        dirk.close()


def test_enrolling_again_after_a_revoke_sends_the_work_once_and_only_for_the_same_user(
    pair: tuple[Laptop, Laptop],
) -> None:
    """Anna's last batch reached the office but its answer was lost; then her laptop was revoked.
    Enrolled again (same account, new device) the batch is frozen again and sent: no conflict of
    her value with itself. Enrolling as another user while work is unsent is refused."""
    from sync import enrolment
    from sync.batches import freeze

    a, _b = pair
    _org, conv = a.db(lambda s: helpers.conversation(s, a.ctx))
    nid = add_note(a, conv, "Voor de intrekking.")
    a.sync()
    a.db(lambda s: _set_kind(s, nid, "citaat"))  # a field that is not merged: a conflict shows
    batch = a.db(freeze)
    assert batch is not None
    a.transport.push(batch.payload)  # applied at the office; the answer never arrives
    device = a.db(lambda s: enrolment.state.get(s, "device_id"))
    a.server.admin(lambda c: accounts.revoke_device(c, device))
    a.db(enrolment.disconnect)
    a.transport.close()
    a.transport = None
    answer = enrolment.request_enrolment(
        a.server.base, enrolment.EnrolRequest(device_name="a2", username="bram", password=PASSWORD)
    )
    with pytest.raises(enrolment.EnrolmentRefused, match="other_account"):
        a.db(lambda s: enrolment.record_enrolment(s, a.server.base, answer))
    with pytest.raises(enrolment.EnrolmentRefused, match="other_account"):
        a.db(lambda s: enrolment.check_can_enrol(s, "bram"))
    a.enrol("anna")
    a.sync()
    assert a.db(sync_status.sync_overview).issues == () and outbox_size(a) == 0
    assert a.server.admin(lambda c: c.execute(select(func.count()).select_from(t.sync_conflict)).scalar()) == 0
    fields = a.server.admin(lambda c: c.execute(select(t.record.c.fields).where(t.record.c.id == nid)).scalar())
    assert fields["kind"] == "citaat"
