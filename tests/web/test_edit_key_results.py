"""Key-result and initiative forms: create, edit, delete; errors next to the field; roles; CSRF."""

from __future__ import annotations

from decimal import Decimal

import pytest
from edit_helpers import ORG, field_errors, flash, form_errors, post

from okrs.goals import services as goals
from okrs.goals.models import Initiative, KeyResult
from okrs.workspace.models import AuditEvent

# Key results are written by the team's members and lead, Product Ops and admins.
STATUS_BY_PERSONA = {
    "admin": 200,
    "ops": 200,
    "lead": 200,
    "member": 200,
    "viewer": 403,
    "stranger": 403,  # a member of Search, not of Checkout
    "outsider": 404,
}

NEW_KEY_RESULT = {
    "title": "Reorders in two taps from 10% to 30% of orders",
    "kind": "metric",
    "metric": "share of reorders in two taps",
    "unit": "%",
    "direction": "increase",
    "baseline": "10",
    "target": "30",
    "chance_of_success": "",
    "weight": "1",
    "owner": "",
    "deadline": "",
}


def create_url(world) -> str:
    return f"{ORG}/objectives/{world.objective.pk}/key-results/new/"


def edit_url(key_result) -> str:
    return f"{ORG}/key-results/{key_result.pk}/edit/"


def test_member_adds_a_key_result(world, browser_client):
    client = browser_client("member")
    assert client.get(create_url(world)).status_code == 200
    member = world.users["member"]
    response = post(client, create_url(world), {**NEW_KEY_RESULT, "owner": member.pk})
    assert response.status_code == 302
    assert response["Location"] == f"{ORG}/teams/{world.checkout.pk}/?cycle={world.cycle.pk}"
    key_result = KeyResult.objects.get(title=NEW_KEY_RESULT["title"])
    assert key_result.objective == world.objective
    assert (key_result.baseline, key_result.target) == (10, 30)
    assert key_result.owner == member
    event = AuditEvent.objects.get(action="key_result.create", object_id=key_result.pk)
    assert event.actor == member
    assert flash(response) == [f"Key result “{NEW_KEY_RESULT['title']}” added."]


def test_increase_with_target_below_baseline_is_shown_on_the_target(world, browser_client):
    client = browser_client("member")
    response = post(client, create_url(world), {**NEW_KEY_RESULT, "baseline": "30", "target": "10"})
    assert response.status_code == 200
    assert field_errors(response.text, "target") == [
        "For an increase the target must be above the baseline. Did you mean 'decrease'?"
    ]
    assert field_errors(response.text, "baseline") == []
    assert not KeyResult.objects.filter(title=NEW_KEY_RESULT["title"]).exists()
    assert not AuditEvent.objects.filter(
        action="key_result.create", object_repr=NEW_KEY_RESULT["title"]
    ).exists()
    # What was typed stays in the form.
    assert 'value="Reorders in two taps from 10% to 30% of orders"' in response.text


def test_binary_key_result_without_chance_of_success_is_refused_on_that_field(
    world, browser_client
):
    data = {**NEW_KEY_RESULT, "kind": "binary", "title": "Launch one-tap reorder"}
    response = post(browser_client("lead"), create_url(world), data)
    assert response.status_code == 200
    assert field_errors(response.text, "chance_of_success") == [
        "A binary key result needs a chance of success (0 to 1): how likely the team thinks it"
        " is to be done."
    ]
    assert not KeyResult.objects.filter(title="Launch one-tap reorder").exists()


def test_binary_key_result_runs_from_zero_to_one_whatever_the_hidden_fields_say(
    world, browser_client
):
    data = {
        **NEW_KEY_RESULT,
        "kind": "binary",
        "title": "Launch one-tap reorder",
        "chance_of_success": "0.7",
        "direction": "",
        "baseline": "",
        "target": "",
    }
    response = post(browser_client("lead"), create_url(world), data)
    assert response.status_code == 302
    key_result = KeyResult.objects.get(title="Launch one-tap reorder")
    assert (key_result.baseline, key_result.target) == (0, 1)
    assert key_result.chance_of_success == Decimal("0.7")


def test_metric_needs_a_target(world, browser_client):
    response = post(browser_client("member"), create_url(world), {**NEW_KEY_RESULT, "target": ""})
    assert field_errors(response.text, "target") == ["This field is required."]
    assert not KeyResult.objects.filter(title=NEW_KEY_RESULT["title"]).exists()


