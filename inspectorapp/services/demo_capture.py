"""Demo data, second half: what happens inside conversations (notes, turns, events,
scores), signals and their links, concerns."""

from __future__ import annotations

from typing import Any

from inspectorapp.domain import limits
from inspectorapp.domain.enums import (
    Certainty,
    ConcernSignalRole,
    Confidentiality,
    EvidenceKind,
    NoteKind,
    PartialInterest,
    Presence,
    ReportUse,
    Severity,
    SignalKind,
    SignalLinkType,
    SourceType,
    Valence,
)
from inspectorapp.domain.framework_codes import SignalStatusCode
from inspectorapp.domain.report_rules import CONFIDENTIAL
from inspectorapp.ids import new_id
from storage import models as m

from . import demo_sense
from .demo_reader import Reader


class CaptureLoader:
    """Mixin of the demo loader; expects ``self.r`` (Reader), ``self.add`` and ``self.count``."""

    r: Reader
    count: dict[str, int]

    def add(self, row: Any) -> Any:
        raise NotImplementedError

    def conversation(self, vid: str, c: Any, w: str) -> None:
        r = self.r
        c = r.obj(
            c,
            w,
            ("ref", "conversation_type", "title", "starts_at"),
            ("ends_at", "network_body", "participants", "notes", "turns", "events", "scores"),
        )
        cid = new_id()
        r.define(w, c["ref"], "conversation", cid)
        starts = r.moment(f"{w}.starts_at", c["starts_at"], True)
        ends = r.moment(f"{w}.ends_at", c.get("ends_at"))
        if ends is not None and starts is not None and ends < starts:
            raise r.fail(f"{w}.ends_at", "before starts_at")
        self.add(
            m.Conversation(
                id=cid,
                visit_id=vid,
                conversation_type=r.code(
                    f"{w}.conversation_type", c["conversation_type"], "conversation_type", True
                ),
                title=r.text(f"{w}.title", c["title"], limits.NAME, True),
                starts_at=starts,
                ends_at=ends,
                network_body_id=r.resolve(f"{w}.network_body", c.get("network_body"), "body"),
            )
        )
        local: dict[str, tuple[str, str]] = {}
        for k, p in enumerate(r.items(c, "participants", w)):
            pw = f"{w}.participants[{k}]"
            p = r.obj(
                p,
                pw,
                ("ref", "role_code", "presence"),
                ("organisation", "label", "has_mandate", "mandate_note"),
            )
            pid = new_id()
            r.define(pw, p["ref"], "participant", pid)
            local[p["ref"]] = ("participant", pid)
            self.add(
                m.Participant(
                    id=pid,
                    conversation_id=cid,
                    role_code=r.code(f"{pw}.role_code", p["role_code"], "person_role", True),
                    organisation_id=r.resolve(f"{pw}.organisation", p.get("organisation"), "organisation"),
                    label=r.text(f"{pw}.label", p.get("label"), limits.NAME),
                    presence=r.choice(f"{pw}.presence", p["presence"], Presence),
                    has_mandate=r.flag(f"{pw}.has_mandate", p.get("has_mandate"), None),
                    mandate_note=r.text(f"{pw}.mandate_note", p.get("mandate_note"), limits.SHORT_TEXT),
                    position=k,
                )
            )
        for k, n in enumerate(r.items(c, "notes", w)):
            self.note(cid, n, f"{w}.notes[{k}]", k, local)
        for k, t in enumerate(r.items(c, "turns", w)):
            tw = f"{w}.turns[{k}]"
            t = r.obj(t, tw, ("participant", "at"), ())
            self.add(
                m.SpeakingTurn(
                    conversation_id=cid,
                    participant_id=self.local(tw, t["participant"], local, "participant"),
                    occurred_at=r.moment(f"{tw}.at", t["at"], True),
                )
            )
        for k, e in enumerate(r.items(c, "events", w)):
            ew = f"{w}.events[{k}]"
            e = r.obj(e, ew, ("ref", "code", "at"), ("participant", "text", "for_report", "confidentiality"))
            eid = new_id()
            r.define(ew, e["ref"], "event", eid)
            local[e["ref"]] = ("event", eid)
            self.add(
                m.SessionEvent(
                    id=eid,
                    conversation_id=cid,
                    event_code=r.code(f"{ew}.code", e["code"], "session_event", True),
                    participant_id=self.local(ew, e.get("participant"), local, "participant")
                    if e.get("participant")
                    else None,
                    occurred_at=r.moment(f"{ew}.at", e["at"], True),
                    text=r.text(f"{ew}.text", e.get("text"), limits.PARAGRAPH),
                    **self.release(ew, e),
                )
            )
        for k, s in enumerate(r.items(c, "scores", w)):
            self.score(cid, s, f"{w}.scores[{k}]", local)

    def release(self, w: str, raw: dict[str, Any]) -> dict[str, Any]:
        """An event's or score's report release (decision 0009), as the inspector would have
        set it with ``group_sessions.set_report_release``: never a confidential one."""
        r = self.r
        level = r.choice(f"{w}.confidentiality", raw.get("confidentiality", "TEAM"), Confidentiality)
        release = r.flag(f"{w}.for_report", raw.get("for_report"))
        if release and level in CONFIDENTIAL:
            raise r.fail(f"{w}.for_report", "a confidential item is never released for the report")
        return {"confidentiality": level, "for_report": release}

    def local(self, w: str, ref: Any, local: dict[str, tuple[str, str]], kind: str) -> str:
        found = local.get(ref) if isinstance(ref, str) else None
        if found is None or found[0] != kind:
            raise self.r.fail(w, f"{ref!r} is not a {kind} of this conversation")
        return found[1]

    def note(self, cid: str, n: Any, w: str, k: int, local: dict[str, tuple[str, str]]) -> None:
        r = self.r
        n = r.obj(
            n,
            w,
            ("ref", "at", "kind", "text"),
            (
                "speaker",
                "speaker_role",
                "theme_codes",
                "confidentiality",
                "about_absent_party",
                "partial_interest",
                "followed_up",
                "for_report",
            ),
        )
        nid = new_id()
        r.define(w, n["ref"], "note", nid)
        local[n["ref"]] = ("note", nid)
        self.count["note"] += 1
        self.add(
            m.NoteParagraph(
                id=nid,
                conversation_id=cid,
                position=(k + 1) * 1024,
                occurred_at=r.moment(f"{w}.at", n["at"], True),
                kind=r.choice(f"{w}.kind", n["kind"], NoteKind),
                speaker_participant_id=self.local(f"{w}.speaker", n["speaker"], local, "participant")
                if n.get("speaker")
                else None,
                speaker_role=r.code(f"{w}.speaker_role", n.get("speaker_role"), "person_role"),
                text=r.text(f"{w}.text", n["text"], limits.PARAGRAPH, True),
                theme_codes=r.code_list(f"{w}.theme_codes", n.get("theme_codes"), "meso_theme"),
                confidentiality=r.choice(
                    f"{w}.confidentiality", n.get("confidentiality", "TEAM"), Confidentiality
                ),
                about_absent_party=r.flag(f"{w}.about_absent_party", n.get("about_absent_party")),
                partial_interest=r.choice(
                    f"{w}.partial_interest", n.get("partial_interest", "geen"), PartialInterest
                ),
                followed_up=r.flag(f"{w}.followed_up", n.get("followed_up")),
                for_report=r.flag(f"{w}.for_report", n.get("for_report")),
            )
        )

    def score(self, cid: str, s: Any, w: str, local: dict[str, tuple[str, str]]) -> None:
        r = self.r
        s = r.obj(
            s,
            w,
            ("item",),
            (
                "value",
                "value_code",
                "comment",
                "discussed",
                "deliberate_choice",
                "evidence",
                "for_report",
                "confidentiality",
            ),
        )
        item = s["item"]
        if item not in r.codes["observation_item"] and item not in r.codes["dilemma"]:
            raise r.fail(f"{w}.item", f"unknown observation item or dilemma {item!r}")
        sid = new_id()
        value = r.integer(f"{w}.value", s.get("value"), -2, 100_000)
        self.add(
            m.ObservationScore(
                id=sid,
                conversation_id=cid,
                item_code=item,
                value=value,
                value_code=r.text(f"{w}.value_code", s.get("value_code"), limits.CODE),
                comment=r.text(f"{w}.comment", s.get("comment"), limits.PARAGRAPH),
                discussed=r.flag(f"{w}.discussed", s.get("discussed"), None),
                deliberate_choice=r.flag(f"{w}.deliberate_choice", s.get("deliberate_choice"), None),
                **self.release(w, s),
            )
        )
        evidence = r.items(s, "evidence", w)
        if value not in (None, 0) and not evidence:
            raise r.fail(w, "a non-neutral score needs evidence")
        for k, ev in enumerate(evidence):
            ew = f"{w}.evidence[{k}]"
            ev = r.obj(ev, ew, (), ("note", "event"))
            kind = "note" if "note" in ev else "event"
            eid = self.local(ew, ev.get(kind), local, kind)
            self.add(
                m.ObservationEvidence(
                    score_id=sid,
                    evidence_id=eid,
                    evidence_kind=EvidenceKind.NOTE if kind == "note" else EvidenceKind.SESSION_EVENT,
                )
            )

    def signal(self, s: Any, w: str) -> None:
        r = self.r
        s = r.obj(
            s,
            w,
            ("ref", "organisation", "kind", "valence", "observed_at", "observation"),
            (
                "unit",
                "network",
                "inspection",
                "visit",
                "conversation",
                "note",
                "entrance",
                "channel",
                "source_type",
                "source_key",
                "observed_by",
                "quote",
                "quote_speaker_role",
                "interpretation",
                "alternative_explanation",
                "strength",
                "certainty",
                "possible_severity",
                "status",
                "hook",
                "report_use",
                "confidentiality",
                "review_by",
                "categories",
            ),
        )
        sid = new_id()
        r.define(w, s["ref"], "signal", sid)
        self.count["signal"] += 1
        observed = r.moment(f"{w}.observed_at", s["observed_at"], True)
        interpretation = r.text(f"{w}.interpretation", s.get("interpretation"), limits.PARAGRAPH)
        self.add(
            m.Signal(
                id=sid,
                organisation_id=r.resolve(f"{w}.organisation", s["organisation"], "organisation", True),
                unit_id=r.resolve(f"{w}.unit", s.get("unit"), "unit"),
                network_id=r.resolve(f"{w}.network", s.get("network"), "network"),
                inspection_id=r.resolve(f"{w}.inspection", s.get("inspection"), "inspection"),
                visit_id=r.resolve(f"{w}.visit", s.get("visit"), "visit"),
                conversation_id=r.resolve(f"{w}.conversation", s.get("conversation"), "conversation"),
                note_paragraph_id=r.resolve(f"{w}.note", s.get("note"), "note"),
                kind=r.choice(f"{w}.kind", s["kind"], SignalKind),
                valence=r.choice(f"{w}.valence", s["valence"], Valence),
                entrance=r.code(f"{w}.entrance", s.get("entrance"), "entrance"),
                channel=r.code(f"{w}.channel", s.get("channel"), "channel"),
                source_type=r.choice(f"{w}.source_type", s.get("source_type"), SourceType, False),
                source_key=r.text(f"{w}.source_key", s.get("source_key"), limits.NAME),
                observed_at=observed,
                recorded_at=observed,
                observed_by=r.text(f"{w}.observed_by", s.get("observed_by"), limits.NAME),
                observation=r.text(f"{w}.observation", s["observation"], limits.PARAGRAPH, True),
                quote=r.text(f"{w}.quote", s.get("quote"), limits.PARAGRAPH),
                quote_speaker_role=r.code(
                    f"{w}.quote_speaker_role", s.get("quote_speaker_role"), "person_role"
                ),
                interpretation=interpretation,
                alternative_explanation=r.text(
                    f"{w}.alternative_explanation",
                    s.get("alternative_explanation"),
                    limits.LONG_TEXT,
                ),
                strength=r.integer(f"{w}.strength", s.get("strength"), 1, 3),
                certainty=r.choice(f"{w}.certainty", s.get("certainty"), Certainty, False),
                possible_severity=r.choice(
                    f"{w}.possible_severity", s.get("possible_severity"), Severity, False
                ),
                status=r.code(f"{w}.status", s.get("status", SignalStatusCode.NEW), "signal_status", True),
                hook=r.text(f"{w}.hook", s.get("hook"), limits.SHORT_TEXT),
                report_use=r.choice(f"{w}.report_use", s.get("report_use", ReportUse.INTERNAL), ReportUse),
                confidentiality=r.choice(
                    f"{w}.confidentiality", s.get("confidentiality", "TEAM"), Confidentiality
                ),
                review_by=r.day(f"{w}.review_by", s.get("review_by")),
            )
        )
        for code in r.code_list(f"{w}.categories", s.get("categories"), "signal_category"):
            self.add(m.SignalCategory(signal_id=sid, category_code=code))
        if interpretation:
            self.add(
                m.SignalInterpretation(
                    signal_id=sid,
                    text=interpretation,
                    author=s.get("observed_by"),
                    written_at=observed,
                )
            )

    def signal_link(self, link: Any, w: str) -> None:
        r = self.r
        link = r.obj(link, w, ("from", "to", "link_type"), ("note",))
        a = r.resolve(f"{w}.from", link["from"], "signal", True)
        b = r.resolve(f"{w}.to", link["to"], "signal", True)
        if a == b:
            raise r.fail(w, "a signal cannot link to itself")
        self.add(
            m.SignalLink(
                from_signal_id=a,
                to_signal_id=b,
                link_type=r.choice(f"{w}.link_type", link["link_type"], SignalLinkType),
                note=r.text(f"{w}.note", link.get("note"), limits.SHORT_TEXT),
            )
        )

    def concern(self, c: Any, w: str) -> None:
        r = self.r
        c = r.obj(
            c,
            w,
            ("ref", "title", "status", "opened_on"),
            (
                "organisation",
                "network",
                "hypothesis",
                "owner",
                "closed_on",
                "closing_rationale",
                "signals",
                *demo_sense.CONCERN_KEYS,
            ),
        )
        cid = new_id()
        r.define(w, c["ref"], "concern", cid)
        self.add(
            m.Concern(
                id=cid,
                organisation_id=r.resolve(f"{w}.organisation", c.get("organisation"), "organisation"),
                network_id=r.resolve(f"{w}.network", c.get("network"), "network"),
                title=r.text(f"{w}.title", c["title"], limits.NAME, True),
                hypothesis=r.text(f"{w}.hypothesis", c.get("hypothesis"), limits.LONG_TEXT),
                status=r.code(f"{w}.status", c["status"], "concern_status", True),
                owner=r.text(f"{w}.owner", c.get("owner"), limits.NAME),
                opened_on=r.day(f"{w}.opened_on", c["opened_on"], True),
                closed_on=r.day(f"{w}.closed_on", c.get("closed_on")),
                closing_rationale=r.text(
                    f"{w}.closing_rationale", c.get("closing_rationale"), limits.LONG_TEXT
                ),
                **demo_sense.concern_fields(r, c, w),
            )
        )
        rated = []
        for k, cs in enumerate(r.items(c, "signals", w)):
            sw = f"{w}.signals[{k}]"
            cs = r.obj(cs, sw, ("signal", "role"), ("ratings",))
            sid = r.resolve(sw, cs["signal"], "signal", True)
            self.add(
                m.ConcernSignal(
                    concern_id=cid,
                    signal_id=sid,
                    role=r.choice(f"{sw}.role", cs["role"], ConcernSignalRole),
                )
            )
            rated.append((sw, str(sid), cs.get("ratings")))
        for row in demo_sense.concern_rows(r, c, w, cid, c["title"], rated):
            self.add(row)
