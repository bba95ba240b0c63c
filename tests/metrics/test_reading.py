"""What a query's rows mean for a key result: one value, a dated history, or a clear error."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrs.metrics.connectors import MetricError, QueryResult
from okrs.metrics.errors import describe
from okrs.metrics.reading import Reading, number, read_result


def result(columns: tuple[str, ...], *rows: tuple[Any, ...]) -> QueryResult:
    return QueryResult(columns=columns, rows=list(rows), duration_ms=3)


def refusal(query_result: QueryResult) -> MetricError:
    with pytest.raises(MetricError) as raised:
        read_result(query_result)
    return raised.value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (42, Decimal("42")),
        (Decimal("0.5"), Decimal("0.5")),
        (0.1, Decimal("0.1")),
        ("  17.25 ", Decimal("17.25")),
        (-3, Decimal("-3")),
        (True, Decimal("1")),
        (1.23456789, Decimal("1.234568")),
        (Decimal("999999999999999999.999999"), Decimal("999999999999999999.999999")),
    ],
)
def test_one_value(raw: Any, value: Decimal) -> None:
    reading = read_result(result(("value",), (raw,)))
    assert reading == Reading(value=value)
    assert reading.history == ()


def test_history_of_dates_timestamps_and_iso_text_sorted_by_day() -> None:
    reading = read_result(
        result(
            ("day", "value"),
            ("2026-01-03", 3),
            (dt.datetime(2026, 1, 1, 23, 59, tzinfo=dt.UTC), "1.5"),
            (dt.date(2026, 1, 2), Decimal("2")),
            ("2026-01-04T08:30:00+00:00", 4),
        )
    )
    assert reading.history == (
        (dt.date(2026, 1, 1), Decimal("1.5")),
        (dt.date(2026, 1, 2), Decimal("2")),
        (dt.date(2026, 1, 3), Decimal("3")),
        (dt.date(2026, 1, 4), Decimal("4")),
    )
    assert reading.value == Decimal("4")  # the newest day is the current value
    assert reading.row_count == 4


def test_history_keeps_the_last_row_of_a_day() -> None:
    reading = read_result(
        result(("day", "value"), (dt.date(2026, 1, 1), 1), (dt.date(2026, 1, 1), 5))
    )
    assert reading.history == ((dt.date(2026, 1, 1), Decimal("5")),)


@pytest.mark.parametrize(
    ("query_result", "kind", "params"),
    [
        (result(("value",)), "empty", {}),
        (result(("value",), (None,)), "empty", {"null_row": 1}),
        (result(("day", "value")), "empty", {}),
        (
            result(("day", "value"), ("2026-01-01", 1), ("2026-01-02", None)),
            "empty",
            {"null_row": 2},
        ),
        (result(("value",), ("twelve",)), "not_numeric", {"value": "twelve", "row": 1}),
        (result(("value",), ("1,234",)), "not_numeric", {"value": "1,234", "row": 1}),
        (result(("value",), (float("nan"),)), "not_numeric", {"value": "nan", "row": 1}),
        (result(("value",), (float("inf"),)), "not_numeric", {"value": "inf", "row": 1}),
        (
            result(("value",), (Decimal("-Infinity"),)),
            "not_numeric",
            {"value": "-Infinity", "row": 1},
        ),
        (result(("value",), (1e18,)), "too_large", {"value": "1e+18", "row": 1}),
        (result(("value",), (-(10**30),)), "too_large", {"value": str(-(10**30)), "row": 1}),
        (result(("value",), (1,), (2,)), "too_many_values", {"rows": 2}),
        (result(("a", "b", "c"), (1, 2, 3)), "shape", {"columns": 3}),
        (result(()), "shape", {"columns": 0}),
        (
            result(("day", "value"), ("yesterday", 1)),
            "not_a_date",
            {"value": "yesterday", "row": 1},
        ),
        (
            result(("day", "value"), ("2026-01-01", 1), (20260102, 2)),
            "not_a_date",
            {"value": "20260102", "row": 2},
        ),
        (
            result(("day", "value"), ("2026-01-01", 1), ("2026-01-02", "x")),
            "not_numeric",
            {"value": "x", "row": 2},
        ),
    ],
)
def test_what_cannot_be_read_is_refused_with_a_reason(
    query_result: QueryResult, kind: str, params: dict[str, Any]
) -> None:
    error = refusal(query_result)
    assert (error.kind, error.params) == (kind, params)
    sentence = describe(error.kind, error.params)
    assert sentence != describe("no such kind")  # every reading error has its own sentence
    for value in params.values():
        if kind not in ("empty",):
            assert str(value) in sentence


def test_huge_value_sentence_says_it_is_too_large() -> None:
    error = refusal(result(("value",), (Decimal("1e20"),)))
    assert "too large" in describe(error.kind, error.params)


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**17), max_value=10**17))
def test_every_finite_value_in_range_is_kept_to_six_decimals(value: Decimal) -> None:
    read = number(value)
    assert abs(read - value) <= Decimal("0.0000005")
    assert read.as_tuple().exponent == -6
