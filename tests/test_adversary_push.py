"""A hostile laptop against a real office store (its own process, SQLite and PostgreSQL).

Mallory is an enrolled device of team Dementie and pushes with her own valid envelope
(device id, epoch, the next client_seq): a valid record of every synced table, then
poisoned ones (missing NOT NULL, wrong types, dicts in text, too long, bad enums, broken
CHECKs, unknown references), bad characters in every position, and Hypothesis-made pushes.
No answer may be a 5xx, every poison is refused (dead-lettered, never blocking the batch),
and the honest laptops (two of team Dementie, one of another team, one enrolled last) still
sync and converge. The tests of a backend share one office and run in order.
"""

from __future__ import annotations

import functools
import json
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from inspectorapp.store_access import create_store
from storage import models as m
from storage.models import synced_tables
from storage.value_schema import ColumnRule, table_rule
from sync.server import schema as t
from sync.server.frameworks import publish

from . import helpers
from .adversary_checks import set_aside_count, synced_rows
from .adversary_tally import TALLY  # attacks tried and 5xx seen, over both backends
from .conftest import PASSPHRASE, ROOT
from .postgres import postgres_server
from .sync_harness import PASSWORD, Laptop, ServerProcess, team

__all__ = ["postgres_server"]

RESOURCES = ROOT / "resources"
TS, DAY = "2026-03-12T09:00:00.000Z", "2026-03-12"


class Mallory:
    """A real enrolled device that speaks the protocol by hand."""

    def __init__(self, base: str, username: str = "mallory") -> None:
        self.http = httpx.Client(base_url=base, timeout=30)
        body = {"device_name": f"{username}-by-hand", "username": username, "password": PASSWORD}
        answer = self.http.post("/v1/devices/enrol", json=body).json()
        self.device, self.epoch, self.hwm = answer["device_id"], answer["epoch"], 0
        self.http.headers["Authorization"] = f"Bearer {answer['token']}"

    def post(self, path: str, content: bytes) -> httpx.Response:
        TALLY["attacks"] += 1
        answer = self.http.post(path, content=content, headers={"Content-Type": "application/json"})
        TALLY["5xx"] += answer.status_code >= 500
        assert answer.status_code < 500, answer.text[:300]
        return answer

    def envelope(self, mutations: list[dict[str, Any]]) -> dict[str, Any]:
        first = self.hwm + 1
        for n, mut in enumerate(mutations):
            mut["client_seq"] = first + n
        return {
            "device_id": self.device,
            "epoch": self.epoch,
            "first_client_seq": first,
            "last_client_seq": first + len(mutations) - 1,
            "mutations": mutations,
        }

    def push(self, mutations: list[dict[str, Any]]) -> httpx.Response:
        body = self.envelope(mutations)
        answer = self.post("/v1/sync/push", json.dumps(body).encode())
        if answer.status_code == 200:
            self.hwm = body["last_client_seq"]
        return answer


def mutation(tbl: str, record_id: str, fields: dict[str, Any], op: str = "upsert") -> dict[str, Any]:
    hlc = f"{int(time.time() * 1000):016d}.00000"
    return {"tbl": tbl, "id": record_id, "op": op, "hlc": hlc, "fields": {f: {"v": v} for f, v in fields.items()}}


@functools.cache
def _a_code(taxonomy: str) -> str:
    """A code the shipped framework has for ``taxonomy``."""
    from inspectorapp.services.frameworks import bundled_framework_docs

    return bundled_framework_docs()[-1].taxonomies[taxonomy].items[0].code


def valid_value(col: ColumnRule, pick: str | None, framework: str) -> Any:
    if pick is not None:
        return pick
    if col.taxonomies:
        code = _a_code(col.taxonomies[0])
        return [code] if col.kind == "json" else code
    return {
        "int": 1,
        "bool": 0,  # as the outbox triggers send it
        "date": DAY,
        "timestamp": TS,
        "enum": col.choices[0] if col.choices else None,
        "json": ["a"] if col.json_shape == "list_of_text" else {} if col.json_shape == "object" else [],
        "local_ref": framework,
        "text": "a" * min(col.max_length or 64, 64),
    }[col.kind]


