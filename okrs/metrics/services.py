"""Every write of live metrics: data sources, bindings of key results, and the results of a sync."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from okrs.goals.models import CheckIn, Cycle, KeyResult
from okrs.goals.services import key_result_check_in, key_result_sync_check_in
from okrs.lib import clock
from okrs.lib.refs import ref_base
from okrs.metrics import connectors
from okrs.metrics.errors import describe
from okrs.metrics.models import DataSource, MetricDefinition
from okrs.metrics.runner import Measurement, measure
from okrs.workspace.audit import apply_changes, audit_record, snapshot
from okrs.workspace.models import AuditEvent
from okrs.workspace.permissions import Actor, require, require_same_organization

DATA_SOURCE_FIELDS = frozenset(
    {"ref", "name", "kind", "url", "path", "timeout_seconds", "row_limit", "max_concurrency"}
)
# The url is a secret: the audit log says that it changed, never what it is.
AUDITED_DATA_SOURCE_FIELDS = sorted(DATA_SOURCE_FIELDS - {"url"})
FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_RETRY = dt.timedelta(hours=6)
LEASE = dt.timedelta(minutes=15)
logger = logging.getLogger(__name__)


# Data sources -----------------------------------------------------------------------------------


def _validate_data_source(data_source: DataSource) -> None:
    errors: dict[str, str] = {}
    if data_source.kind not in DataSource.Kind.values:
        raise ValidationError(
            {
                "kind": _("Choose the kind of data source: '%(sql)s' or '%(files)s'.")
                % {"sql": DataSource.Kind.SQL, "files": DataSource.Kind.FILES}
            }
        )
    if data_source.kind == DataSource.Kind.SQL:
        if not data_source.url.strip():
            errors["url"] = _(
                "A SQL data source needs a database URL, like postgresql://reader@host/analytics"
                " or ${WAREHOUSE_URL}."
            )
        elif not connectors.ENV_REFERENCE.search(data_source.url):
            from sqlalchemy.engine import make_url
            from sqlalchemy.exc import ArgumentError

            try:
                make_url(data_source.url)
            except (ArgumentError, ValueError):
                errors["url"] = _(
                    "This is not a database URL. Write it like"
                    " postgresql://user:password@host:5432/database."
                )
        data_source.path = ""
    else:
        path = data_source.path.strip()
        if not path:
            errors["path"] = _(
                "A files data source needs a path, like /data/events-*.parquet or /data/sales.csv."
            )
        elif not path.startswith("${") and not os.path.isabs(path):
            errors["path"] = _(
                "Write a full path, like /data/events-*.parquet: a relative path would depend on"
                " the folder the worker starts in."
            )
        elif not path.lower().endswith((".parquet", ".pq", ".csv", ".tsv", ".txt", ".csv.gz")):
            errors["path"] = _(
                "Name CSV files ending in .csv and Parquet files ending in .parquet."
            )
        data_source.url = ""
    if errors:
        raise ValidationError(errors)
    data_source.full_clean()


def _taken_data_source_refs(actor: Actor, exclude: int | None = None) -> set[str]:
    refs = DataSource.objects.filter(organization=actor.organization)
    if exclude is not None:
        refs = refs.exclude(pk=exclude)
    return set(refs.values_list("ref", flat=True))


def _new_ref(name: str, taken: set[str]) -> str:
    """A ref made from ``name``: queries name a files source by it, as a table, so only
    letters, digits and underscores (``web_events``, ``web_events_2``), never a hyphen."""
    base = ref_base("data_source", name).replace("-", "_")
    ref, number = base, 2
    while ref in taken:
        ref, number = f"{base}_{number}", number + 1
    return ref


def _require_manager(actor: Actor) -> None:
    require(
        actor.can_manage_data_sources(),
        _("Only Product Ops and admins manage data sources."),
    )


@transaction.atomic
def data_source_create(
    *, actor: Actor, name: str, kind: str, ref: str = "", **fields: Any
) -> DataSource:
    """Add a data source to the actor's organization (Product Ops and admins)."""
    _require_manager(actor)
    unknown = set(fields) - DATA_SOURCE_FIELDS
    if unknown:
        raise ValueError(f"unknown data source fields: {sorted(unknown)}")
    taken = _taken_data_source_refs(actor)
    if ref and ref in taken:
        raise ValidationError(
            {"ref": _("Another data source already has the ref '%(ref)s'.") % {"ref": ref}}
        )
    data_source = DataSource(
        organization=actor.organization,
        ref=ref or _new_ref(name, taken),
        name=name,
        kind=kind,
        **fields,
    )
    _validate_data_source(data_source)
    data_source.save()
    audit_record(
        actor=actor,
        action="data_source.create",
        instance=data_source,
        after={**snapshot(data_source, AUDITED_DATA_SOURCE_FIELDS), "url": "(hidden)"},
    )
    return data_source


