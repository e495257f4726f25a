"""Demo data of the team's deliberation: overleg with their agendas and decisions,
supervision trajectories with reporting duties and the reports received, and the account
holders of organisations and networks (read as strictly as the rest of the demo file).

Decision refs are defined before the concerns are read (``define_decisions``), so a step
of a concern's status history can name the decision that made it."""

from __future__ import annotations

from typing import Any

from inspectorapp.domain import limits
from inspectorapp.domain.enums import Confidentiality, DeliberationKind, ReportFrequency, TrajectoryKind
from inspectorapp.ids import new_id
from storage import models as m

from .demo_reader import Reader

_SUBJECT = ("organisation", "network")


class DeliberationLoader:
    """Mixed into the demo loader, which provides ``r`` (Reader), ``top`` and ``add``."""

    r: Reader
    top: dict[str, Any]

    def add(self, row: Any) -> Any:
        raise NotImplementedError

    def _subject(self, raw: dict[str, Any], w: str) -> tuple[str | None, str | None]:
        r = self.r
        org = r.resolve(f"{w}.organisation", raw.get("organisation"), "organisation")
        net = r.resolve(f"{w}.network", raw.get("network"), "network")
        if (org is None) == (net is None):
            raise r.fail(w, "names exactly one organisation or network")
        return org, net

    def define_decisions(self) -> None:
        """Give every decision its id now: concern histories read later may name one."""
        r = self.r
        for n, d in enumerate(r.items(self.top, "deliberations", "document")):
            w = f"deliberations[{n}]"
            if not isinstance(d, dict):
                raise r.fail(w, "must be an object")
            for k, dec in enumerate(r.items(d, "decisions", w)):
                if not isinstance(dec, dict):
                    raise r.fail(f"{w}.decisions[{k}]", "must be an object")
                r.define(f"{w}.decisions[{k}]", dec.get("ref"), "decision", new_id())

    def deliberations(self) -> None:
        r = self.r
        for n, d in enumerate(r.items(self.top, "deliberations", "document")):
            w = f"deliberations[{n}]"
            d = r.obj(
                d, w, ("kind", "held_on", "title"), ("participants", "chair", "notes", "agenda", "decisions")
            )
            did = new_id()
            held_on = r.day(f"{w}.held_on", d["held_on"], True)
            participants = r.items(d, "participants", w)
            self.add(
                m.Deliberation(
                    id=did,
                    kind=r.choice(f"{w}.kind", d["kind"], DeliberationKind),
                    held_on=held_on,
                    title=r.text(f"{w}.title", d["title"], limits.NAME, True),
                    participants="\n".join(
                        r.text(f"{w}.participants[{k}]", p, limits.NAME, True) or ""
                        for k, p in enumerate(participants)
                    ),
                    chair=r.text(f"{w}.chair", d.get("chair"), limits.NAME),
                    notes=r.text(f"{w}.notes", d.get("notes"), limits.LONG_TEXT) or "",
                )
            )
            for k, item in enumerate(r.items(d, "agenda", w)):
                iw = f"{w}.agenda[{k}]"
                org, net = self._subject(r.obj(item, iw, (), _SUBJECT), iw)
                self.add(
                    m.DeliberationItem(deliberation_id=did, organisation_id=org, network_id=net, position=k)
                )
            for k, dec in enumerate(r.items(d, "decisions", w)):
                self._decision(dec, f"{w}.decisions[{k}]", did, held_on)

    def _decision(self, dec: Any, w: str, deliberation_id: str, held_on: Any) -> None:
        r = self.r
        dec = r.obj(
            dec,
            w,
            ("ref", "rationale"),
            (*_SUBJECT, "action_type", "return_on", "decided_by", "decided_on", "signals", "concerns"),
        )
        org, net = self._subject(dec, w)
        action_type = r.code(f"{w}.action_type", dec.get("action_type"), "action_type")
        return_on = r.day(f"{w}.return_on", dec.get("return_on"))
        if action_type is None and return_on is None:
            raise r.fail(w, "needs an action_type or a return_on date")
        decision_id = r.resolve(f"{w}.ref", dec["ref"], "decision", True)
        self.add(
            m.Decision(
                id=decision_id,
                deliberation_id=deliberation_id,
                organisation_id=org,
                network_id=net,
                action_type=action_type,
                return_on=return_on,
                rationale=r.text(f"{w}.rationale", dec["rationale"], limits.LONG_TEXT, True),
                decided_by=r.text(f"{w}.decided_by", dec.get("decided_by"), limits.NAME),
                decided_on=r.day(f"{w}.decided_on", dec.get("decided_on")) or held_on,
            )
        )
        for k, ref in enumerate(r.items(dec, "signals", w)):
            sid = r.resolve(f"{w}.signals[{k}]", ref, "signal", True)
            self.add(m.DecisionSubject(decision_id=decision_id, signal_id=sid))
        for k, ref in enumerate(r.items(dec, "concerns", w)):
            cid = r.resolve(f"{w}.concerns[{k}]", ref, "concern", True)
            self.add(m.DecisionSubject(decision_id=decision_id, concern_id=cid))

    def trajectories(self) -> None:
        r = self.r
        for n, t in enumerate(r.items(self.top, "trajectories", "document")):
            w = f"trajectories[{n}]"
            t = r.obj(
                t,
                w,
                ("kind", "started_on", "rationale"),
                (
                    *_SUBJECT,
                    "ended_on",
                    "end_rationale",
                    "conditions",
                    "board_informed",
                    "board_informed_on",
                    "owner",
                    "decision",
                    "duties",
                ),
            )
            org, net = self._subject(t, w)
            tid = new_id()
            conditions = r.items(t, "conditions", w)
            self.add(
                m.Trajectory(
                    id=tid,
                    organisation_id=org,
                    network_id=net,
                    kind=r.choice(f"{w}.kind", t["kind"], TrajectoryKind),
                    started_on=r.day(f"{w}.started_on", t["started_on"], True),
                    ended_on=r.day(f"{w}.ended_on", t.get("ended_on")),
                    rationale=r.text(f"{w}.rationale", t["rationale"], limits.LONG_TEXT, True),
                    end_rationale=r.text(f"{w}.end_rationale", t.get("end_rationale"), limits.LONG_TEXT),
                    conditions="\n".join(
                        r.text(f"{w}.conditions[{k}]", c, limits.SHORT_TEXT, True) or ""
                        for k, c in enumerate(conditions)
                    ),
                    board_informed=bool(r.flag(f"{w}.board_informed", t.get("board_informed"))),
                    board_informed_on=r.day(f"{w}.board_informed_on", t.get("board_informed_on")),
                    owner=r.text(f"{w}.owner", t.get("owner"), limits.NAME),
                    decision_id=r.resolve(f"{w}.decision", t.get("decision"), "decision"),
                )
            )
            for k, duty in enumerate(r.items(t, "duties", w)):
                self._duty(duty, f"{w}.duties[{k}]", tid)

    def _duty(self, duty: Any, w: str, trajectory_id: str) -> None:
        r = self.r
        duty = r.obj(duty, w, ("subject", "frequency", "first_due_on"), ("reports",))
        uid = new_id()
        self.add(
            m.ReportingDuty(
                id=uid,
                trajectory_id=trajectory_id,
                subject=r.text(f"{w}.subject", duty["subject"], limits.SHORT_TEXT, True),
                frequency=r.choice(f"{w}.frequency", duty["frequency"], ReportFrequency),
                first_due_on=r.day(f"{w}.first_due_on", duty["first_due_on"], True),
            )
        )
        for k, rep in enumerate(r.items(duty, "reports", w)):
            rw = f"{w}.reports[{k}]"
            rep = r.obj(rep, rw, ("due_on", "received_on"), ("summary", "signal"))
            self.add(
                m.TrajectoryReport(
                    duty_id=uid,
                    due_on=r.day(f"{rw}.due_on", rep["due_on"], True),
                    received_on=r.day(f"{rw}.received_on", rep["received_on"], True),
                    summary=r.text(f"{rw}.summary", rep.get("summary"), limits.LONG_TEXT) or "",
                    signal_id=r.resolve(f"{rw}.signal", rep.get("signal"), "signal"),
                )
            )

    def account_holders(self) -> None:
        r = self.r
        for n, a in enumerate(r.items(self.top, "account_holders", "document")):
            w = f"account_holders[{n}]"
            a = r.obj(a, w, ("holder", "since"), (*_SUBJECT, "reason", "recorded_by"))
            org, net = self._subject(a, w)
            self.add(
                m.AccountHolder(
                    organisation_id=org,
                    network_id=net,
                    holder=r.text(f"{w}.holder", a["holder"], limits.NAME, True),
                    since=r.day(f"{w}.since", a["since"], True),
                    reason=r.text(f"{w}.reason", a.get("reason"), limits.SHORT_TEXT),
                    recorded_by=r.text(f"{w}.recorded_by", a.get("recorded_by"), limits.NAME),
                )
            )

    def contacts(self, o: dict[str, Any], w: str, organisation_id: str) -> None:
        """An organisation's key contacts, role first (the handover dossier lists them)."""
        r = self.r
        for k, p in enumerate(r.items(o, "contacts", w)):
            pw = f"{w}.contacts[{k}]"
            p = r.obj(p, pw, ("role",), ("name", "function_title", "confidentiality"))
            self.add(
                m.Person(
                    organisation_id=organisation_id,
                    role_code=r.code(f"{pw}.role", p["role"], "person_role", True),
                    name=r.text(f"{pw}.name", p.get("name"), limits.NAME),
                    function_title=r.text(f"{pw}.function_title", p.get("function_title"), limits.NAME),
                    confidentiality=r.choice(
                        f"{pw}.confidentiality",
                        p.get("confidentiality", Confidentiality.TEAM.value),
                        Confidentiality,
                    ),
                )
            )
