"""The interview notes of one inspection as a REFI-QDA 1.0 project (.qdpx).

A .qdpx is a zip with ``project.qde`` (QDA-XML, namespace ``urn:QDA-XML:project:1.0``)
and ``Sources/<guid>.txt``: one plain-text source per conversation, one line per live
note paragraph ("HH:MM [kind] text", Europe/Amsterdam time). Every paragraph becomes a
PlainTextSelection (code-point offsets of its text) coded with its meso themes and its
note kind; quotes carry the speaker role; signals raised from a paragraph become
project notes referenced from its selection. ATLAS.ti, MAXQDA and NVivo read this.

Confidential paragraphs (BEPERKT, MELDER_VERTROUWELIJK) and confidential signals never
leave: they are left out and listed in the summary. The zip is deterministic (fixed
timestamps, sorted entries, GUIDs derived from row ids), so exporting unchanged data
twice gives identical bytes.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspectorapp.domain.enums import Confidentiality, NoteKind
from inspectorapp.domain.snapshots import ActionContext
from inspectorapp.domain.snippets import one_line
from inspectorapp.errors import NotFoundError
from storage.models import (
    Conversation,
    FrameworkVersion,
    Inspection,
    InspectionMember,
    NoteParagraph,
    Signal,
    TaxonomyItem,
    Visit,
)

from . import audit

QDA_NS = "urn:QDA-XML:project:1.0"
# Fixed namespace for every GUID this export derives (codes, codings, the actor).
NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-5c8e-9a0f-7e6d5c4b3a21")
LOCAL_ZONE = "Europe/Amsterdam"
EXCLUDED = frozenset({Confidentiality.RESTRICTED, Confidentiality.REPORTER_CONFIDENTIAL})
KIND_PARENT_CODE = "soort_notitie"
KIND_PARENT_NAME = "Soort notitie"
KIND_LABELS = {
    NoteKind.OBSERVATION: "Waarneming",
    NoteKind.QUOTE: "Citaat",
    NoteKind.INTERPRETATION: "Interpretatie",
    NoteKind.QUESTION: "Vraag",
    NoteKind.ACTION: "Actie",
}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Characters XML 1.0 cannot carry at all (not even escaped).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class QdpxSummary:
    sources: int
    selections: int
    codes: int  # codable codes in the codebook (themes + note kinds)
    notes: int  # signals exported as project notes
    excluded_paragraphs: int
    excluded_paragraph_ids: tuple[str, ...] = ()
    excluded_signal_ids: tuple[str, ...] = ()


def code_guid(framework_scope: str, code: str) -> str:
    """The stable GUID of a codebook code."""
    return str(uuid.uuid5(NAMESPACE, f"{framework_scope}:{code}"))


def kind_code(kind: NoteKind) -> str:
    """The code name of a note kind (kept apart from taxonomy codes)."""
    return f"{KIND_PARENT_CODE}.{kind.value}"


def source_line(paragraph: NoteParagraph, zone: ZoneInfo) -> tuple[str, str]:
    """The prefix ("HH:MM [kind] ") and the text of one paragraph's line."""
    local = paragraph.occurred_at.astimezone(zone)
    return f"{local:%H:%M} [{paragraph.kind.value}] ", paragraph.text