def valid_fields(tbl: str, refs: dict[str, list[str]], n: int, framework: str) -> dict[str, Any]:
    """A whole record of ``tbl``; its k-th reference to a table names that table's record n+k
    (two signals of a link differ, unique pairs differ between records)."""
    rule = table_rule(tbl)
    assert rule is not None
    used: Counter[str] = Counter()
    out = {}
    for col in rule.columns.values():
        if col.name == "id":
            continue
        pick = None
        if col.references:
            ids = refs[col.references]
            pick = ids[(n + used[col.references]) % len(ids)]
            used[col.references] += 1
        out[col.name] = valid_value(col, pick, framework)
    return out


def poisons(col: ColumnRule) -> list[Any]:
    """Values of the wrong type, length, choice or form for this column."""
    bad: list[Any] = [{"x": 1}]
    if col.kind == "text":
        bad += [["a"], 5, True] + (["a" * (col.max_length + 1)] if col.max_length else [])
        bad += [str(uuid.uuid4())] if col.references else []  # names no record: unknown_parent
    elif col.kind == "int":
        bad += ["1", 1.5, True, 2**63]
    elif col.kind == "bool":
        bad += ["false", "true", 2, []]
    elif col.kind == "date":
        bad += [12345, "2026-13-01", "morgen", TS]
    elif col.kind == "timestamp":
        bad += [12345, DAY, "2026-03-12T25:00:00.000Z", "nu"]
    elif col.kind == "enum":
        bad += ["onzin", 1, col.choices[0].upper() + "X"]
    elif col.kind == "json":
        bad += ["tekst", [1], [{"a": 1}]] if col.json_shape == "list_of_text" else [[2**63]]
    elif col.kind == "local_ref":
        bad += [5, ""]
    if col.taxonomies:  # well-formed, but no framework known to the office has it
        bad += [["ONBEKEND_CODE"], [_a_code(col.taxonomies[0]), "X"]] if col.kind == "json" else ["ONBEKEND_CODE"]
    if not col.nullable:
        bad.append(None)
    return bad


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp(f"adversary-{request.param}")
    if request.param == "sqlite":
        url = f"sqlite:///{root / 'office.db'}"
    else:
        url = request.getfixturevalue("postgres_server").new_database(f"t_{uuid.uuid4().hex[:16]}")
    server = ServerProcess(url, root / "server.log")
    server.start()
    team(server, "Dementie", "anna", "bram", "mallory")
    team(server, "Ziekenhuizen", "carla", "dave")
    honest = {}
    for name in ("anna", "bram", "carla"):
        honest[name] = Laptop(name, create_store(root / name / "v.db", PASSPHRASE), helpers_ctx(name), server)
        honest[name].enrol(name)
    a = honest["anna"]
    a.db(lambda s: helpers.conversation(s, a.ctx))
    a.sync()
    fw = a.db(lambda s: s.scalars(select(m.FrameworkVersion)).first())
    state = {"server": server, "honest": honest, "root": root, "framework": f"{fw.key}@{fw.version}"}
    state["mallory"] = Mallory(server.base)
    yield state
    for laptop in honest.values():
        laptop.close()
    server.kill()
    print(f"\nadversary ({request.param}): {TALLY['attacks']} attacks tried so far, {TALLY['5xx']} 5xx")


def helpers_ctx(name: str) -> Any:
    from inspectorapp.domain.snapshots import ActionContext

    return ActionContext(name, f"device-{name}")


def results(answer: httpx.Response) -> list[dict[str, Any]]:
    assert answer.status_code == 200, answer.text[:300]
    return list(answer.json()["results"])


def test_the_reported_case_a_nameless_organisation_is_refused(office: dict[str, Any]) -> None:
    mallory: Mallory = office["mallory"]
    (res,) = results(mallory.push([mutation("organisation", str(uuid.uuid4()), {"sector": "MSZ"})]))
    assert res["status"] == "rejected" and res["reason"] == "invalid_value:name:required"


