"""Every endpoint against the organization boundary, and against the read-only role.

The routes come from the API's own OpenAPI description, so a new endpoint fails these tests
until it is given a body and an id mapping below, and with them an isolation check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest
from django.test import Client

from okrs.goals import services as goals
from okrs.metrics import services as metrics
from okrs.metrics.models import DataSource
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor


@dataclass(frozen=True)
class Refs:
    """Ids of one object of each kind in one organization."""

    team: int
    cycle: int
    objective: int
    key_result: int
    check_in: int
    initiative: int
    user: int
    data_source: int


# Which object a path parameter names.
PATH_PARAMETERS = {
    "team_id": "team",
    "cycle_id": "cycle",
    "objective_id": "objective",
    "key_result_id": "key_result",
    "check_in_id": "check_in",
    "initiative_id": "initiative",
    "data_source_id": "data_source",
}

NO_BODY = None
Body = Callable[[Refs], dict[str, Any]] | None

# Every operation of the API with a valid body (given the organization's ids), or NO_BODY.
OPERATIONS: dict[tuple[str, str], Body] = {
    ("get", "/me"): NO_BODY,
    ("get", "/teams"): NO_BODY,
    ("post", "/teams"): lambda r: {"name": "Growth", "parent": r.team},
    ("get", "/teams/{team_id}"): NO_BODY,
    ("patch", "/teams/{team_id}"): lambda r: {"name": "Renamed"},
    ("delete", "/teams/{team_id}"): NO_BODY,
    ("get", "/cycles"): NO_BODY,
    ("post", "/cycles"): lambda r: {"name": "2027-Q1", "start": "2027-01-07", "end": "2027-04-06"},
    ("get", "/cycles/{cycle_id}"): NO_BODY,
    ("patch", "/cycles/{cycle_id}"): lambda r: {"name": "Renamed"},
    ("delete", "/cycles/{cycle_id}"): NO_BODY,
    ("post", "/cycles/{cycle_id}/transition"): lambda r: {"status": "review"},
    ("get", "/objectives"): NO_BODY,
    ("post", "/objectives"): lambda r: {
        "cycle": r.cycle,
        "team": r.team,
        "title": "New",
        "state": "draft",
    },
    ("get", "/objectives/{objective_id}"): NO_BODY,
    ("patch", "/objectives/{objective_id}"): lambda r: {"title": "Renamed"},
    ("delete", "/objectives/{objective_id}"): NO_BODY,
    ("get", "/key-results"): NO_BODY,
    ("post", "/key-results"): lambda r: {"objective": r.objective, "title": "New", "target": 9},
    ("get", "/key-results/{key_result_id}"): NO_BODY,
    ("patch", "/key-results/{key_result_id}"): lambda r: {"title": "Renamed"},
    ("delete", "/key-results/{key_result_id}"): NO_BODY,
    ("get", "/key-results/{key_result_id}/check-ins"): NO_BODY,
    ("post", "/key-results/{key_result_id}/check-ins"): lambda r: {"value": 1.5},
    ("delete", "/check-ins/{check_in_id}"): NO_BODY,
    ("get", "/key-results/{key_result_id}/initiatives"): NO_BODY,
    ("post", "/key-results/{key_result_id}/initiatives"): lambda r: {"title": "New"},
    ("patch", "/initiatives/{initiative_id}"): lambda r: {"title": "Renamed"},
    ("delete", "/initiatives/{initiative_id}"): NO_BODY,
    ("post", "/coach/lint"): lambda r: {"key_results": [{"title": "Launch the app"}]},
    ("get", "/cycles/{cycle_id}/readiness"): NO_BODY,
    ("get", "/cycles/{cycle_id}/measurability"): NO_BODY,
    ("get", "/data-sources"): NO_BODY,
    ("post", "/data-sources"): lambda r: {
        "name": "Orders",
        "kind": "files",
        "path": "/srv/data/orders-*.parquet",
    },
    ("get", "/data-sources/{data_source_id}"): NO_BODY,
    ("patch", "/data-sources/{data_source_id}"): lambda r: {"name": "Renamed"},
    ("delete", "/data-sources/{data_source_id}"): NO_BODY,
    ("get", "/key-results/{key_result_id}/metric"): NO_BODY,
    ("put", "/key-results/{key_result_id}/metric"): lambda r: {
        "data_source": r.data_source,
        "query": "select count(*) from sales",
    },
    ("delete", "/key-results/{key_result_id}/metric"): NO_BODY,
    # The body is optional: without one, the saved metric is checked.
    ("post", "/key-results/{key_result_id}/metric/check"): NO_BODY,
    ("post", "/key-results/{key_result_id}/metric/sync"): NO_BODY,
}

WITH_IDS = sorted(op for op in OPERATIONS if "{" in op[1])
# Deletes the rules refuse while the team or cycle is in use: refused for that, not for the id.
IN_USE = {("delete", "/teams/{team_id}"), ("delete", "/cycles/{cycle_id}")}
# Posts that only read: linting a draft writes nothing, so every role may do it.
READ_ONLY_POSTS = {("post", "/coach/lint")}
WRITES = sorted(op for op in OPERATIONS if op[0] != "get" and op not in READ_ONLY_POSTS)
NOT_FOUND = {"detail": "Not found: there is no such object in your organization."}


def schema_operations() -> dict[tuple[str, str], dict[str, Any]]:
    """(method, path) of every operation in the OpenAPI description, fetched like a client."""
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return {
        (method, path.removeprefix("/api/v1")): operation
        for path, operations in response.json()["paths"].items()
        for method, operation in operations.items()
    }


def fill(path: str, refs: Refs) -> str:
    return re.sub(r"{(\w+)}", lambda m: str(getattr(refs, PATH_PARAMETERS[m[1]])), path)


def call(client: Any, operation: tuple[str, str], refs: Refs, path_refs: Refs) -> Any:
    """Call ``operation`` with ids of ``path_refs`` in the path and of ``refs`` in the body."""
    method, path = operation
    body = OPERATIONS[operation]
    return client.call(method, fill(path, path_refs), None if body is None else body(refs))


def measured(actor: Actor, key_result: Any, folder: Path, name: str) -> DataSource:
    """A files data source over a real CSV (unused), and ``key_result`` bound to a built-in.

    The built-in runs without any outside system, so checks and syncs succeed for those allowed;
    the data source measures nothing, so deleting it is allowed too.
    """
    path = folder / f"{name}.csv"
    duckdb.sql(f"COPY (SELECT 1 AS amount) TO '{path}' (HEADER)")
    source = metrics.data_source_create(actor=actor, name=name, kind="files", path=str(path))
    metrics.metric_bind(
        actor=actor, key_result=key_result, builtin="objectives_aligned", schedule="manual"
    )
    return source


@pytest.fixture
def acme(world, check_in, initiative, tmp_path) -> Refs:
    source = measured(Actor.system(world.org), world.key_result, tmp_path, "sales")
    return Refs(
        team=world.checkout.pk,
        cycle=world.cycle.pk,
        objective=world.objective.pk,
        key_result=world.key_result.pk,
        check_in=check_in.pk,
        initiative=initiative.pk,
        user=world.users["member"].pk,
        data_source=source.pk,
    )


@pytest.fixture
def globex(world, tmp_path) -> Refs:
    outsider = world.actor("outsider")
    check_in = goals.key_result_check_in(
        actor=outsider, key_result=world.other_key_result, value=1.2
    )
    initiative = goals.initiative_create(
        actor=outsider, key_result=world.other_key_result, title="Sell more"
    )
    source = measured(outsider, world.other_key_result, tmp_path, "globex_sales")
    return Refs(
        team=Team.objects.get(organization=world.other_org).pk,
        cycle=world.other_cycle.pk,
        objective=world.other_objective.pk,
        key_result=world.other_key_result.pk,
        check_in=check_in.pk,
        initiative=initiative.pk,
        user=world.users["outsider"].pk,
        data_source=source.pk,
    )


def test_every_operation_of_the_api_is_listed_here(world):
    schema = schema_operations()

    assert sorted(schema) == sorted(OPERATIONS), (
        "An endpoint was added or removed: list it in OPERATIONS with a valid body."
    )
    for (method, path), operation in schema.items():
        for name in re.findall(r"{(\w+)}", path):
            assert name in PATH_PARAMETERS, f"{method} {path}: map {name} in PATH_PARAMETERS"
        needs_body = operation.get("requestBody", {}).get("required", False)
        assert needs_body == (OPERATIONS[method, path] is not NO_BODY), (method, path)


def test_outsider_gets_404_on_every_endpoint_with_acme_ids(world, api, acme, globex, acme_state):
    """Every path with an id, every method: acme's ids do not exist for globex's admin."""
    outsider = api("outsider")
    before = acme_state()
    covered, failures = [], []

    for method, path in sorted(schema_operations()):
        if "{" not in path:
            continue
        assert (method, path) in OPERATIONS, f"{method} {path} has no isolation case"
        response = call(outsider, (method, path), globex, acme)
        if response.status_code != 404 or response.json_body != NOT_FOUND:
            failures.append((method, path, response.status_code, response.json_body))
        if acme_state() != before:
            failures.append((method, path, "changed acme's data"))
            before = acme_state()
        covered.append((method, path))

    assert failures == []
    assert sorted(covered) == WITH_IDS


@pytest.mark.parametrize("operation", WITH_IDS, ids=" ".join)
def test_outsider_reaches_their_own_objects_through_the_same_calls(world, api, globex, operation):
    """The control of the test above: the same calls with globex's ids do find the object."""
    response = call(api("outsider"), operation, globex, globex)

    if operation in IN_USE:
        assert response.status_code == 422, response.json_body
        assert "Not found" not in response.json_body["detail"]
    else:
        assert response.status_code in (200, 201, 204), response.json_body


