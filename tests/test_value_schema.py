"""storage.value_schema: the one rule for values arriving from outside (pushes, pulls, imports),
derived from the models, judged against real rows of the demo data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import JSON

from inspectorapp.services import demo
from storage.engine import Store
from storage.models import Base, synced_tables
from storage.value_schema import check_record, table_rule


def test_every_demo_row_is_accepted_as_a_new_record(store: Store, ctx) -> None:
    with store.transaction() as s:
        demo.load_demo(s, ctx)
    seen = 0
    with store.session() as s:
        for tbl in synced_tables():
            cursor = s.connection().exec_driver_sql(f'SELECT * FROM "{tbl}"')
            names = list(cursor.keys())
            json_cols = {c.name for c in Base.metadata.tables[tbl].columns if isinstance(c.type, JSON)}
            for row in cursor:
                fields = {k: json.loads(v) if k in json_cols and v is not None else v for k, v in zip(names, row, strict=True)}
                fields.pop("id")
                if tbl == "inspection":  # travels as key@version
                    fields["framework_version_id"] = "meso-netwerk@2026.1"
                assert check_record(tbl, fields, new=True) == [], (tbl, fields)
                seen += 1
    assert seen > 500


@pytest.mark.parametrize(
    ("tbl", "fields", "problem"),
    [
        ("organisation", {"name": {"a": 1}}, "invalid_type"),
        ("organisation", {"name": ["a"]}, "invalid_type"),
        ("organisation", {"name": "a" * 201}, "too_long"),
        ("organisation", {"name": "a\ud800"}, "invalid_character"),
        ("organisation", {"name": "a\x00"}, "invalid_character"),
        ("organisation", {"name": None}, "required"),
        ("note_paragraph", {"for_report": "false"}, "invalid_type"),
        ("note_paragraph", {"for_report": 2}, "invalid_type"),
        ("note_paragraph", {"position": 2**63}, "out_of_range"),
        ("note_paragraph", {"position": True}, "invalid_type"),
        ("note_paragraph", {"occurred_at": 12345}, "invalid_type"),
        ("note_paragraph", {"occurred_at": "2026-03-12T09:00:00"}, "invalid_date"),
        ("note_paragraph", {"kind": "roddel"}, "invalid_choice"),
        ("note_paragraph", {"theme_codes": {"a": 1}}, "invalid_type"),
        ("note_paragraph", {"theme_codes": ["x\udc00"]}, "invalid_character"),
        ("network", {"financing_domains": [1]}, "invalid_type"),
        ("visit", {"visit_date": "2026-02-30"}, "invalid_date"),
        ("visit", {"nonsense": 1}, "unknown_field"),
        ("signal", {"strength": 9}, "out_of_range"),
        ("signal", {"observation": "  "}, "out_of_range"),
        ("inspection", {"started_on": "2026-02-01", "ended_on": "2026-01-01"}, "out_of_range"),
        ("inspection", {"framework_version_id": 5}, "invalid_type"),
    ],
)
def test_refusals_name_the_field_and_the_problem(tbl: str, fields: dict, problem: str) -> None:
    issues = check_record(tbl, fields, new=False)
    assert [i.problem for i in issues] == [problem], issues


def test_a_new_record_needs_every_not_null_column_an_update_does_not() -> None:
    issues = check_record("organisation", {"sector": "MSZ"}, new=True)
    assert {i.field for i in issues if i.problem == "required"} == {"name", "created_at", "updated_at"}
    assert check_record("organisation", {"sector": "MSZ"}, new=False) == []
    # CHECKs judged on the merged state: the current values count
    current = {"organisation_id": "o", "network_id": None}
    assert check_record("life_event", {"organisation_id": None}, new=False, current=current)
    assert check_record("life_event", {"network_id": "n"}, new=False, current=current) == []


def test_only_synced_tables_have_a_rule_and_references_come_from_foreign_keys() -> None:
    assert table_rule("store_meta") is None and table_rule("outbox") is None
    assert check_record("sync_record", {}, new=False)[0].problem == "unknown_table"
    rule = table_rule("signal")
    assert rule is not None and rule.references["conversation_id"] == "conversation"
    assert table_rule("inspection").columns["framework_version_id"].kind == "local_ref"  # type: ignore[union-attr]


def test_bad_stored_values_are_judged_as_absent_never_handed_to_sqlite() -> None:
    # an office store from before these rules may hold anything in a column
    current = {"name": {"x": 1}, "sector": None, "created_at": 2**70}
    assert check_record("organisation", {"sector": "MSZ"}, new=False, current=current) == []
    # a CHECK over a bad stored value is skipped; the good ones still count
    signal = {"strength": [1, 2], "observation": "Gezien"}
    assert check_record("signal", {"observation": "Gezien"}, new=False, current=signal) == []
    issues = check_record("signal", {"observation": "  "}, new=False, current=signal)
    assert [i.problem for i in issues] == ["out_of_range"]
    assert check_record("signal", {"strength": 2}, new=False, current="not a mapping") == []


_ANY = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats()
    | st.text(max_size=20)
    | st.binary(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def _record(draw: st.DrawFn) -> tuple[str, dict[Any, Any], Any]:
    tbl = draw(st.sampled_from([*synced_tables(), "outbox", "x"]))
    rule = table_rule(tbl)
    names = st.sampled_from(sorted(rule.columns)) if rule is not None else st.just("name")
    keys = names | st.text(max_size=6) | st.integers()
    fields = draw(st.dictionaries(keys, _ANY, max_size=6))
    current = draw(st.none() | _ANY | st.dictionaries(names, _ANY, max_size=8))
    return tbl, fields, current


@settings(max_examples=400, deadline=None, database=None)
@given(case=_record(), new=st.booleans())
def test_check_record_never_raises(case: tuple[str, dict[Any, Any], Any], new: bool) -> None:
    tbl, fields, current = case
    issues = check_record(tbl, fields, new=new, current=current)
    assert all(isinstance(i.problem, str) for i in issues)


def test_codes_are_checked_against_what_the_caller_knows() -> None:
    """The models name a column's taxonomy; the office says which codes exist (decision 0010)."""
    from storage.value_schema import unknown_codes

    known = {"sector": frozenset({"MSZ", "VV"}), "observation_item": frozenset({"A01"}), "dilemma": frozenset({"K1.1"})}

    def lookup(taxonomy: str) -> frozenset[str]:
        return known.get(taxonomy, frozenset())

    assert unknown_codes("organisation", {"sector": "MSZ", "name": "x"}, lookup) == []
    assert unknown_codes("organisation", {"sector": ""}, lookup) == []  # optional: none chosen
    (issue,) = unknown_codes("organisation", {"sector": "ONZIN"}, lookup)
    assert (issue.field, issue.problem) == ("sector", "unknown_code")
    # a list of codes: every one must be known
    assert unknown_codes("network", {"financing_domains": []}, lookup) == []
    (issue,) = unknown_codes("network", {"financing_domains": ["WLZ"]}, lookup)
    assert issue.field == "financing_domains"
    # an observation score's item is an item or a dilemma
    assert unknown_codes("observation_score", {"item_code": "K1.1"}, lookup) == []
    assert unknown_codes("observation_score", {"item_code": "A01"}, lookup) == []
    assert unknown_codes("observation_score", {"item_code": "Z9"}, lookup) != []
    # a required code column never takes "" for none
    assert unknown_codes("finding", {"theme_code": ""}, lookup) != []


