"""Data sources, metric bindings and sync, through the services, on real files and databases."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from extra_rows import key_results

from okrs.goals import services as goals
from okrs.goals.models import CheckIn, Cycle, KeyResult
from okrs.lib.errors import Forbidden, NotFound
from okrs.metrics import services
from okrs.metrics.connectors import query_fingerprint
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.metrics.runner import measure
from okrs.metrics.services import (
    data_source_create,
    data_source_delete,
    data_source_update,
    keep_hidden_password,
    metric_bind,
    metric_claim,
    metric_record,
    metric_sync,
    metric_unbind,
    metrics_record,
    retry_delay,
)
from okrs.workspace.models import AuditEvent
from okrs.workspace.permissions import Actor

SECRET = "pa55:w/rd@x"
URL = f"postgresql://reader:{SECRET}@warehouse.internal:5432/analytics"


def close(world: Any) -> None:
    system = Actor.system(world.org)
    goals.cycle_transition(actor=system, cycle=world.cycle, status=Cycle.Status.REVIEW)
    goals.cycle_transition(actor=system, cycle=world.cycle, status=Cycle.Status.CLOSED)


def sync_checkins(key_result: KeyResult) -> list[CheckIn]:
    return list(key_result.check_ins.filter(source=CheckIn.Source.SYNC).order_by("created_at"))


# Data sources -----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["admin", "ops"])
def test_managers_create_update_and_delete_data_sources(world: Any, persona: str) -> None:
    actor = world.actor(persona)
    source = data_source_create(actor=actor, name="Warehouse", kind="sql", url=URL)
    source = data_source_update(actor=actor, data_source=source, timeout_seconds=5)
    assert DataSource.objects.get(pk=source.pk).timeout_seconds == 5
    data_source_delete(actor=actor, data_source=source)
    assert not DataSource.objects.filter(pk=source.pk).exists()


@pytest.mark.parametrize("persona", ["lead", "member", "viewer", "stranger"])
def test_other_roles_cannot_manage_data_sources(world: Any, persona: str) -> None:
    source = data_source_create(actor=world.actor("ops"), name="Warehouse", kind="sql", url=URL)
    with pytest.raises(Forbidden):
        data_source_create(actor=world.actor(persona), name="Mine", kind="sql", url=URL)
    with pytest.raises(Forbidden):
        data_source_update(actor=world.actor(persona), data_source=source, name="Renamed")
    with pytest.raises(Forbidden):
        data_source_delete(actor=world.actor(persona), data_source=source)


def test_another_organization_s_data_source_is_not_found(world: Any) -> None:
    source = data_source_create(actor=world.actor("ops"), name="Warehouse", kind="sql", url=URL)
    with pytest.raises(NotFound):
        data_source_update(actor=world.actor("outsider"), data_source=source, name="Mine")
    with pytest.raises(NotFound):
        data_source_delete(actor=world.actor("outsider"), data_source=source)
    with pytest.raises(NotFound):
        metric_bind(
            actor=world.actor("outsider"),
            key_result=world.other_key_result,
            data_source=source,
            query="select 1",
        )


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"kind": "sql", "url": ""}, "url", "needs a database URL"),
        ({"kind": "sql", "url": "warehouse at port 5432"}, "url", "not a database URL"),
        ({"kind": "files", "path": ""}, "path", "needs a path"),
        ({"kind": "files", "path": "data/events.parquet"}, "path", "full path"),
        ({"kind": "files", "path": "/data/events.json"}, "path", ".parquet"),
        ({"kind": "ftp", "path": "/data/events.csv"}, "kind", "kind of data source"),
        ({"kind": "sql", "url": URL, "timeout_seconds": 0}, "timeout_seconds", ""),
        ({"kind": "sql", "url": URL, "max_concurrency": 65}, "max_concurrency", ""),
    ],
)
def test_data_source_validation_says_what_to_write(
    world: Any, fields: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        data_source_create(actor=world.actor("ops"), name="Source", **fields)
    assert field in raised.value.message_dict
    assert words in " ".join(raised.value.message_dict[field])
    assert not DataSource.objects.exists()


def test_env_references_are_accepted_and_kept_as_written(world: Any) -> None:
    ops = world.actor("ops")
    sql = data_source_create(actor=ops, name="Warehouse", kind="sql", url="${WAREHOUSE_URL}")
    files = data_source_create(actor=ops, name="Lake", kind="files", path="${LAKE}/e-*.parquet")
    assert (sql.url, files.path) == ("${WAREHOUSE_URL}", "${LAKE}/e-*.parquet")
    assert sql.path == "" and files.url == ""


def test_refs_are_made_from_names_unique_and_usable_as_table_names(world: Any) -> None:
    ops = world.actor("ops")
    first = data_source_create(actor=ops, name="Web events", kind="files", path="/d/e.parquet")
    second = data_source_create(actor=ops, name="Web events", kind="files", path="/d/f.parquet")
    assert first.ref == "web_events"
    assert second.ref != first.ref and "-" not in second.ref
    with pytest.raises(ValidationError) as raised:
        data_source_create(actor=ops, name="Other", ref="web_events", kind="sql", url=URL)
    assert "already has the ref 'web_events'" in raised.value.message_dict["ref"][0]
    with pytest.raises(ValidationError):
        data_source_update(actor=ops, data_source=second, ref="web_events")
    # The same ref in another organization is fine.
    data_source_create(
        actor=world.actor("outsider"), name="Web", ref="web_events", kind="sql", url=URL
    )


def test_redacted_url_sent_back_keeps_the_stored_password(world: Any) -> None:
    ops = world.actor("ops")
    source = data_source_create(actor=ops, name="Warehouse", kind="sql", url=URL)
    shown = services.connectors.redacted_url(source.url)
    assert SECRET not in shown and "***" in shown
    data_source_update(actor=ops, data_source=source, url=shown, timeout_seconds=9)
    source.refresh_from_db()
    assert source.url == URL
    assert keep_hidden_password(URL, shown) == URL
    assert (
        keep_hidden_password(URL, "postgresql://reader:new@h/db") == "postgresql://reader:new@h/db"
    )


def test_partly_edited_redacted_url_is_refused(world: Any) -> None:
    ops = world.actor("ops")
    source = data_source_create(actor=ops, name="Warehouse", kind="sql", url=URL)
    edited = services.connectors.redacted_url(URL).replace("analytics", "finance")
    with pytest.raises(ValidationError) as raised:
        data_source_update(actor=ops, data_source=source, url=edited)
    assert "cannot be edited in part" in raised.value.message_dict["url"][0]
    source.refresh_from_db()
    assert source.url == URL


def test_audit_never_holds_the_password(world: Any) -> None:
    ops = world.actor("ops")
    source = data_source_create(actor=ops, name="Warehouse", kind="sql", url=URL)
    data_source_update(actor=ops, data_source=source, url=URL.replace(SECRET, "n3w-s3cret"))
    data_source_update(actor=ops, data_source=source, name="Renamed")
    data_source_delete(actor=ops, data_source=source)
    events = list(AuditEvent.objects.filter(action__startswith="data_source.").order_by("pk"))
    assert [e.action for e in events] == [
        "data_source.create",
        "data_source.update",
        "data_source.update",
        "data_source.delete",
    ]
    text = json.dumps([[e.before, e.after, e.object_repr] for e in events])
    assert SECRET not in text and "n3w-s3cret" not in text and "warehouse.internal" not in text
    assert events[1].after["url"] == "(changed)"


def test_delete_is_refused_while_key_results_are_measured(world: Any) -> None:
    ops = world.actor("ops")
    source = data_source_create(actor=ops, name="Lake", kind="files", path="/d/e.parquet")
    metric_bind(actor=ops, key_result=world.key_result, data_source=source, query="select 1")
    with pytest.raises(ValidationError) as raised:
        data_source_delete(actor=ops, data_source=source)
    assert "1 key result is measured by this data source" in raised.value.messages[0]
    metric_unbind(actor=ops, key_result=world.key_result)
    data_source_delete(actor=ops, data_source=source)


# Binding ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["lead", "member", "ops", "admin"])
def test_team_members_and_managers_bind_key_results(world: Any, persona: str) -> None:
    metric = metric_bind(
        actor=world.actor(persona), key_result=world.key_result, builtin="check_ins_on_time"
    )
    assert world.key_result.measured_by == metric
    metric_unbind(actor=world.actor(persona), key_result=world.key_result)
    assert not MetricDefinition.objects.exists()


@pytest.mark.parametrize("persona", ["viewer", "stranger"])
def test_others_cannot_bind_or_unbind(world: Any, persona: str) -> None:
    with pytest.raises(Forbidden):
        metric_bind(
            actor=world.actor(persona), key_result=world.key_result, builtin="check_ins_on_time"
        )
    metric_bind(actor=world.actor("lead"), key_result=world.key_result, builtin="check_ins_on_time")
    with pytest.raises(Forbidden):
        metric_unbind(actor=world.actor(persona), key_result=world.key_result)


def test_outsider_binding_our_key_result_is_not_found(world: Any) -> None:
    with pytest.raises(NotFound):
        metric_bind(
            actor=world.actor("outsider"), key_result=world.key_result, builtin="check_ins_on_time"
        )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({}, "data_source"),
        ({"query": "select 1"}, "data_source"),
        ({"with_source": True, "query": "  "}, "query"),
        ({"with_source": True, "builtin": "check_ins_on_time"}, "builtin"),
        ({"builtin": "nonsense"}, "builtin"),
        ({"builtin": "check_ins_on_time", "schedule": "weekly"}, "schedule"),
    ],
)
def test_bind_validation(world: Any, kwargs: dict[str, Any], field: str) -> None:
    ops = world.actor("ops")
    if kwargs.pop("with_source", False):
        kwargs["data_source"] = data_source_create(
            actor=ops, name="Lake", kind="files", path="/d/e.parquet"
        )
    with pytest.raises(ValidationError) as raised:
        metric_bind(actor=ops, key_result=world.key_result, **kwargs)
    assert field in raised.value.message_dict
    assert not MetricDefinition.objects.exists()


def test_rebinding_resets_the_error_and_runs_soon_but_an_unchanged_bind_does_not(
    world: Any,
) -> None:
    ops = world.actor("ops")
    metric = metric_bind(actor=ops, key_result=world.key_result, builtin="estimate_gap")
    metric_sync(actor=ops, metric=metric)
    metric.refresh_from_db()
    assert (metric.last_error_kind, metric.failures) == ("builtin_unavailable", 1)
    metric = metric_bind(actor=ops, key_result=world.key_result, builtin="estimate_gap")
    assert (metric.last_error_kind, metric.failures) == ("builtin_unavailable", 1)
    metric = metric_bind(actor=ops, key_result=world.key_result, builtin="objectives_aligned")
    assert (metric.last_error_kind, metric.failures, metric.last_error_params) == ("", 0, {})
    assert metric.next_run_at is not None and metric.next_run_at <= timezone.now()
    manual = metric_bind(
        actor=ops, key_result=world.key_result, builtin="objectives_aligned", schedule="manual"
    )
    assert manual.pk == metric.pk and manual.next_run_at is None
    actions = list(
        AuditEvent.objects.filter(action__contains="bind_metric").values_list("action", flat=True)
    )
    assert actions == ["key_result.bind_metric"] * 3


# Sync -------------------------------------------------------------------------------------------


@pytest.fixture
def lake(world: Any, events: str, files_source: Any) -> DataSource:
    return files_source(world.actor("ops"), events)


def test_sync_makes_a_check_in_with_provenance_and_no_duplicate(world: Any, lake: Any) -> None:
    query = "select count(*) from events where clicks > 0"
    metric = metric_bind(
        actor=world.actor("member"), key_result=world.key_result, data_source=lake, query=query
    )
    outcome = metric_sync(actor=world.actor("member"), metric=metric)
    assert (outcome.ok, outcome.check_ins, outcome.value) == (True, 1, Decimal("20"))
    [check_in] = sync_checkins(world.key_result)
    assert check_in.value == Decimal("20") and check_in.author_id is None
    provenance = check_in.provenance
    assert provenance["data_source"] == "events"
    assert provenance["data_source_name"] == "Events"
    assert provenance["fingerprint"] == query_fingerprint(query)
    assert provenance["row_count"] == 1
    assert provenance["duration_ms"] >= 0
    assert dt.datetime.fromisoformat(provenance["ran_at"]) == check_in.created_at
    world.key_result.refresh_from_db()
    assert world.key_result.current == Decimal("20")
    metric.refresh_from_db()
    assert (metric.last_value, metric.last_row_count, metric.failures) == (Decimal("20"), 1, 0)
    assert metric.lease_until is None and metric.lease_owner == ""
    again = metric_sync(actor=world.actor("member"), metric=metric)
    assert (again.ok, again.check_ins) == (True, 0)
    assert len(sync_checkins(world.key_result)) == 1


def test_value_equal_to_a_manual_check_in_adds_nothing(world: Any, lake: Any) -> None:
    goals.key_result_check_in(actor=world.actor("member"), key_result=world.key_result, value=30)
    metric = metric_bind(
        actor=world.actor("member"),
        key_result=world.key_result,
        data_source=lake,
        query="select count(*) from events",
    )
    assert metric_sync(actor=world.actor("member"), metric=metric).check_ins == 0


def test_history_backfills_one_check_in_per_day_of_the_cycle_once(
    world: Any, warehouse: Any, sql_source: Any
) -> None:
    source = sql_source(world.actor("ops"), warehouse.url)
    # Two days before the cycle, five in it, and tomorrow: only the five are its history.
    query = (
        "select :cycle_start::date + g, g * 10 from generate_series(-2, 4) g"
        " union all select current_date + 1, 999"
    )
    metric = metric_bind(
        actor=world.actor("lead"), key_result=world.key_result, data_source=source, query=query
    )
    outcome = metric_sync(actor=world.actor("lead"), metric=metric)
    assert (outcome.ok, outcome.check_ins) == (True, 5)
    check_ins = sync_checkins(world.key_result)
    start = world.cycle.start
    assert [(c.created_at.date(), c.value) for c in check_ins] == [
        (start + dt.timedelta(days=g), Decimal(g * 10)) for g in range(5)
    ]
    assert all(c.provenance["row_count"] == 8 for c in check_ins)
    world.key_result.refresh_from_db()
    assert world.key_result.current == Decimal(40)
    assert metric_sync(actor=world.actor("lead"), metric=metric).check_ins == 0
    # Unbound and bound again, the same history is still not written twice.
    metric_unbind(actor=world.actor("lead"), key_result=world.key_result)
    metric = metric_bind(
        actor=world.actor("lead"), key_result=world.key_result, data_source=source, query=query
    )
    assert metric_sync(actor=world.actor("lead"), metric=metric).check_ins == 0
    assert len(sync_checkins(world.key_result)) == 5


def test_binary_key_result_refuses_two(world: Any, lake: Any) -> None:
    done = goals.key_result_create(
        actor=world.actor("lead"),
        objective=world.objective,
        title="Ship one-click reorder",
        kind="binary",
        chance_of_success=Decimal("0.5"),
    )
    metric = metric_bind(
        actor=world.actor("lead"), key_result=done, data_source=lake, query="select 2"
    )
    outcome = metric_sync(actor=world.actor("lead"), metric=metric)
    assert outcome.error_kind == "invalid"
    assert "1 (done) or 0" in outcome.error
    metric.refresh_from_db()
    assert (metric.last_error_kind, metric.failures) == ("invalid", 1)
    assert not done.check_ins.exists()


def test_closed_cycle_is_not_synced(world: Any, lake: Any) -> None:
    metric = metric_bind(
        actor=world.actor("ops"), key_result=world.key_result, data_source=lake, query="select 1"
    )
    measurement = measure(
        MetricDefinition.objects.select_related("data_source", "key_result__objective__cycle").get(
            pk=metric.pk
        )
    )
    close(world)
    with pytest.raises(ValidationError) as raised:
        metric_sync(actor=world.actor("ops"), metric=metric)
    assert "closed" in raised.value.messages[0]
    outcome = metric_record(metric=metric, measurement=measurement)
    assert outcome.error_kind == "cycle_closed"
    assert not sync_checkins(world.key_result)


@pytest.mark.parametrize(
    ("query", "kind", "detail"),
    [
        ("select nope from events", "query", "Binder Error"),
        ("select count(*) from range(1000000000000)", "timeout", ""),
        ("select id from events where false", "empty", ""),
        ("select 'many'", "not_numeric", ""),
        ("select id from events where id < 5", "too_many_values", ""),
        ("select 1, 2, 3", "shape", ""),
        ("select day, id from events", "too_many_rows", ""),
        ("delete from events", "not_a_query", ""),
        ("select 1e30", "too_large", ""),
    ],
)
def test_each_failure_is_recorded_on_the_metric_with_backoff_then_cleared(
    world: Any, events: str, files_source: Any, query: str, kind: str, detail: str
) -> None:
    lake = files_source(world.actor("ops"), events, timeout_seconds=1, row_limit=20)
    metric = metric_bind(
        actor=world.actor("ops"), key_result=world.key_result, data_source=lake, query=query
    )
    for failures in (1, 2, 3):
        before = timezone.now()
        outcome = metric_sync(actor=world.actor("ops"), metric=metric)
        metric.refresh_from_db()
        assert (outcome.error_kind, metric.last_error_kind, metric.failures) == (
            kind,
            kind,
            failures,
        )
        assert detail in metric.last_error
        assert metric.next_run_at is not None
        waited = metric.next_run_at - before
        assert retry_delay(failures, metric.interval) <= waited
        assert waited <= retry_delay(failures, metric.interval) + dt.timedelta(seconds=30)
        assert metric.lease_until is None
    assert retry_delay(1, None) < retry_delay(2, None) < retry_delay(3, None)
    assert not sync_checkins(world.key_result)
    metric = metric_bind(
        actor=world.actor("ops"), key_result=world.key_result, data_source=lake, query="select 7"
    )
    assert metric_sync(actor=world.actor("ops"), metric=metric).check_ins == 1
    metric.refresh_from_db()
    assert (metric.last_error_kind, metric.last_error, metric.failures) == ("", "", 0)
    assert metric.last_error_params == {}


def test_unreachable_and_missing_sources_are_recorded(
    world: Any, tmp_path: Path, files_source: Any, sql_source: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ops = world.actor("ops")
    dead = sql_source(ops, "postgresql+psycopg://postgres@127.0.0.1:1/none", ref="dead")
    gone = files_source(ops, tmp_path / "gone-*.parquet", ref="gone")
    monkeypatch.delenv("OKRS_TEST_NOT_SET", raising=False)
    unset = sql_source(ops, "${OKRS_TEST_NOT_SET}", ref="unset")
    for source, kind in ((dead, "unavailable"), (gone, "unavailable"), (unset, "config")):
        metric = metric_bind(
            actor=ops, key_result=world.key_result, data_source=source, query="select 1"
        )
        outcome = metric_sync(actor=ops, metric=metric)
        metric.refresh_from_db()
        assert (outcome.error_kind, metric.last_error_kind) == (kind, kind)
    assert metric.last_error_params == {"missing_variable": "OKRS_TEST_NOT_SET"}
    assert "OKRS_TEST_NOT_SET" in outcome.error


def test_a_metric_being_measured_cannot_be_synced_again(world: Any, lake: Any) -> None:
    metric = metric_bind(
        actor=world.actor("ops"), key_result=world.key_result, data_source=lake, query="select 1"
    )
    assert metric_claim(metric_id=metric.pk, owner="worker-a")
    assert not metric_claim(metric_id=metric.pk, owner="worker-b")
    with pytest.raises(ValidationError) as raised:
        metric_sync(actor=world.actor("ops"), metric=metric)
    assert "being measured right now" in raised.value.messages[0]
    # An expired lease is free again.
    later = timezone.now() + services.LEASE + dt.timedelta(seconds=1)
    assert metric_claim(metric_id=metric.pk, owner="worker-b", now=later)


def test_viewer_cannot_sync(world: Any, lake: Any) -> None:
    metric = metric_bind(
        actor=world.actor("ops"), key_result=world.key_result, data_source=lake, query="select 1"
    )
    with pytest.raises(Forbidden):
        metric_sync(actor=world.actor("viewer"), metric=metric)
    with pytest.raises(NotFound):
        metric_sync(actor=world.actor("outsider"), metric=metric)


def test_key_result_deleted_while_its_query_ran(world: Any, lake: Any, loaded: Any) -> None:
    metric = metric_bind(
        actor=world.actor("ops"), key_result=world.key_result, data_source=lake, query="select 5"
    )
    measurement = measure(loaded(metric))
    goals.key_result_delete(actor=world.actor("ops"), key_result=world.key_result)
    outcome = metric_record(metric=metric, measurement=measurement)
    assert (outcome.error_kind, outcome.check_ins) == ("deleted", 0)
    assert not CheckIn.objects.filter(key_result_id=metric.key_result_id).exists()


def test_long_timeouts_get_a_longer_lease(world: Any, lake: Any) -> None:
    metric = metric_bind(
        actor=world.actor("ops"), key_result=world.key_result, data_source=lake, query="select 1"
    )
    assert services.lease_for(metric) == services.LEASE
    data_source_update(actor=world.actor("ops"), data_source=lake, timeout_seconds=3600)
    metric.refresh_from_db()
    assert services.lease_for(metric) > dt.timedelta(hours=1)


# Recording a batch -------------------------------------------------------------------------------


def bound_key_results(world: Any, lake: DataSource, queries: list[str]) -> list[MetricDefinition]:
    """A key result of the Checkout objective per query, each measured by it (setup only)."""
    return [
        MetricDefinition.objects.create(
            organization=world.org, key_result=key_result, data_source=lake, query=query
        )
        for key_result, query in zip(key_results(world, len(queries)), queries, strict=True)
    ]


def check_in_audit(key_result: KeyResult) -> list[dict[str, Any]]:
    return [
        event.after
        for event in AuditEvent.objects.filter(
            action="key_result.check_in", object_id=key_result.pk
        ).order_by("pk")
    ]


def test_a_failing_metric_in_the_middle_of_a_batch_leaves_the_others_written(
    world: Any, lake: Any, loaded: Any
) -> None:
    first, broken, binary, last = bound_key_results(
        world, lake, ["select 11", "select 12", "select 2", "select 14"]
    )
    KeyResult.objects.filter(pk=binary.key_result_id).update(
        kind=KeyResult.Kind.BINARY, target=1, direction=KeyResult.Direction.INCREASE
    )
    results = [(loaded(m), measure(loaded(m))) for m in (first, broken, binary, last)]
    # A row count the database refuses (a negative one, past its check constraint): the
    # broken metric's check-in is written, then its state is not, and its savepoint undoes both.
    metric, measurement = results[1]
    results[1] = (metric, dataclasses.replace(measurement, row_count=-1))
    outcomes = metrics_record(results=results)
    assert [(o.metric_id, o.error_kind, o.check_ins) for o in outcomes] == [
        (first.pk, "", 1),
        (broken.pk, "internal", 0),
        (binary.pk, "invalid", 0),
        (last.pk, "", 1),
    ]
    for metric, value in ((first, Decimal(11)), (last, Decimal(14))):
        [check_in] = sync_checkins(metric.key_result)
        assert check_in.value == value and check_in.provenance["data_source"] == "events"
        assert check_in.provenance["fingerprint"] == query_fingerprint(metric.query)
        metric.key_result.refresh_from_db()
        assert metric.key_result.current == value
        [audit] = check_in_audit(metric.key_result)
        assert (audit["value"], audit["source"]) == (str(value), "sync")
        metric.refresh_from_db()
        assert (metric.last_value, metric.failures, metric.lease_owner) == (value, 0, "")
    for metric in (broken, binary):
        assert not sync_checkins(metric.key_result) and not check_in_audit(metric.key_result)
    broken.key_result.refresh_from_db()
    assert broken.key_result.current is None
    binary.refresh_from_db()
    assert (binary.last_error_kind, binary.failures) == ("invalid", 1)
    assert binary.next_run_at is not None and binary.next_run_at > timezone.now()


def test_a_batch_writes_changed_values_only_and_an_audit_event_for_each(
    world: Any, lake: Any, loaded: Any
) -> None:
    changed, unchanged, history = bound_key_results(
        world,
        lake,
        [
            "select 5",
            "select 6",
            "select :cycle_start::date + 1, 3 union all select :cycle_start::date + 2, 4",
        ],
    )
    goals.key_result_check_in(actor=world.actor("lead"), key_result=unchanged.key_result, value=6)
    outcomes = metrics_record(
        results=[(loaded(m), measure(loaded(m))) for m in (changed, unchanged, history)]
    )
    assert [(o.error_kind, o.check_ins, o.value) for o in outcomes] == [
        ("", 1, Decimal(5)),
        ("", 0, Decimal(6)),
        ("", 2, Decimal(4)),
    ]
    assert [a["value"] for a in check_in_audit(changed.key_result)] == ["5"]
    assert [a["value"] for a in check_in_audit(unchanged.key_result)] == ["6"]  # the typed one
    assert [a["value"] for a in check_in_audit(history.key_result)] == ["3", "4"]
    assert [c.value for c in sync_checkins(history.key_result)] == [Decimal(3), Decimal(4)]
    for metric in (changed, unchanged, history):
        metric.refresh_from_db()
        assert metric.last_success_at is not None and metric.lease_until is None


def test_a_check_in_typed_while_the_query_ran_stays_the_current_value(
    world: Any, lake: Any, loaded: Any
) -> None:
    metric = metric_bind(
        actor=world.actor("ops"), key_result=world.key_result, data_source=lake, query="select 9"
    )
    measurement = measure(loaded(metric))
    goals.key_result_check_in(actor=world.actor("member"), key_result=world.key_result, value=3)
    outcome = metric_record(metric=metric, measurement=measurement)
    assert (outcome.error_kind, outcome.check_ins) == ("", 1)
    [synced] = sync_checkins(world.key_result)
    assert synced.value == Decimal(9) and synced.created_at == measurement.ran_at
    world.key_result.refresh_from_db()
    assert world.key_result.current == Decimal(3)  # the newer, typed value
    assert [a["value"] for a in check_in_audit(world.key_result)] == ["3", "9"]