@pytest.mark.parametrize(
    ("operation", "field"),
    [
        (("post", "/teams"), "parent"),
        (("post", "/objectives"), "cycle"),
        (("post", "/objectives"), "team"),
        (("post", "/objectives"), "parent_key_result"),
        (("post", "/key-results"), "objective"),
        (("post", "/key-results"), "owner"),
        (("patch", "/teams/{team_id}"), "parent"),
        (("patch", "/objectives/{objective_id}"), "team"),
        (("patch", "/objectives/{objective_id}"), "parent_key_result"),
        (("patch", "/key-results/{key_result_id}"), "owner"),
        (("put", "/key-results/{key_result_id}/metric"), "data_source"),
    ],
    ids=lambda value: value if isinstance(value, str) else " ".join(value),
)
def test_acme_ids_in_the_outsiders_bodies_are_404(
    world, api, acme, globex, state_of, operation, field
):
    """Globex's own objects, pointed at an acme object: the reference is not found."""
    method, path = operation
    body = {**OPERATIONS[operation](globex), field: getattr(acme, field_ref(field))}
    if (method, field) == ("post", "parent_key_result"):
        body["contributes"] = False
    outsider = api("outsider")
    acme_before, globex_before = state_of(world.org), state_of(world.other_org)

    response = outsider.call(method, fill(path, globex), body)

    assert response.status_code == 404, response.json_body
    assert response.json_body == NOT_FOUND
    assert state_of(world.org) == acme_before
    assert state_of(world.other_org) == globex_before