_FAST = [
    (tbl, check)
    for tbl in synced_tables()
    for check in (table_rule(tbl).checks if table_rule(tbl) else ())  # type: ignore[union-attr]
    if check.fast is not None
]


def test_the_common_check_shapes_are_judged_in_python() -> None:
    assert len(_FAST) > 40  # the enum lists and text lengths of every table
    shapes = {check.fast[0] for _tbl, check in _FAST}  # type: ignore[index]
    assert shapes == {"in", "max_len"}


@settings(max_examples=300, deadline=None)
@given(
    pick=st.integers(min_value=0),
    value=st.one_of(
        st.none(),
        st.text(max_size=12),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.floats(allow_nan=False),
        st.booleans(),
        st.sampled_from(["TEAM", "BEPERKT", "geen", "waarneming", "x" * 100_001, "é" * 100_000]),
    ),
)
def test_python_and_sqlite_judge_a_fast_check_alike(pick: int, value: Any) -> None:
    """The fast path answers as SQLite does, or leaves the value to SQLite."""
    from storage import value_schema

    tbl, check = _FAST[pick % len(_FAST)]
    column = check.fast[1]  # type: ignore[index]
    state = {column: value}
    verdict = value_schema._fast_verdict(check, state)
    rule = table_rule(tbl)
    assert rule is not None
    stored = value_schema._stored(rule.columns[column], value)
    sql = value_schema._check_sql(tbl, (column,), (check.sql,))
    (ok,) = value_schema._sqlite().execute(sql, (stored,)).fetchone()
    if verdict is not None:
        assert verdict == (ok is None or bool(ok)), (tbl, check.sql, value)