def keep_hidden_password(stored: str, incoming: str) -> str:
    """The URL to save when a form or file sends back the redacted one (``***``) unchanged."""
    if "***" not in incoming or not stored:
        return incoming
    if incoming == connectors.redacted_url(stored):
        return stored
    raise ValidationError(
        {
            "url": _(
                "The password is shown as *** and cannot be edited in part. Write the whole URL"
                " again with the password, or use ${NAME} to read it from the environment."
            )
        }
    )


@transaction.atomic
def data_source_update(*, actor: Actor, data_source: DataSource, **changes: Any) -> DataSource:
    """Change a data source. A URL sent back with its password hidden keeps the stored one."""
    _require_manager(actor)
    require_same_organization(actor, data_source)
    if "url" in changes:
        changes["url"] = keep_hidden_password(data_source.url, changes["url"] or "")
    if changes.get("ref") and changes["ref"] in _taken_data_source_refs(actor, data_source.pk):
        raise ValidationError(
            {
                "ref": _("Another data source already has the ref '%(ref)s'.")
                % {"ref": changes["ref"]}
            }
        )
    url_changed = "url" in changes and changes["url"] != data_source.url
    before, after = apply_changes(data_source, changes, allowed=DATA_SOURCE_FIELDS)
    _validate_data_source(data_source)
    data_source.save()
    for secret in ("url",):
        if secret in before:
            before[secret], after[secret] = "(hidden)", "(changed)" if url_changed else "(hidden)"
    if before or after:
        audit_record(
            actor=actor,
            action="data_source.update",
            instance=data_source,
            before=before,
            after=after,
        )
        # Metrics of this source run again soon, on the new settings.
        data_source.metrics.exclude(schedule=MetricDefinition.Schedule.MANUAL).update(
            next_run_at=clock.now()
        )
    return data_source


@transaction.atomic
def data_source_delete(*, actor: Actor, data_source: DataSource) -> None:
    """Remove a data source that no key result uses any more."""
    _require_manager(actor)
    require_same_organization(actor, data_source)
    bound = data_source.metrics.count()
    if bound:
        raise ValidationError(
            ngettext(
                "%(count)s key result is measured by this data source. Bind it to another"
                " source, or remove its metric, before deleting the source.",
                "%(count)s key results are measured by this data source. Bind them to another"
                " source, or remove their metrics, before deleting the source.",
                bound,
            )
            % {"count": bound}
        )
    audit_record(
        actor=actor,
        action="data_source.delete",
        instance=data_source,
        before=snapshot(data_source, AUDITED_DATA_SOURCE_FIELDS),
    )
    data_source.delete()


# Binding key results ----------------------------------------------------------------------------


def _require_key_result_writer(actor: Actor, key_result: KeyResult) -> None:
    require_same_organization(actor, key_result)
    require(
        actor.can_edit_key_results_of(key_result.objective.team_id),
        _(
            "Only members of the team, Product Ops or an admin change how its key results are measured."
        ),
    )


def _validate_metric(actor: Actor, metric: MetricDefinition) -> None:
    errors: dict[str, str] = {}
    if metric.builtin and metric.data_source_id:
        errors["builtin"] = _("Choose a data source with a query, or a built-in metric, not both.")
    elif metric.builtin:
        metric.query = ""
    elif metric.data_source is None:
        errors["data_source"] = _("Choose the data source that measures this key result.")
    else:
        require_same_organization(actor, metric.data_source)
        if not metric.query.strip():
            errors["query"] = _(
                "Write the SQL query that returns the key result's current value, like"
                " select count(*) from orders where created_at >= :cycle_start."
            )
    if errors:
        raise ValidationError(errors)
    metric.full_clean(exclude=["key_result", "organization"])


