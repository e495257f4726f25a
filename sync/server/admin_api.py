"""The admin's HTTP routes: conflicts and dead letters listed and closed (docs/operators.md).

Called with the bearer token of a device whose user is an admin (``create-user --admin``);
any other device gets 403. An id that is not there (or not an id) is 404; closing one that
is closed already is 409 (the first closer's note stays).

No ``from __future__ import annotations`` here: the routes' parameter types are made inside
``router`` and FastAPI must see them, not their names, to know they are dependencies.
"""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import Connection, Engine, select

from sync.protocol import ErrorBody

from . import accounts, closing, conflicts, dead_letters
from . import schema as t
from .strict_json import StrictJsonRoute

ADMIN_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 409, 422)
}


# each route's refusals beyond the request guard's 401 and 413 (for the OpenAPI document)
REFUSALS: dict[tuple[str, str], dict[int, tuple[str, ...]]] = {
    ("GET", "/v1/admin/conflicts"): {403: ("forbidden",), 422: ("invalid_request",)},
    ("POST", "/v1/admin/conflicts/{conflict_id}/close"): {
        403: ("forbidden",),
        404: ("not_found",),
        409: ("already_closed",),
        422: ("invalid_request",),
    },
    ("GET", "/v1/admin/dead-letters"): {403: ("forbidden",), 422: ("invalid_request",)},
    ("POST", "/v1/admin/dead-letters/{dead_letter_id}/close"): {
        403: ("forbidden",),
        404: ("not_found",),
        409: ("already_closed",),
        422: ("invalid_request",),
    },
}


class Closing(BaseModel):
    note: str | None = Field(default=None, max_length=closing.NOTE_MAX)


def router(engine: Engine, caller: Callable[..., Awaitable[accounts.Caller]]) -> APIRouter:
    """The admin routes; ``caller`` is the app's dependency for the device behind the token."""
    api = APIRouter(prefix="/v1/admin", tags=["admin"], route_class=StrictJsonRoute)

    def as_admin(who: accounts.Caller, fn: Callable[[Connection, str], Any]) -> Any:
        """``fn(conn, admin's user name)`` in one transaction, or the refusal as a response."""
        with engine.begin() as conn:
            found = conn.execute(
                select(t.account.c.username, t.account.c.is_admin).where(t.account.c.id == who.account_id)
            ).first()
            if found is None or not found.is_admin:
                return JSONResponse({"error": "forbidden", "detail": "admins only"}, status_code=403)
            try:
                return fn(conn, str(found.username))
            except closing.NotFound as exc:
                return JSONResponse({"error": "not_found", "detail": str(exc)}, status_code=404)
            except closing.AlreadyClosed as exc:
                return JSONResponse({"error": "already_closed", "detail": str(exc)}, status_code=409)

    Who = Annotated[accounts.Caller, Depends(caller)]
    Open = Annotated[bool, Query(alias="open", description="only the open ones")]
    Limit = Annotated[int, Query(ge=1, le=5000)]
    Offset = Annotated[int, Query(ge=0)]

    @api.get("/conflicts", responses=ADMIN_ERRORS)
    def list_conflicts(who: Who, only_open: Open = False, limit: Limit = 500, offset: Offset = 0) -> Any:
        return as_admin(who, lambda c, _me: {"conflicts": conflicts.listing(c, only_open, limit, offset)})

    @api.post("/conflicts/{conflict_id}/close", responses=ADMIN_ERRORS)
    def close_conflict(conflict_id: str, who: Who, body: Closing | None = None) -> Any:
        note = body.note if body else None
        return as_admin(who, lambda c, me: conflicts.close(c, conflict_id, me, note))

    @api.get("/dead-letters", responses=ADMIN_ERRORS)
    def list_dead_letters(who: Who, only_open: Open = False, limit: Limit = 500, offset: Offset = 0) -> Any:
        return as_admin(
            who, lambda c, _me: {"dead_letters": dead_letters.listing(c, only_open, limit, offset)}
        )

    @api.post("/dead-letters/{dead_letter_id}/close", responses=ADMIN_ERRORS)
    def close_dead_letter(dead_letter_id: str, who: Who, body: Closing | None = None) -> Any:
        note = body.note if body else None
        return as_admin(who, lambda c, me: dead_letters.close(c, dead_letter_id, me, note))

    return api
