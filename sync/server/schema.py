"""The server's tables (SQLAlchemy Core; the same on PostgreSQL and SQLite).

Records are stored generically, one row per (table, id) with the fields as JSON and,
per field, the revision, clock and device of its last change: the server merges field
by field without knowing the client's columns, so an old client never blanks a field
it does not know. Revisions come from one counter, taken inside the push transaction
under a row lock, so they become visible in commit order and a pull cursor never
skips a change.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)
Json = JSON().with_variant(JSONB(), "postgresql")
# records and their history: read whole or sent on as text, never searched in SQL, so kept as
# written (PostgreSQL json, not jsonb: no parse on the way in, no printing on the way out;
# migration 0011)
RecordJson = JSON()
Id = String(36)
Moment = String(32)  # ISO-8601 UTC, as everywhere in Veldwerk

account = Table(
    "account",
    metadata,
    Column("id", Id, primary_key=True),
    Column("username", String(200), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    Column("password_hash", String(200), nullable=True),  # argon2id; None: enrolment codes only
    Column("is_admin", Boolean, nullable=False, default=False),
    Column("created_at", Moment, nullable=False),
    Column("disabled_at", Moment, nullable=True),  # set: no device, login or code of it is accepted
)

login_throttle = Table(  # failed logins/enrolments per user name or address (sync/server/throttle.py)
    "login_throttle",
    metadata,
    Column("key", String(320), primary_key=True),  # user:<name> | addr:<address>
    Column("failures", Integer, nullable=False),
    Column("last_failure", Float, nullable=False),  # seconds since the epoch
    Column("blocked_until", Float, nullable=False),
)

team = Table(
    "team",
    metadata,
    Column("id", Id, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
)

team_member = Table(
    "team_member",
    metadata,
    Column("team_id", Id, ForeignKey("team.id"), primary_key=True),
    Column("account_id", Id, ForeignKey("account.id"), primary_key=True),
)

inspection_access = Table(
    "inspection_access",
    metadata,
    Column("inspection_id", Id, primary_key=True),
    Column("team_id", Id, ForeignKey("team.id"), primary_key=True),
    Column("can_write", Boolean, nullable=False, default=True),
)

enrolment_code = Table(
    "enrolment_code",
    metadata,
    Column("code_hash", String(64), primary_key=True),  # sha256 of the code: the code itself is shown once
    Column("account_id", Id, ForeignKey("account.id"), nullable=False),
    Column("expires_at", Moment, nullable=False),
    Column("used_at", Moment, nullable=True),
)

device = Table(
    "device",
    metadata,
    Column("id", Id, primary_key=True),
    Column("account_id", Id, ForeignKey("account.id"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the bearer token
    Column("epoch", Integer, nullable=False, default=1),
    Column("hwm", BigInteger, nullable=False, default=0),  # highest client_seq applied in this epoch
    Column("status", String(16), nullable=False, default="active"),  # active | revoked
    Column("enrolled_at", Moment, nullable=False),
    Column("last_seen_at", Moment, nullable=True),
)

sync_counter = Table(
    "sync_counter",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_seq", BigInteger, nullable=False),
)

record = Table(
    "record",
    metadata,
    Column("tbl", String(40), primary_key=True),
    Column("id", Id, primary_key=True),
    Column("scope", Id, nullable=True),  # inspection id; None = shared team memory
    Column("rev", BigInteger, nullable=False),
    Column("ord", Integer, nullable=False),  # order within the push that wrote rev
    Column("deleted", Boolean, nullable=False, default=False),
    Column("fields", RecordJson, nullable=False),
    Column("field_meta", RecordJson, nullable=False),  # {field: {"rev", "hlc", "dev"}}
    # {field: rev} as JSON text, written with field_meta; NULL on rows from before 0010
    Column("field_revs", Text, nullable=True),
    Index("ix_record_rev_ord", "rev", "ord"),
    Index("ix_record_scope", "scope"),
)

applied_batch = Table(
    "applied_batch",
    metadata,
    Column("device_id", Id, primary_key=True),
    Column("epoch", Integer, primary_key=True),
    Column("last_client_seq", BigInteger, primary_key=True),
    Column("first_client_seq", BigInteger, nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("results", Json, nullable=False),
    Column("records", Json, nullable=False),  # [(tbl, id)] the response carries, re-read on replay
    Column("seq", BigInteger, nullable=False),
    Column("created_at", Moment, nullable=False),
)

change_history = Table(  # one row per applied mutation: the fields it set, as applied
    "change_history",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("seq", BigInteger, nullable=False),
    Column("tbl", String(40), nullable=False),
    Column("record_id", Id, nullable=False),
    Column("fields", RecordJson, nullable=False),  # {field: value}
    Column("hlc", String(24), nullable=False),
    Column("device_id", Id, nullable=False),
    Column("client_seq", BigInteger, nullable=False),
    Index("ix_change_history_record", "tbl", "record_id", "seq"),
)

device_scope = Table(  # the inspections a device was given whole: sent once, in the pull after `at_since`
    "device_scope",
    metadata,
    Column("device_id", Id, primary_key=True),
    Column("scope", Id, primary_key=True),
    Column("at_since", BigInteger, nullable=False),
)

def closing() -> list[Column[object]]:
    """Who closed a conflict or dead letter, when and why (an admin; migration 0009)."""
    return [
        Column("closed_at", Moment, nullable=True),
        Column("closed_by", String(200), nullable=True),
        Column("close_note", Text, nullable=True),
    ]


sync_conflict = Table(
    "sync_conflict",
    metadata,
    Column("id", Id, primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("tbl", String(40), nullable=False),
    Column("record_id", Id, nullable=False),
    Column("field", String(64), nullable=False),
    Column("kind", String(32), nullable=False),  # concurrent_update | update_after_delete
    Column("winner", Json, nullable=True),
    Column("winner_hlc", String(24), nullable=False),
    Column("winner_device", Id, nullable=False),
    Column("loser", Json, nullable=True),
    Column("loser_hlc", String(24), nullable=False),
    Column("loser_device", Id, nullable=False),
    Column("review", Boolean, nullable=False),  # a field that matters: shown for review
    Column("status", String(16), nullable=False, default="open"),  # open | closed (by an admin)
    Column("created_at", Moment, nullable=False),
    *closing(),
    Index("ix_sync_conflict_record", "tbl", "record_id"),
)

sync_rejection = Table(
    "sync_rejection",
    metadata,
    Column("id", Id, primary_key=True),
    Column("device_id", Id, nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("client_seq", BigInteger, nullable=False),
    Column("mutation", Json, nullable=False),
    Column("reason", String(200), nullable=False),
    Column("status", String(16), nullable=False, default="open"),
    Column("created_at", Moment, nullable=False),
    # one open row per device, record and reason: work held on the laptop is sent again every
    # sync (migration 0008; rows from before it have no tbl/record_id)
    Column("tbl", String(40), nullable=True),
    Column("record_id", Id, nullable=True),
    Column("times", Integer, nullable=False, server_default="1"),
    Column("last_seen_at", Moment, nullable=True),
    *closing(),
    Index("ix_sync_rejection_open", "device_id", "tbl", "record_id", "reason"),
)

blob = Table(
    "blob",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("stored_at", Moment, nullable=False),
)

blob_upload = Table(
    "blob_upload",
    metadata,
    Column("id", Id, primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("device_id", Id, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("offset", BigInteger, nullable=False),
    Column("created_at", Moment, nullable=False),
    Index("ix_blob_upload_sha_device", "sha256", "device_id"),
)

# Who may read a blob (decision 0006): an attachment record's hash counts only once the
# pusher proved it holds the bytes (sync/server/blob_access.py).
blob_holder = Table(  # accounts that uploaded the whole file themselves
    "blob_holder",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("account_id", Id, primary_key=True),
)

blob_link = Table(  # attachment records whose hash unlocks the bytes for their readers
    "blob_link",
    metadata,
    Column("record_id", Id, primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Index("ix_blob_link_sha256", "sha256"),
)

blob_claim = Table(  # attachment records waiting for their pusher to upload the bytes
    "blob_claim",
    metadata,
    Column("record_id", Id, primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("account_id", Id, primary_key=True),
    Index("ix_blob_claim_sha_account", "sha256", "account_id"),
)

framework = Table(
    "framework",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("version", String(40), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("document", Text, nullable=False),  # the framework file as published (JSON)
    Column("published_at", Moment, nullable=False),
)
