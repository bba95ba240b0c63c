"""Measure one metric now: run its query (or built-in) and say what came back, or the error.

Reads only. ``okrs.metrics.services`` turns a Measurement into check-ins; the measurability
check shows it as it is.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from okrs.goals.models import Cycle, KeyResult
from okrs.lib import clock
from okrs.metrics import connectors
from okrs.metrics.builtins import measure_builtin
from okrs.metrics.connectors import MetricError
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.metrics.reading import Reading, read_result

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Measurement:
    """One run of a metric: the reading or the error, and where and when the number came from."""

    ran_at: dt.datetime
    duration_ms: int
    source: str  # the data source's ref, or "builtin"
    fingerprint: str
    reading: Reading | None = None
    error: MetricError | None = None
    row_count: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None

    def provenance(self) -> dict[str, Any]:
        """What a synced check-in keeps of the run that produced it."""
        return {
            "data_source": self.source,
            "fingerprint": self.fingerprint,
            "ran_at": self.ran_at.isoformat(),
            "duration_ms": self.duration_ms,
            "row_count": self.row_count,
        }


def cycle_parameters(cycle: Cycle) -> dict[str, dt.date]:
    """The parameters every metric query may use."""
    return {"cycle_start": cycle.start, "cycle_end": cycle.end}


def run_query(
    data_source: DataSource, query: str, params: dict[str, Any]
) -> connectors.QueryResult:
    """Run ``query`` on ``data_source`` with its timeout, row limit and read-only guard."""
    if data_source.kind == DataSource.Kind.FILES:
        return connectors.run_files(
            data_source.ref,
            data_source.path,
            query,
            params=params,
            timeout=data_source.timeout_seconds,
            row_limit=data_source.row_limit,
        )
    return connectors.run_sql(
        data_source.url,
        query,
        params=params,
        timeout=data_source.timeout_seconds,
        row_limit=data_source.row_limit,
        pool_size=data_source.max_concurrency,
    )


def measure_query(*, data_source: DataSource, query: str, key_result: KeyResult) -> Measurement:
    """Run a query for ``key_result`` (saved or being drafted) and read its result."""
    ran_at = clock.now()
    started = time.perf_counter()
    fingerprint = connectors.query_fingerprint(query)
    try:
        result = run_query(data_source, query, cycle_parameters(key_result.objective.cycle))
        reading = read_result(result)
    except MetricError as error:
        return Measurement(ran_at, _ms(started), data_source.ref, fingerprint, error=error)
    return Measurement(
        ran_at,
        result.duration_ms,
        data_source.ref,
        fingerprint,
        reading=reading,
        row_count=len(result.rows),
    )


def measure_builtin_metric(*, builtin: str, key_result: KeyResult) -> Measurement:
    """Compute a built-in metric for ``key_result``."""
    ran_at = clock.now()
    started = time.perf_counter()
    try:
        reading, duration = measure_builtin(builtin, key_result)
    except MetricError as error:
        return Measurement(ran_at, _ms(started), "builtin", builtin, error=error)
    return Measurement(
        ran_at, duration, "builtin", builtin, reading=reading, row_count=reading.row_count
    )


def measure(metric: MetricDefinition) -> Measurement:
    """Run a saved metric. Expects ``key_result__objective__cycle`` and ``data_source`` loaded.

    Never raises: whatever goes wrong becomes the Measurement's error, so that the scheduler
    can record it on this metric and go on with the others.
    """
    ran_at = clock.now()
    started = time.perf_counter()
    try:
        if metric.builtin:
            return measure_builtin_metric(builtin=metric.builtin, key_result=metric.key_result)
        assert metric.data_source is not None  # guaranteed by the model's check constraint
        return measure_query(
            data_source=metric.data_source, query=metric.query, key_result=metric.key_result
        )
    except Exception as error:  # a bug or a driver's surprise must not stop the worker
        logger.exception("metric %s could not be measured", metric.pk)
        source = metric.data_source.ref if metric.data_source else "builtin"
        fingerprint = metric.builtin or connectors.query_fingerprint(metric.query)
        # Only the exception's class: its message could quote a URL with its password.
        failure = MetricError("internal", type(error).__name__)
        return Measurement(ran_at, _ms(started), source, fingerprint, error=failure)


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)
