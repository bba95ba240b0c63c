"""Workspace services: organizations, memberships, teams, team members, API tokens and users.

Every write is checked for what it stores and the audit event it records; every refused write
for the fields it names and for leaving the database exactly as it was.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from okrs.goals import services as goals
from okrs.goals.models import KeyResult
from okrs.lib.errors import Forbidden
from okrs.testing import database_state, refused
from okrs.workspace import services
from okrs.workspace.models import (
    ApiToken,
    AuditEvent,
    Membership,
    Organization,
    Role,
    Team,
    TeamMember,
    hash_token,
)
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import actor_for, actor_for_token


def last_event(organization: Organization) -> AuditEvent:
    return AuditEvent.objects.filter(organization=organization).order_by("-id").first()


def user_named(username: str) -> Any:
    return services.user_create(username=username)


# Organizations ----------------------------------------------------------------------------------


def test_organization_create_makes_first_admin_and_records_settings(db):
    founder = user_named("founder")

    organization = services.organization_create(
        slug="initech", name="Initech", admin=founder, check_in_cadence_days=7
    )

    organization.refresh_from_db()
    assert organization.check_in_cadence_days == 7
    assert Membership.objects.get(organization=organization, user=founder).role == Role.ADMIN
    created, membership = AuditEvent.objects.filter(organization=organization).order_by("id")
    assert (created.action, created.actor_id) == ("organization.create", None)
    assert created.after["slug"] == "initech"
    assert created.after["check_in_cadence_days"] == 7
    assert created.after["score_band_low"] == "0.60"
    assert membership.action == "membership.create"
    assert membership.after == {
        "user": founder.pk,
        "organization": organization.pk,
        "role": "admin",
    }


@pytest.mark.parametrize(
    ("fields", "error_fields"),
    [
        ({"slug": "Not A Slug"}, {"slug"}),
        ({"slug": "acme"}, {"slug"}),
        ({"name": ""}, {"name"}),
        (
            {"score_band_low": Decimal("0.9"), "score_band_high": Decimal("0.8")},
            {"score_band_high"},
        ),
        ({"min_key_results": 6, "max_key_results": 5}, {"max_key_results"}),
        ({"check_in_cadence_days": 0}, {"check_in_cadence_days"}),
    ],
)
def test_organization_create_refuses_bad_settings(world, fields, error_fields):
    values = {"slug": "initech", "name": "Initech", **fields}

    error = refused(ValidationError, lambda: services.organization_create(**values))

    assert set(error.message_dict) == error_fields


def test_organization_update_records_changed_fields_only(world):
    admin = world.actor("admin")

    organization = services.organization_update(
        actor=admin, name="Acme", vision="Everyone cooks at home", score_band_low=Decimal("0.5")
    )

    organization.refresh_from_db()
    assert organization.vision == "Everyone cooks at home"
    assert organization.score_band_low == Decimal("0.5")
    event = last_event(world.org)
    assert (event.action, event.actor_id) == ("organization.update", world.users["admin"].pk)
    assert event.before == {"vision": "", "score_band_low": "0.60"}
    assert event.after == {"vision": "Everyone cooks at home", "score_band_low": "0.5"}


@pytest.mark.parametrize(
    ("changes", "error_fields"),
    [
        ({"score_band_low": Decimal("0.85")}, {"score_band_high"}),
        (
            {"score_band_low": Decimal("0.9"), "score_band_high": Decimal("0.7")},
            {"score_band_high"},
        ),
        ({"score_band_high": Decimal("1.5")}, {"score_band_high"}),
        ({"min_key_results": 6}, {"max_key_results"}),
        ({"objectives_per_team": 0}, {"objectives_per_team"}),
        ({"language": "de"}, {"language"}),
    ],
)
def test_organization_update_refuses_inconsistent_settings(world, changes, error_fields):
    admin = world.actor("admin")

    error = refused(ValidationError, lambda: services.organization_update(actor=admin, **changes))

    assert set(error.message_dict) == error_fields


def test_organization_slug_cannot_be_changed(world):
    refused(TypeError, lambda: services.organization_update(actor=world.actor("admin"), slug="x"))


def test_ops_cannot_change_organization_settings(world):
    refused(
        Forbidden,
        lambda: services.organization_update(actor=world.actor("ops"), vision="Ops rule"),
    )


# Memberships ------------------------------------------------------------------------------------


def test_membership_add_gives_role_and_records_it(world):
    newcomer = user_named("newcomer")

    membership = services.membership_add(actor=world.actor("ops"), user=newcomer, role=Role.LEAD)

    assert actor_for(user=newcomer, organization=world.org).role == Role.LEAD
    event = last_event(world.org)
    assert (event.action, event.actor_id) == ("membership.create", world.users["ops"].pk)
    assert event.object_id == membership.pk
    assert event.after == {"user": newcomer.pk, "organization": world.org.pk, "role": "lead"}


def test_membership_add_refuses_existing_member(world):
    error = refused(
        ValidationError,
        lambda: services.membership_add(actor=world.actor("admin"), user=world.users["member"]),
    )

    assert set(error.message_dict) == {"user"}


def test_membership_add_refuses_unknown_role(world):
    newcomer = user_named("newcomer")

    error = refused(
        ValidationError,
        lambda: services.membership_add(actor=world.actor("admin"), user=newcomer, role="boss"),
    )

    assert set(error.message_dict) == {"role"}


def test_only_admin_grants_admin(world):
    newcomer = user_named("newcomer")

    refused(
        Forbidden,
        lambda: services.membership_add(actor=world.actor("ops"), user=newcomer, role=Role.ADMIN),
    )
    services.membership_add(actor=world.actor("admin"), user=newcomer, role=Role.ADMIN)

    assert actor_for(user=newcomer, organization=world.org).role == Role.ADMIN


def membership_of(world, persona: str) -> Membership:
    return Membership.objects.get(user=world.users[persona], organization=world.org)


def test_membership_set_role_records_before_and_after(world):
    membership = membership_of(world, "viewer")

    services.membership_set_role(actor=world.actor("ops"), membership=membership, role=Role.MEMBER)

    assert world.actor("viewer").role == Role.MEMBER
    event = last_event(world.org)
    assert event.action == "membership.update"
    assert (event.before, event.after) == ({"role": "viewer"}, {"role": "member"})


def test_last_admin_cannot_step_down(world):
    membership = membership_of(world, "admin")

    error = refused(
        ValidationError,
        lambda: services.membership_set_role(
            actor=world.actor("admin"), membership=membership, role=Role.OPS
        ),
    )

    assert set(error.message_dict) == {"role"}


def test_admin_can_step_down_when_another_admin_remains(world):
    admin = world.actor("admin")
    services.membership_set_role(actor=admin, membership=membership_of(world, "ops"), role="admin")

    services.membership_set_role(actor=admin, membership=membership_of(world, "admin"), role="ops")

    assert world.actor("admin").role == Role.OPS
    assert world.actor("ops").role == Role.ADMIN


@pytest.mark.parametrize(("persona", "role"), [("lead", Role.ADMIN), ("admin", Role.MEMBER)])
def test_ops_cannot_grant_or_take_away_admin(world, persona, role):
    membership = membership_of(world, persona)

    refused(
        Forbidden,
        lambda: services.membership_set_role(
            actor=world.actor("ops"), membership=membership, role=role
        ),
    )


def test_membership_remove_revokes_tokens_and_team_places(world):
    member = world.users["member"]
    _, secret = services.api_token_create(user=member, organization=world.org)
    membership = membership_of(world, "member")
    membership_id = membership.pk

    services.membership_remove(actor=world.actor("ops"), membership=membership)

    assert not Membership.objects.filter(user=member, organization=world.org).exists()
    assert not TeamMember.objects.filter(user=member).exists()
    assert actor_for_token(secret=secret) is None
    assert ApiToken.objects.get(user=member).revoked_at is not None
    event = last_event(world.org)
    assert (event.action, event.object_id) == ("membership.delete", membership_id)
    assert event.before == {"user": member.pk, "organization": world.org.pk, "role": "member"}


def test_membership_remove_keeps_the_person_in_other_organizations(world):
    member = world.users["member"]
    other_admin = actor_for(user=world.users["outsider"], organization=world.other_org)
    services.membership_add(actor=other_admin, user=member)
    _, other_secret = services.api_token_create(user=member, organization=world.other_org)

    services.membership_remove(
        actor=world.actor("admin"), membership=membership_of(world, "member")
    )

    assert actor_for_token(secret=other_secret).organization == world.other_org


def test_membership_remove_keeps_earlier_revocation_time(world):
    member = world.users["member"]
    token, _ = services.api_token_create(user=member, organization=world.org)
    services.api_token_revoke(actor=world.actor("member"), token=token)
    token.refresh_from_db()
    revoked_at = token.revoked_at

    services.membership_remove(
        actor=world.actor("admin"), membership=membership_of(world, "member")
    )

    token.refresh_from_db()
    assert token.revoked_at == revoked_at


def test_last_admin_cannot_be_removed(world):
    error = refused(
        ValidationError,
        lambda: services.membership_remove(
            actor=world.actor("admin"), membership=membership_of(world, "admin")
        ),
    )

    assert set(error.message_dict) == {"role"}


def test_ops_cannot_remove_an_admin(world):
    refused(
        Forbidden,
        lambda: services.membership_remove(
            actor=world.actor("ops"), membership=membership_of(world, "admin")
        ),
    )


# Teams ------------------------------------------------------------------------------------------


def test_team_create_records_the_new_team(world):
    team = services.team_create(actor=world.actor("ops"), name="Payments", parent=world.product)

    assert team.parent == world.product
    event = last_event(world.org)
    assert (event.action, event.object_id) == ("team.create", team.pk)
    assert event.after == {
        "organization": world.org.pk,
        "ref": "payments",
        "name": "Payments",
        "kind": "team",
        "parent": world.product.pk,
    }


@pytest.mark.parametrize(
    ("fields", "error_fields"),
    [
        ({"name": ""}, {"name"}),
        ({"name": "Search"}, {"__all__"}),
        ({"name": "Payments", "kind": "tribe"}, {"kind"}),
    ],
)
def test_team_create_refuses_bad_input(world, fields, error_fields):
    error = refused(
        ValidationError, lambda: services.team_create(actor=world.actor("admin"), **fields)
    )

    assert set(error.message_dict) == error_fields


def test_team_name_may_repeat_in_another_organization(world):
    outsider = world.actor("outsider")

    team = services.team_create(actor=outsider, name="Checkout")

    assert team.organization == world.other_org


def test_team_create_under_a_team_of_another_organization_is_not_found(world):
    outsider = world.actor("outsider")

    refused(Http404, lambda: services.team_create(actor=outsider, name="Spy", parent=world.product))


def test_team_update_moves_a_team_and_records_it(world):
    services.team_update(actor=world.actor("admin"), team=world.search, parent=world.company)

    world.search.refresh_from_db()
    assert world.search.parent == world.company
    event = last_event(world.org)
    assert event.action == "team.update"
    assert (event.before, event.after) == (
        {"parent": world.product.pk},
        {"parent": world.company.pk},
    )


@pytest.mark.parametrize(
    ("team", "parent"),
    [
        ("company", "company"),
        ("company", "checkout"),
        ("product", "search"),
        ("checkout", "checkout"),
    ],
)
def test_team_tree_cannot_loop(world, team, parent):
    error = refused(
        ValidationError,
        lambda: services.team_update(
            actor=world.actor("admin"), team=getattr(world, team), parent=getattr(world, parent)
        ),
    )

    assert set(error.message_dict) == {"parent"}


def test_team_cannot_move_under_a_team_of_another_organization(world):
    other_team = Team.objects.get(organization=world.other_org)

    refused(
        Http404,
        lambda: services.team_update(
            actor=world.actor("admin"), team=world.search, parent=other_team
        ),
    )


def test_team_delete_removes_an_empty_team_and_records_it(world):
    admin = world.actor("admin")
    team = services.team_create(actor=admin, name="Payments", parent=world.product)
    team_id = team.pk

    services.team_delete(actor=admin, team=team)

    assert not Team.objects.filter(pk=team_id).exists()
    event = last_event(world.org)
    assert (event.action, event.object_id, event.object_repr) == (
        "team.delete",
        team_id,
        "Payments",
    )
    assert event.before["name"] == "Payments"


@pytest.mark.parametrize("team", ["product", "checkout"])
def test_team_with_sub_teams_or_objectives_cannot_be_deleted(world, team):
    team = getattr(world, team)

    error = refused(
        ValidationError, lambda: services.team_delete(actor=world.actor("admin"), team=team)
    )

    assert team.name in error.messages[0]
    assert "sub-teams or objectives" in error.messages[0]


def test_team_member_set_adds_then_makes_lead(world):
    ops, member = world.actor("ops"), world.users["member"]

    services.team_member_set(actor=ops, team=world.search, user=member)
    assert world.search.pk in world.actor("member").team_ids
    assert last_event(world.org).action == "team_member.create"

    services.team_member_set(actor=ops, team=world.search, user=member, is_lead=True)
    event = last_event(world.org)
    assert event.action == "team_member.update"
    assert (event.before, event.after) == ({"is_lead": False}, {"is_lead": True})
    assert world.search.pk in world.actor("member").lead_team_ids


def test_team_member_set_without_change_records_nothing(world):
    before = database_state()

    services.team_member_set(
        actor=world.actor("admin"), team=world.checkout, user=world.users["lead"], is_lead=True
    )

    assert database_state() == before


def test_team_member_set_refuses_people_outside_the_organization(world):
    error = refused(
        ValidationError,
        lambda: services.team_member_set(
            actor=world.actor("admin"), team=world.checkout, user=world.users["outsider"]
        ),
    )

    assert set(error.message_dict) == {"user"}


def test_team_member_remove_takes_person_out_of_team(world):
    place = TeamMember.objects.get(team=world.checkout, user=world.users["member"])
    place_id = place.pk

    services.team_member_remove(actor=world.actor("ops"), member=place)

    assert world.actor("member").team_ids == frozenset()
    event = last_event(world.org)
    assert (event.action, event.object_id) == ("team_member.delete", place_id)
    assert event.before == {
        "team": world.checkout.pk,
        "user": world.users["member"].pk,
        "is_lead": False,
    }


# API tokens -------------------------------------------------------------------------------------


def test_api_token_create_stores_only_a_hash(world):
    member = world.users["member"]

    token, secret = services.api_token_create(user=member, organization=world.org, name="ci")

    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert row["key_hash"] == hash_token(secret)
    assert all(secret not in str(value) for value in row.values())
    assert secret.startswith("okrs_") and secret.startswith(row["prefix"])
    event = last_event(world.org)
    assert (event.action, event.actor_id) == ("api_token.create", member.pk)
    assert "key_hash" not in event.after
    assert secret not in json.dumps(event.after)
    assert actor_for_token(secret=secret).user == member
    assert actor_for_token(secret=secret + "x") is None


def test_api_token_create_refuses_people_outside_the_organization(world):
    error = refused(
        ValidationError,
        lambda: services.api_token_create(user=world.users["outsider"], organization=world.org),
    )

    assert set(error.message_dict) == {"user"}


def test_api_token_revoke_stops_the_token_and_records_it_once(world):
    member = world.actor("member")
    token, secret = services.api_token_create(user=member.user, organization=world.org)

    services.api_token_revoke(actor=member, token=token)
    events = AuditEvent.objects.filter(action="api_token.revoke").count()
    services.api_token_revoke(actor=member, token=token)

    assert actor_for_token(secret=secret) is None
    assert AuditEvent.objects.filter(action="api_token.revoke").count() == events == 1


def test_admin_revokes_any_token_but_others_only_their_own(world):
    token, secret = services.api_token_create(user=world.users["member"], organization=world.org)

    refused(Forbidden, lambda: services.api_token_revoke(actor=world.actor("ops"), token=token))
    services.api_token_revoke(actor=world.actor("admin"), token=token)

    assert actor_for_token(secret=secret) is None


def test_api_token_of_another_organization_is_not_found(world):
    token, _ = services.api_token_create(user=world.users["outsider"], organization=world.other_org)

    refused(Http404, lambda: services.api_token_revoke(actor=world.actor("admin"), token=token))


# Users ------------------------------------------------------------------------------------------


def test_user_create_hashes_the_password(db):
    user = services.user_create(username="ada", password="correct horse battery")

    user.refresh_from_db()
    assert user.check_password("correct horse battery")
    assert "correct horse battery" not in user.password


def test_user_create_without_password_cannot_log_in(db):
    user = services.user_create(username="robot")

    assert not user.has_usable_password()


@pytest.mark.parametrize("username", ["", "has space", "member"])
def test_user_create_refuses_bad_or_taken_username(world, username):
    error = refused(ValidationError, lambda: services.user_create(username=username))

    assert set(error.message_dict) == {"username"}


def test_system_actor_writes_events_without_a_person(world):
    services.team_create(actor=Actor.system(world.org), name="Payments")

    event = last_event(world.org)
    assert (event.action, event.actor_id) == ("team.create", None)


def test_removed_member_no_longer_owns_key_results(world):
    ops = world.actor("ops")
    goals.key_result_update(actor=ops, key_result=world.key_result, owner=world.users["member"])
    membership = Membership.objects.get(user=world.users["member"], organization=world.org)

    services.membership_remove(actor=ops, membership=membership)

    assert KeyResult.objects.get(pk=world.key_result.pk).owner is None
