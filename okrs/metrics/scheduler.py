"""Pick the metrics that are due and run them concurrently, a few per data source at a time.

Any number of workers, on any number of machines, may call ``run_due`` at once: a metric is
run only by the worker that took its lease (one conditional UPDATE, atomic in PostgreSQL and
SQLite alike), so no metric runs twice at the same time. A worker that dies leaves leases that
expire after ``services.LEASE`` and are taken again. Each lease is renewed just before its
query starts (for longer when the source's timeout is longer), so a metric that waited behind a
slow source is never run by two workers.

Queries run in threads (they wait on the network or on DuckDB, which releases the GIL); their
results are written by the calling thread, one at a time, through ``services.metric_record``.
Built-in metrics read okrs' own database and run in the calling thread too.
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
from django.utils import timezone

from okrs.goals.models import Cycle
from okrs.metrics.errors import describe
from okrs.metrics.models import MetricDefinition
from okrs.metrics.runner import Measurement, measure
from okrs.metrics.services import (
    LEASE,
    SyncOutcome,
    metric_lease_renew,
    metric_record,
    worker_name,
)

BATCH = 500
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
    now = now or timezone.now()
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
    """Measure ``metrics`` (already leased) and record each result as soon as it arrives.

    At most ``threads`` queries run at once in all, and at most the data source's
    ``max_concurrency`` of each source.
    """
    report = SyncReport()
    started = time.perf_counter()
    threads = max(1, threads)
    waiting: dict[int, deque[MetricDefinition]] = defaultdict(deque)
    for metric in metrics:
        if metric.builtin:
            _record(report, metric, measure(metric), on_outcome)
        else:
            waiting[metric.data_source_id or 0].append(metric)
    running: dict[Future[Measurement], MetricDefinition] = {}
    per_source: dict[int, int] = defaultdict(int)
    with ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="okrs-sync") as pool:
        while waiting or running:
            _start_more(pool, waiting, running, per_source, threads)
            done, _ = wait(list(running), return_when=FIRST_COMPLETED)
            for future in done:
                metric = running.pop(future)
                per_source[metric.data_source_id or 0] -= 1
                _record(report, metric, future.result(), on_outcome)
    report.seconds = time.perf_counter() - started
    return report


def _start_more(
    pool: ThreadPoolExecutor,
    waiting: dict[int, deque[MetricDefinition]],
    running: dict[Future[Measurement], MetricDefinition],
    per_source: dict[int, int],
    threads: int,
) -> None:
    """Start queries while threads are free, never more than a source's own limit."""
    for source_id in list(waiting):
        queue = waiting[source_id]
        while queue and len(running) < threads:
            limit = queue[0].data_source.max_concurrency if queue[0].data_source else 1
            if per_source[source_id] >= limit:
                break
            metric = queue.popleft()
            if metric.lease_owner and not metric_lease_renew(
                metric=metric, owner=metric.lease_owner
            ):
                continue  # our lease ran out while the metric waited, and another worker took it
            per_source[source_id] += 1
            running[pool.submit(measure, metric)] = metric
        if not queue:
            del waiting[source_id]


def _record(
    report: SyncReport,
    metric: MetricDefinition,
    measurement: Measurement,
    on_outcome: Callable[[SyncOutcome], None] | None,
) -> None:
    try:
        outcome = metric_record(metric=metric, measurement=measurement)
    except Exception as error:  # e.g. the okrs database hiccuped: keep going with the others
        logger.exception("the result of metric %s could not be recorded", metric.pk)
        outcome = SyncOutcome(
            metric_id=metric.pk,
            key_result_id=metric.key_result_id,
            check_ins=0,
            value=None,
            error_kind="internal",
            error=f"{describe('internal')} {type(error).__name__}",
            duration_ms=measurement.duration_ms,
        )
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
