from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from okrs.goals import services as goals
from okrs.goals.models import CheckIn
from okrs.metrics import services as metrics
from okrs.metrics.connectors import forget_file_databases
from okrs.workspace import services as workspace
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor


def test_signed_out_visitors_are_sent_to_sign_in(world):
    response = Client().get("/o/acme/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_sign_in_with_the_form_lands_on_the_dashboard(world):
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": "member", "password": "pw-member"}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/o/acme/"
    assert "Make reordering effortless" in response.text


def test_wrong_password_says_so(world):
    response = Client().post("/accounts/login/", {"username": "member", "password": "nope"})
    assert response.status_code == 200
    assert "do not match" in response.text


def test_dashboard_shows_objectives_progress_and_attention_lists(world, browser_client):
    goals.key_result_check_in(actor=world.actor("member"), key_result=world.key_result, value=30)
    response = browser_client("viewer").get("/o/acme/")
    assert response.status_code == 200
    body = response.text
    assert "Home cooks trust us" in body  # company objective
    assert "Make reordering effortless" in body  # team objective
    assert "Cut checkout abandonment from 40% to 20%" in body
    assert "50%" in body  # 40 → 30 of 40 → 20 is half-way
    assert "Needs attention" in body


def test_stale_key_results_are_listed(world, browser_client):
    old = dt.datetime.combine(world.cycle.start + dt.timedelta(days=1), dt.time(9), tzinfo=dt.UTC)
    goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=35, at=old
    )
    response = browser_client("viewer").get("/o/acme/")
    stale_section = response.text.split(">Stale<", 1)[1].split("Check-ins due this week", 1)[0]
    assert "Cut checkout abandonment" in stale_section


def test_team_filter_keeps_the_subtree(world, browser_client):
    response = browser_client("viewer").get(f"/o/acme/?team={world.search.pk}")
    assert response.status_code == 200
    assert "Make reordering effortless" not in response.text
    response = browser_client("viewer").get(f"/o/acme/?team={world.product.pk}")
    assert "Make reordering effortless" in response.text


def test_htmx_filter_gets_only_the_body(world, browser_client):
    response = browser_client("viewer").get(
        f"/o/acme/?team={world.product.pk}", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Make reordering effortless" in response.text


def test_outsider_gets_404_for_another_organization(world, browser_client):
    assert browser_client("outsider").get("/o/acme/").status_code == 404
    assert (
        browser_client("viewer").get(f"/o/acme/?team={world.other_objective.team_id}").status_code
        == 404
    )
    assert browser_client("viewer").get(f"/o/acme/?cycle={world.other_cycle.pk}").status_code == 404


def test_dashboard_queries_do_not_grow_with_teams_and_check_ins(world, browser_client):
    client = browser_client("viewer")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/o/acme/").status_code == 200
        return len(queries)

    few = count()
    system = Actor.system(world.org)
    for index in range(12):
        team = workspace.team_create(
            actor=system, name=f"Squad {index}", parent=world.product, kind=Team.Kind.TEAM
        )
        objective = goals.objective_create(
            actor=system,
            cycle=world.cycle,
            team=team,
            title=f"Objective {index}",
            parent_key_result=world.company_kr,
        )
        for k in range(3):
            kr = goals.key_result_create(
                actor=system, objective=objective, title=f"KR {index}.{k}", baseline=0, target=10
            )
            goals.key_result_check_in(actor=system, key_result=kr, value=k + 1)
    many = count()
    assert many == few
    assert many <= 16


def test_home_goes_to_the_last_organization_used(world, browser_client):
    user = world.users["viewer"]
    org = workspace.organization_create(slug="zeta", name="Zeta")
    workspace.membership_add(actor=Actor.system(org), user=user, role="viewer")
    client = browser_client("viewer")
    client.get("/o/zeta/")
    assert client.get("/")["Location"] == "/o/zeta/"


def test_user_without_organization_gets_an_explanation(db):
    user = get_user_model().objects.create_user("lonely", password="x")
    client = Client()
    client.force_login(user)
    response = client.get("/")
    assert "does not belong to any organization" in response.text


# Staleness of synced key results ----------------------------------------------------------------


def _synced_long_ago(world, tmp_path: Path, query: str) -> None:
    """Checkout's key result: 35 checked in on the cycle's second day, then bound to a Parquet
    file that holds 35 too, and synced now."""
    old = dt.datetime.combine(world.cycle.start + dt.timedelta(days=1), dt.time(9), tzinfo=dt.UTC)
    goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=35, at=old
    )
    path = tmp_path / "abandonment.parquet"
    duckdb.sql(f"COPY (SELECT 35.0 AS abandonment) TO '{path}' (FORMAT PARQUET)")
    source = metrics.data_source_create(
        actor=world.actor("ops"), name="Events", kind="files", ref="events", path=str(path)
    )
    metric = metrics.metric_bind(
        actor=world.actor("member"), key_result=world.key_result, data_source=source, query=query
    )
    metrics.metric_sync(actor=world.actor("member"), metric=metric)


