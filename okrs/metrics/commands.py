"""`okrs worker` and `okrs sync`: live metrics from the terminal.

Registered by ``okrs.cli.build_parser``; Django, huey and the metric code are imported only when
a command runs, so that `okrs --help` stays fast and touches no queue.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from okrs.metrics.models import MetricDefinition
    from okrs.metrics.services import SyncOutcome
    from okrs.workspace.models import Organization

Add = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return number


# okrs worker ------------------------------------------------------------------------------------


def _migrations_problem() -> str:
    """Why the worker cannot use the database, or "": it must be reachable and migrated."""
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return f"cannot use the database ({error}). Check DATABASE_URL and that it is up."
    if pending:
        return (
            f"the database is not up to date ({len(pending)} migrations to apply). Run"
            " 'okrs manage migrate' (or 'okrs serve --migrate') first, then try again."
        )
    return ""


def _show_worker_logs() -> None:
    """Timestamped lines on stderr, with the worker's own summaries (INFO) unless told less."""
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.setFormatter(formatter)
    metrics_logger = logging.getLogger("okrs.metrics")
    if metrics_logger.getEffectiveLevel() > logging.INFO:
        metrics_logger.setLevel(logging.INFO)


def cmd_worker(args: argparse.Namespace) -> int:
    """Run the live-metrics worker until SIGTERM or Ctrl+C."""
    if args.threads is not None:
        # Read by the settings, so that every part of the worker sees the same figure.
        os.environ["OKRS_SYNC_THREADS"] = str(args.threads)
    from okrs.cli import _setup_django

    _setup_django()
    from django.conf import settings

    from okrs.metrics import queue

    print(f"okrs: database {settings.DATABASES['default']['NAME']}")
    print(f"okrs: queue in {queue.storage_description()}", flush=True)
    problem = queue.storage_problem() or _migrations_problem()
    if problem:
        print(f"okrs: {problem}", file=sys.stderr)
        return 2
    print(
        f"okrs: worker running: {args.workers} tasks and {settings.OKRS_SYNC_THREADS} queries"
        " at once; due metrics are measured every minute (Ctrl+C or SIGTERM stops it)",
        flush=True,
    )
    _show_worker_logs()
    queue.consume(workers=args.workers)
    print("okrs: worker stopped.", flush=True)
    return 0


# okrs sync --------------------------------------------------------------------------------------


@dataclass
class SyncTotals:
    """What ``okrs sync`` did, over every organization it synced."""

    runs: int = 0
    check_ins: int = 0
    failures: int = 0
    busy: int = 0
    lines: list[str] = field(default_factory=list)

    def count(self, outcome: SyncOutcome) -> None:
        self.runs += 1
        self.check_ins += outcome.check_ins
        self.failures += 0 if outcome.ok else 1


def _organizations(slug: str | None) -> list[Organization] | None:
    """The organizations to sync; None (after saying why) when ``slug`` names none."""
    from okrs.workspace.models import Organization

    organizations = Organization.objects.order_by("slug")
    if slug is None:
        return list(organizations)
    found = organizations.filter(slug=slug).first()
    if found is not None:
        return [found]
    slugs = ", ".join(organizations.values_list("slug", flat=True)) or "none yet"
    print(f"okrs: no organization with slug '{slug}' (organizations: {slugs}).", file=sys.stderr)
    return None


def _key_result_scope(
    key_result_id: int, organizations: list[Organization]
) -> tuple[Organization, MetricDefinition] | None:
    """The organization and metric of key result ``key_result_id``; None after saying why not."""
    from okrs.goals.models import KeyResult
    from okrs.metrics.selectors import metric_of
    from okrs.workspace.permissions import Actor

    key_result = (
        KeyResult.objects.filter(pk=key_result_id, organization__in=organizations)
        .select_related("organization")
        .first()
    )
    if key_result is None:
        where = f" in '{organizations[0].slug}'" if len(organizations) == 1 else ""
        print(
            f"okrs: no key result with id {key_result_id}{where}. The id is the number in the"
            " key result's address (/key-results/ID/) and in the API.",
            file=sys.stderr,
        )
        return None
    organization = key_result.organization
    metric = metric_of(actor=Actor.system(organization), key_result_id=key_result.pk)
    if metric is None:
        print(
            f"okrs: key result {key_result.pk} ('{key_result.title}') is not bound to a metric."
            " Bind it to a data source or a built-in metric on its page, or with"
            " 'source:' in the YAML file.",
            file=sys.stderr,
        )
        return None
    return organization, metric


def _describe_value(metric: MetricDefinition, outcome: SyncOutcome) -> str:
    unit = metric.key_result.unit
    value = format(outcome.value.normalize(), "f") if outcome.value is not None else "?"
    written = (
        "unchanged, no check-in"
        if not outcome.check_ins
        else f"{outcome.check_ins} new check-in{'s' if outcome.check_ins != 1 else ''}"
    )
    return f"{value}{' ' + unit if unit else ''} ({written}, {outcome.duration_ms} ms)"


