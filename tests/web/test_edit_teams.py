"""Team pages: list in tree order, create, edit, delete, and the people of a team."""

from __future__ import annotations

import re

import pytest
from edit_helpers import ORG, STATUS_MANAGERS_ONLY, field_errors, flash, post

from okrs.workspace.models import AuditEvent, Team, TeamMember

LIST_URL = f"{ORG}/teams/"
NEW_URL = f"{ORG}/teams/new/"


def test_list_shows_the_tree_with_kind_parent_and_people(world, browser_client):
    page = browser_client("ops").get(LIST_URL).text
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)[1:]
    names = [
        re.search(r'<th scope="row"[^>]*>\s*(?:<a[^>]*>)?([^<]+)', row).group(1).strip()
        for row in rows
    ]
    assert names == ["Acme", "Product", "Checkout", "Search"]
    checkout = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", rows[2]))
    # kind, parent, one lead, one member besides
    assert "Checkout Team Product 1 1" in checkout
    assert f'href="{ORG}/teams/{world.checkout.pk}/"' in rows[2]  # the team's page


def test_admin_creates_a_team_under_another(world, browser_client):
    data = {"name": "Payments", "kind": "team", "parent": world.product.pk}
    response = post(browser_client("admin"), NEW_URL, data)
    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    team = Team.objects.get(organization=world.org, name="Payments")
    assert team.parent == world.product
    assert AuditEvent.objects.filter(action="team.create", object_id=team.pk).exists()
    assert flash(response) == ["Team “Payments” created."]


def test_missing_name_is_shown_on_the_name(world, browser_client):
    response = post(browser_client("ops"), NEW_URL, {"name": "", "kind": "team", "parent": ""})
    assert response.status_code == 200
    assert field_errors(response.text, "name") == ["This field is required."]
    assert Team.objects.filter(organization=world.org).count() == 4


def test_parent_choices_leave_out_the_team_and_its_sub_teams(world, browser_client):
    page = browser_client("ops").get(f"{ORG}/teams/{world.product.pk}/edit/").text
    select = re.search(r'<select name="parent".*?</select>', page, re.S).group(0)
    assert ">\u2003Product<" not in select and "Checkout" not in select and "Search" not in select
    assert ">Acme<" in select


def test_moving_a_team_under_its_own_sub_team_is_refused_on_the_parent(world, browser_client):
    url = f"{ORG}/teams/{world.product.pk}/edit/"
    data = {"name": "Product", "kind": "department", "parent": world.checkout.pk}
    response = post(browser_client("ops"), url, data)
    assert response.status_code == 200
    assert field_errors(response.text, "parent")[0].startswith("Select a valid choice.")
    world.product.refresh_from_db()
    assert world.product.parent == world.company


def test_edit_a_team(world, browser_client):
    url = f"{ORG}/teams/{world.search.pk}/edit/"
    data = {"name": "Discovery", "kind": "team", "parent": world.company.pk}
    response = post(browser_client("ops"), url, data)
    assert response.status_code == 302
    world.search.refresh_from_db()
    assert (world.search.name, world.search.parent) == ("Discovery", world.company)
    event = AuditEvent.objects.get(action="team.update", object_id=world.search.pk)
    assert event.before == {"name": "Search", "parent": world.product.pk}
    assert flash(response) == ["Team “Discovery” saved."]


def test_delete_refuses_a_team_with_objectives_and_says_why(world, browser_client):
    url = f"{ORG}/teams/{world.checkout.pk}/delete/"
    client = browser_client("admin")
    assert "Delete the team “Checkout”?" in client.get(url).text
    response = post(client, url)
    assert response.status_code == 200
    assert "Checkout still has sub-teams or objectives; move or delete them first." in response.text
    assert Team.objects.filter(pk=world.checkout.pk).exists()


def test_delete_a_team_without_objectives(world, browser_client):
    response = post(browser_client("admin"), f"{ORG}/teams/{world.search.pk}/delete/")
    assert response.status_code == 302
    assert not Team.objects.filter(pk=world.search.pk).exists()
    assert AuditEvent.objects.filter(action="team.delete", object_id=world.search.pk).exists()
    assert flash(response) == ["Team “Search” deleted."]


# People of a team -------------------------------------------------------------------------------


def members_url(team) -> str:
    return f"{ORG}/teams/{team.pk}/members/"


