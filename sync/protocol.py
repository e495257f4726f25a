"""The sync protocol's messages (HTTP + JSON, version 1), shared by client and server.

Mutations are field-level: each changed field carries the server revision of the
value the user had seen (``base``), so the server can tell a sequential edit (always
applied) from a concurrent one (decided by hybrid logical clock, the loser kept).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypedDict

PROTOCOL_VERSION = 1
MAX_PUSH_MUTATIONS = 1000
# A laptop freezes at most this many bytes of JSON into one push batch (or one mutation, alone,
# if it is larger); the office takes twice that (sync/server/limits.py), so a batch near the cap
# and a single mutation of the largest values the store allows are never refused as too large.
MAX_PUSH_BYTES = 8 * 1024 * 1024
MAX_PULL_CHANGES = 2000
ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
HLC_PATTERN = r"^\d{16}\.\d{5}$"
INT64 = 2**63 - 1  # database BIGINT: larger numbers are refused at the edge, not overflowed inside
INT32 = 2**31 - 1


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldChange(TypedDict):
    """One field of a mutation: the new value ``v`` (absent: None) and ``base`` (absent: 0).
    A TypedDict, not a model: a push carries thousands and pydantic validates these several
    times faster. Read with ``change_value`` and ``change_base``."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    v: NotRequired[Any]
    base: NotRequired[Annotated[int, Field(ge=0, le=INT64)]]


def change_value(change: FieldChange) -> Any:
    return change.get("v")


def change_base(change: FieldChange) -> int:
    return change.get("base", 0)


class Mutation(Strict):
    client_seq: int = Field(ge=1, le=INT64)
    tbl: str = Field(min_length=1, max_length=40, pattern=r"^[a-z_]+$")
    id: str = Field(pattern=ID_PATTERN)
    op: Literal["upsert", "delete"]
    hlc: str = Field(pattern=HLC_PATTERN)
    fields: dict[str, FieldChange] = Field(max_length=100)


class PushRequest(Strict):
    device_id: str = Field(pattern=ID_PATTERN)
    epoch: int = Field(ge=1, le=INT32)
    first_client_seq: int = Field(ge=1, le=INT64)
    last_client_seq: int = Field(ge=1, le=INT64)
    mutations: list[Mutation] = Field(min_length=1, max_length=MAX_PUSH_MUTATIONS)


MutationStatus = Literal["applied", "conflict", "superseded", "rejected"]


class MutationResult(Strict):
    client_seq: int
    status: MutationStatus
    reason: str | None = None


class RecordState(Strict):
    """A record as the server holds it now: every field with the revision it last changed.

    ``partial`` (push answers only): ``fields`` holds just the values that differ from what
    the pushing device sent in this batch; the rest it already has. ``field_revs`` is whole.
    """

    tbl: str
    id: str
    rev: int
    deleted: bool
    fields: dict[str, Any]
    field_revs: dict[str, int]
    partial: bool = False


class PushResponse(Strict):
    results: list[MutationResult]
    records: list[RecordState]
    hwm: int
    server_time: str


class PullResponse(Strict):
    """``baseline``: a token to keep beside the cursor and send with the next pull (records of
    inspections this device was given access to after its cursor passed them). ``top``: the
    office's newest revision when the page was read (how far there is to go)."""

    changes: list[RecordState]
    next: int
    has_more: bool
    baseline: str | None = None
    top: int | None = None
    server_time: str


class ErrorBody(Strict):
    error: str
    detail: str | None = None
    expected_hwm: int | None = None


class Hello(Strict):
    server_id: str
    server_time: str
    protocol: int
    max_push_mutations: int
    max_pull_changes: int


class EnrolRequest(Strict):
    device_name: str = Field(min_length=1, max_length=200)
    username: str | None = Field(None, max_length=200)
    password: str | None = Field(None, max_length=1000)
    code: str | None = Field(None, max_length=200)


class EnrolResponse(Strict):
    device_id: str
    epoch: int
    token: str
    server_id: str
    account: str
