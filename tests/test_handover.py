"""The handover dossier on the demo data: Ziekenhuis A's holds both its concerns, the rationale
for ending intensified supervision, its decisions and the signals that stayed soft; it is read
for a reader, so restricted and reporter-confidential items and those of an inspection the
reader is not on the team of stay out (counted), in the dossier and in its PDF, which prints
hostile markup literally."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from inspectorapp.domain.drafts import InspectionDraft, SignalDraft, SubjectDraft
from inspectorapp.domain.enums import (
    ConcernSignalRole,
    Confidentiality,
    InspectionType,
    InspectorateRole,
    ReflectionMoment,
    SignalKind,
    TeamRole,
    TrajectoryKind,
    Valence,
)
from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.handover_views import Dossier, Reader
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.subject_ref import SubjectRef
from inspectorapp.reports.handover_pdf import dossier_pdf
from inspectorapp.services import account_holders, concerns, demo, handover, inspections, signals
from inspectorapp.services.exports import ExportPathError
from storage import models as m
from storage.engine import Store

TODAY = date(2026, 12, 6)
MARKER = "GEHEIM-7731"
TEAM_MARKER = "ANDERTEAM-5519"
HOSTILE = "<b>vet</b> & <font size=40>groot</font> &amp;"


def _org(store: Store, name: str = "Ziekenhuis A") -> SubjectRef:
    with store.session() as s:
        return SubjectRef.organisation(
            s.scalars(select(m.Organisation.id).where(m.Organisation.name == name)).one()
        )


@pytest.fixture
def demo_store(store: Store, ctx: ActionContext) -> Store:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    return store


def _dossier(store: Store, subject: SubjectRef, reader: Reader) -> Dossier:
    with store.session() as s:
        return handover.dossier(s, subject, reader, TODAY)


def _ensure_ended_trajectory(store: Store, subject: SubjectRef) -> str:
    """The demo's ended intensified supervision of Ziekenhuis A: its end rationale."""
    with store.session() as s:
        ended = s.scalars(
            select(m.Trajectory).where(
                m.Trajectory.organisation_id == subject.id,
                m.Trajectory.ended_on.is_not(None),
                m.Trajectory.end_rationale.is_not(None),
            )
        ).one()
        assert ended.kind == TrajectoryKind.INTENSIFIED
        return str(ended.end_rationale)


def test_the_ziekenhuis_a_dossier(demo_store: Store, ctx: ActionContext) -> None:
    org = _org(demo_store)
    end_rationale = _ensure_ended_trajectory(demo_store, org)
    d = _dossier(demo_store, org, handover.reader_of(ctx))
    titles = {c.title for c in d.concerns} | {c.title for c in d.closed_concerns}
    assert {"Bestuur onvoldoende in control", "Mogelijk onveilig meldklimaat op 3 Oost"} <= titles
    assert all(c.closed_on is not None or c.status for c in d.closed_concerns)
    open_concern = next(c for c in d.concerns if c.title == "Mogelijk onveilig meldklimaat op 3 Oost")
    assert open_concern.signals and open_concern.hypotheses  # its evidence matrix
    ended = [t for t in d.trajectories if not t.active]
    assert any(t.end_rationale == end_rationale for t in ended)
    assert d.signals[0].status.code == SignalStatusCode.STAYS_SOFT  # the soft ones first
    assert d.signal_count >= 10 and d.timeline.items
    assert d.decisions and all(dec.rationale.strip() for dec in d.decisions)
    assert [r.written_at for r in d.reflections] == sorted(
        (r.written_at for r in d.reflections), reverse=True
    )
    assert 0 < len(d.reflections) <= handover.REFLECTIONS
    # the demo's own restricted and reporter-confidential signals are counted, not shown
    with demo_store.session() as s:
        secret = s.scalars(
            select(m.Signal).where(
                m.Signal.organisation_id == org.id,
                m.Signal.confidentiality.in_(
                    [Confidentiality.RESTRICTED, Confidentiality.REPORTER_CONFIDENTIAL]
                ),
            )
        ).all()
    assert secret and d.left_out >= len(secret)
    assert not any(s.observation[:60] in repr(d) for s in secret)


def _plant(store: Store, ctx: ActionContext, org: SubjectRef) -> None:
    """A restricted signal (attached to the open concern), a reporter-confidential person, a
    restricted person (role stays, name goes), and a signal of an inspection whose team links
    only another account."""
    with store.transaction() as s:
        concern = s.scalars(
            select(m.Concern).where(m.Concern.title == "Mogelijk onveilig meldklimaat op 3 Oost")
        ).one()
        draft = SignalDraft(
            organisation_id=org.id,
            kind=SignalKind.SOFT,
            valence=Valence.NEGATIVE,
            observation=f"Melder noemt naam van de arts: {MARKER}",
            confidentiality=Confidentiality.RESTRICTED,
            status=SignalStatusCode.STAYS_SOFT,
            observed_at=datetime(2026, 11, 2, 10, tzinfo=UTC),
        )
        sid = signals.capture_signal(s, ctx, draft).value.id
        concerns.attach_signal(s, ctx, concern.id, sid, ConcernSignalRole.SUPPORTING)
        s.add(m.Person(role_code="CONTROLLER", organisation_id=org.id, name=f"Dr. {MARKER}"))
        s.add(
            m.Person(
                role_code="ARTS",
                organisation_id=org.id,
                name=f"Zr. {MARKER}",
                confidentiality=Confidentiality.REPORTER_CONFIDENTIAL,
            )
        )
        s.add(
            m.Person(
                role_code="TEAMLEIDER",
                organisation_id=org.id,
                name="Mw. Open",
                confidentiality=Confidentiality.TEAM,
            )
        )
        other = inspections.create_inspection(
            s,
            ctx,
            InspectionDraft(
                title="Inspectie van een ander team",
                inspection_type=InspectionType.RISK,
                declared_role=InspectorateRole.COMPLIANCE,
                subjects=(SubjectDraft(organisation_id=org.id),),
            ),
        ).value
        s.add(
            m.InspectionMember(
                inspection_id=other.id, display_name="Carla", team_role=TeamRole.INSPECTOR, user_ref="carla"
            )
        )
        s.add(
            m.Reflection(
                inspection_id=other.id,
                moment=ReflectionMoment.AFTER,
                text=TEAM_MARKER,
                written_at=datetime.now(UTC),
            )
        )
        draft = replace(
            draft, observation=TEAM_MARKER, confidentiality=Confidentiality.TEAM, inspection_id=other.id
        )
        signals.capture_signal(s, ctx, draft)


