"""Request bodies parsed strictly: characters no database can store are refused at the edge.

A lone surrogate (JSON ``"\\ud800"``) cannot be encoded as UTF-8, and PostgreSQL refuses
``\\u0000`` in text and jsonb; either reached the database and came back as a 500 and a
dropped connection, after which a laptop resends the same frozen batch for ever. Bodies
are parsed with orjson, which refuses lone surrogates (and NaN, and integers beyond 64
bits), and an escaped NUL anywhere is refused too. FastAPI turns the ``JSONDecodeError``
into a 422 (``invalid_request``) before any endpoint runs. A laptop's own store cannot
hold a lone surrogate, and the laptop refuses NUL in everything it takes in
(``storage.value_schema``), so an honest laptop never meets this refusal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Coroutine
from typing import Any

import orjson
from fastapi import Request, Response
from fastapi.routing import APIRoute

# \u0000 preceded by an even number of backslashes (an odd number escapes the backslash itself)
_ESCAPED_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")


def loads(body: bytes) -> Any:
    """The body's JSON value; ``json.JSONDecodeError`` for anything a database cannot store."""
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise json.JSONDecodeError(f"refused: {exc.msg}", exc.doc, exc.pos) from None
    # the plain substring test first: the pattern's look-behind walks every byte of a large body
    found = _ESCAPED_NUL.search(body) if b"\\u0000" in body else None
    if found is not None:
        raise json.JSONDecodeError("refused: NUL character", body.decode("utf-8", "replace"), found.start())
    return value


class StrictJsonRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = loads(await self.body())
        return self._json


class StrictJsonRoute(APIRoute):
    """Every route of the app parses its JSON body with ``loads``."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(StrictJsonRequest(request.scope, request.receive))

        return strict
