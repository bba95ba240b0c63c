"""Can each key result be measured? The measurability check, for one key result or a cycle.

Reads only: nothing here writes a check-in or touches a metric's recorded state, so a check
may run before the cycle starts, on a draft query, as often as people like.

- ``metric_check(actor=, key_result=, draft=None) -> Measurement``: run one key result's saved
  metric, or a ``MetricDraft`` typed in a form or an API call, now.
- ``check_result(measurement) -> CheckResult``: what a person is shown of a Measurement
  (value, time, rows, or the error as a sentence in the active language plus the database's
  own words).
- ``cycle_measurability(actor=, cycle=, run=False, threads=None) -> CycleMeasurability``: every
  key result of the cycle (cancelled objectives left out) with its metric, whether it has
  check-ins, and — with ``run=True`` — a fresh Measurement of every metric the actor may run,
  measured concurrently. Without ``run``: one query, whatever the number of key results
  (metrics, data sources and "has check-ins" come joined or as subqueries). Rows are
  ``MeasurabilityRow`` (``key_result`` with ``objective__team``/``objective__cycle`` loaded,
  ``metric`` with ``data_source``, ``has_check_ins``, ``measurement``; properties
  ``measurable``, ``failing``, ``check``); the report has counts ``key_results``,
  ``measurable``, ``bound``, ``failing``.
- ``measure_concurrently(metrics, threads=None) -> {metric id: Measurement}``: the thread pool
  behind ``run``, with each data source's ``max_concurrency``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict, deque
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from okrs.goals.models import CheckIn, Cycle, KeyResult, Objective
from okrs.metrics.errors import describe
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.metrics.runner import Measurement, measure
from okrs.metrics.services import audit_measurement
from okrs.workspace.permissions import TEAM_WRITERS, Actor, require, require_same_organization


@dataclass(frozen=True)
class MetricDraft:
    """A metric not saved yet: a query on a data source, or a built-in metric."""

    data_source: DataSource | None = None
    query: str = ""
    builtin: str = ""


@dataclass(frozen=True)
class CheckResult:
    """One run as people see it: the value and how it was read, or what went wrong."""

    ok: bool
    value: Decimal | None
    history_points: int
    duration_ms: int
    row_count: int
    ran_at: dt.datetime
    source: str
    fingerprint: str
    error_kind: str
    error: str
    detail: str


@dataclass(frozen=True)
class MeasurabilityRow:
    """One key result of a cycle: how it is measured, and a fresh run when one was asked for."""

    key_result: KeyResult
    metric: MetricDefinition | None
    has_check_ins: bool
    measurement: Measurement | None = None

    @property
    def measurable(self) -> bool:
        """Something gives it values: a data source or built-in metric, or people checking in."""
        return self.metric is not None or self.has_check_ins

    @property
    def failing(self) -> bool:
        """Its metric's last recorded run failed (a fresh run does not change that)."""
        return self.metric is not None and self.metric.failing

    @property
    def check(self) -> CheckResult | None:
        return None if self.measurement is None else check_result(self.measurement)


@dataclass(frozen=True)
class CycleMeasurability:
    cycle: Cycle
    rows: list[MeasurabilityRow]
    ran: bool  # whether fresh measurements were asked for

    @property
    def key_results(self) -> int:
        return len(self.rows)

    @property
    def measurable(self) -> int:
        return sum(1 for row in self.rows if row.measurable)

    @property
    def bound(self) -> int:
        return sum(1 for row in self.rows if row.metric is not None)

    @property
    def failing(self) -> int:
        return sum(1 for row in self.rows if row.failing)


def check_result(measurement: Measurement) -> CheckResult:
    """What a person is shown of ``measurement``, the error in the active language."""
    error = measurement.error
    reading = measurement.reading
    return CheckResult(
        ok=error is None,
        value=reading.value if reading is not None and error is None else None,
        history_points=len(reading.history) if reading is not None else 0,
        duration_ms=measurement.duration_ms,
        row_count=measurement.row_count,
        ran_at=measurement.ran_at,
        source=measurement.source,
        fingerprint=measurement.fingerprint,
        error_kind=error.kind if error else "",
        error=describe(error.kind, error.params) if error else "",
        detail=error.detail if error else "",
    )


def _require_runner(actor: Actor, key_result: KeyResult) -> None:
    require_same_organization(actor, key_result)
    require(
        actor.can_edit_key_results_of(key_result.objective.team_id),
        _("Only members of the team, Product Ops or an admin run its key results' queries."),
    )


def _draft_definition(key_result: KeyResult, draft: MetricDraft) -> MetricDefinition:
    """The unsaved definition ``draft`` describes; ValidationError when something is missing."""
    errors = {}
    if draft.builtin and draft.data_source is not None:
        errors["builtin"] = _("Choose a data source with a query, or a built-in metric, not both.")
    elif draft.data_source is None and not draft.builtin:
        errors["data_source"] = _("Choose the data source that measures this key result.")
    if not draft.builtin and not draft.query.strip():
        errors["query"] = _(
            "Write the SQL query that returns the key result's current value, like"
            " select count(*) from orders where created_at >= :cycle_start."
        )
    if errors:
        raise ValidationError(errors)
    return MetricDefinition(
        organization_id=key_result.organization_id,
        key_result=key_result,
        data_source=draft.data_source,
        query=draft.query,
        builtin=draft.builtin,
    )