def test_a_code_no_framework_has_is_refused_until_the_office_publishes_one(office: dict[str, Any]) -> None:
    """Codes are data: the office accepts those of the frameworks it ships or has published,
    of any version (a signal keeps a code a newer version dropped), and nothing else."""
    mallory: Mallory = office["mallory"]
    whole = valid_fields("organisation", {}, 0, office["framework"])
    org = {**whole, "name": "Zorggroep Mallory", "sector": "MSZ", "org_type": "ZIEKENHUIS"}
    answers = results(
        mallory.push(
            [
                mutation("organisation", str(uuid.uuid4()), org),
                mutation("organisation", str(uuid.uuid4()), {**org, "sector": "RUIMTEVAART"}),
                mutation("organisation", str(uuid.uuid4()), {**org, "org_type": "<script>"}),
                mutation("organisation", str(uuid.uuid4()), {**org, "sector": ""}),  # none chosen
            ]
        )
    )
    assert [(r["status"], r["reason"]) for r in answers] == [
        ("applied", None),
        ("rejected", "invalid_value:sector:unknown_code"),
        ("rejected", "invalid_value:org_type:unknown_code"),
        ("applied", None),
    ]
    # the office publishes a framework version with the sector: from then on it is a code
    doc = json.loads((RESOURCES / "frameworks" / "igj-starter-2026.2.json").read_text("utf-8"))
    doc["version"] = f"2026.2-test-{uuid.uuid4().hex[:6]}"
    doc["taxonomies"]["sector"]["items"].append(
        {"code": "RUIMTEVAART", "label": {"nl": "Ruimtevaart", "en": "Space flight"}}
    )
    office["server"].admin(lambda c: publish(c, json.dumps(doc).encode(), "test"))  # as publish-framework
    (res,) = results(mallory.push([mutation("organisation", str(uuid.uuid4()), {**org, "sector": "RUIMTEVAART"})]))
    assert res["status"] == "applied", res


def test_a_valid_record_of_every_synced_table_is_applied(office: dict[str, Any]) -> None:
    refs: dict[str, list[str]] = {}
    muts = []
    for tbl in synced_tables():
        refs[tbl] = [str(uuid.uuid4()), str(uuid.uuid4())]
        for n, record_id in enumerate(refs[tbl]):
            muts.append(mutation(tbl, record_id, valid_fields(tbl, refs, n, office["framework"])))
    answer = office["mallory"].push(muts)
    assert [r["status"] for r in results(answer)] == ["applied"] * len(muts), answer.text[:2000]
    office["refs"] = refs


def test_poisoned_records_of_every_synced_table_are_refused(office: dict[str, Any]) -> None:
    mallory: Mallory = office["mallory"]
    refs, framework = office["refs"], office["framework"]
    attacks: list[tuple[str, dict[str, Any]]] = []
    for tbl in synced_tables():
        rule = table_rule(tbl)
        assert rule is not None
        base = valid_fields(tbl, refs, 0, framework)
        for col in rule.columns.values():
            if col.name == "id":
                continue
            if col.required:  # a new record without it
                attacks.append((tbl, {f: v for f, v in base.items() if f != col.name}))
            for bad in poisons(col):
                attacks.append((tbl, {**base, col.name: bad}))
                attacks.append((tbl, {"updated_at": TS, col.name: bad, "_update": refs[tbl][0]}))
        for check in rule.checks:  # each CHECK broken on its own
            broken = _break(tbl, check.name, base)
            if broken is not None:
                attacks.append((tbl, broken))
    honest_one = mutation("organisation", str(uuid.uuid4()), valid_fields("organisation", refs, 0, framework))
    muts = [honest_one]
    for tbl, fields in attacks:
        target = fields.pop("_update", None)
        muts.append(mutation(tbl, target or str(uuid.uuid4()), fields))
    refused = 0
    for i in range(0, len(muts), 200):
        answer = mallory.push(muts[i : i + 200])
        for mut, res in zip(muts[i : i + 200], results(answer), strict=True):
            if mut is honest_one:
                assert res["status"] == "applied"  # the batch is never blocked
            else:
                assert res["status"] == "rejected", (mut, res)
                assert res["reason"].startswith(("invalid_value:", "unknown_parent", "forbidden")), res
                refused += 1
    TALLY["attacks"] += refused
    assert refused == len(attacks) > 500


