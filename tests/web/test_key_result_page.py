"""The key-result page: numbers, chart data, check-in history, alignment, audit, permissions."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.formats import date_format

from okrs.goals import services as goals
from okrs.goals.models import CheckIn, Cycle, KeyResult
from okrs.workspace import services as workspace
from okrs.workspace.permissions import Actor


def url(key_result: KeyResult) -> str:
    return f"/o/acme/key-results/{key_result.pk}/"


def at(cycle: Cycle, day: int, hour: int = 12) -> dt.datetime:
    """A moment ``day`` days into the cycle (the test settings run in UTC)."""
    return dt.datetime.combine(cycle.start + dt.timedelta(days=day), dt.time(hour), tzinfo=dt.UTC)


def midnight(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC).timestamp())


def chart(html: str) -> dict[str, Any]:
    match = re.search(r'<script id="kr-chart-data" type="application/json">(.*?)</script>', html)
    assert match, "the page has no chart data"
    return json.loads(match.group(1))


def section(html: str, element_id: str) -> str:
    """The HTML of the element with ``element_id`` up to the end of its section."""
    start = html.index(f'id="{element_id}"')
    return html[start : html.index("</section>", start)]


def text(html: str) -> str:
    """Visible text with tags dropped and spaces collapsed, for readable assertions."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_page_shows_where_the_key_result_stands(world, browser_client):
    system = Actor.system(world.org)
    deadline = world.cycle.end - dt.timedelta(days=10)
    goals.key_result_update(
        actor=system, key_result=world.key_result, owner=world.users["member"], deadline=deadline
    )
    goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=30, confidence=7
    )

    response = browser_client("viewer").get(url(world.key_result))

    assert response.status_code == 200
    body = response.text
    assert "<h1>Cut checkout abandonment from 40% to 20%</h1>" in body
    summary = text(section(body, "kr-summary"))
    assert "Baseline 40% → Current 30% → Target 20%" in summary
    assert "50% progress On track" in summary  # 40 → 30 is half of 40 → 20
    assert "Confidence 7/10" in summary
    assert f"Deadline {date_format(deadline, 'DATE_FORMAT')}" in summary
    assert 'class="progress status-on_track"' in body and 'class="pace"' in body
    page_text = text(body)
    assert "Objective Make reordering effortless · Checkout" in page_text
    assert "Owner member" in page_text
    assert "Success means Decrease: lower is better" in page_text


def test_stale_key_result_is_flagged(world, browser_client):
    goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value=35, at=at(world.cycle, 1)
    )
    summary = section(browser_client("viewer").get(url(world.key_result)).text, "kr-summary")
    assert "Stale" in summary
    assert 'class="overdue"' in summary


def test_chart_data_has_the_check_ins_the_ideal_line_the_target_and_the_projection(
    world, browser_client
):
    member = world.actor("member")
    cycle = world.cycle
    # On a straight line from the baseline: 40 on day 0, 38 on day 10, 34 on day 30, so 22 on
    # day 90 (the last day of the cycle) if nothing changes.
    goals.key_result_check_in(actor=member, key_result=world.key_result, value=34, at=at(cycle, 30))
    goals.key_result_check_in(actor=member, key_result=world.key_result, value=38, at=at(cycle, 10))

    body = browser_client("viewer").get(url(world.key_result)).text
    data = chart(body)

    start, end = midnight(cycle.start), midnight(cycle.end + dt.timedelta(days=1)) - 1
    day_10, day_30 = int(at(cycle, 10).timestamp()), int(at(cycle, 30).timestamp())
    assert data["series"]["values"] == [[day_10, 38.0], [day_30, 34.0]]  # oldest first
    assert data["series"]["ideal"] == [[start, 40.0], [end, 20.0]]  # due at the cycle's end
    assert data["series"]["target"] == [[start, 20.0], [end, 20.0]]
    assert data["series"]["projection"][0] == [day_30, 34.0]
    assert data["series"]["projection"][1] == [end, pytest.approx(22.0)]
    assert data["unit"] == "%"
    assert data["labels"]["projection"] == "Projection"
    projection = text(section(body, "kr-summary"))
    assert f"At this pace: 22% by {date_format(cycle.end, 'DATE_FORMAT')}" in projection
    assert "short of the target" in projection


