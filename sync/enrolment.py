"""Enrolling this laptop with an office store, and keeping its token.

The token goes to the OS keyring; where there is none (a server without a desktop
session, some Linux setups) it is kept in the store's own ``store_meta``, which
SQLCipher encrypts with the passphrase. A store holding demo data never enrols
(decision 0005): demo stories must not reach the office.

A laptop the office revoked (rightly or not) is *disconnected*: its device id and token
are set aside, its outbox stays, and it may enrol again. The new device starts its own
client sequence and cursor, so the unsent work reaches the office under the new device
(decision 0010). Only under the same account: unsent work of one user never travels under
another's name (``other_account``).
"""

from __future__ import annotations

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from storage.models import Outbox, StoreMeta, SyncHeld, SyncInflight
from sync.protocol import EnrolRequest, EnrolResponse

from . import local_state as state
from .transport import TlsPolicy, Transport

KEYRING_SERVICE = "veldwerk-sync"
DEMO_MARKER = "demo_loaded_at"


class EnrolmentRefused(Exception):
    pass


def check_can_enrol(session: Session, account: str | None = None) -> None:
    """Refused for a demo store, an enrolled laptop, and (``account``: the user name asked for
    or answered) a laptop holding unsent work of another account."""
    if session.get(StoreMeta, DEMO_MARKER) is not None:
        raise EnrolmentRefused("demo_store")
    if state.enrolled(session):
        raise EnrolmentRefused("already_enrolled")
    before = state.get(session, "account")
    if account and before and account.casefold() != before.casefold() and unsent_work(session):
        raise EnrolmentRefused("other_account")


def unsent_work(session: Session) -> bool:
    """Local edits the office has not taken yet (outbox, a frozen batch, held work)."""
    return any(session.scalar(select(exists().select_from(t))) for t in (Outbox, SyncInflight, SyncHeld))


def request_enrolment(
    server_url: str, request: EnrolRequest, transport: Transport | None = None, tls: TlsPolicy | None = None
) -> EnrolResponse:
    own = transport or Transport(server_url, tls=tls)
    try:
        return own.enrol(request)
    finally:
        if transport is None:
            own.close()


def record_enrolment(session: Session, server_url: str, answer: EnrolResponse) -> None:
    check_can_enrol(session, answer.account)
    # a batch frozen for a former device is frozen again for this one (its outbox rows stay)
    session.execute(delete(SyncInflight))
    state.put(session, "server_url", server_url.rstrip("/"))
    state.put(session, "device_id", answer.device_id)
    state.put(session, "epoch", answer.epoch)
    state.put(session, "account", answer.account)
    state.put(session, "next_client_seq", 1)
    state.put(session, "hwm", 0)
    state.put(session, "cursor", 0)
    state.put(session, "baseline", "")
    _forget(session, "token")
    if not _keyring_set(answer.device_id, answer.token):
        state.put(session, "token", answer.token)


def disconnect(session: Session) -> None:
    """The office revoked this laptop: forget its device and token (the id is kept as
    ``revoked_device_id`` for the record), keep the outbox and all data, allow a new enrolment."""
    device_id = state.get(session, "device_id")
    if device_id is None:
        return
    state.put(session, "revoked_device_id", device_id)
    state.put(session, "revoked_at", state.now())
    _forget(session, "device_id")
    _forget(session, "token")
    _keyring_delete(device_id)


def disconnected(session: Session) -> bool:
    """Revoked by the office and not enrolled again since."""
    return not state.enrolled(session) and state.get(session, "revoked_device_id") is not None


def _forget(session: Session, key: str) -> None:
    session.execute(delete(StoreMeta).where(StoreMeta.key == state.PREFIX + key))


def token(session: Session) -> str | None:
    device_id = state.get(session, "device_id")
    if device_id is None:
        return None
    return _keyring_get(device_id) or state.get(session, "token")


def _keyring_set(device_id: str, secret: str) -> bool:
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.set_password(KEYRING_SERVICE, device_id, secret)
        return keyring.get_password(KEYRING_SERVICE, device_id) == secret
    except (ImportError, KeyringError, RuntimeError):
        return False


def _keyring_delete(device_id: str) -> None:
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.delete_password(KEYRING_SERVICE, device_id)
    except (ImportError, KeyringError, RuntimeError):
        pass


def _keyring_get(device_id: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, device_id)
    except (ImportError, KeyringError, RuntimeError):
        return None