def _break(tbl: str, check: str, base: dict[str, Any]) -> dict[str, Any] | None:
    broken = {
        "strength": {"strength": 7},
        "observation_required": {"observation": "   "},
        "period": {"ended_on": "2000-01-01"} if tbl == "inspection" else {"ends_at": "2000-01-01T00:00:00.000Z"},
        "value": {"value": -3},
        "size": {"size_bytes": -1},
        "sha256": {"sha256": "ab"},
        "has_subject": (
            {"signal_id": None, "concern_id": None}
            if tbl == "decision_subject"
            else {"organisation_id": None, "network_id": None}
        ),
        "has_type": {"action_type": None, "return_on": None},  # a decision that decides nothing
        "subject_target": {"subject_kind": "netwerk", "network_id": None},
        "not_self": {"to_signal_id": base.get("from_signal_id")},
    }
    if check in broken:
        return {**base, **broken[check]}
    if check.endswith("_len"):
        return {**base, check.removesuffix("_len"): "a" * 100_001}
    return None  # an enum's CHECK: poisoned above


BAD_TEXT = ["\\ud800", "\\udfff", "a\\udc00b", "\\u0000", "x\\u0000"]


def test_surrogates_and_nul_anywhere_get_a_422(office: dict[str, Any]) -> None:
    mallory: Mallory = office["mallory"]
    org = office["refs"]["organisation"][0]
    for bad in BAD_TEXT:
        good = mutation("organisation", org, {"description": "x", "theme": None})
        good["fields"].pop("theme")
        body = json.dumps(mallory.envelope([good]))
        positions = [
            body.replace('"organisation"', f'"{bad}"'),  # the table
            body.replace(org, bad),  # the id
            body.replace('"description"', f'"desc{bad}"'),  # a field name
            body.replace('"v": "x"', f'"v": "{bad}"'),  # a value
            body.replace('"v": "x"', f'"v": ["{bad}"]'),  # inside JSON
            body.replace('"v": "x"', f'"v": {{"{bad}": 1}}'),  # a nested key
            body.replace('"v": "x"', f'"v": "x", "{bad}": 1'),  # a key of the field change
            body.replace(mallory.device, bad),  # the envelope
        ]
        for content in positions:
            assert content != body
            answer = mallory.post("/v1/sync/push", content.encode())
            assert answer.status_code == 422 and answer.json()["error"] == "invalid_request", answer.text
        enrol = f'{{"device_name": "{bad}", "username": "mallory{bad}", "password": "{bad}"}}'
        assert mallory.post("/v1/devices/enrol", enrol.encode()).status_code == 422
    assert mallory.post("/v1/sync/push", b'{"device_id": "\xff\xfe"}').status_code == 422
    (res,) = results(mallory.push([mutation("organisation", org, {"description": "nog steeds"})]))
    assert res["status"] in ("applied", "conflict")  # the device's sequence was not disturbed


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**64), 2**64) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def _fields(draw: st.DrawFn, tbl: str) -> dict[str, Any]:
    rule = table_rule(tbl)
    names = sorted(rule.columns) if rule is not None else ["name"]
    chosen = draw(st.lists(st.sampled_from(names) | st.text(max_size=10), max_size=6, unique=True))
    return {f: draw(_JSON) for f in chosen}


def test_hypothesis_pushes_with_a_valid_envelope(office: dict[str, Any]) -> None:
    mallory: Mallory = office["mallory"]
    known = [i for ids in office["refs"].values() for i in ids]
    tables = st.sampled_from(synced_tables()) | st.sampled_from(["store_meta", "outbox", "sync_record", "x"])

    @st.composite
    def one(draw: st.DrawFn) -> dict[str, Any]:
        tbl = draw(tables)
        record_id = draw(st.sampled_from(known) | st.uuids().map(str))
        return mutation(tbl, record_id, draw(_fields(tbl)), draw(st.sampled_from(["upsert", "delete"])))

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(muts=st.lists(one(), min_size=1, max_size=5))
    def attack(muts: list[dict[str, Any]]) -> None:
        TALLY["pushes fuzzed"] += 1
        answer = mallory.push(muts)
        assert answer.status_code in (200, 422), answer.text[:300]

    attack()


