"""Turn a query's rows into what a key result can take: one value, or a dated history.

One column and one row is the current value. Two columns are (date, value) pairs that fill in
the history; the newest one is the current value. Anything else is a ``MetricError`` that says
what the query returned and what it should return.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from okrs.metrics.connectors import MetricError, QueryResult

# Values must fit the key result's decimal(24, 6).
LARGEST_VALUE = Decimal("1e18")


@dataclass(frozen=True)
class Reading:
    """What a metric measured: its current value and, for a history query, every dated value."""

    value: Decimal
    history: tuple[tuple[dt.date, Decimal], ...] = ()
    row_count: int = 1


def number(raw: Any, *, row: int = 1) -> Decimal:
    """A finite decimal from a database value; MetricError 'empty', 'not_numeric' or 'too_large'."""
    if raw is None:
        raise MetricError("empty", null_row=row)
    if isinstance(raw, bool):
        return Decimal(int(raw))
    try:
        value = raw if isinstance(raw, Decimal) else Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise MetricError("not_numeric", value=str(raw)[:60], row=row) from None
    if not value.is_finite():
        raise MetricError("not_numeric", value=str(raw)[:60], row=row)
    if abs(value) >= LARGEST_VALUE:
        raise MetricError("too_large", value=str(raw)[:60], row=row)
    return value.quantize(Decimal("0.000001"))


def day(raw: Any, *, row: int) -> dt.date:
    """A date from a database value (date, timestamp or ISO text)."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw.strip()[:10])
        except ValueError:
            pass
    raise MetricError("not_a_date", value=str(raw)[:60], row=row)


def read_result(result: QueryResult) -> Reading:
    """The Reading of a query's result, or MetricError saying why there is none."""
    width = len(result.columns)
    if width == 1:
        if not result.rows:
            raise MetricError("empty")
        if len(result.rows) > 1:
            raise MetricError("too_many_values", rows=len(result.rows))
        return Reading(value=number(result.rows[0][0]))
    if width == 2:
        return _history(result)
    raise MetricError("shape", columns=width)


def _history(result: QueryResult) -> Reading:
    if not result.rows:
        raise MetricError("empty")
    by_day: dict[dt.date, Decimal] = {}
    for index, (when, raw) in enumerate(result.rows, start=1):
        by_day[day(when, row=index)] = number(raw, row=index)
    history = tuple(sorted(by_day.items()))
    return Reading(value=history[-1][1], history=history, row_count=len(result.rows))
