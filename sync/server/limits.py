"""Requests without credentials cost little: authenticate from the headers, then read the body,
and never more of it than the route allows.

A pure ASGI middleware, because FastAPI reads and parses a body before any dependency runs:
a 150 MB push without a token was read whole. Here a route that needs a device token is
refused (401) before one body byte is read, and every route has a size limit: a larger
``Content-Length`` is refused at once (413), and a body without one (chunked) is cut off as
soon as it passes the limit.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import MAX_PUSH_BYTES

from .blobs import CHUNK_MAX

KIB, MIB = 1024, 1024 * 1024
PUSH_MAX = 2 * MAX_PUSH_BYTES  # a laptop freezes batches up to MAX_PUSH_BYTES (headroom: twice)
ENROL_MAX = 16 * KIB
SMALL_MAX = 64 * KIB  # every other body: a JSON object of a few fields, or none
CHUNK_ROUTE = re.compile(r"^/v1/blobs/[^/]+/uploads/[^/]+$")
PUBLIC = frozenset({"/v1/health", "/v1/devices/enrol"})

# the caller's token checked from the headers: None when the caller may go on (and the
# caller's identity is then kept in ``scope["state"]``), else the refusal to send
Authenticate = Callable[[Scope], Awaitable[JSONResponse | None]]


class TooLarge(HTTPException):
    """The body passed the route's limit (raised while it is read; answered 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413)
        self.limit = limit


def too_large_response(limit: int) -> JSONResponse:
    return JSONResponse({"error": "request_too_large", "limit": limit}, status_code=413)


def limit_for(method: str, path: str) -> int:
    if method == "POST" and path == "/v1/sync/push":
        return PUSH_MAX
    if method == "PATCH" and CHUNK_ROUTE.match(path):
        return CHUNK_MAX + 64 * KIB
    if path == "/v1/devices/enrol":
        return ENROL_MAX
    return SMALL_MAX


def needs_token(path: str) -> bool:
    return path.startswith("/v1/") and path not in PUBLIC


class RequestGuard:
    """Size limits for every request; the device token checked first where one is needed."""

    def __init__(self, app: ASGIApp, authenticate: Authenticate) -> None:
        self.app = app
        self.authenticate = authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if needs_token(scope["path"]):
            refusal = await self.authenticate(scope)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        limit = limit_for(scope["method"], scope["path"])
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await too_large_response(limit)(scope, receive, send)
            return
        await self._within(limit, scope, receive, send)

    async def _within(self, limit: int, scope: Scope, receive: Receive, send: Send) -> None:
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise TooLarge(limit)
            return message

        async def watched(message: MutableMapping[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except TooLarge:
            if not started:  # raised outside a route's handlers (the app's own answer comes first)
                await too_large_response(limit)(scope, receive, send)
