"""Every write to organizations, memberships, teams and API tokens."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.deletion import ProtectedError
from django.utils.translation import gettext as _

from okrs.lib import clock
from okrs.lib.errors import NotFound
from okrs.lib.refs import ref_base, ref_unique
from okrs.workspace.audit import apply_changes, audit_record, snapshot
from okrs.workspace.models import (
    ApiToken,
    Membership,
    Organization,
    Profile,
    Role,
    Team,
    TeamMember,
    hash_token,
)
from okrs.workspace.permissions import Actor, require, require_same_organization
from okrs.workspace.selectors import team_ancestor_ids

ORGANIZATION_FIELDS = frozenset(
    {
        "name",
        "language",
        "vision",
        "strategy",
        "check_in_cadence_days",
        "review_cadence_weeks",
        "score_band_low",
        "score_band_high",
        "objectives_per_team",
        "min_key_results",
        "max_key_results",
    }
)
TEAM_FIELDS = frozenset({"ref", "name", "kind", "parent"})


@transaction.atomic
def organization_create(
    *, slug: str, name: str, admin: Any | None = None, **settings: Any
) -> Organization:
    """Create an organization; ``admin``, when given, becomes its first admin."""
    organization = Organization(slug=slug, name=name)
    apply_changes(organization, settings, allowed=ORGANIZATION_FIELDS)
    organization.full_clean()
    organization.save()
    actor = Actor.system(organization)
    audit_record(
        actor=actor,
        action="organization.create",
        instance=organization,
        after=snapshot(organization),
    )
    if admin is not None:
        membership_add(actor=actor, user=admin, role=Role.ADMIN)
    return organization


@transaction.atomic
def organization_update(*, actor: Actor, **changes: Any) -> Organization:
    require(
        actor.can_manage_organization(), _("Only an admin can change the organization's settings.")
    )
    organization = Organization.objects.select_for_update().get(pk=actor.organization.pk)
    before, after = apply_changes(organization, changes, allowed=ORGANIZATION_FIELDS)
    organization.full_clean()
    organization.save()
    audit_record(
        actor=actor, action="organization.update", instance=organization, before=before, after=after
    )
    return organization


def _require_role_change_allowed(actor: Actor, *roles: str) -> None:
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage memberships."))
    if Role.ADMIN in roles:
        require(actor.role == Role.ADMIN, _("Only an admin can grant or take away the admin role."))


def _require_another_admin(organization: Organization, membership: Membership) -> None:
    admins = Membership.objects.filter(organization=organization, role=Role.ADMIN).exclude(
        pk=membership.pk
    )
    if membership.role == Role.ADMIN and not admins.exists():
        raise ValidationError({"role": _("An organization must keep at least one admin.")})


@transaction.atomic
def membership_add(*, actor: Actor, user: Any, role: str = Role.MEMBER) -> Membership:
    """Give ``user`` a role in the actor's organization."""
    _require_role_change_allowed(actor, role)
    if Membership.objects.filter(user=user, organization=actor.organization).exists():
        raise ValidationError({"user": _("%(user)s is already a member.") % {"user": user}})
    membership = Membership(user=user, organization=actor.organization, role=role)
    membership.full_clean(validate_unique=False)
    membership.save()
    audit_record(
        actor=actor, action="membership.create", instance=membership, after=snapshot(membership)
    )
    return membership


@transaction.atomic
def membership_set_role(*, actor: Actor, membership: Membership, role: str) -> Membership:
    require_same_organization(actor, membership)
    _require_role_change_allowed(actor, role, membership.role)
    if role != Role.ADMIN:
        _require_another_admin(actor.organization, membership)
    before, after = apply_changes(membership, {"role": role}, allowed=frozenset({"role"}))
    membership.full_clean(validate_unique=False)
    membership.save()
    audit_record(
        actor=actor, action="membership.update", instance=membership, before=before, after=after
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: Actor, membership: Membership) -> None:
    """Take ``user`` out of the organization, with their team places and API tokens."""
    require_same_organization(actor, membership)
    _require_role_change_allowed(actor, membership.role)
    _require_another_admin(actor.organization, membership)
    TeamMember.objects.filter(user=membership.user, team__organization=actor.organization).delete()
    # Their key results stay, without an owner, so that someone else can take them over.
    membership.user.owned_key_results.filter(organization=actor.organization).update(owner=None)
    # Tokens revoked earlier keep the time they were revoked at.
    ApiToken.objects.filter(
        user=membership.user, organization=actor.organization, revoked_at__isnull=True
    ).update(revoked_at=clock.now())
    audit_record(
        actor=actor, action="membership.delete", instance=membership, before=snapshot(membership)
    )
    membership.delete()


def _validate_team_parent(team: Team) -> None:
    parent = team.parent
    if parent is None:
        return
    if parent.organization_id != team.organization_id:
        raise NotFound()
    if team.pk is not None and (parent.pk == team.pk or team.pk in team_ancestor_ids(team=parent)):
        raise ValidationError(
            {"parent": _("A team cannot sit under itself or one of its own sub-teams.")}
        )


