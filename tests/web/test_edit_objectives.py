"""Objective forms: create for a team the actor leads, align, edit, delete; roles; CSRF."""

from __future__ import annotations

import re
from html import unescape

import pytest
from edit_helpers import ORG, field_errors, flash, post

from okrs.goals.models import KeyResult, Objective
from okrs.workspace.models import AuditEvent

# Objectives are set by the team's lead, Product Ops and admins (world.objective is Checkout's).
STATUS_BY_PERSONA = {
    "admin": 200,
    "ops": 200,
    "lead": 200,
    "member": 403,
    "viewer": 403,
    "stranger": 403,
    "outsider": 404,
}
NEW_URL = f"{ORG}/objectives/new/"


def new_objective(world, **changes):
    return {
        "team": world.checkout.pk,
        "cycle": world.cycle.pk,
        "title": "Checkout that remembers you",
        "description": "Returning customers pay in one step.",
        "commitment": "aspirational",
        "state": "draft",  # Checkout already has its one active objective
        "parent_key_result": world.company_kr.pk,
        "contributes": "on",
        **changes,
    }


def options(html: str, name: str) -> list[str]:
    """The labels offered by the <select> ``name``, the empty choice left out."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert select, f"no select {name}"
    return [
        label.strip(" \n")
        for value, label in re.findall(
            r'<option value="([^"]*)"[^>]*>(.*?)</option>', select.group(0)
        )
        if value
    ]


def edit_url(objective) -> str:
    return f"{ORG}/objectives/{objective.pk}/edit/"


def test_lead_creates_an_objective_aligned_to_the_company(world, browser_client):
    client = browser_client("lead")
    response = post(client, NEW_URL, new_objective(world))
    assert response.status_code == 302
    objective = Objective.objects.get(title="Checkout that remembers you")
    assert objective.team == world.checkout and objective.cycle == world.cycle
    assert objective.parent_key_result == world.company_kr and objective.contributes
    assert (objective.state, objective.commitment) == ("draft", "aspirational")
    assert AuditEvent.objects.filter(action="objective.create", object_id=objective.pk).exists()
    assert response["Location"] == f"{ORG}/teams/{world.checkout.pk}/?cycle={world.cycle.pk}"
    assert flash(response) == ["Objective “Checkout that remembers you” created."]


def test_lead_is_offered_only_the_teams_they_lead_and_the_key_results_above(world, browser_client):
    page = browser_client("lead").get(NEW_URL).text
    assert [label.replace("\u2003", "") for label in options(page, "team")] == ["Checkout"]
    # Checkout sits under Product under Acme: only Acme's key result, not Checkout's own.
    assert options(page, "parent_key_result") == ["Repeat purchase rate from 5% to 15%"]


def test_manager_is_offered_every_team_in_tree_order(world, browser_client):
    page = browser_client("ops").get(NEW_URL).text
    assert options(page, "team") == [
        "Acme",
        "\u2003Product",
        "\u2003\u2003Checkout",
        "\u2003\u2003Search",
    ]


def test_choosing_another_team_reloads_the_key_results_it_can_serve(world, browser_client):
    client = browser_client("admin")
    top = client.get(
        f"{NEW_URL}?team={world.company.pk}&cycle={world.cycle.pk}", headers={"HX-Request": "true"}
    )
    assert options(top.text, "parent_key_result") == []  # nothing is above the company
    search = client.get(f"{NEW_URL}?team={world.search.pk}&cycle={world.cycle.pk}").text
    assert options(search, "parent_key_result") == ["Repeat purchase rate from 5% to 15%"]
    assert world.key_result.title not in options(search, "parent_key_result")


def test_key_result_of_a_team_not_above_cannot_be_served(world, browser_client):
    data = new_objective(world, team=world.search.pk, parent_key_result=world.key_result.pk)
    response = post(browser_client("admin"), NEW_URL, data)
    assert response.status_code == 200
    assert field_errors(response.text, "parent_key_result")[0].startswith("Select a valid choice.")
    assert not Objective.objects.filter(title="Checkout that remembers you").exists()


def test_contributing_without_alignment_is_shown_on_that_box(world, browser_client):
    data = new_objective(world, parent_key_result="")
    response = post(browser_client("lead"), NEW_URL, data)
    assert response.status_code == 200
    assert field_errors(response.text, "contributes") == [
        "Only an objective aligned to a key result can feed its progress."
    ]
    assert field_errors(response.text, "title") == []
    assert not Objective.objects.filter(title="Checkout that remembers you").exists()
    assert not AuditEvent.objects.filter(
        action="objective.create", object_repr="Checkout that remembers you"
    ).exists()


def test_second_active_objective_is_shown_on_the_team(world, browser_client):
    response = post(browser_client("lead"), NEW_URL, new_objective(world, state="active"))
    assert response.status_code == 200
    errors = field_errors(response.text, "team")
    assert errors and errors[0].startswith("Checkout already has 1 active objective in 2026-Q4")
    assert not Objective.objects.filter(title="Checkout that remembers you").exists()


def test_missing_title_is_shown_on_the_title(world, browser_client):
    response = post(browser_client("lead"), NEW_URL, new_objective(world, title=""))
    assert field_errors(response.text, "title") == ["This field is required."]


def test_edit_an_objective(world, browser_client):
    client = browser_client("lead")
    page = client.get(edit_url(world.objective)).text
    assert 'value="Make reordering effortless"' in page
    assert 'name="team"' not in page  # the team and cycle are chosen once, at creation
    data = {
        "title": "Make reordering a one-tap habit",
        "description": "",
        "commitment": "committed",
        "state": "active",
        "parent_key_result": world.company_kr.pk,
        "contributes": "",
    }
    response = post(client, edit_url(world.objective), data)
    assert response.status_code == 302
    world.objective.refresh_from_db()
    assert world.objective.title == "Make reordering a one-tap habit"
    assert world.objective.contributes is False
    event = AuditEvent.objects.get(action="objective.update", object_id=world.objective.pk)
    assert event.after == {"title": "Make reordering a one-tap habit", "contributes": False}
    assert flash(response) == ["Objective “Make reordering a one-tap habit” saved."]


def test_edit_page_lists_its_key_results_with_links(world, browser_client):
    page = browser_client("lead").get(edit_url(world.objective)).text
    assert "Cut checkout abandonment from 40% to 20%" in page
    assert f'href="{ORG}/key-results/{world.key_result.pk}/edit/"' in page
    assert f'href="{ORG}/objectives/{world.objective.pk}/key-results/new/"' in page


def test_delete_asks_first_then_deletes_with_the_key_results(world, browser_client):
    client = browser_client("lead")
    url = f"{ORG}/objectives/{world.objective.pk}/delete/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Delete the objective “Make reordering effortless”?" in page.text
    assert Objective.objects.filter(pk=world.objective.pk).exists()
    response = post(client, url)
    assert response.status_code == 302
    assert not Objective.objects.filter(pk=world.objective.pk).exists()
    assert not KeyResult.objects.filter(pk=world.key_result.pk).exists()
    assert AuditEvent.objects.filter(
        action="objective.delete", object_id=world.objective.pk
    ).exists()
    assert flash(response) == ["Objective “Make reordering effortless” deleted."]


@pytest.mark.parametrize(("persona", "expected"), STATUS_BY_PERSONA.items())
def test_who_may_open_the_objective_forms(world, browser_client, persona, expected):
    client = browser_client(persona)
    for url in (
        NEW_URL,
        edit_url(world.objective),
        f"{ORG}/objectives/{world.objective.pk}/delete/",
    ):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize(("persona", "expected"), STATUS_BY_PERSONA.items())
def test_who_may_create_an_objective(world, browser_client, persona, expected):
    response = post(browser_client(persona), NEW_URL, new_objective(world))
    assert response.status_code == (302 if expected == 200 else expected)
    assert Objective.objects.filter(title="Checkout that remembers you").exists() == (
        expected == 200
    )


@pytest.mark.parametrize(("persona", "expected"), STATUS_BY_PERSONA.items())
def test_who_may_edit_and_delete_an_objective(world, browser_client, persona, expected):
    client = browser_client(persona)
    data = {"title": "Renamed", "commitment": "committed", "state": "active"}
    response = post(client, edit_url(world.objective), data)
    assert response.status_code == (302 if expected == 200 else expected)
    world.objective.refresh_from_db()
    assert (world.objective.title == "Renamed") == (expected == 200)
    response = post(client, f"{ORG}/objectives/{world.objective.pk}/delete/")
    assert response.status_code == (302 if expected == 200 else expected)
    assert Objective.objects.filter(pk=world.objective.pk).exists() == (expected != 200)


def test_lead_cannot_edit_the_objective_of_a_team_they_do_not_lead(world, browser_client):
    client = browser_client("lead")
    assert client.get(edit_url(world.company_objective)).status_code == 403
    data = {"title": "Taken over", "commitment": "committed", "state": "active"}
    response = post(client, edit_url(world.company_objective), data)
    assert response.status_code == 403
    assert "Only the team's lead, Product Ops or an admin edits its objective." in unescape(
        response.text
    )
    # Nor create one for a team they do not lead by posting its id.
    response = post(client, NEW_URL, new_objective(world, team=world.search.pk, title="Taken over"))
    assert response.status_code == 200
    assert field_errors(response.text, "team")[0].startswith("Select a valid choice.")
    assert not Objective.objects.filter(title="Taken over").exists()


def test_objectives_of_another_organization_are_not_found(world, browser_client):
    client = browser_client("admin")
    other = world.other_objective
    assert client.get(edit_url(other)).status_code == 404
    data = {"title": "Taken over", "commitment": "committed", "state": "active"}
    assert post(client, edit_url(other), data).status_code == 404
    assert post(client, f"{ORG}/objectives/{other.pk}/delete/").status_code == 404
    # Ids of another organization are no valid choice either.
    response = post(client, NEW_URL, new_objective(world, cycle=world.other_cycle.pk))
    assert field_errors(response.text, "cycle")[0].startswith("Select a valid choice.")
    other.refresh_from_db()
    assert other.title == "Globex wins"


def test_csrf_token_is_required(world, browser_client):
    client = browser_client("lead")
    assert client.post(NEW_URL, new_objective(world)).status_code == 403
    assert client.post(f"{ORG}/objectives/{world.objective.pk}/delete/").status_code == 403
    assert Objective.objects.filter(pk=world.objective.pk).exists()
    assert not Objective.objects.filter(title="Checkout that remembers you").exists()


def test_team_page_offers_edit_links_by_role(world, browser_client):
    url = f"{ORG}/teams/{world.checkout.pk}/?cycle={world.cycle.pk}"
    edit = f'href="{edit_url(world.objective)}"'
    add = f'href="{ORG}/objectives/{world.objective.pk}/key-results/new/"'
    lead = browser_client("lead").get(url).text
    assert edit in lead and add in lead
    member = browser_client("member").get(url).text
    assert edit not in member and add in member
    viewer = browser_client("viewer").get(url).text
    assert edit not in viewer and add not in viewer


def test_team_page_without_objective_offers_to_create_one(world, browser_client):
    url = f"{ORG}/teams/{world.search.pk}/?cycle={world.cycle.pk}"
    new = f'href="{NEW_URL}?team={world.search.pk}&amp;cycle={world.cycle.pk}"'
    assert new in browser_client("ops").get(url).text
    assert new not in browser_client("stranger").get(url).text  # a member of Search, not its lead
