"""Parse and validate a framework resource file (themes, taxonomies, schemes).

Pure: bytes in, a frozen ``FrameworkDoc`` out, or a ``FrameworkFileError`` that
names the exact place and reason. Nothing is loaded unless everything is valid.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from inspectorapp.domain import limits
from inspectorapp.domain.framework_codes import (
    ActionTypeCode,
    ChannelCode,
    ConcernStatusCode,
    EntranceCode,
    SessionEventCode,
    SignalStatusCode,
)
from inspectorapp.errors import FrameworkFileError

FORMAT = "veldwerk-framework"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 5 * 1024 * 1024
_CODE = re.compile(r"^[A-Za-z0-9_.&-]{1,40}$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")

# Taxonomies the app's screens rely on, and codes its rules rely on.
REQUIRED_TAXONOMIES = (
    "meso_theme",
    "signal_category",
    "entrance",
    "channel",
    "signal_status",
    "concern_status",
    "action_type",
    "session_event",
    "observation_item",
    "dilemma",
    "organisation_type",
    "sector",
    "person_role",
    "network_role",
    "network_body",
    "conversation_type",
    "life_event_type",
    "financing_domain",
)
REQUIRED_CODES: dict[str, tuple[str, ...]] = {
    "signal_status": tuple(SignalStatusCode),
    "concern_status": tuple(ConcernStatusCode),
    "session_event": tuple(SessionEventCode),
    "entrance": tuple(EntranceCode),
    "channel": tuple(ChannelCode),
    "action_type": tuple(ActionTypeCode),
}
ITEM_KEYS = {"code", "label", "parent", "description", "attributes"}
TOP_KEYS = {"format", "format_version", "key", "version", "title", "published_on", "taxonomies"}


@dataclass(frozen=True)
class Item:
    code: str
    label_nl: str
    label_en: str
    parent: str | None
    description_nl: str | None
    description_en: str | None
    attributes: dict[str, Any]


@dataclass(frozen=True)
class Taxonomy:
    key: str
    title_nl: str
    title_en: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class FrameworkDoc:
    key: str
    version: str
    title_nl: str
    title_en: str
    published_on: date
    taxonomies: dict[str, Taxonomy]
    sha256: str


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, reason: str) -> FrameworkFileError:
        return FrameworkFileError(self.source, f"{where}: {reason}")

    def obj(self, value: Any, where: str, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be an object")
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise self.fail(where, f"unknown key(s) {', '.join(unknown)}")
        return value

    def text(self, value: Any, where: str, max_len: int, required: bool = True) -> str | None:
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "must be a non-empty text")
        if len(value) > max_len:
            raise self.fail(where, f"longer than {max_len} characters")
        return value

    def label(self, value: Any, where: str, max_len: int) -> tuple[str, str]:
        v = self.obj(value, where, {"nl", "en"})
        nl = self.text(v.get("nl"), f"{where}.nl", max_len)
        en = self.text(v.get("en"), f"{where}.en", max_len)
        assert nl is not None and en is not None
        return nl, en


def parse_framework(data: bytes, source: str) -> FrameworkDoc:
    r = _Reader(source)
    if len(data) > MAX_FILE_BYTES:
        raise r.fail("file", f"larger than {MAX_FILE_BYTES} bytes")
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise r.fail("file", "not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise r.fail(f"line {exc.lineno}", f"not valid JSON ({exc.msg})") from exc
    top = r.obj(raw, "document", TOP_KEYS)
    if top.get("format") != FORMAT:
        raise r.fail("format", f"must be {FORMAT!r}")
    if top.get("format_version") != FORMAT_VERSION:
        raise r.fail("format_version", f"unsupported (this app reads {FORMAT_VERSION})")
    key, version = top.get("key"), top.get("version")
    if not isinstance(key, str) or not _KEY.match(key):
        raise r.fail("key", "must be lower-case letters, digits, '-', '_' or '.'")
    if not isinstance(version, str) or not _CODE.match(version):
        raise r.fail("version", "must be a short code such as 2026.1")
    title_nl, title_en = r.label(top.get("title"), "title", limits.NAME)
    try:
        published = date.fromisoformat(str(top.get("published_on")))
    except ValueError as exc:
        raise r.fail("published_on", "must be a date YYYY-MM-DD") from exc
    taxonomies_raw = top.get("taxonomies")
    if not isinstance(taxonomies_raw, dict):
        raise r.fail("taxonomies", "must be an object")
    taxonomies = {tkey: _taxonomy(r, tkey, traw) for tkey, traw in taxonomies_raw.items()}
    missing = [t for t in REQUIRED_TAXONOMIES if t not in taxonomies]
    if missing:
        raise r.fail("taxonomies", f"missing {', '.join(missing)}")
    for tkey, codes in REQUIRED_CODES.items():
        present = {i.code for i in taxonomies[tkey].items}
        lacking = [c for c in codes if c not in present]
        if lacking:
            raise r.fail(f"taxonomies.{tkey}", f"missing required code(s) {', '.join(lacking)}")
    return FrameworkDoc(
        key=key,
        version=version,
        title_nl=title_nl,
        title_en=title_en,
        published_on=published,
        taxonomies=taxonomies,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _taxonomy(r: _Reader, tkey: str, traw: Any) -> Taxonomy:
    where = f"taxonomies.{tkey}"
    if not _KEY.match(tkey):
        raise r.fail(where, "taxonomy key must be lower-case snake case")
    t = r.obj(traw, where, {"title", "items"})
    title_nl, title_en = r.label(t.get("title"), f"{where}.title", limits.NAME)
    items_raw = t.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        raise r.fail(f"{where}.items", "must be a non-empty list")
    items: list[Item] = []
    seen: set[str] = set()
    for n, iraw in enumerate(items_raw):
        iw = f"{where}.items[{n}]"
        i = r.obj(iraw, iw, ITEM_KEYS)
        code = i.get("code")
        if not isinstance(code, str) or not _CODE.match(code):
            raise r.fail(f"{iw}.code", "must be 1-40 characters of A-Z a-z 0-9 _ . & -")
        if code in seen:
            raise r.fail(f"{iw}.code", f"duplicate code {code!r}")
        label_nl, label_en = r.label(i.get("label"), f"{iw}.label", limits.NAME)
        parent = i.get("parent")
        if parent is not None and parent not in seen:
            raise r.fail(f"{iw}.parent", f"{parent!r} is not an earlier code of {tkey}")
        desc_nl = desc_en = None
        if i.get("description") is not None:
            desc_nl, desc_en = r.label(i["description"], f"{iw}.description", limits.SHORT_TEXT)
        attributes = i.get("attributes") or {}
        if not isinstance(attributes, dict):
            raise r.fail(f"{iw}.attributes", "must be an object")
        seen.add(code)
        items.append(Item(code, label_nl, label_en, parent, desc_nl, desc_en, attributes))
    if tkey == "session_event":
        _check_hotkeys(r, where, items)
    return Taxonomy(tkey, title_nl, title_en, tuple(items))


def _check_hotkeys(r: _Reader, where: str, items: list[Item]) -> None:
    keys: dict[str, str] = {}
    for item in items:
        hotkey = item.attributes.get("hotkey")
        if hotkey is None:
            continue
        if not isinstance(hotkey, str) or len(hotkey) != 1 or not hotkey.isalpha():
            raise r.fail(f"{where}.{item.code}.hotkey", "must be one letter")
        if hotkey.upper() in keys:
            raise r.fail(f"{where}.{item.code}.hotkey", f"{hotkey} already used by {keys[hotkey.upper()]}")
        keys[hotkey.upper()] = item.code
