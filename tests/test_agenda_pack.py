"""Issue #15: an overleg and its agenda (service), and the agenda pack: exactly the signals new
since the last review, restricted items left out and counted, hostile text printed literally."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from inspectorapp.domain.concern_drafts import ConcernDraft
from inspectorapp.domain.deliberation_views import DeliberationDraft
from inspectorapp.domain.drafts import SignalDraft
from inspectorapp.domain.enums import (
    ConcernSignalRole,
    Confidentiality,
    DeliberationKind,
    NetworkFocus,
    NetworkLayer,
    SignalKind,
    SignalLinkType,
    Valence,
)
from inspectorapp.domain.org_drafts import MembershipDraft, NetworkDraft
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.errors import NotFoundError, ValidationError
from inspectorapp.reports.agenda_pack_pdf import agenda_pack_pdf
from inspectorapp.services import (
    agenda_pack,
    concerns,
    deliberations,
    networks,
    signal_links,
    signals,
    timeline,
)
from storage import models as m
from storage.engine import Store

from .helpers import organisation

HOSTILE = 'Melding <b>vet</b> & <font color="red">rood</font> &amp; <br/>'
TODAY = date(2026, 4, 20)


def _signal(
    s: Session,
    ctx: ActionContext,
    org: str,
    text: str,
    recorded: date,
    observed: date | None = None,
    confidentiality: Confidentiality = Confidentiality.TEAM,
) -> str:
    draft = SignalDraft(
        organisation_id=org,
        kind=SignalKind.SOFT,
        valence=Valence.NEGATIVE,
        observation=text,
        observed_at=datetime.combine(observed or recorded, datetime.min.time(), UTC).replace(hour=11),
        confidentiality=confidentiality,
    )
    sid = signals.capture_signal(s, ctx, draft).value.id
    row = s.get(m.Signal, sid)
    assert row is not None
    row.recorded_at = datetime.combine(recorded, datetime.min.time(), UTC).replace(hour=11)  # captured then
    s.flush()
    return sid


def _overleg(s: Session, ctx: ActionContext, kind: DeliberationKind, day: date, *orgs: str) -> str:
    draft = DeliberationDraft(
        kind,
        day,
        f"Overleg {day}",
        ("Inspecteur A", "Inspecteur B"),
        "Inspecteur A",
        "",
        tuple(SubjectRef.organisation(o) for o in orgs),
    )
    return deliberations.create_deliberation(s, ctx, draft).value.id


def test_the_pack_holds_exactly_the_signals_new_since_the_last_review(
    store: Store, ctx: ActionContext
) -> None:
    with store.transaction() as s:
        org = organisation(s, ctx, "Ziekenhuis Pakket")
        fresh = organisation(s, ctx, "Nooit besproken")
        _overleg(s, ctx, DeliberationKind.PERIODIC, date(2026, 2, 1), org)
        before = _signal(s, ctx, org, "voor de vorige bespreking", date(2026, 1, 15))
        edited = _signal(s, ctx, org, "oud maar later bewerkt", date(2026, 1, 20))
        on_the_day = _signal(s, ctx, org, "op de dag zelf", date(2026, 2, 1))
        after = _signal(s, ctx, org, "na de vorige bespreking", date(2026, 3, 10))
        late = _signal(
            s, ctx, org, "gezien in december, vastgelegd in maart", date(2026, 3, 1), date(2025, 12, 1)
        )
        next_time = _signal(s, ctx, org, "na dit overleg", date(2026, 4, 10))
        secret = _signal(s, ctx, org, "beperkt", date(2026, 3, 2), confidentiality=Confidentiality.RESTRICTED)
        melder = _signal(
            s, ctx, org, "melder", date(2026, 3, 3), confidentiality=Confidentiality.REPORTER_CONFIDENTIAL
        )
        old_fresh = _signal(s, ctx, fresh, "lang geleden", date(2024, 5, 1))
        signals.reinterpret(s, ctx, edited, "een nieuwe duiding maakt het signaal niet nieuw")
        this = _overleg(s, ctx, DeliberationKind.MDO, date(2026, 4, 1), org, fresh)
        pack = agenda_pack.agenda_pack(s, this, SubjectRef.organisation(org), TODAY)
        never = agenda_pack.agenda_pack(s, this, SubjectRef.organisation(fresh), TODAY)
    assert pack.since == date(2026, 2, 1)
    assert {p.id for p in pack.new_signals} == {on_the_day, after, late}
    assert not {before, edited, next_time, secret, melder} & {p.id for p in pack.new_signals}
    assert pack.left_out == 2
    assert never.since is None and [p.id for p in never.new_signals] == [old_fresh]


def test_a_networks_pack_holds_the_members_of_the_overleg_day_only(store: Store, ctx: ActionContext) -> None:
    """An organisation that left the network before the overleg, or joins it later, is discussed
    under its own name, not in the network's pack; the network's history views keep it."""
    with store.transaction() as s:
        net = networks.create_network(s, ctx, NetworkDraft(name="Zorgnetwerk Oost", focus=NetworkFocus.AREA))
        names = ("Thuiszorg Blijft", "Kliniek Vertrokken", "Huisartsen Later", "Apotheek Vertrekt Vandaag")
        member, left, later, today_left = (organisation(s, ctx, n) for n in names)
        spans = {
            member: (date(2024, 1, 1), None),
            left: (None, date(2026, 3, 15)),
            later: (date(2026, 5, 1), None),
            today_left: (None, date(2026, 4, 1)),
        }
        for org, (joined, gone) in spans.items():
            draft = MembershipDraft(net.value.id, org, NetworkLayer.INNER, joined_on=joined, left_on=gone)
            networks.add_member(s, ctx, draft)
        said = {org: _signal(s, ctx, org, f"signaal over {org}", date(2026, 3, 10)) for org in spans}
        subject = SubjectRef.network(net.value.id)
        draft = DeliberationDraft(
            DeliberationKind.LMO, date(2026, 4, 1), "Overleg", ("Inspecteur A",), "Inspecteur A", "", (subject,)
        )
        this = deliberations.create_deliberation(s, ctx, draft).value.id
        pack = agenda_pack.agenda_pack(s, this, subject, TODAY)
        history = timeline.timeline(s, subject, TODAY)
    assert [(p.id, p.member) for p in pack.new_signals] == [(said[member], "Thuiszorg Blijft")]
    on_the_timeline = {i.member for i in history.items if i.member}
    assert {"Thuiszorg Blijft", "Kliniek Vertrokken", "Apotheek Vertrekt Vandaag", "Huisartsen Later"} <= on_the_timeline


def test_restricted_signals_stay_out_of_matrices_and_pairs(store: Store, ctx: ActionContext) -> None:
    with store.transaction() as s:
        org = organisation(s, ctx, "Ziekenhuis Matrix")
        open_one = _signal(s, ctx, org, "open signaal", date(2026, 3, 1))
        secret = _signal(
            s, ctx, org, "beperkt signaal", date(2025, 3, 1), confidentiality=Confidentiality.RESTRICTED
        )
        other = _signal(s, ctx, org, "tegenspraak", date(2025, 3, 2))
        third = _signal(s, ctx, org, "wat men zegt", date(2025, 3, 3))
        cid = concerns.save_concern(
            s, ctx, ConcernDraft(organisation_id=org, title="Zorg om meldklimaat")
        ).value
        concerns.attach_signal(s, ctx, cid, open_one, ConcernSignalRole.SUPPORTING)
        concerns.attach_signal(s, ctx, cid, secret, ConcernSignalRole.SUPPORTING)
        signal_links.link_signals(s, ctx, other, open_one, SignalLinkType.CONTRADICTS)
        signal_links.link_signals(s, ctx, secret, third, SignalLinkType.INCONGRUENT_WITH)
        signal_links.link_signals(
            s, ctx, third, open_one, SignalLinkType.INCONGRUENT_WITH, note="zeggen vs zien"
        )
        this = _overleg(s, ctx, DeliberationKind.MDO, date(2026, 4, 1), org)
        pack = agenda_pack.agenda_pack(s, this, SubjectRef.organisation(org), TODAY)
    (concern,) = pack.concerns
    assert concern.title == "Zorg om meldklimaat"
    assert [r.signal_id for r in concern.rows] == [open_one]
    assert len(pack.pairs) == 2
    assert {p.link_type for p in pack.pairs} == {SignalLinkType.CONTRADICTS, SignalLinkType.INCONGRUENT_WITH}
    assert all("beperkt" not in p.first + p.second for p in pack.pairs)
    assert pack.left_out == 1  # one signal, however many sections it would have been in


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdf_prints_hostile_text_literally_and_leaves_restricted_out(
    store: Store, ctx: ActionContext, tmp_path: Path
) -> None:
    with store.transaction() as s:
        org = organisation(s, ctx, "Ziekenhuis <i>Schuin</i> & Co")
        _signal(s, ctx, org, HOSTILE, date(2026, 3, 1))
        _signal(s, ctx, org, "GEHEIM-BEPERKT", date(2026, 3, 2), confidentiality=Confidentiality.RESTRICTED)
        this = _overleg(s, ctx, DeliberationKind.MDO, date(2026, 4, 1), org)
        pack = agenda_pack.agenda_pack(s, this, SubjectRef.organisation(org), TODAY)
    written = agenda_pack.write_pdf(pack, tmp_path / "pakket.pdf", "nl", TODAY)
    assert written.left_out == 1
    text = subprocess.run(
        ["pdftotext", "-raw", str(written.path), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    assert HOSTILE in flat
    assert "Agendapakket Ziekenhuis <i>Schuin</i> & Co" in flat
    assert "GEHEIM-BEPERKT" not in flat
    assert "+ 1 interne signalen niet opgenomen" in flat
    assert "Nooit eerder besproken" in flat
    pages = text.split("\f")[:-1]
    assert pages and all("Intern – niet voor verzending" in p for p in pages)
    assert agenda_pack_pdf(pack, "en").count(b"%PDF") == 1


# ----- the overleg service ---------------------------------------------------------------


def test_create_edit_reorder_and_delete_an_overleg(store: Store, ctx: ActionContext) -> None:
    with store.transaction() as s:
        a, b, c = (organisation(s, ctx, name) for name in ("A", "B", "C"))
        draft = DeliberationDraft(
            DeliberationKind.MDO,
            date(2026, 3, 12),
            "MDO",
            ("Jan", " Jan ", "", "Piet"),
            None,
            "",
            (SubjectRef.organisation(a), SubjectRef.organisation(b)),
        )
        made = deliberations.create_deliberation(s, ctx, draft)
        view = made.value
        assert made.changes.touches("deliberation") and made.changes.touches("deliberation_item")
        assert view.participants == ("Jan", "Piet")
        assert [e.name for e in view.agenda] == ["A", "B"]
        view = deliberations.add_to_agenda(s, ctx, view.id, SubjectRef.organisation(c)).value
        view = deliberations.move_on_agenda(s, ctx, view.agenda[2].item_id, -2).value
        assert [e.name for e in view.agenda] == ["C", "A", "B"]
        view = deliberations.remove_from_agenda(s, ctx, view.agenda[1].item_id).value
        assert [e.name for e in view.agenda] == ["C", "B"]
        edited = DeliberationDraft(
            DeliberationKind.PERIODIC,
            date(2026, 3, 13),
            "APK",
            (),
            "Jan",
            "notities",
            (SubjectRef.organisation(b), SubjectRef.organisation(a)),
        )
        view = deliberations.update_deliberation(s, ctx, view.id, edited).value
        assert (view.kind, view.held_on, view.chair) == (DeliberationKind.PERIODIC, date(2026, 3, 13), "Jan")
        assert [e.name for e in view.agenda] == ["B", "A"]
        assert [d.id for d in deliberations.list_deliberations(s)] == [view.id]
        with pytest.raises(ValidationError) as dup:
            deliberations.add_to_agenda(s, ctx, view.id, SubjectRef.organisation(a))
        assert dup.value.issues[0].problem == "duplicate"
        s.add(
            m.Decision(
                deliberation_id=view.id,
                organisation_id=a,
                action_type="GEEN_ACTIE",
                rationale="r",
                decided_on=date(2026, 3, 13),
            )
        )
        s.flush()
        with pytest.raises(ValidationError) as kept:
            deliberations.delete_deliberation(s, ctx, view.id)
        assert kept.value.issues[0].problem == "has_decisions"
        other = deliberations.create_deliberation(
            s, ctx, DeliberationDraft(DeliberationKind.TEAM, date(2026, 1, 1))
        ).value
        deliberations.delete_deliberation(s, ctx, other.id)
        with pytest.raises(NotFoundError):
            deliberations.view(s, other.id)


def test_invalid_overleg_is_refused_with_every_problem(store: Store, ctx: ActionContext) -> None:
    with store.transaction() as s:
        org = organisation(s, ctx)
        draft = DeliberationDraft(
            "geen-soort",  # type: ignore[arg-type]
            None,
            "x" * 300,
            (),
            None,
            "",
            (
                SubjectRef.organisation(org),
                SubjectRef.organisation(org),
                SubjectRef.network("00000000-0000-0000-0000-000000000000"),
            ),
        )
        with pytest.raises(ValidationError) as refused:
            deliberations.create_deliberation(s, ctx, draft)
    problems = {(i.field, i.problem) for i in refused.value.issues}
    assert problems == {
        ("kind", "invalid_choice"),
        ("held_on", "required"),
        ("title", "too_long"),
        ("agenda[1]", "duplicate"),
        ("agenda[2]", "invalid_reference"),
    }