def test_a_reader_sees_nothing_restricted_nor_of_another_team(demo_store: Store, ctx: ActionContext) -> None:
    org = _org(demo_store)
    before = _dossier(demo_store, org, handover.reader_of(ctx))
    _plant(demo_store, ctx, org)
    d = _dossier(demo_store, org, handover.reader_of(ctx))
    text = repr(d)
    assert MARKER not in text and TEAM_MARKER not in text
    # the restricted signal, the reporter-confidential person, the other team's signal and
    # reflection, and that inspection on the timeline
    assert d.left_out == before.left_out + 5
    roles = {c.role.code: c for c in d.contacts}
    assert roles["CONTROLLER"].name is None  # the role stays, the name goes
    assert roles["TEAMLEIDER"].name == "Mw. Open"
    assert "ARTS" not in roles
    concern = next(c for c in d.concerns if c.title == "Mogelijk onveilig meldklimaat op 3 Oost")
    assert len(concern.signals) == len(concern.matrix)
    assert concern.supporting.signals == sum(
        1 for r in concern.signals if r.role is ConcernSignalRole.SUPPORTING
    )
    # Carla is on that team: she reads its signal, not the restricted one
    carla = _dossier(demo_store, org, Reader("carla", laptop_user=False))
    assert TEAM_MARKER in repr(carla) and MARKER not in repr(carla)
    # a named successor on no team reads no inspection's items at all
    nobody = _dossier(demo_store, org, Reader("Nieuwe collega", laptop_user=False))
    assert len(_all_signals(nobody)) < len(_all_signals(d))
    pdf = _pdf_text(dossier_pdf(d, "nl"))
    assert MARKER not in pdf and TEAM_MARKER not in pdf


def _all_signals(d: Dossier) -> list[object]:
    return [s for g in d.signals for s in g.signals]


pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _pdf_text(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


@pdftotext
def test_the_pdf_holds_every_section_and_prints_markup_literally(
    demo_store: Store, ctx: ActionContext
) -> None:
    org = _org(demo_store)
    end_rationale = _ensure_ended_trajectory(demo_store, org)
    with demo_store.transaction() as s:
        account_holders.change_holder(s, ctx, org, HOSTILE, date(2026, 12, 2), "Reden <i>schuin</i>")
        draft = SignalDraft(
            organisation_id=org.id,
            kind=SignalKind.SOFT,
            valence=Valence.AMBIGUOUS,
            observation=f"Opmerking {HOSTILE}",
            status=SignalStatusCode.STAYS_SOFT,
            observed_at=datetime(2026, 11, 20, 9, tzinfo=UTC),
        )
        signals.capture_signal(s, ctx, draft)
    d = _dossier(demo_store, org, handover.reader_of(ctx))
    text = _pdf_text(dossier_pdf(d, "nl"))
    for heading in (
        "Intern – niet voor verzending",
        "Overdrachtsdossier Ziekenhuis A",
        "Accounthouder",
        "Open aandachtspunten (1)",
        "Afgesloten aandachtspunten",
        "Bestuur onvoldoende in control",
        "Mogelijk onveilig meldklimaat op 3 Oost",
        f"Signalen ({d.signal_count})",
        "Blijft zacht",
        "Tijdlijn Ziekenhuis A",
        f"Besluiten ({len(d.decisions)})",
        "Toezichtstrajecten",
        "Sleutelcontacten",
        "Laatste reflecties",
        f"+ {d.left_out} interne onderdelen niet opgenomen",
    ):
        assert heading in text, heading
    assert " ".join(end_rationale.split()[:6]) in text
    assert HOSTILE in text  # as typed: neither bold nor large nor an entity resolved
    assert "Reden <i>schuin</i>" in text
    assert text.count("Intern – niet voor verzending") >= 2 * _pages(dossier_pdf(d, "nl"))


def _pages(pdf: bytes) -> int:
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def test_write_pdf_is_crash_safe_and_audited(demo_store: Store, ctx: ActionContext, tmp_path: Path) -> None:
    org = _org(demo_store)
    d = _dossier(demo_store, org, handover.reader_of(ctx))
    target = tmp_path / handover.pdf_file_name(d)
    assert target.name == "2026-12-06 overdrachtsdossier Ziekenhuis A.pdf"
    written = handover.write_pdf(d, target, "en")
    assert target.read_bytes().startswith(b"%PDF") and written.left_out == d.left_out
    with demo_store.transaction() as s:
        handover.record_pdf(s, ctx, org, written)
    with demo_store.session() as s:
        audit = s.scalars(select(m.AuditLog).where(m.AuditLog.action == "handover.pdf")).one()
    assert audit.entity_id == org.id and audit.details["sha256"] == written.sha256
    with pytest.raises(ExportPathError):
        handover.write_pdf(d, tmp_path / "missing" / "x.pdf", "nl")
    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises(ExportPathError):
        handover.write_pdf(d, tmp_path / "folder.pdf", "nl")
