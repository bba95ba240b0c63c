"""A list costs the same number of queries whatever its length (docs/api.md promises it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import count

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from okrs.goals import services as goals
from okrs.metrics import services as metrics
from okrs.metrics.models import DataSource
from okrs.workspace import services as workspace

# Token lookup, membership and teams of the actor, then a page and a count (and, for objectives
# and key results, the two queries of the progress board). Anything above is a query per row.
MAX_QUERIES = {
    "/teams": 5,
    "/cycles": 5,
    "/objectives": 7,
    "/key-results": 7,
    "/key-results/{kr}/check-ins": 6,
    "/key-results/{kr}/initiatives": 6,
    "/data-sources": 5,
}

serial = count(1)


def add_teams(world, n: int) -> None:
    admin = world.actor("admin")
    parents = [world.product, world.checkout, None]
    for i in range(n):
        workspace.team_create(actor=admin, name=f"Team {next(serial)}", parent=parents[i % 3])


def add_cycles(world, n: int) -> None:
    admin = world.actor("admin")
    for _ in range(n):
        number = next(serial)
        start = dt.date(2030, 1, 1) + dt.timedelta(days=100 * number)
        goals.cycle_create(
            actor=admin, name=f"Cycle {number}", start=start, end=start + dt.timedelta(days=90)
        )


def add_objectives(world, n: int) -> None:
    admin = world.actor("admin")
    teams = [world.checkout, world.search, world.product]
    for i in range(n):
        goals.objective_create(
            actor=admin,
            cycle=world.cycle,
            team=teams[i % 3],
            title=f"Objective {next(serial)}",
            state="draft",
            parent_key_result=world.company_kr,
            contributes=i % 2 == 0,
        )


def add_key_results(world, n: int) -> None:
    admin, owners = world.actor("admin"), [world.users["member"], world.users["lead"], None]
    objective = None
    for i in range(n):
        if i % 5 == 0:  # an objective holds at most five
            objective = goals.objective_create(
                actor=admin,
                cycle=world.cycle,
                team=world.search,
                title=f"Holder {next(serial)}",
                state="draft",
            )
        key_result = goals.key_result_create(
            actor=admin,
            objective=objective,
            title=f"Key result {next(serial)}",
            baseline=0,
            target=100,
            owner=owners[i % 3],
        )
        goals.key_result_check_in(actor=admin, key_result=key_result, value=i)


def add_check_ins(world, n: int) -> None:
    authors = [world.actor("member"), world.actor("lead"), world.actor("admin")]
    for i in range(n):
        goals.key_result_check_in(
            actor=authors[i % 3], key_result=world.key_result, value=40 - i / 2, note=f"#{i}"
        )


def add_initiatives(world, n: int) -> None:
    admin = world.actor("admin")
    for i in range(n):
        goals.initiative_create(
            actor=admin,
            key_result=world.key_result,
            title=f"Initiative {next(serial)}",
            status=["planned", "in_progress", "done"][i % 3],
        )


def add_data_sources(world, n: int) -> None:
    """Files sources, each measuring one new key result: metric_count is counted for each row."""
    ops = world.actor("ops")
    for _ in range(n):
        number = next(serial)
        source = metrics.data_source_create(
            actor=ops, name=f"Events {number}", kind="files", path=f"/srv/events-{number}.parquet"
        )
        objective = goals.objective_create(
            actor=ops, cycle=world.cycle, team=world.search, title=f"Holder {number}", state="draft"
        )
        key_result = goals.key_result_create(
            actor=ops, objective=objective, title=f"Key result {number}", target=10
        )
        metrics.metric_bind(
            actor=ops, key_result=key_result, data_source=source, query="select count(*) from t"
        )


GROW: dict[str, Callable[..., None]] = {
    "/teams": add_teams,
    "/cycles": add_cycles,
    "/objectives": add_objectives,
    "/key-results": add_key_results,
    "/key-results/{kr}/check-ins": add_check_ins,
    "/key-results/{kr}/initiatives": add_initiatives,
    "/data-sources": add_data_sources,
}


@pytest.mark.parametrize("path", list(MAX_QUERIES))
def test_list_queries_do_not_grow_with_rows(world, api, path):
    client = api("viewer")
    url = path.format(kr=world.key_result.pk) + "?limit=200"
    client.get("/me")  # the first call of a token records when it was used; not the list's cost

    def queries_and_rows() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, response.json_body
        body = response.json_body
        items = body if isinstance(body, list) else body["items"]
        assert len(items) == (len(body) if isinstance(body, list) else body["count"])
        return len(queries), len(items)  # every row is on the measured page

    GROW[path](world, 3)
    few_queries, few_rows = queries_and_rows()
    GROW[path](world, 30)
    many_queries, many_rows = queries_and_rows()

    assert many_rows >= few_rows + 30
    assert many_queries == few_queries
    assert many_queries <= MAX_QUERIES[path]


def test_every_list_endpoint_is_measured(db):
    """A new list endpoint fails here until it has a query budget above."""
    schema = Client().get("/api/v1/openapi.json").json()
    lists = set()
    for path, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        shape = operations["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        if shape.get("type") == "array" or shape.get("$ref", "").endswith("Page"):
            lists.add(path.removeprefix("/api/v1").replace("{key_result_id}", "{kr}"))

    assert lists == set(MAX_QUERIES)


def test_key_result_list_stays_constant_with_metrics_and_their_sources(world, api):
    """Each key result shows its metric and data source (measured_by): joined, not queried."""
    client = api("viewer")
    client.get("/me")
    url = f"/key-results?cycle={world.cycle.pk}&limit=200"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    add_data_sources(world, 2)
    few = queries()
    add_data_sources(world, 20)
    many = queries()

    assert many == few <= MAX_QUERIES["/key-results"]
    items = client.get(url).json_body["items"]
    assert sum(1 for kr in items if kr["measured_by"]) == 22
    assert DataSource.objects.count() == 22


def test_measurability_report_queries_do_not_grow_with_key_results(world, api):
    """Token, membership, teams, the cycle, then one query for every key result and metric."""
    client = api("viewer")
    client.get("/me")
    url = f"/cycles/{world.cycle.pk}/measurability"

    def queries_and_rows() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, response.json_body
        return len(captured), response.json_body["key_results"]

    add_data_sources(world, 3)
    add_key_results(world, 3)
    few_queries, few_rows = queries_and_rows()
    add_data_sources(world, 15)
    add_key_results(world, 15)
    many_queries, many_rows = queries_and_rows()

    assert many_rows == few_rows + 30
    assert many_queries == few_queries <= 5
