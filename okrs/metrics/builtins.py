"""Metrics computed from okrs' own data, for key results about the OKR practice itself.

Each one is measured over the cycle of the key result it is bound to, in its organization, and
returns a percentage (0 to 100) like a query on a data source would.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

from django.db.models import Count, Max

from okrs.goals.models import Cycle, KeyResult, Objective
from okrs.lib import clock
from okrs.metrics.connectors import MetricError
from okrs.metrics.reading import Reading
from okrs.workspace.models import Team


def _share(part: int, whole: int) -> Decimal:
    if whole == 0:
        raise MetricError("empty")
    return (Decimal(100) * part / whole).quantize(Decimal("0.01"))


def check_ins_on_time(cycle: Cycle, *, now: dt.datetime) -> Reading:
    """Share of the cycle's key results with a value within the organization's cadence."""
    cadence = dt.timedelta(days=cycle.organization.check_in_cadence_days)
    latest = (
        KeyResult.objects.filter(objective__cycle=cycle)
        .exclude(objective__state=Objective.State.CANCELLED)
        .annotate(latest=Max("check_ins__created_at"))
        .values_list("latest", flat=True)
    )
    values = list(latest)
    on_time = sum(1 for at in values if at is not None and at >= now - cadence)
    return Reading(value=_share(on_time, len(values)), row_count=len(values))


def objectives_aligned(cycle: Cycle, *, now: dt.datetime) -> Reading:
    """Share of the cycle's objectives below the company level that serve a key result above."""
    counts = (
        Objective.objects.filter(cycle=cycle)
        .exclude(state=Objective.State.CANCELLED)
        .exclude(team__kind=Team.Kind.COMPANY)
        .values_list("parent_key_result_id", flat=True)
    )
    parents = list(counts)
    aligned = sum(1 for parent in parents if parent is not None)
    return Reading(value=_share(aligned, len(parents)), row_count=len(parents))


def key_results_measured(cycle: Cycle, *, now: dt.datetime) -> Reading:
    """Share of the cycle's key results measured straight from their data (a bound metric)."""
    measured = (
        KeyResult.objects.filter(objective__cycle=cycle)
        .exclude(objective__state=Objective.State.CANCELLED)
        .annotate(bound=Count("measured_by"))
        .values_list("bound", flat=True)
    )
    values = list(measured)
    bound = sum(1 for metric in values if metric)
    return Reading(value=_share(bound, len(values)), row_count=len(values))


def estimate_gap(cycle: Cycle, *, now: dt.datetime) -> Reading:
    """Average gap between estimated and actual cost of delivered backlog items.

    The backlog (roadmap item 5) does not exist yet: the metric says so instead of inventing a
    number, and starts working when backlog items with estimates and actual costs arrive.
    """
    raise MetricError("builtin_unavailable")


BUILTINS = {
    "check_ins_on_time": check_ins_on_time,
    "objectives_aligned": objectives_aligned,
    "key_results_measured": key_results_measured,
    "estimate_gap": estimate_gap,
}


def measure_builtin(name: str, key_result: KeyResult) -> tuple[Reading, int]:
    """The built-in metric ``name`` for ``key_result``'s cycle, and how long it took (ms)."""
    started = time.perf_counter()
    cycle = Cycle.objects.select_related("organization").get(pk=key_result.objective.cycle_id)
    reading = BUILTINS[name](cycle, now=clock.now())
    return reading, round((time.perf_counter() - started) * 1000)
