"""Reads of cycles, objectives and key results, scoped to the actor's organization.

Progress is derived, never stored: ``progress_board`` loads every objective and key result of
the cycles involved in two queries and computes progress, pace and status in pure Python, so a
list of any length costs the same number of queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from okrs.goals import progress as maths
from okrs.goals.models import CheckIn, Cycle, Initiative, KeyResult, Objective
from okrs.lib import clock
from okrs.workspace.permissions import Actor


def cycles_for(*, actor: Actor) -> QuerySet[Cycle]:
    return Cycle.objects.filter(organization=actor.organization)


def objectives_for(*, actor: Actor) -> QuerySet[Objective]:
    return Objective.objects.filter(organization=actor.organization).select_related(
        "team", "cycle", "parent_key_result"
    )


def key_results_for(*, actor: Actor) -> QuerySet[KeyResult]:
    return KeyResult.objects.filter(organization=actor.organization).select_related(
        "objective__team", "objective__cycle", "owner"
    )


def check_ins_for(*, actor: Actor) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(organization=actor.organization).select_related("author")


def initiatives_for(*, actor: Actor) -> QuerySet[Initiative]:
    return Initiative.objects.filter(organization=actor.organization)


@dataclass(frozen=True)
class Standing:
    """Where one key result or objective stands today."""

    progress: float | None
    expected_progress: float
    status: maths.Status | None


@dataclass(frozen=True)
class ProgressBoard:
    """Progress, pace and status of every key result and objective of some cycles."""

    key_results: dict[int, Standing]
    objectives: dict[int, Standing]
    key_result_ids: dict[int, list[int]]  # objective id -> its key result ids, in order

    def key_result(self, key_result_id: int) -> Standing:
        return self.key_results[key_result_id]

    def objective(self, objective_id: int) -> Standing:
        return self.objectives[objective_id]


def progress_board(
    *, actor: Actor, cycle_ids: Iterable[int], today: dt.date | None = None
) -> ProgressBoard:
    """Compute the standing of everything in ``cycle_ids`` (two queries whatever their size)."""
    today = today or clock.today()
    ids = set(cycle_ids)
    objective_rows = list(
        Objective.objects.filter(organization=actor.organization, cycle_id__in=ids).values_list(
            "id", "parent_key_result_id", "contributes", "state", "cycle__start", "cycle__end"
        )
    )
    kr_rows = list(
        KeyResult.objects.filter(
            organization=actor.organization, objective__cycle_id__in=ids
        ).values_list(
            "id",
            "objective_id",
            "kind",
            "direction",
            "baseline",
            "target",
            "current",
            "weight",
            "deadline",
            "chance_of_success",
        )
    )
    # Only an active objective feeds its parent: a draft is not agreed yet, a cancelled one is over.
    rolled = maths.rollup(
        (
            maths.ObjectiveNode(
                id=o[0],
                parent_key_result_id=o[1],
                contributes=o[2] and o[3] == Objective.State.ACTIVE,
            )
            for o in objective_rows
        ),
        (
            maths.KeyResultNode(
                id=k[0],
                objective_id=k[1],
                kind=k[2],
                direction=k[3],
                baseline=float(k[4]),
                target=float(k[5]),
                current=None if k[6] is None else float(k[6]),
                weight=float(k[7]),
            )
            for k in kr_rows
        ),
    )
    cycle_dates = {o[0]: (o[4], o[5]) for o in objective_rows}
    objectives = {}
    for objective_id, (start, end) in cycle_dates.items():
        expected = maths.expected_progress(start=start, end=end, today=today)
        value = rolled.objectives.get(objective_id)
        status = None if value is None else maths.progress_status(progress=value, expected=expected)
        objectives[objective_id] = Standing(value, expected, status)
    key_results = {}
    for kr_id, objective_id, kind, *_, deadline, chance in kr_rows:
        start, end = cycle_dates[objective_id]
        due = min(deadline, end) if deadline and deadline >= start else end
        expected = maths.expected_progress(start=start, end=due, today=today)
        value = rolled.key_results[kr_id]
        status = maths.progress_status(
            progress=value,
            expected=expected,
            kind=kind,
            chance_of_success=None if chance is None else float(chance),
        )
        key_results[kr_id] = Standing(value, expected, status)
    key_result_ids: dict[int, list[int]] = {objective_id: [] for objective_id in cycle_dates}
    for row in kr_rows:
        key_result_ids[row[1]].append(row[0])
    return ProgressBoard(
        key_results=key_results, objectives=objectives, key_result_ids=key_result_ids
    )


def latest_check_in(*, key_result: KeyResult) -> CheckIn | None:
    return key_result.check_ins.order_by("-created_at", "-id").first()
