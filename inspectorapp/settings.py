"""Typed user settings with versioned upgrades (the Picard way).

Stored as JSON beside the app's config. An unreadable or hostile file is set
aside (renamed, never deleted) and defaults are used, with a warning logged.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .atomic import write_atomic

log = logging.getLogger(__name__)

SETTINGS_VERSION = 3
LANGUAGES = ("nl", "en")
# Where the app reopens (the page last shown at lock or quit); ids only, never content.
PAGES = ("inspections", "search", "inspection", "visit")
INSPECTION_TABS = ("overview", "findings", "follow_up", "report")
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True)
class Settings:
    version: int = SETTINGS_VERSION
    language: str = "nl"
    idle_lock_minutes: int = 10  # 0 = never
    inspector_name: str = ""
    offer_demo: bool = True
    # Sync over the network (set by an admin in settings.json; README "Administration"):
    # plain http:// only to this machine unless allowed here, and a PEM file of an internal
    # CA to trust instead of the public ones.
    allow_insecure_http: bool = False
    ca_bundle: str = ""
    last_page: str = "inspections"
    last_inspection_id: str = ""
    last_visit_id: str = ""
    last_conversation_id: str = ""
    last_tab: str = "overview"

    def validated(self) -> Settings:
        lang = self.language if self.language in LANGUAGES else "nl"
        idle = self.idle_lock_minutes if 0 <= self.idle_lock_minutes <= 24 * 60 else 10
        name = self.inspector_name[:200]
        bundle = self.ca_bundle.strip()[:4096]
        return replace(
            self,
            language=lang,
            idle_lock_minutes=idle,
            inspector_name=name,
            ca_bundle=bundle,
            last_page=self.last_page if self.last_page in PAGES else "inspections",
            last_inspection_id=_an_id(self.last_inspection_id),
            last_visit_id=_an_id(self.last_visit_id),
            last_conversation_id=_an_id(self.last_conversation_id),
            last_tab=self.last_tab if self.last_tab in INSPECTION_TABS else "overview",
        )


def _an_id(value: str) -> str:
    return value if _ID.fullmatch(value) else ""


def _v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    # v1 kept the idle lock in seconds under "lock_after_s".
    seconds = raw.pop("lock_after_s", 600)
    raw["idle_lock_minutes"] = max(0, int(seconds) // 60) if isinstance(seconds, int) else 10
    return raw


def _v2_to_v3(raw: dict[str, Any]) -> dict[str, Any]:
    # v3 remembers where the app was; a v2 file opens on the inspections list.
    raw.setdefault("last_page", "inspections")
    return raw


UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}


def upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    version = raw.get("version", 1)
    if not isinstance(version, int):
        version = 1
    while version < SETTINGS_VERSION:
        raw = UPGRADES[version](dict(raw))
        version += 1
        raw["version"] = version
    return raw


def load(path: Path) -> Settings:
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text("utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("settings file is not an object")
        raw = upgrade(raw)
        known = {f.name: f for f in fields(Settings)}
        values: dict[str, Any] = {}
        for key, value in raw.items():
            f = known.get(key)
            default = getattr(Settings(), key, None)
            if f is not None and isinstance(value, type(default)):
                values[key] = value
        return Settings(**values).validated()
    except (OSError, ValueError, TypeError, KeyError) as exc:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = path.with_name(f"{path.name}.unreadable-{stamp}")
        path.rename(aside)
        log.warning("settings file %s unreadable (%s); set aside as %s", path, exc, aside)
        return Settings()


def save(path: Path, settings: Settings) -> None:
    data = json.dumps(asdict(settings.validated()), indent=2, sort_keys=True)
    write_atomic(path, data.encode("utf-8"))
