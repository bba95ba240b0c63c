"""API: data sources, the metric of a key result, measurability checks and "sync now".

Every member reads data sources (name, kind, the URL with its password hidden, the path) so a
key result's source can be named anywhere; Product Ops and admins write them (the services say
so). Checks and syncs run queries, so they are for those who may edit the key result's team's
key results, never for viewers.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Status
from ninja.errors import HttpError

from okrs.goals.api import one_key_result
from okrs.goals.models import KeyResult
from okrs.goals.selectors import cycles_for, key_results_for
from okrs.lib.pagination import PageParams, page_of
from okrs.lib.queries import get_or_404
from okrs.lib.routers import ApiRouter
from okrs.metrics import services
from okrs.metrics.connectors import redacted_url
from okrs.metrics.errors import describe
from okrs.metrics.measurability import (
    CheckResult,
    MeasurabilityRow,
    MetricDraft,
    check_result,
    cycle_measurability,
    metric_check,
)
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.metrics.schemas import (
    CheckOut,
    DataSourceIn,
    DataSourceOut,
    DataSourcePage,
    DataSourcePatch,
    DataSourceRef,
    MeasurabilityOut,
    MetricDraftIn,
    MetricIn,
    MetricOut,
    SyncOut,
)
from okrs.metrics.selectors import data_sources_for, metric_of
from okrs.workspace.permissions import Actor, ActorRequest

router = ApiRouter(tags=["metrics"])


# Output -----------------------------------------------------------------------------------------


def data_source_out(data_source: DataSource) -> dict[str, Any]:
    """A data source as anyone may see it: never the password, ``${NAME}`` as written."""
    return {
        "id": data_source.pk,
        "ref": data_source.ref,
        "name": data_source.name,
        "kind": data_source.kind,
        "url": redacted_url(data_source.url),
        "path": data_source.path,
        "timeout_seconds": data_source.timeout_seconds,
        "row_limit": data_source.row_limit,
        "max_concurrency": data_source.max_concurrency,
        "metric_count": getattr(data_source, "metric_count", 0),
        "created_at": data_source.created_at,
        "updated_at": data_source.updated_at,
    }


def metric_out(metric: MetricDefinition) -> dict[str, Any]:
    """A key result's metric with how its last runs went (``data_source`` loaded with it)."""
    source = metric.data_source
    return {
        "key_result": metric.key_result_id,
        "data_source": (
            None
            if source is None
            else {"id": source.pk, "ref": source.ref, "name": source.name, "kind": source.kind}
        ),
        "query": metric.query,
        "builtin": metric.builtin,
        "schedule": metric.schedule,
        "next_run_at": metric.next_run_at,
        "last_run_at": metric.last_run_at,
        "last_success_at": metric.last_success_at,
        "last_value": None if metric.last_value is None else float(metric.last_value),
        "last_duration_ms": metric.last_duration_ms,
        "last_row_count": metric.last_row_count,
        "failures": metric.failures,
        "error_kind": metric.last_error_kind,
        "error": (
            describe(metric.last_error_kind, metric.last_error_params)
            if metric.last_error_kind
            else None
        ),
        "error_detail": metric.last_error,
    }


def check_out(row: CheckResult) -> dict[str, Any]:
    """A ``CheckResult`` as JSON."""
    return {
        "ok": row.ok,
        "value": None if row.value is None else float(row.value),
        "history_points": row.history_points,
        "duration_ms": row.duration_ms,
        "row_count": row.row_count,
        "ran_at": row.ran_at,
        "data_source": row.source,
        "fingerprint": row.fingerprint,
        "error_kind": row.error_kind,
        "error": row.error,
        "detail": row.detail,
    }


def measurability_row_out(row: MeasurabilityRow) -> dict[str, Any]:
    key_result = row.key_result
    team = key_result.objective.team
    check = row.check
    return {
        "key_result": {
            "id": key_result.pk,
            "ref": key_result.ref,
            "title": key_result.title,
            "objective": key_result.objective_id,
            "team": team.pk,
            "team_name": team.name,
        },
        "measurable": row.measurable,
        "has_check_ins": row.has_check_ins,
        "metric": None if row.metric is None else metric_out(row.metric),
        "check": None if check is None else check_out(check),
    }


def _data_source_ref(actor: Actor, ref: DataSourceRef | None) -> DataSource | None:
    """The data source a body names by id or ref; NotFound for another organization's."""
    if ref is None:
        return None
    sources = data_sources_for(actor=actor)
    if isinstance(ref, int):
        return get_or_404(sources, ref)
    found = sources.filter(ref=ref).first()
    if found is None:
        raise ValidationError(
            {
                "data_source": _(
                    "There is no data source with the ref '%(ref)s'. GET /api/v1/data-sources"
                    " lists them."
                )
                % {"ref": ref}
            }
        )
    return found


def _metric_or_404(actor: Actor, key_result: KeyResult) -> MetricDefinition:
    metric = metric_of(actor=actor, key_result_id=key_result.pk)
    if metric is None:
        raise HttpError(
            404,
            _(
                "This key result is not measured by a data source or a built-in metric. PUT"
                " /api/v1/key-results/%(id)s/metric binds one."
            )
            % {"id": key_result.pk},
        )
    return metric


# Data sources -----------------------------------------------------------------------------------


@router.get("/data-sources", response=DataSourcePage)
def data_source_list(request: ActorRequest, page: Query[PageParams]) -> dict[str, Any]:
    rows, envelope = page_of(data_sources_for(actor=request.auth).order_by("ref", "id"), page)
    return {**envelope, "items": [data_source_out(s) for s in rows]}


