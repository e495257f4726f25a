"""HTTP to the office store (httpx). Typed errors, so the app can say what happened."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx

from sync.protocol import EnrolRequest, EnrolResponse, PullResponse, PushResponse


class SyncError(Exception):
    """Base of everything the sync transport raises."""


class Offline(SyncError):
    """No connection (or a timeout): try again later; nothing was lost."""


class DeviceRevoked(SyncError):
    """The server no longer accepts this laptop. Local data and outbox stay; sync stops."""


class NotEnrolled(SyncError):
    """The token is unknown to the server (or missing)."""


class ServerRefused(SyncError):
    """The server refused the request as a whole (409 rewound/gap, 422 ...)."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status}: {body.get('error')}")
        self.status = status
        self.body = body


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
    def __init__(self, base_url: str, token: str | None = None, client: httpx.Client | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.client = client or httpx.Client(timeout=TIMEOUT)

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
            response = send(self.client, method, self.base_url + path, retry, headers=headers, **kwargs)
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

    def pull(self, since: int, limit: int = 500, baseline: str | None = None) -> PullResponse:
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
            response = send(self.client, "GET", f"{self.base_url}/v1/blobs/{sha256}", headers=headers)
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
            response = send(
                self.client, "GET", f"{self.base_url}/v1/frameworks/{key}/{version}", headers=headers
            )
        except httpx.TransportError as exc:
            raise Offline(str(exc)) from exc
        if response.status_code != 200:
            raise ServerRefused(response.status_code, {"error": "framework_failed"})
        return response.content

    def health(self) -> bool:
        try:
            return self.client.get(self.base_url + "/v1/health").status_code == 200
        except httpx.TransportError:
            return False
