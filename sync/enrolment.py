"""Enrolling this laptop with an office store, and keeping its token.

The token goes to the OS keyring; where there is none (a server without a desktop
session, some Linux setups) it is kept in the store's own ``store_meta``, which
SQLCipher encrypts with the passphrase. A store holding demo data never enrols
(decision 0005): demo stories must not reach the office.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from storage.models import StoreMeta
from sync.protocol import EnrolRequest, EnrolResponse

from . import local_state as state
from .transport import Transport

KEYRING_SERVICE = "veldwerk-sync"
DEMO_MARKER = "demo_loaded_at"


class EnrolmentRefused(Exception):
    pass


def check_can_enrol(session: Session) -> None:
    if session.get(StoreMeta, DEMO_MARKER) is not None:
        raise EnrolmentRefused("demo_store")
    if state.enrolled(session):
        raise EnrolmentRefused("already_enrolled")


def request_enrolment(
    server_url: str, request: EnrolRequest, transport: Transport | None = None
) -> EnrolResponse:
    own = transport or Transport(server_url)
    try:
        return own.enrol(request)
    finally:
        if transport is None:
            own.close()


def record_enrolment(session: Session, server_url: str, answer: EnrolResponse) -> None:
    check_can_enrol(session)
    state.put(session, "server_url", server_url.rstrip("/"))
    state.put(session, "device_id", answer.device_id)
    state.put(session, "epoch", answer.epoch)
    state.put(session, "account", answer.account)
    state.put(session, "next_client_seq", 1)
    state.put(session, "cursor", 0)
    if not _keyring_set(answer.device_id, answer.token):
        state.put(session, "token", answer.token)


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


def _keyring_get(device_id: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, device_id)
    except (ImportError, KeyringError, RuntimeError):
        return None
