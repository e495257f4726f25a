"""The HTTP API (FastAPI). Stateless between requests: several processes can serve one database."""

from __future__ import annotations

import asyncio
import hashlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.datastructures import Headers
from starlette.types import Scope

from sync.protocol import (
    INT64,
    MAX_PULL_CHANGES,
    MAX_PUSH_MUTATIONS,
    PROTOCOL_VERSION,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    Hello,
    PullResponse,
    PushRequest,
    PushResponse,
)

from . import accounts, conflicts, frameworks, limits, metrics, openapi_docs, pages, records, throttle
from .admin_api import REFUSALS as ADMIN_REFUSALS
from .admin_api import router as admin_router
from .blob_crypto import BlobKeyError
from .blob_store import is_bucket
from .blobs import BlobStore
from .db import make_engine, reading
from .enrol_gate import Gate
from .strict_json import StrictJsonRoute

T = TypeVar("T")
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody},
    403: {"model": ErrorBody},
    409: {"model": ErrorBody},
    413: {"model": ErrorBody},
    422: {"model": ErrorBody},
}
CALLER = "veldwerk_caller"  # the authenticated device, in the request's scope state


class _Unauthorised(Exception):
    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class UploadStart(BaseModel):
    size: int = Field(gt=0, le=INT64)


