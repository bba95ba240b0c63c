"""The demo organizations load through the services and show what the product is about."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from okrs.demo.loader import demo_load
from okrs.demo.metrics import events_generate
from okrs.goals.models import CheckIn, Cycle, KeyResult, Objective
from okrs.lib import clock
from okrs.lib.errors import NotFound
from okrs.metrics import connectors
from okrs.metrics import services as metrics
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.metrics.scheduler import run_due
from okrs.workspace.models import AuditEvent, Membership, Organization
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import actor_for


@pytest.fixture
def demo(db: None, settings: Any, tmp_path: Path) -> list[str]:
    settings.OKRS_HOME = tmp_path  # the demo's event files go to OKRS_HOME/demo-data
    return demo_load(password="demo-pass")


@pytest.fixture
def live_demo(transactional_db: None, settings: Any, tmp_path: Path) -> Iterator[list[str]]:
    """The demo loaded with commits, so the okrs database can be read as a data source."""
    settings.OKRS_HOME = tmp_path
    yield demo_load(password="demo-pass")
    connectors.dispose_engines()  # the test database can then be dropped


# Loading takes a couple of seconds, so each test below checks one whole area of the demo.


def test_demo_loads_both_organizations_once(demo):
    assert set(Organization.objects.values_list("slug", flat=True)) == {"demo", "demo-coaching"}
    again = demo_load(password="demo-pass")
    assert any("already loaded" in line for line in again)
    assert Organization.objects.count() == 2


def test_demo_logins_belong_where_the_issue_says(demo):
    users = get_user_model().objects
    demo_user, coach = users.get(username="demo"), users.get(username="coach")
    assert demo_user.is_superuser and demo_user.check_password("demo-pass")
    assert coach.check_password("demo-pass") and not coach.is_staff
    assert set(
        Membership.objects.filter(user=demo_user).values_list("organization__slug", flat=True)
    ) == {
        "demo",
        "demo-coaching",
    }
    assert list(
        Membership.objects.filter(user=coach).values_list("organization__slug", flat=True)
    ) == ["demo-coaching"]
    coach = get_user_model().objects.get(username="coach")
    with pytest.raises(NotFound):
        actor_for(user=coach, organization=Organization.objects.get(slug="demo"))
    demo_load(password="another-pass")
    assert get_user_model().objects.get(username="demo").check_password("another-pass")


def test_demo_content_shows_every_part_of_the_method(demo):
    cycles = {c.status: c for c in Cycle.objects.filter(organization__slug="demo")}
    assert set(cycles) == {Cycle.Status.CLOSED, Cycle.Status.ACTIVE}
    active = cycles[Cycle.Status.ACTIVE]
    assert 0.4 <= active.expected_progress() <= 0.6
    assert cycles[Cycle.Status.CLOSED].end < active.start
    closed_objectives = Objective.objects.filter(cycle=cycles[Cycle.Status.CLOSED])
    assert closed_objectives.exists()
    assert not closed_objectives.filter(final_score__isnull=True).exists()
    org = Organization.objects.get(slug="demo")
    kinds = Counter(org.teams.values_list("kind", flat=True))
    assert kinds["company"] == 1 and kinds["department"] >= 5 and kinds["team"] >= 5
    per_team = Counter(
        Objective.objects.filter(organization=org).values_list("cycle_id", "team_id")
    )
    assert set(per_team.values()) == {1}
    assert len(per_team) == 2 * org.teams.count()
    krs = KeyResult.objects.filter(organization__slug="demo")
    assert {k.direction for k in krs} == {"increase", "decrease", "at_least", "at_most"}
    binary = krs.filter(kind=KeyResult.Kind.BINARY)
    assert binary.exists() and not binary.filter(chance_of_success__isnull=True).exists()
    per_objective = Counter(krs.values_list("objective_id", flat=True))
    assert min(per_objective.values()) >= 3 and max(per_objective.values()) <= 5
    now = timezone.now()
    typed = CheckIn.objects.filter(organization__slug="demo", source=CheckIn.Source.MANUAL)
    per_kr = Counter(typed.values_list("key_result_id", flat=True))
    assert KeyResult.objects.filter(organization__slug="demo").count() == len(per_kr)
    assert min(per_kr.values()) >= 2 and max(per_kr.values()) <= 4
    assert not CheckIn.objects.filter(created_at__gt=now + dt.timedelta(minutes=1)).exists()
    assert not typed.filter(note="").exists()
    objectives = Objective.objects.filter(organization__slug="demo", team__kind="team")
    aligned = objectives.filter(parent_key_result__isnull=False)
    assert aligned.count() > objectives.count() / 2
    assert Objective.objects.filter(organization__slug="demo", contributes=True).exists()
    org = Organization.objects.get(slug="demo")
    actions = set(AuditEvent.objects.filter(organization=org).values_list("action", flat=True))
    assert {
        "objective.create",
        "key_result.create",
        "key_result.check_in",
        "cycle.transition",
    } <= actions


# Live metrics: the demo's key results measured from its event files, the okrs database and a
# built-in metric, synced as soon as the demo is loaded.


def _demo_metrics() -> dict[str, MetricDefinition]:
    return {
        metric.key_result.title: metric
        for metric in MetricDefinition.objects.filter(organization__slug="demo").select_related(
            "data_source", "key_result__objective__cycle"
        )
    }


def test_demo_key_results_are_measured_from_real_sources_at_once(live_demo, tmp_path):
    assert any("measured 5 live metrics" in line and "0 failed" in line for line in live_demo)
    found = _demo_metrics()
    uploads = found["Cut failed match uploads from 4.1% to 1.5%"]
    processing = found["Process at least 95% of uploaded matches within 30 minutes"]
    measured = found["Raise key results measured straight from their data source from 0% to 25%"]
    fresh = found["Keep at least 90% of key results checked in within the 14-day cadence"]
    new_arr = found["Add EUR 1.6M of new club ARR this quarter"]
    assert len(found) == 5
    assert {m.key_result.objective.cycle.status for m in found.values()} == {Cycle.Status.ACTIVE}

    events = uploads.data_source
    assert events is not None and events.kind == DataSource.Kind.FILES
    assert events.path == f"{tmp_path}/demo-data/events-*.parquet"
    assert len(list((tmp_path / "demo-data").glob("events-*.parquet"))) == 4
    assert processing.data_source == events
    warehouse = new_arr.data_source
    assert warehouse is not None and warehouse.kind == DataSource.Kind.SQL
    assert warehouse.url == f"sqlite:///{tmp_path}/demo-data/warehouse.sqlite3"
    assert measured.builtin == MetricDefinition.Builtin.KEY_RESULTS_MEASURED
    assert fresh.builtin == MetricDefinition.Builtin.CHECK_INS_ON_TIME
    assert {uploads.schedule, processing.schedule, new_arr.schedule} == {
        MetricDefinition.Schedule.DAILY
    }
    assert {measured.schedule, fresh.schedule} == {MetricDefinition.Schedule.HOURLY}

    for metric in found.values():
        assert metric.last_error_kind == "" and metric.last_success_at is not None, metric
        assert metric.next_run_at > timezone.now()
        synced = CheckIn.objects.filter(key_result=metric.key_result, source=CheckIn.Source.SYNC)
        assert synced.exists(), metric
        provenance = synced.latest("created_at").provenance
        assert provenance["data_source"] == (
            metric.data_source.ref if metric.data_source else "builtin"
        )
        assert {"fingerprint", "ran_at", "duration_ms", "row_count"} <= set(provenance)
        metric.key_result.refresh_from_db()
        assert metric.key_result.current == metric.last_value

    # The history query filled the weeks since the cycle started, the newest being yesterday's.
    cycle = uploads.key_result.objective.cycle
    weeks = CheckIn.objects.filter(key_result=uploads.key_result, source=CheckIn.Source.SYNC)
    assert weeks.count() >= 6
    days = sorted(timezone.localdate(c.created_at) for c in weeks)
    assert days[0] >= cycle.start and days[-1] == clock.today() - dt.timedelta(days=1)
    assert all(Decimal("1.5") < c.value < Decimal("4.6") for c in weeks)
    assert Decimal(85) < processing.last_value < Decimal(95)
    # The warehouse's new ARR grows week by week towards the story's EUR 0.74M of day 42.
    arr = list(
        CheckIn.objects.filter(key_result=new_arr.key_result, source=CheckIn.Source.SYNC)
        .order_by("created_at")
        .values_list("value", flat=True)
    )
    assert len(arr) >= 5 and arr == sorted(arr) and Decimal("0.6") < arr[-1] < Decimal("0.9")
    # The built-in counts this cycle's bound key results.
    key_results = KeyResult.objects.filter(objective__cycle=cycle).count()
    share = Decimal(100 * len(found) / key_results).quantize(Decimal("0.01"))
    assert measured.last_value == share
    assert fresh.last_value == Decimal(100)  # every key result has a value under 14 days old


def test_demo_sync_again_changes_nothing_until_the_data_does(live_demo):
    organization = Organization.objects.get(slug="demo")
    synced = CheckIn.objects.filter(organization=organization, source=CheckIn.Source.SYNC)
    before = synced.count()
    MetricDefinition.objects.filter(organization=organization).update(
        next_run_at=timezone.now() - dt.timedelta(minutes=1)
    )
    again = run_due(scope=Q(organization=organization), threads=2)
    assert (again.runs, again.failures, again.check_ins) == (5, 0, 0)
    assert synced.count() == before

    # Binding one more key result is new data for the built-in: the next run says so.
    measured = KeyResult.objects.get(organization=organization, metric__startswith="key results m")
    before = measured.current
    other = KeyResult.objects.filter(objective=measured.objective, measured_by__isnull=True).first()
    assert other is not None
    metrics.metric_bind(
        actor=Actor.system(organization),
        key_result=other,
        builtin=MetricDefinition.Builtin.OBJECTIVES_ALIGNED,
        schedule=MetricDefinition.Schedule.MANUAL,
    )
    MetricDefinition.objects.filter(key_result=measured).update(next_run_at=timezone.now())
    later = run_due(scope=Q(organization=organization), threads=2)
    assert (later.runs, later.check_ins) == (1, 1)
    measured.refresh_from_db()
    key_results = KeyResult.objects.filter(objective__cycle=measured.objective.cycle).count()
    assert before is not None and measured.current > before
    assert measured.current == Decimal(100 * 6 / key_results).quantize(Decimal("0.01"))
    assert measured.check_ins.filter(source=CheckIn.Source.SYNC).count() == 2


def test_demo_reloads_without_new_sources_or_files(live_demo, tmp_path):
    parts = sorted((tmp_path / "demo-data").glob("events-*.parquet"))
    written = [p.stat().st_mtime_ns for p in parts]
    again = demo_load(password="demo-pass")
    assert any("already loaded" in line for line in again)
    assert DataSource.objects.filter(organization__slug="demo").count() == 2
    assert MetricDefinition.objects.filter(organization__slug="demo").count() == 5
    assert [p.stat().st_mtime_ns for p in parts] == written
    assert not any("measured" in line for line in again)  # nothing was due


def test_demo_events_are_the_same_for_the_same_cycle(tmp_path):
    start = dt.date(2026, 10, 5)
    rows = events_generate(tmp_path / "a", start=start, days=14)
    assert rows == events_generate(tmp_path / "b", start=start, days=14)
    assert events_generate(tmp_path / "c", start=start, days=14, seed=1) != rows

    def summary(folder: Path) -> list[tuple[Any, ...]]:
        return duckdb.sql(
            f"select event, count(*), min(event_at), max(day), sum(club_id), round(sum(minutes), 3)"
            f" from '{folder}/events-*.parquet' group by event order by event"
        ).fetchall()

    assert summary(tmp_path / "a") == summary(tmp_path / "b")
    by_day = duckdb.sql(
        f"select min(day), max(day), count(distinct day) from '{tmp_path}/a/events-*.parquet'"
    ).fetchall()
    assert by_day == [(start, start + dt.timedelta(days=13), 14)]
