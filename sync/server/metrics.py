"""Prometheus metrics of the office store: ``GET /metrics`` in the text exposition format.

What the office knows about its fleet is read from the database at scrape time, so every
server process on one database answers the same (several uvicorn workers, several hosts):
each active device's last sync and the work it still owes the office (attachment bytes of
unfinished uploads, attachment records whose bytes its user has not uploaded yet, refused
mutations still open), refused mutations counted by reason, open dead letters and open
conflicts. The office does not know a laptop's outbox: ``veldwerk sync-status`` on the
laptop tells that.

Request latencies are measured in the process that answered, as a histogram per route
template, method and status class. A scrape reaches one process, so with several workers
set ``PROMETHEUS_MULTIPROC_DIR`` to an empty folder before the server starts:
prometheus_client then keeps each worker's histogram in that folder and every scrape adds
them up (its multiprocess mode).

Access: the metrics name users and devices, so ``/metrics`` is off (404) unless the server
is given a token (``--metrics-token-file`` or ``VELDWERK_SERVER_METRICS_TOKEN``) and then
answers only a request bearing it. Loopback is not trusted: a TLS proxy on the same host
forwards the internet from loopback.
"""

from __future__ import annotations

import gc
import hmac
import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_PLAIN_0_0_4, CollectorRegistry, Histogram, generate_latest
from prometheus_client.metrics_core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from starlette.routing import BaseRoute, Match, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import schema as t
from .db import reading

log = logging.getLogger(__name__)
PATH = "/metrics"
TOKEN_ENV = "VELDWERK_SERVER_METRICS_TOKEN"
MIN_TOKEN = 16
UNMATCHED = "unmatched"  # paths of no route (scanners): one label value, not one per path
# uploads of 32 MiB chunks and pushes of thousands of changes take seconds, health checks less than 1 ms
BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, float("inf"))
DEVICE = ("device", "user")


def read_token(file: Path | None) -> str | None:
    """The metrics token from ``file`` or the environment; None: metrics are off."""
    token = file.read_text("utf-8").strip() if file is not None else os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        if file is not None:
            raise SystemExit(f"veldwerk-server: the metrics token file {file} is empty")
        return None
    if len(token) < MIN_TOKEN:
        raise SystemExit(f"veldwerk-server: the metrics token must have at least {MIN_TOKEN} characters")
    return token


def route_template(routes: Iterable[BaseRoute], scope: Scope) -> str:
    """The path template of the route that answers ``scope`` (``/v1/blobs/{sha256}``), so one
    label value stands for every blob; a path no route matches counts as ``unmatched``."""
    partial = UNMATCHED
    for route in routes:
        match, _ = route.matches(scope)
        if match == Match.FULL:
            return str(getattr(route, "path", UNMATCHED))
        if match == Match.PARTIAL and partial == UNMATCHED:  # the path matched, the method not (405)
            partial = str(getattr(route, "path", UNMATCHED))
    return partial


class RequestTimer:
    """Times every request, the ones the request guard refuses before any route too (the
    outermost middleware: added after the guard)."""

    def __init__(self, app: ASGIApp, histogram: Histogram, router: Router) -> None:
        self.app = app
        self.histogram = histogram
        self.router = router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        route = route_template(self.router.routes, scope)
        status = 500  # an exception before the answer started: the server's fault
        started = time.perf_counter()

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            self.histogram.labels(scope["method"], route, f"{status // 100}xx").observe(
                time.perf_counter() - started
            )


def _epoch_seconds(moment: str) -> float:
    return datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp()


def _prefix(reason: str) -> str:
    """``invalid_value:field:problem`` counts as ``invalid_value``: a bounded set of label values."""
    return reason.split(":", 1)[0][:40]