def test_deadline_outside_the_cycle_is_shown_on_the_deadline(world, browser_client):
    late = world.cycle.end.replace(year=world.cycle.end.year + 1).isoformat()
    response = post(
        browser_client("member"), create_url(world), {**NEW_KEY_RESULT, "deadline": late}
    )
    assert response.status_code == 200
    assert field_errors(response.text, "deadline")[0].startswith(
        "The deadline must fall within the cycle"
    )
    assert not KeyResult.objects.filter(title=NEW_KEY_RESULT["title"]).exists()


def test_too_many_key_results_is_said_at_the_top_of_the_form(world, browser_client):
    world.org.max_key_results = 1
    world.org.save()
    response = post(browser_client("member"), create_url(world), NEW_KEY_RESULT)
    assert response.status_code == 200
    assert form_errors(response.text) == [
        "This objective already has 1 key results, the most allowed; focus on fewer."
    ]


def test_italian_decimals_are_read_as_italians_write_them(world, browser_client):
    client = browser_client("member")
    data = {**NEW_KEY_RESULT, "baseline": "1.234,5", "target": "2.500,75", "weight": "0,5"}
    response = post(client, create_url(world), data, headers={"Accept-Language": "it"})
    assert response.status_code == 302
    key_result = KeyResult.objects.get(title=NEW_KEY_RESULT["title"])
    assert key_result.baseline == Decimal("1234.5")
    assert key_result.target == Decimal("2500.75")
    assert key_result.weight == Decimal("0.5")
    # The edit form shows them back the same way, without the stored trailing zeros.
    page = client.get(edit_url(key_result), headers={"Accept-Language": "it"}).text
    assert 'value="1.234,5"' in page
    assert 'value="2.500,75"' in page


def test_errors_are_in_the_readers_language(world, browser_client):
    data = {**NEW_KEY_RESULT, "baseline": "30", "target": "10"}
    response = post(
        browser_client("member"), create_url(world), data, headers={"Accept-Language": "it"}
    )
    assert field_errors(response.text, "target") == [
        "Per un aumento il target deve essere superiore al valore di partenza. Intendevi «diminuire»?"
    ]


def test_french_decimals_with_spaces_between_thousands(world, browser_client):
    data = {**NEW_KEY_RESULT, "baseline": "1 234,5", "target": "2 000"}
    response = post(
        browser_client("member"), create_url(world), data, headers={"Accept-Language": "fr"}
    )
    assert response.status_code == 302
    key_result = KeyResult.objects.get(title=NEW_KEY_RESULT["title"])
    assert (key_result.baseline, key_result.target) == (Decimal("1234.5"), 2000)


def test_owner_from_another_organization_cannot_be_chosen(world, browser_client):
    data = {**NEW_KEY_RESULT, "owner": world.users["outsider"].pk}
    response = post(browser_client("member"), create_url(world), data)
    assert response.status_code == 200
    assert field_errors(response.text, "owner")[0].startswith("Select a valid choice.")
    assert not KeyResult.objects.filter(title=NEW_KEY_RESULT["title"]).exists()


def test_edit_a_key_result(world, browser_client):
    client = browser_client("member")
    page = client.get(edit_url(world.key_result)).text
    assert 'value="40"' in page and 'value="20"' in page  # 40.000000 shown as people wrote it
    data = {
        **NEW_KEY_RESULT,
        "title": "Cut checkout abandonment from 40% to 25%",
        "direction": "decrease",
        "baseline": "40",
        "target": "25",
    }
    response = post(client, edit_url(world.key_result), data)
    assert response.status_code == 302
    world.key_result.refresh_from_db()
    assert world.key_result.target == 25
    event = AuditEvent.objects.get(action="key_result.update", object_id=world.key_result.pk)
    assert event.before["target"] == "20" and event.after["target"] == "25"
    assert flash(response) == ["Key result “Cut checkout abandonment from 40% to 25%” saved."]


def test_edit_error_leaves_the_key_result_unchanged(world, browser_client):
    data = {**NEW_KEY_RESULT, "direction": "decrease", "baseline": "40", "target": "60"}
    response = post(browser_client("member"), edit_url(world.key_result), data)
    assert response.status_code == 200
    assert field_errors(response.text, "target") == [
        "For a decrease the target must be below the baseline. Did you mean 'increase'?"
    ]
    world.key_result.refresh_from_db()
    assert world.key_result.title == "Cut checkout abandonment from 40% to 20%"
    assert not AuditEvent.objects.filter(action="key_result.update").exists()


