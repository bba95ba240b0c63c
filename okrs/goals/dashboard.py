"""The cycle dashboard: one screen that answers "where are we and what needs attention".

Everything is loaded in a fixed number of queries, whatever the number of teams, objectives and
check-ins: objectives, key results with their latest check-in, the progress board, the teams.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from okrs.goals.models import CheckIn, Cycle, KeyResult, Objective
from okrs.goals.progress import Status
from okrs.goals.selectors import ProgressBoard, Standing, progress_board
from okrs.lib import clock
from okrs.workspace.models import Team
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import team_subtree_ids, team_tree

DUE_WINDOW_DAYS = 7


@dataclass(frozen=True)
class KeyResultRow:
    """A key result as a page shows it: its standing and when it was last measured.

    ``last_value_at`` is when its latest value was last known to be true: the newest check-in,
    or a later sync that measured the same value again (see ``last_value_at``).
    """

    key_result: KeyResult
    standing: Standing
    last_check_in_at: dt.datetime | None
    confidence: int | None
    next_due: dt.date
    stale: bool
    last_value_at: dt.datetime | None = None


@dataclass(frozen=True)
class Freshness:
    """When a key result's next value is due, and whether it is overdue (stale)."""

    next_due: dt.date
    stale: bool


@dataclass(frozen=True)
class ObjectiveRow:
    objective: Objective
    standing: Standing
    key_results: list[KeyResultRow]
    depth: int = 0


@dataclass(frozen=True)
class Dashboard:
    cycle: Cycle
    team: Team | None
    company: list[ObjectiveRow]
    teams: list[ObjectiveRow]
    off_track: list[KeyResultRow]
    stale: list[KeyResultRow]
    due_soon: list[KeyResultRow]
    aligned: int
    alignable: int
    tree: list[tuple[Team, int]] = field(default_factory=list)

    @property
    def aligned_share(self) -> float | None:
        """Share of objectives below the company level that serve a key result above them."""
        return None if self.alignable == 0 else self.aligned / self.alignable


def active_cycle(cycles: list[Cycle]) -> Cycle | None:
    """The cycle people work in now: the active one, else the one in review, else planning."""
    for status in (Cycle.Status.ACTIVE, Cycle.Status.REVIEW, Cycle.Status.PLANNING):
        found = [c for c in cycles if c.status == status]
        if found:
            return max(found, key=lambda c: c.start)
    return max(cycles, key=lambda c: c.start, default=None)


def with_latest_check_in(key_results: QuerySet[KeyResult]) -> QuerySet[KeyResult]:
    """Annotate each key result with ``last_check_in_at``, ``last_confidence`` and
    ``last_value_at`` (see ``with_last_value_at``), all in the same query."""
    latest = CheckIn.objects.filter(key_result=OuterRef("pk")).order_by("-created_at", "-id")
    return with_last_value_at(
        key_results.annotate(last_confidence=Subquery(latest.values("confidence")[:1]))
    )


def with_last_value_at(key_results: QuerySet[KeyResult]) -> QuerySet[KeyResult]:
    """Annotate ``last_check_in_at`` and ``last_value_at`` (same query, no GROUP BY).

    ``last_value_at`` is the newer of the last check-in and the last successful run of the key
    result's metric: a sync that measures an unchanged value writes no check-in, yet it proves
    the value is still current. Subqueries rather than ``Max`` over a join keep the query free
    of GROUP BY, so callers may still ``select_related`` what they show.
    """
    latest = CheckIn.objects.filter(key_result=OuterRef("pk")).order_by("-created_at", "-id")
    key_results = key_results.annotate(last_check_in_at=Subquery(latest.values("created_at")[:1]))
    check_in, synced = F("last_check_in_at"), F("measured_by__last_success_at")
    # Greatest is NULL on SQLite as soon as one side is; each Coalesce falls back to the other.
    return key_results.annotate(
        last_value_at=Greatest(Coalesce(check_in, synced), Coalesce(synced, check_in))
    )


def key_results_with_latest(*, actor: Actor, objective_ids: list[int]) -> list[KeyResult]:
    """Key results of some objectives, annotated by ``with_latest_check_in``."""
    key_results = KeyResult.objects.filter(
        organization=actor.organization, objective_id__in=objective_ids
    ).select_related("owner", "measured_by")  # the error badge of failing metrics
    return list(with_latest_check_in(key_results).order_by("objective_id", "position", "id"))