def test_add_a_person_as_lead_then_change_and_remove(world, browser_client):
    client = browser_client("ops")
    viewer = world.users["viewer"]
    page = client.get(members_url(world.search)).text
    assert "stranger" in page  # already in Search
    response = post(client, members_url(world.search), {"user": viewer.pk, "is_lead": "on"})
    assert response.status_code == 302
    member = TeamMember.objects.get(team=world.search, user=viewer)
    assert member.is_lead
    assert AuditEvent.objects.filter(action="team_member.create", object_id=member.pk).exists()

    url = f"{ORG}/teams/{world.search.pk}/members/{member.pk}/lead/"
    assert post(client, url, {"is_lead": "false"}).status_code == 302
    member.refresh_from_db()
    assert not member.is_lead
    assert AuditEvent.objects.filter(action="team_member.update", object_id=member.pk).exists()

    url = f"{ORG}/teams/{world.search.pk}/members/{member.pk}/remove/"
    response = post(client, url)
    assert response.status_code == 302
    assert not TeamMember.objects.filter(pk=member.pk).exists()
    assert flash(response)[-1] == "viewer is no longer in Search."


def test_only_people_of_the_organization_can_be_added(world, browser_client):
    client = browser_client("ops")
    page = client.get(members_url(world.search)).text
    assert "outsider" not in page
    response = post(client, members_url(world.search), {"user": world.users["outsider"].pk})
    assert response.status_code == 200
    assert field_errors(response.text, "user")[0].startswith("Select a valid choice.")
    assert not TeamMember.objects.filter(user=world.users["outsider"]).exists()


def test_a_member_of_another_team_cannot_be_changed_through_this_one(world, browser_client):
    lead = TeamMember.objects.get(team=world.checkout, user=world.users["lead"])
    url = f"{ORG}/teams/{world.search.pk}/members/{lead.pk}/remove/"
    assert post(browser_client("ops"), url).status_code == 404
    assert TeamMember.objects.filter(pk=lead.pk).exists()


@pytest.mark.parametrize(("persona", "expected"), STATUS_MANAGERS_ONLY.items())
def test_who_may_open_the_team_pages(world, browser_client, persona, expected):
    client = browser_client(persona)
    for url in (
        LIST_URL,
        NEW_URL,
        f"{ORG}/teams/{world.search.pk}/edit/",
        f"{ORG}/teams/{world.search.pk}/delete/",
        members_url(world.search),
    ):
        assert client.get(url).status_code == expected, url


@pytest.mark.parametrize(("persona", "expected"), STATUS_MANAGERS_ONLY.items())
def test_who_may_change_teams(world, browser_client, persona, expected):
    client = browser_client(persona)
    done = 302 if expected == 200 else expected
    data = {"name": "Payments", "kind": "team", "parent": world.product.pk}
    assert post(client, NEW_URL, data).status_code == done
    assert Team.objects.filter(name="Payments").exists() == (expected == 200)
    response = post(client, members_url(world.search), {"user": world.users["viewer"].pk})
    assert response.status_code == done
    member = TeamMember.objects.get(team=world.checkout, user=world.users["member"])
    url = f"{ORG}/teams/{world.checkout.pk}/members/{member.pk}/remove/"
    assert post(client, url).status_code == done
    assert TeamMember.objects.filter(pk=member.pk).exists() == (expected != 200)
    assert post(client, f"{ORG}/teams/{world.search.pk}/delete/").status_code == done
    assert Team.objects.filter(pk=world.search.pk).exists() == (expected != 200)


def test_teams_of_another_organization_are_not_found(world, browser_client):
    client = browser_client("admin")
    other = world.other_objective.team
    assert client.get(f"{ORG}/teams/{other.pk}/edit/").status_code == 404
    assert post(client, f"{ORG}/teams/{other.pk}/delete/").status_code == 404
    assert post(client, members_url(other), {"user": world.users["viewer"].pk}).status_code == 404
    assert Team.objects.filter(pk=other.pk).exists()
    # Nor can one be chosen as a parent.
    response = post(client, NEW_URL, {"name": "Payments", "kind": "team", "parent": other.pk})
    assert field_errors(response.text, "parent")[0].startswith("Select a valid choice.")


def test_csrf_token_is_required(world, browser_client):
    client = browser_client("admin")
    assert client.post(NEW_URL, {"name": "Payments", "kind": "team"}).status_code == 403
    assert client.post(f"{ORG}/teams/{world.search.pk}/delete/").status_code == 403
    assert not Team.objects.filter(name="Payments").exists()
    assert Team.objects.filter(pk=world.search.pk).exists()
