"""One sync run: push the outbox in frozen batches, then pull pages until up to date.

Every step is idempotent and commits on its own, so a run can stop anywhere (network
gone, laptop closed, process killed) and the next run continues: an unacknowledged
batch is re-sent byte for byte, a half-applied pull page is re-applied harmlessly.
Database work goes through ``run_db`` (the app's database thread); network calls do not
hold the database.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.orm import Session

from . import held, set_aside
from . import local_state as state
from .apply import apply_records, stale
from .batches import Settled, freeze, prepare, settle, waiting
from .transport import ServerRefused, Transport

if TYPE_CHECKING:
    from .protocol import PullResponse, RecordState

T = TypeVar("T")
RunDb = Callable[[Callable[[Session], Any]], Any]
MAX_PUSHES = 10_000  # per run: a bound, never reached in practice
MAX_PAGES = 100_000


@dataclass(frozen=True)
class Progress:
    """How far a run is, reported after each commit. ``stage``: push (``done`` of ``total``
    local edits sent), pull (revisions received of those the office had when the pull
    began) or files (bytes of attachment files sent); ``total`` 0 while unknown.
    ``items``: records pushed, records received or files sent so far."""

    stage: str
    done: int
    total: int
    items: int


OnProgress = Callable[[Progress], None]


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    applied: int = 0
    files: int = 0  # attachment files uploaded (by the app, after the records)
    statuses: dict[str, int] = field(default_factory=dict)
    # (tbl, id) of every record the office sent back (push answers, pull pages): what open
    # views may have to show anew (a superset of what changed; refreshing is harmless)
    changed: set[tuple[str, str]] = field(default_factory=set)


def _pull_page(session: Session, page: Any) -> int:
    changed = apply_records(session, page.changes)
    state.put(session, "cursor", page.next)
    state.put(session, "baseline", page.baseline or "")
    return changed


def _retry_set_aside(session: Session) -> tuple[int, set[tuple[str, str]]]:
    """Records set aside earlier, tried again after a pull (their parent may have come); copies
    older than what the store holds now are dropped. Returns the rows changed and the records
    that applied (open views show them anew)."""
    records = set_aside.records(session)
    if not records:
        return 0, set()
    old = stale(session.connection(), records)
    set_aside.drop(session, old)
    records = [r for r in records if r not in old]
    changed = apply_records(session, records) if records else 0
    keys = {(r.tbl, r.id) for r in records}
    return changed, keys - set_aside.still_aside(session, keys)


def _position(session: Session) -> tuple[int, str | None]:
    """Where the next pull starts: the cursor and the baseline token kept beside it."""
    return state.get_int(session, "cursor", 0), state.get(session, "baseline") or None


def _refused(session: Session, exc: ServerRefused) -> None:
    state.add_issue(session, "refused", None, None, status=exc.status, **exc.body)


class SyncEngine:
    def __init__(self, run_db: RunDb, transport: Transport, progress: OnProgress | None = None):
        self.run_db = run_db
        self.transport = transport
        self.progress = progress or (lambda _progress: None)

    def push_all(self, report: SyncReport) -> None:
        """Batches in order, one in flight at a time. While one travels the laptop writes the
        records of the answer before it and works out the next (``batches.prepare``); when it
        is answered, the answer is settled and the next put in flight in one transaction
        (``settle(..., then=...)``), and sent before its records are written."""
        held_before = self.run_db(held.waiting_for_access)
        if held_before:
            self.run_db(held.requeue)  # work refused for lack of access: asked again each sync
        total, sent = self.run_db(waiting), 0  # edits made meanwhile raise the total
        sender = ThreadPoolExecutor(1, thread_name_prefix="sync-push")
        try:
            batch = self.run_db(freeze)
            records: list[RecordState] = []  # the answer before, written while this batch travels
            for _ in range(MAX_PUSHES):
                if batch is None:
                    self._write_answer(records)
                    records = []
                    still = self.run_db(held.waiting_for_access) if held_before else 0
                    if 0 < still < held_before and self.run_db(partial(held.requeue, again=True)):
                        held_before = still  # parents were taken: their held children may follow now
                        batch = self.run_db(freeze)
                        continue
                    return
                sending = sender.submit(self.transport.push, batch.payload)
                after = batch.last_outbox_seq
                try:
                    self._write_answer(records)
                    # after those records: its bases are the revisions the office just gave
                    following = self.run_db(partial(prepare, after=after)) if after else None
                    response = sending.result()
                except ServerRefused as exc:
                    self.run_db(partial(_refused, exc=exc))
                    raise
                settled: Settled = self.run_db(partial(settle, response=response, then=following))
                records = settled.records
                report.changed.update((r.tbl, r.id) for r in response.records)
                for status, n in settled.counts.items():
                    report.statuses[status] = report.statuses.get(status, 0) + n
                report.pushed += batch.mutations
                sent += batch.outbox_rows
                self.progress(Progress("push", sent, max(total, sent), report.pushed))
                batch = settled.following
                if batch is None:  # frozen anew: on the revisions this answer brings
                    self._write_answer(records)
                    records = []
                    batch = self.run_db(freeze)
        finally:
            sender.shutdown(wait=True)  # never leave a push travelling behind the caller's back

    def _write_answer(self, records: list[RecordState]) -> None:
        if records:
            self.run_db(partial(apply_records, records=records))

    def pull_all(self, report: SyncReport) -> None:
        """Pages in order; the next page is fetched while this one is written (its cursor and
        baseline are the ones this page leaves behind), so the office's work and the wire overlap
        the laptop's. A page is only ever applied after the one before it committed."""
        start: int | None = None
        fetcher = ThreadPoolExecutor(1, thread_name_prefix="sync-pull")
        fetched: Future[PullResponse] | None = None
        try:
            cursor, baseline = self.run_db(_position)
            fetched = fetcher.submit(self.transport.pull, cursor, baseline=baseline)
            for _ in range(MAX_PAGES):
                page = fetched.result()
                if page.has_more:
                    fetched = fetcher.submit(self.transport.pull, page.next, baseline=page.baseline or None)
                report.applied += self.run_db(partial(_pull_page, page=page))
                report.changed.update((r.tbl, r.id) for r in page.changes)
                report.pulled += len(page.changes)
                start = cursor if start is None else start
                total = max(page.top - start, 0) if page.top is not None else 0
                self.progress(Progress("pull", min(page.next - start, total), total, report.pulled))
                if not page.has_more:
                    changed, applied = self.run_db(_retry_set_aside)
                    report.applied += changed
                    report.changed.update(applied)
                    return
        finally:  # a failed page: the one fetched ahead is dropped (the next run asks again)
            if fetched is not None:
                fetched.cancel()
            fetcher.shutdown(wait=False)

    def run(self, before_pull: Callable[[], object] | None = None) -> SyncReport:
        """Push, then (``before_pull``: e.g. fetch published frameworks the pull may need) pull."""
        report = SyncReport()
        self.push_all(report)
        if before_pull is not None:
            before_pull()
        self.pull_all(report)
        self.run_db(lambda s: state.put(s, "last_sync_at", state.now()))
        return report