def metric_check(
    *, actor: Actor, key_result: KeyResult, draft: MetricDraft | None = None
) -> Measurement:
    """Run ``key_result``'s saved metric, or ``draft``, now; write nothing.

    Forbidden for those who may not edit the key result's team's key results (queries cost the
    data source, so viewers do not run them); ValidationError when there is nothing to run.
    ``key_result`` needs ``objective__cycle`` loaded.
    """
    _require_runner(actor, key_result)
    if draft is not None:
        if draft.data_source is not None:
            require_same_organization(actor, draft.data_source)
        metric = _draft_definition(key_result, draft)
    else:
        saved = (
            MetricDefinition.objects.filter(organization=actor.organization, key_result=key_result)
            .select_related("data_source")
            .first()
        )
        if saved is None:
            raise ValidationError(
                _(
                    "This key result is not bound to a data source or a built-in metric yet: bind"
                    " one, or send the query to check."
                )
            )
        metric = saved
        metric.key_result = key_result
    # ``measure`` turns any failure, even a surprise, into the measurement's error.
    measurement = measure(metric)
    audit_measurement(actor=actor, action="metric.check", metric=metric, measurement=measurement)
    return measurement


def measure_concurrently(
    metrics: Iterable[MetricDefinition], *, threads: int | None = None
) -> dict[int, Measurement]:
    """Measure several saved metrics at once: metric id → Measurement. Writes nothing.

    At most ``threads`` queries (default ``OKRS_SYNC_THREADS``) run at the same time, and at
    most a data source's ``max_concurrency`` on that source. Built-in metrics read okrs' own
    database and run in the calling thread (its database connection is not shared).
    """
    results: dict[int, Measurement] = {}
    by_source: dict[int, deque[MetricDefinition]] = defaultdict(deque)
    for metric in metrics:
        if metric.builtin:
            results[metric.pk] = measure(metric)
        else:
            by_source[metric.data_source_id or 0].append(metric)
    # Round robin over the sources, so a slow or narrow source does not hold every thread.
    queue: list[MetricDefinition] = []
    while by_source:
        for source_id in list(by_source):
            queue.append(by_source[source_id].popleft())
            if not by_source[source_id]:
                del by_source[source_id]
    if not queue:
        return results
    limits = {
        m.data_source_id: threading.BoundedSemaphore(m.data_source.max_concurrency)
        for m in queue
        if m.data_source is not None
    }

    def run_limited(metric: MetricDefinition) -> Measurement:
        with limits[metric.data_source_id]:
            return measure(metric)

    workers = max(1, min(threads or settings.OKRS_SYNC_THREADS, len(queue)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="okrs-check") as pool:
        for metric, measurement in zip(queue, pool.map(run_limited, queue), strict=True):
            results[metric.pk] = measurement
    return results


def cycle_measurability(
    *, actor: Actor, cycle: Cycle, run: bool = False, threads: int | None = None
) -> CycleMeasurability:
    """Every key result of ``cycle`` with how it is measured; ``run=True`` measures them now.

    With ``run``, the actor's role must allow running queries (not a viewer), and only the
    metrics of teams whose key results the actor may edit are run; the other rows keep
    ``measurement=None``. Rows come by team name, objective and position.
    """
    require_same_organization(actor, cycle)
    if run:
        require(
            actor.role in TEAM_WRITERS,
            _(
                "Only team members, Product Ops and admins run the checks; viewers see the last runs."
            ),
        )
    has_check_ins = Exists(CheckIn.objects.filter(key_result=OuterRef("pk")))
    key_results = list(
        KeyResult.objects.filter(organization=actor.organization, objective__cycle=cycle)
        .exclude(objective__state=Objective.State.CANCELLED)
        .select_related("objective__team", "objective__cycle", "measured_by__data_source")
        .annotate(has_check_ins=has_check_ins)
        .order_by("objective__team__name", "objective_id", "position", "id")
    )
    metrics: list[MetricDefinition] = []
    for key_result in key_results:
        metric = getattr(key_result, "measured_by", None)
        if metric is not None:
            metric.key_result = key_result  # measuring reads the cycle through it
            if run and actor.can_edit_key_results_of(key_result.objective.team_id):
                metrics.append(metric)
    measured = measure_concurrently(metrics, threads=threads) if run else {}
    rows = []
    for key_result in key_results:
        metric = getattr(key_result, "measured_by", None)
        rows.append(
            MeasurabilityRow(
                key_result=key_result,
                metric=metric,
                has_check_ins=key_result.has_check_ins,
                measurement=measured.get(metric.pk) if metric is not None else None,
            )
        )
    return CycleMeasurability(cycle=cycle, rows=rows, ran=run)
