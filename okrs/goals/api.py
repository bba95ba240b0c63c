"""API: cycles, objectives, key results, check-ins and initiatives of the token's organization."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from ninja import Query, Schema, Status

from okrs.goals import services
from okrs.goals.dashboard import freshness, last_value_at, with_last_value_at
from okrs.goals.models import CheckIn, Cycle, Initiative, KeyResult, Objective
from okrs.goals.schemas import (
    CheckInCreated,
    CheckInIn,
    CheckInPage,
    CycleIn,
    CycleOut,
    CyclePage,
    CyclePatch,
    CycleTransitionIn,
    InitiativeIn,
    InitiativeOut,
    InitiativePage,
    InitiativePatch,
    KeyResultIn,
    KeyResultOut,
    KeyResultPage,
    KeyResultPatch,
    ObjectiveIn,
    ObjectiveOut,
    ObjectivePage,
    ObjectivePatch,
)
from okrs.goals.selectors import (
    ProgressBoard,
    check_ins_for,
    cycles_for,
    initiatives_for,
    key_results_for,
    objectives_for,
    progress_board,
)
from okrs.lib import clock
from okrs.lib.pagination import PageParams, page_of
from okrs.lib.queries import get_or_404
from okrs.lib.routers import ApiRouter
from okrs.lib.schemas import Id
from okrs.metrics.errors import describe
from okrs.metrics.models import MetricDefinition
from okrs.workspace.permissions import Actor, ActorRequest
from okrs.workspace.selectors import member_user, teams_for

router = ApiRouter(tags=["goals"])


# Output -----------------------------------------------------------------------------------------


def cycle_out(cycle: Cycle) -> dict[str, Any]:
    return {
        "id": cycle.pk,
        "name": cycle.name,
        "start": cycle.start,
        "end": cycle.end,
        "status": cycle.status,
        "expected_progress": cycle.expected_progress(),
    }


def objective_out(objective: Objective, board: ProgressBoard) -> dict[str, Any]:
    standing = board.objective(objective.pk)
    return {
        "id": objective.pk,
        "ref": objective.ref,
        "cycle": objective.cycle_id,
        "team": objective.team_id,
        "title": objective.title,
        "description": objective.description,
        "parent_key_result": objective.parent_key_result_id,
        "contributes": objective.contributes,
        "commitment": objective.commitment,
        "state": objective.state,
        "final_score": None if objective.final_score is None else float(objective.final_score),
        "progress": standing.progress,
        "expected_progress": standing.expected_progress,
        "status": standing.status,
        "key_results": board.key_result_ids.get(objective.pk, []),
    }


def key_results_shown(*, actor: Actor) -> QuerySet[KeyResult]:
    """The organization's key results with everything ``key_result_out`` reads, in one query."""
    return with_last_value_at(
        key_results_for(actor=actor).select_related("measured_by__data_source")
    )


def measured_by_out(key_result: KeyResult) -> dict[str, Any] | None:
    """The short form of a key result's metric (loaded with it by ``key_results_shown``)."""
    metric: MetricDefinition | None = getattr(key_result, "measured_by", None)
    if metric is None:
        return None
    source = metric.data_source
    error = None
    if metric.last_error_kind:
        error = describe(metric.last_error_kind, metric.last_error_params)
        error += f" {metric.last_error}" if metric.last_error else ""
    return {
        "data_source": (
            None
            if source is None
            else {"id": source.pk, "ref": source.ref, "name": source.name, "kind": source.kind}
        ),
        "builtin": metric.builtin,
        "schedule": metric.schedule,
        "last_run_at": metric.last_run_at,
        "last_success_at": metric.last_success_at,
        "error_kind": metric.last_error_kind,
        "error": error,
    }


def key_result_out(
    key_result: KeyResult, board: ProgressBoard, *, cadence_days: int, today: dt.date
) -> dict[str, Any]:
    """A key result as the API shows it; ``key_result`` comes from ``key_results_shown``."""
    standing = board.key_result(key_result.pk)
    objective = key_result.objective
    value_at = last_value_at(key_result)
    fresh = freshness(
        last_value_at=value_at, cycle=objective.cycle, cadence_days=cadence_days, today=today
    )
    return {
        "id": key_result.pk,
        "ref": key_result.ref,
        "objective": objective.pk,
        "team": objective.team_id,
        "cycle": objective.cycle_id,
        "title": key_result.title,
        "metric": key_result.metric,
        "unit": key_result.unit,
        "kind": key_result.kind,
        "direction": key_result.direction,
        "baseline": float(key_result.baseline),
        "target": float(key_result.target),
        "current": None if key_result.current is None else float(key_result.current),
        "weight": float(key_result.weight),
        "owner": key_result.owner.get_username() if key_result.owner else None,
        "deadline": key_result.deadline,
        "chance_of_success": (
            None if key_result.chance_of_success is None else float(key_result.chance_of_success)
        ),
        "progress": standing.progress,
        "expected_progress": standing.expected_progress,
        "status": standing.status,
        "updated_at": key_result.updated_at,
        "last_value_at": value_at,
        "stale": fresh.stale,
        "measured_by": measured_by_out(key_result),
    }


