"""The readiness report's "Measurability" section and its "Check all now" button."""

from __future__ import annotations

import html
import re
from pathlib import Path

import duckdb
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from okrs.goals import services as goals
from okrs.goals.models import CheckIn
from okrs.metrics import services as metrics
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.workspace.permissions import Actor
from tests.web.edit_helpers import ORG, post

HTMX = {"HX-Request": "true"}


def report_url(world) -> str:
    return f"{ORG}/cycles/{world.cycle.pk}/readiness/"


def check_url(world) -> str:
    return f"{report_url(world)}metrics/"


def text(body: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


def measurability(body: str) -> str:
    start = body.index('id="measurability"')
    return body[start : body.index("</section>", start)]


def row(body: str, key_result) -> str:
    start = body.index(f'data-measurability="{key_result.pk}"')
    return text(body[start : body.index("</tr>", start)])


@pytest.fixture
def events(world, tmp_path: Path) -> DataSource:
    path = tmp_path / "orders.parquet"
    duckdb.sql(f"copy (select range as id from range(40)) to '{path}' (format parquet)")
    return metrics.data_source_create(
        actor=world.actor("ops"), name="Orders", kind="files", path=str(path), ref="orders"
    )


@pytest.fixture
def plan(world, events):
    """The company key result measured by a working query, Checkout's by a broken one, and a
    third key result with nothing at all."""
    ops = world.actor("ops")
    working = metrics.metric_bind(
        actor=ops,
        key_result=world.company_kr,
        data_source=events,
        query="select count(*) from orders",
    )
    broken = metrics.metric_bind(
        actor=ops, key_result=world.key_result, data_source=events, query="select oops from orders"
    )
    bare = goals.key_result_create(
        actor=Actor.system(world.org),
        objective=world.objective,
        title="Reorder in two taps for 30% of returning cooks",
        baseline=0,
        target=30,
    )
    return working, broken, bare


def test_section_lists_what_is_not_measurable_and_what_is_bound(world, browser_client, plan):
    working, _broken, bare = plan
    metrics.metric_sync(actor=world.actor("ops"), metric=working)
    body = measurability(browser_client("viewer").get(report_url(world)).text)
    not_yet = text(body[: body.index("<h3>Measured automatically")])
    assert "Not measurable yet 1" in not_yet and bare.title in not_yet
    assert world.key_result.title not in not_yet
    assert "40 " in row(body, world.company_kr) or "40%" in row(body, world.company_kr)
    assert "Orders" in row(body, world.key_result) and "Not run yet." in row(body, world.key_result)
    assert "Check all now" not in body  # viewers see the last runs, they do not run queries


def test_a_check_in_makes_a_key_result_measurable(world, browser_client, plan):
    _, _, bare = plan
    goals.key_result_check_in(actor=world.actor("member"), key_result=bare, value=3)
    body = measurability(browser_client("viewer").get(report_url(world)).text)
    assert "Not measurable yet" not in body


def test_check_all_now_runs_every_query_and_writes_nothing(world, browser_client, plan):
    response = post(browser_client("ops"), check_url(world), headers=HTMX)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="measurability"')  # only the section
    assert re.search(
        r"It works\. Value 40%, measured in \d+ ms from 1 row\.",
        row(response.text, world.company_kr),
    )
    broken = row(response.text, world.key_result)
    assert "It does not work yet. The database refused the query." in broken
    assert 'Referenced column "oops" not found' in broken
    assert not CheckIn.objects.exists()
    assert not MetricDefinition.objects.filter(last_run_at__isnull=False).exists()


def test_check_all_now_without_javascript_answers_the_whole_report(world, browser_client, plan):
    response = post(browser_client("lead"), check_url(world))
    assert response.status_code == 200
    assert "Is 2026-Q4 ready?" in response.text
    section = measurability(response.text)
    # Checkout's lead runs Checkout's query; the company's belongs to the company's people.
    assert "It does not work yet." in row(section, world.key_result)
    assert "Not run: only the team's people" in row(section, world.company_kr)


def test_viewers_and_outsiders_cannot_run_the_checks(world, browser_client, plan):
    assert post(browser_client("viewer"), check_url(world), headers=HTMX).status_code == 403
    assert post(browser_client("outsider"), check_url(world), headers=HTMX).status_code == 404
    other = f"{ORG}/cycles/{world.other_cycle.pk}/readiness/metrics/"
    assert post(browser_client("admin"), other, headers=HTMX).status_code == 404


def test_a_member_runs_only_the_queries_of_their_teams(world, browser_client, plan):
    body = post(browser_client("stranger"), check_url(world), headers=HTMX).text
    assert "Not run: only the team's people" in row(body, world.key_result)


def test_report_queries_do_not_grow_with_bound_key_results(world, browser_client, events):
    client = browser_client("viewer")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(report_url(world)).status_code == 200
        return len(queries)

    few = count()
    ops = world.actor("ops")
    for key_result in (world.key_result, world.company_kr):
        metric = metrics.metric_bind(
            actor=ops, key_result=key_result, data_source=events, query="select 1"
        )
        metrics.metric_sync(actor=ops, metric=metric)
    assert count() == few
