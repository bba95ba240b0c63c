"""Objectives and key results as pages show them, loaded in a fixed number of queries.

The tree and the team page share these loaders: objective rows with their key-result rows
(one query for the key results, the standings come from an already computed progress board),
and the check-in history behind each key result's trend line (one query for all of them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from okrs.goals.dashboard import (
    KeyResultRow,
    ObjectiveRow,
    key_result_row,
    key_results_with_latest,
    with_latest_check_in,
)
from okrs.goals.models import CheckIn, Cycle, KeyResult, Objective
from okrs.goals.selectors import ProgressBoard, key_results_for, progress_board
from okrs.goals.sparkline import Sparkline, sparkline
from okrs.lib import clock
from okrs.lib.errors import NotFound
from okrs.workspace.permissions import Actor

TrendPoints = list[tuple[float, float]]  # (POSIX time, value), oldest first


def objective_rows(
    *,
    actor: Actor,
    cycle: Cycle,
    objectives: Iterable[Objective],
    board: ProgressBoard,
    today: dt.date,
    depth: dict[int, int] | None = None,
) -> list[ObjectiveRow]:
    """Rows for already loaded ``objectives`` of ``cycle``, in the order given.

    One query: the key results of every objective at once, with their latest check-in.
    ``depth`` maps a team id to its depth in the team tree, for pages that indent by it.
    """
    objective_list = list(objectives)
    if not objective_list:
        return []
    cadence = actor.organization.check_in_cadence_days
    rows_by_objective: dict[int, list[KeyResultRow]] = {o.pk: [] for o in objective_list}
    for key_result in key_results_with_latest(actor=actor, objective_ids=list(rows_by_objective)):
        rows_by_objective[key_result.objective_id].append(
            key_result_row(key_result, board, cycle, cadence, today)
        )
    depth = depth or {}
    return [
        ObjectiveRow(
            objective,
            board.objective(objective.pk),
            rows_by_objective[objective.pk],
            depth.get(objective.team_id, 0),
        )
        for objective in objective_list
    ]


def key_result_trends(*, actor: Actor, key_result_ids: Iterable[int]) -> dict[int, TrendPoints]:
    """The check-in history of several key results, oldest first, in one query."""
    trends: dict[int, TrendPoints] = {}
    history = (
        CheckIn.objects.filter(organization=actor.organization, key_result_id__in=key_result_ids)
        .order_by("key_result_id", "created_at", "id")
        .values_list("key_result_id", "created_at", "value")
    )
    for key_result_id, created_at, value in history:
        trends.setdefault(key_result_id, []).append((created_at.timestamp(), float(value)))
    return trends


def trend_line(key_result: KeyResult, points: TrendPoints | None) -> Sparkline | None:
    """The sparkline of one key result, drawn against its baseline and target."""
    if not points:
        return None
    return sparkline(points, target=float(key_result.target), baseline=float(key_result.baseline))


def may_check_in(actor: Actor, *, team_id: int, cycle: Cycle) -> bool:
    """Whether to offer "Check in": the team's people, Product Ops and admins; a closed cycle is final."""
    return actor.can_edit_key_results_of(team_id) and cycle.status != Cycle.Status.CLOSED


def key_result_row_context(
    *, actor: Actor, key_result_id: int, today: dt.date | None = None
) -> dict[str, Any]:
    """Everything ``goals/partials/key_result_row.html`` needs to render one key result alone.

    For a response that refreshes one row (after a check-in, say): ``row`` (a KeyResultRow),
    ``trend`` (a Sparkline or None) and ``can_check_in``. Five queries; NotFound for a key
    result of another organization.
    """
    today = today or clock.today()
    key_result = with_latest_check_in(key_results_for(actor=actor).filter(pk=key_result_id)).first()
    if key_result is None:
        raise NotFound()
    cycle = key_result.objective.cycle
    board = progress_board(actor=actor, cycle_ids=[cycle.pk], today=today)
    cadence = actor.organization.check_in_cadence_days
    points = key_result_trends(actor=actor, key_result_ids=[key_result.pk]).get(key_result.pk)
    return {
        "row": key_result_row(key_result, board, cycle, cadence, today),
        "trend": trend_line(key_result, points),
        "can_check_in": may_check_in(actor, team_id=key_result.objective.team_id, cycle=cycle),
    }