@transaction.atomic
def metric_bind(
    *,
    actor: Actor,
    key_result: KeyResult,
    data_source: DataSource | None = None,
    query: str = "",
    builtin: str = "",
    schedule: str = MetricDefinition.Schedule.DAILY,
) -> MetricDefinition:
    """Measure ``key_result`` with a query on a data source, or a built-in metric (upsert)."""
    _require_key_result_writer(actor, key_result)
    metric = MetricDefinition.objects.filter(key_result=key_result).first()
    created = metric is None
    if metric is None:
        metric = MetricDefinition(organization=actor.organization, key_result=key_result)
    before = {} if created else snapshot(metric, ["data_source", "query", "builtin", "schedule"])
    metric.data_source, metric.query, metric.builtin = data_source, query.strip(), builtin
    metric.schedule = schedule
    _validate_metric(actor, metric)
    after = snapshot(metric, ["data_source", "query", "builtin", "schedule"])
    if after != before:
        # A new definition is measured soon and starts with a clean slate.
        metric.next_run_at = clock.now() if metric.interval else None
        metric.failures, metric.last_error, metric.last_error_kind = 0, "", ""
        metric.last_error_params = {}
    metric.save()
    if after != before:
        audit_record(
            actor=actor,
            action="key_result.bind_metric",
            instance=key_result,
            before={k: v for k, v in before.items() if after.get(k) != v} or None,
            after={k: v for k, v in after.items() if before.get(k) != v},
        )
    return metric


@transaction.atomic
def metric_unbind(*, actor: Actor, key_result: KeyResult) -> None:
    """Stop measuring ``key_result`` automatically; its check-ins stay."""
    _require_key_result_writer(actor, key_result)
    metric = MetricDefinition.objects.filter(key_result=key_result).first()
    if metric is None:
        return
    audit_record(
        actor=actor,
        action="key_result.unbind_metric",
        instance=key_result,
        before=snapshot(metric, ["data_source", "query", "builtin", "schedule"]),
    )
    metric.delete()


# Sync -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyncOutcome:
    """What a sync of one metric did: new check-ins, an unchanged value, or an error."""

    metric_id: int
    key_result_id: int
    check_ins: int
    value: Decimal | None
    error_kind: str = ""
    error: str = ""
    duration_ms: int = 0

    @property
    def ok(self) -> bool:
        return not self.error_kind


