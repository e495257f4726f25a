"""Issue #15 attacked as a careless admin or a hostile laptop would: invisible rationales,
decisions and overleg references a sync left dangling, packs and dossiers of networks and of
empty organisations, 20,000-character unbroken texts with markup in the PDFs, and the review
cycle's edges (an APK in the future, a deleted overleg)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
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
from inspectorapp.executor import DbExecutor
from inspectorapp.paths import app_paths
from inspectorapp.reports.agenda_pack_pdf import agenda_pack_pdf
from inspectorapp.reports.handover_pdf import dossier_pdf
from inspectorapp.services import (
    account_holders,
    agenda_pack,
    decisions,
    deliberations,
    demo,
    handover,
    networks,
    review_cycle,
    signals,
    trajectories,
)
from inspectorapp.store_access import create_store
from inspectorapp.workspace import Workspace
from storage import models as m
from storage.engine import Store
from ui.decision_dialog import DecisionDialog
from ui.trajectory_dialog import ReportDialog
from ui.trajectory_view import SupervisionView

from .conftest import PASSPHRASE
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


# ----- hostile text on the screens ---------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    paths = app_paths(tmp_path / "home").ensure()
    ws = Workspace(
        DbExecutor(create_store(paths.store_file, PASSPHRASE)), ActionContext("Inspecteur", "device-1"), paths
    )
    ws.call(lambda s: demo.load_demo(s, ws.ctx))
    yield ws
    ws.close()


def _shown_as_typed(widget: QWidget, typed: str) -> None:
    """Every label showing ``typed`` shows it as text: not bold, not 40 points, tags visible."""
    labels = [w for w in widget.findChildren(QLabel) if typed in w.text()]
    assert labels, typed
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, (label.objectName(), label.text())


def test_overleg_titles_and_duty_subjects_are_shown_as_typed(qtbot: QtBot, workspace: Workspace) -> None:
    """An overleg title or a reporting duty's subject with tags is not rendered as rich text."""

    def plant(s: Session) -> tuple[SubjectRef, str, str]:
        org = SubjectRef.organisation(organisation(s, workspace.ctx, "Ziekenhuis Opmaak"))
        draft = DeliberationDraft(
            kind=DeliberationKind.MDO, held_on=TODAY, title=f"MDO {MARKUP}", agenda=(org,)
        )
        overleg = deliberations.create_deliberation(s, workspace.ctx, draft).value.id
        t = TrajectoryDraft(TrajectoryKind.INTENSIFIED, TODAY - timedelta(days=70), rationale="Kwetsbaar.")
        tid = trajectories.start_trajectory(s, workspace.ctx, org, t, TODAY).value
        duty = DutyDraft(f"Rapport {MARKUP}", ReportFrequency.MONTHLY, TODAY - timedelta(days=60))
        return org, overleg, trajectories.save_duty(s, workspace.ctx, tid, duty).value

    org, overleg, duty_id = workspace.call(plant)
    dialog = DecisionDialog(workspace, org, overleg)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.options is not None, timeout=10000)
    _shown_as_typed(dialog, f"MDO {MARKUP}")

    view = SupervisionView(workspace, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    view.show_subject(org)
    qtbot.waitUntil(lambda: view.late_rows.count() > 0, timeout=10000)
    _shown_as_typed(view, f"Rapport {MARKUP}")

    (v,) = workspace.call(lambda s: trajectories.trajectories_for(s, org, TODAY))
    report = ReportDialog(workspace, v.duties[0], TODAY - timedelta(days=60), [])
    qtbot.addWidget(report)
    report.show()
    _shown_as_typed(report, f"Rapport {MARKUP}")
    assert duty_id == v.duties[0].id


# ----- the review cycle's edges ---------------------------------------------------------------


def test_a_future_apk_a_deleted_one_and_one_left_off_the_agenda_do_not_count(
    store: Store, ctx: ActionContext
) -> None:
    with store.transaction() as s:
        org = SubjectRef.organisation(organisation(s, ctx, "Ziekenhuis Herhaling"))
        _signal(s, ctx, org.id, "Open signaal")  # open work, so it can be overdue
        _overleg(s, ctx, DeliberationKind.PERIODIC, TODAY + timedelta(days=30), org)  # still to come
        gone = _overleg(s, ctx, DeliberationKind.PERIODIC, TODAY - timedelta(days=10), org)
        deliberations.delete_deliberation(s, ctx, gone)
        off = _overleg(s, ctx, DeliberationKind.PERIODIC, TODAY - timedelta(days=20), org)
        (entry,) = deliberations.agenda(s, off)
        deliberations.remove_from_agenda(s, ctx, entry.item_id)
        _overleg(s, ctx, DeliberationKind.MDO, TODAY - timedelta(days=5), org)  # reviewed, not periodic
        old = _overleg(s, ctx, DeliberationKind.PERIODIC, date(2001, 1, 1), org)
    with store.session() as s:
        assert review_cycle.last_periodic_review(s, org, TODAY) == date(2001, 1, 1)
        (overdue,) = [o for o in review_cycle.overdue_for_review(s, TODAY) if o.subject == org]
        assert overdue.last_periodic == date(2001, 1, 1) and overdue.open_signals == 1
        # the pack of the overleg after the MDO looks back to the MDO, not to the future APK
        assert review_cycle.last_review_before(s, org, TODAY) == TODAY - timedelta(days=5)
        pack = agenda_pack.agenda_pack(s, old, org, TODAY)
    assert pack is not None