@router.get("/data-sources/{data_source_id}", response=DataSourceOut)
def data_source_detail(request: ActorRequest, data_source_id: int) -> dict[str, Any]:
    return data_source_out(get_or_404(data_sources_for(actor=request.auth), data_source_id))


@router.post("/data-sources", response={201: DataSourceOut})
def data_source_create(request: ActorRequest, payload: DataSourceIn) -> Status[dict[str, Any]]:
    actor = request.auth
    created = services.data_source_create(actor=actor, **payload.model_dump())
    return Status(201, data_source_out(get_or_404(data_sources_for(actor=actor), created.pk)))


@router.patch("/data-sources/{data_source_id}", response=DataSourceOut)
def data_source_update(
    request: ActorRequest, data_source_id: int, payload: DataSourcePatch
) -> dict[str, Any]:
    actor = request.auth
    data_source = get_or_404(data_sources_for(actor=actor), data_source_id)
    changes = {k: "" if v is None else v for k, v in payload.model_dump(exclude_unset=True).items()}
    services.data_source_update(actor=actor, data_source=data_source, **changes)
    return data_source_out(get_or_404(data_sources_for(actor=actor), data_source.pk))


@router.delete("/data-sources/{data_source_id}", response={204: None})
def data_source_delete(request: ActorRequest, data_source_id: int) -> Status[None]:
    actor = request.auth
    services.data_source_delete(
        actor=actor, data_source=get_or_404(data_sources_for(actor=actor), data_source_id)
    )
    return Status(204, None)


# The metric of a key result ---------------------------------------------------------------------


@router.get("/key-results/{key_result_id}/metric", response=MetricOut)
def metric_detail(request: ActorRequest, key_result_id: int) -> dict[str, Any]:
    actor = request.auth
    key_result = get_or_404(key_results_for(actor=actor), key_result_id)
    return metric_out(_metric_or_404(actor, key_result))


@router.put(
    "/key-results/{key_result_id}/metric",
    response=MetricOut,
    summary="Measure a key result with a query on a data source, or a built-in metric",
)
def metric_bind(request: ActorRequest, key_result_id: int, payload: MetricIn) -> dict[str, Any]:
    actor = request.auth
    key_result = get_or_404(key_results_for(actor=actor), key_result_id)
    services.metric_bind(
        actor=actor,
        key_result=key_result,
        data_source=_data_source_ref(actor, payload.data_source),
        query=payload.query,
        builtin=payload.builtin,
        schedule=payload.schedule,
    )
    return metric_out(_metric_or_404(actor, key_result))


@router.delete("/key-results/{key_result_id}/metric", response={204: None})
def metric_unbind(request: ActorRequest, key_result_id: int) -> Status[None]:
    actor = request.auth
    key_result = get_or_404(key_results_for(actor=actor), key_result_id)
    services.metric_unbind(actor=actor, key_result=key_result)
    return Status(204, None)


@router.post(
    "/key-results/{key_result_id}/metric/check",
    response=CheckOut,
    summary="Run the metric (or a draft in the body) now and show the value or the exact error",
)
def metric_check_now(
    request: ActorRequest, key_result_id: int, payload: MetricDraftIn | None = None
) -> dict[str, Any]:
    actor = request.auth
    key_result = get_or_404(key_results_for(actor=actor), key_result_id)
    draft = None
    if payload is not None and payload.model_fields_set:
        draft = MetricDraft(
            data_source=_data_source_ref(actor, payload.data_source),
            query=payload.query,
            builtin=payload.builtin,
        )
    measurement = metric_check(actor=actor, key_result=key_result, draft=draft)
    return check_out(check_result(measurement))


@router.post(
    "/key-results/{key_result_id}/metric/sync",
    response=SyncOut,
    summary="Measure the key result now and record the value as a check-in",
)
def metric_sync_now(request: ActorRequest, key_result_id: int) -> dict[str, Any]:
    actor = request.auth
    key_result = get_or_404(key_results_for(actor=actor), key_result_id)
    outcome = services.metric_sync(actor=actor, metric=_metric_or_404(actor, key_result))
    return {
        "outcome": {
            "ok": outcome.ok,
            "check_ins": outcome.check_ins,
            "value": None if outcome.value is None else float(outcome.value),
            "duration_ms": outcome.duration_ms,
            "error_kind": outcome.error_kind,
            "error": outcome.error,
        },
        "key_result": one_key_result(actor, key_result.pk),
    }


# Measurability of a cycle -----------------------------------------------------------------------


@router.get("/cycles/{cycle_id}/measurability", response=MeasurabilityOut)
def cycle_measurability_report(
    request: ActorRequest, cycle_id: int, run: bool = False
) -> dict[str, Any]:
    """Every key result of the cycle and how it is measured; ``?run=true`` checks them now."""
    actor = request.auth
    cycle = get_or_404(cycles_for(actor=actor), cycle_id)
    report = cycle_measurability(actor=actor, cycle=cycle, run=run)
    return {
        "cycle": {
            "id": cycle.pk,
            "name": cycle.name,
            "status": cycle.status,
            "start": cycle.start,
            "end": cycle.end,
        },
        "ran": report.ran,
        "key_results": report.key_results,
        "measurable": report.measurable,
        "bound": report.bound,
        "failing": report.failing,
        "items": [measurability_row_out(row) for row in report.rows],
    }