def field_ref(field: str) -> str:
    return {"parent": "team", "parent_key_result": "key_result", "owner": "user"}.get(field, field)


def test_outsiders_lists_show_none_of_acmes_rows(world, api, acme, globex):
    outsider = api("outsider")

    def ids(path: str) -> list[int]:
        response = outsider.get(path)
        assert response.status_code == 200, response.json_body
        return [item["id"] for item in response.json_body["items"]]

    assert ids("/teams") == [globex.team]
    assert ids("/cycles") == [globex.cycle]
    assert ids("/objectives") == [globex.objective]
    assert ids("/key-results") == [globex.key_result]
    assert ids(f"/objectives?cycle={acme.cycle}") == []
    assert ids(f"/objectives?team={acme.team}") == []
    assert ids(f"/key-results?objective={acme.objective}") == []
    assert ids(f"/key-results?cycle={acme.cycle}&team={acme.team}") == []
    assert ids("/data-sources") == [globex.data_source]
    report = outsider.get(f"/cycles/{globex.cycle}/measurability").json_body
    assert [row["key_result"]["id"] for row in report["items"]] == [globex.key_result]


@pytest.mark.parametrize("operation", WRITES, ids=" ".join)
def test_a_viewer_writes_nothing(world, api, acme, acme_state, operation):
    viewer = api("viewer")
    before = acme_state()

    response = call(viewer, operation, acme, acme)

    assert response.status_code == 403, response.json_body
    assert response.json_body["detail"].startswith("Only ")
    assert acme_state() == before


@pytest.mark.parametrize("operation", WRITES, ids=" ".join)
def test_an_admin_makes_the_same_writes(world, api, acme, operation):
    """The control of the test above: the viewer's calls are valid, only the role is wrong."""
    response = call(api("admin"), operation, acme, acme)

    expected = {422} if operation in IN_USE else {200, 201, 204}
    assert response.status_code in expected, response.json_body


@pytest.mark.parametrize("operation", sorted(READ_ONLY_POSTS), ids=" ".join)
def test_a_viewer_may_post_what_only_reads(world, api, acme, acme_state, operation):
    viewer = api("viewer")
    before = acme_state()
    response = call(viewer, operation, acme, acme)
    assert response.status_code == 200, response.json_body
    assert acme_state() == before