def test_ideal_line_ends_at_the_deadline(world, browser_client):
    deadline = world.cycle.start + dt.timedelta(days=60)
    goals.key_result_update(
        actor=Actor.system(world.org), key_result=world.key_result, deadline=deadline
    )
    data = chart(browser_client("viewer").get(url(world.key_result)).text)
    assert data["series"]["ideal"][1] == [midnight(deadline + dt.timedelta(days=1)) - 1, 20.0]
    assert data["series"]["values"] == [] and data["series"]["projection"] == []


def test_binary_key_result_shows_done_and_no_chart(world, browser_client):
    binary = goals.key_result_create(
        actor=Actor.system(world.org),
        objective=world.objective,
        title="Ship one-click reorder",
        kind=KeyResult.Kind.BINARY,
        chance_of_success="0.7",
    )
    goals.key_result_check_in(actor=world.actor("member"), key_result=binary, value=1)

    body = browser_client("viewer").get(url(binary)).text

    assert "kr-chart-data" not in body
    assert "Current Done" in text(section(body, "kr-summary"))
    assert "Done or not done" in text(body)


def test_history_lists_check_ins_newest_first_with_author_and_source(world, browser_client):
    cycle = world.cycle
    goals.key_result_check_in(
        actor=world.actor("member"),
        key_result=world.key_result,
        value=36,
        confidence=6,
        note="First A/B test",
        at=at(cycle, 5),
    )
    goals.key_result_check_in(
        actor=world.actor("ops"),
        key_result=world.key_result,
        value="32.5",
        source=CheckIn.Source.SYNC,
        at=at(cycle, 20),
    )
    goals.key_result_check_in(
        actor=world.actor("lead"),
        key_result=world.key_result,
        value=31,
        confidence=8,
        source=CheckIn.Source.API,
        at=at(cycle, 40),
    )

    history = section(browser_client("viewer").get(url(world.key_result)).text, "kr-history")
    rows = [text(row) for row in re.findall(r"<tr>(.*?)</tr>", history, re.S)[1:]]

    assert len(rows) == 3
    assert rows[0].endswith("31% 8/10 lead API")
    assert rows[1].endswith("32.5% \u2013 ops Data source sync")  # an en dash: no confidence
    assert rows[2].endswith("36% 6/10 First A/B test member Manual")


def test_history_values_are_written_the_reader_s_way(world, browser_client):
    workspace.profile_set_language(user=world.users["viewer"], language="it")
    goals.key_result_check_in(
        actor=world.actor("member"), key_result=world.key_result, value="1234.5"
    )
    history = section(browser_client("viewer").get(url(world.key_result)).text, "kr-history")
    assert "1.234,5%" in history


def test_alignment_shows_the_parent_and_the_objectives_aligned_below(world, browser_client):
    client = browser_client("viewer")

    child_page = client.get(url(world.key_result)).text
    assert f'href="/o/acme/key-results/{world.company_kr.pk}/"' in child_page
    assert "Repeat purchase rate from 5% to 15%" in child_page

    parent_page = client.get(url(world.company_kr)).text
    aligned = parent_page.split("Objectives aligned to it", 1)[1].split("</section>", 1)[0]
    assert "Make reordering effortless" in aligned
    assert f'href="/o/acme/teams/{world.checkout.pk}/?cycle={world.cycle.pk}"' in aligned
    assert "feeds its progress" in aligned
    assert "Progress comes from the objectives aligned to this key result" in parent_page


