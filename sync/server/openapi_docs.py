"""The refusals of every route, as the OpenAPI document states them.

FastAPI documents what a route declares, not what the request guard, the exception
handlers and the modules behind a route refuse. So the refusals are kept here, per route
and status, with the ``error`` codes each can carry; ``install`` writes them into the
schema (replacing FastAPI's generic 4xx entries), with the error body's schema, the codes
as an ``enum`` and ``Retry-After`` on a 429. tests/test_openapi.py exercises every route
against a real server and fails on a status or error code missing here, and on a route
without an entry (a new route adds its line).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from fastapi import FastAPI

from .limits import needs_token

Refusals = dict[int, tuple[str, ...]]
Table = Mapping[tuple[str, str], Refusals]

AUTH: Refusals = {401: ("unauthenticated", "device_revoked", "account_disabled")}  # limits.RequestGuard
SIZE: Refusals = {413: ("request_too_large",)}  # limits.RequestGuard: every route has a body limit
INVALID = "invalid_request"  # a body, header or query FastAPI cannot validate (app._invalid)

ROUTES: dict[tuple[str, str], Refusals] = {
    ("GET", "/v1/health"): {**SIZE},
    ("GET", "/v1/sync/hello"): {**AUTH, **SIZE},
    ("POST", "/v1/devices/enrol"): {
        401: ("enrolment_refused",),
        403: ("account_disabled",),
        **SIZE,
        422: (INVALID,),
        429: ("too_many_attempts", "busy"),
    },
    ("POST", "/v1/sync/push"): {
        **AUTH,
        403: ("device_mismatch",),
        409: ("epoch_mismatch", "device_rewound", "gap"),
        **SIZE,
        422: (INVALID, "bad_batch"),
    },
    ("GET", "/v1/sync/pull"): {**AUTH, **SIZE, 422: (INVALID,)},
    ("POST", "/v1/blobs/{sha256}/uploads"): {
        **AUTH,
        **SIZE,
        422: (INVALID, "invalid_sha256", "invalid_size"),
    },
    ("PATCH", "/v1/blobs/{sha256}/uploads/{upload_id}"): {
        **AUTH,
        404: ("unknown_upload",),
        409: ("offset_mismatch",),
        **SIZE,
        422: (INVALID, "invalid_sha256", "invalid_chunk", "chunk_digest_mismatch", "file_digest_mismatch"),
    },
    ("GET", "/v1/sync/conflicts"): {**AUTH, **SIZE, 422: (INVALID,)},
    ("GET", "/v1/frameworks"): {**AUTH, **SIZE},
    ("GET", "/v1/frameworks/{key}/{version}"): {**AUTH, 404: ("unknown_framework",), **SIZE},
    ("GET", "/v1/blobs/{sha256}"): {**AUTH, 404: ("unknown_blob",), **SIZE, 422: ("invalid_sha256",)},
}

MEANING = {
    400: "Bad request",
    401: "No valid credentials: no token, a revoked device or a disabled account (enrolment: refused)",
    403: "Refused for this caller",
    404: "Not found, or not readable by the caller (the same answer)",
    409: "Out of step with the office: expected_hwm says where it stands",
    413: "Body larger than the route allows (limit: the largest accepted, in bytes)",
    422: "Invalid request: detail says what",
    429: "Too many attempts, or the office is busy: try again after Retry-After seconds",
}
ERROR_BODY = "#/components/schemas/ErrorBody"
TOO_LARGE = "RequestTooLarge"
TOO_LARGE_SCHEMA: dict[str, Any] = {
    "title": TOO_LARGE,
    "type": "object",
    "properties": {
        "error": {"type": "string", "enum": ["request_too_large"]},
        "limit": {"type": "integer", "description": "the largest body the route accepts, in bytes"},
    },
    "required": ["error", "limit"],
}
RETRY_AFTER = {
    "Retry-After": {
        "description": "seconds to wait before trying again",
        "schema": {"type": "integer", "minimum": 1},
    }
}


def response(status: int, errors: tuple[str, ...]) -> dict[str, Any]:
    """One documented refusal: the body schema with its possible ``error`` codes."""
    if status == 413:
        schema: dict[str, Any] = {"$ref": f"#/components/schemas/{TOO_LARGE}"}
    else:
        only = {"type": "object", "properties": {"error": {"type": "string", "enum": list(errors)}}}
        schema = {"allOf": [{"$ref": ERROR_BODY}, only]}
    entry: dict[str, Any] = {
        "description": f"{MEANING[status]}. error: {', '.join(errors)}",
        "content": {"application/json": {"schema": schema}},
    }
    if status == 429:
        entry["headers"] = RETRY_AFTER
    return entry


def table(*more: Table) -> dict[tuple[str, str], Refusals]:
    """``ROUTES`` and the routes of other modules (their refusals beyond the request guard's,
    which are added here: 413 on every route, 401 where a token is needed)."""
    whole = dict(ROUTES)
    for routes in more:
        for (method, path), refusals in routes.items():
            whole[(method, path)] = {**(AUTH if needs_token(path) else {}), **SIZE, **refusals}
    return whole


def document(schema: dict[str, Any], refusals_of: Table) -> dict[str, Any]:
    """``schema`` with every route's refusals from ``refusals_of`` in place of FastAPI's guesses."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components[TOO_LARGE] = TOO_LARGE_SCHEMA
    for (method, path), refusals in refusals_of.items():
        operation = schema.get("paths", {}).get(path, {}).get(method.lower())
        if operation is None:
            continue
        answers = operation.get("responses", {})
        kept = {code: r for code, r in answers.items() if not str(code).startswith("4")}
        documented = {str(status): response(status, errors) for status, errors in sorted(refusals.items())}
        operation["responses"] = kept | documented
    return schema


def install(app: FastAPI, *more: Table) -> None:
    """``app.openapi()`` (and ``/openapi.json``) gives the documented schema; ``more``: the
    refusals of routes other modules add (``admin_api.REFUSALS``)."""
    generate: Callable[[], dict[str, Any]] = app.openapi
    app.state.refusals = table(*more)  # what the document states, for tests/test_openapi.py

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document(generate(), app.state.refusals)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