def _print_outcome(metric: MetricDefinition, outcome: SyncOutcome) -> None:
    key_result = metric.key_result
    result = _describe_value(metric, outcome) if outcome.ok else f"FAILED: {outcome.error}"
    print(f"  {key_result.pk} {key_result.ref} '{key_result.title}': {result}", flush=True)


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _sync_organization(
    organization: Organization,
    *,
    only: MetricDefinition | None,
    due_only: bool,
    threads: int,
    totals: SyncTotals,
) -> None:
    """Measure the organization's metrics (or ``only`` one) and print each result."""
    from django.db.models import Q

    from okrs.goals.models import Cycle
    from okrs.metrics.scheduler import BATCH, claim_due, run_metrics
    from okrs.metrics.selectors import metrics_for
    from okrs.metrics.services import metric_claim, worker_name
    from okrs.workspace.permissions import Actor

    metrics = metrics_for(actor=Actor.system(organization)).select_related("organization")
    if only is not None:
        metrics = metrics.filter(pk=only.pk)
    else:  # the numbers of a closed cycle are final
        metrics = metrics.exclude(key_result__objective__cycle__status=Cycle.Status.CLOSED)
    owner = worker_name()
    by_id: dict[int, MetricDefinition] = {}

    def record(outcome: SyncOutcome) -> None:
        totals.count(outcome)
        _print_outcome(by_id[outcome.metric_id], outcome)

    def run(claimed: list[int]) -> None:
        loaded = list(metrics.filter(pk__in=claimed))
        by_id.update((metric.pk, metric) for metric in loaded)
        run_metrics(loaded, threads=threads, on_outcome=record)

    if due_only:
        # Leases move each run's next time forward, so this ends when nothing is due any more.
        scope = Q(pk__in=metrics.values("pk"))
        while claimed := claim_due(owner=owner, scope=scope):
            run(claimed)
        return
    ids = list(metrics.order_by("pk").values_list("pk", flat=True))
    for batch in _batches(ids, BATCH):
        claimed = [pk for pk in batch if metric_claim(metric_id=pk, owner=owner)]
        for busy in metrics.filter(pk__in=set(batch) - set(claimed)).order_by("pk"):
            totals.busy += 1
            key_result = busy.key_result
            print(
                f"  {key_result.pk} {key_result.ref} '{key_result.title}': skipped, a worker is"
                " measuring it right now",
                flush=True,
            )
        run(claimed)


def _closed_cycle_problem(metric: MetricDefinition) -> str:
    from okrs.goals.models import Cycle
    from okrs.metrics.errors import describe

    if metric.key_result.objective.cycle.status == Cycle.Status.CLOSED:
        return describe("cycle_closed")
    return ""


def cmd_sync(args: argparse.Namespace) -> int:
    """Measure metrics now in this process and record their values as check-ins."""
    from okrs.cli import _setup_django

    _setup_django()
    from django.conf import settings

    problem = _migrations_problem()
    if problem:
        print(f"okrs: {problem}", file=sys.stderr)
        return 2
    organizations = _organizations(args.org)
    if organizations is None:
        return 2
    if not organizations:
        print("okrs: no organization yet: nothing to sync.")
        return 0
    only: MetricDefinition | None = None
    if args.key_result is not None:
        scope = _key_result_scope(args.key_result, organizations)
        if scope is None:
            return 2
        organization, only = scope
        organizations = [organization]
        problem = _closed_cycle_problem(only)
        if problem:
            print(f"okrs: key result {only.key_result_id} was not synced: {problem}")
            return 1
    totals = SyncTotals()
    for organization in organizations:
        if len(organizations) > 1:
            print(f"okrs: {organization.slug}", flush=True)
        _sync_organization(
            organization,
            only=only,
            due_only=args.due_only,
            threads=settings.OKRS_SYNC_THREADS,
            totals=totals,
        )
    print(_sync_summary(totals, due_only=args.due_only))
    return 1 if totals.failures else 0


def _sync_summary(totals: SyncTotals, *, due_only: bool) -> str:
    if not totals.runs and not totals.busy:
        return f"okrs: no {'due ' if due_only else ''}metric to sync."
    busy = f", {totals.busy} skipped (being measured by a worker)" if totals.busy else ""
    return (
        f"okrs: synced {totals.runs} metric{'s' if totals.runs != 1 else ''}:"
        f" {totals.check_ins} new check-in{'s' if totals.check_ins != 1 else ''},"
        f" {totals.failures} failed{busy}."
    )


def add_metrics_commands(add: Add) -> None:
    """Register `worker` and `sync` with the `okrs` command's parser."""
    worker = add(
        "worker",
        cmd_worker,
        "measure live metrics on their schedule and on request (runs until stopped)",
    )
    worker.add_argument(
        "--threads",
        type=_positive,
        help="metric queries run at once by this worker (default: OKRS_SYNC_THREADS, 8)",
    )
    worker.add_argument(
        "--workers",
        type=_positive,
        default=2,
        help="tasks (minute ticks, 'sync now' requests) run at once (default 2)",
    )
    sync = add("sync", cmd_sync, "measure live metrics now and record their values as check-ins")
    sync.add_argument("--org", metavar="SLUG", help="only this organization (default: all)")
    sync.add_argument(
        "--key-result", type=int, metavar="ID", help="only the metric of this key result"
    )
    sync.add_argument(
        "--due-only", action="store_true", help="only the metrics whose scheduled time has come"
    )
