"""Who may do what: the actor a request runs as, and the rules of each role (docs/roles.md).

Read access is the organization boundary, enforced by the selectors. Write rules live here so
that the web app, the API, importers and the CLI all apply the same ones through the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from okrs.lib.errors import Forbidden, NotFound
from okrs.workspace.models import Organization, Role

MANAGERS = frozenset({Role.ADMIN, Role.OPS})
TEAM_WRITERS = frozenset({Role.ADMIN, Role.OPS, Role.LEAD, Role.MEMBER})


@dataclass(frozen=True)
class Actor:
    """A user acting in one organization with one role; ``user`` is None for system jobs."""

    user: Any  # the user model instance, or None for system jobs
    organization: Organization
    role: str
    team_ids: frozenset[int] = frozenset()
    lead_team_ids: frozenset[int] = frozenset()

    @classmethod
    def system(cls, organization: Organization) -> Actor:
        """The actor of imports, demo loading and scheduled jobs: full rights in one organization."""
        return cls(user=None, organization=organization, role=Role.ADMIN)

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGERS

    @property
    def user_id(self) -> int | None:
        return getattr(self.user, "pk", None)

    def can_manage_organization(self) -> bool:
        return self.role == Role.ADMIN

    def can_manage_structure(self) -> bool:
        """Cycles, teams and memberships."""
        return self.is_manager

    def can_manage_data_sources(self) -> bool:
        """Create, change and delete data sources (their URLs and paths reach other systems)."""
        return self.is_manager

    def can_edit_objectives_of(self, team_id: int) -> bool:
        return self.is_manager or (self.role == Role.LEAD and team_id in self.lead_team_ids)

    def can_edit_key_results_of(self, team_id: int) -> bool:
        """Key results, their check-ins and initiatives."""
        return self.is_manager or (self.role in TEAM_WRITERS and team_id in self.team_ids)


def require_same_organization(actor: Actor, *objects: Any) -> None:
    """Objects of another organization are treated as if they did not exist: NotFound.

    Checked before the role, so an outsider learns nothing from the kind of refusal.
    """
    for obj in objects:
        if obj is not None and obj.organization_id != actor.organization.pk:
            raise NotFound()


def require(allowed: bool, message: str | None = None) -> None:
    """Raise Forbidden with a message for people unless ``allowed``."""
    if not allowed:
        raise Forbidden(message or _("Your role in this organization does not allow this action."))


class ActorRequest(HttpRequest):
    """An API request after token authentication: ``auth`` is the acting Actor (for typing)."""

    auth: Actor
