"""The key-result page: where one key result stands, how it got there and where it is heading.

Loaded in a fixed number of queries whatever the number of check-ins and audit events: the key
result with its objective, team, cycle and parent; its check-ins; the progress board of its
cycle (two); its initiatives; the objectives aligned to it; its audit trail; the people an
owner change names. The chart's data is computed here too, in plain numbers for ``json_script``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from okrs.goals import progress as maths
from okrs.goals.dashboard import KeyResultRow, key_result_row
from okrs.goals.models import CheckIn, Cycle, Initiative, KeyResult, Objective
from okrs.goals.selectors import (
    Standing,
    check_ins_for,
    initiatives_for,
    key_results_for,
    objectives_for,
    progress_board,
)
from okrs.goals.templatetags.okrs_goals import NO_VALUE, percent
from okrs.goals.templatetags.okrs_goals import value as format_value
from okrs.lib import clock
from okrs.lib.errors import NotFound
from okrs.lib.links import team_page_url
from okrs.metrics.errors import describe
from okrs.metrics.forms import MetricForm
from okrs.metrics.measurability import CheckResult
from okrs.metrics.models import MetricDefinition
from okrs.metrics.selectors import data_sources_for
from okrs.metrics.templatetags.okrs_metrics import metric_of
from okrs.workspace.models import AuditEvent
from okrs.workspace.permissions import Actor
from okrs.workspace.selectors import audit_events_for_object, memberships_for

# The page lists this many audit events; older ones stay in the log (and the admin).
AUDIT_LIMIT = 50
# A projection is printed with as many decimals as the key result's own numbers, at most these.
MAX_PROJECTION_DECIMALS = 2

ACTIONS: dict[str, Callable[[], str]] = {
    "key_result.create": lambda: _("created the key result"),
    "key_result.update": lambda: _("edited the key result"),
    "key_result.check_in": lambda: _("checked in a new value"),
    "check_in.delete": lambda: _("removed a check-in"),
    "key_result.delete": lambda: _("deleted the key result"),
    "key_result.bind_metric": lambda: _("changed how it is measured"),
    "key_result.unbind_metric": lambda: _("stopped measuring it automatically"),
    "metric.check": lambda: _("ran its query to check it, recording nothing"),
    "metric.sync_now": lambda: _("synced its value from the data source"),
}
# Bookkeeping fields that say nothing to a reader of the history (provenance: see the check-ins).
# A query run's source, fingerprint and error are for the audit log, not the page.
HIDDEN_FIELDS = frozenset(
    {"organization", "objective", "idempotency_key", "provenance"}
    | {"query_source", "query_builtin", "query_fingerprint", "query_error"}
)
VALUE_FIELDS = frozenset({"baseline", "target", "current", "value"})


@dataclass(frozen=True)
class FieldChange:
    """One field of an audit event: ``before`` or ``after`` is None when the event has no side."""

    label: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class AuditEntry:
    event: AuditEvent
    summary: str
    changes: list[FieldChange]


@dataclass(frozen=True)
class AlignedObjective:
    """An objective of the page's neighbourhood (aligned to the key result) with its standing."""

    objective: Objective
    standing: Standing
    team_url: str


@dataclass(frozen=True)
class Projection:
    """Where the value lands on ``on`` if the trend of the check-ins holds."""

    value: Decimal
    on: dt.date
    reaches_target: bool


@dataclass(frozen=True)
class MetricPanel:
    """The "Measured by" panel: the metric definition, how its last run went, and for people
    who may change it the form (bind, check now, sync now).

    ``check`` is the answer of "Check now" when the page is shown with it (without JavaScript);
    ``message`` says what "Sync now" did.
    """

    metric: MetricDefinition | None
    can_edit: bool
    form: MetricForm | None
    check: CheckResult | None = None
    message: str = ""

    @property
    def error(self) -> str:
        """Why the last run failed, in the reader's language; empty when it did not."""
        metric = self.metric
        if metric is None or not metric.failing:
            return ""
        return describe(metric.last_error_kind, metric.last_error_params)

    @property
    def retry_at(self) -> dt.datetime | None:
        """When the scheduler tries a failing metric again (None: only when asked)."""
        metric = self.metric
        return metric.next_run_at if metric is not None and metric.failing else None


