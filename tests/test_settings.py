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


def test_version_2_is_upgraded_to_open_on_the_list(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 2, "language": "en", "idle_lock_minutes": 7}))
    loaded = s.load(path)
    assert loaded.version == s.SETTINGS_VERSION == 3
    assert (loaded.language, loaded.idle_lock_minutes) == ("en", 7)
    assert (loaded.last_page, loaded.last_visit_id, loaded.last_tab) == ("inspections", "", "overview")


def test_the_remembered_place_round_trips_and_hostile_values_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    place = s.Settings(
        last_page="visit",
        last_inspection_id="01HZX9K2V8N4Q6",
        last_visit_id="01HZX9K2V8N4Q7",
        last_conversation_id="01HZX9K2V8N4Q8",
        last_tab="report",
    )
    s.save(path, place)
    assert s.load(path) == place
    path.write_text(
        json.dumps(
            {
                "version": 3,
                "last_page": "../../etc",
                "last_visit_id": "x' OR 1=1 --",
                "last_inspection_id": "a" * 65,
                "last_tab": "nope",
            }
        )
    )
    loaded = s.load(path)
    assert (loaded.last_page, loaded.last_visit_id, loaded.last_inspection_id, loaded.last_tab) == (
        "inspections",
        "",
        "",
        "overview",
    )