@transaction.atomic
def team_create(
    *,
    actor: Actor,
    name: str,
    kind: str = Team.Kind.TEAM,
    parent: Team | None = None,
    ref: str = "",
) -> Team:
    """Create a team; without a ``ref`` it gets one from its name (``checkout``, ``checkout-2``)."""
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage teams."))
    if not ref:
        taken = Team.objects.filter(organization=actor.organization).values_list("ref", flat=True)
        ref = ref_unique(ref_base("team", name), set(taken))
    team = Team(organization=actor.organization, ref=ref, name=name, kind=kind, parent=parent)
    _validate_team_parent(team)
    team.full_clean()
    team.save()
    audit_record(actor=actor, action="team.create", instance=team, after=snapshot(team))
    return team


@transaction.atomic
def team_update(*, actor: Actor, team: Team, **changes: Any) -> Team:
    require_same_organization(actor, team)
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage teams."))
    before, after = apply_changes(team, changes, allowed=TEAM_FIELDS)
    _validate_team_parent(team)
    team.full_clean()
    team.save()
    audit_record(actor=actor, action="team.update", instance=team, before=before, after=after)
    return team


@transaction.atomic
def team_delete(*, actor: Actor, team: Team) -> None:
    """Delete a team that has no sub-teams and no objectives (history is never deleted silently)."""
    require_same_organization(actor, team)
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage teams."))
    before, team_id = snapshot(team), team.pk
    try:
        team.delete()
    except ProtectedError:
        raise ValidationError(
            _("%(team)s still has sub-teams or objectives; move or delete them first.")
            % {"team": team}
        ) from None
    team.pk = team_id  # Django clears it on delete; the audit event still names the team.
    audit_record(actor=actor, action="team.delete", instance=team, before=before)


@transaction.atomic
def team_member_set(*, actor: Actor, team: Team, user: Any, is_lead: bool = False) -> TeamMember:
    """Put ``user`` in ``team`` (or change whether they lead it)."""
    require_same_organization(actor, team)
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage teams."))
    if not Membership.objects.filter(user=user, organization=actor.organization).exists():
        raise ValidationError(
            {"user": _("%(user)s is not a member of this organization.") % {"user": user}}
        )
    member, created = TeamMember.objects.get_or_create(
        team=team, user=user, defaults={"is_lead": is_lead}
    )
    if created:
        audit_record(
            actor=actor, action="team_member.create", instance=member, after=snapshot(member)
        )
    elif member.is_lead != is_lead:
        before, after = apply_changes(member, {"is_lead": is_lead}, allowed=frozenset({"is_lead"}))
        member.save()
        audit_record(
            actor=actor, action="team_member.update", instance=member, before=before, after=after
        )
    return member


@transaction.atomic
def team_member_remove(*, actor: Actor, member: TeamMember) -> None:
    require_same_organization(actor, member.team)
    require(actor.can_manage_structure(), _("Only admins and Product Ops manage teams."))
    audit_record(actor=actor, action="team_member.delete", instance=member, before=snapshot(member))
    member.delete()


TOKEN_PREFIX = "okrs_"


@transaction.atomic
def api_token_create(
    *, user: Any, organization: Organization, name: str = ""
) -> tuple[ApiToken, str]:
    """Create a token for ``user`` in ``organization``; the secret is returned once and never stored."""
    if not Membership.objects.filter(user=user, organization=organization).exists():
        raise ValidationError(
            {
                "user": _("%(user)s is not a member of %(organization)s.")
                % {"user": user, "organization": organization}
            }
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        organization=organization,
        name=name,
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        key_hash=hash_token(secret),
    )
    token.full_clean()
    token.save()
    actor = Actor(user=user, organization=organization, role=Role.VIEWER)
    audit_record(actor=actor, action="api_token.create", instance=token, after=snapshot(token))
    return token, secret


@transaction.atomic
def api_token_revoke(*, actor: Actor, token: ApiToken) -> ApiToken:
    """Revoke a token: its owner may revoke their own, an admin any in the organization."""
    if token.organization_id != actor.organization.pk:
        raise NotFound()
    require(
        token.user_id == actor.user_id or actor.role == Role.ADMIN,
        _("You can revoke your own tokens; only an admin revokes someone else's."),
    )
    if token.revoked_at is None:
        token.revoked_at = clock.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            action="api_token.revoke",
            instance=token,
            after={"revoked_at": token.revoked_at.isoformat()},
        )
    return token


def user_create(*, username: str, password: str | None = None, **fields: Any) -> Any:
    """Create a login. Separate from memberships: one person may belong to several organizations."""
    user_model = get_user_model()
    user = user_model(username=username, **fields)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def profile_set_language(*, user: Any, language: str) -> Profile:
    """Remember the language ``user`` reads okrs in (empty: follow the browser)."""
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.language = language
    profile.full_clean()
    profile.save(update_fields=["language"])
    return profile
