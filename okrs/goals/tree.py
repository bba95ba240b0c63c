"""The alignment tree: each objective hangs under the key result it serves, company to teams.

Everything is loaded up front in a fixed number of queries (teams, objectives, key results, the
progress board) and the nesting is then built in one pass over those rows, without recursion:
the page costs the same number of queries for five teams or five hundred, and a long chain of
alignment cannot exhaust the stack. Templates only walk the finished structure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from okrs.goals.dashboard import KeyResultRow, ObjectiveRow
from okrs.goals.models import Cycle, KeyResult, Objective
from okrs.goals.rows import objective_rows
from okrs.goals.selectors import progress_board
from okrs.lib import clock
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import team_subtree_ids, team_tree

# Objectives this deep in the alignment start collapsed, unless the whole tree is small: the
# company and its departments stay readable at a glance, teams open on demand.
OPEN_DEPTH = 2
SMALL_TREE = 30


@dataclass(eq=False)  # nodes compare by identity: the tree holds each one once
class TreeKeyResult:
    """A key result in the tree, with the objectives that serve it hanging below it."""

    row: KeyResultRow
    children: list[TreeObjective] = field(default_factory=list)

    @property
    def key_result(self) -> KeyResult:
        return self.row.key_result

    @property
    def contributors(self) -> int:
        """How many of the objectives below feed this key result's progress."""
        return sum(1 for child in self.children if child.feeds_parent)


@dataclass(eq=False)
class TreeObjective:
    """An objective in the tree: its standing, its key results and where it sits.

    ``orphan``: aligned to nothing although its team has a team above it.
    ``serves_elsewhere``: aligned to a key result that is not in this view (a team filter
    leaves it out, or its objective was cancelled), so it is shown at the top with a link.
    """

    row: ObjectiveRow
    key_results: list[TreeKeyResult]
    team_path: list[Team] = field(default_factory=list)  # the teams above, top first
    depth: int = 0
    orphan: bool = False
    serves_elsewhere: bool = False
    open: bool = True

    @property
    def objective(self) -> Objective:
        return self.row.objective

    @property
    def feeds_parent(self) -> bool:
        """Its progress becomes the parent key result's (only an active objective feeds)."""
        objective = self.objective
        return (
            objective.contributes
            and objective.parent_key_result_id is not None
            and objective.state == Objective.State.ACTIVE
        )


@dataclass(frozen=True)
class AlignmentTree:
    """The tree of one cycle, optionally limited to a team and the teams below it."""

    cycle: Cycle
    team: Team | None
    roots: list[TreeObjective]
    orphans: list[TreeObjective]
    teams_without_objective: list[Team]
    objective_count: int
    teams: list[tuple[Team, int]]


def team_paths(teams: list[tuple[Team, int]]) -> dict[int, list[Team]]:
    """For each team, the teams above it, top first (from an already loaded ``team_tree``).

    ``team_tree`` lists parents before children, so each path extends the parent's path.
    """
    by_id = {team.pk: team for team, _ in teams}
    paths: dict[int, list[Team]] = {}
    for team, _ in teams:
        parent = by_id.get(team.parent_id) if team.parent_id is not None else None
        paths[team.pk] = [*paths.get(parent.pk, []), parent] if parent is not None else []
    return paths


def build_tree(
    rows: list[ObjectiveRow],
    *,
    teams: list[tuple[Team, int]],
    open_depth: int = OPEN_DEPTH,
    small_tree: int = SMALL_TREE,
) -> tuple[list[TreeObjective], list[TreeObjective]]:
    """Hang every objective under the key result it serves; return ``(roots, orphans)``.

    ``rows`` come in the order siblings should appear (team-tree order). An objective whose
    parent key result is among the rows goes below it; any other objective is a top-level
    node, in ``orphans`` when it is aligned to nothing although a team sits above its own.
    Alignment cannot loop (services forbid it), but should one slip in, the loop is cut
    rather than followed forever.
    """
    paths = team_paths(teams)
    has_parent_team = {team.pk: team.parent_id is not None for team, _ in teams}
    nodes = [
        TreeObjective(
            row=row,
            key_results=[TreeKeyResult(kr) for kr in row.key_results],
            team_path=paths.get(row.objective.team_id, []),
        )
        for row in rows
    ]
    key_result_nodes = {kr.key_result.pk: kr for node in nodes for kr in node.key_results}
    tops: list[TreeObjective] = []
    for node in nodes:
        parent = key_result_nodes.get(node.objective.parent_key_result_id or 0)
        if parent is not None:
            parent.children.append(node)
        else:
            tops.append(node)
    placed = _place(tops, open_depth=open_depth, small=len(nodes) <= small_tree)
    for node in nodes:
        if id(node) not in placed:  # on an alignment loop: cut it loose at the top
            for kr in key_result_nodes.values():
                if node in kr.children:
                    kr.children.remove(node)
            tops.append(node)
            placed |= _place([node], open_depth=open_depth, small=len(nodes) <= small_tree)
    roots: list[TreeObjective] = []
    orphans: list[TreeObjective] = []
    for node in tops:
        objective = node.objective
        node.serves_elsewhere = objective.parent_key_result_id is not None
        node.orphan = not node.serves_elsewhere and has_parent_team.get(objective.team_id, False)
        (orphans if node.orphan else roots).append(node)
    return roots, orphans


def _place(tops: list[TreeObjective], *, open_depth: int, small: bool) -> set[int]:
    """Give every node below ``tops`` its depth and open state; return the ids of nodes seen."""
    seen: set[int] = set()
    stack = [(node, 0) for node in tops]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        node.depth = depth
        node.open = small or depth < open_depth
        stack.extend((child, depth + 1) for kr in node.key_results for child in kr.children)
    return seen


def alignment_tree(
    *, actor: Actor, cycle: Cycle, team: Team | None = None, today: dt.date | None = None
) -> AlignmentTree:
    """The alignment tree of ``cycle``, for ``team`` and the teams below it when given.

    Five queries whatever the size: teams, objectives, the progress board (two) and the key
    results with their latest check-in. Cancelled objectives are left out.
    """
    today = today or clock.today()
    teams = team_tree(actor=actor)
    order = {t.pk: i for i, (t, _) in enumerate(teams)}
    shown_team_ids = team_subtree_ids(teams, team.pk) if team else set(order)
    objectives = (
        Objective.objects.filter(organization=actor.organization, cycle=cycle)
        .exclude(state=Objective.State.CANCELLED)
        .select_related("team", "parent_key_result")
    )
    if team is not None:
        objectives = objectives.filter(team_id__in=shown_team_ids)
    objective_list = sorted(objectives, key=lambda o: (order.get(o.team_id, 0), o.pk))
    board = progress_board(actor=actor, cycle_ids=[cycle.pk], today=today)
    rows = objective_rows(
        actor=actor,
        cycle=cycle,
        objectives=objective_list,
        board=board,
        today=today,
        depth={t.pk: d for t, d in teams},
    )
    roots, orphans = build_tree(rows, teams=teams)
    with_objective = {o.team_id for o in objective_list}
    return AlignmentTree(
        cycle=cycle,
        team=team,
        roots=roots,
        orphans=orphans,
        teams_without_objective=[
            t for t, _ in teams if t.pk in shown_team_ids and t.pk not in with_objective
        ],
        objective_count=len(objective_list),
        teams=teams,
    )