@dataclass(frozen=True)
class KeyResultPage:
    key_result: KeyResult
    row: KeyResultRow
    cycle: Cycle
    due: dt.date
    check_ins: list[CheckIn]  # newest first
    initiatives: list[Initiative]
    parent: KeyResult | None
    parent_standing: Standing | None
    parent_team_url: str | None
    children: list[AlignedObjective]
    audit: list[AuditEntry]
    audit_more: bool
    projection: Projection | None
    chart: dict[str, Any] | None
    team_url: str
    metric_panel: MetricPanel

    @property
    def rolled_up(self) -> bool:
        """True when aligned objectives feed this key result's progress instead of its value."""
        return any(
            child.objective.contributes and child.objective.state == Objective.State.ACTIVE
            for child in self.children
        )


def key_result_due(key_result: KeyResult, cycle: Cycle) -> dt.date:
    """The day the target is due: the deadline when it falls in the cycle, else the cycle's end.

    The same rule as ``progress_board`` uses for the expected pace.
    """
    deadline = key_result.deadline
    return min(deadline, cycle.end) if deadline and deadline >= cycle.start else cycle.end


def key_result_page(
    *, actor: Actor, key_result_id: int | str, today: dt.date | None = None
) -> KeyResultPage:
    """Everything the key-result page shows; NotFound for a key result of another organization."""
    today = today or clock.today()
    key_result = _key_result(actor, key_result_id)
    objective = key_result.objective
    cycle = objective.cycle
    check_ins = list(
        check_ins_for(actor=actor).filter(key_result=key_result).order_by("-created_at", "-id")
    )
    # The newest check-in is what key_results_with_latest annotates on the dashboard.
    key_result.last_check_in_at = check_ins[0].created_at if check_ins else None  # type: ignore[attr-defined]
    key_result.last_confidence = check_ins[0].confidence if check_ins else None  # type: ignore[attr-defined]
    board = progress_board(actor=actor, cycle_ids=[cycle.pk], today=today)
    cadence = actor.organization.check_in_cadence_days
    slug = actor.organization.slug
    parent = objective.parent_key_result
    events = list(audit_events_for_object(actor=actor, instance=key_result)[: AUDIT_LIMIT + 1])
    due = key_result_due(key_result, cycle)
    projection = _projection(key_result, cycle, check_ins, today)
    return KeyResultPage(
        key_result=key_result,
        row=key_result_row(key_result, board, cycle, cadence, today),
        cycle=cycle,
        due=due,
        check_ins=check_ins,
        initiatives=list(initiatives_for(actor=actor).filter(key_result=key_result)),
        parent=parent,
        parent_standing=board.key_results.get(parent.pk) if parent else None,
        parent_team_url=(
            team_page_url(org=slug, team_id=parent.objective.team_id, cycle_id=cycle.pk)
            if parent
            else None
        ),
        children=[
            AlignedObjective(
                objective=child,
                standing=board.objective(child.pk),
                team_url=team_page_url(org=slug, team_id=child.team_id, cycle_id=cycle.pk),
            )
            for child in objectives_for(actor=actor)
            .filter(parent_key_result=key_result)
            .order_by("team__name", "id")
        ],
        audit=audit_entries(actor, key_result, events[:AUDIT_LIMIT]),
        audit_more=len(events) > AUDIT_LIMIT,
        projection=projection,
        chart=chart_data(key_result, cycle, due, check_ins, projection, today),
        team_url=team_page_url(org=slug, team_id=objective.team_id, cycle_id=cycle.pk),
        metric_panel=metric_panel(actor, key_result),
    )


def may_change_metric(actor: Actor, key_result: KeyResult) -> bool:
    """Bind, check and sync: the team's people, Product Ops and admins, while the cycle is open."""
    return (
        actor.can_edit_key_results_of(key_result.objective.team_id)
        and key_result.objective.cycle.status != Cycle.Status.CLOSED
    )


def metric_panel(actor: Actor, key_result: KeyResult) -> MetricPanel:
    """The panel as the page first shows it; the form (one query for the data sources) only for
    people who may change how the key result is measured."""
    metric = metric_of(key_result)
    can_edit = may_change_metric(actor, key_result)
    form = None
    if can_edit:
        form = MetricForm(
            data_sources=data_sources_for(actor=actor).order_by("name"),
            initial=MetricForm.initial_for(metric),
        )
    return MetricPanel(metric=metric, can_edit=can_edit, form=form)