def key_results_out(actor: Actor, key_results: list[KeyResult]) -> list[dict[str, Any]]:
    """Several key results of ``key_results_shown``, with one progress board for all of them."""
    today = clock.today()
    board = progress_board(
        actor=actor, cycle_ids={kr.objective.cycle_id for kr in key_results}, today=today
    )
    cadence = actor.organization.check_in_cadence_days
    return [key_result_out(kr, board, cadence_days=cadence, today=today) for kr in key_results]


def check_in_out(check_in: CheckIn) -> dict[str, Any]:
    return {
        "id": check_in.pk,
        "key_result": check_in.key_result_id,
        "value": float(check_in.value),
        "confidence": check_in.confidence,
        "note": check_in.note,
        "author": check_in.author.get_username() if check_in.author else None,
        "source": check_in.source,
        "created_at": check_in.created_at,
        "provenance": check_in.provenance or None,
    }


def initiative_out(initiative: Initiative) -> dict[str, Any]:
    return {
        "id": initiative.pk,
        "ref": initiative.ref,
        "key_result": initiative.key_result_id,
        "title": initiative.title,
        "status": initiative.status,
        "link": initiative.link,
    }


def one_key_result(actor: Actor, key_result_id: int) -> dict[str, Any]:
    """One key result of the actor's organization as the API shows it (NotFound otherwise)."""
    return key_results_out(actor, [get_or_404(key_results_shown(actor=actor), key_result_id)])[0]


def _one_objective(actor: Actor, objective_id: int) -> dict[str, Any]:
    objective = get_or_404(objectives_for(actor=actor), objective_id)
    board = progress_board(actor=actor, cycle_ids=[objective.cycle_id])
    return objective_out(objective, board)


# Text that may be empty is stored as "", never NULL: a null in a PATCH clears it.
BLANK_TEXT_FIELDS = frozenset({"description", "metric", "unit", "link"})


def _blank_for_null(changes: dict[str, Any]) -> dict[str, Any]:
    return {k: "" if v is None and k in BLANK_TEXT_FIELDS else v for k, v in changes.items()}


def _owner(actor: Actor, changes: dict[str, Any]) -> None:
    if changes.get("owner") is not None:
        changes["owner"] = member_user(actor=actor, user_id=changes["owner"])


# Cycles -----------------------------------------------------------------------------------------


@router.get("/cycles", response=CyclePage)
def cycle_list(request: ActorRequest, page: Query[PageParams]) -> dict[str, Any]:
    rows, envelope = page_of(cycles_for(actor=request.auth).order_by("-start", "id"), page)
    return {**envelope, "items": [cycle_out(c) for c in rows]}


@router.get("/cycles/{cycle_id}", response=CycleOut)
def cycle_detail(request: ActorRequest, cycle_id: int) -> dict[str, Any]:
    return cycle_out(get_or_404(cycles_for(actor=request.auth), cycle_id))


@router.post("/cycles", response={201: CycleOut})
def cycle_create(request: ActorRequest, payload: CycleIn) -> Status[dict[str, Any]]:
    cycle = services.cycle_create(actor=request.auth, **payload.model_dump())
    return Status(201, cycle_out(cycle))


@router.patch("/cycles/{cycle_id}", response=CycleOut)
def cycle_update(request: ActorRequest, cycle_id: int, payload: CyclePatch) -> dict[str, Any]:
    actor = request.auth
    cycle = get_or_404(cycles_for(actor=actor), cycle_id)
    return cycle_out(
        services.cycle_update(actor=actor, cycle=cycle, **payload.model_dump(exclude_unset=True))
    )


@router.post(
    "/cycles/{cycle_id}/transition", response=CycleOut, summary="Move a cycle to another status"
)
def cycle_transition(
    request: ActorRequest, cycle_id: int, payload: CycleTransitionIn
) -> dict[str, Any]:
    actor = request.auth
    cycle = get_or_404(cycles_for(actor=actor), cycle_id)
    return cycle_out(services.cycle_transition(actor=actor, cycle=cycle, status=payload.status))


