"""Cycle pages: list, create, edit, move along (closing asks first), delete in planning."""

from __future__ import annotations

import datetime as dt

import pytest
from edit_helpers import ORG, STATUS_MANAGERS_ONLY, field_errors, flash, form_errors, post

from okrs.goals import services as goals
from okrs.goals.models import Cycle
from okrs.workspace.models import AuditEvent

LIST_URL = f"{ORG}/cycles/"
NEW_URL = f"{ORG}/cycles/new/"
NEW_CYCLE = {"name": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31"}


def planning_cycle(world) -> Cycle:
    return goals.cycle_create(
        actor=world.actor("admin"),
        name="2027-Q1",
        start=dt.date(2027, 1, 1),
        end=dt.date(2027, 3, 31),
    )


def test_list_shows_status_dates_and_next_steps(world, browser_client):
    planning_cycle(world)
    page = browser_client("ops").get(LIST_URL).text
    assert "2026-Q4" in page and "2027-Q1" in page
    assert "Planning" in page and "Active" in page
    assert "Start the cycle" in page  # planning → active
    assert "Start the review" in page and "Back to planning" in page  # active → review / planning


def test_admin_creates_a_cycle(world, browser_client):
    response = post(browser_client("admin"), NEW_URL, NEW_CYCLE)
    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    cycle = Cycle.objects.get(organization=world.org, name="2027-Q1")
    assert (cycle.start, cycle.end, cycle.status) == (
        dt.date(2027, 1, 1),
        dt.date(2027, 3, 31),
        "planning",
    )
    assert AuditEvent.objects.filter(action="cycle.create", object_id=cycle.pk).exists()
    assert flash(response) == ["Cycle “2027-Q1” created, in planning."]


def test_end_before_start_is_shown_on_the_end(world, browser_client):
    response = post(browser_client("ops"), NEW_URL, {**NEW_CYCLE, "end": "2026-12-01"})
    assert response.status_code == 200
    assert field_errors(response.text, "end") == ["The cycle must end after it starts."]
    assert field_errors(response.text, "start") == []
    assert form_errors(response.text) == []
    assert not Cycle.objects.filter(name="2027-Q1").exists()
    assert (
        not AuditEvent.objects.filter(action="cycle.create").exclude(object_repr="2026-Q4").exists()
    )


def test_end_before_start_in_italian(world, browser_client):
    response = post(
        browser_client("ops"),
        NEW_URL,
        {**NEW_CYCLE, "end": "2026-12-01"},
        headers={"Accept-Language": "it"},
    )
    assert field_errors(response.text, "end") == ["Il ciclo deve terminare dopo il suo inizio."]


def test_duplicate_name_is_refused(world, browser_client):
    response = post(browser_client("ops"), NEW_URL, {**NEW_CYCLE, "name": "2026-Q4"})
    assert response.status_code == 200
    assert form_errors(response.text)  # said at the top of the form
    assert Cycle.objects.filter(organization=world.org, name="2026-Q4").count() == 1


def test_edit_a_cycle(world, browser_client):
    cycle = planning_cycle(world)
    url = f"{ORG}/cycles/{cycle.pk}/edit/"
    client = browser_client("ops")
    assert 'value="2027-01-01"' in client.get(url).text
    response = post(client, url, {**NEW_CYCLE, "name": "2027 Q1", "end": "2027-03-30"})
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert (cycle.name, cycle.end) == ("2027 Q1", dt.date(2027, 3, 30))
    event = AuditEvent.objects.get(action="cycle.update", object_id=cycle.pk)
    assert event.after == {"name": "2027 Q1", "end": "2027-03-30"}


def test_start_a_cycle_with_one_button(world, browser_client):
    cycle = planning_cycle(world)
    response = post(
        browser_client("ops"), f"{ORG}/cycles/{cycle.pk}/transition/", {"status": "active"}
    )
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert cycle.status == "active"
    assert AuditEvent.objects.filter(action="cycle.transition", object_id=cycle.pk).exists()
    assert flash(response) == ["Cycle “2027-Q1” moved to active."]


def test_a_step_the_cycle_cannot_take_is_refused_with_a_message(world, browser_client):
    cycle = planning_cycle(world)
    response = post(
        browser_client("ops"), f"{ORG}/cycles/{cycle.pk}/transition/", {"status": "closed"}
    )
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert cycle.status == "planning"
    assert flash(response) == ["A cycle in planning can move to active, not to closed."]


def test_closing_asks_for_confirmation_then_records_final_scores(world, browser_client):
    goals.key_result_check_in(actor=world.actor("member"), key_result=world.key_result, value=30)
    goals.cycle_transition(actor=world.actor("admin"), cycle=world.cycle, status="review")
    client = browser_client("admin")
    list_page = client.get(LIST_URL).text
    confirm_url = f"{ORG}/cycles/{world.cycle.pk}/transition/?status=closed"
    assert f'href="{confirm_url}"' in list_page  # closing is a link to a confirmation, not a button
    confirm = client.get(confirm_url)
    assert confirm.status_code == 200
    assert "Final scores will be recorded" in confirm.text
    world.cycle.refresh_from_db()
    assert world.cycle.status == "review"  # asking changed nothing
    response = post(client, f"{ORG}/cycles/{world.cycle.pk}/transition/", {"status": "closed"})
    assert response.status_code == 302
    world.cycle.refresh_from_db()
    world.objective.refresh_from_db()
    assert world.cycle.status == "closed"
    assert world.objective.final_score == pytest.approx(0.5)


def test_delete_only_in_planning(world, browser_client):
    client = browser_client("admin")
    # The active cycle: the page asks, the service refuses and says why.
    url = f"{ORG}/cycles/{world.cycle.pk}/delete/"
    response = post(client, url)
    assert response.status_code == 200
    assert "Only a cycle still in planning can be deleted; this one has run." in response.text
    assert Cycle.objects.filter(pk=world.cycle.pk).exists()
    # A cycle in planning goes.
    cycle = planning_cycle(world)
    page = client.get(f"{ORG}/cycles/{cycle.pk}/delete/")
    assert "Delete the cycle “2027-Q1”?" in page.text
    response = post(client, f"{ORG}/cycles/{cycle.pk}/delete/")
    assert response.status_code == 302
    assert not Cycle.objects.filter(pk=cycle.pk).exists()
    assert AuditEvent.objects.filter(action="cycle.delete", object_id=cycle.pk).exists()


@pytest.mark.parametrize(("persona", "expected"), STATUS_MANAGERS_ONLY.items())
def test_who_may_open_the_cycle_pages(world, browser_client, persona, expected):
    cycle = planning_cycle(world)
    client = browser_client(persona)
    for url in (
        LIST_URL,
        NEW_URL,
        f"{ORG}/cycles/{cycle.pk}/edit/",
        f"{ORG}/cycles/{cycle.pk}/delete/",
        f"{ORG}/cycles/{cycle.pk}/transition/?status=active",
    ):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize(("persona", "expected"), STATUS_MANAGERS_ONLY.items())
def test_who_may_change_cycles(world, browser_client, persona, expected):
    client = browser_client(persona)
    done = 302 if expected == 200 else expected
    assert post(client, NEW_URL, NEW_CYCLE).status_code == done
    assert Cycle.objects.filter(organization=world.org, name="2027-Q1").exists() == (
        expected == 200
    )
    url = f"{ORG}/cycles/{world.cycle.pk}/transition/"
    assert post(client, url, {"status": "review"}).status_code == done
    world.cycle.refresh_from_db()
    assert (world.cycle.status == "review") == (expected == 200)


def test_cycles_of_another_organization_are_not_found(world, browser_client):
    client = browser_client("admin")
    other = world.other_cycle
    assert client.get(f"{ORG}/cycles/{other.pk}/edit/").status_code == 404
    assert (
        post(client, f"{ORG}/cycles/{other.pk}/transition/", {"status": "review"}).status_code
        == 404
    )
    assert post(client, f"{ORG}/cycles/{other.pk}/delete/").status_code == 404
    other.refresh_from_db()
    assert other.status == "active"


def test_csrf_token_is_required(world, browser_client):
    client = browser_client("admin")
    assert client.post(NEW_URL, NEW_CYCLE).status_code == 403
    assert (
        client.post(f"{ORG}/cycles/{world.cycle.pk}/transition/", {"status": "review"}).status_code
        == 403
    )
    world.cycle.refresh_from_db()
    assert world.cycle.status == "active"
    assert not Cycle.objects.filter(name="2027-Q1").exists()


def test_managers_see_the_cycles_and_teams_links_others_do_not(world, browser_client):
    assert f'href="{LIST_URL}"' in browser_client("ops").get(f"{ORG}/").text
    assert f'href="{ORG}/teams/"' in browser_client("admin").get(f"{ORG}/").text
    for persona in ("lead", "member", "viewer"):
        page = browser_client(persona).get(f"{ORG}/").text
        assert f'href="{LIST_URL}"' not in page and f'href="{ORG}/teams/"' not in page
