"""Loading the Dutch demo data set (resources/demo/demo-nl.json) in one transaction.

Everything is read and checked first: a bad file is refused with the exact
place and nothing is written (the caller's transaction rolls back)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from inspectorapp.clock import utc_now
from inspectorapp.domain import limits
from inspectorapp.domain.changes import ChangeSet
from inspectorapp.domain.enums import (
    InspectionStatus,
    InspectionType,
    InspectorateRole,
    InvitationStatus,
    JudgementMode,
    NetworkFocus,
    NetworkLayer,
    SubjectKind,
    SupervisionLevel,
    TeamRole,
    UnitType,
)
from inspectorapp.domain.snapshots import ActionContext, OpResult
from inspectorapp.errors import DemoDataError
from inspectorapp.ids import new_id
from resources import path as resource_path
from storage import models as m

from . import audit, frameworks
from .demo_capture import CaptureLoader
from .demo_deliberation import DeliberationLoader
from .demo_outcomes import OutcomesLoader
from .demo_reader import Reader

DEMO_FILE = ("demo", "demo-nl.json")
MARKER = "demo_loaded_at"
TAXONOMIES = (
    "organisation_type",
    "sector",
    "network_role",
    "network_body",
    "life_event_type",
    "meso_theme",
    "person_role",
    "conversation_type",
    "session_event",
    "observation_item",
    "dilemma",
    "entrance",
    "channel",
    "signal_status",
    "signal_category",
    "concern_status",
    "action_type",
    "financing_domain",
)


@dataclass(frozen=True)
class DemoSummary:
    loaded: bool
    inspections: int
    signals: int
    notes: int


def demo_bytes() -> bytes:
    return resource_path(*DEMO_FILE).read_bytes()


def demo_loaded(session: Session) -> bool:
    return session.get(m.StoreMeta, MARKER) is not None


def load_demo(session: Session, ctx: ActionContext, data: bytes | None = None) -> OpResult[DemoSummary]:
    if demo_loaded(session):
        return OpResult(DemoSummary(False, 0, 0, 0), ChangeSet())
    try:
        raw = json.loads((data if data is not None else demo_bytes()).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DemoDataError(f"demo file is not valid JSON: {exc}") from exc
    loader = _Loader(session, raw)
    outbox_before = session.scalar(select(func.max(m.Outbox.seq))) or 0
    loader.run()
    # Insert table by table in foreign-key order: the models carry no relationship()s
    # for the unit of work to order by, and foreign keys are enforced.
    order = {t.name: n for n, t in enumerate(m.Base.metadata.sorted_tables)}
    for _, group in groupby(
        sorted(loader.rows, key=lambda r: order[r.__tablename__]), key=lambda r: order[r.__tablename__]
    ):
        session.add_all(list(group))
        session.flush()
    session.add(m.StoreMeta(key=MARKER, value=utc_now().isoformat()))
    session.flush()
    # Demo data is local only: it must never reach the office store (docs/decisions/0005).
    session.execute(delete(m.Outbox).where(m.Outbox.seq > outbox_before))
    audit.record(session, ctx, "demo.load", details_count=len(loader.rows))
    summary = DemoSummary(True, loader.count["inspection"], loader.count["signal"], loader.count["note"])
    return OpResult(summary, ChangeSet.all())


class _Loader(CaptureLoader, OutcomesLoader, DeliberationLoader):
    def __init__(self, session: Session, raw: Any) -> None:
        self.session = session
        self.rows: list[Any] = []
        self.count = {"inspection": 0, "signal": 0, "note": 0}
        probe = Reader({})
        self.top = probe.obj(
            raw,
            "document",
            ("format", "format_version", "framework"),
            (
                "organisations",
                "networks",
                "life_events",
                "inspections",
                "signals",
                "signal_links",
                "concerns",
                "interventions",
                "deliberations",
                "trajectories",
                "account_holders",
            ),
        )
        if self.top["format"] != "veldwerk-demo" or self.top["format_version"] != 1:
            raise probe.fail("format", "not a veldwerk-demo version 1 file")
        fw = probe.obj(self.top["framework"], "framework", ("key", "version"), ())
        self.fv_id = frameworks.find_version(session, fw["key"], fw["version"])
        self.r = Reader({t: frameworks.codes(session, t, self.fv_id) for t in TAXONOMIES})

    def add(self, row: Any) -> Any:
        self.rows.append(row)
        return row

    def run(self) -> None:
        r, top = self.r, self.top
        for n, o in enumerate(r.items(top, "organisations", "document")):
            self.organisation(o, f"organisations[{n}]")
        for n, net in enumerate(r.items(top, "networks", "document")):
            self.network(net, f"networks[{n}]")
        for n, ev in enumerate(r.items(top, "life_events", "document")):
            self.life_event(ev, f"life_events[{n}]")
        inspections = r.items(top, "inspections", "document")
        for n, insp in enumerate(inspections):
            self.inspection(insp, f"inspections[{n}]")
        for n, s in enumerate(r.items(top, "signals", "document")):
            self.signal(s, f"signals[{n}]")
        for n, link in enumerate(r.items(top, "signal_links", "document")):
            self.signal_link(link, f"signal_links[{n}]")
        self.define_decisions()  # a concern's status history may name one
        for n, c in enumerate(r.items(top, "concerns", "document")):
            self.concern(c, f"concerns[{n}]")
        for n, insp in enumerate(inspections):  # findings cite signals: after them
            self.outcomes(insp, f"inspections[{n}]")
        for n, i in enumerate(r.items(top, "interventions", "document")):  # may cite findings
            self.intervention(i, f"interventions[{n}]")
        self.deliberations()
        self.trajectories()
        self.account_holders()

    def organisation(self, o: Any, w: str) -> None:
        r = self.r
        o = r.obj(o, w, ("ref", "name"), ("org_type", "sector", "region", "description", "units", "contacts"))
        oid = new_id()
        r.define(w, o["ref"], "organisation", oid)
        self.add(
            m.Organisation(
                id=oid,
                name=r.text(f"{w}.name", o["name"], limits.NAME, True),
                org_type=r.code(f"{w}.org_type", o.get("org_type"), "organisation_type"),
                sector=r.code(f"{w}.sector", o.get("sector"), "sector"),
                region=r.text(f"{w}.region", o.get("region"), limits.NAME),
                description=r.text(f"{w}.description", o.get("description"), limits.LONG_TEXT),
            )
        )
        self.contacts(o, w, oid)
        for k, u in enumerate(r.items(o, "units", w)):
            uw = f"{w}.units[{k}]"
            u = r.obj(u, uw, ("ref", "unit_type", "name"), ())
            uid = new_id()
            r.define(uw, u["ref"], "unit", uid)
            self.add(
                m.Unit(
                    id=uid,
                    organisation_id=oid,
                    unit_type=r.choice(f"{uw}.unit_type", u["unit_type"], UnitType),
                    name=r.text(f"{uw}.name", u["name"], limits.NAME, True),
                )
            )

    def network(self, net: Any, w: str) -> None:
        r = self.r
        net = r.obj(
            net,
            w,
            ("ref", "name", "focus"),
            ("region", "description", "financing_domains", "members", "bodies"),
        )
        nid = new_id()
        r.define(w, net["ref"], "network", nid)
        self.add(
            m.Network(
                id=nid,
                name=r.text(f"{w}.name", net["name"], limits.NAME, True),
                focus=r.choice(f"{w}.focus", net["focus"], NetworkFocus),
                region=r.text(f"{w}.region", net.get("region"), limits.NAME),
                description=r.text(f"{w}.description", net.get("description"), limits.LONG_TEXT),
                financing_domains=r.code_list(
                    f"{w}.financing_domains", net.get("financing_domains"), "financing_domain"
                ),
            )
        )
        for k, mem in enumerate(r.items(net, "members", w)):
            mw = f"{w}.members[{k}]"
            mem = r.obj(mem, mw, ("organisation", "layer"), ("roles",))
            self.add(
                m.NetworkMembership(
                    network_id=nid,
                    organisation_id=r.resolve(
                        f"{mw}.organisation", mem["organisation"], "organisation", True
                    ),
                    layer=r.choice(f"{mw}.layer", mem["layer"], NetworkLayer),
                    roles=r.code_list(f"{mw}.roles", mem.get("roles"), "network_role"),
                )
            )
        for k, b in enumerate(r.items(net, "bodies", w)):
            bw = f"{w}.bodies[{k}]"
            b = r.obj(b, bw, ("ref", "body_type", "name"), ())
            bid = new_id()
            r.define(bw, b["ref"], "body", bid)
            self.add(
                m.NetworkBody(
                    id=bid,
                    network_id=nid,
                    body_type=r.code(f"{bw}.body_type", b["body_type"], "network_body", True),
                    name=r.text(f"{bw}.name", b["name"], limits.NAME, True),
                )
            )

    def life_event(self, ev: Any, w: str) -> None:
        r = self.r
        ev = r.obj(
            ev,
            w,
            ("event_type", "occurred_on", "description"),
            ("organisation", "network", "source"),
        )
        org = r.resolve(f"{w}.organisation", ev.get("organisation"), "organisation")
        net = r.resolve(f"{w}.network", ev.get("network"), "network")
        if org is None and net is None:
            raise r.fail(w, "needs an organisation or a network")
        self.add(
            m.LifeEvent(
                organisation_id=org,
                network_id=net,
                event_type=r.code(f"{w}.event_type", ev["event_type"], "life_event_type", True),
                occurred_on=r.day(f"{w}.occurred_on", ev["occurred_on"], True),
                description=r.text(f"{w}.description", ev["description"], limits.LONG_TEXT, True),
                source=r.text(f"{w}.source", ev.get("source"), limits.SHORT_TEXT),
            )
        )

    def inspection(self, insp: Any, w: str) -> None:
        r = self.r
        insp = r.obj(
            insp,
            w,
            (
                "ref",
                "title",
                "inspection_type",
                "declared_role",
                "status",
                "subjects",
                "team",
                "visits",
            ),
            (
                "purpose",
                "level",
                "started_on",
                "ended_on",
                "theme_codes",
                "open_questions",
                "confidentiality_agreement",
                "invitations",
                "findings",
                "reflections",
                "judgement_mode",
                "report_drafts",
            ),
        )
        iid = new_id()
        r.define(w, insp["ref"], "inspection", iid)
        self.count["inspection"] += 1
        self.add(
            m.Inspection(
                id=iid,
                title=r.text(f"{w}.title", insp["title"], limits.NAME, True),
                inspection_type=r.choice(f"{w}.inspection_type", insp["inspection_type"], InspectionType),
                purpose=r.text(f"{w}.purpose", insp.get("purpose"), limits.LONG_TEXT) or "",
                declared_role=r.choice(f"{w}.declared_role", insp["declared_role"], InspectorateRole),
                level=r.choice(f"{w}.level", insp.get("level", "meso"), SupervisionLevel),
                status=r.choice(f"{w}.status", insp["status"], InspectionStatus),
                framework_version_id=self.fv_id,
                theme_codes=r.code_list(f"{w}.theme_codes", insp.get("theme_codes"), "meso_theme"),
                open_questions=r.text(f"{w}.open_questions", insp.get("open_questions"), limits.LONG_TEXT),
                confidentiality_agreement=r.text(
                    f"{w}.confidentiality_agreement",
                    insp.get("confidentiality_agreement"),
                    limits.LONG_TEXT,
                ),
                started_on=r.day(f"{w}.started_on", insp.get("started_on")),
                ended_on=r.day(f"{w}.ended_on", insp.get("ended_on")),
                judgement_mode=r.choice(
                    f"{w}.judgement_mode", insp.get("judgement_mode", "formatief"), JudgementMode
                ),
            )
        )
        for k, s in enumerate(r.items(insp, "subjects", w)):
            sw = f"{w}.subjects[{k}]"
            s = r.obj(s, sw, (), ("organisation", "network", "client_network"))
            if "organisation" in s:
                row = m.InspectionSubject(
                    inspection_id=iid,
                    subject_kind=SubjectKind.ORGANISATION,
                    organisation_id=r.resolve(sw, s["organisation"], "organisation", True),
                )
            elif "network" in s:
                row = m.InspectionSubject(
                    inspection_id=iid,
                    subject_kind=SubjectKind.NETWORK,
                    network_id=r.resolve(sw, s["network"], "network", True),
                )
            else:
                row = m.InspectionSubject(
                    inspection_id=iid,
                    subject_kind=SubjectKind.CLIENT_NETWORK,
                    description=r.text(sw, s.get("client_network"), limits.SHORT_TEXT, True),
                )
            self.add(row)
        for k, t in enumerate(r.items(insp, "team", w)):
            tw = f"{w}.team[{k}]"
            t = r.obj(t, tw, ("display_name", "team_role"), ())
            self.add(
                m.InspectionMember(
                    inspection_id=iid,
                    display_name=r.text(tw, t["display_name"], limits.NAME, True),
                    team_role=r.choice(f"{tw}.team_role", t["team_role"], TeamRole),
                )
            )
        for k, inv in enumerate(r.items(insp, "invitations", w)):
            vw = f"{w}.invitations[{k}]"
            inv = r.obj(inv, vw, ("reason", "status"), ("organisation", "role_code"))
            self.add(
                m.Invitation(
                    inspection_id=iid,
                    organisation_id=r.resolve(f"{vw}.organisation", inv.get("organisation"), "organisation"),
                    role_code=r.code(f"{vw}.role_code", inv.get("role_code"), "person_role"),
                    reason=r.text(f"{vw}.reason", inv["reason"], limits.SHORT_TEXT) or "",
                    status=r.choice(f"{vw}.status", inv["status"], InvitationStatus),
                )
            )
        for k, v in enumerate(r.items(insp, "visits", w)):
            self.visit(iid, v, f"{w}.visits[{k}]")

    def visit(self, iid: str, v: Any, w: str) -> None:
        r = self.r
        v = r.obj(v, w, ("ref", "visit_date", "conversations"), ("location", "announced", "description"))
        vid = new_id()
        r.define(w, v["ref"], "visit", vid)
        self.add(
            m.Visit(
                id=vid,
                inspection_id=iid,
                visit_date=r.day(f"{w}.visit_date", v["visit_date"], True),
                location=r.text(f"{w}.location", v.get("location"), limits.NAME) or "",
                announced=r.flag(f"{w}.announced", v.get("announced"), True),
                description=r.text(f"{w}.description", v.get("description"), limits.LONG_TEXT),
            )
        )
        for k, c in enumerate(r.items(v, "conversations", w)):
            self.conversation(vid, c, f"{w}.conversations[{k}]")
