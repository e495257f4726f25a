"""Typed settings: versioned upgrades, hostile files set aside, crash-safe writes."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from inspectorapp import settings as s


def test_defaults_when_missing(tmp_path: Path) -> None:
    assert s.load(tmp_path / "settings.json") == s.Settings()


def test_round_trip_and_atomic_write(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    value = s.Settings(language="en", idle_lock_minutes=3, inspector_name="Inspecteur Jansen")
    s.save(path, value)
    assert s.load(path) == value
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp files left


def test_version_1_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "language": "en", "lock_after_s": 300}))
    loaded = s.load(path)
    assert loaded.version == s.SETTINGS_VERSION
    assert loaded.idle_lock_minutes == 5 and loaded.language == "en"


def test_unreadable_file_is_set_aside_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\x00\xff{niet json")
    assert s.load(path) == s.Settings()
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.unreadable-")]
    assert len(aside) == 1 and aside[0].read_bytes() == b"\x00\xff{niet json"


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.text(max_size=20),
        st.one_of(
            st.none(), st.booleans(), st.integers(), st.text(max_size=50), st.lists(st.integers(), max_size=3)
        ),
    )
)
def test_any_json_object_loads_to_valid_settings(tmp_path_factory, raw: dict) -> None:
    path = tmp_path_factory.mktemp("s") / "settings.json"
    path.write_text(json.dumps(raw))
    loaded = s.load(path)
    assert loaded.language in s.LANGUAGES
    assert 0 <= loaded.idle_lock_minutes <= 24 * 60
    assert isinstance(loaded.inspector_name, str)