@router.delete("/cycles/{cycle_id}", response={204: None})
def cycle_delete(request: ActorRequest, cycle_id: int) -> Status[None]:
    actor = request.auth
    services.cycle_delete(actor=actor, cycle=get_or_404(cycles_for(actor=actor), cycle_id))
    return Status(204, None)


# Objectives -------------------------------------------------------------------------------------


class ObjectiveFilter(Schema):
    cycle: Id | None = None
    team: Id | None = None


@router.get("/objectives", response=ObjectivePage)
def objective_list(
    request: ActorRequest, page: Query[PageParams], filters: Query[ObjectiveFilter]
) -> dict[str, Any]:
    actor = request.auth
    queryset = objectives_for(actor=actor).order_by("cycle__start", "team__name", "id")
    if filters.cycle is not None:
        queryset = queryset.filter(cycle_id=filters.cycle)
    if filters.team is not None:
        queryset = queryset.filter(team_id=filters.team)
    rows, envelope = page_of(queryset, page)
    board = progress_board(actor=actor, cycle_ids={o.cycle_id for o in rows})
    return {**envelope, "items": [objective_out(o, board) for o in rows]}


@router.get("/objectives/{objective_id}", response=ObjectiveOut)
def objective_detail(request: ActorRequest, objective_id: int) -> dict[str, Any]:
    return _one_objective(request.auth, objective_id)


def _objective_refs(actor: Actor, changes: dict[str, Any]) -> dict[str, Any]:
    if "cycle" in changes:
        changes["cycle"] = get_or_404(cycles_for(actor=actor), changes["cycle"])
    if "team" in changes:
        changes["team"] = get_or_404(teams_for(actor=actor), changes["team"])
    if changes.get("parent_key_result") is not None:
        changes["parent_key_result"] = get_or_404(
            key_results_for(actor=actor), changes["parent_key_result"]
        )
    return changes


@router.post("/objectives", response={201: ObjectiveOut})
def objective_create(request: ActorRequest, payload: ObjectiveIn) -> Status[dict[str, Any]]:
    actor = request.auth
    objective = services.objective_create(
        actor=actor, **_objective_refs(actor, payload.model_dump())
    )
    return Status(201, _one_objective(actor, objective.pk))


@router.patch("/objectives/{objective_id}", response=ObjectiveOut)
def objective_update(
    request: ActorRequest, objective_id: int, payload: ObjectivePatch
) -> dict[str, Any]:
    actor = request.auth
    objective = get_or_404(objectives_for(actor=actor), objective_id)
    changes = _objective_refs(actor, _blank_for_null(payload.model_dump(exclude_unset=True)))
    services.objective_update(actor=actor, objective=objective, **changes)
    return _one_objective(actor, objective.pk)


@router.delete("/objectives/{objective_id}", response={204: None})
def objective_delete(request: ActorRequest, objective_id: int) -> Status[None]:
    actor = request.auth
    services.objective_delete(
        actor=actor, objective=get_or_404(objectives_for(actor=actor), objective_id)
    )
    return Status(204, None)


# Key results ------------------------------------------------------------------------------------


class KeyResultFilter(Schema):
    objective: Id | None = None
    cycle: Id | None = None
    team: Id | None = None


@router.get("/key-results", response=KeyResultPage)
def key_result_list(
    request: ActorRequest, page: Query[PageParams], filters: Query[KeyResultFilter]
) -> dict[str, Any]:
    actor = request.auth
    queryset = key_results_shown(actor=actor).order_by("objective_id", "position", "id")
    if filters.objective is not None:
        queryset = queryset.filter(objective_id=filters.objective)
    if filters.cycle is not None:
        queryset = queryset.filter(objective__cycle_id=filters.cycle)
    if filters.team is not None:
        queryset = queryset.filter(objective__team_id=filters.team)
    rows, envelope = page_of(queryset, page)
    return {**envelope, "items": key_results_out(actor, rows)}


@router.get("/key-results/{key_result_id}", response=KeyResultOut)
def key_result_detail(request: ActorRequest, key_result_id: int) -> dict[str, Any]:
    return one_key_result(request.auth, key_result_id)


@router.post("/key-results", response={201: KeyResultOut})
def key_result_create(request: ActorRequest, payload: KeyResultIn) -> Status[dict[str, Any]]:
    actor = request.auth
    fields = payload.model_dump()
    objective = get_or_404(objectives_for(actor=actor), fields.pop("objective"))
    _owner(actor, fields)
    key_result = services.key_result_create(actor=actor, objective=objective, **fields)
    return Status(201, one_key_result(actor, key_result.pk))