def last_value_at(key_result: KeyResult) -> dt.datetime | None:
    """When ``key_result``'s latest value was last known to be true (None: never measured).

    The ``last_value_at`` annotation when the key result comes from ``with_last_value_at``;
    otherwise the newer of ``last_check_in_at`` (as annotated or set by the caller) and its
    metric's last success, if the metric was loaded with it (never a query of its own).
    """
    if hasattr(key_result, "last_value_at"):
        return key_result.last_value_at
    times = [getattr(key_result, "last_check_in_at", None)]
    if KeyResult.measured_by.is_cached(key_result):
        metric = getattr(key_result, "measured_by", None)
        times.append(metric.last_success_at if metric is not None else None)
    return max((t for t in times if t is not None), default=None)


def freshness(
    *, last_value_at: dt.datetime | None, cycle: Cycle, cadence_days: int, today: dt.date
) -> Freshness:
    """Due a new value ``cadence_days`` after the last one (or the cycle's start); stale when
    that day has passed while the cycle runs. Pages and the API share this one rule."""
    measured_on = timezone.localdate(last_value_at) if last_value_at else cycle.start
    next_due = max(measured_on, cycle.start) + dt.timedelta(days=cadence_days)
    running = cycle.status == Cycle.Status.ACTIVE and cycle.start <= today <= cycle.end
    return Freshness(next_due=next_due, stale=running and next_due < today)


def key_result_row(
    key_result: KeyResult, board: ProgressBoard, cycle: Cycle, cadence_days: int, today: dt.date
) -> KeyResultRow:
    """Standing plus freshness: stale when no value came within the cadence while the cycle runs."""
    value_at = last_value_at(key_result)
    fresh = freshness(last_value_at=value_at, cycle=cycle, cadence_days=cadence_days, today=today)
    return KeyResultRow(
        key_result=key_result,
        standing=board.key_result(key_result.pk),
        last_check_in_at=getattr(key_result, "last_check_in_at", None),
        confidence=getattr(key_result, "last_confidence", None),
        next_due=fresh.next_due,
        stale=fresh.stale,
        last_value_at=value_at,
    )


def cycle_dashboard(
    *, actor: Actor, cycle: Cycle, team: Team | None = None, today: dt.date | None = None
) -> Dashboard:
    """Everything the dashboard shows for ``cycle``, optionally for ``team`` and the teams below."""
    today = today or clock.today()
    tree = team_tree(actor=actor)
    depth = {t.pk: d for t, d in tree}
    order = {t.pk: i for i, (t, _) in enumerate(tree)}
    objectives = Objective.objects.filter(organization=actor.organization, cycle=cycle).exclude(
        state=Objective.State.CANCELLED
    )
    if team is not None:
        objectives = objectives.filter(team_id__in=team_subtree_ids(tree, team.pk))
    objective_list = sorted(
        objectives.select_related("team", "parent_key_result"),
        key=lambda o: (order.get(o.team_id, 0), o.pk),
    )
    board = progress_board(actor=actor, cycle_ids=[cycle.pk], today=today)
    cadence = actor.organization.check_in_cadence_days
    rows_by_objective: dict[int, list[KeyResultRow]] = {o.pk: [] for o in objective_list}
    for key_result in key_results_with_latest(actor=actor, objective_ids=list(rows_by_objective)):
        rows_by_objective[key_result.objective_id].append(
            key_result_row(key_result, board, cycle, cadence, today)
        )
    company: list[ObjectiveRow] = []
    teams: list[ObjectiveRow] = []
    for objective in objective_list:
        row = ObjectiveRow(
            objective,
            board.objective(objective.pk),
            rows_by_objective[objective.pk],
            depth.get(objective.team_id, 0),
        )
        (company if objective.team.kind == Team.Kind.COMPANY else teams).append(row)
    all_rows = [kr for rows in rows_by_objective.values() for kr in rows]
    due_until = today + dt.timedelta(days=DUE_WINDOW_DAYS)
    return Dashboard(
        cycle=cycle,
        team=team,
        company=company,
        teams=teams,
        off_track=[r for r in all_rows if r.standing.status == Status.OFF_TRACK],
        stale=[r for r in all_rows if r.stale],
        due_soon=[r for r in all_rows if not r.stale and r.next_due <= due_until]
        if cycle.status == Cycle.Status.ACTIVE
        else [],
        aligned=sum(1 for row in teams if row.objective.parent_key_result_id is not None),
        alignable=len(teams),
        tree=tree,
    )