def test_delete_asks_first_then_deletes(world, browser_client):
    client = browser_client("lead")
    url = f"{ORG}/key-results/{world.key_result.pk}/delete/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Delete the key result “Cut checkout abandonment from 40% to 20%”?" in page.text
    assert KeyResult.objects.filter(pk=world.key_result.pk).exists()
    response = post(client, url)
    assert response.status_code == 302
    assert not KeyResult.objects.filter(pk=world.key_result.pk).exists()
    assert AuditEvent.objects.filter(
        action="key_result.delete", object_id=world.key_result.pk
    ).exists()


@pytest.mark.parametrize(("persona", "expected"), STATUS_BY_PERSONA.items())
def test_who_may_open_the_key_result_forms(world, browser_client, persona, expected):
    client = browser_client(persona)
    for url in (
        create_url(world),
        edit_url(world.key_result),
        f"{ORG}/key-results/{world.key_result.pk}/delete/",
        f"{ORG}/key-results/{world.key_result.pk}/initiatives/new/",
    ):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize(("persona", "expected"), STATUS_BY_PERSONA.items())
def test_who_may_submit_a_key_result(world, browser_client, persona, expected):
    response = post(browser_client(persona), create_url(world), NEW_KEY_RESULT)
    assert response.status_code == (302 if expected == 200 else expected)
    assert KeyResult.objects.filter(title=NEW_KEY_RESULT["title"]).exists() == (expected == 200)


@pytest.mark.parametrize("persona", ["viewer", "stranger"])
def test_forbidden_edit_and_delete_change_nothing(world, browser_client, persona):
    client = browser_client(persona)
    data = {**NEW_KEY_RESULT, "direction": "decrease", "baseline": "40", "target": "25"}
    response = post(client, edit_url(world.key_result), data)
    assert response.status_code == 403
    assert (
        "Only members of the team, Product Ops or an admin edit its key results." in response.text
    )
    assert post(client, f"{ORG}/key-results/{world.key_result.pk}/delete/").status_code == 403
    world.key_result.refresh_from_db()
    assert world.key_result.target == 20


def test_key_results_of_another_organization_are_not_found(world, browser_client):
    client = browser_client("admin")
    other = world.other_key_result
    assert client.get(edit_url(other)).status_code == 404
    assert post(client, edit_url(other), NEW_KEY_RESULT).status_code == 404
    assert post(client, f"{ORG}/key-results/{other.pk}/delete/").status_code == 404
    url = f"{ORG}/objectives/{world.other_objective.pk}/key-results/new/"
    assert post(client, url, NEW_KEY_RESULT).status_code == 404
    assert KeyResult.objects.filter(pk=other.pk).exists()
    assert not KeyResult.objects.filter(title=NEW_KEY_RESULT["title"]).exists()


def test_csrf_token_is_required(world, browser_client):
    client = browser_client("member")
    response = client.post(create_url(world), NEW_KEY_RESULT)
    assert response.status_code == 403
    assert not KeyResult.objects.filter(title=NEW_KEY_RESULT["title"]).exists()


def test_edit_form_in_a_closed_cycle_says_why_nothing_changes(world, browser_client):
    system = world.actor("admin")
    goals.cycle_transition(actor=system, cycle=world.cycle, status="review")
    goals.cycle_transition(actor=system, cycle=world.cycle, status="closed")
    data = {**NEW_KEY_RESULT, "direction": "decrease", "baseline": "40", "target": "25"}
    response = post(browser_client("member"), edit_url(world.key_result), data)
    assert response.status_code == 200
    assert "is closed and its numbers are final" in form_errors(response.text)[0]


# Initiatives ------------------------------------------------------------------------------------