@router.patch("/key-results/{key_result_id}", response=KeyResultOut)
def key_result_update(
    request: ActorRequest, key_result_id: int, payload: KeyResultPatch
) -> dict[str, Any]:
    actor = request.auth
    key_result = get_or_404(key_results_for(actor=actor), key_result_id)
    changes = _blank_for_null(payload.model_dump(exclude_unset=True))
    _owner(actor, changes)
    services.key_result_update(actor=actor, key_result=key_result, **changes)
    return one_key_result(actor, key_result.pk)


@router.delete("/key-results/{key_result_id}", response={204: None})
def key_result_delete(request: ActorRequest, key_result_id: int) -> Status[None]:
    actor = request.auth
    services.key_result_delete(
        actor=actor, key_result=get_or_404(key_results_for(actor=actor), key_result_id)
    )
    return Status(204, None)


# Check-ins --------------------------------------------------------------------------------------


@router.get("/key-results/{key_result_id}/check-ins", response=CheckInPage)
def check_in_list(
    request: ActorRequest, key_result_id: int, page: Query[PageParams]
) -> dict[str, Any]:
    actor = request.auth
    key_result = get_or_404(key_results_for(actor=actor), key_result_id)
    queryset = (
        check_ins_for(actor=actor).filter(key_result=key_result).order_by("-created_at", "-id")
    )
    rows, envelope = page_of(queryset, page)
    return {**envelope, "items": [check_in_out(c) for c in rows]}


@router.post(
    "/key-results/{key_result_id}/check-ins",
    response={201: CheckInCreated},
    summary="Record a new value (idempotent with an Idempotency-Key header or field)",
)
def check_in_create(
    request: ActorRequest, key_result_id: int, payload: CheckInIn
) -> Status[dict[str, Any]]:
    actor = request.auth
    key_result = get_or_404(key_results_for(actor=actor), key_result_id)
    check_in = services.key_result_check_in(
        actor=actor,
        key_result=key_result,
        value=payload.value,
        confidence=payload.confidence,
        note=payload.note,
        chance_of_success=payload.chance_of_success,
        at=payload.at,
        source=CheckIn.Source.API,
        idempotency_key=payload.idempotency_key or request.headers.get("Idempotency-Key") or None,
    )
    check_in = check_ins_for(actor=actor).get(pk=check_in.pk)
    body = {"check_in": check_in_out(check_in), "key_result": one_key_result(actor, key_result.pk)}
    return Status(201, body)


@router.delete("/check-ins/{check_in_id}", response={204: None})
def check_in_delete(request: ActorRequest, check_in_id: int) -> Status[None]:
    actor = request.auth
    services.check_in_delete(
        actor=actor, check_in=get_or_404(check_ins_for(actor=actor), check_in_id)
    )
    return Status(204, None)


# Initiatives ------------------------------------------------------------------------------------


@router.get("/key-results/{key_result_id}/initiatives", response=InitiativePage)
def initiative_list(
    request: ActorRequest, key_result_id: int, page: Query[PageParams]
) -> dict[str, Any]:
    actor = request.auth
    key_result = get_or_404(key_results_for(actor=actor), key_result_id)
    queryset = initiatives_for(actor=actor).filter(key_result=key_result).order_by("id")
    rows, envelope = page_of(queryset, page)
    return {**envelope, "items": [initiative_out(i) for i in rows]}


@router.post("/key-results/{key_result_id}/initiatives", response={201: InitiativeOut})
def initiative_create(
    request: ActorRequest, key_result_id: int, payload: InitiativeIn
) -> Status[dict[str, Any]]:
    actor = request.auth
    key_result = get_or_404(key_results_for(actor=actor), key_result_id)
    fields = payload.model_dump(mode="json")
    initiative = services.initiative_create(actor=actor, key_result=key_result, **fields)
    return Status(201, initiative_out(initiative))


@router.patch("/initiatives/{initiative_id}", response=InitiativeOut)
def initiative_update(
    request: ActorRequest, initiative_id: int, payload: InitiativePatch
) -> dict[str, Any]:
    actor = request.auth
    initiative = get_or_404(
        initiatives_for(actor=actor).select_related("key_result__objective"), initiative_id
    )
    changes = _blank_for_null(payload.model_dump(mode="json", exclude_unset=True))
    return initiative_out(services.initiative_update(actor=actor, initiative=initiative, **changes))


@router.delete("/initiatives/{initiative_id}", response={204: None})
def initiative_delete(request: ActorRequest, initiative_id: int) -> Status[None]:
    actor = request.auth
    initiative = get_or_404(
        initiatives_for(actor=actor).select_related("key_result__objective"), initiative_id
    )
    services.initiative_delete(actor=actor, initiative=initiative)
    return Status(204, None)
