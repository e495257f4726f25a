"""Sync as the app runs it: network on a worker thread, database steps on the database thread.

No Qt here: the GUI calls these from a worker (``ui.ops.in_thread``) and shows the
outcome. Every failure is an outcome with a kind the GUI can word, never a lost edit:
the outbox and all local data stay whatever happens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import FrameworkVersion, SyncIssue
from sync import enrolment
from sync import local_state as sync_state
from sync.engine import OnProgress, SyncEngine, SyncReport
from sync.engine import Progress as Progress  # what the GUI shows of a running sync
from sync.protocol import EnrolRequest
from sync.transport import (
    AccountDisabled,
    DeviceRevoked,
    NotEnrolled,
    Offline,
    ServerRefused,
    TlsPolicy,
    TlsRefused,
    Transport,
)

from . import blob_sync
from . import settings as settings_io
from .errors import FrameworkFileError
from .services import frameworks, sync_status
from .workspace import Workspace


@dataclass(frozen=True)
class SyncOutcome:
    kind: str  # done | offline | revoked | disabled | not_enrolled | refused
    report: SyncReport | None = None
    detail: str = ""


def _credentials(session: Session) -> tuple[str | None, str | None]:
    return sync_state.get(session, "server_url"), enrolment.token(session)


def tls_policy(ws: Workspace) -> TlsPolicy:
    """The admin's TLS settings (settings.json: ``allow_insecure_http``, ``ca_bundle``)."""
    found = settings_io.load(ws.paths.settings_file)
    return TlsPolicy(found.allow_insecure_http, found.ca_bundle or None)


def run_sync(ws: Workspace, progress: OnProgress | None = None) -> SyncOutcome:
    url, token = ws.call(_credentials)
    if not url or not token:
        return SyncOutcome("not_enrolled")
    transport = Transport(url, token, tls=tls_policy(ws))
    try:
        report = SyncEngine(ws.call, transport, progress).run(lambda: fetch_frameworks(ws, transport))
        report.files = blob_sync.upload_pending(ws, transport, progress)
        fetch_lost_conflicts(ws, transport)
        return SyncOutcome("done", report)
    except Offline as exc:
        return SyncOutcome("offline", detail=str(exc))
    except DeviceRevoked:  # the outbox stays; the laptop may enrol again and hand it over
        ws.call(enrolment.disconnect)
        return SyncOutcome("revoked")
    except AccountDisabled:
        return SyncOutcome("disabled")
    except NotEnrolled as exc:
        return SyncOutcome("not_enrolled", detail=str(exc))
    except ServerRefused as exc:
        return SyncOutcome("refused", detail=str(exc.body.get("error")))
    finally:
        transport.close()


class EnrolmentFailed(Exception):
    """kind: demo_store | already_enrolled | other_account | offline | login_refused | invalid |
    account_disabled | too_many_attempts | busy | insecure_http | ca_bundle_unreadable |
    untrusted_certificate"""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(kind)
        self.kind = kind
        self.detail = detail


def _known_frameworks(session: Session) -> dict[tuple[str, str], str]:
    return {(fv.key, fv.version): fv.content_sha256 for fv in session.scalars(select(FrameworkVersion))}


def fetch_frameworks(ws: Workspace, transport: Transport) -> int:
    """Load the framework versions the office published that this laptop lacks."""
    known = ws.call(_known_frameworks)
    loaded = 0
    for entry in transport.frameworks():
        key, version = entry["key"], entry["version"]
        if (key, version) in known:
            continue
        data = transport.framework(key, version)
        try:
            ws.call(frameworks.load_framework_file, ws.ctx, data, f"office:{key}@{version}")
            loaded += 1
        except FrameworkFileError as exc:
            ws.call(sync_state.add_issue, "framework_refused", None, None, reason=str(exc))
    return loaded


def record_conflicts(session: Session, answer: dict[str, Any]) -> None:
    """The office's conflicts of this laptop as problems, one per record and revision, each
    listed once however often asked (its id is the first conflict's). A value of mine that
    won shows the colleague's value that lost beside it (``other``); one that lost, the
    value that won (``sync.server.conflicts``)."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for c in answer["conflicts"]:
        key = (c["seq"], c["tbl"], c["record_id"], c.get("role", "lost"), c["kind"])
        groups.setdefault(key, []).append(c)
    for (_seq, tbl, record_id, role, kind), rows in groups.items():
        issue_id = rows[0]["id"]
        if session.get(SyncIssue, issue_id) is not None:
            continue
        session.add(
            SyncIssue(
                id=issue_id,
                kind="conflict" if role == "won" else "overwritten",
                tbl=tbl,
                record_id=record_id,
                detail={
                    "reason": kind,
                    "fields": {c["field"]: {"v": c["mine"], "other": c.get("theirs")} for c in rows},
                },
                status="open",
                created_at=sync_state.now(),
            )
        )
    sync_state.put(session, "conflict_cursor", answer["next"])


def fetch_lost_conflicts(ws: Workspace, transport: Transport) -> None:
    """Conflicts this laptop took part in without learning them from its push answer: a value
    of mine another laptop's later push overwrote, and every conflict my value won."""
    for _page in range(20):  # 20 pages a sync at most; the rest the next time
        since = ws.call(lambda s: sync_state.get_int(s, "conflict_cursor", 0))
        answer = transport.lost_conflicts(since)
        ws.call(record_conflicts, answer)
        if not answer.get("more"):
            return


def fetch_file(ws: Workspace, sha256: str) -> None:
    """Download one attachment file on demand (raises the transport's errors)."""
    url, token = ws.call(_credentials)
    if not url or not token:
        raise NotEnrolled("not_enrolled")
    transport = Transport(url, token, tls=tls_policy(ws))
    try:
        blob_sync.fetch(ws, transport, sha256)
    finally:
        transport.close()


def enrol(
    ws: Workspace, server_url: str, device_name: str, username: str, password: str, code: str
) -> sync_status.SyncOverview:
    """Ask the office for a device token, then record it (refused for a demo store first)."""
    try:
        ws.call(enrolment.check_can_enrol, username or None)
        request = EnrolRequest(
            device_name=device_name, username=username or None, password=password or None, code=code or None
        )
        answer = enrolment.request_enrolment(server_url, request, tls=tls_policy(ws))
    except enrolment.EnrolmentRefused as exc:
        raise EnrolmentFailed(str(exc)) from exc
    except Offline as exc:
        raise EnrolmentFailed("offline", str(exc)) from exc
    except NotEnrolled as exc:
        raise EnrolmentFailed("login_refused", str(exc)) from exc
    except AccountDisabled as exc:
        raise EnrolmentFailed("account_disabled") from exc
    except TlsRefused as exc:
        raise EnrolmentFailed(exc.error, str(exc.body.get("detail", ""))[:200]) from exc
    except ServerRefused as exc:
        if exc.body.get("error") in ("too_many_attempts", "busy"):
            raise EnrolmentFailed(str(exc.body["error"])) from exc
        raise EnrolmentFailed("invalid", str(exc)[:200]) from exc
    except ValueError as exc:  # pydantic refused the input
        raise EnrolmentFailed("invalid", str(exc)[:200]) from exc
    return ws.call(sync_status.record_enrolment, ws.ctx, server_url, answer).value