class StoreCollector(Collector):
    """The fleet as the database has it, read at every scrape (one read-only transaction)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[Metric]:
        try:
            with reading(self.engine) as conn:
                families = list(self._read(conn))
            up = 1.0
        except SQLAlchemyError:  # the scrape still answers: an alert on veldwerk_database_up
            log.warning("metrics: the office database did not answer", exc_info=True)
            families, up = [], 0.0
        yield from families
        yield GaugeMetricFamily("veldwerk_database_up", "1 when the office database answered this scrape", up)

    def _read(self, conn: Connection) -> Iterator[Metric]:
        yield from self._devices(conn)
        yield from self._rejections(conn)
        c = t.sync_conflict.c
        conflicts = GaugeMetricFamily(
            "veldwerk_conflicts_open", "Sync conflicts not closed yet", labels=("kind", "review")
        )
        open_conflicts = select(c.kind, c.review, func.count()).where(c.status == "open")
        for kind, review, n in conn.execute(open_conflicts.group_by(c.kind, c.review)):
            conflicts.add_metric((kind, "true" if review else "false"), n)
        yield conflicts
        revision = conn.execute(select(t.sync_counter.c.last_seq)).scalar()
        yield GaugeMetricFamily(
            "veldwerk_last_revision", "The office's latest revision (one per applied push)", revision or 0
        )

    def _devices(self, conn: Connection) -> Iterator[Metric]:
        d, u, r = t.device.c, t.blob_upload.c, t.sync_rejection.c
        active = (
            select(d.id, d.last_seen_at, t.account.c.username)
            .join(t.account, t.account.c.id == d.account_id)
            .where(d.status == "active", t.account.c.disabled_at.is_(None))
        )
        devices = conn.execute(active.order_by(t.account.c.username, d.id)).all()
        owing = select(u.device_id, func.sum(u.size - u.offset)).group_by(u.device_id)
        owed_bytes = {row[0]: row[1] for row in conn.execute(owing)}
        open_rows = select(r.device_id, func.count()).where(r.status == "open").group_by(r.device_id)
        dead: dict[str, int] = {row[0]: row[1] for row in conn.execute(open_rows)}
        last_sync = GaugeMetricFamily(
            "veldwerk_device_last_sync_timestamp_seconds",
            "When an active device last pushed or pulled (seconds since the epoch)",
            labels=DEVICE,
        )
        uploads = GaugeMetricFamily(
            "veldwerk_device_upload_backlog_bytes",
            "Attachment bytes an active device started uploading and has not sent yet",
            labels=DEVICE,
        )
        letters = GaugeMetricFamily(
            "veldwerk_device_dead_letters_open",
            "Refused mutations of an active device still open",
            labels=DEVICE,
        )
        for device_id, seen, user in devices:
            if seen is not None:  # enrolled, never synced: no sample rather than 1970
                last_sync.add_metric((device_id, user), _epoch_seconds(seen))
            uploads.add_metric((device_id, user), float(owed_bytes.get(device_id) or 0))
            letters.add_metric((device_id, user), dead.get(device_id, 0))
        yield from (last_sync, uploads, letters)
        claims = GaugeMetricFamily(
            "veldwerk_user_attachments_awaiting_upload",
            "Attachment records a user pushed whose bytes that user has not uploaded yet",
            labels=("user",),
        )
        waiting = (
            select(t.account.c.username, func.count())
            .select_from(t.blob_claim)
            .join(t.account, t.account.c.id == t.blob_claim.c.account_id)
            .group_by(t.account.c.username)
        )
        for user, n in conn.execute(waiting):
            claims.add_metric((user,), n)
        yield claims

    def _rejections(self, conn: Connection) -> Iterator[Metric]:
        r = t.sync_rejection.c
        total: dict[str, float] = defaultdict(float)
        still_open: dict[str, float] = defaultdict(float)
        by_reason = select(r.reason, r.status, func.sum(r.times), func.count()).group_by(r.reason, r.status)
        for reason, status, times, rows in conn.execute(by_reason):
            total[_prefix(reason)] += times or 0  # a dead letter closed later still counted: monotonic
            if status == "open":
                still_open[_prefix(reason)] += rows
        rejected = CounterMetricFamily(
            "veldwerk_rejected_mutations",
            "Mutations the office refused, by reason (each time a laptop sent one)",
            labels=("reason",),
        )
        for reason, n in sorted(total.items()):
            rejected.add_metric((reason,), n)
        letters = GaugeMetricFamily(
            "veldwerk_dead_letters_open", "Refused mutations not closed yet, by reason", labels=("reason",)
        )
        for reason, n in sorted(still_open.items()):
            letters.add_metric((reason,), n)
        yield from (rejected, letters)


class CollectorSetup(Collector):
    """How the answering process's garbage collector is set (``gc_tuning``): objects frozen
    out of collection and each generation's threshold."""

    def collect(self) -> Iterator[Metric]:
        frozen = GaugeMetricFamily(
            "veldwerk_process_gc_frozen_objects", "Objects this process froze out of garbage collection"
        )
        frozen.add_metric([], gc.get_freeze_count())
        threshold = GaugeMetricFamily(
            "veldwerk_process_gc_threshold", "Collection threshold per generation", labels=("generation",)
        )
        for generation, value in enumerate(gc.get_threshold()):
            threshold.add_metric([str(generation)], value)
        yield from (frozen, threshold)


def _registry(engine: Engine) -> tuple[CollectorRegistry, Histogram]:
    registry = CollectorRegistry()
    multiprocess = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
    histogram = Histogram(
        "veldwerk_http_request_duration_seconds",
        "Time to answer a request, by method, route template and status class",
        ("method", "route", "status"),
        buckets=BUCKETS,
        # multiprocess mode: the samples live in the folder's files, read by the collector below
        registry=CollectorRegistry() if multiprocess else registry,
    )
    if multiprocess:
        from prometheus_client import multiprocess as mp

        mp.MultiProcessCollector(registry)
    registry.register(StoreCollector(engine))
    registry.register(CollectorSetup())
    return registry, histogram


def install(app: FastAPI, engine: Engine, token: str | None) -> None:
    """``GET /metrics`` (behind ``token``; 404 without one) and the request timer."""
    registry, histogram = _registry(engine)
    app.add_middleware(RequestTimer, histogram=histogram, router=app.router)

    @app.get(PATH, include_in_schema=False)
    def scrape(request: Request) -> Any:  # a plain def: the scrape's queries run on a worker thread
        if token is None:
            return JSONResponse({"error": "metrics_disabled"}, status_code=404)
        given = request.headers.get("authorization", "")
        bearer = given[7:].strip() if given.startswith("Bearer ") else ""
        if not hmac.compare_digest(bearer.encode(), token.encode()):
            return JSONResponse(
                {"error": "unauthenticated"}, status_code=401, headers={"WWW-Authenticate": "Bearer"}
            )
        # the 0.0.4 text format: what every Prometheus reads (generate_latest writes legacy names)
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_PLAIN_0_0_4)