def _key_result(actor: Actor, key_result_id: int | str) -> KeyResult:
    try:
        pk = int(key_result_id)
    except (TypeError, ValueError):
        raise NotFound() from None
    key_result = (
        key_results_for(actor=actor)
        .select_related("objective__parent_key_result__objective__team", "measured_by__data_source")
        .filter(pk=pk)
        .first()
    )
    if key_result is None:
        raise NotFound()
    return key_result


# Projection and chart ---------------------------------------------------------------------------


def _decimals(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _places(key_result: KeyResult, check_ins: list[CheckIn]) -> int:
    """Decimals to show a computed value with: as many as the key result's numbers have."""
    numbers = [key_result.baseline, key_result.target, *(c.value for c in check_ins)]
    return min(MAX_PROJECTION_DECIMALS, max(_decimals(n) for n in numbers))


def _projection(
    key_result: KeyResult, cycle: Cycle, check_ins: list[CheckIn], today: dt.date
) -> Projection | None:
    """The least-squares trend of the check-ins, read at the cycle's end.

    The baseline counts as the value of the cycle's first day, so one check-in already gives a
    pace ("from 40 to 30 in six weeks"). None for binary key results, without check-ins, and
    once the cycle is over (there is nothing left to project).
    """
    if key_result.kind != KeyResult.Kind.METRIC or not check_ins or today > cycle.end:
        return None
    points = [(cycle.start, float(key_result.baseline))] + [
        (timezone.localdate(c.created_at), float(c.value)) for c in check_ins
    ]
    projected = maths.linear_projection(points, end=cycle.end)
    if projected is None:
        return None
    rounded = round(Decimal(repr(projected)), _places(key_result, check_ins))
    reached = maths.key_result_progress(
        kind=key_result.kind,
        direction=key_result.direction,
        baseline=float(key_result.baseline),
        target=float(key_result.target),
        current=float(rounded),
    )
    return Projection(value=rounded, on=cycle.end, reaches_target=reached >= 1)


def _start_of(day: dt.date) -> int:
    return int(timezone.make_aware(dt.datetime.combine(day, dt.time.min)).timestamp())


def _end_of(day: dt.date) -> int:
    return _start_of(day + dt.timedelta(days=1)) - 1


def chart_data(
    key_result: KeyResult,
    cycle: Cycle,
    due: dt.date,
    check_ins: list[CheckIn],
    projection: Projection | None,
    today: dt.date,
) -> dict[str, Any] | None:
    """The chart's lines as ``[POSIX seconds, value]`` points, oldest first; None for binary.

    ``values``: the check-ins. ``ideal``: the straight pace from the baseline on the cycle's
    first day to the target at the end of the due day. ``target``: the target across the cycle.
    ``projection``: from the newest check-in to the projected value at the end of the cycle.
    """
    if key_result.kind != KeyResult.Kind.METRIC:
        return None
    baseline, target = float(key_result.baseline), float(key_result.target)
    start, end = _start_of(cycle.start), _end_of(cycle.end)
    values = [[int(c.created_at.timestamp()), float(c.value)] for c in reversed(check_ins)]
    projected: list[list[float]] = []
    if projection is not None and values:
        projected = [values[-1], [end, float(projection.value)]]
    return {
        "unit": key_result.unit,
        "decimals": _places(key_result, check_ins),
        "start": start,
        "end": end,
        "today": _start_of(today),
        "series": {
            "values": values,
            "ideal": [[start, baseline], [_end_of(due), target]],
            "target": [[start, target], [end, target]],
            "projection": projected,
        },
        "labels": {
            "time": _("Date"),
            "values": _("Check-ins"),
            "ideal": _("Ideal pace"),
            "target": _("Target"),
            "projection": _("Projection"),
            "today": _("Today"),
        },
    }


# Audit trail ------------------------------------------------------------------------------------


def audit_entries(
    actor: Actor, key_result: KeyResult, events: Iterable[AuditEvent]
) -> list[AuditEntry]:
    """Audit events as people read them: who did what, and each field from before to after."""
    event_list = list(events)
    owner_ids = {
        side["owner"]
        for event in event_list
        for side in (event.before or {}, event.after or {})
        if side.get("owner") is not None
    }
    # Names of what events refer to by id: people (owner) and data sources, keyed (field, id).
    names: dict[Any, str] = {}
    if owner_ids:
        names = {
            ("owner", m.user_id): m.user.get_full_name() or m.user.get_username()
            for m in memberships_for(actor=actor).filter(user_id__in=owner_ids)
        }
    source_ids = {
        side["data_source"]
        for event in event_list
        for side in (event.before or {}, event.after or {})
        if "metric" in event.action and side.get("data_source") is not None
    }
    if source_ids:
        # A data source is named as it is called now; a deleted one by its id.
        sources = data_sources_for(actor=actor).filter(pk__in=source_ids).values_list("pk", "name")
        names |= {("data_source", pk): name for pk, name in sources}
    return [_audit_entry(event, key_result, names) for event in event_list]


def _audit_entry(event: AuditEvent, key_result: KeyResult, names: dict[Any, str]) -> AuditEntry:
    # A check-in event holds the check-in's fields, and the key result's it changed with it.
    sources: tuple[type[models.Model], ...] = (KeyResult,)
    if "check_in" in event.action:
        sources = (CheckIn, KeyResult)
    elif "metric" in event.action:
        sources = (MetricDefinition,)
    before, after = event.before or {}, event.after or {}
    creation = event.action.endswith(".create")
    changes = []
    for name in [*after, *(n for n in before if n not in after)]:
        # A field that only has an empty "after" (a new key result's, a check-in's) says nothing.
        empty = name not in before and after[name] in (None, "")
        if name in HIDDEN_FIELDS or empty or (creation and name == "position"):
            continue
        if name == "created_at" and _same_minute(after.get(name), event.created_at):
            continue  # a check-in's own time says something only when it was back-dated
        shown = _AuditValue(sources, name, key_result, names)
        changes.append(
            FieldChange(
                label=shown.label,
                before=shown(before[name]) if name in before else None,
                after=shown(after[name]) if name in after else None,
            )
        )
    summary = ACTIONS.get(event.action)
    return AuditEntry(event=event, summary=summary() if summary else event.action, changes=changes)


def _same_minute(stored: Any, moment: dt.datetime) -> bool:
    parsed = parse_datetime(str(stored)) if stored else None
    return parsed is not None and abs((parsed - moment).total_seconds()) < 60


class _AuditValue:
    """Formats the stored (JSON) values of one field of an audit event for the reader."""

    def __init__(
        self,
        sources: tuple[type[models.Model], ...],
        name: str,
        key_result: KeyResult,
        names: dict[Any, str],
    ) -> None:
        self.name, self.key_result, self.names = name, key_result, names
        self.field: Any = None  # stays None for a field since removed: the stored name shows
        for model in sources:
            try:
                self.field = model._meta.get_field(name)
                break
            except FieldDoesNotExist:
                continue
        self.label = capfirst(str(self.field.verbose_name)) if self.field else name

    def __call__(self, raw: Any) -> str:
        if raw is None or raw == "":
            return NO_VALUE
        name, key_result = self.name, self.key_result
        if name in VALUE_FIELDS:
            if key_result.kind == KeyResult.Kind.BINARY and name in ("value", "current"):
                return pgettext("key result", "Done") if Decimal(str(raw)) >= 1 else _("Not done")
            return format_value(Decimal(str(raw)), key_result.unit)
        if name == "chance_of_success":
            return percent(float(raw))
        if name == "confidence":
            return _("%(confidence)s/10") % {"confidence": raw}
        if name == "owner":
            return self.names.get(("owner", raw), _("a former member"))
        if name == "data_source":
            return self.names.get(("data_source", raw), str(raw))
        if isinstance(raw, bool):
            return _("yes") if raw else _("no")
        if self.field is not None and self.field.choices:
            return str(dict(self.field.choices).get(raw, raw))
        return self._temporal(raw)

    def _temporal(self, raw: Any) -> str:
        if isinstance(self.field, models.DateTimeField):
            moment = parse_datetime(str(raw))
            if moment is not None:
                return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
        if isinstance(self.field, models.DateField):
            try:
                return date_format(dt.date.fromisoformat(str(raw)), "DATE_FORMAT")
            except ValueError:
                pass
        if isinstance(self.field, models.DecimalField):
            return format_value(Decimal(str(raw)))
        return str(raw)
