"""Demo data, third part: what inspections produce: findings with evidence (and the
explicit conversion of soft signals), interventions, reflections and report drafts."""

from __future__ import annotations

from typing import Any

from inspectorapp.domain import limits
from inspectorapp.domain.enums import (
    AddressedTo,
    EvidenceKind,
    InterventionStatus,
    Movement,
    PlanAssessment,
    ReflectionMoment,
    TrafficLight,
)
from inspectorapp.domain.report import SECTIONS_BY_TYPE, ReportType
from inspectorapp.ids import new_id
from storage import models as m

from .demo_reader import Reader
from .report_drafts import TEXT_FIELDS


class OutcomesLoader:
    """Mixin of the demo loader; expects ``self.r`` (Reader) and ``self.add``."""

    r: Reader

    def add(self, row: Any) -> Any:
        raise NotImplementedError

    def intervention(self, i: Any, w: str) -> None:
        r = self.r
        i = r.obj(
            i,
            w,
            ("action_type", "status"),
            (
                "inspection",
                "organisation",
                "network",
                "intended_message",
                "rationale",
                "owner",
                "planned_on",
                "done_on",
                "outcome",
                "institution_response",
                "finding",
                "visit",
                "assessment",
            ),
        )
        self.add(
            m.Intervention(
                inspection_id=r.resolve(f"{w}.inspection", i.get("inspection"), "inspection"),
                organisation_id=r.resolve(f"{w}.organisation", i.get("organisation"), "organisation"),
                network_id=r.resolve(f"{w}.network", i.get("network"), "network"),
                action_type=r.code(f"{w}.action_type", i["action_type"], "action_type", True),
                intended_message=r.text(f"{w}.intended_message", i.get("intended_message"), limits.LONG_TEXT),
                rationale=r.text(f"{w}.rationale", i.get("rationale"), limits.LONG_TEXT),
                owner=r.text(f"{w}.owner", i.get("owner"), limits.NAME),
                planned_on=r.day(f"{w}.planned_on", i.get("planned_on")),
                done_on=r.day(f"{w}.done_on", i.get("done_on")),
                status=r.choice(f"{w}.status", i["status"], InterventionStatus),
                outcome=r.text(f"{w}.outcome", i.get("outcome"), limits.LONG_TEXT),
                institution_response=r.text(
                    f"{w}.institution_response", i.get("institution_response"), limits.LONG_TEXT
                ),
                finding_id=r.resolve(f"{w}.finding", i.get("finding"), "finding"),
                visit_id=r.resolve(f"{w}.visit", i.get("visit"), "visit"),
                assessment=r.choice(f"{w}.assessment", i.get("assessment"), PlanAssessment, False),
            )
        )

    def outcomes(self, insp: dict[str, Any], w: str) -> None:
        r = self.r
        iid = r.resolve(w, insp["ref"], "inspection", True)
        for k, f in enumerate(r.items(insp, "findings", w)):
            fw = f"{w}.findings[{k}]"
            f = r.obj(
                f,
                fw,
                (
                    "ref",
                    "theme_code",
                    "what_we_see",
                    "what_we_think",
                    "what_next",
                    "movement",
                    "addressed_to",
                ),
                (
                    "traffic_light",
                    "organisation",
                    "context_factors",
                    "national_points",
                    "evidence",
                    "converted_signal",
                ),
            )
            fid = new_id()
            r.define(fw, f["ref"], "finding", fid)
            self.add(
                m.Finding(
                    id=fid,
                    inspection_id=iid,
                    theme_code=r.code(f"{fw}.theme_code", f["theme_code"], "meso_theme", True),
                    what_we_see=r.text(f"{fw}.what_we_see", f["what_we_see"], limits.LONG_TEXT, True),
                    what_we_think=r.text(f"{fw}.what_we_think", f["what_we_think"], limits.LONG_TEXT, True),
                    what_next=r.text(f"{fw}.what_next", f["what_next"], limits.LONG_TEXT, True),
                    movement=r.choice(f"{fw}.movement", f["movement"], Movement),
                    traffic_light=r.choice(
                        f"{fw}.traffic_light", f.get("traffic_light"), TrafficLight, False
                    ),
                    addressed_to=r.choice(f"{fw}.addressed_to", f["addressed_to"], AddressedTo),
                    organisation_id=r.resolve(f"{fw}.organisation", f.get("organisation"), "organisation"),
                    context_factors=r.text(
                        f"{fw}.context_factors", f.get("context_factors"), limits.LONG_TEXT
                    ),
                    national_points=r.text(
                        f"{fw}.national_points", f.get("national_points"), limits.LONG_TEXT
                    ),
                    converted_signal_id=r.resolve(
                        f"{fw}.converted_signal", f.get("converted_signal"), "signal"
                    ),
                )
            )
            kinds = {
                "note": EvidenceKind.NOTE,
                "signal": EvidenceKind.SIGNAL,
                "event": EvidenceKind.SESSION_EVENT,
            }
            for j, ev in enumerate(r.items(f, "evidence", fw)):
                ew = f"{fw}.evidence[{j}]"
                ev = r.obj(ev, ew, (), tuple(kinds))
                if len(ev) != 1:
                    raise r.fail(ew, "exactly one of note, signal, event")
                kind = next(iter(ev))
                self.add(
                    m.FindingEvidence(
                        finding_id=fid,
                        evidence_kind=kinds[kind],
                        evidence_id=r.resolve(ew, ev[kind], kind, True),
                    )
                )
        for k, ref in enumerate(r.items(insp, "reflections", w)):
            rw = f"{w}.reflections[{k}]"
            ref = r.obj(ref, rw, ("moment", "author", "text", "written_at"), ())
            self.add(
                m.Reflection(
                    inspection_id=iid,
                    moment=r.choice(f"{rw}.moment", ref["moment"], ReflectionMoment),
                    author=r.text(f"{rw}.author", ref["author"], limits.NAME),
                    text=r.text(f"{rw}.text", ref["text"], limits.LONG_TEXT, True),
                    written_at=r.moment(f"{rw}.written_at", ref["written_at"], True),
                )
            )
        for k, d in enumerate(r.items(insp, "report_drafts", w)):
            self.report_draft(iid or "", d, f"{w}.report_drafts[{k}]")

    def report_draft(self, inspection_id: str, d: Any, w: str) -> None:
        r = self.r
        texts = TEXT_FIELDS
        d = r.obj(d, w, ("report_type", "report_date"), (*texts, "sections", "placeholders"))
        kind = r.choice(f"{w}.report_type", d["report_type"], ReportType)
        assert kind is not None
        offered = [s.value for s in SECTIONS_BY_TYPE[kind]]
        sections = d.get("sections", offered)
        if not isinstance(sections, list) or any(s not in offered for s in sections):
            raise r.fail(f"{w}.sections", f"a list of {', '.join(offered)}")
        self.add(
            m.ReportDraft(
                inspection_id=inspection_id,
                report_type=kind,
                report_date=r.day(f"{w}.report_date", d["report_date"], True),
                **{t: r.text(f"{w}.{t}", d.get(t), limits.LONG_TEXT) or "" for t in texts},
                sections=sections,
                placeholders=d.get("placeholders", True) is not False,
            )
        )
