"""Pick the metrics that are due and run them concurrently, a few per data source at a time.

Any number of workers, on any number of machines, may call ``run_due`` at once: a metric is
run only by the worker that took its lease (one conditional UPDATE, atomic in PostgreSQL and
SQLite alike), so no metric runs twice at the same time. A worker that dies leaves leases that
expire after ``services.LEASE`` and are taken again. Each lease is renewed just before its
query starts (for longer when the source's timeout is longer; one UPDATE for the queries started
together), so a metric that waited behind a slow source is never run by two workers.

Queries run in threads (they wait on the network or on DuckDB, which releases the GIL); their
results are written by the calling thread through ``services.metrics_record``, in batches: each
time queries finish, the next ones are started at once, and the results that have arrived are
recorded together (one transaction, a savepoint per metric) once ``RECORD_EVERY`` of them are
in, the first of them has waited ``RECORD_AFTER`` seconds, or no query is left running. So
results keep flowing without each paying for a transaction of its own. Built-in metrics read
okrs' own database and run in the calling thread, each recorded before the next is measured.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Q

from okrs.goals.models import Cycle
from okrs.lib import clock
from okrs.metrics.models import MetricDefinition
from okrs.metrics.runner import Measurement, measure
from okrs.metrics.services import (
    LEASE,
    SyncOutcome,
    failed_outcome,
    metrics_lease_renew,
    metrics_record,
    worker_name,
)

BATCH = 500
# Results are written together once this many have arrived, or when the first of them has
# waited this long: a transaction, the row locks and the reads a batch needs are paid once for
# up to 50 metrics, and no result waits more than a fifth of a second for the others.
RECORD_EVERY = 50
RECORD_AFTER = 0.2
logger = logging.getLogger(__name__)


@dataclass
class SyncReport:
    """What one ``run_due`` call did, for logs, ``okrs sync`` and the benchmark."""

    runs: int = 0
    check_ins: int = 0
    failures: int = 0
    seconds: float = 0.0
    outcomes: list[SyncOutcome] = field(default_factory=list)

    def add(self, outcome: SyncOutcome) -> None:
        self.runs += 1
        self.check_ins += outcome.check_ins
        self.failures += 0 if outcome.ok else 1
        self.outcomes.append(outcome)


def due_metrics(now: dt.datetime) -> Q:
    """Scheduled metrics whose time has come, with no live lease, in a cycle that is not closed."""
    return (
        Q(next_run_at__lte=now)
        & ~Q(schedule=MetricDefinition.Schedule.MANUAL)
        & (Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        & ~Q(key_result__objective__cycle__status=Cycle.Status.CLOSED)
    )


def claim_due(
    *, owner: str, now: dt.datetime | None = None, limit: int = BATCH, scope: Q | None = None
) -> list[int]:
    """Lease up to ``limit`` due metrics to ``owner``; returns the ids this owner now holds."""
    now = now or clock.now()
    if not connection.features.has_select_for_update_skip_locked:
        # SQLite: one writer at a time, and the conditional UPDATE settles any race.
        return _claim(owner, now, limit, scope, lock=False)
    # PostgreSQL: rows another worker is claiming are skipped instead of waited for, so
    # workers never queue behind (or deadlock with) each other's UPDATE.
    with transaction.atomic():
        return _claim(owner, now, limit, scope, lock=True)


def _claim(owner: str, now: dt.datetime, limit: int, scope: Q | None, *, lock: bool) -> list[int]:
    due = MetricDefinition.objects.filter(Q(due_metrics(now)) & (scope or Q()))
    if lock:
        due = due.select_for_update(skip_locked=True, of=("self",))
    candidates = list(due.order_by("next_run_at", "pk").values_list("pk", flat=True)[:limit])
    if not candidates:
        return []
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    MetricDefinition.objects.filter(free, pk__in=candidates).update(
        lease_until=now + LEASE, lease_owner=owner
    )
    return list(
        MetricDefinition.objects.filter(pk__in=candidates, lease_owner=owner).values_list(
            "pk", flat=True
        )
    )


def _loaded(metric_ids: Iterable[int]) -> list[MetricDefinition]:
    return list(
        MetricDefinition.objects.filter(pk__in=list(metric_ids)).select_related(
            "organization", "data_source", "key_result__objective__cycle"
        )
    )


def run_metrics(
    metrics: list[MetricDefinition],
    *,
    threads: int = 8,
    on_outcome: Callable[[SyncOutcome], None] | None = None,
) -> SyncReport:
    """Measure ``metrics`` (already leased) and record the results in batches as they arrive.

    At most ``threads`` queries run at once in all, and at most the data source's
    ``max_concurrency`` of each source.
    """
    report = SyncReport()
    started = time.perf_counter()
    threads = max(1, threads)
    waiting: dict[int, deque[MetricDefinition]] = defaultdict(deque)
    for metric in metrics:
        if metric.builtin:
            _record(report, [(metric, measure(metric))], on_outcome)
        else:
            waiting[metric.data_source_id or 0].append(metric)
    running: dict[Future[Measurement], MetricDefinition] = {}
    per_source: dict[int, int] = defaultdict(int)
    arrived: list[tuple[MetricDefinition, Measurement]] = []
    first_arrival = 0.0
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="okrs-sync") as pool:
        _start_more(pool, waiting, running, per_source, threads)
        while running or arrived:
            if running:
                timeout = first_arrival + RECORD_AFTER - time.perf_counter() if arrived else None
                done, _ = wait(list(running), timeout=timeout, return_when=FIRST_COMPLETED)
                if done and not arrived:
                    first_arrival = time.perf_counter()
                for future in done:
                    metric = running.pop(future)
                    per_source[metric.data_source_id or 0] -= 1
                    arrived.append((metric, future.result()))
                # Freed threads start the next queries at once, before anything is written.
                _start_more(pool, waiting, running, per_source, threads)
            if arrived and (
                not running
                or len(arrived) >= RECORD_EVERY
                or time.perf_counter() - first_arrival >= RECORD_AFTER
            ):
                _record(report, arrived, on_outcome)
                arrived = []
    report.seconds = time.perf_counter() - started
    return report


def _start_more(
    pool: ThreadPoolExecutor,
    waiting: dict[int, deque[MetricDefinition]],
    running: dict[Future[Measurement], MetricDefinition],
    per_source: dict[int, int],
    threads: int,
) -> None:
    """Start queries while threads are free, never more than a source's own limit.

    Their leases are renewed together just before; a metric whose lease another worker took
    meanwhile is dropped and the next one takes its place.
    """
    while waiting and len(running) < threads:
        chosen = _next_queries(waiting, per_source, threads - len(running))
        if not chosen:
            return
        held = {metric.pk for metric in metrics_lease_renew(metrics=chosen)}
        for metric in chosen:
            if metric.pk in held:
                running[pool.submit(measure, metric)] = metric
            else:  # our lease ran out while the metric waited, and another worker took it
                per_source[metric.data_source_id or 0] -= 1


def _next_queries(
    waiting: dict[int, deque[MetricDefinition]], per_source: dict[int, int], free: int
) -> list[MetricDefinition]:
    """Up to ``free`` waiting metrics that their sources' limits allow to start now."""
    chosen: list[MetricDefinition] = []
    for source_id in list(waiting):
        queue = waiting[source_id]
        while queue and len(chosen) < free:
            limit = queue[0].data_source.max_concurrency if queue[0].data_source else 1
            if per_source[source_id] >= limit:
                break
            chosen.append(queue.popleft())
            per_source[source_id] += 1
        if not queue:
            del waiting[source_id]
    return chosen


