"""The huey queue of live metrics: a tick every minute that runs the due metrics, and "sync now".

The queue only carries work to do; which worker measures which metric is decided by the leases
of ``okrs.metrics.scheduler``, so any number of ``okrs worker`` processes may share one queue
without measuring a metric twice at once.

The queue lives in Redis when ``REDIS_URL`` is set (workers on several machines share it), else
in a SQLite file in OKRS_HOME (one machine). The huey instance is made when this module is first
imported: by ``okrs worker`` and by the code that asks for a sync, never by ``okrs --help``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import close_old_connections, transaction
from huey import RedisHuey, SqliteHuey, crontab
from huey.api import Huey
from huey.consumer import Consumer

from okrs.metrics.connectors import redacted_url
from okrs.metrics.models import MetricDefinition
from okrs.metrics.scheduler import SyncReport, run_due
from okrs.metrics.services import metric_sync, worker_name
from okrs.workspace.permissions import Actor

logger = logging.getLogger(__name__)

# A tick still waiting in the queue after this long is dropped: the next one is on its way.
TICK_EXPIRES_SECONDS = 120
# On SIGTERM the worker lets the metrics it is measuring finish for this long, then stops anyway
# and hands back the leases it still holds (service managers kill after 30 to 90 seconds).
SHUTDOWN_SECONDS = 25.0
# How long an idle worker waits, at most, before looking at a SQLite queue again ("sync now"
# should not wait long; Redis wakes workers up by itself).
IDLE_POLL_SECONDS = 2.0


def make_huey() -> Huey:
    """The huey instance the settings ask for: Redis with REDIS_URL, else a SQLite file."""
    name = settings.OKRS_HUEY_NAME
    if settings.REDIS_URL:
        return RedisHuey(name, url=settings.REDIS_URL, results=False)
    return SqliteHuey(name, filename=str(settings.HUEY_SQLITE_PATH), results=False)


huey = make_huey()


def storage_description() -> str:
    """Where the queue is kept, as people may see it (no password)."""
    if settings.REDIS_URL:
        return f"Redis at {redacted_url(settings.REDIS_URL)} (queue '{settings.OKRS_HUEY_NAME}')"
    return f"SQLite file {settings.HUEY_SQLITE_PATH} (queue '{settings.OKRS_HUEY_NAME}')"


def storage_problem() -> str:
    """Why the queue cannot be used right now, or "" when it can."""
    if not settings.REDIS_URL:
        return ""
    try:
        huey.storage.conn.ping()
    except Exception as error:
        return (
            f"cannot reach Redis at {redacted_url(settings.REDIS_URL)} ({error}). Start Redis,"
            " or correct REDIS_URL (unset it to keep the queue in a SQLite file instead)."
        )
    return ""


@contextmanager
def _database() -> Iterator[None]:
    """Start and end each task with usable database connections, as in a web request.

    A worker runs for weeks: a connection the database closed meanwhile (restart, idle timeout)
    must be replaced, not fail every task after it.
    """
    close_old_connections()
    try:
        yield
    finally:
        close_old_connections()


# Lease owners of the ticks running in this process, so that a worker stopped in the middle of
# a tick can give their metrics back instead of leaving them leased until the lease expires.
_running_owners: set[str] = set()
_owners_lock = threading.Lock()


@huey.periodic_task(crontab(minute="*"), expires=TICK_EXPIRES_SECONDS, name="okrs.sync_due")
def sync_due() -> None:
    """Every minute: measure the metrics that are due, for up to most of a minute.

    Huey's scheduler also sends this tick as soon as a worker starts, so a fresh worker does not
    wait for the next minute.
    """
    owner = worker_name()
    with _owners_lock:
        _running_owners.add(owner)
    try:
        with _database():
            report = run_due(owner=owner, threads=settings.OKRS_SYNC_THREADS)
    except Exception:
        # A broken database connection or a bug must not end the worker: the next tick retries.
        logger.exception("The run of due metrics stopped on an unexpected error.")
        return
    finally:
        with _owners_lock:
            _running_owners.discard(owner)
    if report.runs:
        logger.info(_summary(report))


def _summary(report: SyncReport) -> str:
    return (
        f"synced {report.runs} due metric{'s' if report.runs != 1 else ''} in"
        f" {report.seconds:.1f} s: {report.check_ins} new check-in"
        f"{'s' if report.check_ins != 1 else ''}, {report.failures} failed"
    )


@huey.task(name="okrs.sync_metric")
def sync_metric(metric_id: int) -> None:
    """Measure one metric now ("sync now"); nothing happens if it is gone or being measured."""
    try:
        with _database():
            metric = (
                MetricDefinition.objects.select_related(
                    "organization", "data_source", "key_result__objective__cycle"
                )
                .filter(pk=metric_id)
                .first()
            )
            if metric is None:
                logger.info("Metric %s was removed before it could be synced.", metric_id)
                return
            outcome = metric_sync(actor=Actor.system(metric.organization), metric=metric)
    except ValidationError as error:
        # The cycle was closed meanwhile, or a worker is measuring the metric right now.
        logger.info("Metric %s was not synced: %s", metric_id, " ".join(error.messages))
        return
    except Exception:
        logger.exception("Syncing metric %s stopped on an unexpected error.", metric_id)
        return
    if outcome.ok:
        logger.info(
            "Metric %s synced: %s, %s new check-ins.", metric_id, outcome.value, outcome.check_ins
        )
    else:
        logger.info("Metric %s failed: %s", metric_id, outcome.error)


def enqueue_sync(metric: MetricDefinition) -> None:
    """Ask a worker to measure ``metric`` soon, once the current transaction has committed.

    Never raises: when the queue cannot be reached, the metric is measured at its next scheduled
    run, and the reason is logged.
    """
    metric_id = metric.pk

    def send() -> None:
        try:
            sync_metric(metric_id)
        except Exception as error:
            logger.warning(
                "Could not queue a sync of metric %s (%s): is the queue's storage (%s) reachable?",
                metric_id,
                error,
                storage_description(),
            )

    transaction.on_commit(send, robust=True)


def consume(*, workers: int) -> None:
    """Run the consumer in this process until SIGTERM or SIGINT.

    SIGTERM lets the tasks in flight finish (for up to SHUTDOWN_SECONDS); SIGINT stops at once.
    Either way the leases this process still holds are given back, so other workers take those
    metrics at once rather than after the lease runs out.
    """
    consumer = Consumer(
        huey,
        workers=max(1, workers),
        periodic=True,
        worker_type="thread",
        max_delay=IDLE_POLL_SECONDS,
        shutdown_timeout=SHUTDOWN_SECONDS,
        graceful_signal="TERM",
    )
    try:
        consumer.run()
    finally:
        _release_leases()


def _release_leases() -> None:
    with _owners_lock:
        owners = set(_running_owners)
    if not owners:
        return
    released = MetricDefinition.objects.filter(lease_owner__in=owners).update(
        lease_until=None, lease_owner=""
    )
    if released:
        logger.warning(
            "Stopped while measuring: %s metric%s handed back for other workers to measure.",
            released,
            "s" if released != 1 else "",
        )