def worker_name() -> str:
    """A name unique to this process, for leases: host, process id and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def retry_delay(failures: int, interval: dt.timedelta | None) -> dt.timedelta:
    """Back off after ``failures`` failed runs in a row: 1, 2, 4 … minutes, at most 6 hours."""
    delay = FIRST_RETRY * (2 ** min(max(failures - 1, 0), 20))
    return min(delay, LONGEST_RETRY, interval or LONGEST_RETRY)


def lease_for(metric: MetricDefinition) -> dt.timedelta:
    """How long a run of ``metric`` may hold its lease: LEASE, or more for a long timeout."""
    timeout = metric.data_source.timeout_seconds if metric.data_source else 0
    return max(LEASE, dt.timedelta(seconds=timeout) + FIRST_RETRY)


def metric_claim(
    *, metric_id: int, owner: str, now: dt.datetime | None = None, lease: dt.timedelta = LEASE
) -> bool:
    """Take the lease of one metric so nobody else runs it; False if someone holds it."""
    now = now or clock.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    return bool(
        MetricDefinition.objects.filter(free, pk=metric_id).update(
            lease_until=now + lease, lease_owner=owner
        )
    )


def metric_lease_renew(*, metric: MetricDefinition, owner: str) -> bool:
    """Extend ``owner``'s lease of ``metric`` just before its query starts; False if lost.

    A worker's batch may wait a long time behind a slow source before a metric's turn comes;
    renewing then (instead of leasing the whole batch for longer) keeps a dead worker's leases
    short, and a lease that expired and was taken by another worker is never run twice.
    """
    # Still ours even if it expired meanwhile, as long as nobody else has taken it.
    renewed = MetricDefinition.objects.filter(pk=metric.pk, lease_owner=owner).update(
        lease_until=clock.now() + lease_for(metric)
    )
    return bool(renewed)


def metrics_lease_renew(*, metrics: Sequence[MetricDefinition]) -> list[MetricDefinition]:
    """Extend the leases of ``metrics`` just before their queries start; returns those still
    held (a metric leased by nobody is returned as it is).

    ``metric_lease_renew`` for the queries a worker starts together: one UPDATE per owner and
    lease length (usually one), and a read of which are still ours only when some were lost.
    """
    now = clock.now()
    held = [metric for metric in metrics if not metric.lease_owner]
    groups: dict[tuple[str, dt.timedelta], list[MetricDefinition]] = defaultdict(list)
    for metric in metrics:
        if metric.lease_owner:
            groups[(metric.lease_owner, lease_for(metric))].append(metric)
    for (owner, lease), group in groups.items():
        ours = MetricDefinition.objects.filter(pk__in=[m.pk for m in group], lease_owner=owner)
        if ours.update(lease_until=now + lease) == len(group):
            held += group
            continue
        still = set(ours.values_list("pk", flat=True))
        held += [metric for metric in group if metric.pk in still]
    return held


def _history_check_ins(actor: Actor, metric: MetricDefinition, measurement: Measurement) -> int:
    """Write the dated values of a history query that are new; returns how many were written.

    Each (day, value) pair is written once: its idempotency key names the day and the value
    (keys are per key result), so a re-run, or the same history after the key result was
    unbound and bound again, adds nothing, and a corrected value for a day adds one check-in.
    """
    assert measurement.reading is not None
    cycle = metric.key_result.objective.cycle
    last_day = min(cycle.end, clock.today())
    tz = timezone.get_current_timezone()
    written = 0
    for day, value in measurement.reading.history:
        if day < cycle.start or day > last_day:
            continue  # only the cycle's own days are its history
        check_in = key_result_check_in(
            actor=actor,
            key_result=metric.key_result,
            value=value,
            source=CheckIn.Source.SYNC,
            at=min(dt.datetime.combine(day, dt.time(), tzinfo=tz), measurement.ran_at),
            idempotency_key=f"sync:{day.isoformat()}:{value.normalize()}"[:100],
            provenance=_provenance(metric, measurement),
        )
        written += _is_new(check_in, measurement)
    return written


def _is_new(check_in: CheckIn, measurement: Measurement) -> bool:
    """Whether the check-in service wrote ``check_in`` now, or returned an earlier one."""
    provenance = check_in.provenance or {}
    return bool(provenance.get("ran_at") == measurement.ran_at.isoformat())


def _provenance(metric: MetricDefinition, measurement: Measurement) -> dict[str, Any]:
    source = metric.data_source
    return {
        **measurement.provenance(),
        "data_source_name": source.name if source else metric.get_builtin_display(),
    }


def _write_values(
    metric: MetricDefinition,
    measurement: Measurement,
    newest_at: dt.datetime | None,
    audit_events: list[AuditEvent],
) -> int:
    """The check-ins a successful measurement makes: none when the value has not changed."""
    assert measurement.reading is not None
    actor = Actor.system(metric.organization)
    if measurement.reading.history:
        # The general service, a day at a time; a refused day undoes the whole history.
        with transaction.atomic():
            return _history_check_ins(actor, metric, measurement)
    key_result = metric.key_result
    if key_result.current is not None and key_result.current == measurement.reading.value:
        return 0
    key_result_sync_check_in(
        actor=actor,
        key_result=key_result,
        value=measurement.reading.value,
        at=measurement.ran_at,
        provenance=_provenance(metric, measurement),
        newest_at=newest_at,
        audit_events=audit_events,
    )
    return 1


def metric_record(*, metric: MetricDefinition, measurement: Measurement) -> SyncOutcome:
    """Keep what a run of ``metric`` measured (see ``metrics_record``)."""
    [outcome] = metrics_record(results=[(metric, measurement)])
    return outcome


@transaction.atomic
def metrics_record(*, results: Sequence[tuple[MetricDefinition, Measurement]]) -> list[SyncOutcome]:
    """Keep what runs of ``results``' metrics measured: check-ins on success, the error otherwise.

    One transaction for the batch, a savepoint per metric: a metric whose recording fails has
    its own writes undone and is reported as ``internal``, and never affects another. Always
    releases each metric's lease and schedules its next run: after the schedule's interval on
    success, after a growing delay on failure. The metrics' rows and their cycles' rows are
    locked once for the batch (the cycles so that closing one waits for the batch, as it waits
    for any check-in), and the key results' newer check-ins are read once.
    """
    locked = _locked_metrics([metric for metric, _ in results])
    open_cycles = _open_cycle_ids(locked.values())
    newest = _newest_check_ins(locked, results)
    outcomes, audit_events = [], []
    for metric, measurement in results:
        current = locked.get(metric.pk)
        if current is None:  # unbound, or its key result deleted, while the query ran
            outcomes.append(failed_outcome(metric, measurement, "deleted"))
            continue
        events: list[AuditEvent] = []
        try:
            with transaction.atomic():
                newest_at = newest.get(current.key_result_id)
                outcomes.append(_record_one(current, measurement, open_cycles, newest_at, events))
        except Exception as error:  # a bug or a refused write: only this metric's is undone
            logger.exception("the result of metric %s could not be recorded", metric.pk)
            outcomes.append(failed_outcome(metric, measurement, "internal", error))
        else:
            audit_events += events
    AuditEvent.objects.bulk_create(audit_events)
    return outcomes


def failed_outcome(
    metric: MetricDefinition,
    measurement: Measurement,
    error_kind: str,
    error: BaseException | None = None,
) -> SyncOutcome:
    """The outcome of a metric whose result could not be kept (``deleted`` or ``internal``)."""
    # Only the exception's class: its message could quote a URL with its password.
    detail = f" {type(error).__name__}" if error is not None else ""
    return SyncOutcome(
        metric_id=metric.pk,
        key_result_id=metric.key_result_id,
        check_ins=0,
        value=None,
        error_kind=error_kind,
        error=describe(error_kind) + detail,
        duration_ms=measurement.duration_ms,
    )


def _locked_metrics(metrics: list[MetricDefinition]) -> dict[int, MetricDefinition]:
    """The metrics read again, their rows locked until commit, with their key results.

    What cannot have changed since ``metrics`` were loaded (the organization, the objective and
    its cycle when the key result's objective is the same, the data source when it is the same)
    is taken from them instead of being read and built again; cycles' statuses are read apart.
    """
    loaded = {metric.pk: metric for metric in metrics}
    fresh = (
        MetricDefinition.objects.select_for_update(of=("self",))
        .select_related("key_result")
        .filter(pk__in=list(loaded))
        .order_by("pk")
    )
    locked = {}
    for metric in fresh:
        before = loaded[metric.pk]
        metric.organization = before.organization
        if metric.data_source_id == before.data_source_id:
            metric.data_source = before.data_source
        if metric.key_result.objective_id == before.key_result.objective_id:
            metric.key_result.objective = before.key_result.objective
        locked[metric.pk] = metric
    return locked


def _open_cycle_ids(metrics: Iterable[MetricDefinition]) -> set[int]:
    """The ids of the metrics' cycles that are not closed, their rows locked until commit."""
    cycle_ids = sorted({metric.key_result.objective.cycle_id for metric in metrics})
    if not cycle_ids:
        return set()
    statuses = (
        Cycle.objects.select_for_update()
        .filter(pk__in=cycle_ids)
        .order_by("pk")
        .values_list("pk", "status")
    )
    return {pk for pk, status in statuses if status != Cycle.Status.CLOSED}


def _newest_check_ins(
    locked: dict[int, MetricDefinition],
    results: Sequence[tuple[MetricDefinition, Measurement]],
) -> dict[int, dt.datetime]:
    """For each key result that may get a one-value check-in, its newest check-in's time if it
    is later than the batch's earliest run (typed during a query, or pushed dated ahead)."""
    runs = [
        (locked[metric.pk].key_result_id, measurement.ran_at)
        for metric, measurement in results
        if metric.pk in locked and measurement.reading and not measurement.reading.history
    ]
    if not runs:
        return {}
    later = CheckIn.objects.filter(
        key_result_id__in=[key_result_id for key_result_id, _ in runs],
        created_at__gt=min(ran_at for _, ran_at in runs),
    ).values_list("key_result_id", "created_at")
    newest: dict[int, dt.datetime] = {}
    for key_result_id, created_at in later:
        newest[key_result_id] = max(created_at, newest.get(key_result_id, created_at))
    return newest


def _record_one(
    metric: MetricDefinition,
    measurement: Measurement,
    open_cycles: set[int],
    newest_at: dt.datetime | None,
    audit_events: list[AuditEvent],
) -> SyncOutcome:
    written, error_kind, params, detail = 0, "", {}, ""
    if measurement.error is not None:
        error_kind, params = measurement.error.kind, measurement.error.params
        detail = measurement.error.detail
    elif metric.key_result.objective.cycle_id not in open_cycles:
        error_kind = "cycle_closed"
    else:
        try:
            written = _write_values(metric, measurement, newest_at, audit_events)
        except ValidationError as error:  # raised before anything of this metric was written
            error_kind, params = "invalid", {"reason": " ".join(error.messages)}
    _remember(metric, measurement, error_kind, params, detail)
    return SyncOutcome(
        metric_id=metric.pk,
        key_result_id=metric.key_result_id,
        check_ins=written,
        value=measurement.reading.value if measurement.reading and not error_kind else None,
        error_kind=error_kind,
        error=(describe(error_kind, params) + (f" {detail}" if detail else ""))
        if error_kind
        else "",
        duration_ms=measurement.duration_ms,
    )


def _remember(
    metric: MetricDefinition,
    measurement: Measurement,
    error_kind: str,
    params: dict[str, Any],
    detail: str,
) -> None:
    now = clock.now()
    metric.last_run_at, metric.last_duration_ms = measurement.ran_at, measurement.duration_ms
    metric.lease_until, metric.lease_owner = None, ""
    changed = ["last_run_at", "last_duration_ms", "lease_until", "lease_owner", "failures"]
    changed += ["last_error_kind", "last_error_params", "last_error", "updated_at"]
    if error_kind:
        metric.failures += 1
        metric.last_error_kind, metric.last_error_params, metric.last_error = (
            error_kind,
            params,
            detail,
        )
        if metric.interval:
            metric.next_run_at = now + retry_delay(metric.failures, metric.interval)
            changed.append("next_run_at")
    else:
        assert measurement.reading is not None
        metric.failures, metric.last_error_kind, metric.last_error_params = 0, "", {}
        metric.last_error = ""
        metric.last_success_at, metric.last_value = measurement.ran_at, measurement.reading.value
        metric.last_row_count = measurement.row_count
        metric.next_run_at = now + metric.interval if metric.interval else None
        changed += ["last_success_at", "last_value", "last_row_count", "next_run_at"]
    metric.save(update_fields=changed)


def metric_sync(*, actor: Actor, metric: MetricDefinition) -> SyncOutcome:
    """Measure ``metric`` now and keep the result ("sync now", ``okrs sync``).

    Runs the query outside any transaction (a slow warehouse must not hold database locks), then
    records the result in one. Refused while a worker holds the metric's lease.
    """
    _require_key_result_writer(actor, metric.key_result)
    cycle = metric.key_result.objective.cycle
    if Cycle.objects.filter(pk=cycle.pk, status=Cycle.Status.CLOSED).exists():
        raise ValidationError(describe("cycle_closed"))
    if not metric_claim(metric_id=metric.pk, owner=worker_name(), lease=lease_for(metric)):
        raise ValidationError(
            _("This metric is being measured right now by a worker. Try again in a moment.")
        )
    measurement = measure(metric)
    audit_measurement(actor=actor, action="metric.sync_now", metric=metric, measurement=measurement)
    return metric_record(metric=metric, measurement=measurement)


def audit_measurement(
    *, actor: Actor, action: str, metric: MetricDefinition, measurement: Measurement
) -> None:
    """Who ran which query on which source, and how it ended: kept for every run a person asks."""
    audit_record(
        actor=actor,
        action=action,
        instance=metric.key_result,
        after={
            "query_source": metric.data_source.ref if metric.data_source else "",
            "query_builtin": metric.builtin,
            "query_fingerprint": measurement.fingerprint,
            "query_error": measurement.error.kind if measurement.error else "",
        },
    )
