"""Live metrics over the API: data sources, a key result's metric, checks, sync now, staleness.

Real sources only: Parquet files written with DuckDB in tmp_path, and the PostgreSQL server of
the test suite (its ``postgres`` database) for a query the database refuses.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from django.utils import timezone

from okrs.goals import services as goals
from okrs.goals.models import CheckIn
from okrs.metrics import services as metrics
from okrs.metrics.connectors import dispose_engines, forget_file_databases, query_fingerprint
from okrs.metrics.errors import describe
from okrs.metrics.models import DataSource, MetricDefinition

PASSWORD = "s3cret-Pa55"
SECRET_URL = f"postgresql+psycopg://reader:{PASSWORD}@127.0.0.1:5432/postgres"
POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
ABANDONMENT = "select avg(abandoned) * 100 from events"


@pytest.fixture(autouse=True)
def _fresh_connections() -> Any:
    """Connectors keep engines and DuckDB databases per URL or path; tests start without."""
    yield
    forget_file_databases()
    dispose_engines()


@pytest.fixture
def events(tmp_path: Path) -> Path:
    """A real Parquet file: 8 sessions, 3 abandoned (37.5%), spread over the last days."""
    path = tmp_path / "events.parquet"
    today = timezone.localdate()
    rows = ", ".join(
        f"(DATE '{today - dt.timedelta(days=i % 3)}', {1 if i < 3 else 0})" for i in range(8)
    )
    duckdb.sql(
        f"COPY (SELECT * FROM (VALUES {rows}) AS t(day, abandoned)) TO '{path}' (FORMAT PARQUET)"
    )
    return path


@pytest.fixture
def events_source(world: Any, events: Path) -> DataSource:
    return metrics.data_source_create(
        actor=world.actor("ops"), name="Events", kind="files", ref="events", path=str(events)
    )


def bind(world: Any, source: DataSource, query: str = ABANDONMENT, **kw: Any) -> MetricDefinition:
    return metrics.metric_bind(
        actor=world.actor("admin"),
        key_result=world.key_result,
        data_source=source,
        query=query,
        **kw,
    )


def kr_url(world: Any, tail: str = "") -> str:
    return f"/key-results/{world.key_result.pk}{tail}"


# Data sources -----------------------------------------------------------------------------------


def test_ops_adds_a_database_and_the_password_never_comes_back(world, api):
    ops = api("ops")
    created = ops.post(
        "/data-sources",
        {"name": "Warehouse", "kind": "sql", "url": SECRET_URL, "timeout_seconds": 5},
    )
    assert created.status_code == 201, created.json_body
    source_id = created.json_body["id"]
    responses = [
        created,
        ops.get("/data-sources"),
        ops.get(f"/data-sources/{source_id}"),
        api("viewer").get(f"/data-sources/{source_id}"),
        ops.patch(f"/data-sources/{source_id}", {"name": "Analytics warehouse"}),
        # the form of a client that sends back what it was shown: the password stays
        ops.patch(f"/data-sources/{source_id}", {"url": created.json_body["url"]}),
    ]

    for response in responses:
        assert response.status_code == 200 or response is created, response.json_body
        assert PASSWORD not in json.dumps(response.json_body)
    assert created.json_body["url"] == "postgresql+psycopg://reader:***@127.0.0.1:5432/postgres"
    assert created.json_body | {"created_at": None, "updated_at": None} == {
        "id": source_id,
        "ref": "warehouse",
        "name": "Warehouse",
        "kind": "sql",
        "url": "postgresql+psycopg://reader:***@127.0.0.1:5432/postgres",
        "path": "",
        "timeout_seconds": 5,
        "row_limit": 10_000,
        "max_concurrency": 4,
        "metric_count": 0,
        "created_at": None,
        "updated_at": None,
    }
    assert responses[4].json_body["name"] == "Analytics warehouse"
    assert DataSource.objects.get(pk=source_id).url == SECRET_URL


def test_a_password_edited_in_part_is_refused(world, api):
    ops = api("ops")
    source = ops.post("/data-sources", {"name": "W", "kind": "sql", "url": SECRET_URL}).json_body

    response = ops.patch(
        f"/data-sources/{source['id']}", {"url": source["url"].replace("reader", "writer")}
    )

    assert response.status_code == 422
    assert "shown as ***" in response.json_body["errors"]["url"][0]
    assert DataSource.objects.get(pk=source["id"]).url == SECRET_URL


@pytest.mark.parametrize(
    "url",
    ["${WAREHOUSE_URL}", "postgresql+psycopg://reader:${PG_PASSWORD}@warehouse:5432/analytics"],
)
def test_environment_references_are_shown_as_written(world, api, url):
    ops = api("ops")
    created = ops.post("/data-sources", {"name": "Warehouse", "kind": "sql", "url": url})

    assert created.status_code == 201, created.json_body
    assert created.json_body["url"] == url
    assert ops.get("/data-sources").json_body["items"][0]["url"] == url


def test_files_source_needs_a_full_path(world, api):
    response = api("admin").post(
        "/data-sources", {"name": "Events", "kind": "files", "path": "data/events.parquet"}
    )

    assert response.status_code == 422
    assert "full path" in response.json_body["errors"]["path"][0]
    assert not DataSource.objects.exists()


@pytest.mark.parametrize("persona", ["member", "lead", "viewer"])
def test_only_ops_and_admins_manage_data_sources(world, api, events_source, persona):
    client = api(persona)
    body = {"name": "Mine", "kind": "files", "path": "/data/x.parquet"}

    created = client.post("/data-sources", body)
    patched = client.patch(f"/data-sources/{events_source.pk}", {"name": "Renamed"})
    deleted = client.delete(f"/data-sources/{events_source.pk}")

    for response in (created, patched, deleted):
        assert response.status_code == 403
        assert response.json_body == {"detail": "Only Product Ops and admins manage data sources."}
    assert list(DataSource.objects.values_list("name", flat=True)) == ["Events"]
    assert client.get("/data-sources").json_body["count"] == 1  # reading is for every member


def test_list_counts_the_key_results_each_source_measures(world, api, events_source, tmp_path):
    metrics.data_source_create(
        actor=world.actor("ops"), name="Orders", kind="files", path=str(tmp_path / "o.csv")
    )
    bind(world, events_source)

    body = api("viewer").get("/data-sources").json_body

    assert [(s["ref"], s["metric_count"]) for s in body["items"]] == [("events", 1), ("orders", 0)]
    assert (body["count"], body["limit"], body["offset"]) == (2, 50, 0)


def test_a_source_in_use_is_not_deleted(world, api, events_source):
    bind(world, events_source)
    admin = api("admin")

    refused = admin.delete(f"/data-sources/{events_source.pk}")
    admin.delete(kr_url(world, "/metric"))
    deleted = admin.delete(f"/data-sources/{events_source.pk}")

    assert refused.status_code == 422
    assert "1 key result is measured by this data source" in refused.json_body["detail"]
    assert deleted.status_code == 204
    assert not DataSource.objects.exists()


# The metric of a key result ---------------------------------------------------------------------


def test_member_binds_their_key_result_by_the_source_ref(world, api, events_source):
    response = api("member").call(
        "PUT", kr_url(world, "/metric"), {"data_source": "events", "query": ABANDONMENT}
    )

    assert response.status_code == 200, response.json_body
    body = response.json_body
    assert body["key_result"] == world.key_result.pk
    assert body["data_source"] == {
        "id": events_source.pk,
        "ref": "events",
        "name": "Events",
        "kind": "files",
    }
    assert (body["query"], body["builtin"], body["schedule"]) == (ABANDONMENT, "", "daily")
    assert (body["last_run_at"], body["error_kind"], body["error"], body["failures"]) == (
        None,
        "",
        None,
        0,
    )
    assert body["next_run_at"] is not None  # a new definition is measured soon
    assert api("viewer").get(kr_url(world, "/metric")).json_body == body


def test_bind_by_id_to_a_builtin_and_unbind(world, api, events_source):
    member = api("member")
    by_id = member.call(
        "PUT",
        kr_url(world, "/metric"),
        {"data_source": events_source.pk, "query": "select 1", "schedule": "hourly"},
    )
    builtin = member.call(
        "PUT", kr_url(world, "/metric"), {"builtin": "objectives_aligned", "schedule": "manual"}
    )
    unbound = member.delete(kr_url(world, "/metric"))
    read = member.get(kr_url(world, "/metric"))

    assert by_id.json_body["data_source"]["id"] == events_source.pk
    assert (builtin.json_body["data_source"], builtin.json_body["builtin"]) == (
        None,
        "objectives_aligned",
    )
    assert builtin.json_body["next_run_at"] is None  # manual: only when asked
    assert unbound.status_code == 204
    assert read.status_code == 404
    assert "is not measured by a data source" in read.json_body["detail"]


def test_binding_says_what_is_missing(world, api, events_source):
    member = api("member")

    no_query = member.call("PUT", kr_url(world, "/metric"), {"data_source": "events"})
    unknown_ref = member.call(
        "PUT", kr_url(world, "/metric"), {"data_source": "nope", "query": "x"}
    )
    both = member.call(
        "PUT", kr_url(world, "/metric"), {"data_source": "events", "builtin": "objectives_aligned"}
    )
    typo = member.call("PUT", kr_url(world, "/metric"), {"builtin": "objectives_alined"})

    assert no_query.status_code == 422
    assert "Write the SQL query" in no_query.json_body["errors"]["query"][0]
    assert unknown_ref.status_code == 422
    assert "no data source with the ref 'nope'" in unknown_ref.json_body["errors"]["data_source"][0]
    assert both.status_code == 422
    assert "not both" in both.json_body["errors"]["builtin"][0]
    assert typo.status_code == 422
    assert "builtin" in typo.json_body["errors"]
    assert not MetricDefinition.objects.exists()


@pytest.mark.parametrize("persona", ["viewer", "stranger"])
def test_people_outside_the_team_do_not_bind_its_key_results(world, api, events_source, persona):
    response = api(persona).call(
        "PUT", kr_url(world, "/metric"), {"data_source": "events", "query": "x"}
    )

    assert response.status_code == 403
    assert response.json_body["detail"].startswith("Only members of the team")
    assert not MetricDefinition.objects.exists()


def test_another_organizations_source_is_not_found(world, api, tmp_path):
    theirs = metrics.data_source_create(
        actor=world.actor("outsider"), name="Theirs", kind="files", path=str(tmp_path / "t.csv")
    )
    member = api("member")

    by_id = member.call(
        "PUT", kr_url(world, "/metric"), {"data_source": theirs.pk, "query": "select 1"}
    )
    by_ref = member.call(
        "PUT", kr_url(world, "/metric"), {"data_source": theirs.ref, "query": "select 1"}
    )
    checked = member.post(
        kr_url(world, "/metric/check"), {"data_source": theirs.pk, "query": "select 1"}
    )

    assert by_id.status_code == 404
    assert by_ref.status_code == 422  # a ref names nothing in this organization
    assert checked.status_code == 404
    assert member.get(f"/data-sources/{theirs.pk}").status_code == 404
    assert not MetricDefinition.objects.exists()


# The measurability check ------------------------------------------------------------------------


def test_check_runs_the_saved_query_on_a_parquet_file_and_writes_nothing(
    world, api, events_source, acme_state
):
    bind(world, events_source)
    member = api("member")  # a new token is audited: made before the snapshot
    before = acme_state()

    response = member.post(kr_url(world, "/metric/check"))

    assert response.status_code == 200, response.json_body
    body = response.json_body
    assert (body["ok"], body["value"], body["history_points"], body["row_count"]) == (
        True,
        37.5,
        0,
        1,
    )
    assert (body["data_source"], body["fingerprint"]) == ("events", query_fingerprint(ABANDONMENT))
    assert (body["error_kind"], body["error"], body["detail"]) == ("", "", "")
    assert body["duration_ms"] >= 0
    assert_only_the_check_is_audited(before, acme_state())
    assert MetricDefinition.objects.get().last_run_at is None


def assert_only_the_check_is_audited(before: Any, after: Any) -> None:
    """A check writes nothing but its audit event: who ran which query on which source."""
    new = after.pop("AuditEvent")[len(before["AuditEvent"]) :]
    assert {k: v for k, v in before.items() if k != "AuditEvent"} == after
    assert [(e["action"], e["after"]["query_source"]) for e in new] == [("metric.check", "events")]
    assert len(new[0]["after"]["query_fingerprint"]) == 16


def test_check_a_draft_history_query_before_binding(world, api, events_source, acme_state):
    lead = api("lead")
    before = acme_state()
    query = "select day, sum(abandoned) from events group by day order by day"

    response = lead.post(kr_url(world, "/metric/check"), {"data_source": "events", "query": query})

    assert response.status_code == 200, response.json_body
    assert response.json_body["ok"] is True
    assert response.json_body["history_points"] == 3
    assert response.json_body["row_count"] == 3
    assert_only_the_check_is_audited(before, acme_state())
    assert not MetricDefinition.objects.exists()


def test_check_shows_duckdbs_exact_error(world, api, events_source):
    response = api("member").post(
        kr_url(world, "/metric/check"),
        {"data_source": "events", "query": "select count(*) from sessions"},
    )

    body = response.json_body
    assert response.status_code == 200, body
    assert (body["ok"], body["value"], body["error_kind"]) == (False, None, "query")
    assert body["error"] == describe("query")
    assert body["detail"].startswith("Catalog Error: Table with name sessions does not exist")


@pytest.mark.django_db(transaction=True)
def test_check_shows_postgresqls_exact_error(world, api):
    source = metrics.data_source_create(
        actor=world.actor("ops"), name="Warehouse", kind="sql", url=POSTGRES_URL
    )
    bind(world, source, query="select count(*) from missing_orders")

    body = api("member").post(kr_url(world, "/metric/check")).json_body

    assert (body["ok"], body["error_kind"]) == (False, "query")
    assert body["error"] == "The database refused the query. Correct the SQL and check again."
    assert body["detail"] == 'relation "missing_orders" does not exist'


@pytest.mark.django_db(transaction=True)
def test_check_reads_a_number_from_postgresql(world, api):
    source = metrics.data_source_create(
        actor=world.actor("ops"), name="Warehouse", kind="sql", url=POSTGRES_URL
    )

    body = (
        api("member")
        .post(
            kr_url(world, "/metric/check"),
            {"data_source": source.pk, "query": "select (:cycle_end - :cycle_start) * 1.0"},
        )
        .json_body
    )

    assert (body["ok"], body["value"]) == (True, 90.0), body


def test_check_a_draft_builtin(world, api):
    response = api("member").post(kr_url(world, "/metric/check"), {"builtin": "objectives_aligned"})

    body = response.json_body
    assert response.status_code == 200, body
    # Checkout's objective serves the company's key result: 1 aligned of 1 below the company.
    assert (body["ok"], body["value"], body["data_source"]) == (True, 100.0, "builtin")
    assert not MetricDefinition.objects.exists()


def test_nothing_to_check_says_how_to_fix_it(world, api):
    response = api("member").post(kr_url(world, "/metric/check"))

    assert response.status_code == 422
    assert "not bound to a data source" in response.json_body["detail"]


@pytest.mark.parametrize("persona", ["viewer", "stranger"])
def test_viewers_and_other_teams_do_not_run_queries(world, api, events_source, persona):
    bind(world, events_source)

    saved = api(persona).post(kr_url(world, "/metric/check"))
    draft = api(persona).post(
        kr_url(world, "/metric/check"), {"data_source": "events", "query": "select 1"}
    )

    for response in (saved, draft):
        assert response.status_code == 403
        assert response.json_body["detail"] == (
            "Only members of the team, Product Ops or an admin run its key results' queries."
        )


# Sync now ---------------------------------------------------------------------------------------


def test_sync_now_writes_a_check_in_with_its_provenance(world, api, events_source):
    bind(world, events_source)
    member = api("member")

    synced = member.post(kr_url(world, "/metric/sync"))
    again = member.post(kr_url(world, "/metric/sync"))
    listed = member.get(kr_url(world, "/check-ins"))

    assert synced.status_code == 200, synced.json_body
    assert synced.json_body["outcome"] | {"duration_ms": 0} == {
        "ok": True,
        "check_ins": 1,
        "value": 37.5,
        "duration_ms": 0,
        "error_kind": "",
        "error": "",
    }
    key_result = synced.json_body["key_result"]
    assert (key_result["current"], key_result["stale"]) == (37.5, False)
    assert key_result["measured_by"]["data_source"]["ref"] == "events"
    assert key_result["measured_by"]["error"] is None
    assert again.json_body["outcome"]["check_ins"] == 0  # unchanged values pile up nothing
    [check_in] = listed.json_body["items"]
    assert (check_in["source"], check_in["author"], check_in["value"]) == ("sync", None, 37.5)
    provenance = check_in["provenance"]
    assert provenance["data_source"] == "events"
    assert provenance["data_source_name"] == "Events"
    assert provenance["fingerprint"] == query_fingerprint(ABANDONMENT)
    assert provenance["row_count"] == 1
    stored = CheckIn.objects.get()
    ran_at = dt.datetime.fromisoformat(provenance["ran_at"].replace("Z", "+00:00"))
    assert abs(ran_at - dt.datetime.fromisoformat(stored.provenance["ran_at"])) < dt.timedelta(
        milliseconds=1
    )


def test_a_failing_sync_is_recorded_on_the_key_result(world, api, events_source):
    bind(world, events_source, query="select count(*) from sessions")

    synced = api("member").post(kr_url(world, "/metric/sync"))
    read = api("viewer").get(kr_url(world))

    outcome = synced.json_body["outcome"]
    assert (outcome["ok"], outcome["check_ins"], outcome["error_kind"]) == (False, 0, "query")
    assert "Table with name sessions does not exist" in outcome["error"]
    measured_by = read.json_body["measured_by"]
    assert measured_by["error_kind"] == "query"
    assert measured_by["error"].startswith(describe("query"))
    assert "sessions does not exist" in measured_by["error"]
    assert measured_by["last_run_at"] is not None
    assert measured_by["last_success_at"] is None
    assert not CheckIn.objects.exists()


def test_viewers_do_not_sync(world, api, events_source):
    bind(world, events_source)

    response = api("viewer").post(kr_url(world, "/metric/sync"))

    assert response.status_code == 403
    assert response.json_body["detail"].startswith("Only members of the team")
    assert not CheckIn.objects.exists()


def test_a_closed_cycle_is_not_synced(world, api, events_source):
    bind(world, events_source)
    admin = world.actor("admin")
    goals.cycle_transition(actor=admin, cycle=world.cycle, status="review")
    goals.cycle_transition(actor=admin, cycle=world.cycle, status="closed")

    response = api("member").post(kr_url(world, "/metric/sync"))

    assert response.status_code == 422
    assert response.json_body["detail"] == describe("cycle_closed")


# Staleness --------------------------------------------------------------------------------------


def _long_ago(world: Any) -> dt.datetime:
    return dt.datetime.combine(world.cycle.start + dt.timedelta(days=1), dt.time(9), tzinfo=dt.UTC)


def test_a_key_result_without_a_recent_value_is_stale(world, api):
    goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=35, at=_long_ago(world)
    )

    body = api("viewer").get(kr_url(world)).json_body

    assert body["stale"] is True
    assert body["last_value_at"].startswith(_long_ago(world).date().isoformat())


def test_a_recent_check_in_is_not_stale(world, api):
    goals.key_result_check_in(actor=world.actor("member"), key_result=world.key_result, value=35)

    assert api("viewer").get(kr_url(world)).json_body["stale"] is False


def test_a_sync_that_confirms_the_same_value_keeps_it_fresh(world, api, events_source):
    goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=37.5, at=_long_ago(world)
    )
    bind(world, events_source)
    viewer = api("viewer")
    assert viewer.get(kr_url(world)).json_body["stale"] is True

    synced = api("member").post(kr_url(world, "/metric/sync")).json_body

    assert synced["outcome"]["check_ins"] == 0  # the value has not changed: no new check-in
    body = viewer.get(kr_url(world)).json_body
    assert body["stale"] is False
    metric = MetricDefinition.objects.get()
    last_value_at = dt.datetime.fromisoformat(body["last_value_at"].replace("Z", "+00:00"))
    assert abs(last_value_at - metric.last_success_at) < dt.timedelta(milliseconds=1)
    assert CheckIn.objects.count() == 1


def test_a_failing_sync_does_not_keep_a_value_fresh(world, api, events_source):
    goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=35, at=_long_ago(world)
    )
    bind(world, events_source, query="select count(*) from sessions")
    api("member").post(kr_url(world, "/metric/sync"))

    body = api("viewer").get(kr_url(world)).json_body

    assert body["stale"] is True
    assert body["measured_by"]["last_run_at"] is not None


def test_only_a_running_cycle_has_stale_key_results(world, api):
    planning = goals.cycle_create(
        actor=world.actor("admin"),
        name="Next",
        start=world.cycle.end + dt.timedelta(days=1),
        end=world.cycle.end + dt.timedelta(days=91),
    )
    objective = goals.objective_create(
        actor=world.actor("admin"), cycle=planning, team=world.checkout, title="Later"
    )
    later = goals.key_result_create(
        actor=world.actor("admin"), objective=objective, title="Later KR", target=5
    )

    listed = api("viewer").get(f"/key-results?cycle={planning.pk}").json_body["items"]

    assert [(kr["id"], kr["stale"], kr["last_value_at"]) for kr in listed] == [
        (later.pk, False, None)
    ]


def test_the_list_flags_each_key_result(world, api, events_source):
    goals.key_result_check_in(
        actor=world.actor("admin"), key_result=world.company_kr, value=6, at=_long_ago(world)
    )
    goals.key_result_check_in(actor=world.actor("member"), key_result=world.key_result, value=35)

    listed = api("viewer").get(f"/key-results?cycle={world.cycle.pk}").json_body["items"]

    assert {kr["id"]: kr["stale"] for kr in listed} == {
        world.company_kr.pk: True,
        world.key_result.pk: False,
    }


# Measurability of a cycle -----------------------------------------------------------------------


@pytest.fixture
def cycle_plan(world: Any, events_source: DataSource) -> dict[str, Any]:
    """Checkout's key result bound to the Parquet events, the company's checked in, one bare."""
    bind(world, events_source)
    goals.key_result_check_in(actor=world.actor("admin"), key_result=world.company_kr, value=6)
    search = goals.objective_create(
        actor=world.actor("admin"), cycle=world.cycle, team=world.search, title="Find it"
    )
    bare = goals.key_result_create(
        actor=world.actor("admin"), objective=search, title="Search success rate", target=90
    )
    broken = goals.key_result_create(
        actor=world.actor("admin"), objective=search, title="Zero results rate", target=5
    )
    metrics.metric_bind(
        actor=world.actor("admin"),
        key_result=broken,
        data_source=events_source,
        query="select count(*) from searches",
    )
    return {"bare": bare, "broken": broken}


def test_measurability_lists_every_key_result_with_its_source(world, api, cycle_plan):
    response = api("viewer").get(f"/cycles/{world.cycle.pk}/measurability")

    assert response.status_code == 200, response.json_body
    body = response.json_body
    assert (body["ran"], body["key_results"], body["measurable"], body["bound"]) == (
        False,
        4,
        3,
        2,
    )
    rows = {row["key_result"]["id"]: row for row in body["items"]}
    assert [row["key_result"]["team_name"] for row in body["items"]] == [
        "Acme",
        "Checkout",
        "Search",
        "Search",
    ]
    assert rows[world.company_kr.pk]["measurable"] is True
    assert rows[world.company_kr.pk]["metric"] is None
    assert rows[world.company_kr.pk]["has_check_ins"] is True
    assert rows[cycle_plan["bare"].pk]["measurable"] is False
    assert rows[world.key_result.pk]["metric"]["data_source"]["ref"] == "events"
    assert all(row["check"] is None for row in body["items"])


def test_measurability_run_checks_every_bound_metric_now(world, api, cycle_plan, acme_state):
    admin = api("admin")
    before = acme_state()

    body = admin.get(f"/cycles/{world.cycle.pk}/measurability?run=true").json_body

    rows = {row["key_result"]["id"]: row for row in body["items"]}
    assert body["ran"] is True
    assert rows[world.key_result.pk]["check"]["value"] == 37.5
    broken = rows[cycle_plan["broken"].pk]["check"]
    assert (broken["ok"], broken["error_kind"]) == (False, "query")
    assert "searches does not exist" in broken["detail"]
    assert rows[world.company_kr.pk]["check"] is None  # nothing to run
    assert acme_state() == before
    assert body["failing"] == 0  # a check is not a sync: the recorded state is unchanged


def test_measurability_shows_the_last_recorded_error(world, api, cycle_plan):
    metric = MetricDefinition.objects.get(key_result=cycle_plan["broken"])
    metrics.metric_sync(actor=world.actor("admin"), metric=metric)

    body = api("viewer").get(f"/cycles/{world.cycle.pk}/measurability").json_body

    [row] = [r for r in body["items"] if r["key_result"]["id"] == cycle_plan["broken"].pk]
    assert body["failing"] == 1
    assert row["metric"]["error_kind"] == "query"
    assert row["metric"]["error"] == describe("query")
    assert "searches does not exist" in row["metric"]["error_detail"]


def test_a_member_runs_only_their_teams_metrics(world, api, cycle_plan):
    body = api("member").get(f"/cycles/{world.cycle.pk}/measurability?run=true").json_body

    checked = {row["key_result"]["id"] for row in body["items"] if row["check"] is not None}
    assert checked == {world.key_result.pk}


def test_viewers_see_the_report_but_do_not_run_it(world, api, cycle_plan):
    response = api("viewer").get(f"/cycles/{world.cycle.pk}/measurability?run=true")

    assert response.status_code == 403
    assert response.json_body["detail"].startswith("Only team members, Product Ops and admins")
