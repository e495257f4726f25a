"""Issue #15 attacked as a careless admin or a hostile laptop would: invisible rationales,
decisions and overleg references a sync left dangling, packs and dossiers of networks and of
empty organisations, 20,000-character unbroken texts with markup in the PDFs, and the review
cycle's edges (an APK in the future, a deleted overleg)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from inspectorapp.domain.decision_rules import ENFORCEMENT_RATIONALE, NO_ACTION_RATIONALE
from inspectorapp.domain.decision_views import DecisionDraft
from inspectorapp.domain.deliberation_views import DeliberationDraft
from inspectorapp.domain.drafts import SignalDraft
from inspectorapp.domain.enums import DeliberationKind, SignalKind, TrajectoryKind, Valence
from inspectorapp.domain.framework_codes import ActionTypeCode
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.domain.trajectory_views import TrajectoryDraft
from inspectorapp.errors import ValidationError
from inspectorapp.services import (
    decisions,
    deliberations,
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
        decisions.edit_decision(
            s, ctx, did, DecisionDraft(**{**_fields(draft), "rationale": "Besproken."}), draft
        )
        log = decisions.decision_log(s, org)
    assert [r.rationale for r in log.rows] == ["Besproken."]
    with pytest.raises(ValidationError) as err, store.transaction() as s:  # moving a decision into it is not
        other = decisions.record_decision(
            s, ctx, DecisionDraft(org, ActionTypeCode.NO_ACTION, rationale="x")
        ).value
        decisions.edit_decision(s, ctx, other, DecisionDraft(deliberation_id=overleg, rationale="x"))
    assert ("deliberation_id", "invalid_reference") in _issues(err)


def _fields(draft: DecisionDraft) -> dict[str, object]:
    return {k: getattr(draft, k) for k in DecisionDraft.__dataclass_fields__}
