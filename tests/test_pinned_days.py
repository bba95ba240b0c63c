"""The demo's date-sensitive parts hold on awkward days: quarter edges, a Sunday and a Monday,
29 February, New Year's Eve late at night, and daylight-saving changes."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from okrs.demo.loader import demo_load
from okrs.goals.models import CheckIn, Cycle, KeyResult
from okrs.goals.progress import expected_progress, linear_projection
from okrs.lib import clock
from okrs.metrics import connectors
from okrs.metrics.models import MetricDefinition

DAYS = [
    ("2027-01-01 10:00", "UTC"),  # first day of a quarter
    ("2027-03-31 10:00", "UTC"),  # last day of a quarter
    ("2026-12-06 10:00", "UTC"),  # a Sunday
    ("2026-12-07 10:00", "UTC"),  # a Monday
    ("2028-02-29 10:00", "UTC"),  # leap day
    ("2026-12-31 23:30", "Europe/Rome"),  # the year turns in UTC+1 while Rome is still in 2026
    ("2027-03-28 10:00", "Europe/Rome"),  # clocks go forward in Rome
    ("2026-11-01 10:00", "America/New_York"),  # clocks go back in New York
]


@pytest.fixture(params=DAYS, ids=[f"{m[:10]}-{tz}" for m, tz in DAYS])
def pinned_demo(
    request: Any, clock_at: Any, transactional_db: None, settings: Any, tmp_path: Path
) -> Iterator[dt.date]:
    moment, tz = request.param
    at = clock_at(moment, tz=tz)
    settings.OKRS_HOME = tmp_path
    demo_load(password="demo-pass")
    yield at.date()
    connectors.dispose_engines()


def test_date_sensitive_parts_hold_on_pinned_day(pinned_demo: dt.date) -> None:
    day = pinned_demo
    assert clock.today() == day  # the server's TIME_ZONE decides the date
    active = Cycle.objects.get(organization__slug="demo", status=Cycle.Status.ACTIVE)
    assert active.start <= day <= active.end
    # Pace: computed independently from the pinned day.
    expected = expected_progress(start=active.start, end=active.end, today=day)
    length = (active.end - active.start).days + 1
    assert 0 < expected <= 1
    assert expected == pytest.approx(((day - active.start).days + 1) / length)

    # Weekly history of the measured key results: no future week, no gap, newest is yesterday.
    measured = MetricDefinition.objects.filter(organization__slug="demo")
    assert measured.exists()
    weekly = 0
    for metric in measured:
        assert metric.last_error_kind == "", metric
        days = sorted(
            {
                timezone.localdate(c.created_at)
                for c in CheckIn.objects.filter(
                    key_result=metric.key_result, source=CheckIn.Source.SYNC
                )
            }
        )
        assert days, metric
        assert days[-1] <= day
        if len(days) >= 3:
            weekly += 1
            assert days[0] >= active.start
            # Some demo sources only have working days: the newest is between the last working
            # day before today and yesterday.
            last_workday = day - dt.timedelta(days=1)
            while last_workday.weekday() >= 5:
                last_workday -= dt.timedelta(days=1)
            assert last_workday <= days[-1] <= day - dt.timedelta(days=1)
            assert all((b - a).days <= 7 for a, b in itertools.pairwise(days)), days
    assert weekly >= 1

    # Staleness: every demo key result has a value checked in within the last 14 days.
    fresh = measured.get(builtin=MetricDefinition.Builtin.CHECK_INS_ON_TIME)
    assert fresh.last_value == 100

    # Projections are finite wherever there is a trend.
    projected = 0
    for key_result in KeyResult.objects.filter(objective__cycle=active):
        points = [
            (timezone.localdate(c.created_at), float(c.value))
            for c in key_result.check_ins.all()
            if c.value is not None
        ]
        value = linear_projection(points, end=active.end)
        if value is not None:
            projected += 1
            assert math.isfinite(value)
    assert projected >= 1
