"""The cycle and team filter that the dashboard and the alignment tree share."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from okrs.goals.dashboard import active_cycle
from okrs.goals.models import Cycle
from okrs.goals.selectors import cycles_for
from okrs.lib.queries import get_or_404
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import teams_for


@dataclass(frozen=True)
class CycleTeamFilter:
    """The cycles to choose from, the chosen cycle (None: the organization has none) and team."""

    cycles: list[Cycle]
    cycle: Cycle | None
    team: Team | None


def cycle_team_filter(request: HttpRequest, actor: Actor) -> CycleTeamFilter:
    """Read ``?cycle=`` and ``?team=``; ids of other organizations are 404, absent means default."""
    cycles = list(cycles_for(actor=actor).order_by("-start"))
    cycle_id = request.GET.get("cycle")
    cycle = get_or_404(cycles_for(actor=actor), cycle_id) if cycle_id else active_cycle(cycles)
    team_id = request.GET.get("team")
    team = get_or_404(teams_for(actor=actor), team_id) if team_id else None
    return CycleTeamFilter(cycles=cycles, cycle=cycle, team=team)


def team_choices(tree: list[tuple[Team, int]]) -> list[tuple[Team, str]]:
    """Teams for a <select>: an em space per level shows the tree where markup is not allowed."""
    return [(team, "\u2003" * depth + team.name) for team, depth in tree]