def create_app(
    database_url: str,
    server_id: str = "veldwerk",
    blob_dir: Path | str | None = None,
    blob_key: Path | None = None,
    metrics_token: str | None = None,
    s3_endpoint: str | None = None,
) -> FastAPI:
    engine = make_engine(database_url)
    store = blob_store(database_url, blob_dir, blob_key, s3_endpoint)
    app = FastAPI(title="Veldwerk office store", version=str(PROTOCOL_VERSION))
    app.router.route_class = StrictJsonRoute  # bodies no database can store: 422 at the edge
    app.state.engine = engine
    gate = Gate(engine)
    push_slots = asyncio.Semaphore(PUSH_SLOTS)
    app.add_middleware(limits.RequestGuard, authenticate=_token_check(engine))
    metrics.install(app, engine, metrics_token)  # GET /metrics; times every request (outermost)
    openapi_docs.install(app, ADMIN_REFUSALS)  # every route's refusals (openapi_docs.ROUTES, admin_api)

    @app.exception_handler(limits.TooLarge)
    async def _too_large(_request: Request, exc: limits.TooLarge) -> JSONResponse:
        return limits.too_large_response(exc.limit)

    def in_transaction(fn: Callable[[Connection], T]) -> T:
        with engine.begin() as conn:
            return fn(conn)

    @app.exception_handler(_Unauthorised)
    async def _unauthorised(_request: Request, exc: _Unauthorised) -> JSONResponse:
        return JSONResponse({"error": exc.error}, status_code=401)

    @app.exception_handler(records.Refused)
    async def _refused(_request: Request, exc: records.Refused) -> JSONResponse:
        return JSONResponse(exc.body, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = "; ".join(  # a refused JSON body says why (strict_json: bad characters)
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
            + (f" ({e['ctx']['error']})" if "error" in e.get("ctx", {}) else "")
            for e in exc.errors()[:5]
        )
        return JSONResponse({"error": "invalid_request", "detail": detail[:1000]}, status_code=422)

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        with reading(engine) as conn:  # never waits for a write lock
            conn.execute(text("SELECT 1"))
        return {"status": "ok"}

    @app.get("/v1/sync/hello", response_model=Hello, responses=ERRORS)
    def hello(_who: Caller) -> Hello:
        return Hello(
            server_id=server_id,
            server_time=accounts.now(),
            protocol=PROTOCOL_VERSION,
            max_push_mutations=MAX_PUSH_MUTATIONS,
            max_pull_changes=MAX_PULL_CHANGES,
        )

    @app.post("/v1/devices/enrol", response_model=EnrolResponse, responses=ERRORS)
    async def enrol(req: EnrolRequest, request: Request) -> EnrolResponse | JSONResponse:
        address = request.client.host if request.client else "unknown"
        try:
            device_id, token, name = await gate.enrol(req, address)
        except throttle.Throttled as exc:  # the same for every user name: no hint which exist
            return _retry_later("too_many_attempts", 429, exc.retry_after)
        except throttle.Busy as exc:
            return _retry_later("busy", 429, exc.retry_after)  # 429, not 5xx: nothing broke
        except accounts.AccountDisabled:  # only after a right password or code
            return JSONResponse({"error": "account_disabled"}, status_code=403)
        except accounts.AccountError as exc:
            return JSONResponse({"error": "enrolment_refused", "detail": str(exc)}, status_code=401)
        return EnrolResponse(device_id=device_id, epoch=1, token=token, server_id=server_id, account=name)

    @app.post("/v1/sync/push", response_model=PushResponse, responses=ERRORS)
    async def push(req: PushRequest, request: Request, who: Caller) -> Response:
        digest = hashlib.sha256(await request.body()).hexdigest()  # a retry re-sends the same bytes

        def apply(conn: Connection) -> records.PushAnswer:
            return records.push(conn, who, req, digest)

        async with push_slots:  # waiting here, a push holds no thread and no GIL (PUSH_SLOTS)
            answer = await run_in_threadpool(_retried, in_transaction, apply)
        return Response(answer.json(), media_type="application/json")

    @app.get("/v1/sync/pull", response_model=PullResponse, responses=ERRORS)
    def pull(
        who: Caller,
        since: Annotated[int, Query(ge=0, le=INT64)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_CHANGES)] = MAX_PULL_CHANGES,
        baseline: Annotated[str | None, Query(max_length=40, pattern=pages.TOKEN_PATTERN)] = None,
    ) -> Response:
        page = in_transaction(lambda c: pages.pull(c, who, since, limit, baseline))
        return Response(page, media_type="application/json")

    @app.post("/v1/blobs/{sha256}/uploads", responses=ERRORS)
    def start_upload(sha256: str, body: UploadStart, who: Caller) -> dict[str, object]:
        return in_transaction(lambda c: store.start(c, who, sha256, body.size))

    @app.patch("/v1/blobs/{sha256}/uploads/{upload_id}", responses=ERRORS)
    async def append_chunk(
        sha256: str,
        upload_id: uuid.UUID,
        request: Request,
        who: Caller,
        upload_offset: Annotated[int, Header(ge=0, le=INT64)],
        chunk_sha256: Annotated[str, Header(min_length=64, max_length=64)],
    ) -> dict[str, object]:
        chunk = await request.body()
        return await run_in_threadpool(
            in_transaction,
            lambda c: store.append(c, who, sha256, str(upload_id), upload_offset, chunk_sha256, chunk),
        )

    @app.get("/v1/sync/conflicts", responses=ERRORS)
    def lost_conflicts(who: Caller, since: Annotated[int, Query(ge=0, le=INT64)] = 0) -> dict[str, Any]:
        return in_transaction(lambda c: conflicts.involving(c, who, since))

    @app.get("/v1/frameworks", responses=ERRORS)
    def list_frameworks(_who: Caller) -> list[dict[str, str]]:
        return in_transaction(frameworks.listing)

    @app.get("/v1/frameworks/{key}/{version}", responses=ERRORS)
    def get_framework(key: str, version: str, _who: Caller) -> Response:
        text = in_transaction(lambda c: frameworks.document(c, key, version))
        return Response(text, media_type="application/json")

    @app.get("/v1/blobs/{sha256}", responses=ERRORS, response_class=StreamingResponse)
    def download(sha256: str, who: Caller) -> StreamingResponse:
        size = in_transaction(lambda c: store.readable(c, who, sha256))
        return StreamingResponse(
            store.stream(sha256, size),
            media_type="application/octet-stream",
            headers={"Content-Length": str(size)},
        )

    app.include_router(admin_router(engine, _caller))  # /v1/admin: conflicts and dead letters
    return app


# Pushes applied at once by one process; the others wait in the event loop. A push's Python
# work (checks, merge, writing) holds the GIL, and from taking its revision to its commit it
# holds the counter every other push waits on (db.next_revision): with forty pushes in forty
# threads the one holding the counter got a fortieth of the GIL, and the fleet's round was
# 15-25 % slower (docs/decisions/0024). Two, not one: while one waits on PostgreSQL, the other
# runs.
PUSH_SLOTS = 2


def _retried(run: Callable[[Callable[[Connection], T]], T], fn: Callable[[Connection], T]) -> T:
    """``run(fn)``, once more after a unique violation or serialisation failure: two devices
    pushing the same new record, or the first records of one inspection, at once on
    PostgreSQL. The second try reads what the first committed and merges into it."""
    try:
        return run(fn)
    except (IntegrityError, OperationalError) as exc:
        code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
        if isinstance(exc, OperationalError) and code not in ("40001", "40P01"):
            raise
        return run(fn)


