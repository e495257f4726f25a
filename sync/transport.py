"""HTTP to the office store (httpx). Typed errors, so the app can say what happened."""

from __future__ import annotations

import hashlib
import ipaddress
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from sync.protocol import MAX_PULL_CHANGES, EnrolRequest, EnrolResponse, PullResponse, PushResponse


class SyncError(Exception):
    """Base of everything the sync transport raises."""


class Offline(SyncError):
    """No connection (or a timeout): try again later; nothing was lost."""


class DeviceRevoked(SyncError):
    """The server no longer accepts this laptop. Local data and outbox stay; sync stops."""


class AccountDisabled(SyncError):
    """The office disabled this user's account: nothing syncs until an admin enables it."""


class NotEnrolled(SyncError):
    """The token is unknown to the server (or missing)."""


class ServerRefused(SyncError):
    """The server refused the request as a whole (409 rewound/gap, 422 ...)."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status}: {body.get('error')}")
        self.status = status
        self.body = body


class TlsRefused(ServerRefused):
    """Refused before anything was sent: ``insecure_http`` (plain http to another machine,
    not allowed in the settings), ``ca_bundle_unreadable`` or ``untrusted_certificate``."""

    def __init__(self, error: str, detail: str = "") -> None:
        super().__init__(0, {"error": error, "detail": detail})
        self.error = error


@dataclass(frozen=True)
class TlsPolicy:
    """How the laptop talks to the office (the admin's settings, ``inspectorapp.settings``):
    plain ``http://`` only to this machine unless ``allow_insecure_http``; ``ca_bundle``: a
    PEM file of the CA(s) to trust instead of the public ones (an internal CA)."""

    allow_insecure_http: bool = False
    ca_bundle: str | None = None


LOOPBACK_NAMES = ("localhost", "localhost.")


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str, policy: TlsPolicy) -> None:
    """Raises ``TlsRefused`` for a plain-http address of another machine (the password and
    every note would cross the network readable) unless the policy allows it."""
    parts = urlsplit(url)
    if parts.scheme == "http" and not policy.allow_insecure_http and not is_loopback(parts.hostname or ""):
        raise TlsRefused("insecure_http", url)


def tls_context(policy: TlsPolicy) -> ssl.SSLContext | bool:
    if not policy.ca_bundle:
        return True  # httpx's default: the public CAs
    try:
        return ssl.create_default_context(cafile=policy.ca_bundle)
    except (OSError, ssl.SSLError) as exc:
        raise TlsRefused("ca_bundle_unreadable", f"{policy.ca_bundle}: {exc}") from exc


TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=10.0)
# A kept-alive connection the server closed while idle fails on reuse: sent again once on a
# fresh one. Every call but enrolment is idempotent (frozen batches, offsets, GETs).
STALE = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)


def send(client: httpx.Client, method: str, url: str, retry: bool = True, **kwargs: Any) -> httpx.Response:
    try:
        return client.request(method, url, **kwargs)
    except STALE:
        if not retry:
            raise
        return client.request(method, url, **kwargs)


class Transport:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        client: httpx.Client | None = None,
        tls: TlsPolicy | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.tls = tls or TlsPolicy()
        self._refusal: TlsRefused | None = None  # raised by the first request, where callers catch
        try:
            verify = tls_context(self.tls)
        except TlsRefused as exc:
            verify, self._refusal = True, exc
        self.client = client or httpx.Client(timeout=TIMEOUT, verify=verify)

    def _send(self, method: str, url: str, retry: bool = True, **kwargs: Any) -> httpx.Response:
        """One request, refused before it is sent when the address breaks the TLS policy."""
        if self._refusal is not None:
            raise self._refusal
        check_url(url, self.tls)
        try:
            return send(self.client, method, url, retry, **kwargs)
        except httpx.ConnectError as exc:
            if "CERTIFICATE_VERIFY_FAILED" in str(exc):
                raise TlsRefused("untrusted_certificate", str(exc)) from exc
            raise

    def close(self) -> None:
        self.client.close()

    def _call(self, method: str, path: str, retry: bool = True, **kwargs: Any) -> dict[str, Any]:
        answer: dict[str, Any] = self._answer(method, path, retry, **kwargs).json()
        return answer

    def _answer(self, method: str, path: str, retry: bool = True, **kwargs: Any) -> httpx.Response:
        """The server's 200 answer; any other outcome raised as the error it means."""
        headers = kwargs.pop("headers", {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self._send(method, self.base_url + path, retry, headers=headers, **kwargs)
        except httpx.InvalidURL as exc:
            raise ServerRefused(0, {"error": "invalid_url", "detail": str(exc)}) from exc
        except httpx.TransportError as exc:
            raise Offline(str(exc)) from exc
        if response.status_code == 200:
            return response
        body: dict[str, Any]
        try:
            body = response.json()
        except ValueError:
            body = {"error": "not_json", "detail": response.text[:200]}
        if body.get("error") == "account_disabled":  # 401 for a device, 403 for an enrolment
            raise AccountDisabled("account_disabled")
        if response.status_code == 401:
            if body.get("error") == "device_revoked":
                raise DeviceRevoked(body.get("error", ""))
            raise NotEnrolled(str(body.get("error") or body.get("detail") or "unauthenticated"))
        if response.status_code >= 500:
            raise Offline(f"server error {response.status_code}")
        raise ServerRefused(response.status_code, body)

    def enrol(self, request: EnrolRequest) -> EnrolResponse:
        answer = self._call("POST", "/v1/devices/enrol", retry=False, json=request.model_dump())
        return EnrolResponse(**answer)

    def push(self, payload: bytes) -> PushResponse:
        headers = {"Content-Type": "application/json"}
        answer = self._answer("POST", "/v1/sync/push", content=payload, headers=headers)
        return PushResponse.model_validate_json(answer.content)

    def pull(self, since: int, limit: int = MAX_PULL_CHANGES, baseline: str | None = None) -> PullResponse:
        params: dict[str, Any] = {"since": since, "limit": limit}
        if baseline:
            params["baseline"] = baseline
        return PullResponse.model_validate_json(self._answer("GET", "/v1/sync/pull", params=params).content)

    def start_upload(self, sha256: str, size: int) -> dict[str, Any]:
        return self._call("POST", f"/v1/blobs/{sha256}/uploads", json={"size": size})

    def send_chunk(
        self, sha256: str, upload_id: str, offset: int, chunk: bytes, digest: str | None = None
    ) -> dict[str, Any]:
        """``digest``: the chunk's SHA-256 when the caller worked it out already."""
        headers = {
            "Upload-Offset": str(offset),
            "Chunk-SHA256": digest or hashlib.sha256(chunk).hexdigest(),
            "Content-Type": "application/offset+octet-stream",
        }
        return self._call("PATCH", f"/v1/blobs/{sha256}/uploads/{upload_id}", content=chunk, headers=headers)

    def download(self, sha256: str) -> bytes:
        """The file, verified against its name (a wrong byte anywhere is refused)."""
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = self._send("GET", f"{self.base_url}/v1/blobs/{sha256}", headers=headers)
        except httpx.TransportError as exc:
            raise Offline(str(exc)) from exc
        if response.status_code != 200:
            raise ServerRefused(response.status_code, {"error": "download_failed"})
        if hashlib.sha256(response.content).hexdigest() != sha256:
            raise ServerRefused(502, {"error": "download_digest_mismatch"})
        return response.content

    def lost_conflicts(self, since: int) -> dict[str, Any]:
        return self._call("GET", "/v1/sync/conflicts", params={"since": since})

    def frameworks(self) -> list[dict[str, str]]:
        listed: Any = self._call("GET", "/v1/frameworks")
        return list(listed)

    def framework(self, key: str, version: str) -> bytes:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = self._send("GET", f"{self.base_url}/v1/frameworks/{key}/{version}", headers=headers)
        except httpx.TransportError as exc:
            raise Offline(str(exc)) from exc
        if response.status_code != 200:
            raise ServerRefused(response.status_code, {"error": "framework_failed"})
        return response.content

    def health(self) -> bool:
        try:
            return self._send("GET", self.base_url + "/v1/health").status_code == 200
        except (httpx.TransportError, TlsRefused):
            return False
