"""The key result's "Measured by" panel: bind, check now, sync now; provenance; error badges."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from okrs.goals import services as goals
from okrs.goals.models import CheckIn, Cycle, KeyResult
from okrs.metrics import services as metrics
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.workspace.permissions import Actor
from tests.web.edit_helpers import ORG, field_errors, flash, post

HTMX = {"HX-Request": "true"}
# 100 events, amounts 0..9 ten times over: count(*) is 100, sum(amount) is 450.
EVENTS = "select range as id, range % 10 as amount from range(100)"
THIRTY = "select count(*) * 0.3 from events"
BAD_COLUMN = "select nope from events"


def page_url(key_result: KeyResult) -> str:
    return f"{ORG}/key-results/{key_result.pk}/"


def metric_url(key_result: KeyResult, action: str = "") -> str:
    return f"{page_url(key_result)}metric/{action + '/' if action else ''}"


def text(body: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


def section(body: str, element_id: str) -> str:
    start = body.index(f'id="{element_id}"')
    return body[start : body.index("</section>", start)]


@pytest.fixture
def events(world, tmp_path: Path) -> DataSource:
    """A files data source over a real Parquet file written by DuckDB."""
    path = tmp_path / "events.parquet"
    duckdb.sql(f"copy ({EVENTS}) to '{path}' (format parquet)")
    return metrics.data_source_create(
        actor=world.actor("ops"), name="Product events", kind="files", path=str(path), ref="events"
    )


def form(source: DataSource | None = None, query: str = THIRTY, **extra: str) -> dict[str, str]:
    chosen = f"source:{source.pk}" if source is not None else ""
    return {
        "metric-data_source": chosen,
        "metric-query": query,
        "metric-schedule": "daily",
        **extra,
    }


def bind(world, source: DataSource, query: str = THIRTY) -> MetricDefinition:
    return metrics.metric_bind(
        actor=world.actor("member"), key_result=world.key_result, data_source=source, query=query
    )


def sync(world, metric: MetricDefinition) -> Any:
    return metrics.metric_sync(actor=world.actor("member"), metric=metric)


# The panel --------------------------------------------------------------------------------------


def test_viewer_reads_how_it_is_measured_without_the_form(world, browser_client, events):
    bind(world, events)
    body = browser_client("viewer").get(page_url(world.key_result)).text
    panel = section(body, "kr-metric")
    assert "Measured by" in panel and "Product events" in panel
    assert f'<pre class="metric-query" aria-label="Query"><code>{THIRTY}</code></pre>' in panel
    assert "Every day" in text(panel)
    assert "Last run not yet" in text(panel)
    assert "metric-form" not in panel and "Sync now" not in panel and "Check now" not in panel


def test_member_gets_the_form_with_the_data_sources_and_built_ins(world, browser_client, events):
    body = browser_client("member").get(page_url(world.key_result)).text
    panel = section(body, "kr-metric")
    assert "Nothing measures this key result automatically" in panel
    assert f'<option value="source:{events.pk}">Product events</option>' in panel
    assert '<option value="builtin:objectives_aligned">' in panel
    assert 'name="metric-query"' in panel and "Check now" in panel
    assert "Sync now" not in panel  # nothing to sync before a metric is saved


def test_a_bound_panel_shows_the_last_run_after_a_sync(world, browser_client, events):
    outcome = sync(world, bind(world, events))
    assert outcome.ok
    panel = text(
        section(browser_client("viewer").get(page_url(world.key_result)).text, "kr-metric")
    )
    metric = MetricDefinition.objects.get()
    assert f"{metric.last_duration_ms} ms" in panel
    assert "Last value 30% · 1 row" in panel
    assert "Next run" in panel


# Binding ----------------------------------------------------------------------------------------


def test_member_binds_the_key_result_to_a_query_without_javascript(world, browser_client, events):
    client = browser_client("member")
    response = post(client, metric_url(world.key_result), form(events))
    assert response.status_code == 302 and response["Location"] == page_url(world.key_result)
    assert flash(response) == ["Saved how the key result is measured."]
    metric = MetricDefinition.objects.get()
    assert (metric.key_result, metric.data_source, metric.query) == (
        world.key_result,
        events,
        THIRTY,
    )
    audit = text(section(client.get(page_url(world.key_result)).text, "kr-audit"))
    assert "changed how it is measured" in audit and "Product events" in audit


def test_binding_to_a_built_in_metric(world, browser_client):
    data = form(query="", **{"metric-data_source": "builtin:check_ins_on_time"})
    assert post(browser_client("lead"), metric_url(world.key_result), data).status_code == 302
    metric = MetricDefinition.objects.get()
    assert (metric.builtin, metric.data_source, metric.query) == ("check_ins_on_time", None, "")


def test_a_data_source_without_a_query_is_refused_next_to_the_query(world, browser_client, events):
    response = post(browser_client("member"), metric_url(world.key_result), form(events, query=""))
    assert response.status_code == 200
    assert field_errors(response.text, "metric-query") == [
        "Write the SQL query that returns the key result's current value, like select count(*)"
        " from orders where created_at >= :cycle_start."
    ]
    assert "<h1>Cut checkout abandonment from 40% to 20%</h1>" in response.text  # the page
    assert not MetricDefinition.objects.exists()


def test_unbind_keeps_the_check_ins(world, browser_client, events):
    sync(world, bind(world, events))
    response = post(browser_client("member"), metric_url(world.key_result), {"action": "unbind"})
    assert response.status_code == 302
    assert not MetricDefinition.objects.exists()
    assert CheckIn.objects.filter(key_result=world.key_result).count() == 1


@pytest.mark.parametrize(("persona", "status"), [("viewer", 403), ("stranger", 403)])
def test_people_outside_the_team_change_nothing(world, browser_client, events, persona, status):
    metric = bind(world, events)
    client = browser_client(persona)
    assert post(client, metric_url(world.key_result), form(events, "select 1")).status_code == 403
    assert post(client, metric_url(world.key_result, "check"), form(events)).status_code == 403
    assert (
        post(client, metric_url(world.key_result, "sync"), **{"headers": HTMX}).status_code == 403
    )
    metric.refresh_from_db()
    assert metric.query == THIRTY and metric.last_run_at is None
    assert not CheckIn.objects.exists()


def test_outsiders_get_not_found(world, browser_client, events):
    outsider = browser_client("outsider")
    for action in ("", "check", "sync"):
        assert post(outsider, metric_url(world.key_result, action), form(events)).status_code == 404
    admin = browser_client("admin")
    assert post(admin, metric_url(world.other_key_result, "check"), {}).status_code == 404
    # A data source of another organization is not a choice.
    other = metrics.data_source_create(
        actor=world.actor("outsider"), name="Globex", kind="sql", url="sqlite:////tmp/globex.db"
    )
    response = post(admin, metric_url(world.key_result), form(other))
    assert field_errors(response.text, "metric-data_source")[0].startswith("Select a valid choice")
    assert not MetricDefinition.objects.exists()


def test_a_closed_cycle_is_not_measured_any_more(world, browser_client, events):
    metric = bind(world, events)
    system = Actor.system(world.org)
    goals.cycle_transition(actor=system, cycle=world.cycle, status=Cycle.Status.REVIEW)
    goals.cycle_transition(actor=system, cycle=world.cycle, status=Cycle.Status.CLOSED)
    client = browser_client("admin")
    assert post(client, metric_url(world.key_result, "sync")).status_code == 403
    assert "Sync now" not in client.get(page_url(world.key_result)).text
    metric.refresh_from_db()
    assert metric.last_run_at is None


# Check now --------------------------------------------------------------------------------------


def test_check_now_runs_the_draft_on_a_parquet_file_and_writes_nothing(
    world, browser_client, events
):
    response = post(
        browser_client("member"), metric_url(world.key_result, "check"), form(events), headers=HTMX
    )
    assert response.status_code == 200
    shown = text(response.text)
    assert re.search(r"It works\. Value 30%, measured in \d+ ms from 1 row\.", shown), shown
    assert "Nothing was saved" in shown
    assert "<html" not in response.text  # only the answer, for #kr-metric-check
    assert not MetricDefinition.objects.exists() and not CheckIn.objects.exists()


def test_a_check_is_in_the_history_without_its_query_bookkeeping(world, browser_client, events):
    member = browser_client("member")
    post(member, metric_url(world.key_result, "check"), form(events), headers=HTMX)
    shown = text(member.get(page_url(world.key_result)).text)
    assert "ran its query to check it, recording nothing" in shown
    assert "query_fingerprint" not in shown and "metric.check" not in shown


def test_check_now_shows_the_exact_database_error(world, browser_client, events):
    response = post(
        browser_client("member"),
        metric_url(world.key_result, "check"),
        form(events, BAD_COLUMN),
        headers=HTMX,
    )
    body = response.text
    assert "The database refused the query. Correct the SQL and check again." in body
    detail = re.search(r'<pre class="metric-detail"[^>]*>(.*?)</pre>', body, re.S)
    assert detail is not None
    # DuckDB's own words, as it wrote them.
    assert 'Referenced column "nope" not found' in html.unescape(detail.group(1))


def test_check_now_of_a_history_query_counts_the_dated_values(world, browser_client, events):
    history = (
        "select :cycle_start + (id % 3)::int as day, count(*) from events group by 1 order by 1"
    )
    body = post(
        browser_client("member"),
        metric_url(world.key_result, "check"),
        form(events, history),
        headers=HTMX,
    ).text
    assert "3 dated values fill in the history; the newest is the current value." in text(body)


def test_check_now_of_a_built_in_metric(world, browser_client):
    data = form(query="", **{"metric-data_source": "builtin:objectives_aligned"})
    body = post(
        browser_client("member"), metric_url(world.key_result, "check"), data, headers=HTMX
    ).text
    # Checkout's objective serves the company's key result: 1 of 1 objectives below the top.
    assert re.search(r"Value 100%, measured in \d+ ms from 1 row\.", text(body))


def test_check_now_with_nothing_chosen_says_what_is_missing(world, browser_client):
    body = post(
        browser_client("member"), metric_url(world.key_result, "check"), form(), headers=HTMX
    ).text
    assert "This field is required." in body and "It works" not in body


def test_check_now_without_javascript_shows_the_page_with_the_answer(world, browser_client, events):
    response = post(browser_client("member"), metric_url(world.key_result, "check"), form(events))
    assert response.status_code == 200
    panel = section(response.text, "kr-metric")
    assert re.search(r"It works\. Value 30%", text(panel))
    assert f"{THIRTY}</textarea>" in panel  # the draft stays in the form
    assert '<details class="metric-edit" open>' in panel
    assert not MetricDefinition.objects.exists()


# Sync now ---------------------------------------------------------------------------------------


def test_sync_now_adds_a_check_in_with_its_provenance(world, browser_client, events):
    bind(world, events)
    client = browser_client("member")
    response = post(client, metric_url(world.key_result, "sync"), headers=HTMX)
    assert response.status_code == 200
    check_in = CheckIn.objects.get()
    assert (check_in.value, check_in.source) == (30, CheckIn.Source.SYNC)
    provenance = check_in.provenance
    # The page parts refresh as after a check-in by hand: the event and the fragments.
    event = json.loads(response["HX-Trigger"])["checkin-saved"]
    assert event["key_result"] == world.key_result.pk
    assert event["message"] == "Synced: 30%. New check-ins: 1."
    assert response["HX-Reswap"] == "none"
    for fragment in ("kr-summary", "kr-chart", "kr-history", "kr-audit", "kr-metric"):
        assert f'id="{fragment}"' in response.text
    history = text(section(response.text, "kr-history"))
    assert "Data source sync Product events" in history
    assert provenance["fingerprint"] in history
    assert f"{provenance['duration_ms']} ms · 1 row" in history
    assert "ran " in history
    assert "Synced: 30%. New check-ins: 1." in text(section(response.text, "kr-metric"))
    # And the page itself shows it from now on.
    page = client.get(page_url(world.key_result)).text
    assert provenance["fingerprint"] in section(page, "kr-history")
    assert "data-kr-current>30%" in page


def test_sync_now_of_an_unchanged_value_adds_nothing(world, browser_client, events):
    sync(world, bind(world, events))
    response = post(browser_client("member"), metric_url(world.key_result, "sync"), headers=HTMX)
    assert "HX-Trigger" not in response  # nothing new to refresh elsewhere
    assert "Synced: 30%, unchanged, so no new check-in." in text(response.text)
    assert CheckIn.objects.count() == 1


def test_sync_now_without_javascript_redirects_with_a_message(world, browser_client, events):
    bind(world, events)
    response = post(browser_client("member"), metric_url(world.key_result, "sync"))
    assert response.status_code == 302 and response["Location"] == page_url(world.key_result)
    assert flash(response) == ["Synced: 30%. New check-ins: 1."]


def test_sync_now_before_binding_says_so(world, browser_client):
    response = post(browser_client("member"), metric_url(world.key_result, "sync"))
    assert flash(response) == ["Save how the key result is measured before syncing it."]


# A failing metric -------------------------------------------------------------------------------


def test_a_failing_sync_shows_the_error_the_database_words_and_the_next_try(
    world, browser_client, events
):
    bind(world, events, BAD_COLUMN)
    response = post(browser_client("member"), metric_url(world.key_result, "sync"), headers=HTMX)
    panel = section(response.text, "kr-metric")
    assert "The sync failed: The database refused the query." in text(panel)
    assert "data-metric-failing" in panel
    metric = MetricDefinition.objects.get()
    assert metric.failures == 1 and metric.next_run_at is not None
    page = section(browser_client("viewer").get(page_url(world.key_result)).text, "kr-metric")
    shown = text(page)
    assert "The last run failed. The database refused the query." in shown
    assert 'Referenced column "nope" not found' in shown
    assert "1 failure in a row." in shown and "Next try:" in shown
    assert not CheckIn.objects.exists()


def test_error_badge_on_the_dashboard_team_page_and_tree(world, browser_client, events):
    sync(world, bind(world, events, BAD_COLUMN))
    client = browser_client("viewer")
    for url in (f"{ORG}/", f"{ORG}/teams/{world.checkout.pk}/", f"{ORG}/tree/"):
        body = client.get(url).text
        badges = re.findall(r'<span class="badge badge-metric-error" title="([^"]*)"', body)
        assert badges == ["The database refused the query. Correct the SQL and check again."], url
    # The refresh of one row after a check-in keeps it too.
    row = client.get(f"{ORG}/key-results/{world.key_result.pk}/row/").text
    assert "data-metric-failing" in row


def test_no_badge_once_a_run_succeeds(world, browser_client, events):
    metric = bind(world, events, BAD_COLUMN)
    sync(world, metric)
    metric = bind(world, events, THIRTY)
    sync(world, metric)
    assert "data-metric-failing" not in browser_client("viewer").get(f"{ORG}/").text


# Queries ----------------------------------------------------------------------------------------


def test_page_queries_do_not_grow_with_synced_check_ins(world, browser_client, events):
    client = browser_client("member")  # an editor: the page also offers the form

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page_url(world.key_result)).status_code == 200
        return len(queries)

    metric = bind(world, events, "select max(id) from events")
    sync(world, metric)
    few = count()
    for index in range(6):
        metrics.data_source_create(
            actor=world.actor("ops"), name=f"Spare {index}", kind="sql", url="sqlite:////tmp/s.db"
        )
        goals.key_result_check_in(
            actor=world.actor("member"), key_result=world.key_result, value=index
        )
        sync(world, metric)
    assert CheckIn.objects.filter(source=CheckIn.Source.SYNC).count() == 7
    assert count() == few


def test_dashboard_queries_do_not_grow_with_failing_metrics(world, browser_client, events):
    client = browser_client("viewer")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{ORG}/").status_code == 200
        return len(queries)

    few = count()
    member = world.actor("member")
    created = [
        goals.key_result_create(
            actor=Actor.system(world.org),
            objective=world.objective,
            title=f"Measured {index}",
            baseline=0,
            target=10,
        )
        for index in range(4)
    ]
    for key_result in [world.key_result, *created]:
        metric = metrics.metric_bind(
            actor=member, key_result=key_result, data_source=events, query=BAD_COLUMN
        )
        metrics.metric_sync(actor=member, metric=metric)
    body = client.get(f"{ORG}/").text
    assert body.count("data-metric-failing") == 5
    assert count() == few