def blob_store(
    database_url: str, place: Path | str | None, key: Path | None, s3_endpoint: str | None = None
) -> BlobStore:
    """The attachment store: ``s3://bucket/prefix`` (the key file then must be named: every
    server process and host needs the same one) or a folder, by default beside the database."""
    if is_bucket(place):
        if key is None:
            raise BlobKeyError("with a bucket, name the blob key file (--blob-key), the same on every host")
        return BlobStore(str(place), key, s3_endpoint)
    folder = Path(place) if place is not None else default_blob_dir(database_url)
    return BlobStore(folder, key or default_blob_key(folder))


ENV = {  # what ``veldwerk-server serve`` hands its uvicorn workers (``from_env``)
    "db": "VELDWERK_SERVER_DB",
    "server_id": "VELDWERK_SERVER_ID",
    "blobs": "VELDWERK_SERVER_BLOBS",
    "blob_key": "VELDWERK_SERVER_BLOB_KEY",
    "s3_endpoint": "VELDWERK_S3_ENDPOINT",
}


def from_env() -> FastAPI:
    """The app configured by the environment (``ENV``; the metrics token from
    ``VELDWERK_SERVER_METRICS_TOKEN``): the factory each uvicorn worker process calls
    (``uvicorn --factory sync.server.app:from_env --workers N``). The database must be
    migrated first (``veldwerk-server migrate``, or ``serve``, which does)."""
    from sync import gc_tuning

    from .metrics import read_token

    env = {name: os.environ.get(var) or None for name, var in ENV.items()}
    if env["db"] is None:
        raise SystemExit(f"veldwerk-server: set {ENV['db']} to the database URL")
    key = env["blob_key"]
    app = create_app(
        env["db"],
        env["server_id"] or "veldwerk",
        env["blobs"],
        Path(key) if key else None,
        read_token(None),
        env["s3_endpoint"],
    )
    gc_tuning.tune()  # a worker process serves from here on
    return app


def default_blob_dir(database_url: str) -> Path:
    """Beside a SQLite file; for PostgreSQL in the user data folder (configure with --blobs)."""
    if database_url.startswith("sqlite:///"):
        return Path(database_url.removeprefix("sqlite:///")).with_suffix(".blobs")
    import platformdirs

    return Path(platformdirs.user_data_dir("veldwerk-server", appauthor=False)) / "blobs"


def default_blob_key(blob_dir: Path) -> Path:
    """Beside the blob folder, never inside it (decision 0006; choose with --blob-key)."""
    return blob_dir.with_name(blob_dir.name + ".key")


def _retry_later(error: str, status: int, seconds: int) -> JSONResponse:
    return JSONResponse({"error": error}, status_code=status, headers={"Retry-After": str(seconds)})


def _token_check(engine: Engine) -> limits.Authenticate:
    """The device behind the bearer token, checked from the headers before any body is read
    (``limits.RequestGuard``); kept in the request's state for the ``Caller`` dependency."""

    async def check(scope: Scope) -> JSONResponse | None:
        header = Headers(scope=scope).get("authorization", "")
        token = header[7:].strip() if header.startswith("Bearer ") else ""
        if not token:
            return JSONResponse({"error": "unauthenticated"}, status_code=401)

        def look_up() -> accounts.Caller | str:
            with reading(engine) as conn:
                return accounts.authenticate(conn, token) or accounts.refusal(conn, token)

        found = await run_in_threadpool(look_up)
        if isinstance(found, str):  # device_revoked | account_disabled | unauthenticated
            return JSONResponse({"error": found}, status_code=401)
        scope.setdefault("state", {})[CALLER] = found
        return None

    return check


BEARER = HTTPBearer(auto_error=False, description="the device token from enrolment")


async def _caller(
    request: Request, _bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]
) -> accounts.Caller:
    """The enrolled, active device behind the bearer token (``BEARER`` declares the security
    scheme in the OpenAPI document; ``_token_check`` read the token before the body)."""
    found = request.scope.get("state", {}).get(CALLER)
    if not isinstance(found, accounts.Caller):
        raise _Unauthorised("unauthenticated")
    return found


Caller = Annotated[accounts.Caller, Depends(_caller)]


def dispose(app: FastAPI) -> None:
    engine: Engine = app.state.engine
    engine.dispose()
