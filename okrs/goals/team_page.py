"""A team's page: who the team is, where it sits, and how its objectives stand in one cycle.

Loaded in a fixed number of queries whatever the number of teams, key results and check-ins:
the team tree, the people, the objectives, the progress board, the key results, their check-in
history (one query for every trend line) and the objectives aligned below.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from okrs.goals.dashboard import KeyResultRow, ObjectiveRow
from okrs.goals.models import Cycle, Objective
from okrs.goals.rows import key_result_trends, objective_rows, trend_line
from okrs.goals.selectors import Standing, objectives_for, progress_board
from okrs.goals.sparkline import Sparkline
from okrs.goals.tree import team_paths
from okrs.lib import clock
from okrs.lib.errors import NotFound
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import team_members_for, team_tree


@dataclass(frozen=True)
class KeyResultLine:
    """One key result of the page: what ``goals/partials/key_result_row.html`` renders."""

    row: KeyResultRow
    trend: Sparkline | None


@dataclass(frozen=True)
class TeamObjective:
    row: ObjectiveRow
    lines: list[KeyResultLine]


@dataclass(frozen=True)
class AlignedObjective:
    """An objective of another team that serves one of this team's key results."""

    objective: Objective
    standing: Standing


@dataclass(frozen=True)
class TeamPage:
    team: Team
    path: list[Team]  # the teams above, top first; the last one is the parent
    children: list[Team]
    leads: list[Any]
    members: list[Any]
    cycle: Cycle
    objectives: list[TeamObjective]
    aligned_below: list[AlignedObjective]

    @property
    def parent(self) -> Team | None:
        return self.path[-1] if self.path else None


def team_page(
    *, actor: Actor, team_id: int, cycle: Cycle, today: dt.date | None = None
) -> TeamPage:
    """Everything the team page shows for ``cycle``; NotFound for a team of another organization."""
    today = today or clock.today()
    teams = team_tree(actor=actor)
    team = next((t for t, _ in teams if t.pk == team_id), None)
    if team is None:
        raise NotFound()
    people = list(
        team_members_for(actor=actor)
        .filter(team=team)
        .order_by("user__first_name", "user__last_name", "user__username")
    )
    objective_list = list(
        objectives_for(actor=actor)
        .filter(cycle=cycle, team=team)
        .exclude(state=Objective.State.CANCELLED)
        .select_related("parent_key_result__objective__team")
        .order_by("state", "pk")
    )
    board = progress_board(actor=actor, cycle_ids=[cycle.pk], today=today)
    rows = objective_rows(
        actor=actor, cycle=cycle, objectives=objective_list, board=board, today=today
    )
    key_result_ids = [kr.key_result.pk for row in rows for kr in row.key_results]
    trends = key_result_trends(actor=actor, key_result_ids=key_result_ids)
    below = (
        objectives_for(actor=actor)
        .filter(parent_key_result_id__in=key_result_ids)
        .exclude(state=Objective.State.CANCELLED)
        .order_by("team__name", "pk")
    )
    return TeamPage(
        team=team,
        path=team_paths(teams).get(team.pk, []),
        children=[t for t, _ in teams if t.parent_id == team.pk],
        leads=[p.user for p in people if p.is_lead],
        members=[p.user for p in people if not p.is_lead],
        cycle=cycle,
        objectives=[
            TeamObjective(
                row,
                [
                    KeyResultLine(kr, trend_line(kr.key_result, trends.get(kr.key_result.pk)))
                    for kr in row.key_results
                ],
            )
            for row in rows
        ],
        aligned_below=[AlignedObjective(o, board.objective(o.pk)) for o in below],
    )