def _record(
    report: SyncReport,
    results: list[tuple[MetricDefinition, Measurement]],
    on_outcome: Callable[[SyncOutcome], None] | None,
) -> None:
    """Record a batch of results; if the batch as a whole fails, each metric on its own."""
    try:
        outcomes = metrics_record(results=results)
    except Exception as error:  # e.g. the okrs database hiccuped: keep going with the others
        logger.exception("the results of %s metrics could not be recorded", len(results))
        if len(results) > 1:
            for result in results:
                _record(report, [result], on_outcome)
            return
        [(metric, measurement)] = results
        outcomes = [failed_outcome(metric, measurement, "internal", error)]
    for outcome in outcomes:
        report.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome)


def run_due(
    *,
    owner: str | None = None,
    threads: int = 8,
    budget_seconds: float = 50,
    scope: Q | None = None,
    now: dt.datetime | None = None,
) -> SyncReport:
    """Run due metrics batch after batch until none is left or ``budget_seconds`` have passed."""
    owner = owner or worker_name()
    total = SyncReport()
    started = time.perf_counter()
    while time.perf_counter() - started < budget_seconds:
        claimed = claim_due(owner=owner, now=now, scope=scope)
        if not claimed:
            break
        batch = run_metrics(_loaded(claimed), threads=threads)
        total.runs += batch.runs
        total.check_ins += batch.check_ins
        total.failures += batch.failures
        total.outcomes.extend(batch.outcomes)
        if now is not None:
            break  # a fixed clock would find the same failed metrics due again and again
    total.seconds = time.perf_counter() - started
    return total