def export_qdpx(session: Session, ctx: ActionContext, inspection_id: str) -> tuple[bytes, QdpxSummary]:
    insp = session.get(Inspection, inspection_id)
    if insp is None or insp.deleted_at is not None:
        raise NotFoundError("inspection", inspection_id)
    zone = ZoneInfo(LOCAL_ZONE)
    fv_id = insp.framework_version_id
    framework = session.get(FrameworkVersion, fv_id)
    # Code GUIDs follow the framework's key and version, not its store-local row id, so a
    # theme keeps its GUID across laptops and the office.
    code_scope = f"{framework.key}:{framework.version}" if framework else fv_id

    visits = list(
        session.scalars(
            select(Visit.id).where(Visit.inspection_id == inspection_id, Visit.deleted_at.is_(None))
        )
    )
    conversations = list(
        session.scalars(
            select(Conversation)
            .where(Conversation.visit_id.in_(visits), Conversation.deleted_at.is_(None))
            .order_by(Conversation.starts_at, Conversation.title, Conversation.id)
        )
    )
    paragraphs: dict[str, list[NoteParagraph]] = {c.id: [] for c in conversations}
    excluded: list[str] = []
    for p in session.scalars(
        select(NoteParagraph)
        .where(NoteParagraph.conversation_id.in_(list(paragraphs)), NoteParagraph.deleted_at.is_(None))
        .order_by(NoteParagraph.conversation_id, NoteParagraph.position, NoteParagraph.id)
    ):
        if p.confidentiality in EXCLUDED:
            excluded.append(p.id)
        else:
            paragraphs[p.conversation_id].append(p)
    exported = {p.id for ps in paragraphs.values() for p in ps}

    signals: dict[str, list[Signal]] = {}
    excluded_signals: list[str] = []
    for sig in session.scalars(
        select(Signal)
        .where(Signal.note_paragraph_id.in_(sorted(exported | set(excluded))), Signal.deleted_at.is_(None))
        .order_by(Signal.observed_at, Signal.id)
    ):
        if sig.confidentiality in EXCLUDED or sig.note_paragraph_id not in exported:
            excluded_signals.append(sig.id)
        else:
            signals.setdefault(str(sig.note_paragraph_id), []).append(sig)

    # Users: the team, plus the actor unless the actor is a team member.
    members = list(
        session.scalars(
            select(InspectionMember)
            .where(InspectionMember.inspection_id == inspection_id, InspectionMember.deleted_at.is_(None))
            .order_by(InspectionMember.display_name, InspectionMember.id)
        )
    )
    actor_member = next((mb for mb in members if mb.user_ref and mb.user_ref == ctx.actor), None)
    actor_guid = actor_member.id if actor_member else str(uuid.uuid5(NAMESPACE, f"user:{ctx.actor}"))

    taxonomy = _taxonomy(session, fv_id)
    used_themes: set[str] = set(insp.theme_codes or [])
    for ps in paragraphs.values():
        for p in ps:
            used_themes.update(p.theme_codes or [])
    themes = taxonomy.get("meso_theme", {})
    roles = taxonomy.get("person_role", {})

    # Deterministic "when": the latest change of anything exported, never the clock.
    stamp = _iso(
        max(
            [insp.updated_at]
            + [c.updated_at for c in conversations]
            + [p.updated_at for ps in paragraphs.values() for p in ps]
            + [s.updated_at for ss in signals.values() for s in ss]
        )
    )

    root = ET.Element(
        _q("Project"),
        {
            "xmlns": QDA_NS,
            "name": _safe(insp.title),
            "origin": "Veldwerk",
            "creatingUserGUID": actor_guid,
            "creationDateTime": stamp,
        },
    )
    users = ET.SubElement(root, _q("Users"))
    for mb in members:
        ET.SubElement(users, _q("User"), {"guid": mb.id, "name": _safe(mb.display_name)})
    if actor_member is None:
        ET.SubElement(
            users, _q("User"), {"guid": actor_guid, "name": _safe(ctx.actor), "id": _safe(ctx.actor)}
        )

    # Codebook: meso themes in framework order, then "Soort notitie" with the five kinds.
    codes_el = ET.SubElement(ET.SubElement(root, _q("CodeBook")), _q("Codes"))
    codable: set[str] = set()
    order = {code: n for n, code in enumerate(themes)}
    for code in sorted(used_themes, key=lambda c: (order.get(c, len(order)), c)):
        item = themes.get(code)
        guid = code_guid(code_scope, code)
        el = ET.SubElement(
            codes_el,
            _q("Code"),
            {"guid": guid, "name": _safe(item.label_nl if item else code), "isCodable": "true"},
        )
        desc = f"Thema {code}" + (f": {item.description_nl}" if item and item.description_nl else "")
        if item is None:
            desc += " (niet in het toetsingskader van deze inspectie)"
        _text(el, "Description", desc)
        codable.add(guid)
    parent = ET.SubElement(
        codes_el,
        _q("Code"),
        {"guid": code_guid(code_scope, KIND_PARENT_CODE), "name": KIND_PARENT_NAME, "isCodable": "false"},
    )
    _text(parent, "Description", "Het soort aantekening: waarneming, citaat, interpretatie, vraag of actie.")
    for kind in NoteKind:
        guid = code_guid(code_scope, kind_code(kind))
        ET.SubElement(parent, _q("Code"), {"guid": guid, "name": KIND_LABELS[kind], "isCodable": "true"})
        codable.add(guid)

    # Sources: one text per conversation, a selection per exported paragraph.
    files: dict[str, bytes] = {}
    sources_el = ET.SubElement(root, _q("Sources"))
    notes: list[Signal] = []
    selections = 0
    for conv in conversations:
        ps = paragraphs[conv.id]
        lines: list[str] = []
        spans: list[tuple[NoteParagraph, int, int]] = []
        offset = 0
        for p in ps:
            prefix, text = source_line(p, zone)
            start = offset + len(prefix)
            spans.append((p, start, start + len(text)))
            line = prefix + text
            lines.append(line)
            offset += len(line) + 1  # the "\n" joining the lines
        files[f"Sources/{conv.id}.txt"] = "\n".join(lines).encode("utf-8")
        src_attrs = {"guid": conv.id, "name": _safe(conv.title), "plainTextPath": f"internal://{conv.id}.txt"}
        src_attrs |= {"creatingUser": actor_guid, "creationDateTime": _iso(conv.created_at)}
        src = ET.SubElement(sources_el, _q("TextSource"), src_attrs)
        for p, start, end in spans:
            sel = ET.SubElement(
                src,
                _q("PlainTextSelection"),
                {
                    "guid": p.id,
                    "name": _safe(one_line(p.text, 60)),
                    "startPosition": str(start),
                    "endPosition": str(end),
                    "creatingUser": actor_guid,
                    "creationDateTime": _iso(p.occurred_at),
                },
            )
            selections += 1
            if p.kind == NoteKind.QUOTE:
                role = roles.get(p.speaker_role or "")
                who = role.label_nl if role else (p.speaker_role or "onbekend")
                _text(sel, "Description", f"Citaat; spreker: {who}")
            wanted = [code_guid(code_scope, c) for c in dict.fromkeys(p.theme_codes or [])]
            wanted.append(code_guid(code_scope, kind_code(p.kind)))
            for target in wanted:
                coding = ET.SubElement(
                    sel,
                    _q("Coding"),
                    {
                        "guid": str(uuid.uuid5(NAMESPACE, f"coding:{p.id}:{target}")),
                        "creatingUser": actor_guid,
                        "creationDateTime": _iso(p.occurred_at),
                    },
                )
                ET.SubElement(coding, _q("CodeRef"), {"targetGUID": target})
            for sig in signals.get(p.id, []):
                ET.SubElement(sel, _q("NoteRef"), {"targetGUID": sig.id})
                notes.append(sig)

    if notes:
        notes_el = ET.SubElement(root, _q("Notes"))
        for sig in notes:
            note = ET.SubElement(
                notes_el,
                _q("Note"),
                {
                    "guid": sig.id,
                    "name": _safe(f"Signaal: {one_line(sig.observation, 60)}"),
                    "creatingUser": actor_guid,
                    "creationDateTime": _iso(sig.recorded_at),
                },
            )
            _text(note, "PlainTextContent", sig.observation)

    ET.indent(root, space=" ")
    xml = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8")
    files["project.qde"] = xml
    data = _zip(files)
    audit.record(session, ctx, "inspection.export", "inspection", inspection_id, format="qdpx")
    summary = QdpxSummary(
        sources=len(conversations),
        selections=selections,
        codes=len(codable),
        notes=len(notes),
        excluded_paragraphs=len(excluded),
        excluded_paragraph_ids=tuple(excluded),
        excluded_signal_ids=tuple(excluded_signals),
    )
    return data, summary


def _taxonomy(session: Session, fv_id: str) -> dict[str, dict[str, TaxonomyItem]]:
    out: dict[str, dict[str, TaxonomyItem]] = {}
    for item in session.scalars(
        select(TaxonomyItem)
        .where(
            TaxonomyItem.framework_version_id == fv_id,
            TaxonomyItem.taxonomy.in_(("meso_theme", "person_role")),
        )
        .order_by(TaxonomyItem.taxonomy, TaxonomyItem.position, TaxonomyItem.code)
    ):
        out.setdefault(item.taxonomy, {})[item.code] = item
    return out


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name], compresslevel=9)
    return buf.getvalue()


def _q(tag: str) -> str:
    # Plain names under a default xmlns declared on the root: ElementTree's
    # default_namespace option refuses the (unqualified) attribute names.
    return tag


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    el = ET.SubElement(parent, _q(tag))
    el.text = _safe(value)
    return el


def _safe(value: str) -> str:
    """Text XML 1.0 can carry: control characters other than tab/newline dropped."""
    return _NOT_XML.sub("", value)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
