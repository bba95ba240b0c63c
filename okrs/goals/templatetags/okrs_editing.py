"""Template checks for edit links: a page shows only what the reader's role allows.

The rules are the Actor's (okrs/workspace/permissions.py); the views and services check them
again, so a hidden link is a courtesy, never the protection.
"""

from __future__ import annotations

from django import template

from okrs.workspace.permissions import Actor

register = template.Library()


@register.filter
def can_edit_objectives_of(actor: Actor | None, team_id: int) -> bool:
    return actor is not None and actor.can_edit_objectives_of(team_id)


@register.filter
def can_edit_key_results_of(actor: Actor | None, team_id: int) -> bool:
    return actor is not None and actor.can_edit_key_results_of(team_id)


@register.filter
def can_create_objectives(actor: Actor | None) -> bool:
    """Whether the actor sets the objective of at least one team (any team, for managers)."""
    if actor is None:
        return False
    return actor.can_manage_structure() or any(
        actor.can_edit_objectives_of(team_id) for team_id in actor.lead_team_ids
    )