def test_initiatives_are_listed_with_their_status(world, browser_client):
    system = Actor.system(world.org)
    goals.initiative_create(
        actor=system,
        key_result=world.key_result,
        title="Guest checkout",
        status="in_progress",
        link="https://tracker.example/CHK-12",
    )
    goals.initiative_create(actor=system, key_result=world.key_result, title="Fewer form fields")

    body = browser_client("viewer").get(url(world.key_result)).text

    assert '<a class="linked-title" href="https://tracker.example/CHK-12"' in body
    assert "Guest checkout In progress" in text(body)
    assert "Fewer form fields Planned" in text(body)


def test_audit_history_shows_who_changed_which_field_newest_first(world, browser_client):
    goals.key_result_update(
        actor=world.actor("member"), key_result=world.key_result, target=15, unit="%"
    )
    goals.key_result_check_in(
        actor=world.actor("lead"), key_result=world.key_result, value=35, confidence=5
    )

    audit = section(browser_client("viewer").get(url(world.key_result)).text, "kr-audit")
    entries = [
        text(entry) for entry in re.findall(r"<li class=\"audit-entry\">(.*?)</li>", audit, re.S)
    ]

    assert entries[0].startswith("lead checked in a new value")
    assert "Value 35%" in entries[0] and "Confidence 5/10" in entries[0]
    assert entries[1].startswith("member edited the key result")
    assert "Target 20% → became 15%" in entries[1]
    assert entries[-1].startswith("System created the key result")


def test_audit_of_an_owner_change_names_the_people(world, browser_client):
    users = world.users
    system = Actor.system(world.org)
    users["member"].first_name, users["member"].last_name = "Mina", "Rossi"
    users["member"].save()
    goals.key_result_update(actor=system, key_result=world.key_result, owner=users["lead"])
    goals.key_result_update(actor=system, key_result=world.key_result, owner=users["member"])

    audit = text(section(browser_client("viewer").get(url(world.key_result)).text, "kr-audit"))

    assert "Owner lead → became Mina Rossi" in audit


def test_check_in_button_only_for_people_who_may_check_in(world, browser_client):
    button = "check-in-button"
    assert button in browser_client("member").get(url(world.key_result)).text
    assert button in browser_client("ops").get(url(world.key_result)).text
    assert button not in browser_client("viewer").get(url(world.key_result)).text
    assert button not in browser_client("stranger").get(url(world.key_result)).text
    assert button not in browser_client("member").get(url(world.company_kr)).text


def test_no_check_in_button_in_a_closed_cycle(world, browser_client):
    system = Actor.system(world.org)
    for status in (Cycle.Status.REVIEW, Cycle.Status.CLOSED):
        goals.cycle_transition(actor=system, cycle=world.cycle, status=status)
    body = browser_client("member").get(url(world.key_result)).text
    assert "check-in-button" not in body
    assert "The cycle is closed" in body


def test_key_results_of_another_organization_are_not_found(world, browser_client):
    assert browser_client("outsider").get(url(world.key_result)).status_code == 404
    assert browser_client("admin").get(url(world.other_key_result)).status_code == 404
    assert browser_client("admin").get("/o/acme/key-results/999999/").status_code == 404


def test_dashboard_links_to_the_key_result_page(world, browser_client):
    body = browser_client("viewer").get("/o/acme/").text
    assert f'href="/o/acme/key-results/{world.key_result.pk}/"' in body


def test_page_queries_do_not_grow_with_check_ins_and_changes(world, browser_client):
    client = browser_client("viewer")
    member = world.actor("member")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(world.key_result)).status_code == 200
        return len(queries)

    goals.key_result_check_in(actor=member, key_result=world.key_result, value=39)
    few = count()
    for day in range(2, 40, 2):
        goals.key_result_check_in(
            actor=member, key_result=world.key_result, value=40 - day / 4, at=at(world.cycle, day)
        )
        goals.key_result_update(actor=member, key_result=world.key_result, weight=f"1.{day:02d}")
    goals.initiative_create(actor=member, key_result=world.key_result, title="Guest checkout")
    many = count()

    assert many == few
    assert many <= 18  # sign-in, organization, actor and menus included