def test_add_edit_and_delete_an_initiative(world, browser_client):
    client = browser_client("member")
    new_url = f"{ORG}/key-results/{world.key_result.pk}/initiatives/new/"
    assert client.get(new_url).status_code == 200
    data = {"title": "One-page checkout", "status": "in_progress", "link": "https://example.com/1"}
    response = post(client, new_url, data)
    assert response.status_code == 302
    initiative = Initiative.objects.get(title="One-page checkout")
    assert initiative.key_result == world.key_result
    assert AuditEvent.objects.filter(action="initiative.create", object_id=initiative.pk).exists()
    assert flash(response) == ["Initiative “One-page checkout” added."]
    # The key result's edit page lists it.
    assert "One-page checkout" in client.get(edit_url(world.key_result)).text

    edit = f"{ORG}/initiatives/{initiative.pk}/edit/"
    response = post(client, edit, {**data, "status": "done"})
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == "done"

    delete = f"{ORG}/initiatives/{initiative.pk}/delete/"
    assert "Delete the initiative “One-page checkout”?" in client.get(delete).text
    assert post(client, delete).status_code == 302
    assert not Initiative.objects.filter(pk=initiative.pk).exists()
    assert AuditEvent.objects.filter(action="initiative.delete", object_id=initiative.pk).exists()


def test_initiative_link_must_be_a_web_address(world, browser_client):
    url = f"{ORG}/key-results/{world.key_result.pk}/initiatives/new/"
    data = {"title": "One-page checkout", "status": "planned", "link": "wiki page 12"}
    response = post(browser_client("member"), url, data)
    assert response.status_code == 200
    assert field_errors(response.text, "link") == [
        "Enter a web address that starts with http:// or https://."
    ]
    assert not Initiative.objects.filter(title="One-page checkout").exists()


@pytest.mark.parametrize(("persona", "expected"), STATUS_BY_PERSONA.items())
def test_who_may_change_an_initiative(world, browser_client, persona, expected):
    initiative = goals.initiative_create(
        actor=world.actor("admin"), key_result=world.key_result, title="One-page checkout"
    )
    client = browser_client(persona)
    edit = f"{ORG}/initiatives/{initiative.pk}/edit/"
    assert client.get(edit).status_code == expected
    response = post(client, edit, {"title": "Renamed", "status": "planned", "link": ""})
    assert response.status_code == (302 if expected == 200 else expected)
    initiative.refresh_from_db()
    assert (initiative.title == "Renamed") == (expected == 200)


# Entry points -----------------------------------------------------------------------------------


def test_dashboard_offers_edit_links_only_to_those_who_may_edit(world, browser_client):
    add_key_result = f'href="{create_url(world)}"'
    edit_objective = f'href="{ORG}/objectives/{world.objective.pk}/edit/"'
    edit_key_result = f'href="{edit_url(world.key_result)}"'
    new_objective = f'href="{ORG}/objectives/new/'

    member = browser_client("member").get(f"{ORG}/").text
    assert add_key_result in member and edit_key_result in member
    assert edit_objective not in member and new_objective not in member

    lead = browser_client("lead").get(f"{ORG}/").text
    assert add_key_result in lead and edit_objective in lead and new_objective in lead

    viewer = browser_client("viewer").get(f"{ORG}/").text
    for link in (add_key_result, edit_objective, edit_key_result, new_objective, "/edit/"):
        assert link not in viewer

    stranger = browser_client("stranger").get(f"{ORG}/").text
    assert add_key_result not in stranger and edit_key_result not in stranger


def test_no_add_link_once_the_objective_has_the_most_key_results(world, browser_client):
    world.org.max_key_results = 1
    world.org.save()
    page = browser_client("member").get(f"{ORG}/").text
    assert f'href="{create_url(world)}"' not in page
    assert f'href="{edit_url(world.key_result)}"' in page


def test_key_result_page_offers_edit_and_initiative_links_by_role(world, browser_client):
    initiative = goals.initiative_create(
        actor=world.actor("admin"), key_result=world.key_result, title="One-page checkout"
    )
    url = f"{ORG}/key-results/{world.key_result.pk}/"
    links = [
        f'href="{edit_url(world.key_result)}"',
        f'href="{ORG}/key-results/{world.key_result.pk}/initiatives/new/"',
        f'href="{ORG}/initiatives/{initiative.pk}/edit/"',
        f'href="{ORG}/initiatives/{initiative.pk}/delete/"',
    ]
    member = browser_client("member").get(url).text
    assert all(link in member for link in links)
    for persona in ("viewer", "stranger"):
        page = browser_client(persona).get(url).text
        assert "One-page checkout" in page
        assert not any(link in page for link in links), persona


def test_after_an_initiative_the_key_result_page_is_shown(world, browser_client):
    url = f"{ORG}/key-results/{world.key_result.pk}/initiatives/new/"
    response = post(
        browser_client("member"), url, {"title": "One-page checkout", "status": "planned"}
    )
    assert response["Location"] == f"{ORG}/key-results/{world.key_result.pk}/"
