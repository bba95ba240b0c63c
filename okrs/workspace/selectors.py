"""Reads of the workspace, each scoped to what the actor may see."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet

from okrs.lib import clock
from okrs.lib.errors import NotFound
from okrs.workspace.models import (
    ApiToken,
    AuditEvent,
    Membership,
    Organization,
    Team,
    TeamMember,
    hash_token,
)
from okrs.workspace.permissions import Actor


def organizations_for_user(*, user: Any) -> QuerySet[Organization]:
    """The organizations ``user`` belongs to."""
    return Organization.objects.filter(memberships__user=user).order_by("name")


def actor_for(*, user: Any, organization: Organization) -> Actor:
    """The actor ``user`` is in ``organization``; NotFound when they are not a member."""
    membership = (
        Membership.objects.filter(user=user, organization=organization).only("role").first()
    )
    if membership is None:
        raise NotFound()
    rows = TeamMember.objects.filter(user=user, team__organization=organization).values_list(
        "team_id", "is_lead"
    )
    team_ids = frozenset(team_id for team_id, _ in rows)
    lead_team_ids = frozenset(team_id for team_id, is_lead in rows if is_lead)
    return Actor(
        user=user,
        organization=organization,
        role=membership.role,
        team_ids=team_ids,
        lead_team_ids=lead_team_ids,
    )


def actor_for_token(*, secret: str) -> Actor | None:
    """The actor behind a bearer token, or None when it is unknown, revoked or no longer a member."""
    token = (
        ApiToken.objects.select_related("user", "organization")
        .filter(key_hash=hash_token(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    try:
        actor = actor_for(user=token.user, organization=token.organization)
    except NotFound:
        return None
    # A coarse timestamp is enough and keeps writes off the hot path.
    now = clock.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return actor


def teams_for(*, actor: Actor) -> QuerySet[Team]:
    return Team.objects.filter(organization=actor.organization).select_related("parent")


def team_members_for(*, actor: Actor) -> QuerySet[TeamMember]:
    return TeamMember.objects.filter(team__organization=actor.organization).select_related(
        "user", "team"
    )


def memberships_for(*, actor: Actor) -> QuerySet[Membership]:
    return Membership.objects.filter(organization=actor.organization).select_related("user")


def member_user(*, actor: Actor, user_id: int) -> Any:
    """A user who belongs to the actor's organization; NotFound for anyone else."""
    user = (
        get_user_model()
        .objects.filter(pk=user_id, memberships__organization=actor.organization)
        .first()
    )
    if user is None:
        raise NotFound()
    return user


def audit_events_for(*, actor: Actor) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(organization=actor.organization).select_related("actor")


def audit_events_for_object(*, actor: Actor, instance: Model) -> QuerySet[AuditEvent]:
    """The audit trail of one object of the actor's organization, newest first.

    Events are matched by model name and id (``audit_record`` stores them so); an object of
    another organization has no events here, even if its id collides with one of ours.
    """
    return (
        audit_events_for(actor=actor)
        .filter(object_type=instance._meta.model_name, object_id=instance.pk)
        .order_by("-created_at", "-id")
    )


def team_ancestor_ids(*, team: Team) -> list[int]:
    """Ids of the teams above ``team``, nearest first (one query for the whole organization)."""
    parents = dict(
        Team.objects.filter(organization_id=team.organization_id).values_list("id", "parent_id")
    )
    chain, current = [], parents.get(team.pk)
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


def team_tree(*, actor: Actor) -> list[tuple[Team, int]]:
    """Every team of the organization in tree order (parents first), with its depth; one query."""
    teams = list(teams_for(actor=actor).order_by("name"))
    children: dict[int | None, list[Team]] = {}
    for team in teams:
        children.setdefault(team.parent_id, []).append(team)
    ordered: list[tuple[Team, int]] = []
    stack = [(team, 0) for team in reversed(children.get(None, []))]
    seen: set[int] = set()
    while stack:
        team, depth = stack.pop()
        if team.pk in seen:
            continue
        seen.add(team.pk)
        ordered.append((team, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(team.pk, [])))
    return ordered


def team_subtree_ids(tree: list[tuple[Team, int]], team_id: int) -> set[int]:
    """Ids of ``team_id`` and every team below it, from an already loaded ``team_tree``."""
    result: set[int] = set()
    inside_depth: int | None = None
    for team, depth in tree:
        if inside_depth is not None and depth <= inside_depth:
            break
        if team.pk == team_id:
            inside_depth = depth
        if inside_depth is not None:
            result.add(team.pk)
    return result