def _stale_section(body: str) -> str:
    return body.split(">Stale<", 1)[1].split("Check-ins due this week", 1)[0]


def _team_row(body: str, key_result) -> str:
    start = body.index(f'<li id="kr-{key_result.pk}"')
    return body[start : body.index("</li>", start)]


def _tree_line(body: str, key_result) -> str:
    title = body.index(key_result.title)
    return body[body.rindex('<div class="tree-kr-line', 0, title) : title]


@pytest.fixture
def _clear_connectors():
    yield
    forget_file_databases()


def test_a_sync_confirming_the_same_value_is_not_stale_anywhere(
    world, browser_client, tmp_path, _clear_connectors
):
    _synced_long_ago(world, tmp_path, "select abandonment from events")
    client = browser_client("viewer")

    dashboard = client.get("/o/acme/").text
    team = client.get(f"/o/acme/teams/{world.checkout.pk}/?cycle={world.cycle.pk}").text
    tree = client.get("/o/acme/tree/").text

    assert CheckIn.objects.count() == 1  # the sync wrote nothing: the value had not changed
    assert "Cut checkout abandonment" not in _stale_section(dashboard)
    assert "is-stale" not in _team_row(team, world.key_result).split(">", 1)[0]
    assert "is-stale" not in _tree_line(tree, world.key_result)


def test_a_failing_sync_leaves_the_key_result_stale_everywhere(
    world, browser_client, tmp_path, _clear_connectors
):
    _synced_long_ago(world, tmp_path, "select abandonment from sessions")
    client = browser_client("viewer")

    dashboard = client.get("/o/acme/").text
    team = client.get(f"/o/acme/teams/{world.checkout.pk}/?cycle={world.cycle.pk}").text
    tree = client.get("/o/acme/tree/").text

    assert "Cut checkout abandonment" in _stale_section(dashboard)
    assert "is-stale" in _team_row(team, world.key_result).split(">", 1)[0]
    assert "is-stale" in _tree_line(tree, world.key_result)


def test_dashboard_queries_do_not_grow_with_synced_key_results(world, browser_client):
    client = browser_client("viewer")
    system = Actor.system(world.org)

    def bound_key_results(n: int) -> None:
        source = metrics.data_source_create(
            actor=system, name=f"Source {n}", kind="files", path=f"/srv/source-{n}.parquet"
        )
        for k in range(n):
            objective = goals.objective_create(
                actor=system, cycle=world.cycle, team=world.search, title=f"O{n}.{k}", state="draft"
            )
            kr = goals.key_result_create(
                actor=system, objective=objective, title=f"KR {n}.{k}", target=10
            )
            metrics.metric_bind(actor=system, key_result=kr, data_source=source, query="select 1")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/o/acme/").status_code == 200
        return len(queries)

    bound_key_results(2)
    few = count()
    bound_key_results(12)
    assert count() == few
