"""Issue #15 attacked as a careless admin or a hostile laptop would: invisible rationales,
decisions and overleg references a sync left dangling, packs and dossiers of networks and of
empty organisations, 20,000-character unbroken texts with markup in the PDFs, and the review
cycle's edges (an APK in the future, a deleted overleg)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from inspectorapp.domain.decision_rules import ENFORCEMENT_RATIONALE, NO_ACTION_RATIONALE
from inspectorapp.domain.decision_views import DecisionDraft, DecisionItem, DecisionItemKind
from inspectorapp.domain.deliberation_views import DeliberationDraft
from inspectorapp.domain.drafts import SignalDraft
from inspectorapp.domain.enums import (
    DeliberationKind,
    NetworkFocus,
    NetworkLayer,
    ReportFrequency,
    SignalKind,
    TrajectoryKind,
    Valence,
)
from inspectorapp.domain.framework_codes import ActionTypeCode
from inspectorapp.domain.org_drafts import MembershipDraft, NetworkDraft
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.domain.trajectory_views import DutyDraft, TrajectoryDraft
from inspectorapp.errors import ValidationError
from inspectorapp.reports.agenda_pack_pdf import agenda_pack_pdf
from inspectorapp.reports.handover_pdf import dossier_pdf
from inspectorapp.services import (
    account_holders,
    agenda_pack,
    decisions,
    deliberations,
    handover,
    networks,
    signals,
    trajectories,
)
from storage import models as m
from storage.engine import Store

from .helpers import organisation

TODAY = date.today()
INVISIBLE = ("\u200b", " \u200b\u2060\ufeff\n", "\u200e\u200f\u00ad")
MARKUP = "<b>vet</b> & <font size=40>groot</font> &amp; %s {0} %(x)s <br/>"
pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _issues(err: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(i.field, i.problem) for i in err.value.issues}


def _pdf_text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True)
    return out.stdout.decode()


def _overleg(s: Session, ctx: ActionContext, kind: DeliberationKind, day: date, *agenda: SubjectRef) -> str:
    draft = DeliberationDraft(kind=kind, held_on=day, title=f"{kind.value} {day}", agenda=tuple(agenda))
    return deliberations.create_deliberation(s, ctx, draft).value.id


def _signal(s: Session, ctx: ActionContext, org: str, text: str) -> str:
    draft = SignalDraft(
        organisation_id=org,
        kind=SignalKind.SOFT,
        valence=Valence.NEGATIVE,
        observation=text,
        observed_at=datetime.combine(TODAY - timedelta(days=3), datetime.min.time(), UTC),
    )
    return signals.capture_signal(s, ctx, draft).value.id


# ----- invisible rationales ------------------------------------------------------------------


@pytest.mark.parametrize("blank", INVISIBLE)
def test_an_invisible_rationale_is_no_rationale(store: Store, ctx: ActionContext, blank: str) -> None:
    """Zero-width spaces, word joiners, BOMs and direction marks print as nothing: a GEEN_ACTIE
    or an enforcement rung "accounted for" with them is not accounted for."""
    with store.transaction() as s:
        org = SubjectRef.organisation(organisation(s, ctx))
    for action, problem in (
        (ActionTypeCode.NO_ACTION, NO_ACTION_RATIONALE),
        (ActionTypeCode.HEIGHTENED, ENFORCEMENT_RATIONALE),
    ):
        with pytest.raises(ValidationError) as err, store.transaction() as s:
            decisions.record_decision(s, ctx, DecisionDraft(org, action, rationale=blank))
        assert ("rationale", problem) in _issues(err)
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        draft = TrajectoryDraft(TrajectoryKind.HEIGHTENED, TODAY - timedelta(days=1), rationale=blank)
        trajectories.start_trajectory(s, ctx, org, draft, TODAY)
    assert ("rationale", "required") in _issues(err)
    with store.transaction() as s:
        draft = TrajectoryDraft(TrajectoryKind.HEIGHTENED, TODAY - timedelta(days=9), rationale="Echt.")
        tid = trajectories.start_trajectory(s, ctx, org, draft, TODAY).value
        rid = decisions.record_decision(
            s, ctx, DecisionDraft(org, ActionTypeCode.NO_ACTION, rationale="Geen risico gezien.")
        ).value
    with pytest.raises(ValidationError) as err, store.transaction() as s:
        trajectories.end_trajectory(s, ctx, tid, TODAY, blank, TODAY)
    assert ("end_rationale", "required") in _issues(err)
    with pytest.raises(ValidationError) as err, store.transaction() as s:  # an edit blanking it
        decisions.edit_decision(s, ctx, rid, DecisionDraft(rationale=blank))
    assert ("rationale", NO_ACTION_RATIONALE) in _issues(err)


# ----- references a sync left dangling ---------------------------------------------------------


def test_a_decision_whose_overleg_a_colleague_deleted_can_still_be_edited(
    store: Store, ctx: ActionContext
) -> None:
    """Laptop A deletes an overleg that had no decisions there; laptop B records one in it;
    after the sync the decision points at a deleted overleg. Editing its rationale (the
    dialog sends the overleg it loaded) must not be refused for a field the user never touched."""
    with store.transaction() as s:
        org = SubjectRef.organisation(organisation(s, ctx))
        overleg = _overleg(s, ctx, DeliberationKind.MDO, TODAY, org)
        draft = DecisionDraft(org, ActionTypeCode.NO_ACTION, rationale="Eerst zien.", deliberation_id=overleg)
        did = decisions.record_decision(s, ctx, draft).value
    with store.transaction() as s:  # what the pull of A's delete does here
        row = s.get(m.Deliberation, overleg)
        assert row is not None
        row.deleted_at = datetime.now(UTC)
    with store.transaction() as s:
        decisions.edit_decision(s, ctx, did, replace(draft, rationale="Besproken."), draft)
        log = decisions.decision_log(s, org)
    assert [r.rationale for r in log.rows] == ["Besproken."]
    with pytest.raises(ValidationError) as err, store.transaction() as s:  # moving a decision into it is not
        other = decisions.record_decision(
            s, ctx, DecisionDraft(org, ActionTypeCode.NO_ACTION, rationale="x")
        ).value
        decisions.edit_decision(s, ctx, other, DecisionDraft(deliberation_id=overleg, rationale="x"))
    assert ("deliberation_id", "invalid_reference") in _issues(err)


# ----- packs and dossiers at their edges ---------------------------------------------------------

UNBROKEN = ("Onderbouwing" + MARKUP.replace(" ", "")) * 400  # no space to break a line at
LONG = UNBROKEN[: 20_000 - 20] + " einde-motivering"


def _network_with_everything(s: Session, ctx: ActionContext) -> tuple[SubjectRef, str, str]:
    """A network of one member, with hostile text in every field the pack and dossier print."""
    member = organisation(s, ctx, f"Lid {MARKUP}")
    draft = NetworkDraft(name=f"Netwerk {MARKUP}", focus=NetworkFocus.AREA)
    net = SubjectRef.network(networks.create_network(s, ctx, draft).value.id)
    networks.add_member(s, ctx, MembershipDraft(net.id, member, NetworkLayer.INNER))
    sid = _signal(s, ctx, member, f"Signaal {MARKUP}")
    account_holders.change_holder(s, ctx, net, f"Houder {MARKUP}", TODAY, f"Reden {MARKUP}")
    overleg = _overleg(s, ctx, DeliberationKind.LMO, TODAY, net)
    decisions.record_decision(
        s,
        ctx,
        DecisionDraft(
            net,
            ActionTypeCode.NO_ACTION,
            rationale=LONG,
            decided_by=f"Teamleider {MARKUP}"[:200],
            deliberation_id=overleg,
            items=(DecisionItem(DecisionItemKind.SIGNAL, sid),),
        ),
    )
    draft_t = TrajectoryDraft(
        TrajectoryKind.INTENSIFIED,
        TODAY - timedelta(days=40),
        rationale=LONG,
        conditions="\n".join(f"Afspraak {n} {MARKUP}" for n in range(30)),
        owner=f"Eigenaar {MARKUP}"[:200],
    )
    tid = trajectories.start_trajectory(s, ctx, net, draft_t, TODAY).value
    duty = DutyDraft(f"Rapportage {MARKUP}", ReportFrequency.MONTHLY, TODAY - timedelta(days=35))
    trajectories.save_duty(s, ctx, tid, duty)
    return net, overleg, member


def _flat(text: str) -> str:
    return "".join(text.split())


@pdftotext
def test_the_pack_and_dossier_of_a_network_print_huge_unbroken_hostile_text_literally(
    store: Store, ctx: ActionContext
) -> None:
    with store.transaction() as s:
        net, overleg, _member = _network_with_everything(s, ctx)
        pack = agenda_pack.agenda_pack(s, overleg, net, TODAY)
        dossier = handover.dossier(s, net, handover.reader_of(ctx), TODAY)
    assert dossier.decisions and dossier.decisions[0].rationale == LONG
    for pdf in (agenda_pack_pdf(pack, "nl", TODAY), dossier_pdf(dossier, "nl")):
        text = _pdf_text(pdf)
        flat = _flat(text)
        assert _flat(f"Netwerk {MARKUP}") in flat
        assert "Intern – niet voor verzending" in text
    dossier_text = _pdf_text(dossier_pdf(dossier, "en"))
    # the decision's and the trajectory's rationale, whole: to its last word, across pages
    assert dossier_text.count("einde-motivering") >= 2
    assert _flat(dossier_text).count(_flat(MARKUP)) >= 2 * 300
    assert _flat(f"Houder {MARKUP}") in _flat(dossier_text)


@pdftotext
def test_an_organisation_with_nothing_has_a_pack_and_a_dossier(store: Store, ctx: ActionContext) -> None:
    with store.transaction() as s:
        org = SubjectRef.organisation(organisation(s, ctx, "Leeg"))
        overleg = _overleg(s, ctx, DeliberationKind.PERIODIC, TODAY, org)
        pack = agenda_pack.agenda_pack(s, overleg, org, TODAY)
        dossier = handover.dossier(s, org, handover.reader_of(ctx), TODAY)
    for pdf in (agenda_pack_pdf(pack, "nl", TODAY), dossier_pdf(dossier, "nl")):
        assert "Intern – niet voor verzending" in _pdf_text(pdf)