def test_two_devices_pushing_the_same_new_records_at_once_get_no_5xx(office: dict[str, Any]) -> None:
    """Review of issue #12: both pushes find the record new and insert it (and both grant a
    new inspection's creator): on PostgreSQL the second was a unique violation, a 500."""
    one = office.setdefault("anna_by_hand", Mallory(office["server"].base, "anna"))
    two = office.setdefault("bram_by_hand", Mallory(office["server"].base, "bram"))
    org_fields = valid_fields("organisation", office["refs"], 0, office["framework"])
    insp_fields = valid_fields("inspection", office["refs"], 0, office["framework"])
    with ThreadPoolExecutor(2) as pool:
        for _ in range(12):
            org, insp = str(uuid.uuid4()), str(uuid.uuid4())
            muts = [mutation("organisation", org, org_fields), mutation("inspection", insp, insp_fields)]
            answers = list(pool.map(lambda d, ms=muts: d.push([dict(x) for x in ms]), (one, two)))
            for answer in answers:
                assert {r["status"] for r in results(answer)} <= {"applied", "conflict", "superseded"}


def test_refusals_tell_another_team_nothing_about_stored_values(office: dict[str, Any]) -> None:
    """Review of issue #12: a CHECK over the merged state ran before ``authorise``, so team
    Ziekenhuizen could bisect a Dementie inspection's start date through out_of_range."""
    mallory: Mallory = office["mallory"]
    inspection = str(uuid.uuid4())
    fields = valid_fields("inspection", office["refs"], 0, office["framework"])
    fields |= {"started_on": "2026-03-01", "ended_on": None}
    (res,) = results(mallory.push([mutation("inspection", inspection, fields)]))
    assert res["status"] == "applied", res
    dave = office.setdefault("dave_by_hand", Mallory(office["server"].base, "dave"))
    for probe in ("2026-01-01", "2026-02-28", "2026-03-02", "2027-01-01"):
        (res,) = results(dave.push([mutation("inspection", inspection, {"ended_on": probe})]))
        assert (res["status"], res["reason"]) == ("rejected", "forbidden"), (probe, res)
    # the same refusal sent again (held work, every sync) is one dead letter, counted
    c = t.sync_rejection.c
    rows = office["server"].admin(
        lambda conn: conn.execute(
            select(c.reason, c.times, c.mutation).where(c.device_id == dave.device, c.record_id == inspection)
        ).all()
    )
    assert [(r.reason, r.times) for r in rows] == [("forbidden", 4)]
    assert rows[0].mutation["fields"]["ended_on"]["v"] == "2027-01-01"  # the latest one


def test_a_bad_value_already_stored_does_not_break_honest_pushes(office: dict[str, Any]) -> None:
    """An office store from before the value rules may hold a dict in a text column: an
    honest push to that record is judged without it (was a 500 on every retry)."""
    mallory: Mallory = office["mallory"]
    org = office["refs"]["organisation"][1]

    def poison(conn: Any) -> None:
        fields = conn.execute(select(t.record.c.fields).where(t.record.c.id == org)).scalar_one()
        fields = {**fields, "name": {"x": 1}, "description": 2**70}
        conn.execute(t.record.update().where(t.record.c.id == org).values(fields=fields))

    office["server"].admin(poison)
    (res,) = results(mallory.push([mutation("organisation", org, {"sector": "MSZ"})]))
    assert res["status"] in ("applied", "conflict"), res
    (res,) = results(mallory.push([mutation("organisation", org, {"name": "Hersteld", "description": None})]))
    assert res["status"] in ("applied", "conflict"), res  # honest laptops pull a good record again


def test_honest_laptops_still_sync_and_converge(office: dict[str, Any]) -> None:
    honest: dict[str, Laptop] = office["honest"]
    dave = Laptop("dave", create_store(office["root"] / "dave" / "v.db", PASSPHRASE), helpers_ctx("dave"), office["server"])
    dave.enrol("dave")  # enrolled after every attack
    laptops = [*honest.values(), dave]
    try:
        for _ in range(2):
            for laptop in laptops:
                laptop.sync()
        a, b = honest["anna"], honest["bram"]
        for tbl in synced_tables():
            assert synced_rows(a, tbl) == synced_rows(b, tbl), tbl
        assert synced_rows(a, "organisation")
        assert synced_rows(honest["carla"], "organisation") == synced_rows(dave, "organisation")
        for laptop in laptops:
            assert set_aside_count(laptop) == 0, laptop.name
    finally:
        dave.close()
    rejected = office["server"].admin(lambda c: c.execute(select(t.sync_rejection.c.reason)).scalars().all())
    assert len(rejected) > 500
    print(f"\n{TALLY['attacks']} attacks tried, {TALLY['5xx']} 5xx, {len(rejected)} dead letters on this office")
